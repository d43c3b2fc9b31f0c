"""The Python working calendar (core.workcalendar) against the store's own functions: add() gives
exactly what citygrid.add_work_time gives on a calendar with holidays and a 调休 Saturday, and
work_hours() counts the hours a reader counts by hand."""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from citygrid_plugin.core.casefilter import CST
from citygrid_plugin.core.workcalendar import CalendarError
from citygrid_plugin.store import admin
from citygrid_plugin.store.workcalendar import load_calendar

# 2026-11-20 is a Friday. The Saturday after it is a working day (调休), the Monday and Tuesday
# after are holidays; 2027-01-01 (a Friday) is a holiday and Sunday 2027-01-03 a working day.
ENTRIES_2026 = [(date(2026, 5, 1), False, "劳动节"), (date(2026, 11, 21), True, "调休上班"),
                (date(2026, 11, 23), False, "假日"), (date(2026, 11, 24), False, "假日")]
ENTRIES_2027 = [(date(2027, 1, 1), False, "元旦"), (date(2027, 1, 3), True, "调休上班")]


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=CST)


@pytest.fixture
def owner(store_dsn, conn_factory):
    conn = conn_factory(store_dsn)
    admin.save_calendar(conn, 2026, ENTRIES_2026)
    admin.save_calendar(conn, 2027, ENTRIES_2027)
    return conn


def store_add(conn, pairs):
    """citygrid.add_work_time for every (start, amount, unit), in one statement."""
    with conn.cursor() as cur:
        cur.execute("SELECT citygrid.add_work_time(s, a, u) FROM unnest(%s::timestamptz[], %s::numeric[], %s::text[]) "
                    "WITH ORDINALITY AS t(s, a, u, i) ORDER BY i",
                    ([p[0] for p in pairs], [p[1] for p in pairs], [p[2] for p in pairs]))
        out = [r[0] for r in cur.fetchall()]
    conn.rollback()
    return out


def random_pairs(seed: int, n: int):
    rng = random.Random(seed)
    base = at(2026, 11, 14)
    pairs = []
    for i in range(n):
        # starts over seven weeks around the holidays, on the minute, some exactly on a period's edge
        start = base + timedelta(minutes=rng.randrange(0, 50 * 24 * 60))
        if i % 10 == 0:
            start = start.replace(hour=rng.choice([8, 12, 13, 17]), minute=30 if i % 20 else 0)
        unit = ("work_hours", "work_days", "hours")[i % 3 if i % 5 else 0]
        if unit == "work_days":
            amount = Decimal(rng.choice([0, 1, 1, 2, 3, 5, 10, 15]))
        else:
            amount = Decimal(rng.randrange(0, 400)) / 4   # 0 to 99.75 h in quarter hours
        pairs.append((start, amount, unit))
    return pairs


def test_add_is_the_store_s_add_work_time_on_random_starts(owner):
    pairs = random_pairs(18, 400)
    calendar = load_calendar(owner, at(2026, 11, 14), at(2027, 1, 3))
    assert [calendar.add(*p) for p in pairs] == store_add(owner, pairs)


def test_add_follows_changed_settings_and_fractions(owner):
    admin.set_work_periods(owner, "07:00-11:30, 14:00-18:00, 19:00-24:00")
    admin.set_work_week(owner, [1, 2, 3, 4, 5, 6])
    rng = random.Random(7)
    pairs = [(at(2026, 11, 14) + timedelta(seconds=rng.randrange(0, 50 * 86400)),
              Decimal(rng.randrange(0, 100000)) / 1000, ("work_hours", "work_days", "hours")[i % 3])
             for i in range(300)]
    pairs = [(s, a.to_integral_value() if u == "work_days" else a, u) for s, a, u in pairs]
    calendar = load_calendar(owner)   # up to 100 working days: every entry
    assert calendar.week == frozenset({1, 2, 3, 4, 5, 6}) and calendar.periods[-1] == (19 * 3600, 24 * 3600)
    assert [calendar.add(*p) for p in pairs] == store_add(owner, pairs)


def test_the_tiaoxiu_saturday_and_the_holidays_by_hand(owner):
    calendar = load_calendar(owner, at(2026, 11, 1), at(2026, 12, 31))
    # Friday 16:00 + 4 working hours: 1.5 h Friday, then the 调休 Saturday 08:30 + 2.5 h
    assert calendar.add(at(2026, 11, 20, 16), 4, "work_hours") == at(2026, 11, 21, 11)
    # Saturday 17:00 + 1 working hour: 0.5 h Saturday; Sunday rests, Monday and Tuesday are holidays
    assert calendar.add(at(2026, 11, 21, 17), 1, "work_hours") == at(2026, 11, 25, 9)
    # 1 working day from Friday: the end of the 调休 Saturday; 2: Wednesday's end
    assert calendar.add(at(2026, 11, 20, 10), 1, "work_days") == at(2026, 11, 21, 17, 30)
    assert calendar.add(at(2026, 11, 20, 10), 2, "work_days") == at(2026, 11, 25, 17, 30)
    # 0 working hours at lunch time: the next working moment
    assert calendar.add(at(2026, 11, 20, 12, 30), 0, "work_hours") == at(2026, 11, 20, 13, 30)


