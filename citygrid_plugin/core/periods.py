"""Reporting periods (统计周期): a month, a quarter or a year, in Asia/Shanghai.

Every evaluation, report and publication covers a half-open period ``start <= t < end`` (aware
datetimes in :data:`core.casefilter.CST`). The monthly reports, the quarterly and yearly reviews and
the leader's dock all read the period from one text a user types, so the spellings a user may type
are accepted in one place (:func:`parse_period`):

=================  ======================================================================
month              ``2026-11``, ``2026/11``, ``2026-1``, ``2026年11月``, ``2026.11``
quarter            ``2026-Q4``, ``2026Q4``, ``2026 q4``, ``2026年第4季度``, ``2026年第四季度``, ``2026年四季度``
year               ``2026``, ``2026年``
=================  ======================================================================

An empty text means the last *complete* period of the kind asked for before ``now`` (on
2026-12-05 the month is November, the quarter 2026-Q3, the year 2025): a published period is
final, so the default never picks one still running.

:meth:`Period.previous` (the period just before: 环比) and :meth:`Period.year_before` (the same
period a year earlier: 同比) give the comparisons the reports print; :meth:`Period.months` splits a
quarter or a year into its calendar months for a month-by-month trend.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from .casefilter import CST
from .evaluation import EvaluationError, shift_months
from .i18n import tr

KINDS = ("month", "quarter", "year")
_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}
_YEARS = (2000, 2100)

_MONTH = re.compile(r"^(\d{4})\s*(?:[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月份?)$")
_QUARTER = re.compile(r"^(\d{4})\s*(?:[-/]?\s*[Qq]\s*([0-9])|年\s*第?\s*([0-9一二三四])\s*季度?)$")
_QUARTER_FIRST = re.compile(r"^[Qq]\s*([0-9])\s*[-/ ]?\s*(\d{4})$")
_YEAR = re.compile(r"^(\d{4})\s*年?$")


@dataclass(frozen=True)
class Period:
    """A reporting period [start, end) of *kind* "month", "quarter", "year" or "range" (any other
    span, see :func:`month_range`)."""

    kind: str
    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.kind not in KINDS + ("range",):
            raise EvaluationError(tr("unknown period kind '{kind}'; use month, quarter or year").format(
                kind=self.kind))
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise EvaluationError(tr("the period needs dates with a time zone"))
        if self.end <= self.start:
            raise EvaluationError(tr("the period is empty: it ends ({end}) before it starts ({start})").format(
                start=self.start.isoformat(timespec="minutes"), end=self.end.isoformat(timespec="minutes")))
        object.__setattr__(self, "start", self.start.astimezone(CST))
        object.__setattr__(self, "end", self.end.astimezone(CST))

    @property
    def key(self) -> str:
        """"2026-11", "2026-Q4", "2026" (file names, parameters); a range "2026-11-03_2026-11-20"
        (the last day included)."""
        s = self.start
        if self.kind == "month":
            return f"{s.year:04d}-{s.month:02d}"
        if self.kind == "quarter":
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if self.kind == "year":
            return f"{s.year:04d}"
        last = self.end - timedelta(microseconds=1)
        return f"{s:%Y-%m-%d}_{last:%Y-%m-%d}"

    def label(self) -> str:
        """"2026年11月", "2026年第4季度", "2026年" (English "11/2026", "Q4 2026", "2026"); a range
        "2026-11-03 至 2026-11-20"."""
        s = self.start
        if self.kind == "month":
            return tr("{month}/{year}").format(month=s.month, year=s.year)
        if self.kind == "quarter":
            return tr("Q{quarter} {year}").format(quarter=(s.month - 1) // 3 + 1, year=s.year)
        if self.kind == "year":
            return tr("{year}").format(year=s.year)
        last = self.end - timedelta(microseconds=1)
        return tr("{start} to {end}").format(start=f"{s:%Y-%m-%d}", end=f"{last:%Y-%m-%d}")

    def months(self) -> list[Period]:
        """The calendar months inside, in order (a month: [self]). A range is cut at month
        boundaries: its whole months are months, a partial first or last piece is a range."""
        if self.kind == "month":
            return [self]
        out: list[Period] = []
        first = self.start.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        while first < self.end:
            following = shift_months(first, 1)
            start, end = max(first, self.start), min(following, self.end)
            out.append(Period("month" if (start, end) == (first, following) else "range", start, end))
            first = following
        return out

    def previous(self) -> Period:
        """The period of the same kind just before (2026-11 → 2026-10, 2026-Q1 → 2025-Q4, 2026 →
        2025; a range: the same length just before it)."""
        if self.kind == "range":
            return Period("range", self.start - (self.end - self.start), self.start)
        start = shift_months(self.start, -_MONTHS[self.kind])
        return Period(self.kind, start, self.start)

    def year_before(self) -> Period:
        """The same period a year earlier (同比)."""
        if self.kind == "range":
            return Period("range", _year_earlier(self.start), _year_earlier(self.end))
        start = shift_months(self.start, -12)
        return Period(self.kind, start, shift_months(start, _MONTHS[self.kind]))


def _year_earlier(t: datetime) -> datetime:
    try:
        return t.replace(year=t.year - 1)
    except ValueError:  # 29 February
        return t.replace(year=t.year - 1, day=28)


def _period(kind: str, year: int, month: int) -> Period:
    start = datetime(year, month, 1, tzinfo=CST)
    return Period(kind, start, shift_months(start, _MONTHS[kind]))


def _how() -> str:
    return tr("the period must be written YYYY-MM for a month (2026-11), YYYY-Qn for a quarter (2026-Q4) or YYYY "
              "for a year (2026)")


def _bad(text: str, problem: str = "") -> EvaluationError:
    """What was wrong (*problem*, when more precise than "unreadable") and how to write a period."""
    if problem:
        return EvaluationError(tr("{problem}: {how}, got '{text}'").format(problem=problem, how=_how(), text=text))
    return EvaluationError(tr("{how}, got '{text}'").format(how=_how(), text=text))


def parse_period(text: str = "", now: datetime | None = None, kind: str = "month") -> Period:
    """The period *text* names (spellings in the module docstring); empty: the last complete
    period of *kind* before *now* (default: the current time)."""
    if kind not in KINDS:
        raise EvaluationError(tr("unknown period kind '{kind}'; use month, quarter or year").format(kind=kind))
    text = (text or "").strip()
    if not text:
        now = datetime.now(CST) if now is None else (now.replace(tzinfo=CST) if now.tzinfo is None else now)
        now = now.astimezone(CST)
        span = _MONTHS[kind]
        current = now.month - (now.month - 1) % span  # the first month of the running period
        first = now.replace(month=current, day=1, hour=0, minute=0, second=0, microsecond=0)
        start = shift_months(first, -span)
        return _period(kind, start.year, start.month)
    normal = text.replace("－", "-").replace("／", "/").replace("Ｑ", "Q").replace("ｑ", "q")
    normal = normal.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if m := _MONTH.match(normal):
        year, month = int(m.group(1)), int(m.group(2) or m.group(3))
        _check_year(year, text)
        if not 1 <= month <= 12:
            raise _bad(text, tr("month {month} does not exist (a month is 1 to 12)").format(month=month))
        return _period("month", year, month)
    m = _QUARTER.match(normal)
    q = _QUARTER_FIRST.match(normal)
    if m or q:
        year = int(m.group(1) if m else q.group(2))
        digit = (m.group(2) or m.group(3)) if m else q.group(1)
        quarter = _CN_DIGITS.get(digit) or int(digit)
        _check_year(year, text)
        if not 1 <= quarter <= 4:
            raise _bad(text, tr("quarter {quarter} does not exist (a quarter is 1 to 4)").format(quarter=quarter))
        return _period("quarter", year, 3 * quarter - 2)
    if m := _YEAR.match(normal):
        year = int(m.group(1))
        _check_year(year, text)
        return _period("year", year, 1)
    raise _bad(text)


def _check_year(year: int, text: str) -> None:
    if not _YEARS[0] <= year <= _YEARS[1]:
        raise _bad(text, tr("the year {year} is outside {low} to {high}").format(year=year, low=_YEARS[0],
                                                                                high=_YEARS[1]))


def month_range(start: datetime, end: datetime) -> Period:
    """The period [start, end): kind "range", unless it is exactly a calendar month, quarter or
    year (then that kind, so its label and comparisons are the usual ones)."""
    period = Period("range", start, end)
    s = period.start
    if (s.day, s.hour, s.minute, s.second, s.microsecond) == (1, 0, 0, 0, 0):
        for kind in ("month", "quarter", "year"):
            if (kind != "quarter" or (s.month - 1) % 3 == 0) and (kind != "year" or s.month == 1) \
                    and period.end == shift_months(s, _MONTHS[kind]):
                return Period(kind, s, period.end)
    return period
