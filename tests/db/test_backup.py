"""Backup and restore (issue part 5): a pg_dump/pg_restore round trip of a store, as SECURITY.md
("Faults, bad input and backups") documents it:

    pg_dump --format=custom --file=store.dump --dbname="<store>"
    CREATE DATABASE restored;  pg_restore --exit-on-error --single-transaction --dbname="<restored>" store.dump

(or ``./citygrid db backup FILE`` / ``./citygrid db restore FILE DBNAME``, which run exactly these
with the server's own binaries). The store holds unit grids with a retired grid and its history,
components with history (an update and a retirement), cases with their audit including a
break-glass amendment, and the roles set up with one staff login. After restoring into a fresh
database of the same server, every code, every history and audit row (ids, actors, times, data),
every sequence, grant and row-level-security policy is identical, and the restored store goes on
working: new codes continue after the old ones (a code is never reused), the audit stays
append-only, and the staff login acts with its role.
"""
from __future__ import annotations

import re
import subprocess
import uuid

import psycopg2
import pytest
from shapely.geometry import box

from citygrid_plugin.cli import main
from citygrid_plugin.store import db, migrate
from citygrid_plugin.store.cases import act, report_case
from citygrid_plugin.store.cluster import _pg_bindir
from citygrid_plugin.store.grids import replace_grids
from citygrid_plugin.store.photos import add_photo
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.faults import fingerprint
from tests.helpers.photos import photo
from tests.stores import PREFIX, make_case_store

PASSWORD = "Backup-Restore-2026!"


@pytest.fixture
def full_store(store_dsn, conn_factory):
    """(DSN, staff login) of a store with history everywhere; the login is dropped afterwards."""
    make_case_store(store_dsn)
    conn = conn_factory(store_dsn)
    # merge the two north-western grids: both codes retired (kept, with successors), one new code
    squares = [box(x, y, x + 100, y + 100).wkb for y in (100, 0) for x in (0, 100, 200)]
    replace_grids(conn, {PREFIX: [box(0, 100, 200, 200).wkb, *squares[2:]]})
    with conn.cursor() as cur:
        for x, cls in ((20, "0101"), (40, "0101"), (60, "0101"), (220, "0102")):
            cur.execute("INSERT INTO citygrid.component (class_code, dept1_code, geom) VALUES "
                        "(%s, 'SZ', ST_SetSRID(ST_MakePoint(%s, 50), 4544))", (cls, x))
        cur.execute("UPDATE citygrid.component SET state = '破损', note = '盖板松动' WHERE class_code = '0101' "
                    "AND ST_X(geom) = 20")
        cur.execute("DELETE FROM citygrid.component WHERE ST_X(geom) = 40")  # retired, code kept
    conn.commit()
    a = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150, address="红星路1号", reporter="张三")
    for action, role, note, data in (("accept", "operator", "受理", None), ("register", "shift_leader", None, None),
                                     ("dispatch", "dispatcher", None, {"department": "HW"})):
        a = act(conn, a.id, action, role, a.version, note=note, data=data)
    add_photo(conn, a.id, "report", photo())  # photos are in the backup, with who and when
    b = report_case(conn, "领导批办", "event", "0505", "乱停车", 250, 50)
    act(conn, b.id, "cancel", "operator", b.version, note="重复 13800000000")
    with conn.cursor() as cur:  # break glass: redact the phone number in the audit, with a reason
        cur.execute("SELECT id FROM citygrid.case_action WHERE note LIKE '%%13800000000%%'")
        cur.execute("SELECT citygrid.break_glass_amend(%s, '重复（号码已删除）', '个人信息')", (cur.fetchone()[0],))
    conn.commit()
    setup_roles(conn)
    login = f"cgt_{uuid.uuid4().hex[:6]}_op"
    save_user(conn, login, ["operator"], "备份受理员", password=PASSWORD)
    yield store_dsn, login
    conn.rollback()
    with conn.cursor() as cur:
        cur.execute(f'DROP OWNED BY "{login}"')
        cur.execute(f'DROP ROLE IF EXISTS "{login}"')
    conn.commit()


def rows(conn, sql: str) -> list[tuple]:
    with conn.cursor() as cur:
        cur.execute(sql)
        out = cur.fetchall()
    conn.rollback()
    return out


