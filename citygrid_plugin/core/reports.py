"""The reports the supervision and command centres publish every month (月度发布), from the
evaluation's case facts (:mod:`citygrid_plugin.core.evaluation`).

Each report is a :class:`Table`: a title, column headers and rows, and for every row the ids of
the cases behind its figure, so that a click on any row lists exactly the cases it counts
(drill-down). The reports (standards.md §4):

- :func:`most_frequent` 高发问题 — classes by cases reported in the period, most first;
- :func:`by_source` 问题来源 — cases reported in the period by source;
- :func:`by_state` 案卷状态分布 — cases reported in the period by their state at the cut-off;
- :func:`by_department` 专业部门案卷分布 — cases reported in the period by the department accountable
  for them at the cut-off (the last dispatch not returned; 未派遣 when none yet);
- :func:`department_performance` 专业部门处理情况 — the department indicators and composite score,
  best first;
- :func:`class_comparison` 事部件同期对比 — cases reported by class this period, the same period a
  year before (同比) and the period before (环比), with the changes;
- :func:`problem_classification` 问题分类 (事部件分类) — cases reported in the period by kind, major
  class and class, with subtotals;
- :func:`handling_time` 处置平均时长 — the working hours departments took to handle the cases they
  fed back in the period, by department and by class (measured on the working calendar,
  :class:`citygrid_plugin.core.workcalendar.WorkCalendar`).

Tables with subtotals mark each row (:attr:`Table.marks`: "kind", "major", "class", "department",
"total" …) so that a chart or a reader takes the level it needs, not a sum of sums.

Pure Python; the names of classes, departments and people come from the caller.
"""
from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .casefilter import STATES
from .evaluation import Action, Case, CaseFacts, Figure, _returned, figures, indicator_label, ranked
from .i18n import tr
from .workcalendar import WorkCalendar


@dataclass
class Table:
    """A report table: ``rows[i]`` is backed by the cases ``ids[i]`` (empty when a row is not a
    count of this period's cases)."""

    key: str
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    ids: list[frozenset[int]] = field(default_factory=list)
    note: str = ""
    marks: list[str] = field(default_factory=list)   # per row: its level in a table with subtotals ("" none)

    def add(self, row: Sequence, ids: Iterable[int] = (), mark: str = "") -> None:
        self.rows.append(list(row))
        self.ids.append(frozenset(ids))
        self.marks.append(mark)

    def marked(self, mark: str) -> list[int]:
        """The indices of the rows marked *mark* (e.g. the major-class subtotals)."""
        return [i for i, m in enumerate(self.marks) if m == mark]

    def name(self, i: int) -> str:
        """What row *i* is about — the class, source, state or department — for a chart's labels
        and a drill-down's title (a class without a name: its code)."""
        row = self.rows[i]
        default = (1, 0) if self.key.startswith("indicators_") else (0,)   # indicator tables: code, name, …
        for column in NAME_COLUMNS.get(self.key, default):
            if column < len(row) and row[column] not in (None, ""):
                return str(row[column])
        return ""


# the column naming a row, by report (then the fallback when it is empty)
NAME_COLUMNS = {"most_frequent": (3, 2), "by_source": (0,), "by_state": (0,), "by_department": (0,),
                "department_performance": (1,), "class_comparison": (2, 1), "problem_classification": (3, 2, 1),
                "handling_time": (2, 1)}


def _share(n: int, total: int) -> float | None:
    return round(100.0 * n / total, 1) if total else None


def _reported(facts: Iterable[CaseFacts]) -> list[CaseFacts]:
    return [f for f in facts if "reported" in f.sets]


