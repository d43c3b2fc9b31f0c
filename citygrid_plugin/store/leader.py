"""The leaders' view (领导视窗, 领导通): the figures a leader reads every morning, each with the cases
behind it, from the same audit and the same definitions as the evaluation (综合评价).

:func:`leader_view` evaluates the running month up to *now* and the previous month up to the
same point (:func:`same_point_last_month`) with
:func:`citygrid_plugin.store.evaluation.evaluate_period`, and reads every figure off those two
evaluations — nothing is counted a second way:

**Today's figures** (the Asia/Shanghai day of *now*, from its midnight up to *now*), per case
from its audit (``citygrid.case_action``, the actions before the cut-off):

=================  ===========================================================================
reported today     cases whose report time (``work_case.reported_at``, the evaluation's report
                   time) falls today.
registered today   cases with a 立案 (``register``) action today.
dispatched today   cases with a 派遣 (``dispatch``) action today (once, however often dispatched).
closed today       cases with a 结案 (``close``) action today.
open now           cases whose state after their last action is open (not closed, not
                   cancelled; 挂账 included): the evaluation's state at the cut-off.
overdue now        the evaluation's 超期在办 (``overdue``): open, not 挂账, and the stage deadline
                   the last action recorded has passed.
urged now          open cases with at least one 督办 (``urge``) action.
=================  ===========================================================================

**This month's figures** are the evaluation's own, over the whole store: 上报数 (``reported``),
结案数 (``closed``: of the cases registered this month, closed since), 按期处置率, 按期结案率 and —
when the evaluation has it (return visits, issue 18) — 满意率, each as the cases of its sets.

**Change** (较上月同期): every figure computed the same way at the same point of the previous
month — today's against the same day of last month up to the same time, the month's against the
previous month up to the same day and time, "now" figures against that moment. Counts change by
their difference, rates by percentage points; none when either side has no value. (A live dock
may reuse last month's evaluation for a few minutes: ``leader_view(before=…, reuse=…)``.)

**Overdue and urged lists**: the overdue / urged cases, most overdue first, with how long they
have been overdue at the cut-off (from the audit's stage deadline), the department holding them
and their state. **Worst departments**: the departments of the month's evaluation with a composite
score (:func:`citygrid_plugin.core.evaluation.ranked`, the store's weights), lowest first, with
their on-time handling rate and the cases overdue and not handled (超期未处置).

Nothing here reads the reporter of a case (``citygrid.case_reporter``, the personal columns of
``case_extra_report``): a leader's login may not, and the view has no use for them;
:func:`case_detail` is the case detail without them. Every function ends its transaction.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..core import evaluation as ev
from ..core.casefilter import CST
from ..core.periods import Period, parse_period
from .db import reading

TODAY = ("reported_today", "registered_today", "dispatched_today", "closed_today", "open_now", "overdue_now",
         "urged_now")
MONTH = ("reported", "closed", "on_time_handling_rate", "on_time_closing_rate", "satisfaction_rate")
# today's figures counted from the actions of the day: figure -> action
DAY_ACTIONS = {"registered_today": "register", "dispatched_today": "dispatch", "closed_today": "close"}
TOP = 10       # cases in the overdue and urged lists
WORST = 5      # departments in the worst list


@dataclass(frozen=True)
class Tally:
    """A figure of the view: the cases it counts (a rate: those it is computed over, *ids*; its
    numerator *hits*) and the same figure at the same point of the previous month."""

    key: str
    ids: frozenset[int]
    hits: frozenset[int] | None = None      # a rate's numerator; None for a count
    before: float | None = None             # the previous month's value at the same point

    @property
    def rate(self) -> bool:
        return self.hits is not None

    @property
    def value(self) -> float | None:
        """A count, or a rate from 0 to 1 (None: nothing to compute it over)."""
        if self.hits is None:
            return float(len(self.ids))
        return len(self.hits) / len(self.ids) if self.ids else None

    @property
    def change(self) -> float | None:
        """The difference with the previous month's same point (a rate: in fractions, ×100 for points)."""
        if self.value is None or self.before is None:
            return None
        return self.value - self.before


