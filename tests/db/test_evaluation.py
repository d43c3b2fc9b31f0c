"""The evaluation (issue 7) on hand-built cases with known answers: eight cases run through the
real workflow by real staff logins in November 2026 (on time and late, verified late, cancelled,
returned to the dispatcher, extended, reworked, overdue, deferred) and one from October. Every
figure is checked against the hand count, every rate against its fraction, the composite
score against the published weights, and every figure against the cases a drill-down lists.
A later change (a new time limit, actions after the cut-off) does not move a past month."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from citygrid_plugin.core import evaluation as ev
from citygrid_plugin.store import db
from citygrid_plugin.store.cases import act, report_case
from citygrid_plugin.store.evaluation import load_cases
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.stores import make_case_store

CST = timezone(timedelta(hours=8))
NOV, DEC, OCT = (datetime(2026, m, 1, tzinfo=CST) for m in (11, 12, 10))


def t(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CST)


@pytest.fixture(scope="module")
def month(cluster):
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
        c = report_case(conn, source, "event", cls, f"案件 {letter}", x, y, at=report_at, as_user=logins[reporter])
        for action, role, who, at, *extra in steps:
            kwargs = extra[0] if extra else {}
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


def evaluate(dsn: str, start: datetime, end: datetime, grouping: str):
    conn = db.connect(dsn)
    try:
        as_of = ev.period_cutoff(start, end, datetime.now(CST))
        facts = ev.facts_for(load_cases(conn, start, as_of), start, end, as_of)
    finally:
        conn.close()
    return ev.figures(facts, grouping)


def cases(ids: dict[str, int], letters: str) -> frozenset[int]:
    return frozenset(ids[c] for c in letters)


def test_the_district_figures_of_november_are_the_hand_counts(month):
    ids, _logins, dsn = month
    row = evaluate(dsn, NOV, DEC, "district")["510104"]
    expected = {"reported": "ABCDEGH", "valid": "ABDEG", "cancelled": "C", "verified": "BC", "verified_on_time": "C",
                "registered": "ABDEG", "closed": "ABD", "closed_on_time": "ABD", "reworked": "B",
                "dispatched": "ABDEG", "dispatched_correctly": "ABEG", "due_handle": "ABDE", "handled": "ABD",
                "handled_on_time": "AD", "overdue_unhandled": "E", "extended": "D", "checked": "ABDF",
                "checked_on_time": "ABDF", "overdue": "EH"}  # H: not registered within its working hour
    for name, letters in expected.items():
        assert row[name].numerator == cases(ids, letters), name
        assert row[name].count == len(letters)  # the figure is the number of cases a drill-down lists
    assert row["valid_report_rate"].value == pytest.approx(5 / 7)
    assert row["handling_rate"].value == 0.75 and row["on_time_handling_rate"].value == 0.5
    assert row["closing_rate"].value == 0.6 and row["rework_rate"].value == 0.2
    assert row["overdue_rate"].value == 0.25 and row["extension_rate"].value == 0.25
    assert row["correct_dispatch_rate"].value == 0.8 and row["on_time_verify_rate"].value == 0.5
    assert row["on_time_check_rate"].value == 1.0
    assert row["handling_rate"].denominator == cases(ids, "ABDE")


def test_departments_answer_for_their_assignments_and_score_by_the_published_weights(month):
    ids, _logins, dsn = month
    rows = evaluate(dsn, NOV, DEC, "department")
    hw, jg = rows["HW"], rows["JG"]
    assert hw["due_handle"].numerator == cases(ids, "ABDE") and hw["registered"].numerator == cases(ids, "ABDEG")
    assert hw["overdue_handling"].numerator == cases(ids, "E")
    assert hw["dispatched"].numerator == cases(ids, "ABEG") and hw["correct_dispatch_rate"].value == 1.0
    assert jg["dispatched"].numerator == cases(ids, "D") and jg["dispatched_correctly"].count == 0
    assert "due_handle" in jg and jg["due_handle"].count == 0 and jg["handling_rate"].value is None
    # 0.75×30 + 0.5×20 + (1−0.2)×20 + (1−0.25)×20 + (1−0.25)×10
    assert ev.composite(hw) == pytest.approx(71.0)
    assert ev.composite(jg) is None  # nothing due: no score, not 0 and not 100
    assert ev.composite(hw, ev.parse_weights("handling_rate=50, on_time_handling_rate=50, rework_rate=0, "
                                             "overdue_rate=0, extension_rate=0")) == pytest.approx(62.5)
    with pytest.raises(ev.EvaluationError, match="unknown score terms speed"):
        ev.parse_weights("speed=10")


def test_people_are_credited_with_what_they_did(month):
    ids, logins, dsn = month
    supervisors = evaluate(dsn, NOV, DEC, "supervisor")
    assert supervisors[logins["sup2"]]["verified"].numerator == cases(ids, "B")
    assert supervisors[logins["sup2"]]["on_time_verify_rate"].value == 0.0
    assert supervisors[logins["sup1"]]["reported"].numerator == cases(ids, "ADG")
    assert supervisors[logins["sup1"]]["checked"].numerator == cases(ids, "ADF")
    dispatchers = evaluate(dsn, NOV, DEC, "dispatcher")
    assert dispatchers[logins["dp1"]]["correct_dispatch_rate"].value == 0.8
    leaders = evaluate(dsn, NOV, DEC, "shift_leader")
    assert leaders[logins["sl1"]]["registered"].numerator == cases(ids, "ABDEG")
    operators = evaluate(dsn, NOV, DEC, "operator")
    assert operators[logins["op1"]]["reported"].count == 7


def test_october_counts_f_as_overdue_and_later_changes_do_not_move_a_month(month):
    ids, logins, dsn = month
    october = evaluate(dsn, OCT, NOV, "district")["510104"]
    assert october["due_handle"].numerator == cases(ids, "F")
    assert october["overdue_unhandled"].numerator == cases(ids, "F")  # fed back on 2 Nov: after October's cut-off
    before = {k: v.numerator for k, v in evaluate(dsn, NOV, DEC, "district")["510104"].items()}
    conn = db.connect(dsn)
    with conn.cursor() as cur:  # a later policy change and later work on E
        cur.execute("UPDATE citygrid.case_time_limit SET amount = 100 WHERE class_code = '0102'")
    conn.commit()
    c = act(conn, ids["E"], "feedback", "department", 4, as_user=logins["hw1"])
    assert c.state == "handled"
    conn.close()
    after = {k: v.numerator for k, v in evaluate(dsn, NOV, DEC, "district")["510104"].items()}
    assert after == before


def test_a_period_in_the_future_or_backwards_is_refused():
    now = datetime(2026, 12, 1, 12, tzinfo=CST)
    with pytest.raises(ev.EvaluationError, match="starts in the future"):
        ev.period_cutoff(DEC, datetime(2027, 1, 1, tzinfo=CST), datetime(2026, 11, 30, tzinfo=CST))
    with pytest.raises(ev.EvaluationError, match="the period is empty"):
        ev.period_cutoff(DEC, NOV, now)
    assert ev.period_cutoff(NOV, DEC, now) == DEC
    assert ev.period_cutoff(NOV, datetime(2027, 1, 1, tzinfo=CST), now) == now