def _grouped(items: Iterable[tuple[str, int]]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for key, cid in items:
        out.setdefault(key, set()).add(cid)
    return out


def most_frequent(facts: Sequence[CaseFacts], class_names: dict[str, str], top: int = 10) -> Table:
    reported = _reported(facts)
    groups = _grouped((f"{f.case.kind}:{f.case.class_code}", f.case.id) for f in reported)
    table = Table("most_frequent", tr("Most frequent problems"),
                  [tr("Rank"), tr("Kind"), tr("Class"), tr("Name"), tr("Cases"), tr("Share (%)")])
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for rank, (key, ids) in enumerate(ranked[:top], 1):
        kind, code = key.split(":")
        table.add([rank, _kind(kind), code, class_names.get(key, ""), len(ids), _share(len(ids), len(reported))], ids)
    table.note = tr("{n} cases reported in the period, in {k} classes").format(n=len(reported), k=len(groups))
    return table


def by_source(facts: Sequence[CaseFacts]) -> Table:
    reported = _reported(facts)
    groups = _grouped((f.case.source, f.case.id) for f in reported)
    table = Table("by_source", tr("Problems by source"), [tr("Source"), tr("Cases"), tr("Share (%)"),
                                                          tr("Valid"), tr("Valid-report rate (%)")])
    for source, ids in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        valid = sum(1 for f in reported if f.case.id in ids and "valid" in f.sets)
        table.add([source, len(ids), _share(len(ids), len(reported)), valid, _share(valid, len(ids))], ids)
    return table


def by_state(facts: Sequence[CaseFacts]) -> Table:
    reported = _reported(facts)
    groups = _grouped((f.state or "reported", f.case.id) for f in reported)
    table = Table("by_state", tr("Cases by state"), [tr("State"), tr("Cases"), tr("Share (%)")])
    for state in STATES:
        if state in groups:
            ids = groups[state]
            table.add([STATES[state], len(ids), _share(len(ids), len(reported))], ids)
    table.note = tr("state at the cut-off of the cases reported in the period")
    return table


def by_department(facts: Sequence[CaseFacts], departments: dict[str, str]) -> Table:
    reported = _reported(facts)
    groups = _grouped((f.keys.get("handle") or "", f.case.id) for f in reported)
    table = Table("by_department", tr("Cases by department"), [tr("Department"), tr("Code"), tr("Cases"),
                                                               tr("Share (%)")])
    for code, ids in sorted(groups.items(), key=lambda kv: (kv[0] == "", -len(kv[1]), kv[0])):
        name = departments.get(code, code) if code else tr("not dispatched")
        table.add([name, code, len(ids), _share(len(ids), len(reported))], ids)
    return table


PERFORMANCE = ("due_handle", "handled", "handled_on_time", "overdue_unhandled", "extended", "registered", "closed",
               "reworked", "handling_rate", "on_time_handling_rate", "rework_rate", "overdue_rate",
               "extension_rate", "closing_rate", "satisfaction_rate")


def department_performance(facts: Sequence[CaseFacts], departments: dict[str, str],
                           weights: dict[str, float] | None = None) -> Table:
    rows = figures(facts, "department")
    table = Table("department_performance", tr("Department performance"),
                  [tr("Rank"), tr("Department")] + [indicator_label(k) for k in PERFORMANCE] +
                  [indicator_label("score")])
    for rank, (code, score) in enumerate(ranked(rows, True, weights), 1):
        row = rows[code]
        values = [_value(row[k]) for k in PERFORMANCE]
        table.add([rank if score is not None else None, departments.get(code, code)] + values +
                  [None if score is None else round(score, 1)], row["due_handle"].numerator)
    table.note = tr("rates in %; a rate with nothing due is empty; the drill-down lists the cases due for handling")
    return table


def _value(figure: Figure) -> float | int | None:
    if figure.denominator is None:
        return figure.count
    value = figure.value
    return None if value is None else round(100.0 * value, 1)


def class_comparison(facts: Sequence[CaseFacts], year_before: dict[tuple[str, str], int],
                     period_before: dict[tuple[str, str], int], class_names: dict[str, str], top: int = 15) -> Table:
    """This period's reported cases per class against the same period a year before and the
    period before (*year_before*, *period_before*: counts by (kind, class) from the store)."""
    reported = _reported(facts)
    groups = _grouped(((f.case.kind, f.case.class_code), f.case.id) for f in reported)
    keys = set(groups) | set(year_before) | set(period_before)
    table = Table("class_comparison", tr("Events and components compared"),
                  [tr("Kind"), tr("Class"), tr("Name"), tr("This period"), tr("A year before"),
                   tr("Year on year (%)"), tr("Period before"), tr("Period on period (%)")])
    ranked = sorted(keys, key=lambda k: (-len(groups.get(k, ())), -year_before.get(k, 0), k))
    for kind, code in ranked[:top]:
        now = len(groups.get((kind, code), ()))
        yb, pb = year_before.get((kind, code), 0), period_before.get((kind, code), 0)
        table.add([_kind(kind), code, class_names.get(f"{kind}:{code}", ""), now, yb, _change(now, yb), pb,
                   _change(now, pb)], groups.get((kind, code), ()))
    table.note = tr("change = (this period − the other) / the other; empty where the other is 0")
    return table


def _change(now: int, before: int) -> float | None:
    return round(100.0 * (now - before) / before, 1) if before else None


def _kind(kind: str) -> str:
    return tr("event") if kind == "event" else tr("component")


# -- 问题分类: kind, major class, class -----------------------------------------------------------------
KIND_ORDER = ("event", "component")


def problem_classification(facts: Sequence[CaseFacts], class_names: dict[str, str],
                           major_names: dict[str, str]) -> Table:
    """Cases reported in the period by kind (事件 / 部件), major class (大类: the class code's first
    two digits) and class (小类). Per kind a total row (mark "kind"), then its major classes by
    cases, most first (mark "major"), each followed by its classes, most first (mark "class").
    Columns: kind, major class code, class code, name, cases, share of all cases reported (%),
    share of the row above it (%: a major class of its kind, a class of its major class; a kind
    row: of all). *class_names* are keyed "event:0102", *major_names* "event:01"."""
    reported = _reported(facts)
    total = len(reported)
    table = Table("problem_classification", tr("Problems by class"),
                  [tr("Kind"), tr("Major class"), tr("Class"), tr("Name"), tr("Cases"), tr("Share (%)"),
                   tr("Share of the level above (%)")])
    tree: dict[str, dict[str, dict[str, set[int]]]] = {}
    for f in reported:
        code = f.case.class_code
        tree.setdefault(f.case.kind, {}).setdefault(code[:2], {}).setdefault(code, set()).add(f.case.id)
    kinds = sorted(tree, key=lambda k: (KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER), k))
    for kind in kinds:
        majors = tree[kind]
        kind_ids = {i for classes in majors.values() for ids in classes.values() for i in ids}
        table.add([_kind(kind), "", "", tr("All events") if kind == "event" else tr("All components"),
                   len(kind_ids), _share(len(kind_ids), total), _share(len(kind_ids), total)], kind_ids, "kind")
        by_size = sorted(majors.items(), key=lambda kv: (-sum(len(v) for v in kv[1].values()), kv[0]))
        for major, classes in by_size:
            major_ids = {i for ids in classes.values() for i in ids}
            table.add([_kind(kind), major, "", major_names.get(f"{kind}:{major}", ""), len(major_ids),
                       _share(len(major_ids), total), _share(len(major_ids), len(kind_ids))], major_ids, "major")
            for code, ids in sorted(classes.items(), key=lambda kv: (-len(kv[1]), kv[0])):
                table.add([_kind(kind), major, code, class_names.get(f"{kind}:{code}", ""), len(ids),
                           _share(len(ids), total), _share(len(ids), len(major_ids))], ids, "class")
    table.note = tr("{n} cases reported; each kind's total, then its major classes and their classes").format(
        n=total)
    return table


