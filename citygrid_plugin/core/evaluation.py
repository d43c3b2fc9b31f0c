"""Evaluation (综合评价): the indicators of a period, computed from the audit of actions.

Every figure is a count of **cases** (案卷) with a definition below, so that a figure always
equals the number of cases a drill-down lists. The input is, per case, its fixed attributes
(kind, class, source, place, report time) and its audit trail (``citygrid.case_action``: action,
states, actor, role, time, and the verdicts the store recorded at that moment — migration 008:
``on_time``, ``due``, ``handle_deadline``, ``stage_deadline``, ``department``,
``close_category``). Nothing is recomputed from the case's current state, a time limit or the
calendar, so a later change never rewrites a published month.

**Period and cut-off.** A period is ``start <= t < end`` (a month, normally). Only actions before
the *cut-off* ``as_of`` count (default: the period's end, or now if earlier), so a month's figures
are final once the month is over and the same whenever they are computed again.

**Definitions** (P = the period, A = actions before the cut-off):

=====================  =================================================================================
reported 上报数         cases reported in P.
valid 有效上报数         of those, registered (立案) in A (a registered case can no longer be cancelled).
cancelled 作废数         of those, cancelled (作废) in A.
verified 应核实数        cases whose on-site verification (核实, by a supervisor: verify or cancel at
                        待核实) happened in P; *verified_on_time*: that action was on time.
registered 立案数        cases registered in P (due for closing, 应结案).
closed 结案数            of the registered, closed in A; *closed_on_time*: closed as 正常结案 (the
                        handling was fed back by its deadline, as the store decided at closing).
reworked 返工数          of the registered, sent back to the department (返工) at least once in A.
dispatched 应派遣数       cases dispatched in P (at least once); *dispatched_correctly*: none of their
                        dispatches in P was returned by the department (回退: wrong department).
due_handle 应处置数       cases whose handling fell due in P: the accountable assignment (the last dispatch
                        in A not returned) was fed back (处置反馈) in P before its deadline, or its deadline
                        (extensions included; none runs while 挂账) passed in P. Each case falls due once.
handled 处置数           of those, fed back in A; *handled_on_time*: by the deadline (the store's verdict
                        recorded with the feedback); *overdue_unhandled* 超期未处置: not fed back in A.
extended 延期数          of due_handle, with an approved extension (延期) of that assignment in A.
checked 应核查数         cases with an on-site check (核查: check passed or rework, by a supervisor) in P;
                        *checked_on_time*: every such check in P was on time.
overdue 超期在办          cases open at the cut-off whose stage deadline had passed (挂账 cases excluded);
                        *overdue_handling*: of those, the ones with the department (处置中).
revisited 回访数          cases whose reporter a return visit (回访, public reports, after closing) reached
                        in P (the first such visit); *satisfied* 满意数: he said 满意 or 基本满意;
                        *dissatisfied* 不满意数: 不满意; *revisited_on_time*: by the return visit's
                        deadline (the store's verdict, from the manual's stage revisit).
revisit_due 应回访数      cases whose return visit fell due in P: the reporter was reached in P, or the
                        deadline of a closing passed in P with nobody reached since that closing.
=====================  =================================================================================

External evaluation (外评价): satisfaction rate (满意率) = satisfied / revisited; on-time return-visit
rate (按期回访率) = revisited_on_time / revisit_due. A dissatisfied visit may reopen the case
(rework: it counts in *reworked*).

Rates (standards.md §4): valid-report rate = valid / reported; handling rate (处置率) = handled /
due_handle; on-time handling rate (按期处置率) = handled_on_time / due_handle; closing rate (结案率) =
closed / registered; on-time closing rate (按期结案率) = closed_on_time / registered; rework rate
(返工率) = reworked / registered; overdue-pending rate (超期待处置率) = overdue_unhandled / due_handle;
extension rate (延期率) = extended / due_handle; satisfaction rate as above; correct-dispatch rate (准确派遣率) =
dispatched_correctly / dispatched; on-time verify rate (按期核实率) = verified_on_time / verified;
on-time check rate (按期核查率) = checked_on_time / checked. A rate with a zero denominator is None
(shown as “—”), never 0 or 100 %.

Composite score (综合得分, 100 points), weights configurable (:data:`DEFAULT_WEIGHTS`, the published
example 30/20/20/20/10): handling rate × 30 + on-time handling rate × 20 + (1 − rework rate) × 20 +
(1 − overdue-pending rate) × 20 + (1 − extension rate) × 10, + satisfaction rate × its points (0 until
a city weights it: the external evaluation; a group without any return visit is scored on the other
terms, rescaled, rather than left unscored). A term with 0 points is left out. Under the definitions above the
overdue-pending rate is 1 − the handling rate; the example weights it separately, and a city that
counts differently changes the weights, not the code. A term whose rate is None leaves the score
None (nothing to score), unless ``partial=True`` rescales the weights of the known terms.

**Who is accountable.** By place: the case's street (district + street code, 9 digits), community
(12) and grid (15). By department: the department of the accountable assignment for handling,
rework and closing; the department of the first dispatch in P for dispatch. By person: the
reporter (the login who reported: a supervisor for 监督员上报), the operator who accepted, the
supervisor who verified / first checked in P, the shift leader who registered / closed, the
dispatcher of the first dispatch in P.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

from .casefilter import CST as _CST
from .i18n import tr

ON_TIME_CLOSE = "正常结案"
OPEN_STATES = {"reported", "to_verify", "accepted", "registered", "dispatched", "returned", "deferred", "handled",
               "checked"}
DEFAULT_WEIGHTS = {"handling_rate": 30.0, "on_time_handling_rate": 20.0, "rework_rate": 20.0,
                   "overdue_rate": 20.0, "extension_rate": 10.0, "satisfaction_rate": 0.0}
# score terms: rate → True when a high rate is good (1 − rate is scored otherwise)
SCORE_TERMS = {"handling_rate": True, "on_time_handling_rate": True, "rework_rate": False, "overdue_rate": False,
               "extension_rate": False, "satisfaction_rate": True}
# terms a group may lack without losing its score (the others are rescaled): few departments have
# public reports to call back every month
OPTIONAL_TERMS = frozenset({"satisfaction_rate"})
SATISFIED = frozenset({"满意", "基本满意"})
SATISFACTION = ("满意", "基本满意", "不满意")

# the case sets (facts) every figure counts
SETS = ("reported", "valid", "cancelled", "verified", "verified_on_time", "registered", "closed", "closed_on_time",
        "reworked", "dispatched", "dispatched_correctly", "due_handle", "handled", "handled_on_time",
        "overdue_unhandled", "extended", "checked", "checked_on_time", "overdue", "overdue_handling",
        "revisit_due", "revisited", "revisited_on_time", "satisfied", "dissatisfied")
# rate → (numerator set, denominator set)
RATES = {
    "valid_report_rate": ("valid", "reported"),
    "handling_rate": ("handled", "due_handle"),
    "on_time_handling_rate": ("handled_on_time", "due_handle"),
    "closing_rate": ("closed", "registered"),
    "on_time_closing_rate": ("closed_on_time", "registered"),
    "rework_rate": ("reworked", "registered"),
    "overdue_rate": ("overdue_unhandled", "due_handle"),
    "extension_rate": ("extended", "due_handle"),
    "correct_dispatch_rate": ("dispatched_correctly", "dispatched"),
    "on_time_verify_rate": ("verified_on_time", "verified"),
    "on_time_check_rate": ("checked_on_time", "checked"),
    "satisfaction_rate": ("satisfied", "revisited"),
    "revisit_on_time_rate": ("revisited_on_time", "revisit_due"),
}
REVISIT_SETS = ("revisit_due", "revisited", "revisited_on_time", "satisfied", "dissatisfied")
# which sets each kind of group is accountable for: grouping → {key in CaseFacts.keys: sets}
PLACE_SETS = tuple(s for s in SETS if s != "overdue_handling")
GROUPINGS = {
    "department": {"handle": ("due_handle", "handled", "handled_on_time", "overdue_unhandled", "extended",
                              "registered", "closed", "closed_on_time", "reworked", "overdue_handling",
                              *REVISIT_SETS),
                   "dispatch": ("dispatched", "dispatched_correctly")},
    "district": {"district": PLACE_SETS}, "street": {"street": PLACE_SETS},
    "community": {"community": PLACE_SETS}, "grid": {"grid": PLACE_SETS},
    "reporter": {"reporter": ("reported", "valid", "cancelled")},
    "operator": {"operator": ("reported", "valid", "cancelled")},
    "supervisor": {"verifier": ("verified", "verified_on_time"), "checker": ("checked", "checked_on_time"),
                   "reporter": ("reported", "valid", "cancelled")},
    "shift_leader": {"registrar": ("registered",), "closer": ("closed", "closed_on_time")},
    "dispatcher": {"dispatcher": ("dispatched", "dispatched_correctly")},
}


class EvaluationError(ValueError):
    """A period or weights that cannot be evaluated; the message says what to change."""


class Action(NamedTuple):
    """One audit row as the evaluation needs it (``data`` already parsed). A named tuple: a
    month of a large district is a few hundred thousand of them."""

    action: str
    from_state: str | None
    to_state: str
    actor: str
    role: str
    at: datetime
    on_time: bool | None = None
    department: str | None = None
    handle_deadline: datetime | None = None
    stage_deadline: datetime | None = None
    due: datetime | None = None
    close_category: str | None = None
    satisfaction: str | None = None         # revisit: 满意 / 基本满意 / 不满意
    reached: bool | None = None             # revisit: the reporter was reached
    revisit_due: datetime | None = None     # close: the return visit's deadline (public reports)


@dataclass
class Case:
    """A case's fixed attributes and its audit trail (oldest first)."""

    id: int
    case_no: str
    kind: str
    class_code: str
    source: str
    grid_code: str
    reported_at: datetime
    actions: list[Action] = field(default_factory=list)

    @property
    def street(self) -> str:
        return self.grid_code[:9]

    @property
    def community(self) -> str:
        return self.grid_code[:12]


