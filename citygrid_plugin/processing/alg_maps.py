"""citygrid:thematicmap and citygrid:streetatlas — thematic maps (专题图) of a period as PDF or
PNG, one page for the district (or a street or community) or one page per street (图集).

Four themes, each a memory layer built from the store (never from the user's project, so a map
is the same whoever prints it, in QGIS or in ``qgis_process``):

``cases``
    cases reported in the period per active unit grid (单元网格), graduated: grids without a case
    white, the others in classes by Jenks natural breaks or quantiles (computed here, exactly,
    on the counts), the count labelled from 1:20,000 in (styles/grid_case_counts.qml);
``on_time``
    the on-time handling rate (按期处置率 = handled on time / due for handling, the definitions of
    :mod:`citygrid_plugin.core.evaluation`) of the cases in each community (社区) or street
    (街道). Departments have no geometry, so their performance is mapped by the territory of
    the cases they handled, optionally for one department. Fixed classes (≥ 95 % … < 60 %) so
    months compare; a community with nothing due is hatched grey, "无应处置案件", never 0 % or
    100 % (styles/community_on_time.qml);
``census``
    component census coverage (部件普查) per grid: surveyed, holding components but not declared
    surveyed, or without components; the component count labelled (styles/census_coverage.qml);
``hotspots``
    Getis-Ord Gi* of the period's cases through ``citygrid:hotspots`` itself, run as a child
    algorithm (same counts, weights, FDR and refusals), styled with styles/hotspots.qml.

Every page carries the CityGrid template (:mod:`citygrid_plugin.layouts`): a Chinese title from
the place, period and theme (e.g. "锦江区 2026年11月 案件密度（按单元网格）"), a subtitle with the
figures behind it, legend, scale bar, north arrow, "制图日期" and "数据来源：<district>数字城管数据库
（CityGrid）". Street and community boundaries with their names are drawn over the theme; the
store's 1:500 base map can be drawn under it.

The layer builders (:func:`load_context`, :func:`build_theme`, :func:`map_layers`) are used by
``citygrid:monthlyreport`` as well, which puts the same maps into its PDF.

Refused with the reason, nothing written: a period without a reported case (cases, hot spots),
nothing due for handling anywhere (on-time rate), no active unit grids, an area that is not in
the store, a department that does not exist, an output that is not .pdf/.png.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProject,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime, Qt, QVariant
from qgis.PyQt.QtGui import QColor, QFont

from ..core import evaluation as ev
from ..core import hotspots as hs
from ..core.casefilter import CST, CaseFilter, FilterError
from ..core.i18n import tr
from ..store import analysis
from ..store.db import StoreError, reading
from .alg_evaluation import PeriodAlgorithm
from .base import CONNECTION, SERVICE

THEMES = ("cases", "on_time", "census", "hotspots")
UNITS = ("community", "street")
CLASSIFICATIONS = ("jenks", "quantile")
PAPERS = ("A4", "A3")
ORIENTATIONS = ("landscape", "portrait")
ZERO_COLOR = "#ffffff"
BASEMAP_THEME_OPACITY = 0.7


class MapError(RuntimeError):
    """A map that cannot be drawn or would mislead; the message says why and what to change."""


def theme_label(theme: str) -> str:
    return {"cases": tr("case density per unit grid"), "on_time": tr("on-time handling rate by territory"),
            "census": tr("component census coverage"), "hotspots": tr("hot spots (Gi*)")}[theme]


# -- period and place ------------------------------------------------------------------------------
def period_label(start: datetime, end: datetime) -> str:
    """"2026年11月" for a calendar month, "2026-11-03 至 2026-11-20" otherwise (end exclusive)."""
    start, end = start.astimezone(CST), end.astimezone(CST)
    if (start.day, start.hour, start.minute, start.second) == (1, 0, 0, 0) and end == ev.shift_months(start, 1):
        return tr("{month}/{year}").format(month=start.month, year=start.year)
    last = end - timedelta(microseconds=1)
    return tr("{start} to {end}").format(start=f"{start:%Y-%m-%d}", end=f"{last:%Y-%m-%d}")


def qdatetime(value: datetime) -> QDateTime:
    """A QDateTime at the same instant with the same UTC offset (what Processing parameters take)."""
    offset = int(value.utcoffset().total_seconds()) if value.utcoffset() is not None else 8 * 3600
    return QDateTime.fromMSecsSinceEpoch(int(round(value.timestamp() * 1000)), Qt.OffsetFromUTC, offset)


@dataclass
class MapContext:
    """What every map of one store and area needs, loaded once: the CRS, the place name, the
    source line, the street and community boundaries (memory layers) and the optional base map."""

    srid: int
    area: str
    place: str
    district: str
    source: str
    streets: QgsVectorLayer
    communities: QgsVectorLayer
    basemap: list[QgsVectorLayer] = field(default_factory=list)

    @property
    def crs(self) -> QgsCoordinateReferenceSystem:
        return QgsCoordinateReferenceSystem(f"EPSG:{self.srid}")


@dataclass
class ThemeMap:
    """One theme ready for a layout: the styled layer, titles and the figures behind it."""

    theme: str
    layer: QgsVectorLayer
    title: str                 # e.g. "锦江区 2026年11月 案件密度（按单元网格）"
    atlas_title: str           # the same with "{name}" standing for the street's name
    subtitle: str
    context: list[QgsVectorLayer]
    figures: dict = field(default_factory=dict)
    street_notes: dict[str, str] = field(default_factory=dict)  # street code → the atlas page's subtitle

    def legend_layers(self) -> list[QgsVectorLayer]:
        return [self.layer] + self.context


def _fetch(conn, sql: str, args: Sequence = ()) -> list[tuple]:
    with reading(conn) as cur:
        cur.execute(sql, list(args))
        return cur.fetchall()


def memory_layer(geometry: str, srid: int, name: str, fields: Sequence[tuple[str, QVariant.Type]],
                 rows: Iterable[tuple[Sequence, bytes | QgsGeometry | None]]) -> QgsVectorLayer:
    """A memory layer in EPSG:*srid* with *fields* and one feature per (attributes, geometry) row,
    the geometry as WKB (from the store) or a QgsGeometry."""
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:{srid}", name, "memory")
    layer.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{srid}"))
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(n, kind) for n, kind in fields])
    layer.updateFields()
    qfields = layer.fields()
    features = []
    for attributes, wkb in rows:
        feature = QgsFeature(qfields)
        feature.setAttributes(list(attributes))
        if isinstance(wkb, QgsGeometry):
            feature.setGeometry(wkb)
        elif wkb is not None:
            geom = QgsGeometry()
            geom.fromWkb(bytes(wkb))
            feature.setGeometry(geom)
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    return layer


def _styled(layer: QgsVectorLayer, style: str) -> QgsVectorLayer:
    from ..layers import apply_style

    apply_style(layer, style)
    return layer


def _prioritise_labels(layer: QgsVectorLayer, priority: int) -> None:
    """Street and community names win over the theme's labels (grid counts) where they collide."""
    from qgis.core import QgsPalLayerSettings, QgsVectorLayerSimpleLabeling

    labeling = layer.labeling()
    if isinstance(labeling, QgsVectorLayerSimpleLabeling):
        settings = QgsPalLayerSettings(labeling.settings())
        settings.priority = priority
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))


