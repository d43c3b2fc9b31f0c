"""Reading the audit for the evaluation (综合评价) and the centres' monthly reports.

:func:`load_cases` fetches, for a period, every case that can count in it — the cases with an
action in the period (before the cut-off) and the cases still open when the period began — with
their whole audit trail up to the cut-off, in one query, ready for
:func:`citygrid_plugin.core.evaluation.facts_for`. The verdicts come from the audit rows
(migration 008), never from the cases' current state.

:func:`monthly_counts` gives the report-time counts by class for the year-on-year and
month-on-month comparison (a report time never changes, so the case table is the source).

Every function ends its read transaction before returning.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..core import reports
from ..core.evaluation import Action, Case, facts_for, figures, period_cutoff
from ..core.periods import month_range
from ..core.workcalendar import WorkCalendar
from .db import reading
from .workcalendar import load_calendar

# The cases that can count in the period: reported before the cut-off and either acted on since
# the period began or still open. A case's updated_at is the time of its last action, and closed
# and cancelled are final states, so this one scan of the cases finds every case with an action
# in the period and every case open when it began (the facts themselves come from the audit).
_CASES_SQL = """
SELECT c.id, c.case_no, c.kind, c.class_code, c.source, c.grid_code, c.reported_at
  FROM citygrid.work_case c
 WHERE c.reported_at < %(as_of)s AND (c.updated_at >= %(start)s OR c.state NOT IN ('closed', 'cancelled'))
       {area}
 ORDER BY c.id
"""
_ACTIONS_SQL = """
SELECT a.case_id, a.action, a.from_state, a.to_state, a.actor, a.role, a.at,
       (a.data ->> 'on_time')::boolean, a.data ->> 'department', (a.data ->> 'handle_deadline')::timestamptz,
       (a.data ->> 'stage_deadline')::timestamptz, (a.data ->> 'due')::timestamptz, a.data ->> 'close_category',
       a.data ->> 'satisfaction', (a.data ->> 'reached')::boolean, (a.data ->> 'revisit_due')::timestamptz
  FROM citygrid.case_action a
 WHERE a.case_id = ANY(%(ids)s) AND a.at < %(as_of)s
 ORDER BY a.case_id, a.id
