"""Loading the store's working calendar into :class:`citygrid_plugin.core.workcalendar.WorkCalendar`.

One read: the settings ``work_periods`` and ``work_week`` and the calendar's entries (holidays,
调休 working days) of the days asked for, with the same defaults the store's functions use when a
setting is missing. The read transaction is ended before returning.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from ..core.casefilter import CST
from ..core.workcalendar import WorkCalendar
from .db import reading

# beyond the span asked for: a deadline a few working days after its end is still answered
MARGIN = timedelta(days=62)

_SQL = """
SELECT (SELECT value FROM citygrid.store_setting WHERE key = 'work_periods'),
       (SELECT value FROM citygrid.store_setting WHERE key = 'work_week'),
       ARRAY(SELECT day FROM citygrid.work_calendar
              WHERE (%(first)s::date IS NULL OR day >= %(first)s) AND (%(last)s::date IS NULL OR day <= %(last)s)
              ORDER BY day),
       ARRAY(SELECT is_workday FROM citygrid.work_calendar
              WHERE (%(first)s::date IS NULL OR day >= %(first)s) AND (%(last)s::date IS NULL OR day <= %(last)s)
              ORDER BY day)
"""


def _day(t: datetime | date | None) -> date | None:
    if t is None or not isinstance(t, datetime):
        return t
    return t.astimezone(CST).date() if t.tzinfo is not None else t.date()


def load_calendar(conn, start: datetime | date | None = None, end: datetime | date | None = None) -> WorkCalendar:
    """The working calendar for the days from *start* to *end* (each widened by two months, so
    deadlines just past the end can be computed); None on either side reads every entry on that
    side. A day outside what was read raises CalendarError instead of being guessed."""
    first, last = _day(start), _day(end)
    if first is not None:
        first -= MARGIN
    if last is not None:
        last += MARGIN
    with reading(conn) as cur:
        cur.execute(_SQL, {"first": first, "last": last})
        periods, week, days, work = cur.fetchone()
    span = None if first is None and last is None else (first or date.min, last or date.max)
    # a missing work_periods setting is no working period at all, as in the store; the week defaults
    return WorkCalendar.from_settings(periods or "", week, zip(days, work), span)
