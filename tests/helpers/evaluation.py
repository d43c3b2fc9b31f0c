"""The evaluation's hand-built month: nine cases acted by real staff logins in October and
November 2026, each path chosen to count in known ways (tests/db/test_evaluation.py says how)."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from citygrid_plugin.store import db
from citygrid_plugin.store.cases import act, report_case
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.stores import make_case_store

CST = timezone(timedelta(hours=8))
NOV, DEC, OCT = (datetime(2026, m, 1, tzinfo=CST) for m in (11, 12, 10))


NEEDS_NOTE = {"verify": "现场属实", "feedback": "已处置", "check_ok": "已处置到位"}

def t(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CST)


def month_store(cluster):
    """The store with the nine cases; returns {letter: case id}, the staff logins and the DSN."""
    name = f"cg_test_{uuid.uuid4().hex[:10]}"
    cluster.ensure_database(name)
    dsn = cluster.dsn(name)
    from citygrid_plugin.store import migrate, reference

    conn = db.connect(dsn)
    migrate.upgrade(conn)
    reference.load_standard_classes(conn)
    make_case_store(dsn)
    setup_roles(conn)
    tag = uuid.uuid4().hex[:4]
    staff = {"sup1": "supervisor", "sup2": "supervisor", "op1": "operator", "sl1": "shift_leader",
             "dp1": "dispatcher", "hw1": "department", "jg1": "department"}
    logins = {k: f"cgt_{tag}_{k}" for k in staff}
    for key, role in staff.items():
        save_user(conn, logins[key], [role], key, department={"hw1": "HW", "jg1": "JG"}.get(key))
    ids: dict[str, int] = {}

    def run(letter, source, report_at, steps, reporter, x=50, y=50, cls="0102"):
        public = source in ("12319热线", "12345热线", "公众举报")  # these channels need the caller's name and phone
        c = report_case(conn, source, "event", cls, f"案件 {letter}", x, y, at=report_at, as_user=logins[reporter],
                        reporter="市民" if public else None, reporter_phone="13800000000" if public else None)
        for action, role, who, at, *extra in steps:
            kwargs = dict(extra[0]) if extra else {}
            if action in NEEDS_NOTE:  # the verdict and the result are written down (the store requires it)
                kwargs.setdefault("note", NEEDS_NOTE[action])
            c = act(conn, c.id, action, role, c.version, at=at, as_user=logins[who], **kwargs)
        ids[letter] = c.id

    # A: on time everywhere
    run("A", "监督员上报", t(11, 16, 9), [("accept", "operator", "op1", t(11, 16, 9, 5)),
                                        ("register", "shift_leader", "sl1", t(11, 16, 9, 20)),
                                        ("dispatch", "dispatcher", "dp1", t(11, 16, 9, 30)),
                                        ("feedback", "department", "hw1", t(11, 16, 14)),
                                        ("check_ok", "supervisor", "sup1", t(11, 16, 14, 20)),
                                        ("close", "shift_leader", "sl1", t(11, 16, 15))], "sup1")
    # B: public report verified late, handled late (deadline Mon 23 13:40), reworked, closed
    run("B", "12319热线", t(11, 20, 16), [("accept", "operator", "op1", t(11, 20, 16, 5)),
                                        ("verify", "supervisor", "sup2", t(11, 20, 16, 50)),
                                        ("register", "shift_leader", "sl1", t(11, 20, 17)),
                                        ("dispatch", "dispatcher", "dp1", t(11, 20, 17, 10)),
                                        ("feedback", "department", "hw1", t(11, 23, 15)),
                                        ("rework", "supervisor", "sup2", t(11, 23, 15, 20), {"note": "未清理干净"}),
                                        ("feedback", "department", "hw1", t(11, 23, 16)),
                                        ("check_ok", "supervisor", "sup2", t(11, 23, 16, 20)),
                                        ("close", "shift_leader", "sl1", t(11, 23, 17))], "op1", x=150)
    # C: public report, not found on site: cancelled by the supervisor, on time
    run("C", "12319热线", t(11, 18, 10), [("accept", "operator", "op1", t(11, 18, 10, 5)),
                                        ("cancel", "supervisor", "sup1", t(11, 18, 10, 20), {"note": "现场未发现"})],
        "op1", x=250)
    # D: dispatched to the wrong department, returned, re-dispatched, extended, handled on time
    run("D", "监督员上报", t(11, 17, 9), [("accept", "operator", "op1", t(11, 17, 9, 5)),
                                        ("register", "shift_leader", "sl1", t(11, 17, 9, 30)),
                                        ("dispatch", "dispatcher", "dp1", t(11, 17, 9, 40),
                                         {"data": {"department": "JG"}}),
                                        ("return", "department", "jg1", t(11, 17, 10), {"note": "非本部门职责"}),
                                        ("dispatch", "dispatcher", "dp1", t(11, 17, 10, 10)),
                                        ("request_extension", "department", "hw1", t(11, 17, 11),
                                         {"note": "需协调", "data": {"hours": 24}}),
                                        ("approve_extension", "shift_leader", "sl1", t(11, 17, 11, 10)),
                                        ("feedback", "department", "hw1", t(11, 18, 10)),
                                        ("check_ok", "supervisor", "sup1", t(11, 18, 10, 10)),
                                        ("close", "shift_leader", "sl1", t(11, 18, 11))], "sup1", y=150)
    # E: dispatched, never fed back: overdue since 24 Nov 15:00
    run("E", "监督员上报", t(11, 24, 9), [("accept", "operator", "op1", t(11, 24, 9, 5)),
                                        ("register", "shift_leader", "sl1", t(11, 24, 9, 20)),
                                        ("dispatch", "dispatcher", "dp1", t(11, 24, 9, 30))], "sup2", x=150, y=150)
    # F: October's case, fed back late on 2 Nov (its deadline, 30 Oct 15:00, fell in October)
    run("F", "监督员上报", t(10, 30, 9), [("accept", "operator", "op1", t(10, 30, 9, 5)),
                                        ("register", "shift_leader", "sl1", t(10, 30, 9, 20)),
                                        ("dispatch", "dispatcher", "dp1", t(10, 30, 9, 30)),
                                        ("feedback", "department", "hw1", t(11, 2, 9)),
                                        ("check_ok", "supervisor", "sup1", t(11, 2, 9, 20)),
                                        ("close", "shift_leader", "sl1", t(11, 2, 10))], "sup1", x=250, y=150)
    # G: deferred (挂账) right after dispatch: no clock runs
    run("G", "监督员上报", t(11, 25, 9), [("accept", "operator", "op1", t(11, 25, 9, 5)),
                                        ("register", "shift_leader", "sl1", t(11, 25, 9, 20)),
                                        ("dispatch", "dispatcher", "dp1", t(11, 25, 9, 30)),
                                        ("defer", "shift_leader", "sl1", t(11, 25, 10), {"note": "涉及多部门"})],
        "sup1", x=60, y=60)
    # H: reported on the last day, only accepted
    run("H", "监督员上报", t(11, 30, 10), [("accept", "operator", "op1", t(11, 30, 10, 5))], "sup2", x=160, y=60)
    conn.close()
    yield ids, logins, dsn
    conn = db.connect(dsn)
    with conn.cursor() as cur:
        for login in logins.values():
            cur.execute(f'DROP OWNED BY "{login}"')
            cur.execute(f'DROP ROLE IF EXISTS "{login}"')
    conn.commit()
    conn.close()
    cluster.drop_database(name)
