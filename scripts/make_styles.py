#!/usr/bin/env python3
"""Regenerate styles/*.qml (`make styles`): the layer styles of the store and the base map.

The styles are written by code so they stay consistent (one CJK font, one palette) and can be
reviewed as a diff; hand edits in QGIS are fine too, as long as this script is updated.
Labels use Noto Sans CJK SC (Debian fonts-noto-cjk, installed by make setup) so Chinese
renders in maps and PDFs.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CJK_FONT = "Noto Sans CJK SC"


MAJOR_COLORS = {"01": "#1f77b4", "02": "#d62728", "03": "#8c564b", "04": "#2ca02c", "05": "#9467bd",
                "06": "#ff7f0e"}


def marker_shape(name: str) -> str:
    """A marker per kind of component, readable at 1:500: covers round, lamps stars, signs
    triangles, boxes and kiosks squares, trees green circles."""
    if "井盖" in name or "箅子" in name or "井" in name:
        return "circle"
    if "灯" in name:
        return "star"
    if "牌" in name or "标志" in name:
        return "triangle"
    if "亭" in name or "箱" in name or "机" in name:
        return "square"
    if "树" in name:
        return "circle"
    return "diamond"


def component_styles(save, labels) -> None:
    """Components: one category per class of the 2013 profile (colour by major class), codes
    labelled below 1:1,000."""
    import csv

    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsLineSymbol,
        QgsMarkerSymbol,
        QgsRendererCategory,
    )

    with open(ROOT / "citygrid_plugin" / "resources" / "data" / "component_classes_2013.csv",
              encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_type = {"point": [], "line": [], "polygon": []}
    for row in rows:
        color = MAJOR_COLORS.get(row["major_code"], "#555555")
        label = f"{row['code']} {row['name']}"
        if row["geometry_type"] == "point":
            shape = marker_shape(row["name"])
            fill = "#2ca02c" if "树" in row["name"] else color
            symbol = QgsMarkerSymbol.createSimple({"name": shape, "color": fill, "outline_color": "#ffffff",
                                                   "outline_width": "0.2", "size": "2.6"})
        elif row["geometry_type"] == "line":
            symbol = QgsLineSymbol.createSimple({"line_color": color, "line_width": "0.6", "line_style": "dash"})
        else:
            symbol = QgsFillSymbol.createSimple({"color": color + "55", "outline_color": color,
                                                 "outline_width": "0.4"})
        by_type[row["geometry_type"]].append(QgsRendererCategory(row["code"], symbol, label))
    code_labels = labels("\"code\"", 6.5, "#333333", min_scale=1000)
    save("Point", "components_point", QgsCategorizedSymbolRenderer("class_code", by_type["point"]), code_labels)
    save("LineString", "components_line", QgsCategorizedSymbolRenderer("class_code", by_type["line"]),
         labels("\"code\"", 6.5, "#333333", min_scale=1000))
    save("Polygon", "components_polygon", QgsCategorizedSymbolRenderer("class_code", by_type["polygon"]),
         labels("\"code\"", 6.5, "#333333", min_scale=1000))


def basemap_styles(out: Path) -> None:
    """The 1:500 base map imported from CAD (citygrid:importdxf): lines and polygons categorised
    by kind, annotations (注记) labelled from their text with the drawing's height (map units)
    and angle, so they sit where the survey office put them. Widths are millimetres on paper,
    chosen for reading at 1:500; annotations show from 1:2,500 in."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsLineSymbol,
        QgsNullSymbolRenderer,
        QgsPalLayerSettings,
        QgsProperty,
        QgsRendererCategory,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsUnitTypes,
        QgsVectorLayer,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    def write(geom: str, name: str, renderer, labeling=None, max_denominator: float = 0) -> None:
        layer = QgsVectorLayer(f"{geom}?crs=EPSG:4544&field=kind:string&field=text:string"
                               "&field=height:double&field=angle:double", name, "memory")
        layer.setRenderer(renderer)
        if labeling is not None:
            layer.setLabeling(labeling)
            layer.setLabelsEnabled(True)
        if max_denominator:
            layer.setScaleBasedVisibility(True)
            layer.setMinimumScale(max_denominator)  # QGIS: the most zoomed-out scale shown
            layer.setMaximumScale(0)
        msg, ok = layer.saveNamedStyle(str(out / f"{name}.qml"))
        if not ok:
            raise SystemExit(f"could not write {name}.qml: {msg}")
        print(f"styles/{name}.qml")

    titles = {"road": "道路 road", "building": "房屋 building", "water": "水系 water",
              "vegetation": "植被 vegetation", "boundary": "境界 boundary", "annotation": "注记 annotation",
              "other": "其他 other"}
    lines = {"road": {"line_color": "#7f7f7f", "line_width": "0.25"},
             "building": {"line_color": "#8b6b4a", "line_width": "0.2"},
             "water": {"line_color": "#2f7fd0", "line_width": "0.3"},
             "vegetation": {"line_color": "#5a9a3a", "line_width": "0.18", "line_style": "dot"},
             "boundary": {"line_color": "#7b3f9e", "line_width": "0.45", "line_style": "dash"},
             "annotation": {"line_color": "#555555", "line_width": "0.13"},
             "other": {"line_color": "#b3b3b3", "line_width": "0.13"}}
    write("MultiLineString", "basemap_line", QgsCategorizedSymbolRenderer("kind", [
        QgsRendererCategory(k, QgsLineSymbol.createSimple(v), titles[k]) for k, v in lines.items()]))
    areas = {"building": {"color": "#eadbc8", "outline_color": "#8b6b4a", "outline_width": "0.2"},
             "water": {"color": "#c6e2f7", "outline_color": "#2f7fd0", "outline_width": "0.2"},
             "vegetation": {"color": "#dcefd0", "outline_color": "#5a9a3a", "outline_width": "0.15"},
             "road": {"color": "#f4f4f4", "outline_color": "#9a9a9a", "outline_width": "0.15"},
             "boundary": {"color": "0,0,0,0", "outline_color": "#7b3f9e", "outline_width": "0.45",
                          "outline_style": "dash"},
             "annotation": {"color": "0,0,0,0", "outline_color": "#555555", "outline_width": "0.13"},
             "other": {"color": "#efefef", "outline_color": "#b3b3b3", "outline_width": "0.13"}}
    write("MultiPolygon", "basemap_polygon", QgsCategorizedSymbolRenderer("kind", [
        QgsRendererCategory(k, QgsFillSymbol.createSimple(v), titles[k]) for k, v in areas.items()]))

    fmt = QgsTextFormat()
    fmt.setFont(QFont(CJK_FONT))
    fmt.setSize(2.0)  # map units (metres) when a text has no height
    fmt.setSizeUnit(QgsUnitTypes.RenderMapUnits)
    fmt.setColor(QColor("#1a1a1a"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.6)
    buffer.setColor(QColor(255, 255, 255, 220))
    fmt.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = "text"
    settings.isExpression = False
    settings.setFormat(fmt)
    settings.placement = QgsPalLayerSettings.OverPoint
    settings.quadOffset = QgsPalLayerSettings.QuadrantAboveRight  # CAD inserts text at its lower left
    settings.displayAll = True  # the survey office placed every annotation: show them all
    settings.scaleVisibility = True
    settings.minimumScale = 2500
    props = settings.dataDefinedProperties()
    props.setProperty(QgsPalLayerSettings.Size, QgsProperty.fromExpression('coalesce("height", 2.0)'))
    # CAD angles run counter-clockwise, QGIS label rotation clockwise
    props.setProperty(QgsPalLayerSettings.LabelRotation, QgsProperty.fromExpression('-coalesce("angle", 0)'))
    props.setProperty(QgsPalLayerSettings.Color, QgsProperty.fromExpression(
        "CASE \"kind\" WHEN 'water' THEN '#1f5fa8' WHEN 'vegetation' THEN '#3f7a28' "
        "WHEN 'boundary' THEN '#6a2c8e' ELSE '#1a1a1a' END"))
    settings.setDataDefinedProperties(props)
    write("Point", "basemap_text", QgsNullSymbolRenderer(), QgsVectorLayerSimpleLabeling(settings),
          max_denominator=2500)


CASE_STATES = (("reported", "待受理", "#1f77b4"), ("to_verify", "待核实", "#4a90d9"), ("accepted", "待立案", "#6baed6"),
               ("registered", "待派遣", "#ff7f0e"), ("returned", "退回待派遣", "#d95f02"),
               ("dispatched", "处置中", "#9467bd"), ("deferred", "挂账", "#7f7f7f"),
               ("handled", "待核查", "#17becf"), ("checked", "待结案", "#2ca02c"))


def case_styles(save, labels) -> None:
    """Open cases on the big screen (citygrid.case_queue): one rule per state (colour by stage:
    blues intake, orange waiting for dispatch, purple with the department, greens checking and
    closing), and overdue cases (``overdue``, the stage deadline passed) ringed by a large red
    halo drawn over them, their state labelled in red from 1:5,000 in. Sizes are for reading
    a wall screen from across the room."""
    from qgis.core import QgsMarkerSymbol, QgsRuleBasedRenderer

    root = QgsRuleBasedRenderer.Rule(None)
    for state, name, color in CASE_STATES:
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": color, "outline_color": "#ffffff",
                                               "outline_width": "0.4", "size": "3.6"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"\"state\" = '{state}'", f"{name} {state}"))
    halo = QgsMarkerSymbol.createSimple({"name": "circle", "color": "230,0,0,70", "outline_color": "#e60000",
                                         "outline_width": "0.9", "size": "7.5"})
    root.appendChild(QgsRuleBasedRenderer.Rule(halo, 0, 0, "\"overdue\"", "超期 overdue"))
    save("Point", "cases_live", QgsRuleBasedRenderer(root),
         labels("CASE WHEN \"overdue\" THEN \"state_zh\" END", 9, "#b00000", min_scale=5000))


