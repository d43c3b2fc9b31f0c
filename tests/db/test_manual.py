"""The command manual (指挥手册) and the city's rules in the store (migration 015, issue 16):
deadlines follow the situation (情形) and the working calendar with its 调休 weekends exactly; a
change of the manual never moves a running case; a refused manual changes nothing; the rules are the
administrators' alone — refused by the store, not only hidden — and every change is audited;
authorisations (缓办, 延期, 作废) are data; routing says why it chose a department."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import psycopg2
import pytest

from citygrid_plugin.core.manual import ClassEntry, Limit, Manual, Variant
from citygrid_plugin.store import admin, manual
from citygrid_plugin.store.cases import CaseRefused, act, allowed_actions, report_case
from citygrid_plugin.store.roles import save_user
from tests.helpers.sql import PASSWORD, denied, one

CST = timezone(timedelta(hours=8))


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CST)


def garbage_page(handle_small: Limit | None = None, handle_large: Limit | None = None) -> ClassEntry:
    handle_small = handle_small or Limit(4, "work_hours")
    handle_large = handle_large or Limit(1, "work_days")
    return ClassEntry(kind="event", code="0102", points="无暴露垃圾", supervisor="属地", department="HW",
                      handling="90 分钟内到场清理", register="有暴露垃圾即立案", close="现场无垃圾",
                      limits={"handle": Limit(4, "work_hours")},
                      variants=(Variant("5吨以下", {"handle": handle_small}),
                                Variant("5吨以上", {"handle": handle_large})))


def apply_page(conn, entry: ClassEntry, note: str = "测试") -> int:
    version, _ = manual.apply(conn, Manual(profile="2013", classes={(entry.kind, entry.code): entry}), note,
                              replace=False)
    return version


def registered(conn, when: datetime, variant: str | None):
    """A supervisor's 暴露垃圾 report replayed at *when*, accepted and registered with *variant*."""
    c = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 50, at=when)
    c = act(conn, c.id, "accept", "operator", c.version, at=when + timedelta(minutes=5))
    return act(conn, c.id, "register", "shift_leader", c.version, at=when + timedelta(minutes=20),
               data={"variant": variant} if variant is not None else None)


def test_deadlines_follow_the_situation_and_the_calendar_with_its_tiaoxiu_weekend(secured):
    owner, _login, _logins = secured
    apply_page(owner, garbage_page())
    # 2026-11-20 is a Friday; the Saturday after is a working day (调休), the Monday a holiday
    admin.save_calendar(owner, 2026, [(date(2026, 11, 21), True, "调休上班"), (date(2026, 11, 23), False, "假日")])
    assert admin.is_workday(owner, date(2026, 11, 21)) and not admin.is_workday(owner, date(2026, 11, 23))
    large = registered(owner, at(11, 20, 16), "5吨以上")
    small = registered(owner, at(11, 20, 16), "5吨以下")
    plain = registered(owner, at(11, 20, 16), None)
    dispatched = [act(owner, c.id, "dispatch", "dispatcher", c.version, at=at(11, 20, 17))
                  for c in (large, small, plain)]
    # 5吨以上, 1 working day: the end of the next working day, the 调休 Saturday
    assert dispatched[0].stage_deadline == at(11, 21, 17, 30)
    # 5吨以下, 4 working hours from Friday 17:00: 0.5 h on Friday, 3.5 h on Saturday morning
    assert dispatched[1].stage_deadline == at(11, 21, 12)
    # no situation: the class's own limit, the same 4 working hours
    assert dispatched[2].stage_deadline == at(11, 21, 12)
    assert one(owner, "SELECT variant FROM citygrid.work_case WHERE id = %s", (large.id,))[0] == "5吨以上"
    # without the 调休 the Saturday rests and the Monday is a holiday: Tuesday's end
    admin.save_calendar(owner, 2026, [(date(2026, 11, 23), False, "假日")])
    later = registered(owner, at(11, 20, 16), "5吨以上")
    later = act(owner, later.id, "dispatch", "dispatcher", later.version, at=at(11, 20, 17))
    assert later.stage_deadline == at(11, 24, 17, 30)


def test_an_unknown_situation_is_refused_with_the_known_ones(secured):
    owner, login, _logins = secured
    apply_page(owner, garbage_page())
    c = report_case(login("supervisor"), "监督员上报", "event", "0102", "暴露垃圾", 50, 50)
    c = act(login("operator"), c.id, "accept", "operator", c.version)
    with pytest.raises(CaseRefused, match="has no situation '10吨'; its situations: 5吨以下, 5吨以上"):
        act(login("shift_leader"), c.id, "register", "shift_leader", c.version, data={"variant": "10吨"})
    c = act(login("shift_leader"), c.id, "register", "shift_leader", c.version, data={"variant": "5吨以下"})
    assert one(owner, "SELECT data->>'variant' FROM citygrid.case_action WHERE case_id = %s AND action = 'register'",
               (c.id,))[0] == "5吨以下"


