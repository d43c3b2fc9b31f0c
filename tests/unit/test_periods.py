"""Reporting periods (core.periods): every spelling a user may type, the default period from a
given moment, the periods before, the months inside, and errors that say how to write it."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from citygrid_plugin.core.casefilter import CST
from citygrid_plugin.core.evaluation import EvaluationError
from citygrid_plugin.core.i18n import set_translator
from citygrid_plugin.core.periods import Period, month_range, parse_period


def at(*args) -> datetime:
    return datetime(*args, tzinfo=CST)


@pytest.mark.parametrize("text", ["2026-11", "2026/11", "2026年11月", "2026年11月份", " 2026 - 11 ", "2026.11",
                                  "２０２６－１１"])
def test_month_spellings(text):
    p = parse_period(text)
    assert (p.kind, p.start, p.end, p.key) == ("month", at(2026, 11, 1), at(2026, 12, 1), "2026-11")


def test_single_digit_month_and_december():
    assert parse_period("2026-1").key == "2026-01"
    dec = parse_period("2026年12月")
    assert (dec.start, dec.end) == (at(2026, 12, 1), at(2027, 1, 1))


@pytest.mark.parametrize("text", ["2026-Q4", "2026Q4", "2026q4", "2026 Q4", "Q4 2026", "2026年第4季度",
                                  "2026年第四季度", "2026年四季度", "2026年第4季"])
def test_quarter_spellings(text):
    p = parse_period(text)
    assert (p.kind, p.start, p.end, p.key) == ("quarter", at(2026, 10, 1), at(2027, 1, 1), "2026-Q4")


@pytest.mark.parametrize("text", ["2026", "2026年", " 2026 "])
def test_year_spellings(text):
    p = parse_period(text)
    assert (p.kind, p.start, p.end, p.key) == ("year", at(2026, 1, 1), at(2027, 1, 1), "2026")


def test_every_quarter_starts_where_it_should():
    starts = [parse_period(f"2026-Q{q}").start.month for q in range(1, 5)]
    assert starts == [1, 4, 7, 10]
    assert parse_period("2026年第一季度").end == at(2026, 4, 1)


def test_empty_text_is_the_last_complete_period_before_now():
    now = at(2026, 12, 5, 9, 30)
    assert parse_period("", now).key == "2026-11"
    assert parse_period("", now, "quarter").key == "2026-Q3"  # Q4 is still running
    assert parse_period("", now, "year").key == "2025"
    jan = at(2026, 1, 1, 0, 0)
    assert parse_period("", jan).key == "2025-12"
    assert parse_period("", jan, "quarter").key == "2025-Q4"
    assert parse_period("", at(2026, 4, 1, 0, 0), "quarter").key == "2026-Q1"
    assert parse_period("", at(2026, 3, 31, 23, 59), "quarter").key == "2025-Q4"


def test_now_in_another_time_zone_is_read_in_shanghai():
    # 2026-11-30 18:00 UTC is already 1 December in Shanghai: November is complete
    assert parse_period("", datetime(2026, 11, 30, 18, 0, tzinfo=UTC)).key == "2026-11"
    assert parse_period("", datetime(2026, 11, 30, 15, 0, tzinfo=UTC)).key == "2026-10"


def test_previous_and_year_before():
    assert parse_period("2026-01").previous().key == "2025-12"
    assert parse_period("2026-03").previous().key == "2026-02"
    assert parse_period("2026-Q1").previous().key == "2025-Q4"
    assert parse_period("2026-Q3").previous().key == "2026-Q2"
    assert parse_period("2026").previous().key == "2025"
    assert parse_period("2026-11").year_before().key == "2025-11"
    assert parse_period("2026-Q4").year_before().key == "2025-Q4"
    assert parse_period("2026").year_before().key == "2025"
    q = parse_period("2026-Q1").previous()
    assert (q.kind, q.start, q.end) == ("quarter", at(2025, 10, 1), at(2026, 1, 1))


def test_months_inside():
    assert [m.key for m in parse_period("2026-Q4").months()] == ["2026-10", "2026-11", "2026-12"]
    year = parse_period("2026").months()
    assert len(year) == 12 and year[0].key == "2026-01" and year[-1].end == at(2027, 1, 1)
    assert all(m.kind == "month" for m in year)
    nov = parse_period("2026-11")
    assert nov.months() == [nov]


def test_labels_in_english_and_chinese():
    assert [parse_period(t).label() for t in ("2026-11", "2026-Q4", "2026")] == ["11/2026", "Q4 2026", "2026"]
    chinese = {"{month}/{year}": "{year}年{month}月", "Q{quarter} {year}": "{year}年第{quarter}季度",
               "{year}": "{year}年", "{start} to {end}": "{start} 至 {end}"}
    set_translator(lambda text: chinese.get(text, text))
    try:
        assert [parse_period(t).label() for t in ("2026-11", "2026-Q4", "2026")] == [
            "2026年11月", "2026年第4季度", "2026年"]
        assert month_range(at(2026, 11, 3), at(2026, 11, 21)).label() == "2026-11-03 至 2026-11-20"
    finally:
        set_translator(None)


def test_a_range_and_its_comparisons():
    r = month_range(at(2026, 11, 3), at(2026, 11, 21))
    assert (r.kind, r.key) == ("range", "2026-11-03_2026-11-20")
    assert r.previous() == Period("range", at(2026, 10, 16), at(2026, 11, 3))
    assert r.year_before() == Period("range", at(2025, 11, 3), at(2025, 11, 21))
    pieces = month_range(at(2026, 11, 3), at(2027, 1, 10)).months()
    assert [(p.kind, p.start, p.end) for p in pieces] == [
        ("range", at(2026, 11, 3), at(2026, 12, 1)), ("month", at(2026, 12, 1), at(2027, 1, 1)),
        ("range", at(2027, 1, 1), at(2027, 1, 10))]
    leap = month_range(at(2028, 2, 29), at(2028, 3, 2)).year_before()
    assert (leap.start, leap.end) == (at(2027, 2, 28), at(2027, 3, 2))


def test_a_range_that_is_a_whole_calendar_period_takes_its_kind():
    assert month_range(at(2026, 11, 1), at(2026, 12, 1)).key == "2026-11"
    assert month_range(at(2026, 10, 1), at(2027, 1, 1)).key == "2026-Q4"
    assert month_range(at(2026, 1, 1), at(2027, 1, 1)).key == "2026"
    assert month_range(at(2026, 11, 1), at(2027, 2, 1)).kind == "range"  # three months, not a quarter
    utc = month_range(datetime(2026, 10, 31, 16, tzinfo=UTC), datetime(2026, 11, 30, 16, tzinfo=UTC))
    assert utc.key == "2026-11" and utc.start.utcoffset() == timedelta(hours=8)


@pytest.mark.parametrize("text, words", [
    ("2026-13", "month 13 does not exist"), ("2026-00", "month 0 does not exist"),
    ("2026-Q5", "quarter 5 does not exist"), ("2026年第五季度", "YYYY-Qn"),
    ("1999", "the year 1999 is outside 2000 to 2100"), ("2026-11-05", "YYYY-MM"), ("November", "YYYY-MM"),
    ("26-11", "YYYY-MM"), ("2026-Q", "YYYY-Qn"),
])
def test_bad_text_says_what_is_wrong_and_how_to_write_it(text, words):
    with pytest.raises(EvaluationError) as err:
        parse_period(text)
    message = str(err.value)
    assert words in message and text.strip() in message and "must be written YYYY-MM" in message


def test_the_error_for_unreadable_text_gives_all_three_forms():
    with pytest.raises(EvaluationError, match=r"YYYY-MM .*YYYY-Qn .*YYYY for a year"):
        parse_period("last month")


def test_bad_kind_and_bad_dates():
    with pytest.raises(EvaluationError, match="unknown period kind 'week'"):
        parse_period("", kind="week")
    with pytest.raises(EvaluationError, match="time zone"):
        Period("month", datetime(2026, 11, 1), datetime(2026, 12, 1))
    with pytest.raises(EvaluationError, match="empty"):
        month_range(at(2026, 11, 2), at(2026, 11, 1))