def load_context(conn, srid: int, area: str = "", basemap: bool = False) -> MapContext:
    """Street and community boundaries of *area* (a 6-digit district, 9-digit street or 12-digit
    community code; empty: the whole store), the place name and the source line. Refuses an area
    the store does not hold."""
    districts = dict(_fetch(conn, "SELECT code, name FROM citygrid.district ORDER BY code"))
    if not districts:
        raise MapError(tr("the store holds no district yet: import the divisions first (Import administrative "
                          "divisions)"))
    streets = _fetch(conn, "SELECT full_code, name, district_code, ST_AsBinary(ST_Multi(boundary)) "
                           "FROM citygrid.street WHERE boundary IS NOT NULL AND left(full_code, %s) = %s "
                           "ORDER BY full_code",
                     [min(len(area), 9), area[:9]])
    communities = _fetch(conn, "SELECT full_code, name, district_code || street_code, "
                               "ST_AsBinary(ST_Multi(boundary)) FROM citygrid.community "
                               "WHERE boundary IS NOT NULL AND left(full_code, %s) = %s ORDER BY full_code",
                         [min(len(area), 12), area[:12]])
    district_names = [districts[c] for c in sorted(districts) if not area or c == area[:6]]
    if area and (not district_names or (len(area) >= 9 and not streets)
                 or (len(area) == 12 and not communities)):
        raise MapError(tr("area {area} is not a district, street or community of this store; leave it empty for "
                          "the whole store or give one of the codes in the store's streets and communities").format(
            area=area))
    place = "、".join(district_names)
    if len(area) >= 9:
        place += next(r[1] for r in streets)
    if len(area) == 12:
        place += next(r[1] for r in communities)
    street_layer = memory_layer("MultiPolygon", srid, tr("Street boundaries"),
                                [("code", QVariant.String), ("name", QVariant.String),
                                 ("district", QVariant.String)],
                                ((r[:3], r[3]) for r in streets))
    community_layer = memory_layer("MultiPolygon", srid, tr("Community boundaries"),
                                   [("code", QVariant.String), ("name", QVariant.String),
                                    ("street", QVariant.String)],
                                   ((r[:3], r[3]) for r in communities))
    _prioritise_labels(_styled(street_layer, "street"), 10)
    _prioritise_labels(_styled(community_layer, "community_outline"), 9)
    district = "、".join(district_names)
    ctx = MapContext(srid, area, place, district,
                     tr("{district} digital urban management store (CityGrid)").format(district=district),
                     street_layer, community_layer)
    if basemap:
        ctx.basemap = _basemap_layers(conn, srid, community_layer)
    return ctx