def test_changing_the_manual_leaves_running_cases_as_they_were(secured):
    owner, _login, _logins = secured
    v1 = apply_page(owner, garbage_page())
    running = registered(owner, at(11, 16, 9), "5吨以上")             # Monday
    running = act(owner, running.id, "dispatch", "dispatcher", running.version, at=at(11, 16, 10))
    assert running.stage_deadline == at(11, 17, 17, 30)
    v2 = apply_page(owner, garbage_page(handle_large=Limit(100, "hours")), "5吨以上改为 100 小时")
    assert v2 == v1 + 1
    assert one(owner, "SELECT stage_deadline, manual_version FROM citygrid.work_case WHERE id = %s",
               (running.id,)) == (at(11, 17, 17, 30), v1)
    # a rework later in the running case still counts under its own version
    c = act(owner, running.id, "feedback", "department", running.version, note="已清运", at=at(11, 16, 11))
    c = act(owner, c.id, "rework", "supervisor", c.version, note="未清理干净", at=at(11, 16, 12))
    assert c.stage_deadline == at(11, 17, 17, 30)                    # 1 working day, not 100 hours
    new = registered(owner, at(11, 18, 9), "5吨以上")
    new = act(owner, new.id, "dispatch", "dispatcher", new.version, at=at(11, 18, 10))
    assert new.stage_deadline == at(11, 18, 10) + timedelta(hours=100)
    assert one(owner, "SELECT manual_version FROM citygrid.work_case WHERE id = %s", (new.id,))[0] == v2
    # the old version is still there to read
    assert manual.load(owner, v1).entry("event", "0102").variant("5吨以上").limits["handle"] == Limit(1, "work_days")
    assert manual.current(owner).entry("event", "0102").variant("5吨以上").limits["handle"] == Limit(100, "hours")


def test_a_manual_the_store_refuses_changes_nothing(secured):
    owner, _login, _logins = secured
    v1 = apply_page(owner, garbage_page())
    before = manual.current(owner).to_json()
    bad_pages = [
        (ClassEntry(kind="event", code="0102", department="NOPE"), "department 'NOPE' is not a department"),
        (ClassEntry(kind="event", code="9999"), "there is no event class 9999 in profile 2013"),
        (ClassEntry(kind="event", code="0102", variants=(Variant("空情形", {}),)), "has no time limit"),
        (ClassEntry(kind="component", code="0101", topology="cube"), "topology 'cube'"),
    ]
    for page, message in bad_pages:
        # the second class is fine: the whole manual is refused all the same
        m = Manual(profile="2013", classes={(page.kind, page.code): page,
                                            ("event", "0104"): ClassEntry("event", "0104", handling="清扫")})
        with pytest.raises(manual.ManualStoreError, match=message):
            manual.apply(owner, m, "坏的手册", replace=False)
    assert manual.version_in_force(owner) == v1
    assert manual.current(owner).to_json() == before
    # applying the same page again is no change: no new version
    assert apply_page(owner, garbage_page()) == v1


