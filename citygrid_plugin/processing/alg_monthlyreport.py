"""citygrid:monthlyreport — the monthly evaluation report (综合评价月报) as one PDF: indicators,
charts and maps of a month, from one algorithm, so it runs from the toolbox, from Python and
from ``qgis_process`` (no iface is touched).

The month is evaluated once and its case facts feed every table, chart and map; the month
before is evaluated once more for the changes. The words and figures are
:mod:`citygrid_plugin.core.reporttext`'s, the maps :mod:`citygrid_plugin.themes`' (the same as
citygrid:thematicmap); a map that cannot be drawn is replaced by a page that says why. A month
in which nothing happened still gives a report — the cover and a page saying that there was
nothing to evaluate, no empty tables and no blank maps that could be read as "no problems".
"""
from __future__ import annotations

import tempfile
import time
from datetime import datetime
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
)

from ..core import evaluation as ev
from ..core import reporttext as rt
from ..core.casefilter import CST
from ..core.i18n import tr
from ..core.indicators import indicator_table
from ..core.labels import period_label
from ..core.reports import PERFORMANCE, Table
from ..layouts import ReportBuilder
from ..maps import MapError, load_context, map_layers, prepare_project, theme_extent
from ..store.db import StoreError
from ..store.evaluation import evaluate_period, report_tables
from ..store.roles import users
from ..themes import build_theme
from .base import PeriodAlgorithm

