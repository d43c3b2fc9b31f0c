"""The four themes of a thematic map (专题图) of a period, each a styled memory layer with its
titles and figures (:class:`citygrid_plugin.maps.ThemeMap`):

``cases``
    cases reported in the period per active unit grid (单元网格), graduated: grids without a case
    white, the others in classes by Jenks natural breaks or quantiles
    (:mod:`citygrid_plugin.core.breaks`), the count labelled from 1:20,000 in;
``on_time``
    the on-time handling rate (按期处置率) of the cases in each community (社区) or street (街道).
    Departments have no geometry, so their performance is mapped by the territory of the cases
    they handled, optionally for one department. Fixed classes (≥ 95 % … < 60 %) so months
    compare; a community with nothing due is hatched grey, "无应处置案件", never 0 % or 100 %;
``census``
    component census coverage (部件普查) per grid: surveyed, holding components but not declared
    surveyed, or without components;
``hotspots``
    Getis-Ord Gi* of the period's cases through ``citygrid:hotspots`` itself, run as a child
    algorithm (same counts, weights, FDR and refusals).

Used by citygrid:thematicmap, citygrid:streetatlas and citygrid:monthlyreport. A theme with
nothing to show (no case reported, nothing due, no active grid) is a :class:`MapError`.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsProcessingException,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor

from .core import evaluation as ev
from .core import hotspots as hs
from .core.breaks import METHODS, BreaksError, class_breaks
from .core.casefilter import CST, CaseFilter, FilterError
from .core.i18n import tr
from .core.labels import THEMES, period_label
from .maps import MapContext, MapError, ThemeMap, memory_layer, qdatetime, styled
from .store import analysis
from .store.census import census_progress
from .store.db import StoreError
from .store.evaluation import evaluate_period

UNITS = ("community", "street")
CLASSIFICATIONS = METHODS
CENSUS_STATUS = ("surveyed", "components", "none")
ZERO_COLOR = "#ffffff"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _graduate(layer: QgsVectorLayer, ranges: Sequence[tuple[float, float]]) -> None:
    """Give *layer*'s graduated renderer (from its style) the *ranges*, coloured along the style's
    ramp, after a white class for 0."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsGraduatedSymbolRenderer):
        renderer = QgsGraduatedSymbolRenderer("cases")
        renderer.setSourceSymbol(QgsFillSymbol.createSimple({"outline_color": "#8c8c8c", "outline_width": "0.12"}))
    base = renderer.sourceSymbol() or QgsFillSymbol.createSimple({})
    ramp = renderer.sourceColorRamp()
    renderer.deleteAllClasses()
    zero = base.clone()
    zero.setColor(QColor(ZERO_COLOR))
    renderer.addClassRange(QgsRendererRange(0, 0, zero, tr("0 (no case)")))
    for i, (low, high) in enumerate(ranges):
        symbol = base.clone()
        t = i / (len(ranges) - 1) if len(ranges) > 1 else 1.0
        symbol.setColor(ramp.color(t) if ramp is not None else QColor.fromHsvF(0.08 * (1 - t), 0.3 + 0.7 * t, 1.0))
        label = _number(low) if low == high else f"{_number(low)} – {_number(high)}"
        renderer.addClassRange(QgsRendererRange(low, high, symbol, label))
    layer.setRenderer(renderer)


def _titles(theme_title: str, place: str, period: str) -> tuple[str, str]:
    return theme_title.format(place=place, period=period), theme_title.format(place="{name}", period=period)


def _unlabelled(layer: QgsVectorLayer) -> QgsVectorLayer:
    """A copy of a context layer without labels (the theme labels the same polygons)."""
    clone = layer.clone()
    clone.setLabelsEnabled(False)
    return clone


