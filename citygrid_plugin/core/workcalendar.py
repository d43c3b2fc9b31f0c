"""The working calendar (工作日历) in plain Python, mirroring the store's functions exactly.

The store decides every time limit with ``citygrid.is_workday``, ``citygrid.work_periods`` and
``citygrid.add_work_time`` (store/sql/functions). Reports that measure *durations* in working
hours (the average handling time 处置平均时长) need the same calendar for thousands of intervals;
asking the store once per interval would be slow, and a Python calendar that differs from the
store's by one rule would report times that contradict the deadlines the store set. So this
module copies the store's rules line by line:

- a **working day** is a day listed in the calendar table ``work_calendar`` as a working day
  (e.g. a 调休 Saturday), or a day not listed there whose ISO weekday is in the setting
  ``work_week`` (default ``1,2,3,4,5``); a listed holiday is never one;
- the **working periods** of a working day are the setting ``work_periods``
  (``08:30-12:00,13:30-17:30``) on that day in Asia/Shanghai (an end of ``24:00`` is midnight);
  a day that is not a working day has none;
- :meth:`WorkCalendar.add` is ``add_work_time``: ``hours`` adds clock hours, ``work_hours``
  counts only time inside working periods (an amount of 0 moves to the next working moment),
  ``work_days`` gives the end of the last working period of the amount-th working day after the
  start's day (``None`` when that day has no period, as the store's NULL).

A calendar is loaded for a span of days (:func:`citygrid_plugin.store.workcalendar.load_calendar`);
a day outside it raises :class:`CalendarError` rather than silently guessing holidays it did not
read.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from .casefilter import CST
from .i18n import tr

DEFAULT_WEEK = "1,2,3,4,5"
DEFAULT_PERIODS = "08:30-12:00,13:30-17:30"
UNITS = ("hours", "work_hours", "work_days")
_GUARD = 3700  # days: the store gives up after ten years, so does this
_MAX_AMOUNT = Decimal(87600)
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


class CalendarError(ValueError):
    """A calendar that cannot answer (bad settings, a day it was not loaded for, a bad amount)."""


def parse_periods(text: str | None) -> tuple[tuple[int, int], ...]:
    """'08:30-12:00,13:30-17:30' → ((30600, 43200), (48600, 63000)): seconds after midnight,
    ordered as the store orders them (by start)."""
    out = []
    for part in re.sub(r"\s", "", text or "").split(","):
        if not part:
            continue
        try:
            a, b = (_seconds(t) for t in part.split("-"))
        except ValueError as exc:
            raise CalendarError(tr("working period {period} is not a time range (HH:MM-HH:MM)").format(
                period=part)) from exc
        out.append((a, b))
    return tuple(sorted(out))


def _seconds(text: str) -> int:
    m = _TIME.match(text)
    if not m:
        raise ValueError(text)
    h, mi = int(m.group(1)), int(m.group(2))
    if mi > 59 or h > 24 or (h == 24 and mi):
        raise ValueError(text)
    return h * 3600 + mi * 60


def parse_week(text: str | None) -> frozenset[int]:
    """'1,2,3,4,5' → the ISO weekdays that are working days unless the calendar says otherwise."""
    try:
        days = frozenset(int(d) for d in (text or DEFAULT_WEEK).split(","))
    except ValueError as exc:
        raise CalendarError(tr("working week {week} is not a list of ISO weekdays like 1,2,3,4,5").format(
            week=text)) from exc
    if not days <= set(range(1, 8)):
        raise CalendarError(tr("working week {week} is not a list of ISO weekdays like 1,2,3,4,5").format(week=text))
    return days


@dataclass(frozen=True)
class WorkCalendar:
    """The store's working calendar: working periods, working week, the calendar's entries
    (day → working day or not) and the span of days those entries were read for (None: every
    entry was read, any day can be answered)."""

    periods: tuple[tuple[int, int], ...] = field(default_factory=lambda: parse_periods(DEFAULT_PERIODS))
    week: frozenset[int] = frozenset({1, 2, 3, 4, 5})
    days: Mapping[date, bool] = field(default_factory=dict)
    span: tuple[date, date] | None = None

    @classmethod
    def from_settings(cls, work_periods: str | None = DEFAULT_PERIODS, work_week: str | None = DEFAULT_WEEK,
                      entries: Iterable[tuple[date, bool]] = (), span: tuple[date, date] | None = None
                      ) -> WorkCalendar:
        """A calendar from the store's settings as text and the calendar's (day, is_workday)."""
        return cls(parse_periods(work_periods), parse_week(work_week), dict(entries), span)

    # -- days ------------------------------------------------------------------------------------
    def is_workday(self, day: date) -> bool:
        if self.span is not None and not self.span[0] <= day <= self.span[1]:
            raise CalendarError(tr("the working calendar was read for {first} to {last}, not for {day}").format(
                first=self.span[0].isoformat(), last=self.span[1].isoformat(), day=day.isoformat()))
        listed = self.days.get(day)
        return listed if listed is not None else day.isoweekday() in self.week

    def work_periods(self, day: date) -> list[tuple[datetime, datetime]]:
        """The working periods of *day* as aware datetimes (none on a day off)."""
        if not self.is_workday(day):
            return []
        midnight = datetime(day.year, day.month, day.day, tzinfo=CST)
        return [(midnight + timedelta(seconds=a), midnight + timedelta(seconds=b)) for a, b in self.periods]

    # -- durations -------------------------------------------------------------------------------
    def work_hours(self, a: datetime, b: datetime) -> float:
        """Working hours between *a* and *b* (aware): the time of [a, b) inside working periods;
        0 when b <= a."""
        return self.work_time(a, b) / timedelta(hours=1)

    def work_time(self, a: datetime, b: datetime) -> timedelta:
        """:meth:`work_hours` as a timedelta (exact to the microsecond)."""
        _aware(a)
        _aware(b)
        total = timedelta(0)
        if b <= a:
            return total
        day, last = a.astimezone(CST).date(), b.astimezone(CST).date()
        while day <= last:
            for p_start, p_end in self.work_periods(day):
                lo, hi = max(p_start, a), min(p_end, b)
                if hi > lo:
                    total += hi - lo
            day += timedelta(days=1)
        return total

    # -- deadlines -------------------------------------------------------------------------------
    def add(self, start: datetime, amount: float | int | Decimal, unit: str) -> datetime | None:
        """*start* + *amount* in *unit*, exactly as ``citygrid.add_work_time`` (see the module)."""
        _aware(start)
        try:
            left = Decimal(str(amount)) if not isinstance(amount, Decimal) else amount
        except InvalidOperation:
            left = Decimal("NaN")
        if amount is None or left.is_nan() or left < 0 or left > _MAX_AMOUNT:
            raise CalendarError(tr("time limit must be a finite amount from 0 to 87600 (ten years of hours), "
                                   "got {amount}").format(amount=amount))
        if unit == "hours":
            return start + _micro(left * 3600)
        day = start.astimezone(CST).date()
        if unit == "work_days":
            n = guard = 0
            while n < left:
                day += timedelta(days=1)
                guard += 1
                if guard > _GUARD:
                    raise CalendarError(tr("no working day within ten years of {start}").format(
                        start=start.isoformat(timespec="minutes")))
                if self.is_workday(day):
                    n += 1
            periods = self.work_periods(day)
            return max(p_end for _, p_end in periods) if periods else None
        if unit == "work_hours":
            left_us = _us(left * 3600)
            guard = 0
            while True:
                for p_start, p_end in self.work_periods(day):
                    if p_end > start:
                        begin = max(p_start, start)
                        available = _us_of(p_end - begin)
                        if available >= left_us:
                            return begin + timedelta(microseconds=left_us)
                        left_us -= available
                day += timedelta(days=1)
                guard += 1
                if guard > _GUARD:
                    raise CalendarError(tr("no working time within ten years of {start}").format(
                        start=start.isoformat(timespec="minutes")))
        raise CalendarError(tr("unknown time unit {unit}; use hours, work_hours or work_days").format(unit=unit))


def _aware(t: datetime) -> None:
    if t.tzinfo is None:
        raise CalendarError(tr("the working calendar needs times with a time zone, got {time}").format(
            time=t.isoformat(timespec="minutes")))


def _us(seconds: Decimal) -> int:
    """Seconds as whole microseconds, rounded half to even as PostgreSQL's make_interval does."""
    return int((seconds * 1_000_000).to_integral_value())


def _micro(seconds: Decimal) -> timedelta:
    return timedelta(microseconds=_us(seconds))


def _us_of(delta: timedelta) -> int:
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