@dataclass(frozen=True)
class CaseLine:
    """A case in the overdue or urged list."""

    id: int
    case_no: str
    class_name: str
    state: str
    department: str | None          # the department accountable for handling it (None: not dispatched)
    department_name: str | None
    overdue_hours: float | None     # how long its stage deadline has passed at the cut-off (None: it has not)
    urges: int                      # 督办 actions so far


@dataclass(frozen=True)
class DepartmentLine:
    """A department of the month's evaluation with its composite score and the figures beside it."""

    code: str
    name: str
    score: float
    on_time: ev.Figure          # on-time handling rate (按期处置率): handled_on_time / due_handle
    overdue: ev.Figure          # overdue, not handled (超期未处置)
    due: ev.Figure              # due for handling (应处置数): what the score is computed over


@dataclass
class LeaderView:
    """Everything the leaders' dock shows, as of *now* (see the module docstring)."""

    now: datetime
    day_start: datetime
    month: Period
    then: datetime                      # the same point of the previous month
    today: dict[str, Tally]
    month_figures: dict[str, Tally]
    overdue: list[CaseLine]
    urged: list[CaseLine]
    worst: list[DepartmentLine]
    weights: dict[str, float] = field(default_factory=dict)
    cases: int = 0                      # cases the month's evaluation read
    before: object = None               # the previous month's evaluation at *then* (to reuse, see leader_view)


def same_point_last_month(now: datetime) -> datetime:
    """The same day and time one month earlier (the last day of that month when it is shorter:
    31 March 10:00 → 28/29 February 10:00), in Asia/Shanghai."""
    now = now.astimezone(CST)
    first = ev.shift_months(now.replace(day=1), -1)
    following = ev.shift_months(first, 1)
    last_day = (following - timedelta(days=1)).day
    return first.replace(day=min(now.day, last_day))


def day_start(moment: datetime) -> datetime:
    """Midnight (Asia/Shanghai) of the day of *moment*."""
    return moment.astimezone(CST).replace(hour=0, minute=0, second=0, microsecond=0)


def now_sets(evaluation, start_of_day: datetime) -> dict[str, frozenset[int]]:
    """Today's figures (:data:`TODAY`) at the cut-off of *evaluation*, the day starting at
    *start_of_day*: case ids per figure, from each case's audit (see the module docstring)."""
    as_of = evaluation.as_of
    out: dict[str, set[int]] = {key: set() for key in TODAY}
    for facts in evaluation.facts:
        case = facts.case
        if start_of_day <= case.reported_at < as_of:
            out["reported_today"].add(case.id)
        today = {a.action for a in case.actions if start_of_day <= a.at < as_of}
        for key, action in DAY_ACTIONS.items():
            if action in today:
                out[key].add(case.id)
        if facts.state in ev.OPEN_STATES:
            out["open_now"].add(case.id)
            if any(a.action == "urge" for a in case.actions if a.at < as_of):
                out["urged_now"].add(case.id)
        if "overdue" in facts.sets:
            out["overdue_now"].add(case.id)
    return {key: frozenset(ids) for key, ids in out.items()}


def month_sets(evaluation) -> dict[str, tuple[frozenset[int], frozenset[int] | None]]:
    """This month's figures (:data:`MONTH`, those the evaluation has) over the whole store:
    figure -> (ids, None) for a count of the evaluation's set, (denominator, numerator) for a rate."""
    members: dict[str, set[int]] = {}
    for facts in evaluation.facts:
        for name in facts.sets:
            members.setdefault(name, set()).add(facts.case.id)
    out: dict[str, tuple[frozenset[int], frozenset[int] | None]] = {}
    for key in MONTH:
        if key in ev.RATES:
            num, den = ev.RATES[key]
            out[key] = (frozenset(members.get(den, ())), frozenset(members.get(num, ())))
        elif key in ev.SETS:
            out[key] = (frozenset(members.get(key, ())), None)
    return out


