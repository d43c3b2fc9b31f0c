"""The attacks of the integrity review (issue 12), each performed the way an intruder or a
dishonest user would — over a real password login of the role in question — and each refused by
the store. SECURITY.md lists them with these tests ("Attacks tried and refused")."""
from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import stat
import subprocess
from datetime import datetime, timedelta, timezone

import psycopg2
import pytest

from citygrid_plugin.cli import backup_store, restore_store
from citygrid_plugin.store import db, migrate
from citygrid_plugin.store.cases import CaseRefused, act, report_case
from citygrid_plugin.store.cluster import PrivateCluster
from tests.helpers.photos import photo
from tests.helpers.sql import count, denied, one

CST = timezone(timedelta(hours=8))
INJECTION = "y;ALTER/**/ROLE/**/{login}/**/SUPERUSER;--"


def _dispatched(login, owner_conn=None):
    """A 暴露垃圾 case reported by the supervisor and dispatched to 环卫所 (HW) by real logins."""
    c = report_case(login("supervisor"), "监督员上报", "event", "0102", "暴露垃圾", 50, 50)
    c = act(login("operator"), c.id, "accept", "operator", c.version)
    c = act(login("shift_leader"), c.id, "register", "shift_leader", c.version)
    return act(login("dispatcher"), c.id, "dispatch", "dispatcher", c.version)


def _server_now(conn) -> datetime:
    return one(conn, "SELECT clock_timestamp()")[0]


# 1 -- local superuser -------------------------------------------------------------------------------

@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("runuser"), reason="needs root to run as another account")
def test_another_local_account_cannot_log_in_as_the_cluster_owner(cluster):
    """`runuser -u nobody -- psql "host=127.0.0.1 … user=citygrid"` was a superuser login."""
    psql = shutil.which("psql")
    for target in (f"host=127.0.0.1 port={cluster.port} user={cluster.user} dbname=postgres",
                   f"host={cluster.sockdir} port={cluster.port} user={cluster.user} dbname=postgres"):
        proc = subprocess.run(["runuser", "-u", "nobody", "--", psql, "-w", target, "-c", "SELECT 1"],  # noqa: S603
                              capture_output=True, text=True, timeout=30)
        assert proc.returncode != 0, target
        assert ("rejects connection" in proc.stderr or "Permission denied" in proc.stderr
                or "password" in proc.stderr), proc.stderr
    # the socket's folder is the server account's alone
    mode = stat.S_IMODE(cluster.sockdir.stat().st_mode)
    assert mode & 0o077 == 0, oct(mode)
    assert pwd.getpwuid(cluster.sockdir.stat().st_uid).pw_name in ("postgres", pwd.getpwuid(os.geteuid()).pw_name)


def test_the_owner_is_not_trusted_over_tcp_even_from_its_own_account(cluster):
    with pytest.raises(psycopg2.OperationalError, match="rejects connection|password"):
        psycopg2.connect(host="127.0.0.1", port=cluster.port, user=cluster.user, dbname="postgres",
                         connect_timeout=5)
    hba = (cluster.datadir / "pg_hba.conf").read_text(encoding="utf-8")
    assert "trust" not in [word for line in hba.splitlines() if not line.startswith("#") for word in line.split()]


# 2 -- SQL injection through the serial sequences ------------------------------------------------------

