"""Store migrations against a real PostGIS: from empty, no-op re-run, upgrade from the first
version, tampered and failing migrations, a store newer than the plugin, concurrent upgrades."""
from __future__ import annotations

import shutil
import threading

import psycopg2
import pytest

from citygrid_plugin.store import migrate

TABLES = ["store_setting", "schema_migration", "code_profile", "component_class", "event_class",
          "department", "district", "street", "community"]


def tables(conn) -> set[str]:
    with conn.cursor() as cur:
        cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'citygrid'")
        out = {r[0] for r in cur.fetchall()}
    conn.rollback()
    return out


def recorded(conn):
    with conn.cursor() as cur:
        cur.execute("SELECT version, name, checksum, applied_at FROM citygrid.schema_migration ORDER BY version")
        rows = cur.fetchall()
    conn.rollback()
    return rows


def test_from_empty_creates_every_table_and_records_checksums(conn_factory, fresh_dsn):
    conn = conn_factory(fresh_dsn)
    files = migrate.discover()
    result = migrate.upgrade(conn)
    assert result.version_before == 0
    assert result.version_after == files[-1].version
    assert [m.filename for m in result.applied] == [m.filename for m in files]
    assert set(TABLES) <= tables(conn)
    assert [(v, c) for v, _n, c, _t in recorded(conn)] == [(m.version, m.checksum) for m in files]
    assert migrate.store_srid(conn) == 4544


def test_rerun_is_a_noop(conn_factory, fresh_dsn):
    conn = conn_factory(fresh_dsn)
    migrate.upgrade(conn)
    before = recorded(conn)
    again = migrate.upgrade(conn)
    assert again.applied == [] and not again.changed
    assert recorded(conn) == before  # same rows, same applied_at


def test_upgrade_from_first_version(conn_factory, fresh_dsn):
    conn = conn_factory(fresh_dsn)
    first = migrate.upgrade(conn, target=1)
    assert first.version_after == 1
    assert "district" not in tables(conn)
    rest = migrate.upgrade(conn)
    assert rest.version_before == 1
    assert [m.version for m in rest.applied] == [m.version for m in migrate.discover()[1:]]
    assert "district" in tables(conn)


def test_tampered_migration_is_refused(conn_factory, fresh_dsn, tmp_path):
    conn = conn_factory(fresh_dsn)
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder)
    migrate.upgrade(conn, migrations=migrate.discover(folder))
    victim = sorted(folder.glob("002_*.sql"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\n-- harmless looking edit\n", encoding="utf-8")
    with pytest.raises(migrate.MigrationError) as err:
        migrate.upgrade(conn, migrations=migrate.discover(folder))
    assert victim.name in str(err.value)
    assert "changed after it was applied" in str(err.value)
    # CRLF-only differences (a Windows checkout) are not tampering
    victim.write_bytes(sorted(migrate.MIGRATIONS_DIR.glob("002_*.sql"))[0].read_bytes().replace(b"\n", b"\r\n"))
    assert migrate.upgrade(conn, migrations=migrate.discover(folder)).applied == []


def test_failing_migration_leaves_store_untouched(conn_factory, fresh_dsn, tmp_path):
    conn = conn_factory(fresh_dsn)
    migrate.upgrade(conn, target=1)
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder)
    n = len(migrate.discover()) + 1
    (folder / f"{n:03d}_broken.sql").write_text(
        "CREATE TABLE citygrid.half_done (id int);\nSELEC oops;\n", encoding="utf-8")
    with pytest.raises(migrate.MigrationError) as err:
        migrate.upgrade(conn, migrations=migrate.discover(folder))
    assert f"{n:03d}_broken.sql" in str(err.value)
    # all pending migrations were one transaction: nothing from 002.. or the broken one stayed
    assert migrate.store_version(conn) == 1
    assert "half_done" not in tables(conn) and "district" not in tables(conn)


def test_store_newer_than_plugin_is_refused(conn_factory, fresh_dsn, tmp_path):
    conn = conn_factory(fresh_dsn)
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder)
    n = len(migrate.discover()) + 1
    (folder / f"{n:03d}_future.sql").write_text("CREATE TABLE citygrid.future (id int);", encoding="utf-8")
    migrate.upgrade(conn, migrations=migrate.discover(folder))
    with pytest.raises(migrate.MigrationError, match="newer than this copy of CityGrid"):
        migrate.upgrade(conn)


def test_crs_is_fixed_and_enforced(conn_factory, fresh_dsn):
    conn = conn_factory(fresh_dsn)
    with pytest.raises(migrate.MigrationError, match="not a projected CRS in metres"):
        migrate.upgrade(conn, srid=4326)
    assert migrate.store_version(conn) == 0
    migrate.upgrade(conn, srid=4543)
    with pytest.raises(migrate.MigrationError, match="EPSG:4543"):
        migrate.upgrade(conn, srid=4544)
    with conn.cursor() as cur, pytest.raises(psycopg2.Error, match="SRID"):
        cur.execute("INSERT INTO citygrid.district (code, name, boundary) VALUES "
                    "('510104', 'x', ST_Multi(ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))', 4544)))")
    conn.rollback()


def test_concurrent_upgrades_apply_once(cluster, fresh_db):
    results, errors = [], []

    def worker():
        from citygrid_plugin.store import db

        try:
            c = db.connect(cluster.dsn(fresh_db))
            try:
                results.append(migrate.upgrade(c))
            finally:
                c.close()
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    applied = sorted(len(r.applied) for r in results)
    assert applied == [0, 0, len(migrate.discover())]
