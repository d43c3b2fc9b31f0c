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


def test_each_function_file_defines_exactly_its_function(tmp_path):
    found = migrate.discover_functions()
    assert len(found) > 40 and all(f.path.name == f"{f.name}.sql" for f in found)
    (tmp_path / "a.sql").write_text("CREATE OR REPLACE FUNCTION citygrid.a() RETURNS int LANGUAGE sql AS $$ "
                                    "SELECT 1 $$;\nCREATE OR REPLACE FUNCTION citygrid.b() RETURNS int LANGUAGE sql "
                                    "AS $$ SELECT 2 $$;\n", encoding="utf-8")
    with pytest.raises(migrate.MigrationError, match="must define exactly the function citygrid.a"):
        migrate.discover_functions(tmp_path)


def test_migrations_from_012_hold_schema_changes_only():
    """A function's body lives in its file; a migration from 012 on may only create a stub that a
    trigger needs (the function file replaces it in the same upgrade)."""
    import re

    files = {f.name for f in migrate.discover_functions()}
    for m in migrate.discover():
        if m.version < 12:
            continue
        pattern = r"CREATE (?:OR REPLACE )?FUNCTION citygrid\.(\w+)\(.*?\$\$(.*?)\$\$"
        for name, body in re.findall(pattern, m.text, re.S):
            assert name in files, f"{m.filename}: function {name} has no file in store/sql/functions"
            assert body.split() == ["BEGIN", "RETURN", "NEW;", "END"], f"{m.filename}: {name} is more than a stub"