def test_the_rules_are_the_administrators_alone_and_every_change_is_audited(secured):
    owner, login, logins = secured
    for role in ("operator", "shift_leader", "dispatcher", "supervisor", "analyst", "department"):
        conn = login(role)
        m = Manual(profile="2013", classes={("event", "0102"): garbage_page()})
        with pytest.raises(manual.ManualStoreError, match="only an administrator|permission denied"):
            manual.apply(conn, m, "越权", replace=False)
        with pytest.raises(admin.AdminError, match="permission denied"):
            admin.save_rule(conn, {"kind": "event", "class_code": "0104", "department_code": "SZ"})
        with pytest.raises(admin.AdminError, match="permission denied"):
            admin.save_calendar(conn, 2026, [(date(2026, 12, 26), True, "调休")])
        with pytest.raises(admin.AdminError, match="permission denied"):
            admin.save_authorities(conn, [{"action": "cancel", "role": role}])
        with pytest.raises(admin.AdminError, match="permission denied"):
            admin.save_weights(conn, {"handling_rate": 99})
        denied(conn, "UPDATE citygrid.department SET name = 'x' WHERE code = 'HW'")
        denied(conn, "INSERT INTO citygrid.admin_audit (table_name, op) VALUES ('x', 'INSERT')")
    a = login("admin")
    last = admin.audit(a, 1)[0]["id"]      # the setup's own changes (the owner's) come before
    admin.save_department(a, {"code": "ZLS", "name": "自来水公司", "kind": "enterprise", "contact": "王工",
                               "phone": "028-1234", "territories": ["510104001"]})
    rule = admin.save_rule(a, {"kind": "event", "class_code": "0104", "street_code": "001", "department_code": "SZ"})
    admin.save_calendar(a, 2026, [(date(2026, 12, 26), True, "调休")])
    admin.save_weights(a, {"handling_rate": 40})
    apply_page(a, garbage_page(), "管理员修改")
    rows = [r for r in admin.audit(a) if r["id"] > last]
    seen = {(r["table"], r["op"], r["key"]) for r in rows}
    assert {("department", "INSERT", "ZLS"), ("department_territory", "INSERT", "510104001"),
            ("routing_rule", "INSERT", str(rule)), ("work_calendar", "INSERT", "2026-12-26"),
            ("evaluation_weight", "UPDATE", "handling_rate"), ("manual_version", "INSERT", None)} <= \
        {(t, o, k if t != "manual_version" else None) for t, o, k in seen}
    assert {r["actor"] for r in rows} == {logins["admin"]}
    weight = next(r for r in rows if r["table"] == "evaluation_weight")
    assert float(weight["old"]["points"]) == 30 and float(weight["new"]["points"]) == 40
    assert one(owner, "SELECT created_by FROM citygrid.manual_version ORDER BY version DESC LIMIT 1")[0] == \
        logins["admin"]
    # the audit cannot be rewritten, not even by the administrator
    denied(a, "UPDATE citygrid.admin_audit SET actor = 'someone'")
    denied(a, "DELETE FROM citygrid.admin_audit")
    # the analyst reads it, the operator does not
    assert len([r for r in admin.audit(login("analyst")) if r["id"] > last]) == len(rows)
    denied(login("operator"), "SELECT * FROM citygrid.admin_audit")


def test_bad_rules_are_refused_precisely(secured):
    owner, login, _logins = secured
    a = login("admin")
    with pytest.raises(admin.AdminError, match="outside the year 2026"):
        admin.save_calendar(a, 2026, [(date(2027, 1, 1), False, "元旦")])
    with pytest.raises(admin.AdminError, match="rule #\\d+ already sends this class in this area to HW"):
        admin.save_rule(a, {"kind": "event", "class_code": "0102", "department_code": "SZ"})
    with pytest.raises(admin.AdminError, match="working period"):
        admin.set_work_periods(a, "13:30-12:00")
    with pytest.raises(admin.AdminError, match="no street 510104999"):
        admin.set_territories(a, "HW", ["510104999"])
    admin.set_territories(a, "HW", ["510104001"])
    with pytest.raises(admin.AdminError, match="belongs to department HW already"):
        admin.set_territories(a, "SZ", ["510104001"])
    with pytest.raises(admin.AdminError, match="not an active unit grid"):
        save_user(owner, "cgt_sup_grids", ["supervisor"], "网格监督员", password=PASSWORD)
        try:
            admin.set_supervisor_grids(a, "cgt_sup_grids", ["510104001001001", "510104001001099"])
        finally:
            with owner.cursor() as cur:
                cur.execute("DELETE FROM citygrid.staff WHERE login = 'cgt_sup_grids'")
                cur.execute('DROP ROLE IF EXISTS "cgt_sup_grids"')
            owner.commit()
    assert admin.supervisor_grids(a, "cgt_sup_grids") == []    # all or nothing


def test_authorisations_decide_who_may_approve(secured, conn_factory, cluster, store_dsn):
    owner, login, _logins = secured
    save_user(owner, "cgt_office_16", ["office"], "数字城管办主任", password=PASSWORD)
    dbname = store_dsn.split("dbname=")[1].split()[0]
    office = conn_factory(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user=cgt_office_16 "
                          f"password={PASSWORD}")
    try:
        a = login("admin")
        rows = [r for r in admin.authorities(a) if not (r["action"] == "defer" and r["role"] == "shift_leader")]
        for r in rows:
            if r["action"] == "approve_extension" and r["role"] == "shift_leader":
                r["max_hours"] = 24
        admin.save_authorities(a, rows)
        c = report_case(login("supervisor"), "监督员上报", "event", "0102", "暴露垃圾", 50, 50)
        c = act(login("operator"), c.id, "accept", "operator", c.version)
        c = act(login("shift_leader"), c.id, "register", "shift_leader", c.version)
        c = act(login("dispatcher"), c.id, "dispatch", "dispatcher", c.version)
        c = act(login("department"), c.id, "request_extension", "department", c.version, note="设备故障",
                data={"hours": 48})
        with pytest.raises(CaseRefused, match="48 hours is more than shift_leader may approve \\(at most 24 hours\\); "
                                              "authorised for more: office"):
            act(login("shift_leader"), c.id, "approve_extension", "shift_leader", c.version)
        assert "approve_extension" not in {x[0] for x in allowed_actions(login("shift_leader"), c.id)}
        assert "approve_extension" in {x[0] for x in allowed_actions(office, c.id)}
        c = act(office, c.id, "approve_extension", "office", c.version)
        with pytest.raises(CaseRefused, match="shift_leader is not authorised for defer; authorised: office"):
            act(login("shift_leader"), c.id, "defer", "shift_leader", c.version, note="疑难")
        c = act(office, c.id, "defer", "office", c.version, note="疑难问题，报数字城管办缓办")
        assert c.state == "deferred"
        assert one(owner, "SELECT actor, role FROM citygrid.case_action WHERE case_id = %s AND action = 'defer'",
                   (c.id,)) == ("cgt_office_16", "office")
    finally:
        office.close()
        with owner.cursor() as cur:
            cur.execute("DELETE FROM citygrid.staff WHERE login = 'cgt_office_16'")
            cur.execute('DROP ROLE IF EXISTS "cgt_office_16"')
        owner.commit()