def _basemap_layers(conn, srid: int, frame: QgsVectorLayer) -> list[QgsVectorLayer]:
    """The store's 1:500 base map (areas and lines imported from CAD) inside *frame*'s extent."""
    extent = frame.extent()
    if extent.isNull():
        return []
    box = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum(), srid]
    out = []
    for table, geometry, style, title in (("basemap_polygon", "MultiPolygon", "basemap_polygon", tr("Base map areas")),
                                          ("basemap_line", "MultiLineString", "basemap_line", tr("Base map lines"))):
        rows = _fetch(conn, f"SELECT kind, ST_AsBinary(geom) FROM citygrid.{table} "  # nosec B608
                            "WHERE geom && ST_MakeEnvelope(%s, %s, %s, %s, %s)", box)
        if rows:
            layer = memory_layer(geometry, srid, title, [("kind", QVariant.String)], (([k], g) for k, g in rows))
            out.append(_styled(layer, style))
    return out


def store_params(parameters: dict) -> dict:
    """The store parameters of *parameters*, to hand to a child algorithm."""
    return {k: parameters[k] for k in (CONNECTION, SERVICE) if parameters.get(k) not in (None, "")}


# -- classes -------------------------------------------------------------------------------------
def _jenks_uppers(values: np.ndarray, weights: np.ndarray, k: int) -> list[float]:
    """Upper bounds of the *k* classes of sorted distinct *values* (with *weights*: how many grids
    hold each) that minimise the weighted squared deviation within classes — Fisher's exact
    optimisation, which Jenks natural breaks approximates. Deterministic (QGIS's own Jenks
    samples 3,000 values at random above that size)."""
    n = len(values)
    cw = np.concatenate([[0.0], np.cumsum(weights)])
    cx = np.concatenate([[0.0], np.cumsum(weights * values)])
    cxx = np.concatenate([[0.0], np.cumsum(weights * values * values)])
    cost = np.full((k + 1, n + 1), np.inf)
    cost[0, 0] = 0.0
    back = np.zeros((k + 1, n + 1), dtype=int)
    for c in range(1, k + 1):
        for j in range(c, n + 1):
            i = np.arange(c - 1, j)
            w = cw[j] - cw[i]
            s = cx[j] - cx[i]
            total = cost[c - 1, i] + (cxx[j] - cxx[i] - s * s / w)
            best = int(np.argmin(total))
            cost[c, j], back[c, j] = total[best], i[best]
    uppers, j = [], n
    for c in range(k, 0, -1):
        uppers.append(float(values[j - 1]))
        j = back[c, j]
    return uppers[::-1]