@dataclass
class CaseFacts:
    """Which of :data:`SETS` a case belongs to in the period, and who is accountable."""

    case: Case
    sets: set[str] = field(default_factory=set)
    keys: dict[str, str | None] = field(default_factory=dict)
    state: str | None = None          # the state at the cut-off


@dataclass(frozen=True)
class Figure:
    """A count, or a rate with the cases behind its numerator and denominator."""

    numerator: frozenset[int]
    denominator: frozenset[int] | None = None

    @property
    def count(self) -> int:
        return len(self.numerator)

    @property
    def value(self) -> float | None:
        if self.denominator is None:
            return float(len(self.numerator))
        return len(self.numerator) / len(self.denominator) if self.denominator else None


def period_cutoff(start: datetime, end: datetime, now: datetime) -> datetime:
    if start.tzinfo is None or end.tzinfo is None:
        raise EvaluationError(tr("the period needs dates with a time zone"))
    if end <= start:
        raise EvaluationError(tr("the period is empty: it ends ({end}) before it starts ({start})").format(
            start=start.isoformat(timespec="minutes"), end=end.isoformat(timespec="minutes")))
    if start >= now:
        raise EvaluationError(tr("the period starts in the future ({start}): nothing happened yet").format(
            start=start.isoformat(timespec="minutes")))
    return min(end, now)