def case_counts_map(conn, ctx: MapContext, start: datetime, end: datetime, method: str = "jenks",
                    classes: int = 5) -> ThemeMap:
    """Cases reported in [start, end) per active unit grid of the area, graduated."""
    try:
        grids = analysis.active_grids(conn, ctx.area)
        flt = CaseFilter(start, end, area="" if len(ctx.area) == 6 else ctx.area)
        counts = analysis.counts_per_grid(conn, flt, grids)
    except (StoreError, FilterError) as exc:
        raise MapError(str(exc)) from exc
    if not grids.codes:
        raise MapError(tr("the store holds no active unit grids in {place}: partition and code the grids first")
                       .format(place=ctx.place))
    period = period_label(start, end)
    total = int(sum(counts))
    if total == 0:
        raise MapError(tr("no case was reported in {place} in {period}: there is nothing to map; choose another "
                          "period or area").format(place=ctx.place, period=period))
    layer = memory_layer("Polygon", ctx.srid, tr("Cases per unit grid"),
                         [("grid_code", QVariant.String), ("cases", QVariant.Int)],
                         (([code, int(n)], wkb) for code, n, wkb in zip(grids.codes, counts, grids.wkb)))
    styled(layer, "grid_case_counts")
    try:
        ranges = class_breaks(counts, method, classes)
    except BreaksError as exc:
        raise MapError(str(exc)) from exc
    _graduate(layer, ranges)
    with_cases = sum(1 for n in counts if n)
    method_name = tr("Jenks natural breaks") if method == "jenks" else tr("quantiles")
    title, atlas = _titles(tr("{place} {period} case density (per unit grid)"), ctx.place, period)
    subtitle = tr("{cases} cases in {with_cases} of {grids} grids, at most {most} in one; {method}").format(
        cases=f"{total:,}", with_cases=f"{with_cases:,}", grids=f"{len(grids.codes):,}",
        most=f"{int(max(counts)):,}", method=method_name)
    per_street: dict[str, list[int]] = {}
    for code, n in zip(grids.codes, counts):
        tally = per_street.setdefault(code[:9], [0, 0, 0])
        tally[0] += int(n)
        tally[1] += 1 if n else 0
        tally[2] += 1
    notes = {street: tr("{cases} cases in {with_cases} of {grids} grids; classes as for the whole area").format(
        cases=f"{t[0]:,}", with_cases=f"{t[1]:,}", grids=f"{t[2]:,}") for street, t in per_street.items()}
    return ThemeMap("cases", layer, title, atlas, subtitle, [ctx.streets, ctx.communities],
                    {"cases": total, "grids": len(grids.codes), "with_cases": with_cases, "classes": len(ranges)},
                    notes)


def on_time_map(evaluation, ctx: MapContext, unit: str = "community", department: str = "") -> ThemeMap:
    """The on-time handling rate (按期处置率) of the cases in each community or street of the area,
    from *evaluation* (:func:`citygrid_plugin.store.evaluation.evaluate_period`), optionally of
    the cases whose accountable department is *department*."""
    if unit not in UNITS:
        raise MapError(tr("unknown territory '{unit}': use community or street").format(unit=unit))
    facts = evaluation.facts
    department_name = ""
    if department:
        names = evaluation.names.get("department", {})
        if department not in names:
            raise MapError(tr("department '{code}' is not in the store; the departments are: {codes}").format(
                code=department, codes=", ".join(sorted(names)) or "-"))
        department_name = names[department]
        facts = [f for f in facts if f.keys.get("handle") == department]
    rows = ev.figures(facts, unit)
    source = ctx.communities if unit == "community" else ctx.streets
    period = period_label(evaluation.start, evaluation.end)
    features, due_total, on_time_total = [], 0, 0
    for feature in source.getFeatures():
        row = rows.get(feature["code"], {})
        due = row["due_handle"].count if "due_handle" in row else 0
        on_time = row["handled_on_time"].count if "handled_on_time" in row else 0
        handled = row["handled"].count if "handled" in row else 0
        rate = round(100.0 * on_time / due, 1) if due else None
        due_total += due
        on_time_total += on_time
        features.append(([feature["code"], feature["name"], due, handled, on_time, rate],
                         QgsGeometry(feature.geometry())))
    if not due_total:
        who = tr(" for {department}").format(department=department_name) if department else ""
        raise MapError(tr("no case fell due for handling in {place} in {period}{who}: there is no on-time rate to "
                          "map; choose another period, area or department").format(place=ctx.place, period=period,
                                                                                  who=who))
    name = tr("On-time handling rate by community") if unit == "community" else \
        tr("On-time handling rate by street")
    layer = memory_layer("MultiPolygon", ctx.srid, name,
                         [("code", QVariant.String), ("name", QVariant.String), ("due", QVariant.Int),
                          ("handled", QVariant.Int), ("on_time", QVariant.Int), ("rate", QVariant.Double)],
                         features)
    styled(layer, "community_on_time")
    renderer = layer.renderer()
    if isinstance(renderer, QgsRuleBasedRenderer):
        for rule in renderer.rootRule().children():
            if "IS NULL" in (rule.filterExpression() or "").upper():
                rule.setLabel(tr("no case due for handling"))
    if unit == "community":
        title = tr("{place} {period} on-time handling rate (by community)")
        context = [_unlabelled(ctx.streets)]
    else:
        title = tr("{place} {period} on-time handling rate (by street)")
        context = [_unlabelled(ctx.communities)]
    title, atlas = _titles(title, ctx.place, period)
    if department:
        title, atlas = (f"{t} · {department_name}" for t in (title, atlas))
    nothing = sum(1 for attributes, _wkb in features if attributes[5] is None)
    subtitle = tr("{due} cases due for handling, {rate} handled on time; counted where the cases are").format(
        due=f"{due_total:,}", rate=f"{100.0 * on_time_total / due_total:.1f}%")
    notes = {}
    for street, row in ev.figures(facts, "street").items():
        due = row["due_handle"].count if "due_handle" in row else 0
        on_time = row["handled_on_time"].count if "handled_on_time" in row else 0
        notes[street] = (tr("{due} cases due for handling, {rate} handled on time").format(
            due=f"{due:,}", rate=f"{100.0 * on_time / due:.1f}%") if due else tr("no case due for handling"))
    return ThemeMap("on_time", layer, title, atlas, subtitle, context,
                    {"due": due_total, "on_time": on_time_total, "rate": on_time_total / due_total,
                     "units": len(features), "nothing_due": nothing}, notes)