def class_breaks(values: Iterable[float], method: str = "jenks", classes: int = 5) -> list[tuple[float, float]]:
    """(low, high) ranges of the positive *values* (counts) in at most *classes* classes, by
    Jenks natural breaks or quantiles; each range starts at the next value present after the
    previous one ends. Zero is left out (grids without a case get their own class)."""
    if method not in CLASSIFICATIONS:
        raise MapError(tr("unknown classification '{method}': use jenks or quantile").format(method=method))
    positive = np.sort(np.asarray([v for v in values if v > 0], dtype=float))
    if not len(positive):
        return []
    distinct, weights = np.unique(positive, return_counts=True)
    k = max(1, min(int(classes), len(distinct)))
    if method == "jenks":
        uppers = _jenks_uppers(distinct, weights.astype(float), k)
    else:
        uppers = []
        for q in range(1, k + 1):
            value = float(positive[max(0, math.ceil(len(positive) * q / k) - 1)])
            if not uppers or value > uppers[-1]:
                uppers.append(value)
    ranges, low = [], float(distinct[0])
    for upper in uppers:
        ranges.append((low, upper))
        above = distinct[distinct > upper]
        low = float(above[0]) if len(above) else upper
    return ranges


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


# -- the themes -----------------------------------------------------------------------------------
def _titles(theme_title: str, place: str, period: str) -> tuple[str, str]:
    return theme_title.format(place=place, period=period), theme_title.format(place="{name}", period=period)


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
    _styled(layer, "grid_case_counts")
    ranges = class_breaks(counts, method, classes)
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
    _styled(layer, "community_on_time")
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


def _unlabelled(layer: QgsVectorLayer) -> QgsVectorLayer:
    """A copy of a context layer without labels (the theme labels the same polygons)."""
    clone = layer.clone()
    clone.setLabelsEnabled(False)
    return clone


CENSUS_STATUS = ("surveyed", "components", "none")


def census_map(conn, ctx: MapContext, as_of: datetime | None = None) -> ThemeMap:
    """Census coverage (部件普查) of the area's active unit grids, as it stands now."""
    try:
        rows = _fetch(conn, "SELECT grid_code, components, surveyed, ST_AsBinary(geom) "
                            "FROM citygrid.grid_census_progress WHERE left(grid_code, %s) = %s ORDER BY grid_code",
                      [len(ctx.area), ctx.area])
    except StoreError as exc:
        raise MapError(str(exc)) from exc
    if not rows:
        raise MapError(tr("the store holds no active unit grids in {place}: partition and code the grids first")
                       .format(place=ctx.place))
    tally = dict.fromkeys(CENSUS_STATUS, 0)
    features = []
    for code, components, surveyed, wkb in rows:
        status = "surveyed" if surveyed else ("components" if components else "none")
        tally[status] += 1
        features.append(([code, int(components or 0), bool(surveyed), status], wkb))
    layer = memory_layer("Polygon", ctx.srid, tr("Census coverage"),
                         [("grid_code", QVariant.String), ("components", QVariant.Int),
                          ("surveyed", QVariant.Bool), ("status", QVariant.String)], features)
    _styled(layer, "census_coverage")
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


