"""The leaders' morning (tests/gui/test_leader.py): thirteen cases acted through the store's
workflow functions in the names of real staff logins, around a fixed moment — Friday 20 November
2026, 16:00 — and the same point of the month before (Tuesday 20 October, 16:00), each path chosen
so that every figure of the leaders' view is known by hand (:data:`EXPECTED`).

Time limits of the test store (migration 007/015 defaults, no holidays: Monday to Friday,
08:30–12:00 and 13:30–17:30): 暴露垃圾 (0102) is handled within 4 working hours, a public report
verified within 30 minutes, registered and dispatched within 1 working hour each.

=====  ===================================================================================
A      12345 call today 09:00 (a named reporter), verified, registered, dispatched to 环卫所,
       handled 11:00, checked, closed 11:40 on time; return visit 14:00: 不满意.
B      supervisor's report today 09:10, dispatched to 环卫所 09:40: due 15:10, not handled —
       overdue 50 minutes at 16:00; urged (督办) 15:30.
C      12345 call today 15:30 (a named reporter), accepted: awaiting verification until 16:05.
D      supervisor's report Mon 16 Nov, dispatched to 环卫所 09:30, never handled: overdue since
       Monday 13:30+; urged on the 17th and the 19th.
E      12345 call Mon 2 Nov (a named reporter), dispatched to 市政所, handled on time, closed
       正常结案; return visit 3 Nov: 满意.
F      supervisor's report Tue 3 Nov, dispatched to 市政所, handled late on the 5th, closed 超时结案.
G      supervisor's report Wed 28 Oct, dispatched to 环卫所, never handled: overdue (due in October).
H      supervisor's report Wed 18 Nov, dispatched to 交管, deferred (挂账): open, not overdue.
I      12345 call today 11:00, accepted, not found on site: cancelled 11:20.
J      supervisor's report today 15:30, registered, dispatched to 交管 15:50: not yet due.
K      (October) supervisor's report Tue 20 Oct 09:00, handled, closed 11:30 on time that day.
L      (October) supervisor's report Mon 12 Oct, dispatched to 环卫所, handled only on 21 Oct, closed.
M      (October) 12345 call Mon 19 Oct, dispatched to 交管 10:40 (due 15:10), urged 20 Oct 09:00,
       handled and closed 20 Oct after 16:00.
=====  ===================================================================================
"""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from citygrid_plugin.core.casefilter import CST
from citygrid_plugin.store import db
from citygrid_plugin.store.cases import act, report_case
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.sql import PASSWORD
from tests.stores import make_case_store

NOW = datetime(2026, 11, 20, 16, 0, tzinfo=CST)       # the leader's moment (a Friday afternoon)
THEN = datetime(2026, 10, 20, 16, 0, tzinfo=CST)      # the same point of the month before
REPORTERS = {"A": ("张三丰", "13912345678"), "C": ("李四海", "13800007777"), "E": ("王五岳", "13700001111"),
             "I": ("赵六合", "13600002222"), "M": ("钱七星", "13500003333")}
NOTES = {"verify": "现场属实", "feedback": "已处置", "check_ok": "已处置到位"}
PUBLIC = "12345热线"
SUPERVISOR = "监督员上报"

# figure -> the cases it counts (a rate: (numerator, denominator)), now and at the same point of October
EXPECTED = {
    "reported_today": "ABCIJ", "registered_today": "ABJ", "dispatched_today": "ABJ", "closed_today": "A",
    "open_now": "BCDGHJ", "overdue_now": "BDG", "urged_now": "BD",
    "reported": "ABCDEFHIJ", "closed": "AEF",
    "on_time_handling_rate": ("AE", "ABDEF"), "on_time_closing_rate": ("AE", "ABDEFHJ"),
    "satisfaction_rate": ("E", "AE"),
}
EXPECTED_THEN = {
    "reported_today": "K", "registered_today": "K", "dispatched_today": "K", "closed_today": "K",
    "open_now": "LM", "overdue_now": "LM", "urged_now": "M",
    "reported": "KLM", "closed": "K",
    "on_time_handling_rate": ("K", "KLM"), "on_time_closing_rate": ("K", "KLM"),
    "satisfaction_rate": ("", ""),
}
STAFF = {"sup": ["supervisor"], "op": ["operator"], "sl": ["shift_leader"], "dp": ["dispatcher"],
         "hw": ["department"], "sz": ["department"], "jg": ["department"], "leader": ["leader"],
         "analyst": ["analyst"], "admin": ["admin"]}
