"""The words and figures of the monthly evaluation report (综合评价月报): the key figures of a
month with the change on the month before, the summary sentences, section numbering (Chinese
numerals in Chinese), short column headings and the score formula. Pure Python over evaluated
periods (:class:`citygrid_plugin.store.evaluation.PeriodEvaluation`) and report tables; the
layout is :mod:`citygrid_plugin.processing.alg_monthlyreport`'s."""
from __future__ import annotations

from collections.abc import Sequence

from . import evaluation as ev
from .casefilter import CST
from .i18n import tr
from .labels import theme_label
from .reports import Table

# the key figures of the summary, in order: a count (set) or a rate
KEY_FIGURES = ("reported", "valid", "valid_report_rate", "registered", "closed", "closing_rate",
               "on_time_closing_rate", "due_handle", "handled", "handling_rate", "handled_on_time",
               "on_time_handling_rate", "rework_rate", "overdue_rate", "correct_dispatch_rate", "overdue")
# department performance columns shown (keys of core.reports.PERFORMANCE, after rank and name)
DEPARTMENT_KEYS = ("due_handle", "handled", "handled_on_time", "handling_rate", "on_time_handling_rate", "rework_rate",
                   "overdue_rate", "extension_rate", "closing_rate", "satisfaction_rate")
PLACE_KEYS = ("reported", "registered", "closed", "closing_rate", "due_handle", "handled_on_time",
              "on_time_handling_rate", "overdue")
PEOPLE_KEYS = {"supervisor": ("reported", "valid", "valid_report_rate", "verified", "on_time_verify_rate", "checked",
                              "on_time_check_rate"),
               "dispatcher": ("dispatched", "dispatched_correctly", "correct_dispatch_rate")}
CJK_NUMERALS = "一二三四五六七八九十"


class Rate(float):
    """A percentage shown with one decimal in the report's tables (ReportBuilder prints floats
    with two), still a number, so its column stays right-aligned."""

    def __format__(self, spec: str) -> str:
        return format(float(self), ",.1f") if spec.endswith("f") else format(float(self), spec)


def rated(value):
    return Rate(value) if isinstance(value, float) else value


def totals(facts) -> dict[str, float | int | None]:
    """Every set of :data:`core.evaluation.SETS` counted over *facts*, and every rate of
    :data:`core.evaluation.RATES` (None when its denominator is empty): the figures of the
    whole area, whatever districts it spans."""
    counts = dict.fromkeys(ev.SETS, 0)
    for f in facts:
        for name in f.sets:
            counts[name] += 1
    out: dict[str, float | int | None] = dict(counts)
    for rate, (num, den) in ev.RATES.items():
        out[rate] = counts[num] / counts[den] if counts[den] else None
    return out


def pct(value: float | None) -> str:
    return "—" if value is None else f"{100.0 * value:.1f}%"


def count_change(now: int, before: int) -> str:
    """"比上月（1,448）增加 5.2%" and the like."""
    if not before:
        return tr("none the month before") if now else tr("none the month before either")
    change = 100.0 * (now - before) / before
    if abs(change) < 0.05:
        return tr("the same as the month before ({before})").format(before=f"{before:,}")
    text = tr("up {pct} on the month before ({before})") if change > 0 else \
        tr("down {pct} on the month before ({before})")
    return text.format(pct=f"{abs(change):.1f}%", before=f"{before:,}")


def rate_change(now: float | None, before: float | None) -> str:
    """"比上月（85.1%）提高 1.9 个百分点" and the like."""
    if now is None or before is None:
        return tr("no figure for the month before")
    points = 100.0 * (now - before)
    if abs(points) < 0.05:
        return tr("the same as the month before ({before})").format(before=pct(before))
    text = tr("up {points} percentage points on the month before ({before})") if points > 0 else \
        tr("down {points} percentage points on the month before ({before})")
    return text.format(points=f"{abs(points):.1f}", before=pct(before))