def hotspot_map(ctx: MapContext, start: datetime, end: datetime, parameters: dict, context, feedback) -> ThemeMap:
    """Gi* hot spots of the cases reported in [start, end): ``citygrid:hotspots`` run as a child
    algorithm with the store of *parameters* (its defaults: automatic distance band, FDR), so the
    map shows exactly what that algorithm computes, and refuses what it refuses."""
    alg = QgsApplication.processingRegistry().createAlgorithmById("citygrid:hotspots")
    if alg is None:
        raise MapError(tr("the algorithm citygrid:hotspots is not available: reinstall or re-enable the CityGrid "
                          "plugin"))
    child = {**store_params(parameters), "START": qdatetime(start), "END": qdatetime(end),
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
    _styled(layer, "hotspots")
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
                parameters: dict | None = None, context=None, feedback=None) -> ThemeMap:
    """The :class:`ThemeMap` of *theme* (one of :data:`THEMES`); the on-time theme evaluates the
    period unless an *evaluation* of it is given, the hot spot theme needs the algorithm's
    *parameters*, *context* and *feedback* (it runs citygrid:hotspots)."""
    if theme == "cases":
        return case_counts_map(conn, ctx, start, end, method, classes)
    if theme == "on_time":
        if evaluation is None:
            from ..store.evaluation import evaluate_period

            try:
                evaluation = evaluate_period(conn, start, end, ctx.area)
            except (StoreError, ev.EvaluationError) as exc:
                raise MapError(str(exc)) from exc
        return on_time_map(evaluation, ctx, unit, department)
    if theme == "census":
        return census_map(conn, ctx)
    if theme == "hotspots":
        return hotspot_map(ctx, start, end, parameters or {}, context, feedback)
    raise MapError(tr("unknown theme '{theme}': use one of {choices}").format(theme=theme, choices=", ".join(THEMES)))


def atlas_coverage(ctx: MapContext, theme: ThemeMap) -> QgsVectorLayer:
    """The atlas's pages: the streets of the area, each with its figures as ``note`` (the page's
    subtitle). Not drawn: the map shows the boundaries layer."""
    rows = [([f["code"], f["name"], theme.street_notes.get(f["code"], "")], QgsGeometry(f.geometry()))
            for f in ctx.streets.getFeatures()]
    return memory_layer("MultiPolygon", ctx.srid, ctx.streets.name(),
                        [("code", QVariant.String), ("name", QVariant.String), ("note", QVariant.String)], rows)


def map_layers(ctx: MapContext, theme: ThemeMap) -> list[QgsVectorLayer]:
    """The layers of a map, top first: boundaries and names, the theme, the base map (under a
    theme made translucent so that the base map shows through)."""
    if ctx.basemap:
        theme.layer.setOpacity(BASEMAP_THEME_OPACITY)
    return list(theme.context) + [theme.layer] + list(ctx.basemap)


_FITTED_IDS = re.compile(r"^(title|subtitle|source)(_\d+)?$")


def _text_mm(font: QFont, size_pt: float, text: str) -> float:
    """Width in mm of the widest line of *text* in *font* at *size_pt* (measured in 0.1 mm units,
    as the layouts module does)."""
    from qgis.PyQt.QtGui import QFontMetricsF

    probe = QFont(font)
    probe.setPixelSize(max(1, round(size_pt * 0.352778 * 10)))
    return max(QFontMetricsF(probe).horizontalAdvance(line) for line in text.split("\n")) / 10


def fit_text(layout) -> None:
    """Shrink the title, subtitle and source labels of *layout* whose text is wider than their box
    (down to 60 % of the template's size), so a long place name or an English subtitle stays on
    one line instead of spilling over the map."""
    from qgis.core import QgsLayoutItemLabel

    for item in layout.items():
        if not isinstance(item, QgsLayoutItemLabel) or not _FITTED_IDS.match(item.id() or ""):
            continue
        text = item.text()
        if not text or "[%" in text:
            continue
        font = item.font()
        size = original = font.pointSizeF()
        width = item.rect().width() * 0.98

        while _text_mm(font, size, text) > width and size > original * 0.6:
            size *= 0.95
        if size != original:
            font.setPointSizeF(size)
            item.setFont(font)


def theme_extent(theme: ThemeMap):
    """The map's extent: the theme's features with 5 % around them (the base map and boundaries
    reach further and must not widen the map)."""
    extent = theme.layer.extent()
    return extent.buffered(max(extent.width(), extent.height()) * 0.05)


def prepare_project(ctx: MapContext) -> QgsProject:
    """A private project in the store's CRS for the layouts (never the user's project)."""
    project = QgsProject()
    project.setCrs(ctx.crs)
    return project