NAMES = {"sup": "赵监督", "op": "王受理", "sl": "李值班", "dp": "陈派遣", "hw": "环卫处置员", "sz": "市政处置员",
         "jg": "交管处置员", "leader": "周局长", "analyst": "吴分析", "admin": "郑管理"}
DEPARTMENTS = {"hw": "HW", "sz": "SZ", "jg": "JG"}


def t(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of 2026 in Asia/Shanghai; *minute* may run past the hour (9:00 + 70 minutes)."""
    return datetime(2026, month, day, hour, tzinfo=CST) + timedelta(minutes=minute)


def _path(public: bool, day: tuple[int, int], hour: int, minute: int, department: str | None = None,
          verify_by: str = "sup") -> list:
    """Accept (and verify a public report), register and dispatch, five to ten minutes apart."""
    m, d = day
    steps = [("accept", "operator", "op", t(m, d, hour, minute + 5))]
    if public:
        steps.append(("verify", "supervisor", verify_by, t(m, d, hour, minute + 15)))
    steps += [("register", "shift_leader", "sl", t(m, d, hour, minute + 20)),
              ("dispatch", "dispatcher", "dp", t(m, d, hour, minute + 30),
               {"data": {"department": department}} if department else {})]
    return steps


def build(conn, logins: dict[str, str]) -> dict[str, int]:
    """The thirteen cases (module docstring), replayed by the store owner in the staff's names;
    returns {letter: case id}."""
    ids: dict[str, int] = {}

    def run(letter, source, at, steps, reporter="sup", x=50, y=50):
        name, phone = REPORTERS.get(letter, (None, None))
        c = report_case(conn, source, "event", "0102", f"案件 {letter}：暴露垃圾", x, y, at=at,
                        as_user=logins[reporter], reporter=name, reporter_phone=phone, address=f"春熙路 {letter} 号")
        for action, role, who, when, *extra in steps:
            kwargs = dict(extra[0]) if extra else {}
            if action in NOTES:
                kwargs.setdefault("note", NOTES[action])
            c = act(conn, c.id, action, role, c.version, at=when, as_user=logins[who], **kwargs)
        ids[letter] = c.id

    closing = lambda m, d, h, mi: [  # noqa: E731 - check on site and close, 10 and 20 minutes later
        ("check_ok", "supervisor", "sup", t(m, d, h, mi + 10)), ("close", "shift_leader", "sl", t(m, d, h, mi + 30))]
    # October: the month before
    run("L", SUPERVISOR, t(10, 12, 9), _path(False, (10, 12), 9, 0) + [
        ("feedback", "department", "hw", t(10, 21, 10))] + closing(10, 21, 10, 0), x=150)
    run("M", PUBLIC, t(10, 19, 10), _path(True, (10, 19), 10, 10, "JG") + [
        ("urge", "dispatcher", "dp", t(10, 20, 9)), ("feedback", "department", "jg", t(10, 20, 16, 30))]
        + closing(10, 20, 16, 30), reporter="op", x=250)
    run("K", SUPERVISOR, t(10, 20, 9), _path(False, (10, 20), 9, 0) + [
        ("feedback", "department", "hw", t(10, 20, 11))] + closing(10, 20, 11, 0), y=150)
    run("G", SUPERVISOR, t(10, 28, 9), _path(False, (10, 28), 9, 0), x=150, y=150)
    # November
    run("E", PUBLIC, t(11, 2, 9), _path(True, (11, 2), 9, 0, "SZ") + [
        ("feedback", "department", "sz", t(11, 2, 11))] + closing(11, 2, 11, 0) + [
        ("revisit", "operator", "op", t(11, 3, 10), {"data": {"reached": True, "satisfaction": "满意"}})],
        reporter="op", x=250, y=150)
    run("F", SUPERVISOR, t(11, 3, 9), _path(False, (11, 3), 9, 0, "SZ") + [
        ("feedback", "department", "sz", t(11, 5, 10))] + closing(11, 5, 10, 0), x=60, y=60)
    run("D", SUPERVISOR, t(11, 16, 9), _path(False, (11, 16), 9, 0) + [
        ("urge", "dispatcher", "dp", t(11, 17, 10)), ("urge", "shift_leader", "sl", t(11, 19, 10))], x=160, y=60)
    run("H", SUPERVISOR, t(11, 18, 9), _path(False, (11, 18), 9, 0, "JG") + [
        ("defer", "shift_leader", "sl", t(11, 18, 10), {"note": "涉及多部门"})], x=260, y=60)
    # today
    run("A", PUBLIC, t(11, 20, 9), _path(True, (11, 20), 9, 0) + [
        ("feedback", "department", "hw", t(11, 20, 11))] + closing(11, 20, 11, 10) + [
        ("revisit", "operator", "op", t(11, 20, 14),
         {"data": {"reached": True, "satisfaction": "不满意"}, "note": "垃圾又堆起来了"})], reporter="op", x=70, y=160)
    run("B", SUPERVISOR, t(11, 20, 9, 10), _path(False, (11, 20), 9, 10) + [
        ("urge", "dispatcher", "dp", t(11, 20, 15, 30))], x=170, y=160)
    run("I", PUBLIC, t(11, 20, 11), [("accept", "operator", "op", t(11, 20, 11, 5)),
                                     ("cancel", "supervisor", "sup", t(11, 20, 11, 20), {"note": "现场未发现"})],
        reporter="op", x=270, y=160)
    run("C", PUBLIC, t(11, 20, 15, 30), [("accept", "operator", "op", t(11, 20, 15, 35))], reporter="op",
        x=80, y=80)
    run("J", SUPERVISOR, t(11, 20, 15, 30), [("accept", "operator", "op", t(11, 20, 15, 32)),
                                             ("register", "shift_leader", "sl", t(11, 20, 15, 40)),
                                             ("dispatch", "dispatcher", "dp", t(11, 20, 15, 50),
                                              {"data": {"department": "JG"}})], x=180, y=80)
    return ids


def leader_store(cluster):
    """A fresh store with the staff (each login with :data:`~tests.helpers.sql.PASSWORD`) and the
    thirteen cases; yields ({letter: case id}, {key: login}, DSN); drops it all afterwards."""
    from citygrid_plugin.store import migrate, reference

    name = f"cg_test_{uuid.uuid4().hex[:10]}"
    cluster.ensure_database(name)
    dsn = cluster.dsn(name)
    tag = uuid.uuid4().hex[:4]
    logins = {k: f"cgl_{tag}_{k}" for k in STAFF}
    try:
        conn = db.connect(dsn)
        migrate.upgrade(conn)
        reference.load_standard_classes(conn)
        make_case_store(dsn)
        setup_roles(conn)
        for key, roles in STAFF.items():
            save_user(conn, logins[key], roles, NAMES[key], department=DEPARTMENTS.get(key), password=PASSWORD)
        ids = build(conn, logins)
        conn.close()
        yield ids, logins, dsn
    finally:
        conn = db.connect(dsn)
        with conn.cursor() as cur:
            for login in logins.values():
                cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,))
                if cur.fetchone():
                    cur.execute(f'DROP OWNED BY "{login}"')
                    cur.execute(f'DROP ROLE "{login}"')
        conn.commit()
        conn.close()
        cluster.drop_database(name)


def letters(ids: dict[str, int], case_ids) -> str:
    """The letters of *case_ids*, sorted ("ABD")."""
    by_id = {v: k for k, v in ids.items()}
    return "".join(sorted(by_id.get(i, "?") for i in case_ids))