def case_facts(case: Case, start: datetime, end: datetime, as_of: datetime) -> CaseFacts:
    """The facts of one case for the period [start, end) with the cut-off *as_of*.

    One pass over the actions collects what the definitions ask for (the first report, accept,
    verification, registration and closing; the dispatches and which the department returned;
    the checks and the first reached return visit in the period), then the sets follow from
    those: a year of a large district is half a million cases."""
    if start.tzinfo is not _CST or end.tzinfo is not _CST or as_of.tzinfo is not _CST:
        start, end, as_of = _local(start), _local(end), _local(as_of)
    acts = [a for a in case.actions if a.at < as_of]
    facts = CaseFacts(case, set(), {"street": case.street, "community": case.community, "grid": case.grid_code,
                                    "district": case.grid_code[:6]})
    sets, keys = facts.sets, facts.keys
    report = accept = verify = register = close = visit = None
    cancelled = reworked = revisit_closes = False
    dispatches: list[int] = []
    returned: set[int] = set()   # dispatches the department returned before the case moved on (_returned)
    pending = None               # the last dispatch whose fate is still open
    checker, checked_on_time = None, True
    for i, a in enumerate(acts):
        name = a.action
        if name == "dispatch":
            dispatches.append(i)
            pending = i
        elif name == "return":
            if pending is not None:
                returned.add(pending)
                pending = None
        elif name == "feedback":
            pending = None
        elif name == "close":
            pending = None
            if close is None:
                close = a
            if a.revisit_due is not None:
                revisit_closes = True
        elif name == "cancel":
            pending = None
            cancelled = True
            if verify is None and a.from_state == "to_verify" and a.role == "supervisor":
                verify = a
        elif name == "report":
            if report is None:
                report = a
        elif name == "accept":
            if accept is None:
                accept = a
        elif name == "register":
            if register is None:
                register = a
        elif name == "verify":
            if verify is None and a.from_state == "to_verify" and a.role == "supervisor":
                verify = a
        elif name == "check_ok" or name == "rework":
            if name == "rework":
                reworked = True
            if a.from_state == "handled" and a.role == "supervisor" and start <= a.at < end:
                if checker is None:
                    checker = a.actor
                if not a.on_time:
                    checked_on_time = False
        elif name == "revisit":
            if a.to_state == "dispatched":
                reworked = True
            if visit is None and a.reached and start <= a.at < end:
                visit = a

    def in_p(t: datetime | None) -> bool:
        return t is not None and start <= t < end

    keys["reporter"] = report.actor if report else None
    keys["operator"] = accept.actor if accept else None
    if in_p(case.reported_at):
        sets.add("reported")
        if register is not None:
            sets.add("valid")
        if cancelled:
            sets.add("cancelled")

    # verification on site (核实) by a supervisor
    if verify is not None and start <= verify.at < end:
        sets.add("verified")
        keys["verifier"] = verify.actor
        if verify.on_time:
            sets.add("verified_on_time")

    # registration (立案) → due for closing (应结案); closing and rework of those
    if register is not None:
        keys["registrar"] = register.actor
    if close is not None:
        keys["closer"] = close.actor

    # dispatches in the period (派遣), correct unless the department returned them
    in_period = [i for i in dispatches if start <= acts[i].at < end]
    if in_period:
        sets.add("dispatched")
        first = acts[in_period[0]]
        keys["dispatcher"] = first.actor
        keys["dispatch"] = first.department
        if not returned.intersection(in_period):
            sets.add("dispatched_correctly")

    # the accountable assignment: the last dispatch not returned
    accountable = None
    for i in reversed(dispatches):
        if i not in returned:
            accountable = i
            break
    keys["handle"] = acts[accountable].department if accountable is not None else None
    if register is not None and start <= register.at < end:
        sets.add("registered")
        if close is not None:
            sets.add("closed")
            if close.close_category == ON_TIME_CLOSE:
                sets.add("closed_on_time")
        if reworked:
            sets.add("reworked")
    if accountable is not None:
        _handling(acts, accountable, in_p, sets, as_of)

    # checks on site (核查) by a supervisor
    if checker is not None:
        sets.add("checked")
        keys["checker"] = checker
        if checked_on_time:
            sets.add("checked_on_time")

    if visit is not None:
        _visited(visit, sets)
    elif revisit_closes:
        _revisit_due(acts, in_p, sets, as_of)

    # the state at the cut-off, and whether it is overdue then
    last = acts[-1] if acts else None
    facts.state = last.to_state if last else None
    if (last is not None and last.to_state in OPEN_STATES and last.to_state != "deferred"
            and last.stage_deadline is not None and last.stage_deadline < as_of):
        sets.add("overdue")
        if last.to_state == "dispatched":
            sets.add("overdue_handling")
    return facts