_KIND = "(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END)::\"char\""
_FUNCTION = "'f'::\"char\""
_PRIVILEGES = ("ARRAY(SELECT a.grantee::regrole::text || ' ' || a.privilege_type || ' ' || a.is_grantable "
               "FROM aclexplode(COALESCE({acl}, acldefault({kind}, {owner}))) a ORDER BY 1)")
AUDIT = {
    "grid codes": "SELECT id, code, retired_at, retire_reason, predecessors, successors, ST_AsEWKB(geom) "
                  "FROM citygrid.grid ORDER BY id",
    "grid_history": "SELECT id, grid_id, code, action, at, by_user, old_values, new_values FROM citygrid.grid_history "
                    "ORDER BY id",
    "component codes": "SELECT id, uid, code, version, state, note, retired_at, retired_by FROM citygrid.component "
                       "ORDER BY id",
    "component_history": "SELECT id, component_id, code, action, at, by_user, old_values "
                         "FROM citygrid.component_history ORDER BY id",
    "cases": "SELECT id, case_no, state, version, address, updated_at FROM citygrid.work_case ORDER BY id",
    "case_reporter": "SELECT case_id, name, phone FROM citygrid.case_reporter ORDER BY case_id",
    "case_photo": "SELECT id, case_id, stage, md5(content), uploaded_by, uploaded_at FROM citygrid.case_photo "
                  "ORDER BY id",
    "case_action": "SELECT id, case_id, action, from_state, to_state, actor, role, at, note, data "
                   "FROM citygrid.case_action ORDER BY id",
    "audit_override": "SELECT id, at, by_user, reason, case_action_id, old_note, new_note FROM citygrid.audit_override "
                      "ORDER BY id",
    "sequences": "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'citygrid' ORDER BY 1",
    # effective privileges (an ACL equal to the owner's default is stored as NULL after a restore)
    "grants": f"SELECT c.relname, c.relkind, {_PRIVILEGES.format(acl='c.relacl', kind=_KIND, owner='c.relowner')} "
              "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'citygrid' ORDER BY 1",
    "function grants": f"SELECT p.oid::regprocedure::text, p.prosecdef, "
                       f"{_PRIVILEGES.format(acl='p.proacl', kind=_FUNCTION, owner='p.proowner')} "
                       "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'citygrid' "
                       "ORDER BY 1",
    "policies": "SELECT tablename, policyname, roles::text, cmd, qual FROM pg_policies WHERE schemaname = 'citygrid' "
                "ORDER BY 1, 2",
    "row security": "SELECT relname, relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = 'citygrid' AND c.relkind = 'r' ORDER BY 1",
    "triggers": "SELECT tgrelid::regclass::text, tgname, tgenabled FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'citygrid' AND NOT tgisinternal ORDER BY 1, 2",
}


def snapshot(dsn: str) -> dict[str, list]:
    conn = db.connect(dsn)
    try:
        out = {name: rows(conn, sql) for name, sql in AUDIT.items()}
        out["every table"] = sorted(fingerprint(conn).items())
        return out
    finally:
        conn.close()


def test_pg_dump_and_pg_restore_round_trip_keeps_codes_history_audit_and_roles(full_store, cluster, tmp_path):
    """The documented round trip, with the server's own pg_dump/pg_restore: everything identical
    after the restore, and the restored store keeps issuing new codes and numbers and enforcing
    its rules."""
    dsn, login = full_store
    before = snapshot(dsn)
    assert len(before["grid_history"]) > 6 and any(r[2] for r in before["grid codes"])   # history, a retired grid
    assert len(before["component_history"]) >= 2 and len(before["audit_override"]) == 1
    dump = tmp_path / "store.dump"
    bindir = _pg_bindir()
    subprocess.run([str(bindir / "pg_dump"), "--format=custom", "--file", str(dump), "--dbname", dsn], check=True)
    restored = f"cg_restore_{uuid.uuid4().hex[:8]}"
    cluster.ensure_database(restored)
    try:
        target = cluster.dsn(restored)
        subprocess.run([str(bindir / "pg_restore"), "--exit-on-error", "--single-transaction", "--dbname", target,
                        str(dump)], check=True, capture_output=True)
        after = snapshot(target)
        for name in before:
            assert after[name] == before[name], name
        check_the_restored_store_works(target, before, login, cluster, restored)
    finally:
        cluster.drop_database(restored)