@pytest.mark.parametrize("role", ["surveyor", "admin"])
def test_no_login_can_splice_text_into_a_statement_through_the_component_serials(secured, role):
    owner, login, logins = secured
    conn = login(role)
    attack = INJECTION.format(login=logins[role])
    denied(conn, "SELECT citygrid.next_component_code('510104', '2013', %s)", (attack,))
    denied(conn, "SELECT citygrid.component_sequence('510104', '2013', %s)", (attack,))
    # through the component trigger (which draws serials with the owner's rights) the text is a
    # class code that does not exist, and nothing is executed
    with conn.cursor() as cur, pytest.raises(psycopg2.Error, match="is not a component class"):
        cur.execute("INSERT INTO citygrid.component (class_code, dept1_code, geom) "
                    "VALUES (%s, 'SZ', ST_SetSRID(ST_MakePoint(50, 50), 4544))", (attack,))
    conn.rollback()
    assert one(owner, "SELECT rolsuper FROM pg_roles WHERE rolname = %s", (logins[role],)) == (False,)
    assert count(owner, "SELECT count(*) FROM citygrid.component_serial WHERE sequence_name LIKE '%%ROLE%%'") == 0
    # and the owner's own call is refused before any statement is built
    denied(owner, "SELECT citygrid.component_sequence('510104', '2013', %s)", (attack,),
           match="is not a component class")


def test_an_upgrade_refuses_a_store_that_holds_an_injected_sequence_name(conn_factory, fresh_dsn):
    """Before 012 the injected name was recorded in component_serial and executed again by the
    010 → 011 upgrade; a store holding one is not upgraded until a person has looked."""
    conn = conn_factory(fresh_dsn)
    migrate.upgrade(conn, target=10)
    with conn.cursor() as cur:
        cur.execute("INSERT INTO citygrid.district (code, name) VALUES ('510104', '锦江区')")
        cur.execute("INSERT INTO citygrid.component_serial VALUES ('510104', '2013', 'y', "
                    "'citygrid.component_seq_510104_2013_y;ALTER/**/ROLE/**/nobody/**/SUPERUSER;--')")
    conn.commit()
    with pytest.raises(migrate.MigrationError, match="component serial sequences that CityGrid did not make"):
        migrate.upgrade(conn)
    assert migrate.store_version(conn) == 10


def test_every_owner_function_pins_its_search_path_and_executes_no_caller_text(store_dsn, conn_factory):
    """pg_proc, read back from a real store: every SECURITY DEFINER function has a fixed
    search_path, and no function builds a statement from text (EXECUTE only with format()
    and %I/%L, never %s or ||)."""
    conn = conn_factory(store_dsn)
    with conn.cursor() as cur:
        cur.execute("""SELECT p.proname, p.prosecdef, p.proconfig, p.prosrc FROM pg_proc p
                         JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'citygrid'""")
        functions = cur.fetchall()
    assert len(functions) > 40
    for name, definer, config, source in functions:
        if definer:
            assert any(c.startswith("search_path=") for c in (config or [])), \
                f"{name}: SECURITY DEFINER without search_path"
        for statement in re.findall(r"\bEXECUTE\b(.*?);", source, flags=re.S | re.I):
            text = statement.strip()
            assert text.lower().startswith("format("), f"{name}: EXECUTE {text[:60]}"
            template = re.match(r"format\(\s*'((?:[^']|'')*)'", text, flags=re.I)
            assert template and "%s" not in template.group(1), f"{name}: EXECUTE format with %s: {text[:80]}"
            assert "||" not in text, f"{name}: EXECUTE of a concatenation: {text[:80]}"


# 3 -- client-chosen times ---------------------------------------------------------------------------