MAP_THEMES = ("cases", "on_time", "hotspots", "census")
CHART_MM = (170.0, 120.0)


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
            "cases by department, problems by class, handling times, events and components against the year and "
            "the month before), each with a chart; the cases reported per day; and four maps: cases per unit "
            "grid, on-time handling rate by community, the month's hot spots and the census coverage. Every "
            "figure is a number of cases as the evaluation defines it, from the audit up to the month's end, "
            "so the report of a past month never changes. A month in which nothing happened gives a short "
            "report that says so.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_month_parameters()
        self.add_area_parameter()
        self.add_weights_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Report"), fileFilter="PDF (*.pdf)"))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages")))
        self.addOutput(QgsProcessingOutputNumber("REPORTED", tr("Cases reported in the period")))

    # -- the figures -------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        started = time.monotonic()
        path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if path.suffix.lower() != ".pdf":
            raise QgsProcessingException(tr("the report goes to a .pdf file, not {path}: change the output file "
                                            "name").format(path=path))
        period, area = self.reporting_period(parameters, context)  # START/END are not parameters here: the month
        if period.kind != "month":
            raise QgsProcessingException(tr(
                "{period} is not a month: the monthly report takes a month (YYYY-MM); a quarter's review is "
                "citygrid:quarterreport, a year's report citygrid:annualreport").format(period=period.label()))
        start, end = period.start, period.end
        weights = self.weights(parameters, context)
        month = period_label(start, end)
        maps: list = []
        with self.store_session(parameters, context, feedback, errors=(MapError, ev.EvaluationError)) as store:
            conn = store.conn
            weights = self.weights(parameters, context, conn)
            ctx = load_context(conn, store.srid, area)
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
                                                store=self.store_parameters(parameters), context=context,
                                                feedback=feedback))
                    except MapError as exc:
                        maps.append((theme, str(exc)))
                        feedback.pushWarning(str(exc))
                    feedback.setProgress(30 + 8 * (k + 1))
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
                pages = self.export_report(builder, path, feedback)
            finally:
                project.clear()
        feedback.setProgress(100)
        feedback.pushInfo(tr("Written: {path} ({pages} pages, {seconds:.1f} s)").format(
            path=path, pages=pages, seconds=time.monotonic() - started))
        return {self.OUTPUT: str(path), "PAGES": pages, "REPORTED": reported}

    @staticmethod
    def supervisors(conn) -> set[str] | None:
        """Logins holding the supervisor role: the supervisors' table lists them (the evaluation also
        credits operators and departments with the cases they report). None when the store's staff
        cannot be read: then everyone credited is listed."""
        try:
            return {u.login for u in users(conn) if "supervisor" in u.roles}
        except StoreError:
            return None

    # -- the pages ----------------------------------------------------------------------------------
    def report(self, project, ctx, evaluation, month: str):
        today = datetime.now(CST).date()
        title = tr("{place} comprehensive evaluation monthly report ({month})").format(place=ctx.place, month=month)
        builder = ReportBuilder(project, title, "A4", "portrait", date=today, source=ctx.source)
        builder.add_cover(title=tr("Comprehensive evaluation monthly report"), subtitle=f"{ctx.place}  {month}",
                          lines=[tr("Data source: {source}").format(source=ctx.source),
                                 tr("Figures as of {as_of}").format(as_of=f"{evaluation.as_of:%Y-%m-%d %H:%M}"),
                                 tr("Compiled on {date}").format(date=today.isoformat())])
        return builder

    def nothing_happened(self, builder, ctx, month: str) -> None:
        builder.add_text(rt.section(1, tr("This month at a glance")), [
            tr("No case was reported, due for handling, checked or open in {place} in {month}: there is nothing to "
               "evaluate. The tables, charts and maps of the report are left out; they would all be empty.").format(
                place=ctx.place, month=month)])

    def contents(self, builder, ctx, evaluation, before, tables: list[Table], maps: list, weights, month: str,
                 scratch: Path, feedback, supervisors: set[str] | None = None) -> None:
        from .. import charts  # matplotlib takes ~0.3 s to import: loaded for a report, not with the provider

        now, prev = rt.totals(evaluation.facts), rt.totals(before.facts)
        by_key = {t.key: t for t in tables}
        performance = by_key["department_performance"]
        builder.add_text(rt.section(1, tr("This month at a glance")),
                         rt.sentences(now, prev, evaluation, performance, by_key["most_frequent"], maps, month))
        builder.add_table(rt.section(2, tr("Key figures")), *rt.key_figures(now, prev),
                          column_widths=[4, 1.6, 1.6, 1.8],
                          note=tr("rates in %; changes of rates in percentage points (pp)"))
        feedback.setProgress(60)
        number = 3
        picked = [2 + PERFORMANCE.index(k) for k in rt.DEPARTMENT_KEYS]
        headers = [performance.headers[0], performance.headers[1]] + [rt.short_label(k) for k in rt.DEPARTMENT_KEYS] \
            + [rt.short_label("score")]
        rows = [[r[0], r[1]] + [rt.rated(r[i]) for i in picked] + [rt.rated(r[-1])] for r in performance.rows]
        title = rt.section(number, performance.title)
        self.table(builder, title, headers, rows, rt.score_note(weights), rt.widths([0.8, 3.8], len(picked) + 1))
        scored = [(r[1], r[-1]) for r in performance.rows if r[-1] is not None]
        if scored:
            self.chart(builder, title, charts.bar_chart, scratch / "scores.svg", [n for n, _ in scored],
                       [float(v) for _, v in scored], tr("Composite score by department"), horizontal=True,
                       highlight=len(scored) - 1, value_format="{:.1f}", baseline="auto")
        number += 1
        for grouping, title in (("street", tr("Indicators by street")), ("community", tr("Indicators by community"))):
            table = indicator_table(evaluation, grouping, weights)
            names, index = rt.columns(table, rt.PLACE_KEYS)
            rows = []
            for row in table.rows:
                place = [row[1]] if grouping == "street" else \
                    [evaluation.names["street"].get(row[0][:9], row[0][:9]), row[1]]
                rows.append(place + [rt.rated(row[i]) for i in index])
            first = [tr("Street")] if grouping == "street" else [tr("Street"), tr("Community")]
            self.table(builder, rt.section(number, title), first + names, rows, table.note,
                       rt.widths([2.6] * len(first), len(names)))
            number += 1
        for grouping, title in (("supervisor", tr("Supervisors")), ("dispatcher", tr("Dispatchers"))):
            table = indicator_table(evaluation, grouping, weights)
            names, index = rt.columns(table, rt.PEOPLE_KEYS[grouping])
            rows = [[row[1]] + [rt.rated(row[i]) for i in index] for row in table.rows
                    if grouping != "supervisor" or supervisors is None or row[0] in supervisors]
            self.table(builder, rt.section(number, title), [tr("Name")] + names, rows, table.note,
                       rt.widths([2.6], len(names)))
            number += 1
        feedback.setProgress(70)
        for key in ("most_frequent", "by_source", "by_state", "by_department", "problem_classification",
                    "handling_time", "class_comparison"):
            if feedback.isCanceled():
                return
            table = by_key[key]
            title = rt.section(number, table.title)
            widths = {"most_frequent": [0.8, 1.1, 1, 3, 1.2, 1.2], "class_comparison": [1.1, 1, 2.6, 1.2, 1.2, 1.4, 1.2,
                                                                                           1.4]}.get(key)
            self.table(builder, title, table.headers, [[rt.rated(v) for v in r] for r in table.rows], table.note,
                       widths)
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
        self.daily(builder, rt.section(number, tr("Cases per day")), evaluation, month, scratch, charts)
        feedback.setProgress(80)
        for item in maps:
            if isinstance(item, tuple):
                theme, reason = item
                builder.add_text(rt.map_title(theme, ctx.place, month), [tr("This map is not drawn: {reason}").format(
                    reason=reason)])
            else:
                builder.add_map(item.title, map_layers(ctx, item), subtitle=item.subtitle, extent=theme_extent(item),
                                legend_layers=item.legend_layers(), orientation="landscape")

    def table(self, builder, title: str, headers, rows, note: str = "", widths=None) -> None:
        if rows:
            builder.add_table(title, headers, rows, column_widths=widths, note=note)
        else:
            builder.add_text(title, [tr("Nothing to report for this month.")])

    def chart(self, builder, title: str, draw, path: Path, *args, **options) -> None:
        """A chart page after the table *title* (none when the chart cannot be drawn)."""
        from .. import charts  # matplotlib: see contents()

        try:
            chart = draw(path, *args, size_mm=CHART_MM, **options)
        except charts.ChartError:
            return
        builder.add_image(tr("{title} (chart)").format(title=title), chart)

    def daily(self, builder, title: str, evaluation, month: str, scratch: Path, charts) -> None:
        """Cases reported and registered per day of the month (a line each)."""
        labels, reported, registered = rt.daily_counts(evaluation)
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
