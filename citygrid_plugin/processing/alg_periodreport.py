"""citygrid:quarterreport and citygrid:annualreport — the quarterly review (季度点评) and the annual
comprehensive evaluation report (年度综合评价报告) as one PDF each, from one algorithm each, so they
run from the toolbox, from Python and from ``qgis_process`` (no iface is touched).

"月度发布、季度点评": the months publish, the quarter reviews them, and at the year's end the
supervision group hands the year's report to the leading group. Both read the months side by side
(:mod:`citygrid_plugin.core.periodreview`, where every decision is written down): the cases are
read in one pass — the two halves of the span (the quarter before and the quarter; January–June
and July–December) at the same time on two connections — and each month's facts are computed from
that with the month's own cut-off, so every month shows what its monthly report published, and
the year of a large district is not read from the store twelve times. The maps: cases per unit
grid over the period (:func:`citygrid_plugin.themes.case_counts_map`) and the hot grids — how many
months each grid was hot (quarter) or its hot spot pattern over the year (annual). A period in
which nothing happened gives a short report that says so; a quarter or year still running is
reviewed up to now and its cover says so.
"""
from __future__ import annotations

import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsRendererCategory,
)
from qgis.PyQt.QtCore import QVariant

from ..core import evaluation as ev
from ..core import hotspots as hs
from ..core import periodreview as pr
from ..core import reporttext as rt
from ..core.casefilter import CST
from ..core.i18n import tr
from ..core.indicators import check_area
from ..core.periods import Period, parse_period
from ..layouts import ReportBuilder
from ..maps import (
    MapError,
    ThemeMap,
    load_context,
    map_layers,
    memory_layer,
    prepare_project,
    styled,
    theme_extent,
)
from ..store import analysis
from ..store.db import connect
from ..store.evaluation import load_cases, names
from ..themes import case_counts_map
from .base import PeriodAlgorithm

CHART_MM = (170.0, 120.0)
COUNT_KEYS = ("reported", "valid", "registered", "closed", "due_handle", "handled", "handled_on_time", "overdue")
COUNT_CHART = ("reported", "registered", "closed", "handled_on_time", "overdue")
RATE_KEYS = ("valid_report_rate", "closing_rate", "handling_rate", "on_time_handling_rate", "rework_rate",
             "satisfaction_rate")
HOT_COLOURS = ("#ffffff", "#fdd49e", "#fc8d59", "#d7301f", "#7f0000")


def _heading(key: str) -> str:
    label = rt.short_label(key)
    return tr("{label} (%)").format(label=label) if key in ev.RATES and "%" not in label else label