# -- 处置平均时长: working hours from the accountable dispatch to the feedback -------------------------------
@dataclass(frozen=True)
class Handling:
    """One case's handling: the accountable dispatch, its feedback, and the spans the case was
    suspended (挂账) between them."""

    case: Case
    department: str
    dispatched: datetime
    fed_back: datetime
    suspended: tuple[tuple[datetime, datetime], ...] = ()

    def hours(self, calendar: WorkCalendar) -> float:
        """Working hours from the dispatch to the feedback, less those while suspended."""
        work = calendar.work_time(self.dispatched, self.fed_back)
        for a, b in self.suspended:
            work -= calendar.work_time(a, b)
        return work.total_seconds() / 3600.0


def handlings(facts: Iterable[CaseFacts], start: datetime, end: datetime, as_of: datetime) -> list[Handling]:
    """The handlings :func:`handling_time` measures: per case, the feedback (处置反馈) of its
    accountable assignment, when that feedback lies in [start, end) and before *as_of*."""
    out = []
    for f in facts:
        handling = _handling_of(f.case, as_of)
        if handling is not None and start <= handling.fed_back < end:
            out.append(handling)
    return out


def _handling_of(case: Case, as_of: datetime) -> Handling | None:
    acts: list[Action] = [a for a in case.actions if a.at < as_of]
    dispatches = [i for i, a in enumerate(acts) if a.action == "dispatch"]
    accountable = next((i for i in reversed(dispatches) if not _returned(acts, i)), None)
    if accountable is None:
        return None
    feedback = next((k for k in range(accountable + 1, len(acts)) if acts[k].action == "feedback"), None)
    if feedback is None:
        return None
    suspended, since = [], None
    for a in acts[accountable + 1:feedback + 1]:
        if a.to_state == "deferred" and since is None:
            since = a.at
        elif a.to_state != "deferred" and since is not None:
            suspended.append((since, a.at))
            since = None
    dispatch = acts[accountable]
    return Handling(case, dispatch.department or "", dispatch.at, acts[feedback].at, tuple(suspended))