def test_no_client_chooses_the_time_of_an_action(secured):
    owner, login, logins = secured
    c = _dispatched(login)
    hw = login("department")
    deadline = one(owner, "SELECT handle_deadline FROM citygrid.work_case WHERE id = %s", (c.id,))[0]
    # the old way: a late feedback dated an hour before the deadline
    denied(hw, "SELECT citygrid.case_act(%s, 'feedback', 'department', %s, NULL, '{}', %s)",
           (c.id, c.version, deadline - timedelta(hours=1)), match="does not exist")
    # the replays of history are the owner's alone
    for role in ("department", "operator", "admin"):
        denied(login(role), "SELECT citygrid.case_replay_act(NULL, %s, %s, 'feedback', 'department', %s)",
               (deadline - timedelta(hours=1), c.id, c.version))
        denied(login(role), "SELECT citygrid.case_replay_report(NULL, now() - interval '40 days', '12319热线', "
                            "'event', '0102', 'x', ST_SetSRID(ST_MakePoint(50, 50), 4544))")
        denied(login(role), "SELECT citygrid.case_act_core(%s, now() - interval '1 day', false, %s, 'feedback', "
                            "'department', %s, NULL, '{}')", (logins["department"], c.id, c.version))
    # reports dated 9999 or 0001: there is no parameter for it; an "observed" time is bounded and
    # never becomes the report time
    sup = login("supervisor")
    for when in (datetime(9999, 1, 1, tzinfo=CST), datetime(1, 1, 1, tzinfo=CST),
                 datetime.now(CST) + timedelta(hours=1), datetime.now(CST) - timedelta(days=10)):
        with pytest.raises(CaseRefused, match="observed time .* is not plausible"):
            report_case(sup, "监督员上报", "event", "0102", "暴露垃圾", 50, 50, observed_at=when)
    seen = datetime.now(CST) - timedelta(hours=2)
    before = _server_now(owner)
    r = report_case(sup, "监督员上报", "event", "0102", "暴露垃圾", 150, 50, observed_at=seen)
    after = _server_now(owner)
    reported_at, observed_at, replayed = one(owner, "SELECT reported_at, observed_at, replayed FROM citygrid.work_case "
                                                    "WHERE id = %s", (r.id,))
    assert before <= reported_at <= after and abs((observed_at - seen).total_seconds()) < 1e-3 and not replayed
    assert r.case_no.startswith(after.astimezone(CST).strftime("%Y%m%d"))
    # a feedback is recorded at the server's clock, and judged on it
    before = _server_now(owner)
    act(hw, c.id, "feedback", "department", c.version, note="已清运", photos=[photo()])
    at, data, replayed = one(owner, "SELECT at, data, replayed FROM citygrid.case_action WHERE case_id = %s "
                                    "AND action = 'feedback'", (c.id,))
    assert before <= at <= _server_now(owner) and data["on_time"] is (at <= deadline) and not replayed


def test_a_dispatcher_cannot_urge_a_case_that_is_not_overdue(secured):
    _owner, login, _logins = secured
    c = _dispatched(login)
    with pytest.raises(CaseRefused, match="is not overdue"):
        act(login("dispatcher"), c.id, "urge", "dispatcher", c.version)


def test_the_owner_replays_history_and_the_rows_say_so(secured):
    owner, _login, logins = secured
    when = datetime.now(CST) - timedelta(days=40)
    c = report_case(owner, "领导批办", "event", "0102", "暴露垃圾", 50, 50, at=when, as_user=logins["operator"])
    c = act(owner, c.id, "accept", "operator", c.version, at=when + timedelta(minutes=5), as_user=logins["operator"])
    assert one(owner, "SELECT reported_at, replayed FROM citygrid.work_case WHERE id = %s", (c.id,)) == (when, True)
    trail = [tuple(r) for r in _rows(owner, "SELECT action, actor, at, replayed FROM citygrid.case_action "
                                            "WHERE case_id = %s ORDER BY id", (c.id,))]
    assert trail == [("report", logins["operator"], when, True),
                     ("accept", logins["operator"], when + timedelta(minutes=5), True)]
    with pytest.raises(CaseRefused, match="not in the future"):
        act(owner, c.id, "verify", "supervisor", c.version, at=datetime.now(CST) + timedelta(days=1))
    with pytest.raises(CaseRefused, match="cannot be recorded before"):
        act(owner, c.id, "verify", "supervisor", c.version, at=when)


def _rows(conn, sql, args=()):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        rows = cur.fetchall()
    conn.rollback()
    return rows


# 4 -- backups ---------------------------------------------------------------------------------------

