"""Migration files: naming, ordering, checksums (no database)."""
from __future__ import annotations

import pytest

from citygrid_plugin.store import migrate


def test_shipped_migrations_are_numbered_without_gaps():
    found = migrate.discover()
    assert [m.version for m in found] == list(range(1, len(found) + 1))
    assert all("{{srid}}" not in m.render(4544) for m in found)


@pytest.mark.parametrize("names, message", [
    (["001_a.sql", "003_c.sql"], "migration 002 is missing"),
    (["001_a.sql", "001_b.sql"], "two migrations share version 1"),
    (["001_a.sql", "2_b.sql"], "must look like 001_short_name.sql"),
    (["001_A-b.sql"], "must look like 001_short_name.sql"),
])
def test_bad_migration_folders_are_refused(tmp_path, names, message):
    for name in names:
        (tmp_path / name).write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(migrate.MigrationError, match=message):
        migrate.discover(tmp_path)


def test_checksum_ignores_line_endings_only():
    assert migrate.checksum("a\nb\n") == migrate.checksum("a\r\nb\r\n")
    assert migrate.checksum("a\nb\n") != migrate.checksum("a\nb \n")
