"""citygrid:monthlyreport — the monthly evaluation report (综合评价月报) as one PDF: indicators,
charts and maps of a month, from one algorithm, so it runs from the toolbox, from Python and
from ``qgis_process`` (no iface is touched).

Contents, in the plugin's language (Chinese by default, English available through tr()):

1. cover: "综合评价月报", the place and month, the cut-off, the compiling date, the source;
2. summary (本月概况): the month's key figures as short sentences, each with the change on the
   month before (reported, valid, registered, closed and the closing rate, due for handling,
   handled and the handling and on-time handling rates, overdue at the end of the month), the
   best and lowest scoring departments, the most frequent problems, the community with the
   lowest on-time rate and the hot spots found;
3. key figures (主要指标): this month, the month before and the change (percentage points for
   rates);
4. department performance (专业部门处理情况): the indicators and composite score with ranks
   (:func:`citygrid_plugin.core.reports.department_performance`), with a chart of the scores;
5. indicators by street and by community, and of the supervisors and dispatchers;
6. the other monthly reports (:func:`citygrid_plugin.store.evaluation.report_tables`), each
   with its chart: most frequent problems (bars), sources (ring), states (bars), cases by
   department (bars), events and components against the year before and the month before
   (grouped bars); then the cases reported and registered per day (line);
7. maps (:mod:`citygrid_plugin.processing.alg_maps`, the same as citygrid:thematicmap): cases
   per unit grid, the on-time handling rate by community, the month's hot spots (Gi*, through
   citygrid:hotspots) and the census coverage. A map that cannot be drawn (e.g. too few grids
   with cases for Gi*) is replaced by a page that says why.

The month is evaluated once (:func:`~citygrid_plugin.store.evaluation.evaluate_period`) and its
case facts feed every table, chart and map; the month before is evaluated once more for the
changes. A month in which nothing happened (no case reported, due, checked or open) still gives
a report: the cover and a summary page stating that there was nothing to evaluate — no empty
tables and no blank maps that could be read as "no problems". A month that has not begun, a
malformed month or area, bad weights and an output that is not .pdf are refused with the reason.
"""
from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core import evaluation as ev
from ..core.casefilter import CST
from ..core.i18n import tr
from ..core.reports import Table
from ..store.db import StoreError
from .alg_evaluation import PeriodAlgorithm, indicator_table
from .alg_maps import (
    MapError,
    build_theme,
    fit_text,
    load_context,
    map_layers,
    period_label,
    prepare_project,
    theme_extent,
)

# the key figures of the summary, in order: a count (set) or a rate
KEY_FIGURES = ("reported", "valid", "valid_report_rate", "registered", "closed", "closing_rate",
               "on_time_closing_rate", "due_handle", "handled", "handling_rate", "handled_on_time",
               "on_time_handling_rate", "rework_rate", "overdue_rate", "correct_dispatch_rate", "overdue")
# department performance columns shown (keys of core.reports.PERFORMANCE, after rank and name)
DEPARTMENT_KEYS = ("due_handle", "handled", "handled_on_time", "handling_rate", "on_time_handling_rate", "rework_rate",
                   "overdue_rate", "extension_rate", "closing_rate")
PLACE_KEYS = ("reported", "registered", "closed", "closing_rate", "due_handle", "handled_on_time",
              "on_time_handling_rate", "overdue")
PEOPLE_KEYS = {"supervisor": ("reported", "valid", "valid_report_rate", "verified", "on_time_verify_rate", "checked",
                              "on_time_check_rate"),
               "dispatcher": ("dispatched", "dispatched_correctly", "correct_dispatch_rate")}
MAP_THEMES = ("cases", "on_time", "hotspots", "census")
CHART_MM = (170.0, 120.0)
CJK_NUMERALS = "一二三四五六七八九十"


class Rate(float):
    """A percentage shown with one decimal in the report's tables (ReportBuilder prints floats
    with two), still a number, so its column stays right-aligned."""

    def __format__(self, spec: str) -> str:
        return format(float(self), ",.1f") if spec.endswith("f") else format(float(self), spec)