def test_routing_says_where_a_case_goes_and_why(secured):
    owner, login, _logins = secured
    a = login("admin")
    # the rule of the fixture: 暴露垃圾 → 环卫所 (HW), district-wide
    assert admin.preview(a, "event", "0102", 50, 50)["department_code"] == "HW"
    assert admin.preview(a, "event", "0102", 50, 50)["reason"] == "rule"
    # a class without a rule: the manual's 专业部门, else the territory (先属地)
    assert admin.preview(a, "event", "0104", 50, 50)["reason"] is None
    admin.set_territories(a, "JG", ["510104001001"])
    found = admin.preview(a, "event", "0104", 50, 50)
    assert (found["department_code"], found["reason"]) == ("JG", "territory")
    apply_page(a, ClassEntry(kind="event", code="0104", department="SZ"))
    assert admin.preview(a, "event", "0104", 50, 50)["department_code"] == "SZ"
    assert admin.preview(a, "event", "0104", 50, 50)["reason"] == "manual"
    # a rule for the street wins over the district-wide rule
    admin.save_rule(a, {"kind": "event", "class_code": "0102", "street_code": "001", "department_code": "JG"})
    assert admin.preview(a, "event", "0102", 50, 50)["department_code"] == "JG"
    # and the dispatcher's suggestion follows it
    c = report_case(login("supervisor"), "监督员上报", "event", "0104", "道路不洁", 50, 50)
    assert one(owner, "SELECT citygrid.suggest_department(%s)", (c.id,))[0] == "SZ"
    with pytest.raises(psycopg2.Error):
        with owner.cursor() as cur:
            cur.execute("INSERT INTO citygrid.routing_rule (kind, class_code, street_code, department_code) "
                        "VALUES ('event', '0102', '001', 'SZ')")
    owner.rollback()


def test_an_administrator_adds_staff_but_cannot_take_over_other_roles(secured, cluster, store_dsn, conn_factory):
    owner, login, _logins = secured
    a = login("admin")
    dbname = store_dsn.split("dbname=")[1].split()[0]
    try:
        save_user(a, "cgt_new_op_16", ["operator"], "新受理员", password=PASSWORD)
        new = conn_factory(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user=cgt_new_op_16 "
                           f"password={PASSWORD}")
        assert one(new, "SELECT citygrid.acts_as('operator'), citygrid.acts_as('admin')") == (True, False)
        new.close()
        assert any(r["key"] == "cgt_new_op_16" and r["table"] == "staff" for r in admin.audit(a))
        # a leader (领导, issue 18) too: he then reads the evaluation, not the reporters
        save_user(a, "cgt_new_op_18", ["leader"], "王局长", password=PASSWORD)
        leader = conn_factory(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user=cgt_new_op_18 "
                              f"password={PASSWORD}")
        assert one(leader, "SELECT citygrid.acts_as('leader'), citygrid.acts_as('operator')") == (True, False)
        assert one(leader, "SELECT count(*) FROM citygrid.work_case")[0] >= 0
        leader.close()
        # the server's other roles are not the administrator's to change
        for other in (cluster.user, "citygrid_admin"):
            with pytest.raises(Exception, match="not a CityGrid staff login|must be lower-case"):
                save_user(a, other, ["admin"], "接管", password=PASSWORD)
        with pytest.raises(Exception, match="permission denied for function staff_save"):
            save_user(login("operator"), "cgt_new_op_17", ["admin"], "自封管理员", password=PASSWORD)
    finally:
        with owner.cursor() as cur:
            cur.execute("DELETE FROM citygrid.staff WHERE login LIKE 'cgt_new_op_1%'")
            cur.execute('DROP ROLE IF EXISTS "cgt_new_op_16"')
            cur.execute('DROP ROLE IF EXISTS "cgt_new_op_17"')
            cur.execute('DROP ROLE IF EXISTS "cgt_new_op_18"')
        owner.commit()