def test_a_backup_is_private_and_holds_no_secret(secured, tmp_path):
    owner, login, logins = secured
    _dispatched(login)
    path = backup_store(owner.dsn, tmp_path / "store.dump")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    listing = subprocess.run([shutil.which("pg_restore") or "pg_restore", "--list", str(path)],  # noqa: S603
                             capture_output=True, text=True, check=True).stdout
    assert "internal_secret" not in listing
    assert "TABLE DATA citygrid internal_mode" not in listing
    # the store holds no token a surveyor could use: internal mode cannot be entered by any setting
    s = login("surveyor")
    with s.cursor() as cur:
        cur.execute("INSERT INTO citygrid.component (class_code, dept1_code, geom) "
                    "VALUES ('0101', 'SZ', ST_SetSRID(ST_MakePoint(50, 50), 4544)) RETURNING id")
        cid = cur.fetchone()[0]
        cur.execute("DELETE FROM citygrid.component WHERE id = %s", (cid,))  # retires it
    s.commit()
    for setting in ("on", "true", "1"):
        with s.cursor() as cur:
            cur.execute("SELECT set_config('citygrid.internal', %s, true)", (setting,))
            with pytest.raises(psycopg2.Error, match="retired; history cannot"):
                cur.execute("DELETE FROM citygrid.component WHERE id = %s", (cid,))
        s.rollback()
    # a restored store works and still holds no secret
    restored = restore_store(owner.dsn, path, f"{owner.info.dbname}_r")
    try:
        r = db.connect(restored)
        c = report_case(r, "领导批办", "event", "0102", "暴露垃圾", 60, 60)
        assert act(r, c.id, "accept", "operator", c.version).state == "to_verify"
        assert count(r, "SELECT count(*) FROM pg_class WHERE relname = 'internal_secret'") == 0
        r.close()
    finally:
        PrivateCluster.default().drop_database(f"{owner.info.dbname}_r")


# 7 -- who and when ----------------------------------------------------------------------------------

def test_who_and_when_cannot_be_rewritten(secured):
    owner, login, logins = secured
    s = login("surveyor")
    with s.cursor() as cur:
        cur.execute("INSERT INTO citygrid.component (class_code, dept1_code, geom, created_by, created_at, "
                    "updated_by, updated_at) VALUES ('0101', 'SZ', ST_SetSRID(ST_MakePoint(50, 50), 4544), "
                    "'someone_else', '1999-01-01', 'someone_else', '1999-01-01') RETURNING id, created_at, created_by")
        cid, created_at, created_by = cur.fetchone()
    s.commit()
    assert created_by == logins["surveyor"] and created_at.year >= 2026
    with s.cursor() as cur:
        cur.execute("UPDATE citygrid.component SET created_by = 'someone_else', created_at = '1999-01-01', "
                    "updated_by = 'x', updated_at = '1999-01-01', change_date = '1999-01-01', version = 99 "
                    "WHERE id = %s", (cid,))
    s.commit()
    assert one(owner, "SELECT created_by, created_at, version FROM citygrid.component WHERE id = %s", (cid,)) == \
        (logins["surveyor"], created_at, 1)
    assert count(owner, "SELECT count(*) FROM citygrid.component_history WHERE component_id = %s", (cid,)) == 0
    # a real change is recorded as the surveyor's, now
    with s.cursor() as cur:
        cur.execute("UPDATE citygrid.component SET state = '破损', updated_by = 'x' WHERE id = %s", (cid,))
    s.commit()
    assert one(owner, "SELECT updated_by, version FROM citygrid.component WHERE id = %s", (cid,)) == \
        (logins["surveyor"], 2)
    # grids: the GIS editor cannot rewrite who/when, and every change leaves history
    g = login("gis_editor")
    code = "510104001001001"
    grid_created = one(owner, "SELECT created_by, created_at FROM citygrid.grid WHERE code = %s", (code,))
    n = count(owner, "SELECT count(*) FROM citygrid.grid_history WHERE code = %s", (code,))
    with g.cursor() as cur:
        cur.execute("UPDATE citygrid.grid SET created_by = 'x', created_at = '1999-01-01' WHERE code = %s", (code,))
    g.commit()
    assert one(owner, "SELECT created_by, created_at FROM citygrid.grid WHERE code = %s", (code,)) == grid_created
    with g.cursor() as cur:
        cur.execute("UPDATE citygrid.grid SET land_use = '商业' WHERE code = %s", (code,))
    g.commit()
    hist = _rows(owner, "SELECT action, by_user, new_values FROM citygrid.grid_history WHERE code = %s ORDER BY id",
                 (code,))
    assert len(hist) == n + 1 and hist[-1][:2] == ("attributes", logins["gis_editor"])
    assert hist[-1][2] == {"land_use": "商业"}
    # the census progress flag: dated and signed by the store
    with s.cursor() as cur:
        cur.execute("INSERT INTO citygrid.grid_census (grid_code, surveyed, surveyed_at, surveyed_by) "
                    "VALUES (%s, true, '1999-01-01', 'someone_else')", (code,))
    s.commit()
    by, at = one(owner, "SELECT surveyed_by, surveyed_at FROM citygrid.grid_census WHERE grid_code = %s", (code,))
    assert by == logins["surveyor"] and at.year >= 2026
    # the tables clients write directly: departments (admin), divisions and base maps (GIS editor)
    a = login("admin")
    with a.cursor() as cur:
        cur.execute("INSERT INTO citygrid.department (code, name, created_at, updated_at) "
                    "VALUES ('YL', '园林所', '1999-01-01', '1999-01-01') RETURNING created_at, updated_at")
        assert all(t.year >= 2026 for t in cur.fetchone())
        cur.execute("UPDATE citygrid.department SET created_at = '1999-01-01', updated_at = '1999-01-01' "
                    "WHERE code = 'YL' RETURNING created_at, updated_at")
        assert all(t.year >= 2026 for t in cur.fetchone())
    a.commit()
    with g.cursor() as cur:
        cur.execute("UPDATE citygrid.community SET created_at = '1999-01-01', updated_at = '1999-01-01' "
                    "RETURNING created_at, updated_at")
        assert all(t.year >= 2026 for row in cur.fetchall() for t in row)
    g.rollback()