def census_map(conn, ctx: MapContext, as_of: datetime | None = None) -> ThemeMap:
    """Census coverage (部件普查) of the area's active unit grids, as it stands now."""
    try:
        rows = census_progress(conn, ctx.area)
    except StoreError as exc:
        raise MapError(str(exc)) from exc
    if not rows:
        raise MapError(tr("the store holds no active unit grids in {place}: partition and code the grids first")
                       .format(place=ctx.place))
    tally = dict.fromkeys(CENSUS_STATUS, 0)
    features = []
    for code, components, _by_class, surveyed, wkb in rows:
        status = "surveyed" if surveyed else ("components" if components else "none")
        tally[status] += 1
        features.append(([code, int(components or 0), bool(surveyed), status], wkb))
    layer = memory_layer("Polygon", ctx.srid, tr("Census coverage"),
                         [("grid_code", QVariant.String), ("components", QVariant.Int),
                          ("surveyed", QVariant.Bool), ("status", QVariant.String)], features)
    styled(layer, "census_coverage")
    renderer = layer.renderer()
    labels = {"surveyed": tr("surveyed ({n} grids)"), "components": tr("components, unconfirmed ({n})"),
              "none": tr("no components ({n} grids)")}
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            if category.value() in labels:
                renderer.updateCategoryLabel(index, labels[category.value()].format(n=tally[category.value()]))
    date = (as_of or datetime.now(CST)).astimezone(CST)
    title, atlas = _titles(tr("{place} component census coverage"), ctx.place, "")
    subtitle = tr("as of {date}: {surveyed} of {grids} grids surveyed, {components} more with components").format(
        date=f"{date:%Y-%m-%d}", grids=f"{len(rows):,}", surveyed=f"{tally['surveyed']:,}",
        components=f"{tally['components']:,}")
    per_street: dict[str, dict[str, int]] = {}
    for (code, _n, _surveyed, status), _wkb in features:
        street = per_street.setdefault(code[:9], dict.fromkeys(CENSUS_STATUS, 0))
        street[status] += 1
    notes = {street: tr("as of {date}: {surveyed} of {grids} grids surveyed, {components} more with components")
             .format(date=f"{date:%Y-%m-%d}", surveyed=t["surveyed"], grids=sum(t.values()),
                     components=t["components"]) for street, t in per_street.items()}
    return ThemeMap("census", layer, title, atlas, subtitle, [ctx.streets, ctx.communities],
                    {"grids": len(rows), **tally, "total": sum(f[0][1] for f in features)}, notes)


