"""Roles and row-level security (issue 8): every role logs in over a real password connection
and is shown each thing it may and may not do. The denials come from PostgreSQL itself
(privileges, RLS, the workflow function's role check), so they hold for every client."""
from __future__ import annotations

import pytest

from citygrid_plugin.store import db
from citygrid_plugin.store.cases import CaseRefused, act, report_case
from citygrid_plugin.store.roles import RoleError, my_roles, save_user, scram_verifier, setup_roles, users
from tests.helpers.photos import photo
from tests.helpers.sql import PASSWORD, count, denied


def test_a_wrong_password_is_refused_and_the_password_never_reaches_the_server_in_clear(cluster, secured):
    owner, login, logins = secured
    dbname = owner.info.dbname
    with pytest.raises(db.StoreError, match="password authentication failed"):
        db.connect(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user={logins['operator']} "
                   f"password=wrong")
    assert count(login("operator"), "SELECT 1") == 1
    with owner.cursor() as cur:
        cur.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (logins["operator"],))
        stored = cur.fetchone()[0]
    owner.rollback()
    assert stored.startswith("SCRAM-SHA-256$4096:") and PASSWORD not in stored
    # the verifier computed on the client is what PostgreSQL itself would store
    assert scram_verifier(PASSWORD, salt=b"0123456789abcdef").startswith("SCRAM-SHA-256$4096:MDEyMzQ1Njc4OWFiY2RlZg==$")
    # even with every statement logged, the server log never sees the password itself
    with owner.cursor() as cur:
        cur.execute("SET log_statement = 'all'")
    owner.commit()
    save_user(owner, logins["operator"], ["operator"], "受理员", password="Tianfu-Square-42")
    with owner.cursor() as cur:
        cur.execute("RESET log_statement")
    owner.commit()
    assert count(db.connect(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} "
                            f"user={logins['operator']} password=Tianfu-Square-42"), "SELECT 1") == 1
    log = cluster.logfile.read_text(encoding="utf-8", errors="replace")
    assert "ALTER ROLE" in log and "SCRAM-SHA-256$4096:" in log  # the statement was logged…
    assert "Tianfu-Square-42" not in log and PASSWORD not in log  # …without the password


def test_surveyor_edits_components_but_not_grids_and_cannot_bypass_the_rules(secured):
    _owner, login, logins = secured
    s = login("surveyor")
    with s.cursor() as cur:
        cur.execute("INSERT INTO citygrid.component (class_code, dept1_code, geom) "
                    "VALUES ('0101', 'SZ', ST_SetSRID(ST_MakePoint(50, 50), 4544)) RETURNING id, code, created_by")
        cid, code, who = cur.fetchone()
    s.commit()
    assert code.startswith("5101040101") and who == logins["surveyor"]
    denied(s, "UPDATE citygrid.grid SET name = 'x'")
    denied(s, "INSERT INTO citygrid.component_history (component_id, code, action) VALUES (1, 'x', 'updated')")
    denied(s, "SELECT * FROM citygrid.internal_mode")
    denied(s, "INSERT INTO citygrid.internal_mode VALUES (pg_backend_pid(), pg_current_xact_id(), 'x')")
    denied(s, "SELECT citygrid.internal_token()")
    denied(s, "SELECT citygrid.set_internal(true)")
    # setting the old internal switch by hand no longer turns a retirement into a deletion
    with s.cursor() as cur:
        cur.execute("SET LOCAL citygrid.internal = 'on'")
        cur.execute("DELETE FROM citygrid.component WHERE id = %s", (cid,))
    s.commit()
    with s.cursor() as cur:
        cur.execute("SELECT retired_at IS NOT NULL, retired_by FROM citygrid.component WHERE id = %s", (cid,))
        assert cur.fetchone() == (True, logins["surveyor"])
    s.rollback()
    # nor may a surveyor keep legacy codes (administrators only)
    with s.cursor() as cur:
        cur.execute("SET LOCAL citygrid.import_codes = 'on'")
        cur.execute("INSERT INTO citygrid.component (code, class_code, dept1_code, geom) VALUES "
                    "('5101040101999999', '0101', 'SZ', ST_SetSRID(ST_MakePoint(60, 60), 4544)) RETURNING code")
        assert cur.fetchone()[0] != "5101040101999999"
    s.rollback()