def _local(t: datetime) -> datetime:
    """*t* in Asia/Shanghai (the same instant): the times load_cases gives are, and two aware
    datetimes with the same tzinfo object compare ten times faster than with two."""
    tz = t.tzinfo
    return t if tz is _CST or tz is None else t.astimezone(_CST)


def paused_gc():
    """A context that pauses the cyclic garbage collector while millions of objects that live on
    are made (the audit of a year, its facts): each collection would walk them all again. What
    was enabled is enabled again afterwards."""
    return _PausedGC()


class _PausedGC:
    def __enter__(self):
        self.enabled = gc.isenabled()
        gc.disable()
        return self

    def __exit__(self, *exc) -> None:
        if self.enabled:
            gc.enable()


def _returned(acts: Sequence[Action], i: int) -> bool:
    """Was dispatch *i* returned by the department before the case moved on (feedback or another dispatch)?"""
    for a in acts[i + 1:]:
        if a.action == "return":
            return True
        if a.action in ("feedback", "dispatch", "cancel", "close"):
            return False
    return False


def _revisit(acts: Sequence[Action], in_p, sets: set[str], as_of: datetime) -> None:
    """Return-visit facts (回访): the first visit in the period that reached the reporter, else a
    closing whose return-visit deadline passed in the period with nobody reached since."""
    visit = next((a for a in acts if a.action == "revisit" and a.reached and in_p(a.at)), None)
    if visit is not None:
        _visited(visit, sets)
    else:
        _revisit_due(acts, in_p, sets, as_of)