def hotspot_map(ctx: MapContext, start: datetime, end: datetime, store: dict, context, feedback) -> ThemeMap:
    """Gi* hot spots of the cases reported in [start, end): ``citygrid:hotspots`` run as a child
    algorithm on the store given by the parameters *store* (its defaults: automatic distance
    band, FDR), so the map shows exactly what that algorithm computes, and refuses what it
    refuses."""
    alg = QgsApplication.processingRegistry().createAlgorithmById("citygrid:hotspots")
    if alg is None:
        raise MapError(tr("the algorithm citygrid:hotspots is not available: reinstall or re-enable the CityGrid "
                          "plugin"))
    child = {**store, "START": qdatetime(start), "END": qdatetime(end),
             "AREA": "" if len(ctx.area) == 6 else ctx.area, "OUTPUT": "TEMPORARY_OUTPUT"}
    try:
        results, ok = alg.run(child, context, feedback, {}, False)
    except QgsProcessingException as exc:
        raise MapError(str(exc)) from exc
    if not ok or "OUTPUT" not in results:
        raise MapError(tr("the hot spot analysis failed; see the log above"))
    layer = context.takeResultLayer(results["OUTPUT"])
    if layer is None:
        raise MapError(tr("the hot spot analysis wrote no layer; see the log above"))
    if len(ctx.area) == 6:  # the store's other districts are in the analysis, not on the map
        layer.setSubsetString(f"left(\"grid_code\", 6) = '{ctx.area}'")
    layer.setName(tr("Hot spots (Gi*)"))
    styled(layer, "hotspots")
    tally: dict[int, int] = {}
    for feature in layer.getFeatures():
        tally[int(feature["gi_bin"])] = tally.get(int(feature["gi_bin"]), 0) + 1
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            try:
                b = int(category.value())
            except (TypeError, ValueError):
                continue
            if -3 <= b <= 3:
                renderer.updateCategoryLabel(index, tr("{label} ({n} grids)").format(label=hs.bin_label(b),
                                                                                     n=tally.get(b, 0)))
    period = period_label(start, end)
    title, atlas = _titles(tr("{place} {period} case hot spots (Gi*)"), ctx.place, period)
    hot, cold = int(results.get("HOT", 0)), int(results.get("COLD", 0))
    subtitle = tr("Gi* (FDR) of {cases} cases: {hot} hot and {cold} cold spot grids; band {band} m").format(
        cases=f"{int(results.get('CASES', 0)):,}", hot=hot, cold=cold, band=f"{float(results.get('BAND', 0)):.0f}")
    per_street: dict[str, list[int]] = {}
    for feature in layer.getFeatures():
        t = per_street.setdefault(feature["grid_code"][:9], [0, 0, 0, 0])
        b = int(feature["gi_bin"])
        t[0] += b > 0
        t[1] += b < 0
        t[2] += 1
        t[3] += int(feature["cases"])
    notes = {street: tr("{cases} cases; {hot} hot and {cold} cold spot grids of {grids} (Gi* over the whole area)")
             .format(cases=f"{t[3]:,}", hot=t[0], cold=t[1], grids=t[2]) for street, t in per_street.items()}
    return ThemeMap("hotspots", layer, title, atlas, subtitle, [ctx.streets, ctx.communities],
                    {"hot": hot, "cold": cold, "cases": int(results.get("CASES", 0)),
                     "band": float(results.get("BAND", 0))}, notes)


def build_theme(theme: str, conn, ctx: MapContext, start: datetime, end: datetime, *, evaluation=None,
                unit: str = "community", department: str = "", method: str = "jenks", classes: int = 5,
                store: dict | None = None, context=None, feedback=None) -> ThemeMap:
    """The :class:`~citygrid_plugin.maps.ThemeMap` of *theme* (one of
    :data:`~citygrid_plugin.core.labels.THEMES`); the on-time theme evaluates the period unless an
    *evaluation* of it is given, the hot spot theme needs the *store* parameters, *context* and
    *feedback* of the calling algorithm (it runs citygrid:hotspots)."""
    if theme == "cases":
        return case_counts_map(conn, ctx, start, end, method, classes)
    if theme == "on_time":
        if evaluation is None:
            try:
                evaluation = evaluate_period(conn, start, end, ctx.area)
            except (StoreError, ev.EvaluationError) as exc:
                raise MapError(str(exc)) from exc
        return on_time_map(evaluation, ctx, unit, department)
    if theme == "census":
        return census_map(conn, ctx)
    if theme == "hotspots":
        return hotspot_map(ctx, start, end, store or {}, context, feedback)
    raise MapError(tr("unknown theme '{theme}': use one of {choices}").format(theme=theme, choices=", ".join(THEMES)))