HOTSPOT_BINS = ((3, "热点 99% 置信 hot spot 99 %", "#b2182b"), (2, "热点 95% 置信 hot spot 95 %", "#ef8a62"),
                (1, "热点 90% 置信 hot spot 90 %", "#fddbc7"), (0, "不显著 not significant", "#f2f2f2"),
                (-1, "冷点 90% 置信 cold spot 90 %", "#d1e5f0"), (-2, "冷点 95% 置信 cold spot 95 %", "#67a9cf"),
                (-3, "冷点 99% 置信 cold spot 99 %", "#2166ac"))
EMERGING = (("new_hot", "新增热点 new", "#fee08b"), ("consecutive_hot", "连续热点 consecutive", "#fdae61"),
            ("intensifying_hot", "加强热点 intensifying", "#a50026"),
            ("persistent_hot", "持续热点 persistent", "#d73027"),
            ("diminishing_hot", "减弱热点 diminishing", "#f46d43"), ("sporadic_hot", "零星热点 sporadic", "#fde0c5"),
            ("oscillating_hot", "振荡热点 oscillating", "#e9a3c9"),
            ("historical_hot", "历史热点 historical", "#bf9b7a"),
            ("new_cold", "新增冷点 new", "#e0f3f8"), ("consecutive_cold", "连续冷点 consecutive", "#abd9e9"),
            ("intensifying_cold", "加强冷点 intensifying", "#313695"),
            ("persistent_cold", "持续冷点 persistent", "#4575b4"),
            ("diminishing_cold", "减弱冷点 diminishing", "#74add1"),
            ("sporadic_cold", "零星冷点 sporadic", "#dfe9f3"),
            ("oscillating_cold", "振荡冷点 oscillating", "#a1d99b"),
            ("historical_cold", "历史冷点 historical", "#9e9ac8"),
            ("no_pattern", "无显著模式 no pattern", "#f2f2f2"))