def section(number: int, title: str) -> str:
    """"三、专业部门处理情况" in Chinese, "3. Department performance" in English."""
    template = tr("{number}. {title}")
    if "、" in template:  # the Chinese template: Chinese numerals
        if number <= 10:
            numeral = CJK_NUMERALS[number - 1]
        else:
            tens, units = divmod(number, 10)
            numeral = (CJK_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (CJK_NUMERALS[units - 1] if units else "")
    else:
        numeral = str(number)
    return template.format(number=numeral, title=title)


def short_label(key: str) -> str:
    """Column headings of the report's tables: the indicator names, shortened where the English
    one would not fit a column of a portrait page (rates marked %)."""
    short = {"registered": tr("Registered"), "closing_rate": tr("Closing rate (%)"), "due_handle": tr("Due"),
             "handling_rate": tr("Handling rate (%)"), "on_time_handling_rate": tr("On-time rate (%)"),
             "rework_rate": tr("Rework rate (%)"), "overdue_rate": tr("Overdue-pending (%)"),
             "extension_rate": tr("Extension rate (%)"), "valid_report_rate": tr("Valid-report rate (%)"),
             "on_time_verify_rate": tr("Verified on time (%)"), "on_time_check_rate": tr("Checked on time (%)"),
             "correct_dispatch_rate": tr("Correct-dispatch rate (%)"), "score": tr("Score"),
             "satisfaction_rate": tr("Satisfaction (%)")}
    return short.get(key) or ev.indicator_label(key)


def columns(table: Table, keys) -> tuple[list[str], list[int]]:
    """Short headings and column indices of *keys* in an indicator table
    (:func:`citygrid_plugin.core.indicators.indicator_table`)."""
    index = {h: i for i, h in enumerate(table.headers)}
    chosen = [(short_label(k), index[ev.indicator_label(k) + (" (%)" if k in ev.RATES else "")]) for k in keys
              if ev.indicator_label(k) + (" (%)" if k in ev.RATES else "") in index]
    return [h for h, _ in chosen], [i for _, i in chosen]


def score_note(weights: dict[str, float] | None) -> str:
    """"综合得分 = 处置率 × 30 + 按期处置率 × 20 + (1 − 返工率) × 20 …": how the score was made."""
    terms = []
    for term, weight in (weights or ev.DEFAULT_WEIGHTS).items():
        if not weight:
            continue
        label = ev.indicator_label(term)
        terms.append(f"{label} × {weight:g}" if ev.SCORE_TERMS[term] else f"(1 − {label}) × {weight:g}")
    return tr("rates in %, empty where nothing was due; composite score = {formula}").format(
        formula=" + ".join(terms))


def widths(names: Sequence[float], numbers: int) -> list[float]:
    """Relative column widths: the name columns as given, every number column 1.3."""
    return list(names) + [1.3] * numbers


def map_title(theme: str, place: str, month: str) -> str:
    return tr("{place} {period}: {theme}").format(place=place, period=month, theme=theme_label(theme))


def key_figures(now: dict, prev: dict) -> tuple[list[str], list[list]]:
    """The key figures table: this month, the month before and the change (percentage points
    for rates)."""
    headers = [tr("Indicator"), tr("This month"), tr("Month before"), tr("Change")]
    rows = []
    for key in KEY_FIGURES:
        label = ev.indicator_label(key)
        a, b = now[key], prev[key]
        if key in ev.RATES:
            cells = [None if a is None else Rate(100 * a), None if b is None else Rate(100 * b)]
            change = "" if a is None or b is None else tr("{points} pp").format(points=f"{100 * (a - b):+.1f}")
            rows.append([label + " (%)"] + cells + [change])
        else:
            change = f"{100.0 * (a - b) / b:+.1f}%" if b else ""
            rows.append([label, int(a), int(b), change])
    return headers, rows


def daily_counts(evaluation) -> tuple[list[str], list[int], list[int]]:
    """(day labels, cases reported, cases registered) per day of the evaluated period."""
    start, end = evaluation.start, evaluation.end
    days = max(1, (end - start).days)
    reported, registered = [0] * days, [0] * days
    for f in evaluation.facts:
        if "reported" in f.sets:
            reported[min(days - 1, (f.case.reported_at.astimezone(CST) - start).days)] += 1
        if "registered" in f.sets:
            at = next((a.at for a in f.case.actions if a.action == "register"), None)
            if at is not None:
                registered[min(days - 1, max(0, (at.astimezone(CST) - start).days))] += 1
    labels = [f"{(start.day + i) if days <= 31 else i + 1}" for i in range(days)]
    return labels, reported, registered


def sentences(now: dict, prev: dict, evaluation, performance: Table, frequent: Table, maps: list,
              month: str) -> list[str]:
    """The summary (本月概况): the month's key figures as short sentences with the changes on the
    month before, the best and lowest scoring departments, the most frequent problems, the
    community with the lowest on-time rate and the hot spots found. *maps* holds the month's
    maps (``theme`` and ``figures``) or (theme, reason) for a map that could not be drawn."""
    out = [tr("{month}: {reported} cases were reported, {change}; {valid} of them were valid (valid-report rate "
              "{valid_rate}).").format(month=month, reported=f"{now['reported']:,}",
                                       change=count_change(now["reported"], prev["reported"]),
                                       valid=f"{now['valid']:,}", valid_rate=pct(now["valid_report_rate"])),
           tr("{registered} cases were registered, {change}; {closed} of them were closed by the end of the "
              "month, a closing rate of {closing_rate}, {closing_change}.").format(
               registered=f"{now['registered']:,}", change=count_change(now["registered"], prev["registered"]),
               closed=f"{now['closed']:,}", closing_rate=pct(now["closing_rate"]),
               closing_change=rate_change(now["closing_rate"], prev["closing_rate"])),
           tr("{due} cases fell due for handling: {handled} were handled, a handling rate of {handling_rate}, "
              "{handling_change}; {on_time} on time, an on-time handling rate of {on_time_rate}, "
              "{on_time_change}.").format(
               due=f"{now['due_handle']:,}", handled=f"{now['handled']:,}",
               handling_rate=pct(now["handling_rate"]),
               handling_change=rate_change(now["handling_rate"], prev["handling_rate"]),
               on_time=f"{now['handled_on_time']:,}", on_time_rate=pct(now["on_time_handling_rate"]),
               on_time_change=rate_change(now["on_time_handling_rate"], prev["on_time_handling_rate"])),
           tr("At the end of the month {overdue} cases were overdue, {change}; {handling} of them with the "
              "departments.").format(overdue=f"{now['overdue']:,}", change=count_change(now["overdue"],
                                                                                          prev["overdue"]),
                                     handling=f"{now['overdue_handling']:,}")]
    scored = [(r[-1], r[1]) for r in performance.rows if r[-1] is not None]
    if len(scored) > 1:
        out.append(tr("Of the {n} departments with cases due, {best} scored highest ({best_score} points) and "
                      "{worst} lowest ({worst_score} points).").format(
            n=len(scored), best=scored[0][1], best_score=f"{scored[0][0]:.1f}", worst=scored[-1][1],
            worst_score=f"{scored[-1][0]:.1f}"))
    elif scored:
        out.append(tr("{best} was the only department with cases due; it scored {best_score} points.").format(
            best=scored[0][1], best_score=f"{scored[0][0]:.1f}"))
    if frequent.rows:
        items = tr(", ").join(tr("{name} ({n} cases)").format(name=r[3] or r[2], n=f"{r[4]:,}")
                              for r in frequent.rows[:3])
        out.append(tr("The most frequent problems were {items}.").format(items=items))
    communities = evaluation.figures("community")
    rated_ = [(row["on_time_handling_rate"].value, code, row["due_handle"].count)
              for code, row in communities.items() if row["on_time_handling_rate"].value is not None]
    if len(rated_) > 1:
        value, code, due = min(rated_)
        out.append(tr("The lowest on-time handling rate was in {community} ({rate} of {due} cases due).").format(
            community=evaluation.group_name("community", code), rate=pct(value), due=f"{due:,}"))
    for item in maps:
        if isinstance(item, tuple):
            if item[0] == "hotspots":
                out.append(tr("No hot spot analysis for this month: {reason}").format(reason=item[1]))
        elif item.theme == "hotspots":
            out.append(tr("The hot spot analysis (Gi*) finds {hot} hot spot and {cold} cold spot grids.").format(
                hot=item.figures["hot"], cold=item.figures["cold"]))
    return out