def _hours_row(hours: list[float]) -> list:
    return [len(hours), round(statistics.fmean(hours), 2), round(statistics.median(hours), 2), round(max(hours), 2)]


def handling_time(facts: Sequence[CaseFacts], calendar: WorkCalendar, start: datetime, end: datetime,
                  as_of: datetime, departments: dict[str, str], class_names: dict[str, str]) -> Table:
    """处置平均时长: how long departments took to handle cases, in working hours.

    **Which cases**: every case whose accountable assignment (the last dispatch not returned by
    the department, as the evaluation defines it) was fed back (处置反馈) in the period, before
    the cut-off *as_of*; the first feedback after that dispatch counts (a feedback after rework
    is the same assignment's, not a new one). This is not the 处置数 of the evaluation, which
    counts a case in the period its handling fell *due*: a late feedback is measured here in the
    month it came.

    **What is measured**: the working hours (inside the working periods of working days, on the
    store's calendar with its holidays and 调休 working weekends) from the accountable dispatch to
    that feedback, less the working hours while the case was suspended (挂账: from the 缓办 that
    deferred it to the release that took it up again). A release restarts nothing: the hours
    before the deferral and after the release add up. Extensions (延期) change deadlines, not the
    time taken, so they are not subtracted.

    Rows: all cases (mark "total"), then per department (mark "department", by the department of
    the accountable dispatch), then per class (mark "class"), each with the cases handled and the
    average, median and longest time (hours, 2 decimals), the slowest average first."""
    table = Table("handling_time", tr("Average handling time"),
                  [tr("Grouping"), tr("Code"), tr("Name"), tr("Cases handled"), tr("Average (working hours)"),
                   tr("Median (working hours)"), tr("Longest (working hours)")])
    measured = [(h, h.hours(calendar)) for h in handlings(facts, start, end, as_of)]
    table.note = tr("working hours from the dispatch to the feedback, the time suspended (挂账) left out")
    if not measured:
        return table
    all_hours = [x for _, x in measured]
    table.add([tr("All"), "", tr("All departments"), *_hours_row(all_hours)], (h.case.id for h, _ in measured),
              "total")
    for mark, label, key, name in (
            ("department", lambda k: tr("Department"), lambda h: h.department,
             lambda k: departments.get(k, k) or "—"),
            ("class", lambda k: tr("Class ({kind})").format(kind=_kind(k.split(":")[0])),
             lambda h: f"{h.case.kind}:{h.case.class_code}", lambda k: class_names.get(k, "") or k.split(":")[1])):
        groups: dict[str, list[tuple[Handling, float]]] = {}
        for h, x in measured:
            groups.setdefault(key(h), []).append((h, x))
        rows = [(k, _hours_row([x for _, x in v]), v) for k, v in groups.items()]
        for k, values, members in sorted(rows, key=lambda r: (-r[1][1], r[0])):
            code = k.split(":")[1] if mark == "class" else k
            table.add([label(k), code, name(k), *values], (h.case.id for h, _ in members), mark)
    return table