def hotspot_styles(save, labels) -> None:
    """Gi* classes red (hot) to blue (cold) in the usual diverging colours, grids outlined thinly
    (citygrid:hotspots); emerging hot spot patterns: hot patterns in warm colours, the strongest
    (intensifying, persistent) darkest, cold patterns in cool colours (citygrid:emerginghotspots)."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory

    def fill(color: str):
        return QgsFillSymbol.createSimple({"color": color, "outline_color": "#9a9a9a", "outline_width": "0.1"})

    save("Polygon", "hotspots", QgsCategorizedSymbolRenderer("gi_bin", [
        QgsRendererCategory(b, fill(c), label) for b, label, c in HOTSPOT_BINS]))
    save("Polygon", "emerging_hotspots", QgsCategorizedSymbolRenderer("pattern", [
        QgsRendererCategory(code, fill(c), label) for code, label, c in EMERGING]))


CASE_COUNT_RAMP = ("#fff3b0", "#fed976", "#fd8d3c", "#e31a1c", "#800026")  # yellow → dark red
ON_TIME_CLASSES = ((95, None, "≥ 95%", "#1a9850"), (90, 95, "90% – 95%", "#91cf60"), (80, 90, "80% – 90%", "#fee08b"),
                   (60, 80, "60% – 80%", "#fc8d59"), (None, 60, "< 60%", "#d73027"))
# grid labels only inside the street of an atlas page (everywhere outside an atlas)
ON_ATLAS_PAGE = "(@atlas_geometry IS NULL OR contains(@atlas_geometry, point_on_surface($geometry)))"
CENSUS_STATUS = (("surveyed", "已普查 surveyed", "#2ca02c"),
                 ("components", "有部件、未确认普查 components, not confirmed", "#fdd49e"),
                 ("none", "未普查 no components", "#d9d9d9"))


def thematic_map_styles(save, labels) -> None:
    """The thematic maps of citygrid:thematicmap, citygrid:streetatlas and the monthly report
    (citygrid_plugin/processing/alg_maps.py), on the memory layers those build:

    - ``grid_case_counts``: cases per unit grid (field ``cases``), graduated yellow to dark red;
      the code recomputes the classes (Jenks or quantiles) on each map and gives grids without a
      case their own white class, keeping this ramp, outline and labels (non-zero counts from
      1:20,000 in; on an atlas page only inside its street);
    - ``community_on_time``: the on-time handling rate (按期处置率, field ``rate`` in %) of a
      community or street, fixed classes so months compare (≥ 95 % dark green … < 60 % red);
      nothing due (``rate`` NULL) hatched grey; labelled with the name and the rate;
    - ``census_coverage``: census coverage per grid (field ``status``: surveyed, components but
      not confirmed, none), labelled with the component count from 1:20,000 in;
    - ``community_outline``: community boundaries and names as context over a thematic layer
      (no fill)."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsGradientColorRamp,
        QgsGradientStop,
        QgsGraduatedSymbolRenderer,
        QgsLinePatternFillSymbolLayer,
        QgsLineSymbol,
        QgsRendererCategory,
        QgsRendererRange,
        QgsRuleBasedRenderer,
        QgsSingleSymbolRenderer,
    )
    from qgis.PyQt.QtGui import QColor

    def fill(color: str, outline: str = "#8c8c8c", width: str = "0.12"):
        return QgsFillSymbol.createSimple({"color": color, "outline_color": outline, "outline_width": width})

    stops = [QgsGradientStop(i / (len(CASE_COUNT_RAMP) - 1), QColor(c)) for i, c in enumerate(CASE_COUNT_RAMP)][1:-1]
    ramp = QgsGradientColorRamp(QColor(CASE_COUNT_RAMP[0]), QColor(CASE_COUNT_RAMP[-1]), False, stops)
    ranges = [QgsRendererRange(0, 0, fill("#ffffff"), "0"), QgsRendererRange(1, 5, fill(CASE_COUNT_RAMP[1]), "1 – 5"),
              QgsRendererRange(6, 20, fill(CASE_COUNT_RAMP[3]), "6 – 20")]
    counts = QgsGraduatedSymbolRenderer("cases", ranges)
    counts.setSourceSymbol(fill(CASE_COUNT_RAMP[0]))
    counts.setSourceColorRamp(ramp)
    save("Polygon", "grid_case_counts", counts,
         labels(f"CASE WHEN \"cases\" > 0 AND {ON_ATLAS_PAGE} THEN to_string(\"cases\") END", 6.5, "#3a2a00",
                min_scale=20000))

    # built from a default symbol, not QgsRuleBasedRenderer.Rule(None): under QGIS 3.22's bindings a
    # root rule made in Python corrupts the heap once the renderer is deleted
    rates = QgsRuleBasedRenderer(fill("#ececec"))
    root = rates.rootRule()
    for child in list(root.children()):
        root.removeChild(child)
    for low, high, label, color in ON_TIME_CLASSES:
        parts = [f'"rate" >= {low}' if low is not None else "", f'"rate" < {high}' if high is not None else ""]
        root.appendChild(QgsRuleBasedRenderer.Rule(fill(color, "#6b6b6b", "0.3"), 0, 0,
                                                   " AND ".join(p for p in parts if p), label))
    hatched = fill("#ececec", "#6b6b6b", "0.3")
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45)
    hatch.setDistance(1.6)
    hatch.setSubSymbol(QgsLineSymbol.createSimple({"line_color": "#9a9a9a", "line_width": "0.2"}))
    hatched.appendSymbolLayer(hatch)
    root.appendChild(QgsRuleBasedRenderer.Rule(hatched, 0, 0, '"rate" IS NULL', "无应处置案件 nothing due"))
    del root
    save("MultiPolygon", "community_on_time", rates,
         labels("\"name\" || '\\n' || CASE WHEN \"rate\" IS NULL THEN '—' ELSE format_number(\"rate\", 1) || '%' END",
                8, "#1f1f1f"))

    save("Polygon", "census_coverage", QgsCategorizedSymbolRenderer("status", [
        QgsRendererCategory(code, fill(color), label) for code, label, color in CENSUS_STATUS]),
        labels(f"CASE WHEN \"components\" > 0 AND {ON_ATLAS_PAGE} THEN to_string(\"components\") END", 6.5,
               "#1e4d1e", min_scale=20000))
    save("MultiPolygon", "community_outline", QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "style": "no", "outline_color": "#6b5200", "outline_width": "0.35", "outline_style": "dash"})),
        labels("name", 7.5, "#5c4600"))