def test_gis_editor_edits_grids_but_not_components(secured):
    _owner, login, logins = secured
    g = login("gis_editor")
    with g.cursor() as cur:
        cur.execute("UPDATE citygrid.grid SET name = '春熙路一号' WHERE code = '510104001001001'")
        assert cur.rowcount == 1
    g.commit()
    with g.cursor() as cur:
        cur.execute("SELECT by_user FROM citygrid.grid_history WHERE action = 'attributes' ORDER BY id DESC LIMIT 1")
        assert cur.fetchone()[0] == logins["gis_editor"]
    g.rollback()
    denied(g, "INSERT INTO citygrid.component (class_code, dept1_code, geom) "
              "VALUES ('0101', 'SZ', ST_SetSRID(ST_MakePoint(50, 50), 4544))")
    denied(g, "SELECT count(*) FROM citygrid.work_case")  # cases are not a GIS editor's business


def test_case_roles_act_only_in_their_role_and_departments_see_only_their_cases(secured):
    owner, login, logins = secured
    op, sl, dp, hw, jg, sup = (login(r) for r in ("operator", "shift_leader", "dispatcher", "department",
                                                  "department_jg", "supervisor"))
    c = report_case(sup, "监督员上报", "event", "0102", "暴露垃圾", 50, 50)
    other = report_case(op, "领导批办", "event", "0505", "乱停车", 250, 150)
    with pytest.raises(CaseRefused, match=f"user {logins['operator']} may not act as shift_leader"):
        act(op, c.id, "register", "shift_leader", c.version)
    c = act(op, c.id, "accept", "operator", c.version)
    c = act(sl, c.id, "register", "shift_leader", c.version)
    c = act(dp, c.id, "dispatch", "dispatcher", c.version)
    assert c.department_code == "HW"
    other = act(op, other.id, "accept", "operator", other.version)
    other = act(sup, other.id, "verify", "supervisor", other.version, note="属实", photos=[photo()])
    other = act(sl, other.id, "register", "shift_leader", other.version)
    other = act(dp, other.id, "dispatch", "dispatcher", other.version, data={"department": "JG"})
    # row-level security: each department sees only the cases dispatched to it, and their audit
    assert count(hw, "SELECT count(*) FROM citygrid.work_case") == 1
    assert count(hw, "SELECT count(*) FROM citygrid.case_queue") == 1
    assert count(jg, "SELECT count(*) FROM citygrid.work_case WHERE id = %s", (c.id,)) == 0
    assert count(hw, "SELECT count(DISTINCT case_id) FROM citygrid.case_action") == 1
    assert count(dp, "SELECT count(*) FROM citygrid.work_case") == 2
    with pytest.raises(CaseRefused, match="is not dispatched to your department"):
        act(jg, c.id, "feedback", "department", c.version)
    c = act(hw, c.id, "feedback", "department", c.version, note="已清运", photos=[photo()])
    c = act(sup, c.id, "check_ok", "supervisor", c.version, note="已处置", photos=[photo()])
    c = act(sl, c.id, "close", "shift_leader", c.version)
    assert c.state == "closed"
    with owner.cursor() as cur:
        cur.execute("SELECT action, actor FROM citygrid.case_action WHERE case_id = %s ORDER BY id", (c.id,))
        trail = cur.fetchall()
    owner.rollback()
    assert trail == [("report", logins["supervisor"]), ("accept", logins["operator"]),
                     ("register", logins["shift_leader"]), ("dispatch", logins["dispatcher"]),
                     ("feedback", logins["department"]), ("check_ok", logins["supervisor"]),
                     ("close", logins["shift_leader"])]
    # nobody writes cases or the audit except through the workflow functions
    for conn in (op, sl, dp, hw, sup):
        denied(conn, "UPDATE citygrid.work_case SET state = 'closed'")
        denied(conn, "INSERT INTO citygrid.case_action (case_id, action, to_state, role) "
                     "VALUES (1, 'x', 'closed', 'x')")