class PeriodReportAlgorithm(PeriodAlgorithm):
    """What the quarterly review and the annual report share: the parameters, one load of the
    cases, the months' facts, the maps and the PDF's frame. Subclasses set ``kind`` and write
    their sections in :meth:`contents`."""

    PERIOD = "PERIOD"
    kind = "quarter"

    def flags(self):
        # print layouts render in the main thread (as QGIS's own layout algorithms do)
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterString(self.PERIOD, self.period_description(), optional=True))
        self.add_area_parameter()
        self.add_weights_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Review (PDF)"),
                                                                fileFilter="PDF (*.pdf)"))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages")))
        self.addOutput(QgsProcessingOutputNumber("REPORTED", tr("Cases reported in the period")))
        self.addOutput(QgsProcessingOutputNumber("MONTHS", tr("Months evaluated")))

    def period_description(self) -> str:
        return ""

    # -- the period -------------------------------------------------------------------------------
    def the_period(self, parameters, context, now: datetime) -> tuple[Period, str]:
        text = self.parameterAsString(parameters, self.PERIOD, context) or ""
        try:
            area = check_area(self.parameterAsString(parameters, self.AREA, context))
            period = parse_period(text, now, self.kind)
            if period.kind != self.kind:
                raise ev.EvaluationError(self.wrong_kind(text))
            ev.period_cutoff(period.start, period.end, now)   # refuses a period that has not begun
        except ev.EvaluationError as exc:
            raise QgsProcessingException(str(exc)) from exc
        return period, area

    def wrong_kind(self, text: str) -> str:
        return ""

    @staticmethod
    def spans(period: Period, now: datetime) -> list[tuple[Period, datetime]]:
        """(month, cut-off) of the months of *period* begun by *now*."""
        return [(m, min(m.end, now)) for m in period.months() if m.start < now]

    # -- the run ----------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        started = time.monotonic()
        path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if path.suffix.lower() != ".pdf":
            raise QgsProcessingException(tr("the report goes to a .pdf file, not {path}: change the output file "
                                            "name").format(path=path))
        now = datetime.now(CST)
        period, area = self.the_period(parameters, context, now)
        current = self.spans(period, now)
        before = [(m, m.end) for m in period.previous().months()] if self.kind == "quarter" else []
        maps: list = []
        with self.store_session(parameters, context, feedback, errors=(MapError, ev.EvaluationError,
                                                                      pr.ReviewError)) as store:
            conn = store.conn
            weights = self.weights(parameters, context, conn)
            ctx = load_context(conn, store.srid, area)
            span = before + current
            facts = self.month_facts(store, span, area)
            labels = names(conn)
            feedback.pushInfo(tr("{period}: the cases of {months} months read and evaluated month by month "
                                 "({seconds:.1f} s)").format(period=period.label(), months=len(span),
                                                             seconds=time.monotonic() - started))
            months = [pr.Month(m, f, labels) for (m, _), f in zip(span, facts)]
            previous, months = months[:len(before)], months[len(before):]
            feedback.setProgress(25)
            grids = analysis.active_grids(conn, area)
            W = self.spatial_weights(grids, feedback)
            build = pr.quarterly if self.kind == "quarter" else pr.annual
            review = build(months, weights, previous, grids.codes, W)
            feedback.pushInfo(tr("Months evaluated in {seconds:.1f} s").format(seconds=time.monotonic() - started))
            if feedback.isCanceled():
                return {}
            if not review.empty:
                cutoff = current[-1][1]
                try:
                    cases_map = case_counts_map(conn, ctx, period.start, cutoff)
                    cases_map.title = tr("{place} {period} case density (per unit grid)").format(
                        place=ctx.place, period=period.label())
                    maps.append(cases_map)
                except MapError as exc:
                    maps.append(("cases", str(exc)))
                if review.hot is not None:
                    try:
                        maps.append(self.hot_map(ctx, review, grids))
                    except MapError as exc:
                        maps.append(("hot", str(exc)))
        feedback.setProgress(40)
        reported = review.totals["reported"].count
        with tempfile.TemporaryDirectory(prefix="citygrid-review-") as scratch:
            project = prepare_project(ctx)
            try:
                builder = self.cover(project, ctx, review, current[-1][1], now)
                if review.empty:
                    builder.add_text(rt.section(1, self.glance_title()), [self.nothing(ctx, review)])
                else:
                    self.contents(builder, ctx, review, maps, weights, Path(scratch), feedback)
                if feedback.isCanceled():
                    return {}
                pages = self.export_report(builder, path, feedback)
            finally:
                project.clear()
        feedback.setProgress(100)
        feedback.pushInfo(tr("Written: {path} ({pages} pages, {seconds:.1f} s)").format(
            path=path, pages=pages, seconds=time.monotonic() - started))
        return {self.OUTPUT: str(path), "PAGES": pages, "REPORTED": reported, "MONTHS": len(current)}

    @staticmethod
    def month_facts(store, span: list[tuple[Period, datetime]], area: str) -> list[list]:
        """Each month's facts (``core.periodreview.month_facts``) from the cases read once per half of
        the span: the two halves are read at the same time on two connections (the store works on
        one while Python builds the other's cases: a year of 100,000 cases in 4.7 s instead of
        5.7 s), and the first half is evaluated while the second is still being read."""
        if len(span) < 4:
            return pr.month_facts(load_cases(store.conn, span[0][0].start, span[-1][1], area), span)
        halves = [span[:len(span) // 2], span[len(span) // 2:]]
        second = connect(store.target.dsn())
        try:
            with ThreadPoolExecutor(2) as pool:
                loads = [pool.submit(load_cases, conn, half[0][0].start, half[-1][1], area)
                         for conn, half in zip((store.conn, second), halves)]
                return [facts for half, load in zip(halves, loads) for facts in pr.month_facts(load.result(), half)]
        finally:
            second.close()

    @staticmethod
    def spatial_weights(grids: analysis.GridSet, feedback):
        """The citygrid:hotspots default weights (the automatic distance band); None when the grids
        allow none (then the hot grids are the busiest tenth)."""
        if len(grids.codes) < 2:
            return None
        xy = np.asarray(grids.xy, dtype=float)
        try:
            return hs.distance_band_weights(xy, hs.default_band(xy).band)
        except hs.HotspotError as exc:
            feedback.pushWarning(str(exc))
            return None

    # -- the pages --------------------------------------------------------------------------------
    def title(self, ctx, review) -> str:
        return ""

    def cover_title(self) -> str:
        return ""

    def glance_title(self) -> str:
        return ""

    def cover(self, project, ctx, review, cutoff: datetime, now: datetime):
        today = now.date()
        title = self.title(ctx, review)
        builder = ReportBuilder(project, title, "A4", "portrait", date=today, source=ctx.source)
        lines = [tr("Data source: {source}").format(source=ctx.source),
                 tr("Figures as of {as_of}").format(as_of=f"{cutoff:%Y-%m-%d %H:%M}")]
        if cutoff < review.period.end:
            lines.append(tr("The period is not over: its months are reviewed up to now"))
        lines.append(tr("Compiled on {date}").format(date=today.isoformat()))
        builder.add_cover(title=self.cover_title(), subtitle=f"{ctx.place}  {review.period.label()}", lines=lines)
        return builder

    def nothing(self, ctx, review) -> str:
        return tr("No case was reported, due for handling, checked or open in {place} in {period}: there is nothing "
                  "to review. The tables, charts and maps are left out; they would all be empty.").format(
            place=ctx.place, period=review.period.label())

    def contents(self, builder, ctx, review, maps, weights, scratch: Path, feedback) -> None:
        raise NotImplementedError

    # shared sections
    def table(self, builder, title: str, headers, rows, note: str = "", widths=None, empty: str = "") -> None:
        if rows:
            builder.add_table(title, headers, rows, column_widths=widths, note=note)
        else:
            builder.add_text(title, [empty or tr("Nothing to report for this period.")])

    def chart(self, builder, title: str, draw, path: Path, *args, caption: str = "", **options) -> None:
        """A chart page after the section *title* (none when the chart cannot be drawn)."""
        from .. import charts  # matplotlib takes ~0.3 s to import: loaded for a report, not with the provider

        try:
            chart = draw(path, *args, size_mm=CHART_MM, **options)
        except charts.ChartError:
            return
        builder.add_image(tr("{title} (chart)").format(title=title), chart, caption=caption)

    def trend(self, builder, number: int, review, keys, title: str, scratch: Path, name: str,
              charted=None, with_totals: bool = True) -> None:
        """Months as rows, *keys* as columns (the period and the previous one below), and a line
        chart of the *charted* keys (default: all)."""
        from .. import charts

        keys = [k for k in keys if k in ev.SETS or k in ev.RATES]
        rows = [[m.period.label()] + [rt.rated(pr.value(row.get(k))) if k in ev.RATES else row[k].count
                                      for k in keys] for m, row in zip(review.months, review.monthly)]
        if with_totals:
            rows.append([tr("Whole period")] + [rt.rated(pr.value(review.totals.get(k))) if k in ev.RATES
                                                 else review.totals[k].count for k in keys])
            if review.previous_totals is not None:
                rows.append([tr("Previous period")] + [rt.rated(pr.value(review.previous_totals.get(k)))
                                                       if k in ev.RATES else review.previous_totals[k].count
                                                       for k in keys])
        section = rt.section(number, title)
        note = tr("counts are cases; a period's count lists each case once (the cases overdue: at the last "
                  "month's end); rates in %, empty where nothing was due")
        builder.add_table(section, [tr("Month")] + [_heading(k) for k in keys], rows,
                          column_widths=[2.2] + [1.3] * len(keys), note=note)
        labels = [pr.month_name(m.period) for m in review.months]
        series = {_heading(k): [pr.value(row.get(k)) for row in review.monthly] for k in keys
                  if charted is None or k in charted}
        self.chart(builder, section, charts.line_chart, scratch / f"{name}.svg", labels, series, title,
                   xlabel=tr("month"))

    def scores_chart(self, builder, section: str, review, weights, scratch: Path) -> None:
        from .. import charts

        scored = [r for r in review.rankings if r.mean is not None]
        if scored:
            self.chart(builder, section, charts.bar_chart, scratch / "scores.svg", [r.name for r in scored],
                       [float(r.mean) for r in scored], tr("Mean composite score by department"), horizontal=True,
                       highlight=len(scored) - 1, value_format="{:.1f}", baseline="auto",
                       caption=pr.score_formula(weights))

    def ranking(self, builder, number: int, review, weights, title: str) -> None:
        """The ranks per month of the departments with a score (those never scored are named in the
        note: nothing fell due for them)."""
        table = pr.ranking_table(review)
        months = len(review.months)
        rows = [[rt.rated(v) for v in row] for row in table.rows if row[0] is not None]
        widths = [1.0, 4.2 if months > 6 else 3.2] + [0.75 if months > 6 else 0.9] * months + [1.2, 1.3] + \
            ([1.3, 1.3] if review.previous else [])
        note = table.note if self.kind == "quarter" else tr("1–12: the months; ") + table.note
        self.table(builder, rt.section(number, title), table.headers, rows, note + self.unranked(review), widths)

    @staticmethod
    def unranked(review) -> str:
        left = sum(1 for r in review.rankings if r.rank is None)
        return tr("; {n} departments with nothing due in any month are not ranked").format(n=left) if left else ""

    def persistent(self, builder, number: int, review) -> None:
        table = pr.persistent_table(review)
        self.table(builder, rt.section(number, table.title), table.headers, [[rt.rated(v) for v in r]
                                                                             for r in table.rows], table.note,
                   [1.1, 1, 3] + [1.3] * (len(table.headers) - 3),
                   empty=tr("No class was among the {top} most reported in every month.").format(top=review.top))

    def hot_grids(self, builder, number: int, review) -> None:
        table = pr.hot_table(review)
        self.table(builder, rt.section(number, table.title), table.headers, table.rows, table.note,
                   [3, 2.4, 2.4] + [1.2] * (len(table.headers) - 3),
                   empty=tr("No unit grid was hot in every month.") + " " + table.note)

    def maps(self, builder, ctx, maps) -> None:
        for item in maps:
            if isinstance(item, tuple):
                builder.add_text(tr("Map not drawn"), [tr("This map is not drawn: {reason}").format(reason=item[1])])
            else:
                builder.add_map(item.title, map_layers(ctx, item), subtitle=item.subtitle, extent=theme_extent(item),
                                legend_layers=item.legend_layers(), orientation="landscape")

    def hot_map(self, ctx, review, grids: analysis.GridSet) -> ThemeMap:
        """The grids by the number of months they were hot (a quarter), or by their hot spot
        pattern over the year."""
        hot = review.hot
        if not hot.codes:
            raise MapError(tr("the store holds no active unit grids in {place}: partition and code the grids first")
                           .format(place=ctx.place))
        n = hot.hot.shape[1]
        months_hot = hot.hot.sum(axis=1) if n else np.zeros(len(hot.codes), dtype=int)
        totals = hot.counts.sum(axis=1) if n else np.zeros(len(hot.codes), dtype=int)
        pattern = review.emerging.category if review.emerging is not None else ["no_pattern"] * len(hot.codes)
        layer = memory_layer("Polygon", ctx.srid, tr("Hot grids"),
                             [("grid_code", QVariant.String), ("cases", QVariant.Int), ("months_hot", QVariant.Int),
                              ("pattern", QVariant.String)],
                             (([code, int(totals[i]), int(months_hot[i]), str(pattern[i])], grids.wkb[i])
                              for i, code in enumerate(hot.codes)))
        method = tr("Gi*") if hot.method == "gi_star" else tr("busiest tenth")
        if self.kind == "year":
            styled(layer, "emerging_hotspots")
            tally = review.emerging.tally()
            renderer = layer.renderer()
            if isinstance(renderer, QgsCategorizedSymbolRenderer):
                for index, category in enumerate(renderer.categories()):
                    code = str(category.value())
                    if code in hs.CATEGORIES:
                        renderer.updateCategoryLabel(index, tr("{label} ({n} grids)").format(
                            label=hs.category_label(code), n=tally.get(code, 0)))
            title = tr("{place} {period}: hot spot patterns per unit grid").format(place=ctx.place,
                                                                                   period=review.period.label())
            subtitle = pr.emerging_note(review.emerging)
        else:
            categories = []
            for k in range(n, -1, -1):
                symbol = QgsFillSymbol.createSimple({"color": HOT_COLOURS[min(k * 4 // max(n, 1), 4)] if k else
                                                     HOT_COLOURS[0], "outline_color": "#8c8c8c",
                                                     "outline_width": "0.12"})
                count = int((months_hot == k).sum())
                label = (tr("hot in every month ({n} grids)") if k == n else
                         tr("never hot ({n} grids)") if k == 0 else
                         tr("hot in {k} of {months} months ({n} grids)")).format(k=k, months=n, n=count)
                categories.append(QgsRendererCategory(k, symbol, label))
            layer.setRenderer(QgsCategorizedSymbolRenderer("months_hot", categories))
            title = tr("{place} {period}: months each unit grid was hot").format(place=ctx.place,
                                                                                period=review.period.label())
            subtitle = tr("{persistent} grids hot in every month ({method})").format(
                persistent=len(hot.persistent()), method=method)
        return ThemeMap("hot", layer, title, title, subtitle, [ctx.streets, ctx.communities],
                        {"persistent": len(hot.persistent())})


class QuarterReportAlgorithm(PeriodReportAlgorithm):
    _id = "quarterreport"
    kind = "quarter"

    def displayName(self) -> str:  # noqa: N802
        return tr("Quarterly review (PDF)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The quarterly review (季度点评) as one PDF: the quarter at a glance against the previous quarter; the key "
            "figures month by month with a chart; the departments' rank in each month, their mean composite score, "
            "how many places each moved from the first month to the last and against the previous quarter; the "
            "persistent problems (classes among the ten most reported in every month); the persistent hot spots "
            "(unit grids hot in every month: Gi* hot spots, or the busiest tenth of the grids when Gi* cannot be "
            "computed) with a map of how many months each grid was hot; and the cases per unit grid over the "
            "quarter. Each month's figures are those its monthly report published (the cases are read in one pass, "
            "each month evaluated with its own cut-off). A quarter in which nothing happened gives a short report "
            "that says so.")

    def period_description(self) -> str:
        return tr("Quarter (YYYY-Qn, e.g. 2026-Q3; empty: the last complete quarter)")

    def wrong_kind(self, text: str) -> str:
        return tr("'{text}' is not a quarter: the quarterly review takes a quarter, written YYYY-Qn (e.g. "
                  "2026-Q3)").format(text=text)

    def title(self, ctx, review) -> str:
        return tr("{place} quarterly review ({period})").format(place=ctx.place, period=review.period.label())

    def cover_title(self) -> str:
        return tr("Quarterly review of digital urban management")

    def glance_title(self) -> str:
        return tr("The quarter at a glance")

    def contents(self, builder, ctx, review, maps, weights, scratch: Path, feedback) -> None:
        builder.add_text(rt.section(1, self.glance_title()), pr.summary(review))
        self.trend(builder, 2, review, COUNT_KEYS, tr("Cases by month"), scratch, "counts", COUNT_CHART)
        self.trend(builder, 3, review, RATE_KEYS, tr("Rates by month"), scratch, "rates")
        feedback.setProgress(55)
        self.ranking(builder, 4, review, weights, tr("Department rankings"))
        self.scores_chart(builder, rt.section(4, tr("Department rankings")), review, weights, scratch)
        self.persistent(builder, 5, review)
        self.hot_grids(builder, 6, review)
        feedback.setProgress(70)
        self.maps(builder, ctx, maps)


class AnnualReportAlgorithm(PeriodReportAlgorithm):
    _id = "annualreport"
    kind = "year"

    def displayName(self) -> str:  # noqa: N802
        return tr("Annual comprehensive evaluation report (PDF)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The annual comprehensive evaluation report (年度综合评价报告) as one PDF: the year at a glance; the "
            "cases and the rates month by month with charts; the departments' rank and composite score in every "
            "month with the mean, best and worst month; the unit grids and the problem classes that improved or "
            "worsened most (cases reported per month, the first half of the year against the second); the problems "
            "among the ten most reported in every month; the emerging hot spots of the year (the space-time Gi* "
            "analysis of the cases per unit grid and month, or the months' hot grids when it cannot run) with a "
            "map; and the cases per unit grid over the year. Each month's figures are those its monthly report "
            "published; the year's cases are read from the store in one pass. A year in which nothing happened gives "
            "a short report that says so.")

    def period_description(self) -> str:
        return tr("Year (YYYY, e.g. 2026; empty: the last complete year)")

    def wrong_kind(self, text: str) -> str:
        return tr("'{text}' is not a year: the annual report takes a year, written YYYY (e.g. 2026)").format(
            text=text)

    def title(self, ctx, review) -> str:
        return tr("{place} annual comprehensive evaluation report ({period})").format(place=ctx.place,
                                                                                     period=review.period.label())

    def cover_title(self) -> str:
        return tr("Annual comprehensive evaluation report")

    def glance_title(self) -> str:
        return tr("The year at a glance")

    def contents(self, builder, ctx, review, maps, weights, scratch: Path, feedback) -> None:
        from .. import charts

        builder.add_text(rt.section(1, self.glance_title()), pr.summary(review))
        self.trend(builder, 2, review, COUNT_KEYS, tr("Cases by month"), scratch, "counts", COUNT_CHART)
        self.trend(builder, 3, review, RATE_KEYS, tr("Rates by month"), scratch, "rates")
        feedback.setProgress(55)
        self.ranking(builder, 4, review, weights, tr("Department ranks by month"))
        scores = pr.scores_table(review)
        self.table(builder, rt.section(5, scores.title), scores.headers,
                   [[rt.rated(v) for v in row] for row, r in zip(scores.rows, review.rankings) if r.rank is not None],
                   pr.score_formula(weights),
                   [3.4] + [1.1] * (len(scores.headers) - 3) + [2.1, 2.1])
        self.scores_chart(builder, rt.section(5, scores.title), review, weights, scratch)
        number = 6
        names = review.names
        for rows, key, title, grouping in (
                (review.improved_grids, "improved_grids", tr("Grids that improved most"), "grid"),
                (review.worsened_grids, "worsened_grids", tr("Grids that worsened most"), "grid"),
                (review.improved_classes, "improved_classes", tr("Classes that improved most"), "class"),
                (review.worsened_classes, "worsened_classes", tr("Classes that worsened most"), "class")):
            table = pr.change_table(rows, key, title, grouping, names)
            section = rt.section(number, title)
            self.table(builder, section, table.headers, [[rt.rated(v) for v in r] for r in table.rows], table.note,
                       [3, 2.6, 1.4, 1.4, 1.2, 1.2] if grouping == "grid" else [1.2, 3.4, 1.4, 1.4, 1.2, 1.2],
                       empty=tr("No change between the first and the second half of the months."))
            if rows and grouping == "class":
                labels = [r.name or r.key.split(":")[1] for r in rows]
                self.chart(builder, section, charts.grouped_bar_chart, scratch / f"{key}.svg", labels,
                           {tr("First half, per month"): [r.before_rate for r in rows],
                            tr("Second half, per month"): [r.after_rate for r in rows]}, title, horizontal=True,
                           value_format="{:.1f}")
            number += 1
        feedback.setProgress(65)
        self.persistent(builder, number, review)
        number += 1
        table = pr.emerging_table(review)
        self.table(builder, rt.section(number, table.title), table.headers, table.rows, table.note,
                   [2.4, 1, 1, 5], empty=tr("No unit grid shows a hot spot pattern over the year.") + " " + table.note)
        feedback.setProgress(70)
        self.maps(builder, ctx, maps)


ALGORITHMS = (QuarterReportAlgorithm, AnnualReportAlgorithm)