# -- the algorithms -------------------------------------------------------------------------------
class MapAlgorithm(PeriodAlgorithm):
    """Shared parameters and steps of the thematic map and the atlas."""

    _group_id = "evaluation"
    output_filter = "PDF (*.pdf);;PNG (*.png)"

    def flags(self):
        # print layouts render in the main thread (as QGIS's own layout algorithms do)
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def add_map_parameters(self, output_label: str) -> None:
        self.add_period_parameters()
        self.addParameter(QgsProcessingParameterEnum("THEME", tr("Theme"), options=[theme_label(t) for t in THEMES],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            "UNIT", tr("Territory of the on-time rate"), options=[tr("communities"), tr("streets")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            "DEPARTMENT", tr("On-time rate of one department only (department code; empty: all)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "CLASSIFICATION", tr("Classes of the case counts"), options=[tr("Jenks natural breaks"), tr("quantiles")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber("CLASSES", tr("Number of classes"),
                                                       QgsProcessingParameterNumber.Integer, 5, minValue=2,
                                                       maxValue=9))
        self.addParameter(QgsProcessingParameterBoolean("BASEMAP", tr("Draw the store's 1:500 base map underneath"),
                                                        defaultValue=False))
        self.addParameter(QgsProcessingParameterEnum("PAPER", tr("Paper"), options=list(PAPERS), defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum("ORIENTATION", tr("Orientation"),
                                                     options=[tr("landscape"), tr("portrait")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber("DPI", tr("Resolution (dpi)"),
                                                       QgsProcessingParameterNumber.Integer, 300, minValue=72,
                                                       maxValue=1200))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT", output_label, fileFilter=self.output_filter))
        self.addOutput(QgsProcessingOutputString("TITLE", tr("Map title")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages")))
        self.addOutput(QgsProcessingOutputString("FILES", tr("Files written")))

    def output_path(self, parameters, context) -> Path:
        path = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        if path.suffix.lower() not in (".pdf", ".png"):
            raise QgsProcessingException(tr("the map goes to a .pdf or .png file, not {path}: change the output file "
                                            "name").format(path=path))
        return path

    def build(self, parameters, context, feedback):
        """(theme map, map context, project) from the parameters; refusals as QgsProcessingException."""
        theme = THEMES[self.parameterAsEnum(parameters, "THEME", context)]
        start, end, area = self.period(parameters, context)
        try:
            ev.period_cutoff(start, end, datetime.now(CST))  # an empty period or one in the future
        except ev.EvaluationError as exc:
            raise QgsProcessingException(str(exc)) from exc
        feedback.setProgress(5)
        target, conn = self.open_store(parameters, context, feedback)
        try:
            srid = self.store_srid(conn, target)
            try:
                ctx = load_context(conn, srid, area, self.parameterAsBoolean(parameters, "BASEMAP", context))
                if feedback.isCanceled():
                    return None
                feedback.setProgress(15)
                themed = build_theme(
                    theme, conn, ctx, start, end, unit=UNITS[self.parameterAsEnum(parameters, "UNIT", context)],
                    department=(self.parameterAsString(parameters, "DEPARTMENT", context) or "").strip(),
                    method=CLASSIFICATIONS[self.parameterAsEnum(parameters, "CLASSIFICATION", context)],
                    classes=self.parameterAsInt(parameters, "CLASSES", context), parameters=parameters,
                    context=context, feedback=feedback)
            except (MapError, StoreError, ev.EvaluationError) as exc:
                raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        feedback.setProgress(40)
        feedback.pushInfo(f"{themed.title}: {themed.subtitle}")
        return themed, ctx, prepare_project(ctx)

    def paper(self, parameters, context) -> tuple[str, str, int]:
        return (PAPERS[self.parameterAsEnum(parameters, "PAPER", context)],
                ORIENTATIONS[self.parameterAsEnum(parameters, "ORIENTATION", context)],
                self.parameterAsInt(parameters, "DPI", context))


class ThematicMapAlgorithm(MapAlgorithm):
    _id = "thematicmap"

    def displayName(self) -> str:  # noqa: N802
        return tr("Thematic map (PDF/PNG)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "A printed thematic map of a month (or any period) of the store, for the whole store or one district, "
            "street or community: case density per unit grid (graduated, Jenks natural breaks or quantiles, counts "
            "labelled at large scales), the on-time handling rate of the cases in each community or street (all "
            "departments, or one; communities with nothing due hatched grey), the component census coverage, or "
            "the hot spots of the period (Gi*, computed by “Hot spots per unit grid”). A4 or A3, landscape or "
            "portrait, PDF (vector, fonts embedded, Chinese text searchable) or PNG at the chosen resolution "
            "(default 300 dpi). Title, subtitle, legend, scale bar, north arrow, map date and data source on the "
            "page; street and community boundaries with their names; the store's 1:500 base map optional. The "
            "map is built from the store alone, not from the current project. Refused with the reason when "
            "there is nothing to map (no case reported in the period, nothing due for handling).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_map_parameters(tr("Map file"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..layouts import LayoutError, export_layout, thematic_layout

        path = self.output_path(parameters, context)
        paper, orientation, dpi = self.paper(parameters, context)
        built = self.build(parameters, context, feedback)
        if built is None:
            return {}
        themed, ctx, project = built
        try:
            layout = thematic_layout(project, map_layers(ctx, themed), title=themed.title, subtitle=themed.subtitle,
                                     source=ctx.source, paper=paper, orientation=orientation,
                                     extent=theme_extent(themed), legend_layers=themed.legend_layers())
            fit_text(layout)
            feedback.setProgress(60)
            if feedback.isCanceled():
                return {}
            export_layout(layout, path, dpi)
        except LayoutError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            project.clear()
        feedback.setProgress(100)
        feedback.pushInfo(tr("Written: {path}").format(path=path))
        return {"OUTPUT": str(path), "TITLE": themed.title, "PAGES": 1, "FILES": str(path)}


class StreetAtlasAlgorithm(MapAlgorithm):
    _id = "streetatlas"

    def displayName(self) -> str:  # noqa: N802
        return tr("Atlas: one page per street")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The thematic map of a period (case density per unit grid, on-time handling rate by community or "
            "street, census coverage or hot spots — as in “Thematic map”) with one page per street (街道) of the "
            "store (or of the district or street given as area), in street code order: the map zooms to the "
            "street, dims everything around it and titles the page with the street's name. One multi-page PDF, "
            "or with a .png file name one PNG per street in a folder of that name (atlas.png → atlas/01_<street>"
            ".png …). Classes and colours are the same on every page, computed over the whole area.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_map_parameters(tr("Atlas file (PDF, or PNG pages)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..layouts import LayoutError, export_atlas

        path = self.output_path(parameters, context)
        paper, orientation, dpi = self.paper(parameters, context)
        built = self.build(parameters, context, feedback)
        if built is None:
            return {}
        themed, ctx, project = built
        streets = atlas_coverage(ctx, themed)  # of the area (a community's atlas: its street's page)
        if not streets.featureCount():
            project.clear()
            raise QgsProcessingException(tr("no street of {place} has a boundary: import the divisions with their "
                                            "boundaries first").format(place=ctx.place))
        target = path if path.suffix.lower() == ".pdf" else path.with_suffix("")
        pages = streets.featureCount()
        feedback.pushInfo(tr("{n} pages, one per street").format(n=pages))
        try:
            written = export_atlas(project, map_layers(ctx, themed), streets, name_expression='"name"',
                                   title_template=themed.atlas_title, path=target, paper=paper,
                                   orientation=orientation, dpi=dpi, sort_expression='"code"',
                                   subtitle='[% "note" %]', source=ctx.source,
                                   legend_layers=themed.legend_layers())
        except LayoutError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            project.clear()
        feedback.setProgress(100)
        for p in written:
            feedback.pushInfo(tr("Written: {path}").format(path=p))
        return {"OUTPUT": str(target), "TITLE": themed.atlas_title, "PAGES": pages,
                "FILES": ";".join(str(p) for p in written)}

