"""The evaluation (issue 7) on hand-built cases with known answers: eight cases run through the
real workflow by real staff logins in November 2026 (on time and late, verified late, cancelled,
returned to the dispatcher, extended, reworked, overdue, deferred) and one from October. Every
figure is checked against the hand count, every rate against its fraction, the composite
score against the published weights, and every figure against the cases a drill-down lists.
A later change (a new time limit, actions after the cut-off) does not move a past month."""
from __future__ import annotations

from datetime import datetime

import pytest

from citygrid_plugin.core import evaluation as ev
from citygrid_plugin.store import db
from citygrid_plugin.store.cases import act
from citygrid_plugin.store.evaluation import load_cases
from tests.helpers.evaluation import CST, DEC, NOV, OCT
from tests.helpers.photos import photo


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
        cur.execute("SELECT citygrid.manual_apply(%s::jsonb, 'policy change', false)",
                    ('{"profile": "2013", "classes": [{"kind": "event", "code": "0102", '
                     '"limits": {"handle": {"amount": 100, "unit": "hours"}}}]}',))
    conn.commit()
    c = act(conn, ids["E"], "feedback", "department", 4, as_user=logins["hw1"], note="已清运", photos=[photo()])
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