def test_analyst_reads_everything_and_changes_nothing(secured):
    _owner, login, _logins = secured
    sup = login("supervisor")
    report_case(sup, "监督员上报", "event", "0102", "暴露垃圾", 50, 50)
    a = login("analyst")
    assert count(a, "SELECT count(*) FROM citygrid.work_case") == 1
    assert count(a, "SELECT count(*) FROM citygrid.case_action") == 1
    assert count(a, "SELECT count(*) FROM citygrid.component_history") == 0
    denied(a, "SELECT citygrid.case_report('监督员上报', 'event', '0102', 'x', ST_SetSRID(ST_MakePoint(50, 50), 4544))")
    denied(a, "UPDATE citygrid.department SET name = 'x'")
    denied(a, "DELETE FROM citygrid.grid")
    denied(a, "SELECT * FROM citygrid.internal_mode")


def test_big_screen_reads_open_cases_without_personal_data(secured):
    _owner, login, _logins = secured
    op = login("operator")
    report_case(op, "12319热线", "event", "0102", "暴露垃圾", 50, 50, reporter="张三", reporter_phone="13800000000")
    b = login("bigscreen")
    assert count(b, "SELECT count(*) FROM citygrid.case_queue") == 1
    assert count(b, "SELECT count(*) FROM citygrid.case_action_public") == 1
    denied(b, "SELECT name, phone FROM citygrid.case_reporter")
    denied(b, "SELECT content FROM citygrid.case_photo")
    denied(b, "SELECT reporter FROM citygrid.case_extra_report")
    denied(b, "SELECT actor FROM citygrid.case_action")
    denied(b, "SELECT count(*) FROM citygrid.component")
    denied(b, "SELECT citygrid.case_act(1, 'accept', 'operator', 1)")


def test_the_audit_is_amended_only_by_the_audited_break_glass_procedure(secured):
    owner, login, logins = secured
    op = login("operator")
    c = report_case(op, "领导批办", "event", "0102", "暴露垃圾", 50, 50)
    c = act(op, c.id, "cancel", "operator", c.version, note="举报人电话 13800000000，重复举报")
    with owner.cursor() as cur:
        cur.execute("SELECT id FROM citygrid.case_action WHERE case_id = %s AND action = 'cancel'", (c.id,))
        action_id = cur.fetchone()[0]
    owner.rollback()
    for who in ("operator", "analyst"):
        denied(login(who), "SELECT citygrid.break_glass_amend(%s, 'x', 'y')", (action_id,))
    # not even the owner updates the audit directly
    denied(owner, "UPDATE citygrid.case_action SET note = 'x'", match="append-only")
    admin = login("admin")
    denied(admin, "SELECT citygrid.break_glass_amend(%s, '重复举报', '')", (action_id,), match="needs a reason")
    with admin.cursor() as cur:
        cur.execute("SELECT citygrid.break_glass_amend(%s, '[已删除个人信息] 重复举报', '个人信息保护：删除电话号码')",
                    (action_id,))
    admin.commit()
    with owner.cursor() as cur:
        cur.execute("SELECT note FROM citygrid.case_action WHERE id = %s", (action_id,))
        assert cur.fetchone()[0] == "[已删除个人信息] 重复举报"
        cur.execute("SELECT by_user, reason, old_note FROM citygrid.audit_override WHERE case_action_id = %s",
                    (action_id,))
        assert cur.fetchone() == (logins["admin"], "个人信息保护：删除电话号码", "举报人电话 13800000000，重复举报")
    owner.rollback()
    denied(admin, "DELETE FROM citygrid.audit_override")