def main() -> int:
    from citygrid_plugin.standalone import start_qgis

    start_qgis()
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsLineSymbol,
        QgsPalLayerSettings,
        QgsRendererCategory,
        QgsSingleSymbolRenderer,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayer,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    def labels(expression: str, size: float, color: str, min_scale: float = 0) -> QgsVectorLayerSimpleLabeling:
        fmt = QgsTextFormat()
        fmt.setFont(QFont(CJK_FONT))
        fmt.setSize(size)
        fmt.setColor(QColor(color))
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(1.0)
        buffer.setColor(QColor("white"))
        fmt.setBuffer(buffer)
        settings = QgsPalLayerSettings()
        settings.fieldName = expression
        settings.isExpression = True
        settings.setFormat(fmt)
        if min_scale:
            settings.scaleVisibility = True
            settings.minimumScale = min_scale
        return QgsVectorLayerSimpleLabeling(settings)

    out = ROOT / "styles"
    out.mkdir(exist_ok=True)

    def save(geom: str, name: str, renderer, labeling=None, opacity: float = 1.0) -> None:
        layer = QgsVectorLayer(f"{geom}?crs=EPSG:4544", name, "memory")
        layer.setRenderer(renderer)
        if labeling is not None:
            layer.setLabeling(labeling)
            layer.setLabelsEnabled(True)
        layer.setOpacity(opacity)
        msg, ok = layer.saveNamedStyle(str(out / f"{name}.qml"))
        if not ok:
            raise SystemExit(f"could not write {name}.qml: {msg}")
        print(f"styles/{name}.qml")

    save("MultiPolygon", "district", QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "#5a2d82", "outline_width": "1.2", "outline_style": "dash"})))
    save("MultiPolygon", "street", QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "#8e44ad", "outline_width": "0.8"})),
        labels("name", 12, "#5a2d82"))
    save("MultiPolygon", "community", QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "#fdf6e3", "outline_color": "#b58900", "outline_width": "0.4"})),
        labels("name || '\\n' || full_code", 9, "#7a5c00", min_scale=50000), opacity=0.6)

    save("Polygon", "grid", QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "#2f7f5f", "outline_width": "0.35"})),
        labels("CASE WHEN @map_scale < 2500 THEN \"code\" ELSE right(\"code\", 3) END", 8, "#1e5a41",
               min_scale=12000))
    save("Polygon", "census_progress", QgsCategorizedSymbolRenderer("surveyed", [
        QgsRendererCategory(True, QgsFillSymbol.createSimple({
            "color": "44,160,44,90", "outline_color": "#2ca02c", "outline_width": "0.3"}), "已普查 surveyed"),
        QgsRendererCategory(False, QgsFillSymbol.createSimple({
            "color": "200,200,200,90", "outline_color": "#999999", "outline_width": "0.3"}), "未普查 not surveyed")]),
        labels("\"components\"", 7, "#1e5a41", min_scale=12000))
    save("MultiPolygon", "grid_problems", QgsCategorizedSymbolRenderer("severity", [
        QgsRendererCategory("error", QgsFillSymbol.createSimple({
            "color": "214,39,40,120", "outline_color": "#d62728", "outline_width": "0.6"}), "错误 error"),
        QgsRendererCategory("warning", QgsFillSymbol.createSimple({
            "color": "255,160,0,90", "outline_color": "#ff9f00", "outline_width": "0.4"}), "警告 warning")]),
        labels("\"message\"", 8, "#8b1a1a", min_scale=5000))

    component_styles(save, labels)

    road_colors = {"主干路": ("#e8710a", 0.9), "次干路": ("#f2a541", 0.6), "支路": ("#9c9c9c", 0.4),
                   "街巷": ("#c8c8c8", 0.26)}
    cats = [QgsRendererCategory(k, QgsLineSymbol.createSimple({"line_color": c, "line_width": str(w)}), k)
            for k, (c, w) in road_colors.items()]
    save("LineString", "roads", QgsCategorizedSymbolRenderer("road_class", cats))
    surf = [QgsRendererCategory(k, QgsFillSymbol.createSimple({"color": "#f4f1ea", "outline_color": "#bdb8ad",
                                                                 "outline_width": "0.15"}), k)
            for k in road_colors]
    save("MultiPolygon", "road_surfaces", QgsCategorizedSymbolRenderer("road_class", surf))
    save("Polygon", "buildings", QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "#d9d0c9", "outline_color": "#a39389", "outline_width": "0.15"})),
        labels("floors || '层'", 7, "#6d5f55", min_scale=2500))
    basemap_styles(out)
    case_styles(save, labels)
    hotspot_styles(save, labels)
    thematic_map_styles(save, labels)
    return 0


if __name__ == "__main__":
    sys.exit(main())
