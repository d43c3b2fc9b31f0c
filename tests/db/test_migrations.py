"""Store migrations against a real PostGIS: from empty, no-op re-run, upgrade from the first
version, tampered and failing migrations, a store newer than the plugin, concurrent upgrades."""
from __future__ import annotations

import difflib
import shutil
import subprocess
import threading

import psycopg2
import pytest

from citygrid_plugin.store import migrate
from citygrid_plugin.store.cluster import _pg_bindir

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


def _schema(cluster, dbname: str) -> str:
    """The schema of a store as pg_dump prints it (comments and blank lines dropped)."""
    dump = subprocess.run([str(_pg_bindir() / "pg_dump"), "--schema-only", "--schema=citygrid", "--no-owner",
                           "--dbname", cluster.dsn(dbname)], capture_output=True, text=True, check=True).stdout
    # (\restrict lines carry a random key that pg_dump makes anew each run)
    return "\n".join(line for line in dump.splitlines()
                     if line.strip() and not line.startswith(("--", "\\restrict", "\\unrestrict")))


def test_a_store_upgraded_step_by_step_equals_one_built_from_empty(cluster, conn_factory, fresh_db):
    """Every migration from version 1, one upgrade each (as stores in the field went), then the
    function files: the same schema as the store built from empty in one upgrade."""
    stepwise = f"{fresh_db}_steps"
    cluster.ensure_database(stepwise)
    try:
        conn = conn_factory(cluster.dsn(stepwise))
        for m in migrate.discover():
            result = migrate.upgrade(conn, target=m.version)
            assert result.version_after == m.version
        assert migrate.upgrade(conn).changed is False
        migrate.upgrade(conn_factory(cluster.dsn(fresh_db)))
        a, b = _schema(cluster, stepwise), _schema(cluster, fresh_db)
        assert a == b, "\n".join(difflib.unified_diff(a.splitlines(), b.splitlines(), "stepwise", "from empty",
                                                      lineterm="", n=1))
    finally:
        cluster.drop_database(stepwise)


def test_every_function_of_the_store_lives_in_exactly_one_function_file(conn_factory, fresh_dsn):
    conn = conn_factory(fresh_dsn)
    result = migrate.upgrade(conn)
    files = {f.name: f for f in migrate.discover_functions()}
    assert sorted(result.functions) == sorted(files)
    with conn.cursor() as cur:
        cur.execute("SELECT p.proname, count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    "WHERE n.nspname = 'citygrid' GROUP BY 1")
        in_store = dict(cur.fetchall())
        cur.execute("SELECT name, checksum FROM citygrid.schema_function")
        recorded_ = dict(cur.fetchall())
    conn.rollback()
    assert set(in_store) == set(files), "a function in the store without its file, or a file not applied"
    assert all(n == 1 for n in in_store.values()), {k: n for k, n in in_store.items() if n > 1}  # no stray overloads
    assert recorded_ == {name: f.checksum for name, f in files.items()}


def test_a_changed_function_file_is_applied_once_and_the_roles_get_their_grants_back(conn_factory, fresh_dsn,
                                                                                   tmp_path, monkeypatch):
    from citygrid_plugin.store.roles import setup_roles

    conn = conn_factory(fresh_dsn)
    migrate.upgrade(conn)
    setup_roles(conn)
    folder = tmp_path / "functions"
    shutil.copytree(migrate.FUNCTIONS_DIR, folder)
    path = folder / "coord_text.sql"
    path.write_text(path.read_text(encoding="utf-8").replace("round(v::numeric, 1)", "round(v::numeric, 2)"),
                    encoding="utf-8")
    monkeypatch.setattr(migrate, "FUNCTIONS_DIR", folder)
    result = migrate.upgrade(conn)
    assert result.functions == ["coord_text"] and not result.applied
    with conn.cursor() as cur:
        cur.execute("SELECT citygrid.coord_text(1.234), has_function_privilege('citygrid_operator', "
                    "'citygrid.case_act(bigint, text, text, integer, text, jsonb)', 'EXECUTE'), "
                    "has_function_privilege('public', 'citygrid.set_internal(boolean)', 'EXECUTE')")
        assert cur.fetchone() == ("1.23", True, False)
    conn.rollback()
    assert migrate.upgrade(conn).functions == []


def test_every_table_added_since_the_integrity_migration_has_row_level_security(conn_factory, fresh_dsn):
    conn = conn_factory(fresh_dsn)
    migrate.upgrade(conn)
    with conn.cursor() as cur:
        cur.execute("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = 'citygrid' AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity")
        without = {r[0] for r in cur.fetchall()}
    conn.rollback()
    assert without <= BEFORE_RLS_RULE, f"new tables without row-level security: {without - BEFORE_RLS_RULE}"


# The tables of migrations 001–011 that have no row-level security (their rights are table grants).
# GUIDE §3: every new table gets row-level security and grants in the same change.
BEFORE_RLS_RULE = {
    "schema_migration", "store_setting", "code_profile", "component_class", "event_class", "department", "district",
    "street", "community", "grid", "grid_history", "component_serial", "component", "component_history",
    "grid_census", "basemap_line", "basemap_polygon", "basemap_text", "work_calendar", "case_state", "case_role",
    "case_transition", "routing_rule", "staff", "audit_override",
}