def test_work_hours_by_hand(owner):
    calendar = load_calendar(owner, at(2026, 11, 1), at(2026, 12, 31))
    # a plain Thursday: 08:30-12:00 and 13:30-17:30 = 7.5 h
    assert calendar.work_hours(at(2026, 11, 19), at(2026, 11, 20)) == 7.5
    # Thursday 16:00 to Friday 09:00: 1.5 + 0.5
    assert calendar.work_hours(at(2026, 11, 19, 16), at(2026, 11, 20, 9)) == 2.0
    # Friday 17:00 to Wednesday 09:30: 0.5 Friday + 7.5 调休 Saturday + 0 Sunday + 0 + 0 holidays + 1.0
    assert calendar.work_hours(at(2026, 11, 20, 17), at(2026, 11, 25, 9, 30)) == 9.0
    # a normal weekend week later: Friday 17:00 to Monday 09:30 = 0.5 + 1.0
    assert calendar.work_hours(at(2026, 11, 27, 17), at(2026, 11, 30, 9, 30)) == 1.5
    # inside lunch, backwards, empty
    assert calendar.work_hours(at(2026, 11, 19, 12, 10), at(2026, 11, 19, 13, 20)) == 0.0
    assert calendar.work_hours(at(2026, 11, 19, 16), at(2026, 11, 19, 9)) == 0.0
    assert calendar.work_hours(at(2026, 11, 19, 9), at(2026, 11, 19, 9)) == 0.0
    # a time in another zone is the same instant: 01:00 UTC = 09:00 Shanghai
    utc = at(2026, 11, 19, 9).astimezone(datetime.now().astimezone().tzinfo)
    assert calendar.work_hours(utc, at(2026, 11, 19, 10)) == 1.0


def test_work_hours_agrees_with_add(owner):
    """What add() reaches with n working hours is n working hours away (away from a period's end,
    where the next start is the same working moment)."""
    calendar = load_calendar(owner, at(2026, 11, 14), at(2027, 1, 3))
    for start, amount, unit in random_pairs(3, 200):
        if unit != "work_hours" or amount == 0:
            continue
        end = calendar.add(start, amount, unit)
        assert calendar.work_hours(start, end) == float(amount)


def test_a_calendar_answers_only_the_days_it_read(owner):
    calendar = load_calendar(owner, at(2026, 11, 20), at(2026, 11, 25))
    assert calendar.days[date(2026, 11, 21)] is True and calendar.days[date(2026, 11, 23)] is False
    assert date(2026, 5, 1) not in calendar.days       # outside what was read …
    with pytest.raises(CalendarError, match="read for 2026-09-19 to 2027-01-26, not for 2027-02-01"):
        calendar.is_workday(date(2027, 2, 1))           # … and a day beyond the margin is refused
    everything = load_calendar(owner)
    assert everything.span is None and everything.days[date(2027, 1, 3)] is True


def test_bad_amounts_and_units_are_refused_as_the_store_refuses_them(owner):
    calendar = load_calendar(owner)
    for amount in (-1, 87601, float("nan")):
        with pytest.raises(CalendarError, match="finite amount from 0 to 87600"):
            calendar.add(at(2026, 11, 20), amount, "hours")
    with pytest.raises(CalendarError, match="unknown time unit weeks"):
        calendar.add(at(2026, 11, 20), 1, "weeks")
    with pytest.raises(CalendarError, match="time zone"):
        calendar.work_hours(datetime(2026, 11, 20), at(2026, 11, 21))


def test_the_reports_of_a_real_month_measure_handling_on_the_store_s_calendar(month):
    """report_tables() on the evaluation's hand-built month (tests/helpers/evaluation.py): the eight
    reports, and the handling time of the four cases fed back in November counted by hand."""
    from citygrid_plugin.store import db
    from citygrid_plugin.store.evaluation import evaluate_period, report_tables

    ids, _logins, dsn = month
    conn = db.connect(dsn)
    try:
        evaluation = evaluate_period(conn, at(2026, 11, 1), at(2026, 12, 1))
        tables = report_tables(conn, evaluation)
        assert conn.get_transaction_status() == 0   # idle: no read left open
    finally:
        conn.close()
    assert [t.key for t in tables] == ["most_frequent", "by_source", "by_state", "by_department",
                                       "department_performance", "class_comparison", "problem_classification",
                                       "handling_time"]
    timing = tables[-1]
    # A: Mon 09:30 → 14:00 = 3.0; B: Fri 17:10 → Mon 15:00 = 1/3 + 5.0 (its first feedback; the rework's
    # does not count); D: re-dispatched Tue 10:10 → Wed 10:00 = 5 5/6 + 1.5; F: Fri 30 Oct 09:30 → Mon 09:00
    # = 6.5 + 0.5 (fed back in November). E and G were never fed back.
    total = timing.rows[0]
    assert timing.marks[0] == "total" and timing.ids[0] == frozenset(ids[c] for c in "ABDF")
    assert total[3:] == [4, round((3 + 16 / 3 + 22 / 3 + 7) / 4, 2), round((16 / 3 + 7) / 2, 2), 7.33]
    assert [timing.rows[i][1] for i in timing.marked("department")] == ["HW"]
    classes = tables[-2]
    # seven cases reported in November (F was October's), all 暴露垃圾 (event 0102, major class 01 市容环境)
    assert [(classes.marks[i], classes.rows[i][3], classes.rows[i][4]) for i in range(len(classes.rows))] == [
        ("kind", "All events", 7), ("major", "市容环境", 7), ("class", "暴露垃圾", 7)]