def check_the_restored_store_works(target: str, before: dict, login: str, cluster, dbname: str) -> None:
    conn = db.connect(target)
    try:
        assert migrate.upgrade(conn).applied == []          # the same migrations, checksums intact
        old_codes = {r[2] for r in before["component codes"]}
        with conn.cursor() as cur:
            cur.execute("INSERT INTO citygrid.component (class_code, dept1_code, geom) VALUES "
                        "('0101', 'SZ', ST_SetSRID(ST_MakePoint(80, 50), 4544)) RETURNING code")
            code = cur.fetchone()[0]
        conn.commit()
        serials = [int(c[-6:]) for c in old_codes if c[6:10] == "0101"]
        assert code not in old_codes and int(code[-6:]) == max(serials) + 1   # the retired one's serial stays taken
        new_case = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 150, 150)
        old_numbers = [r[1] for r in before["cases"]]
        assert new_case.case_no not in old_numbers
        assert int(new_case.case_no[-6:]) == max(int(n[-6:]) for n in old_numbers) + 1
        with pytest.raises(psycopg2.Error, match="append-only"):
            with conn.cursor() as cur:
                cur.execute("UPDATE citygrid.case_action SET note = 'x'")
        conn.rollback()
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM citygrid.grid WHERE retired_at IS NULL")
            assert cur.fetchone()[0] == 5
        conn.rollback()
    finally:
        conn.close()
    staff = db.connect(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user={login} password={PASSWORD}")
    try:
        accepted = act(staff, new_case.id, "accept", "operator", new_case.version)
        assert accepted.state == "accepted"
        with staff.cursor() as cur:
            cur.execute("SELECT actor FROM citygrid.case_action WHERE case_id = %s ORDER BY id DESC LIMIT 1",
                        (new_case.id,))
            assert cur.fetchone()[0] == login
        staff.rollback()
    finally:
        staff.close()


def test_citygrid_db_backup_and_restore_commands(full_store, cluster, tmp_path, capsys):
    """``./citygrid db backup FILE`` and ``./citygrid db restore FILE DBNAME``: the same round trip;
    an existing backup is never overwritten, an existing database never restored into, and a
    file that is not a backup is refused without leaving a database behind."""
    dsn, _login = full_store
    before = snapshot(dsn)
    dump = tmp_path / "citygrid.dump"
    assert main(["--dsn", dsn, "db", "backup", str(dump)]) == 0
    assert f"backup written: {dump}" in capsys.readouterr().out
    assert dump.stat().st_size > 10_000 and not dump.with_name("citygrid.dump.partial").exists()
    assert main(["--dsn", dsn, "db", "backup", str(dump)]) == 2
    assert "already exists; a backup is never overwritten" in capsys.readouterr().err
    restored = f"cg_restore_{uuid.uuid4().hex[:8]}"
    try:
        assert main(["--dsn", dsn, "db", "restore", str(dump), restored]) == 0
        out = capsys.readouterr().out
        assert out.startswith("restored into ") and f"dbname={restored}" in out
        assert re.search(r"store version \d+, EPSG:4544", out)
        after = snapshot(cluster.dsn(restored))
        for name in before:
            assert after[name] == before[name], name
        assert main(["--dsn", dsn, "db", "restore", str(dump), restored]) == 2
        assert f"database {restored} already exists" in capsys.readouterr().err
    finally:
        cluster.drop_database(restored)
    junk = tmp_path / "junk.dump"
    junk.write_bytes(b"PGDMP but not really")
    other = f"cg_restore_{uuid.uuid4().hex[:8]}"
    assert main(["--dsn", dsn, "db", "restore", str(junk), other]) == 2
    assert "is not a backup made by `citygrid db backup`" in capsys.readouterr().err
    conn = db.connect(cluster.dsn("postgres"))
    try:
        assert rows(conn, f"SELECT count(*) FROM pg_database WHERE datname = '{other}'") == [(0,)]
    finally:
        conn.close()