"""


def load_cases(conn, start: datetime, as_of: datetime, area: str = "") -> list[Case]:
    """The cases that can count in a period starting at *start* with cut-off *as_of*, with their
    audit up to the cut-off; *area* restricts to a street/community/grid code prefix (9/12/15).
    Two queries (the cases, then their audit by case id), so each case's fixed attributes
    travel once, not once per action."""
    params = {"start": start, "as_of": as_of}
    area_sql = ""
    if area:
        area_sql = "AND left(c.grid_code, %(n)s) = %(area)s"
        params.update(n=len(area), area=area)
    with reading(conn) as cur:
        cur.execute(_CASES_SQL.format(area=area_sql), params)
        cases = [Case(*row) for row in cur.fetchall()]
        cur.execute(_ACTIONS_SQL, {"ids": [c.id for c in cases], "as_of": as_of})
        rows = cur.fetchall()
    by_id = {c.id: c for c in cases}
    current, actions = None, None
    for row in rows:
        if row[0] != current:
            current = row[0]
            actions = by_id[current].actions
        actions.append(Action(*row[1:]))
    return [c for c in cases if c.actions]


def monthly_counts(conn, start: datetime, end: datetime, area: str = "") -> dict[tuple[str, str], int]:
    """Cases reported in [start, end) by (kind, class code)."""
    where, params = "reported_at >= %s AND reported_at < %s", [start, end]
    if area:
        where += " AND left(grid_code, %s) = %s"
        params += [len(area), area]
    with reading(conn) as cur:
        cur.execute(f"SELECT kind, class_code, count(*) FROM citygrid.work_case WHERE {where} GROUP BY 1, 2",  # nosec B608
                    params)
        return {(k, c): n for k, c, n in cur.fetchall()}


def names(conn) -> dict[str, dict[str, str]]:
    """Display names: departments, streets (9 digits), communities (12), staff logins, classes
    (keyed 'event:0102' / 'component:0101' in the districts' profile)."""
    out: dict[str, dict[str, str]] = {"department": {}, "street": {}, "community": {}, "person": {}, "class": {},
                                      "major": {}}
    with reading(conn) as cur:
        cur.execute("SELECT code, name FROM citygrid.department")
        out["department"] = dict(cur.fetchall())
        cur.execute("SELECT district_code || code, name FROM citygrid.street")
        out["street"] = dict(cur.fetchall())
        cur.execute("SELECT district_code || street_code || code, name FROM citygrid.community")
        out["community"] = dict(cur.fetchall())
        cur.execute("SELECT to_regclass('citygrid.staff') IS NOT NULL")
        if cur.fetchone()[0]:
            cur.execute("SELECT login, name FROM citygrid.staff")
            out["person"] = dict(cur.fetchall())
        cur.execute("""SELECT 'event:' || e.code, e.name FROM citygrid.event_class e
                         JOIN (SELECT DISTINCT profile FROM citygrid.district) d ON d.profile = e.profile
                       UNION ALL
                       SELECT 'component:' || k.code, k.name FROM citygrid.component_class k
                         JOIN (SELECT DISTINCT profile FROM citygrid.district) d ON d.profile = k.profile""")
        out["class"] = dict(cur.fetchall())
        # major classes (大类), keyed 'event:01' / 'component:01': one name per major in a profile
        cur.execute("""SELECT DISTINCT ON (1) 'event:' || e.major_code, e.major_name FROM citygrid.event_class e
                         JOIN (SELECT DISTINCT profile FROM citygrid.district) d ON d.profile = e.profile
                        ORDER BY 1, e.origin DESC, e.code""")
        out["major"] = dict(cur.fetchall())
        cur.execute("""SELECT DISTINCT ON (1) 'component:' || k.major_code, k.major_name FROM citygrid.component_class k
                         JOIN (SELECT DISTINCT profile FROM citygrid.district) d ON d.profile = k.profile
                        ORDER BY 1, k.origin DESC, k.code""")
        out["major"].update(cur.fetchall())
    return out


@dataclass
class PeriodEvaluation:
    """A period's case facts with everything needed to name them (see :func:`evaluate_period`)."""

    start: datetime
    end: datetime
    as_of: datetime
    area: str
    facts: list
    names: dict[str, dict[str, str]]

    def figures(self, grouping: str) -> dict:
        return figures(self.facts, grouping)

    def group_name(self, grouping: str, key: str) -> str:
        kind = {"department": "department", "street": "street", "community": "community"}.get(grouping, "person")
        if grouping in ("grid", "district"):
            return key
        return self.names.get(kind, {}).get(key, key)


def evaluate_period(conn, start: datetime, end: datetime, area: str = "", now: datetime | None = None
                    ) -> PeriodEvaluation:
    """Load and evaluate the period [start, end) (cut-off: the end, or now if earlier)."""
    as_of = period_cutoff(start, end, now or datetime.now(start.tzinfo))
    cases = load_cases(conn, start, as_of, area)
    return PeriodEvaluation(start, end, as_of, area, facts_for(cases, start, end, as_of), names(conn))


def report_tables(conn, evaluation: PeriodEvaluation, weights: dict[str, float] | None = None,
                  top: int = 10) -> list:
    """The eight reports of :mod:`citygrid_plugin.core.reports` for *evaluation*: the six monthly
    ones, then 问题分类 (problem_classification) and 处置平均时长 (handling_time, on the working
    calendar read once for the days its cases span). The comparisons take the period of the same
    kind just before and a year before (a month, a quarter, a year; any other span: the same
    length just before, and the same dates a year before)."""
    period = month_range(evaluation.start, evaluation.end)
    before, year_ago = period.previous(), period.year_before()
    year_before = monthly_counts(conn, year_ago.start, year_ago.end, evaluation.area)
    period_before = monthly_counts(conn, before.start, before.end, evaluation.area)
    classes = evaluation.names["class"]
    departments = evaluation.names["department"]
    handled = reports.handlings(evaluation.facts, evaluation.start, evaluation.end, evaluation.as_of)
    if handled:
        calendar = load_calendar(conn, min(h.dispatched for h in handled), max(h.fed_back for h in handled))
    else:
        calendar = WorkCalendar()   # nothing to measure: no read
    return [reports.most_frequent(evaluation.facts, classes, top), reports.by_source(evaluation.facts),
            reports.by_state(evaluation.facts), reports.by_department(evaluation.facts, departments),
            reports.department_performance(evaluation.facts, departments, weights),
            reports.class_comparison(evaluation.facts, year_before, period_before, classes),
            reports.problem_classification(evaluation.facts, classes, evaluation.names.get("major", {})),
            reports.handling_time(evaluation.facts, calendar, evaluation.start, evaluation.end, evaluation.as_of,
                                  departments, classes)]