def test_each_user_is_told_their_roles_and_bad_requests_are_refused(secured):
    owner, login, logins = secured
    assert my_roles(login("department")) == (["department"], "HW")
    assert my_roles(login("admin"))[0] == ["admin", "gis_editor", "surveyor", "analyst"]  # admin includes these
    assert my_roles(owner)[0][:3] == ["admin", "gis_editor", "surveyor"]  # a superuser holds every role
    listed = {u.login: u for u in users(owner)}
    assert listed[logins["department_jg"]].roles == ("department",)
    assert listed[logins["department_jg"]].department_code == "JG"
    with pytest.raises(RoleError, match="needs a department"):
        save_user(owner, "cgt_nodept", ["department"], "无部门")
    with pytest.raises(RoleError, match="no active department 'XX'"):
        save_user(owner, "cgt_nodept", ["department"], "无部门", department="XX")
    with pytest.raises(RoleError, match="must be lower-case letters"):
        save_user(owner, "Robert'); DROP TABLE citygrid.grid; --", ["analyst"], "x")
    with pytest.raises(RoleError, match="unknown role 'root'"):
        save_user(owner, "cgt_x", ["root"], "x")
    # roles change: the operator becomes a dispatcher only
    save_user(owner, logins["operator"], ["dispatcher"], "改任派遣员")
    assert my_roles(login("operator"))[0] == ["dispatcher"]
    setup_roles(owner)  # re-running changes nothing
    assert my_roles(login("operator"))[0] == ["dispatcher"]


def test_the_store_tells_each_login_what_it_may_do_to_a_case_now(secured):
    """citygrid.case_allowed_actions (the case queue's buttons): only the login's roles, only a
    department's own case, and not what the store would refuse (approving an extension nobody
    asked for, urging a case that is not overdue); one row per action."""
    owner, login, _logins = secured
    from citygrid_plugin.store.cases import allowed_actions

    sup, op, sl, dp, hw, jg = (login(r) for r in ("supervisor", "operator", "shift_leader", "dispatcher",
                                                  "department", "department_jg"))
    c = report_case(sup, "监督员上报", "event", "0102", "暴露垃圾", 50, 50)
    assert [a for a, _r, _n in allowed_actions(op, c.id)] == ["accept", "cancel"]
    assert allowed_actions(sl, c.id) == []
    c = act(op, c.id, "accept", "operator", c.version)
    c = act(sl, c.id, "register", "shift_leader", c.version)
    assert [(a, r) for a, r, _n in allowed_actions(dp, c.id)] == [("dispatch", "dispatcher")]
    c = act(dp, c.id, "dispatch", "dispatcher", c.version)
    assert [a for a, _r, _n in allowed_actions(hw, c.id)] == ["return", "feedback", "request_extension"]
    assert allowed_actions(jg, c.id) == []                      # another department's case
    assert [a for a, _r, _n in allowed_actions(sl, c.id)] == ["defer"]     # no approval without a request
    assert allowed_actions(dp, c.id) == []                      # not overdue: nothing to urge
    c = act(hw, c.id, "request_extension", "department", c.version, note="施工", data={"hours": 24})
    assert [a for a, _r, _n in allowed_actions(sl, c.id)] == ["approve_extension", "refuse_extension", "defer"]
    # overdue: urged by the shift leader or the dispatcher, offered once to a login holding both
    with owner.cursor() as cur:
        cur.execute("SELECT citygrid.set_internal(true); UPDATE citygrid.work_case SET stage_deadline = now() - "
                    "interval '1 hour' WHERE id = %s; SELECT citygrid.set_internal(false)", (c.id,))
    owner.commit()
    assert [(a, r) for a, r, _n in allowed_actions(dp, c.id)] == [("urge", "dispatcher")]
    assert [(a, r) for a, r, _n in allowed_actions(owner, c.id) if a == "urge"] == [("urge", "shift_leader")]