# 8 -- numbers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("hours", ["NaN", "Infinity", "-Infinity", 1e30, 0, -4, "24", None, [24]])
def test_an_extension_is_a_finite_number_of_hours_within_bounds(secured, hours):
    _owner, login, _logins = secured
    c = _dispatched(login)
    hw = login("department")
    with hw.cursor() as cur, pytest.raises(psycopg2.Error, match="an extension is asked for in hours"):
        cur.execute("SELECT citygrid.case_act(%s, 'request_extension', 'department', %s, '施工', %s::jsonb)",
                    (c.id, c.version, json.dumps({"hours": hours})))
    hw.rollback()


def test_an_extension_within_bounds_is_approved_and_numbers_in_the_manual_are_finite(secured):
    owner, login, _logins = secured
    c = _dispatched(login)
    c = act(login("department"), c.id, "request_extension", "department", c.version, note="施工", data={"hours": 24})
    c = act(login("shift_leader"), c.id, "approve_extension", "shift_leader", c.version)
    assert one(owner, "SELECT extension_hours FROM citygrid.work_case WHERE id = %s", (c.id,))[0] == 24
    a = login("admin")
    # the manual is written only through manual_apply, which takes amounts as JSON numbers
    for amount in ('"NaN"', '"Infinity"', "1e30", "0", "-4"):
        manual = ('{"profile": "2013", "classes": [{"kind": "event", "code": "0102", '
                  '"limits": {"handle": {"amount": ' + amount + ', "unit": "hours"}}}]}')
        denied(a, "SELECT citygrid.manual_apply(%s::jsonb, 'x', false)", (manual,),
               match="not a number|more than 0 and at most a year")
    denied(a, "INSERT INTO citygrid.manual_limit (kind, profile, stage, amount, unit, from_version) "
              "VALUES ('event', '2013', 'handle', 1, 'hours', 1)")
    # inputs an action does not take are refused, so none can be smuggled into the audit
    with pytest.raises(CaseRefused, match="takes no input on_time"):
        act(login("shift_leader"), c.id, "urge", "shift_leader", c.version, data={"on_time": True})