def _visited(visit: Action, sets: set[str]) -> None:
    sets.update(("revisit_due", "revisited", "satisfied" if visit.satisfaction in SATISFIED else "dissatisfied"))
    if visit.on_time:
        sets.add("revisited_on_time")


def _revisit_due(acts: Sequence[Action], in_p, sets: set[str], as_of: datetime) -> None:
    """No visit reached the reporter in the period: due when a closing's return-visit deadline
    passed in the period with nobody reached since that closing."""
    for i, a in enumerate(acts):
        if a.action != "close" or a.revisit_due is None or a.revisit_due >= as_of or not in_p(a.revisit_due):
            continue
        for b in acts[i + 1:]:
            if b.action == "close":
                break
            if b.action == "revisit" and b.reached:
                break
        else:
            sets.add("revisit_due")
            return
        if b.action == "close":
            sets.add("revisit_due")
            return


def _handling(acts: Sequence[Action], i: int, in_p, sets: set[str], as_of: datetime) -> None:
    """Due-for-handling facts of the accountable assignment starting at action *i*."""
    later = acts[i + 1:]
    feedback = None
    for a in later:
        if a.action == "feedback":
            feedback = a
            break
    if feedback is not None:
        deadline = feedback.due or feedback.handle_deadline
        moment = feedback.at if deadline is None or feedback.at <= deadline else deadline
    else:
        if later and later[-1].to_state == "deferred":
            return  # 挂账: no clock runs, not due
        # the handling deadline in force: the last one set since the dispatch
        deadline = acts[i].handle_deadline
        for a in reversed(later):
            if a.handle_deadline is not None:
                deadline = a.handle_deadline
                break
        if deadline is None or deadline >= as_of:
            return  # not fed back and not yet due
        moment = deadline
    if not in_p(moment):
        return
    sets.add("due_handle")
    if feedback is not None:
        sets.add("handled")
        if feedback.on_time:
            sets.add("handled_on_time")
        limit = feedback.at
        for a in later:
            if a.action == "approve_extension" and a.at <= limit:
                sets.add("extended")
                break
    else:
        sets.add("overdue_unhandled")
        for a in later:
            if a.action == "approve_extension":
                sets.add("extended")
                break