def _tallies(current: dict, previous: dict) -> dict[str, Tally]:
    out = {}
    for key, now_value in current.items():
        ids, hits = now_value if isinstance(now_value, tuple) else (now_value, None)
        before = previous.get(key)
        if before is not None:
            b_ids, b_hits = before if isinstance(before, tuple) else (before, None)
            before = Tally(key, b_ids, b_hits).value
        out[key] = Tally(key, ids, hits, before)
    return out


def case_lines(evaluation, ids, key: str) -> list[CaseLine]:
    """The cases *ids* of *evaluation* as list lines; *key* "overdue" (most overdue first) or
    "urged" (most urged first, then the most overdue)."""
    as_of = evaluation.as_of
    classes = evaluation.names.get("class", {})
    departments = evaluation.names.get("department", {})
    lines = []
    for facts in evaluation.facts:
        case = facts.case
        if case.id not in ids:
            continue
        acts = [a for a in case.actions if a.at < as_of]
        last = acts[-1] if acts else None
        deadline = last.stage_deadline if last is not None else None
        hours = (as_of - deadline).total_seconds() / 3600 if deadline is not None and deadline < as_of else None
        department = facts.keys.get("handle")
        lines.append(CaseLine(case.id, case.case_no, classes.get(f"{case.kind}:{case.class_code}", case.class_code),
                              facts.state or "", department, departments.get(department, department) if department
                              else None, hours, sum(a.action == "urge" for a in acts)))
    if key == "urged":
        lines.sort(key=lambda c: (-c.urges, -(c.overdue_hours or 0), c.case_no))
    else:
        lines.sort(key=lambda c: (-(c.overdue_hours or 0), c.case_no))
    return lines


def worst_departments(evaluation, weights: dict[str, float], n: int = WORST) -> list[DepartmentLine]:
    """The *n* departments with the lowest composite score this month (those without one — nothing
    due for handling — are left out), with their on-time handling rate and overdue cases."""
    rows = evaluation.figures("department")
    scored = [(key, score) for key, score in ev.ranked(rows, True, weights) if score is not None]
    out = []
    for key, score in reversed(scored[-n:] if n else []):
        row = rows[key]
        empty = ev.Figure(frozenset())
        out.append(DepartmentLine(key, evaluation.group_name("department", key), score,
                                  row.get("on_time_handling_rate", ev.Figure(frozenset(), frozenset())),
                                  row.get("overdue_unhandled", empty), row.get("due_handle", empty)))
    return out


def leader_view(conn, now: datetime | None = None, weights: dict[str, float] | None = None, top: int = TOP,
                worst: int = WORST, before=None, reuse: timedelta = timedelta(0)) -> LeaderView:
    """The leaders' view as of *now* (default: the current time): see the module docstring.
    *weights*: the composite score's (default: the store's, 考核权重). Two evaluations (this month up
    to now, the previous month up to the same point) and the weights; every read ends its transaction.

    *before*: the previous month's evaluation of an earlier view (its ``before``), used again when
    its cut-off is within *reuse* of the same point of last month now — the past does not change,
    so a dock refreshing on every change of a large district reads only the running month then
    (the comparison's point lags by at most *reuse*)."""
    from .admin import weights as store_weights
    from .evaluation import evaluate_period

    now = (now or datetime.now(CST)).astimezone(CST)
    month = parse_period(f"{now:%Y-%m}")
    now = max(now, month.start + timedelta(microseconds=1))   # a cut-off after the month's first instant
    then = same_point_last_month(now)
    previous = parse_period(f"{then:%Y-%m}")
    if weights is None:
        weights = store_weights(conn) or dict(ev.DEFAULT_WEIGHTS)
    weights = ev.check_weights(weights)
    current = evaluate_period(conn, month.start, month.end, now=now)
    if before is None or before.start != previous.start or not timedelta(0) <= then - before.as_of <= reuse:
        before = evaluate_period(conn, previous.start, previous.end, now=then)
    then = before.as_of
    start = day_start(now)
    today_now, today_then = now_sets(current, start), now_sets(before, day_start(then))
    view = LeaderView(now=now, day_start=start, month=month, then=then,
                      today=_tallies(today_now, today_then),
                      month_figures=_tallies(month_sets(current), month_sets(before)),
                      overdue=case_lines(current, today_now["overdue_now"], "overdue")[:top],
                      urged=case_lines(current, today_now["urged_now"], "urged")[:top],
                      worst=worst_departments(current, weights, worst), weights=weights,
                      cases=len(current.facts), before=before)
    return view