# decided: the same refusal for a missing case and another department's case -------------------------

def test_a_department_cannot_tell_a_missing_case_from_another_departments(secured):
    _owner, login, _logins = secured
    c = _dispatched(login)
    jg = login("department_jg")
    messages = []
    for case_id in (c.id, c.id + 10_000):
        with pytest.raises(CaseRefused) as err:
            act(jg, case_id, "feedback", "department", c.version)
        messages.append(str(err.value).replace(str(case_id), "N"))
    assert messages[0] == messages[1]


# decided: size limits -------------------------------------------------------------------------------

def test_texts_have_limits_that_fit_the_job(secured):
    _owner, login, _logins = secured
    op = login("operator")
    with pytest.raises(CaseRefused, match="the description has 10485760 characters; at most 4000"):
        report_case(op, "领导批办", "event", "0102", "垃" * (10 * 1024 * 1024), 50, 50)
    with pytest.raises(CaseRefused, match="the photo link has .* at most 2000"):
        report_case(op, "领导批办", "event", "0102", "暴露垃圾", 50, 50, photo="x" * (50 * 1024 * 1024))
    c = report_case(op, "领导批办", "event", "0102", "暴" * 4000, 50, 50, address="红" * 500)
    with pytest.raises(CaseRefused, match="the note has 4001 characters"):
        act(op, c.id, "cancel", "operator", c.version, note="x" * 4001)


# decided: only a supervisor's own report is trusted ---------------------------------------------------

def test_only_a_supervisors_own_report_skips_verification(secured):
    owner, login, _logins = secured
    op = login("operator")
    with pytest.raises(CaseRefused, match="source 监督员上报 is for a 监督员 report"):
        report_case(op, "监督员上报", "event", "0102", "暴露垃圾", 50, 50)
    trusted = report_case(login("supervisor"), "监督员上报", "event", "0102", "暴露垃圾", 50, 50)
    assert act(op, trusted.id, "accept", "operator", trusted.version).state == "accepted"
    video = report_case(op, "视频监控", "event", "0102", "暴露垃圾", 60, 60)
    assert act(op, video.id, "accept", "operator", video.version).state == "to_verify"
    with pytest.raises(CaseRefused, match="unknown case source '自封可信'"):
        report_case(op, "自封可信", "event", "0102", "暴露垃圾", 60, 60)
    assert one(owner, "SELECT trusted FROM citygrid.work_case WHERE id = %s", (video.id,)) == (False,)


# decided: the administrator's legacy-code import works; serials cannot be burnt by hand ---------------

def test_an_administrator_keeps_legacy_codes_and_the_serials_move_on(secured):
    owner, login, _logins = secured
    a = login("admin")
    with a.cursor() as cur:
        cur.execute("SET LOCAL citygrid.import_codes = 'on'")
        cur.execute("INSERT INTO citygrid.component (code, class_code, dept1_code, geom) VALUES "
                    "('5101040101000500', '0101', 'SZ', ST_SetSRID(ST_MakePoint(60, 60), 4544)) RETURNING code")
        assert cur.fetchone()[0] == "5101040101000500"
    a.commit()
    with login("surveyor").cursor() as cur:
        cur.execute("INSERT INTO citygrid.component (class_code, dept1_code, geom) VALUES "
                    "('0101', 'SZ', ST_SetSRID(ST_MakePoint(70, 70), 4544)) RETURNING code")
        assert cur.fetchone()[0] == "5101040101000501"
        cur.connection.commit()
    denied(login("surveyor"), "SELECT citygrid.next_component_code('510104', '2013', '0101') "
                              "FROM generate_series(1, 1000)")