def facts_for(cases: Iterable[Case], start: datetime, end: datetime, as_of: datetime) -> list[CaseFacts]:
    start, end, as_of = _local(start), _local(end), _local(as_of)
    with paused_gc():
        return [case_facts(c, start, end, as_of) for c in cases]


def figures(facts: Iterable[CaseFacts], grouping: str) -> dict[str, dict[str, Figure]]:
    """Figures per group of *grouping* (a key of :data:`GROUPINGS`): every set of :data:`SETS`
    the group is accountable for as a count, every rate of :data:`RATES` whose sets it has."""
    if grouping not in GROUPINGS:
        raise EvaluationError(tr("unknown grouping '{grouping}'; use one of {choices}").format(
            grouping=grouping, choices=", ".join(GROUPINGS)))
    accountable = [(key_name, frozenset(set_names)) for key_name, set_names in GROUPINGS[grouping].items()]
    members: dict[str, dict[str, set[int]]] = {}
    with paused_gc():
        for f in facts:
            keys, sets, case_id = f.keys, f.sets, f.case.id
            for key_name, wanted in accountable:
                group = keys.get(key_name)
                if group is None:
                    continue
                bucket = members.get(group)
                if bucket is None:
                    bucket = members[group] = {}
                for name in sets & wanted:
                    ids = bucket.get(name)
                    if ids is None:
                        bucket[name] = {case_id}
                    else:
                        ids.add(case_id)
        out: dict[str, dict[str, Figure]] = {}
        owned = {name for names in GROUPINGS[grouping].values() for name in names}
        nothing: frozenset[int] = frozenset()
        for group, bucket in members.items():
            frozen = {name: frozenset(ids) for name, ids in bucket.items()}   # each set once, shared by its figures
            row = {name: Figure(frozen.get(name, nothing)) for name in SETS if name in owned}
            for rate, (num, den) in RATES.items():
                if num in owned and den in owned:
                    row[rate] = Figure(frozen.get(num, nothing), frozen.get(den, nothing))
            out[group] = row
    return out


def columns(rows: dict[str, dict[str, Figure]]) -> list[str]:
    """The figures *rows* (from :func:`figures`) hold, in the order of :data:`SETS` then :data:`RATES`."""
    return [k for k in SETS + tuple(RATES) if any(k in r for r in rows.values())]


def ranked(rows: dict[str, dict[str, Figure]], by_score: bool, weights: dict[str, float] | None = None
           ) -> list[tuple[str, float | None]]:
    """(group, composite score or None) in table order: best score first when *by_score*
    (groups without a score last), else by group key."""
    scored = [(key, composite(row, weights) if by_score else None) for key, row in rows.items()]
    if by_score:
        return sorted(scored, key=lambda ks: (ks[1] is None, -(ks[1] or 0), ks[0]))
    return sorted(scored)


def check_weights(weights: dict[str, float]) -> dict[str, float]:
    unknown = set(weights) - set(SCORE_TERMS)
    if unknown:
        raise EvaluationError(tr("unknown score terms {terms}; the terms are {choices}").format(
            terms=", ".join(sorted(unknown)), choices=", ".join(SCORE_TERMS)))
    if any(w < 0 for w in weights.values()) or not sum(weights.values()):
        raise EvaluationError(tr("score weights must be zero or more and not all zero"))
    return dict(weights)


def composite(row: dict[str, Figure], weights: dict[str, float] | None = None, partial: bool = False) -> float | None:
    """The composite score (0–100 when the weights sum to 100) of one group's figures."""
    weights = check_weights(weights or DEFAULT_WEIGHTS)
    total, used, rescale = 0.0, 0.0, partial
    for term, weight in weights.items():
        if not weight:
            continue
        figure = row.get(term)
        value = figure.value if figure is not None else None
        if value is None:
            if not partial and term not in OPTIONAL_TERMS:
                return None
            rescale = True
            continue
        total += weight * (value if SCORE_TERMS[term] else 1.0 - value)
        used += weight
    if not used:
        return None
    return total * sum(weights.values()) / used if rescale else total