# -- the case detail, without the reporter ------------------------------------------------------------
_DETAIL = """
SELECT c.component_code, c.street_code, st.name, c.community_code, m.name, c.stage, c.handle_deadline,
       c.observed_at, c.updated_at, c.external_id, c.profile, c.source, c.reported_at, c.grid_code, c.urgent,
       CASE WHEN s.is_open THEN c.stage_deadline END, c.extension_pending,
       CASE WHEN NOT s.is_open THEN c.updated_at END
  FROM citygrid.work_case c
  JOIN citygrid.case_state s ON s.state = c.state
  LEFT JOIN citygrid.street st ON st.district_code = c.district_code AND st.code = c.street_code
  LEFT JOIN citygrid.community m ON m.district_code = c.district_code AND m.street_code = c.street_code
        AND m.code = c.community_code
 WHERE c.id = %s"""
_DETAIL_KEYS = ("component_code", "street_code", "street_name", "community_code", "community_name", "stage",
                "handle_deadline", "observed_at", "updated_at", "external_id", "profile", "source", "reported_at",
                "grid_code", "urgent", "stage_deadline", "extension_pending", "closed_at")
# the columns of an additional report (追加上报) everyone who reads cases may read: no reporter, no phone
_EXTRA = ("SELECT id, at, source, description, address, actor FROM citygrid.case_extra_report "
          "WHERE case_id = %s ORDER BY id")


def case_detail(conn, case_id: int) -> dict | None:
    """The facts of one case for the detail view (:class:`~citygrid_plugin.gui.docks.case_detail.CaseDetailView`)
    without anything personal: ``reporter`` and ``reporter_phone`` are always None, additional
    reports come without their reporter; the manual's limits for the case. None when the case is
    not visible."""
    from .manual import case_entry

    with reading(conn) as cur:
        cur.execute(_DETAIL, (case_id,))
        row = cur.fetchone()
        if row is None:
            return None
        out = dict(zip(_DETAIL_KEYS, row))
        if out["extension_pending"] is not None:
            out["extension_pending"] = float(out["extension_pending"])
        out["reporter"] = out["reporter_phone"] = None
        cur.execute("SELECT a.department_code, d.name, a.assigned_at, a.done_at FROM citygrid.case_assist a "
                    "LEFT JOIN citygrid.department d ON d.code = a.department_code WHERE a.case_id = %s "
                    "ORDER BY a.department_code", (case_id,))
        out["assist"] = [dict(zip(("code", "name", "assigned_at", "done_at"), r)) for r in cur.fetchall()]
        cur.execute(_EXTRA, (case_id,))
        keys = ("id", "at", "source", "description", "address", "actor")
        out["extra_reports"] = [dict(zip(keys, r), reporter=None, phone=None) for r in cur.fetchall()]
    applied = case_entry(conn, case_id)
    out["limits"] = {s: lim.text() for s, lim in applied["limits"].items()} if applied else {}
    out["variant"] = applied["variant"] if applied else ""
    out["manual_version"] = applied["version"] if applied else None
    return out
