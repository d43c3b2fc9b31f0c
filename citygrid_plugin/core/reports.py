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
  year before (同比) and the period before (环比), with the changes.

Pure Python; the names of classes, departments and people come from the caller.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .casefilter import STATES
from .evaluation import CaseFacts, Figure, figures, indicator_label, ranked
from .i18n import tr


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

    def add(self, row: Sequence, ids: Iterable[int] = ()) -> None:
        self.rows.append(list(row))
        self.ids.append(frozenset(ids))

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
                "department_performance": (1,), "class_comparison": (2, 1)}


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
               "extension_rate", "closing_rate")


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