def parse_weights(text: str) -> dict[str, float]:
    """'handling_rate=30, on_time_handling_rate=20, …' (a missing term keeps its default weight)."""
    weights = dict(DEFAULT_WEIGHTS)
    for part in (text or "").replace("，", ",").replace(";", ",").split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise EvaluationError(tr("weights are written term=number, got '{part}'").format(part=part.strip()))
        name, value = (p.strip() for p in part.split("=", 1))
        try:
            weights[name] = float(value)
        except ValueError as exc:
            raise EvaluationError(tr("the weight of {term} must be a number, got '{value}'").format(
                term=name, value=value)) from exc
    return check_weights(weights)


def indicator_label(name: str) -> str:
    """Column titles for tables and reports (Chinese through the translator)."""
    return {
        "reported": tr("Reported"), "valid": tr("Valid reports"), "cancelled": tr("Cancelled"),
        "verified": tr("Verifications due"), "verified_on_time": tr("Verified on time"),
        "registered": tr("Registered (due for closing)"), "closed": tr("Closed"),
        "closed_on_time": tr("Closed on time"), "reworked": tr("Reworked"), "dispatched": tr("Dispatched"),
        "dispatched_correctly": tr("Dispatched correctly"), "due_handle": tr("Due for handling"),
        "handled": tr("Handled"), "handled_on_time": tr("Handled on time"),
        "overdue_unhandled": tr("Overdue, not handled"), "extended": tr("Extended"), "checked": tr("Checks due"),
        "checked_on_time": tr("Checked on time"), "overdue": tr("Overdue now"),
        "overdue_handling": tr("Overdue in handling now"),
        "valid_report_rate": tr("Valid-report rate"), "handling_rate": tr("Handling rate"),
        "on_time_handling_rate": tr("On-time handling rate"), "closing_rate": tr("Closing rate"),
        "on_time_closing_rate": tr("On-time closing rate"), "rework_rate": tr("Rework rate"),
        "overdue_rate": tr("Overdue-pending rate"), "extension_rate": tr("Extension rate"),
        "correct_dispatch_rate": tr("Correct-dispatch rate"), "on_time_verify_rate": tr("On-time verify rate"),
        "on_time_check_rate": tr("On-time check rate"), "score": tr("Composite score"),
        "revisit_due": tr("Return visits due"), "revisited": tr("Reporters reached"),
        "revisited_on_time": tr("Revisited on time"), "satisfied": tr("Satisfied"),
        "dissatisfied": tr("Dissatisfied"), "satisfaction_rate": tr("Satisfaction rate"),
        "revisit_on_time_rate": tr("On-time return-visit rate"),
    }[name]


def month_period(text: str = "", now: datetime | None = None) -> tuple[datetime, datetime]:
    """[start, end) of the month 'YYYY-MM' in Asia/Shanghai; empty: the last complete month."""
    cst = timezone(timedelta(hours=8))
    now = (now or datetime.now(cst)).astimezone(cst)
    text = (text or "").strip()
    if not text:
        first = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        year, month = (first.year, first.month - 1) if first.month > 1 else (first.year - 1, 12)
    else:
        parts = text.replace("/", "-").replace("年", "-").replace("月", "").split("-")
        try:
            year, month = int(parts[0]), int(parts[1])
            if len(parts) != 2 or not 1 <= month <= 12 or not 2000 <= year <= 2100:
                raise ValueError
        except (ValueError, IndexError) as exc:
            raise EvaluationError(tr("the month must be written YYYY-MM (e.g. 2026-11), got '{text}'").format(
                text=text)) from exc
    start = datetime(year, month, 1, tzinfo=cst)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=cst)
    return start, end


def shift_months(start: datetime, months: int) -> datetime:
    """The first day of the month *months* after (negative: before) *start*'s month."""
    index = start.year * 12 + start.month - 1 + months
    return start.replace(year=index // 12, month=index % 12 + 1, day=1)
