"""The reports of the evaluation's hand-built month (tests/helpers/evaluation.py: cases acted by
real staff logins) against hand counts: the handling time in working hours on the store's own
calendar (working periods 08:30–12:00 and 13:30–17:30, Monday to Friday), the same-period
comparison and the problem classification; a quarter is one period, not a sum of months."""
from __future__ import annotations

from datetime import datetime

import pytest

from citygrid_plugin.core.periods import parse_period
from citygrid_plugin.store import db
from citygrid_plugin.store.evaluation import evaluate_period, report_tables
from tests.helpers.evaluation import CST, DEC, NOV


def tables(dsn: str, start: datetime, end: datetime) -> dict:
    conn = db.connect(dsn)
    try:
        return {t.key: t for t in report_tables(conn, evaluate_period(conn, start, end))}
    finally:
        conn.close()


def rows_by(table, mark: str) -> dict:
    return {table.rows[i][1]: (table.rows[i], table.ids[i]) for i in table.marked(mark)}


def test_november_handling_times_are_the_hand_counted_working_hours(month):
    ids, _logins, dsn = month
    handling = tables(dsn, NOV, DEC)["handling_time"]
    # fed back in November, from the accountable dispatch, in working hours:
    #   A  Mon 16 09:30 → 14:00                                   2.5 + 0.5         = 3.0
    #   B  Fri 20 17:10 → Mon 23 15:00 (the first feedback)       1/3 + 3.5 + 1.5  = 5.333
    #   D  Tue 17 10:10 (after the return) → Wed 18 10:00          11/6 + 4 + 1.5   = 7.333
    #   F  Fri 30 Oct 09:30 → Mon 2 Nov 09:00 (late, fed back in November)  2.5 + 4 + 0.5 = 7.0
    hw, hw_ids = rows_by(handling, "department")["HW"]
    assert hw_ids == frozenset(ids[c] for c in "ABDF")
    assert hw[3] == 4
    assert hw[4] == pytest.approx((3 + 16 / 3 + 22 / 3 + 7) / 4, abs=0.01)     # 5.67 average
    assert hw[5] == pytest.approx((16 / 3 + 7) / 2, abs=0.01)                  # 6.17 median
    assert hw[6] == pytest.approx(22 / 3, abs=0.01)                            # 7.33 longest
    assert "JG" not in rows_by(handling, "department")    # D was returned: not JG's to answer for


def test_the_same_period_comparison_and_the_classification_count_the_reported_cases(month):
    ids, _logins, dsn = month
    found = tables(dsn, NOV, DEC)
    comparison = found["class_comparison"]
    row = next(r for r in comparison.rows if r[1] == "0102")
    # November: A B C D E G H; the month before: F; a year before: nothing (no change to give)
    assert row[3:] == [7, 0, None, 1, 600.0]
    classification = found["problem_classification"]
    # one kind (events), one major class (01 市容环境), one class (0102), each with the seven cases
    assert [(classification.rows[i][1], classification.rows[i][2], classification.rows[i][4])
            for i in range(len(classification.rows))] == [("", "", 7), ("01", "", 7), ("01", "0102", 7)]
    assert set(classification.ids) == {frozenset(ids[c] for c in "ABCDEGH")}
    # the fourth quarter as one period: every case of October and November counted once
    quarter = parse_period("2026-Q4")
    q = tables(dsn, quarter.start, min(quarter.end, datetime.now(CST)))
    q_row = next(r for r in q["class_comparison"].rows if r[1] == "0102")
    assert q_row[3] == 8 and q["handling_time"].ids[q["handling_time"].marked("total")[0]] == frozenset(
        ids[c] for c in "ABDF")