def _rated(value):
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


def _pct(value: float | None) -> str:
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
        return tr("the same as the month before ({before})").format(before=_pct(before))
    text = tr("up {points} percentage points on the month before ({before})") if points > 0 else \
        tr("down {points} percentage points on the month before ({before})")
    return text.format(points=f"{abs(points):.1f}", before=_pct(before))


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
             "correct_dispatch_rate": tr("Correct-dispatch rate (%)"), "score": tr("Score")}
    return short.get(key) or ev.indicator_label(key)


def _columns(table: Table, keys) -> tuple[list[str], list[int]]:
    """Short headings and column indices of *keys* in an :func:`indicator_table` table."""
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


def _widths(names: Sequence[float], numbers: int) -> list[float]:
    """Relative column widths: the name columns as given, every number column 1.3."""
    return list(names) + [1.3] * numbers


class MonthlyReportAlgorithm(PeriodAlgorithm):
    _id = "monthlyreport"

    def flags(self):
        # print layouts render in the main thread (as QGIS's own layout algorithms do)
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def displayName(self) -> str:  # noqa: N802
        return tr("Monthly evaluation report (PDF)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The monthly comprehensive evaluation report (综合评价月报) as one PDF: a cover; the month's key "
            "figures written as short sentences with the changes on the month before; the key figures table; "
            "department performance with composite scores and ranks; indicators by street and community and of "
            "the supervisors and dispatchers; the monthly reports (most frequent problems, sources, states, "
            "cases by department, events and components against the year and the month before), each with a "
            "chart; the cases reported per day; and four maps: cases per unit grid, on-time handling rate by "
            "community, the month's hot spots and the census coverage. Every figure is a number of cases as the "
            "evaluation defines it, from the audit up to the month's end, so the report of a past month never "
            "changes. A month in which nothing happened gives a short report that says so.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterString(
            "MONTH", tr("Month (YYYY-MM; empty: the last complete month)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "AREA", tr("Street or community code (9 or 12 digits; empty: the whole store)"), optional=True))
        self.add_weights_parameter()
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT", tr("Report"), fileFilter="PDF (*.pdf)"))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages")))
        self.addOutput(QgsProcessingOutputNumber("REPORTED", tr("Cases reported in the period")))

    # -- the figures -------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..store.evaluation import evaluate_period, report_tables

        started = time.monotonic()
        path = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        if path.suffix.lower() != ".pdf":
            raise QgsProcessingException(tr("the report goes to a .pdf file, not {path}: change the output file "
                                            "name").format(path=path))
        start, end, area = self.period(parameters, context)  # START/END are not parameters here: the month
        weights = self.weights(parameters, context)
        month = period_label(start, end)
        target, conn = self.open_store(parameters, context, feedback)
        maps: list = []
        try:
            srid = self.store_srid(conn, target)
            try:
                ctx = load_context(conn, srid, area)
                evaluation = evaluate_period(conn, start, end, area)
                feedback.pushInfo(tr("{month}: {n} cases with actions in or open during the month (cut-off {as_of})")
                                  .format(month=month, n=len(evaluation.facts),
                                          as_of=f"{evaluation.as_of:%Y-%m-%d %H:%M}"))
                feedback.setProgress(15)
                empty = not any(f.sets for f in evaluation.facts)
                if not empty:
                    supervisors = self.supervisors(conn)
                    before = evaluate_period(conn, ev.shift_months(start, -1), start, area)
                    tables = report_tables(conn, evaluation, weights, 10)
                    feedback.setProgress(30)
                    for k, theme in enumerate(MAP_THEMES):
                        if feedback.isCanceled():
                            return {}
                        try:
                            maps.append(build_theme(theme, conn, ctx, start, end, evaluation=evaluation,
                                                    parameters=parameters, context=context, feedback=feedback))
                        except MapError as exc:
                            maps.append((theme, str(exc)))
                            feedback.pushWarning(str(exc))
                        feedback.setProgress(30 + 8 * (k + 1))
            except (MapError, ev.EvaluationError) as exc:
                raise QgsProcessingException(str(exc)) from exc
            except StoreError as exc:
                raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        if feedback.isCanceled():
            return {}
        reported = sum(1 for f in evaluation.facts if "reported" in f.sets)
        with tempfile.TemporaryDirectory(prefix="citygrid-report-") as scratch:
            project = prepare_project(ctx)
            try:
                builder = self.report(project, ctx, evaluation, month)
                if empty:
                    self.nothing_happened(builder, ctx, month)
                else:
                    self.contents(builder, ctx, evaluation, before, tables, maps, weights, month, Path(scratch),
                                  feedback, supervisors)
                if feedback.isCanceled():
                    return {}
                fit_text(builder.layout)
                feedback.setProgress(90)
                from ..layouts import LayoutError

                try:
                    builder.export(path)
                except LayoutError as exc:
                    raise QgsProcessingException(str(exc)) from exc
                pages = builder.page_count
            finally:
                project.clear()
        feedback.setProgress(100)
        feedback.pushInfo(tr("Written: {path} ({pages} pages, {seconds:.1f} s)").format(
            path=path, pages=pages, seconds=time.monotonic() - started))
        return {"OUTPUT": str(path), "PAGES": pages, "REPORTED": reported}

    @staticmethod
    def supervisors(conn) -> set[str] | None:
        """Logins holding the supervisor role: the supervisors' table lists them (the evaluation also
        credits operators and departments with the cases they report). None when the store's staff
        cannot be read: then everyone credited is listed."""
        from ..store.roles import users

        try:
            return {u.login for u in users(conn) if "supervisor" in u.roles}
        except StoreError:
            return None

    # -- the pages ----------------------------------------------------------------------------------
    def report(self, project, ctx, evaluation, month: str):
        from ..layouts import ReportBuilder

        today = datetime.now(CST).date()
        title = tr("{place} comprehensive evaluation monthly report ({month})").format(place=ctx.place, month=month)
        builder = ReportBuilder(project, title, "A4", "portrait", date=today, source=ctx.source)
        builder.add_cover(title=tr("Comprehensive evaluation monthly report"), subtitle=f"{ctx.place}  {month}",
                          lines=[tr("Data source: {source}").format(source=ctx.source),
                                 tr("Figures as of {as_of}").format(as_of=f"{evaluation.as_of:%Y-%m-%d %H:%M}"),
                                 tr("Compiled on {date}").format(date=today.isoformat())])
        return builder

    def nothing_happened(self, builder, ctx, month: str) -> None:
        builder.add_text(section(1, tr("This month at a glance")), [
            tr("No case was reported, due for handling, checked or open in {place} in {month}: there is nothing to "
               "evaluate. The tables, charts and maps of the report are left out; they would all be empty.").format(
                place=ctx.place, month=month)])

    def contents(self, builder, ctx, evaluation, before, tables: list[Table], maps: list, weights, month: str,
                 scratch: Path, feedback, supervisors: set[str] | None = None) -> None:
        from .. import charts
        from ..core.reports import PERFORMANCE

        now, prev = totals(evaluation.facts), totals(before.facts)
        by_key = {t.key: t for t in tables}
        performance = by_key["department_performance"]
        builder.add_text(section(1, tr("This month at a glance")), self.sentences(now, prev, evaluation, performance,
                                                                   by_key["most_frequent"], maps, month))
        builder.add_table(section(2, tr("Key figures")), *self.key_figures(now, prev),
                          column_widths=[4, 1.6, 1.6, 1.8],
                          note=tr("rates in %; changes of rates in percentage points (pp)"))
        feedback.setProgress(60)
        number = 3
        picked = [2 + PERFORMANCE.index(k) for k in DEPARTMENT_KEYS]
        headers = [performance.headers[0], performance.headers[1]] + [short_label(k) for k in DEPARTMENT_KEYS] + \
            [short_label("score")]
        rows = [[r[0], r[1]] + [_rated(r[i]) for i in picked] + [_rated(r[-1])] for r in performance.rows]
        title = section(number, performance.title)
        self.table(builder, title, headers, rows, score_note(weights), _widths([0.8, 3.8], len(picked) + 1))
        scored = [(r[1], r[-1]) for r in performance.rows if r[-1] is not None]
        if scored:
            self.chart(builder, title, charts.bar_chart, scratch / "scores.svg", [n for n, _ in scored],
                       [float(v) for _, v in scored], tr("Composite score by department"), horizontal=True,
                       highlight=len(scored) - 1, value_format="{:.1f}")
        number += 1
        for grouping, title in (("street", tr("Indicators by street")), ("community", tr("Indicators by community"))):
            table = indicator_table(evaluation, grouping, weights)
            names, index = _columns(table, PLACE_KEYS)
            rows = []
            for row in table.rows:
                place = [row[1]] if grouping == "street" else \
                    [evaluation.names["street"].get(row[0][:9], row[0][:9]), row[1]]
                rows.append(place + [_rated(row[i]) for i in index])
            first = [tr("Street")] if grouping == "street" else [tr("Street"), tr("Community")]
            self.table(builder, section(number, title), first + names, rows, table.note,
                       _widths([2.6] * len(first), len(names)))
            number += 1
        for grouping, title in (("supervisor", tr("Supervisors")), ("dispatcher", tr("Dispatchers"))):
            table = indicator_table(evaluation, grouping, weights)
            names, index = _columns(table, PEOPLE_KEYS[grouping])
            rows = [[row[1]] + [_rated(row[i]) for i in index] for row in table.rows
                    if grouping != "supervisor" or supervisors is None or row[0] in supervisors]
            self.table(builder, section(number, title), [tr("Name")] + names, rows, table.note,
                       _widths([2.6], len(names)))
            number += 1
        feedback.setProgress(70)
        for key in ("most_frequent", "by_source", "by_state", "by_department", "class_comparison"):
            if feedback.isCanceled():
                return
            table = by_key[key]
            title = section(number, table.title)
            widths = {"most_frequent": [0.8, 1.1, 1, 3, 1.2, 1.2], "class_comparison": [1.1, 1, 2.6, 1.2, 1.2, 1.4, 1.2,
                                                                                           1.4]}.get(key)
            self.table(builder, title, table.headers, [[_rated(v) for v in r] for r in table.rows], table.note, widths)
            if key == "most_frequent" and table.rows:  # the ranking with the first on top
                self.chart(builder, title, charts.bar_chart, scratch / "frequent.svg",
                           [r[3] or r[2] for r in table.rows], [float(r[4]) for r in table.rows], table.title,
                           horizontal=True)
            elif key == "by_department" and table.rows:  # long names: horizontal bars, most first
                self.chart(builder, title, charts.bar_chart, scratch / "departments.svg",
                           [str(r[0]) for r in table.rows], [float(r[2]) for r in table.rows], table.title,
                           horizontal=True)
            elif table.rows:
                try:
                    chart = charts.report_chart(table, scratch / f"{key}.svg", size_mm=CHART_MM)
                except charts.ChartError:
                    chart = None
                if chart is not None:
                    builder.add_image(tr("{title} (chart)").format(title=title), chart)
            number += 1
        self.daily(builder, section(number, tr("Cases per day")), evaluation, month, scratch, charts)
        feedback.setProgress(80)
        for item in maps:
            if isinstance(item, tuple):
                theme, reason = item
                builder.add_text(self.map_title(theme, ctx, month), [tr("This map is not drawn: {reason}").format(
                    reason=reason)])
            else:
                builder.add_map(item.title, map_layers(ctx, item), subtitle=item.subtitle, extent=theme_extent(item),
                                legend_layers=item.legend_layers(), orientation="landscape")

    @staticmethod
    def map_title(theme: str, ctx, month: str) -> str:
        from .alg_maps import theme_label

        return tr("{place} {period}: {theme}").format(place=ctx.place, period=month, theme=theme_label(theme))

    def table(self, builder, title: str, headers, rows, note: str = "", widths=None) -> None:
        if rows:
            builder.add_table(title, headers, rows, column_widths=widths, note=note)
        else:
            builder.add_text(title, [tr("Nothing to report for this month.")])

    def chart(self, builder, title: str, draw, path: Path, *args, **options) -> None:
        """A chart page after the table *title* (none when the chart cannot be drawn)."""
        from .. import charts

        try:
            chart = draw(path, *args, size_mm=CHART_MM, **options)
        except charts.ChartError:
            return
        builder.add_image(tr("{title} (chart)").format(title=title), chart)

    def daily(self, builder, title: str, evaluation, month: str, scratch: Path, charts) -> None:
        """Cases reported and registered per day of the month (a line each)."""
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
        try:
            chart = charts.line_chart(scratch / "daily.svg", labels, {tr("Reported"): reported,
                                                                      tr("Registered"): registered},
                                      tr("Cases per day, {month}").format(month=month), xlabel=tr("day"),
                                      size_mm=CHART_MM)
        except charts.ChartError:
            return
        builder.add_image(title, chart, caption=tr("{reported} reported, {registered} registered; busiest day: the "
                                                   "{day} ({n} reported)").format(
            reported=f"{sum(reported):,}", registered=f"{sum(registered):,}",
            day=labels[reported.index(max(reported))], n=max(reported)))

    # -- the text ------------------------------------------------------------------------------------
    def key_figures(self, now: dict, prev: dict) -> tuple[list[str], list[list]]:
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

    def sentences(self, now: dict, prev: dict, evaluation, performance: Table, frequent: Table, maps: list,
                  month: str) -> list[str]:
        out = [tr("{month}: {reported} cases were reported, {change}; {valid} of them were valid (valid-report rate "
                  "{valid_rate}).").format(month=month, reported=f"{now['reported']:,}",
                                           change=count_change(now["reported"], prev["reported"]),
                                           valid=f"{now['valid']:,}", valid_rate=_pct(now["valid_report_rate"])),
               tr("{registered} cases were registered, {change}; {closed} of them were closed by the end of the "
                  "month, a closing rate of {closing_rate}, {closing_change}.").format(
                   registered=f"{now['registered']:,}", change=count_change(now["registered"], prev["registered"]),
                   closed=f"{now['closed']:,}", closing_rate=_pct(now["closing_rate"]),
                   closing_change=rate_change(now["closing_rate"], prev["closing_rate"])),
               tr("{due} cases fell due for handling: {handled} were handled, a handling rate of {handling_rate}, "
                  "{handling_change}; {on_time} on time, an on-time handling rate of {on_time_rate}, "
                  "{on_time_change}.").format(
                   due=f"{now['due_handle']:,}", handled=f"{now['handled']:,}",
                   handling_rate=_pct(now["handling_rate"]),
                   handling_change=rate_change(now["handling_rate"], prev["handling_rate"]),
                   on_time=f"{now['handled_on_time']:,}", on_time_rate=_pct(now["on_time_handling_rate"]),
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
        rated = [(row["on_time_handling_rate"].value, code, row["due_handle"].count)
                 for code, row in communities.items() if row["on_time_handling_rate"].value is not None]
        if len(rated) > 1:
            value, code, due = min(rated)
            out.append(tr("The lowest on-time handling rate was in {community} ({rate} of {due} cases due).").format(
                community=evaluation.group_name("community", code), rate=_pct(value), due=f"{due:,}"))
        for item in maps:
            if isinstance(item, tuple):
                if item[0] == "hotspots":
                    out.append(tr("No hot spot analysis for this month: {reason}").format(reason=item[1]))
            elif item.theme == "hotspots":
                out.append(tr("The hot spot analysis (Gi*) finds {hot} hot spot and {cold} cold spot grids.").format(
                    hot=item.figures["hot"], cold=item.figures["cold"]))
        return out
