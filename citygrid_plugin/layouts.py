"""Print layouts: thematic maps (专题图), an atlas per street (街道), the monthly report PDF.

The building blocks Processing algorithms call; everything works offscreen (qgis_process,
tests) and needs no iface::

    layout = thematic_layout(project, [density, streets], title="锦江区案件密度",
                             subtitle="2026年11月", source="数字城管案件库")
    export_layout(layout, "out/density.pdf")                       # or .png, dpi=300
    export_atlas(project, [density, streets], streets, name_expression='"name"',
                 title_template="{name} 案件密度", path="out/streets.pdf")
    report = ReportBuilder(project, "锦江区数字城管月度综合评价报告（2026年11月）", source=...)
    report.add_cover(subtitle="2026年11月", lines=["编制单位：…"])
    report.add_table("各部门处置情况", headers, rows, note="注：…")
    report.add_image("案件趋势", charts.line_chart("out/trend.png", months, series, "月度案件趋势"))
    report.add_map("案件分布图", [density, streets])
    report.export("out/report.pdf")

Templates
    ``styles/thematic_<paper>_<orientation>.qpt`` for A4 and A3, landscape and portrait (four
    files, so a city can restyle each one in QGIS's layout designer; ``template=`` takes any
    other .qpt). Each holds one page and items with these ids, which the code looks up (keep
    them when restyling; :func:`load_template` names any that are missing):

    ``neat_frame`` (图廓, a rectangle), ``map``, ``title``, ``subtitle``, ``legend`` (图例),
    ``scalebar`` (metres, or kilometres when the map spans more than 8 km, labelled 米 / 千米),
    ``north_arrow`` (QGIS's default north arrow, grid north, rotating with the map), ``date``
    and ``source``. Legend, scale bar and north arrow are linked to the map.

    Landscape puts the legend in a panel right of the map, portrait in a three-column band below
    it; the scale bar sits inside the map's lower-left corner, the north arrow in its upper-right
    one. All text is Noto Sans CJK SC (WenQuanYi Micro Hei when Noto is missing; LayoutError
    naming fonts-noto-cjk when neither is installed). :func:`write_templates` writes the files
    from the design in this module (run it after changing the design).

Functions
    ``thematic_layout(project, layers, *, title, source, ...) -> QgsPrintLayout``
        one page: the layers, title, subtitle, legend of those layers, scale bar, north arrow,
        "制图日期：2026-12-01" (ISO dates: unambiguous in both languages) and "数据来源：…". The
        map frames the layers with a 5 % margin at a round scale (1:12 000, 1:15 000 …).
    ``export_layout(layout, path, dpi=300) -> Path``
        PDF or PNG by the suffix, exported into a temporary folder beside *path* and renamed
        into place, so a failure leaves no partial file. PNG sizes are rounded as print software
        does (A4 landscape at 300 dpi: 3508 × 2480 px; QGIS alone truncates to 3507).
    ``atlas_layout(...) -> QgsPrintLayout`` / ``export_atlas(...) -> list[Path]``
        one page per coverage feature (e.g. per street): one multi-page PDF, or one PNG per page
        in a folder; the map zooms to the feature and a mask layer whitens everything outside it.
    ``ReportBuilder(project, title, paper="A4", orientation="portrait")``
        ``add_cover``, ``add_text``, ``add_table`` (paginated, header repeated), ``add_image``
        (PNG/SVG charts from :mod:`citygrid_plugin.charts`), ``add_map`` (a thematic page, may
        be landscape in a portrait report); a header with the report title and the footer
        "第 n 页 / 共 m 页" on every page but the cover; ``export(path)`` writes one PDF. All
        pages are one QgsPrintLayout (``report.layout``), so it also opens in QGIS.

Layers passed in but not yet in *project* are added to it without a layer-tree node (a layout
only keeps weak references to its layers). Layer order follows QGIS's: the first layer is drawn
on top. Layers without geometry (lookup tables) and empty layers are left out of legends.

Two QGIS 3.22 / Qt 5 limits are worked around here:

* Table text wraps at spaces only, so Chinese cells would overflow their column: cells are
  broken into lines here (between any two CJK characters, never before closing punctuation).
* PDF text: Qt names each glyph in the PDF's ToUnicode map after the *lowest* code point using
  it, and Noto Sans CJK maps 283 radicals (⽇ U+2F47, ⻚ U+2EDA …) to the same glyphs as common
  characters (日, 页, 月, 门, 长, 车 …): copied or searched text, and pdftotext, would get the
  radicals. :func:`fix_pdf_text` (run by every PDF export) repairs these maps with an
  incremental update of the PDF; pages and georeferencing are not touched.

Errors raise :class:`LayoutError` with what failed, where, and how to fix it.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import tempfile
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsGeometryGeneratorSymbolLayer,
    QgsLayerTreeLayer,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsLayoutUtils,
    QgsLegendStyle,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsRenderContext,
    QgsScaleBarSettings,
    QgsSingleSymbolRenderer,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QFile, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QImageReader
from qgis.PyQt.QtXml import QDomDocument

from .core.i18n import tr
from .core.textsafe import layout_text
from .layers import STYLES_DIR

__all__ = ["ITEM_IDS", "PAPERS", "LayoutError", "ReportBuilder", "atlas_layout", "cjk_font_family",
           "export_atlas", "export_layout", "fix_pdf_text", "load_template", "page_size", "template_path",
           "thematic_layout", "write_templates"]

PAPERS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}  # landscape width × height, mm
ORIENTATIONS = ("landscape", "portrait")
ITEM_IDS = ("neat_frame", "map", "title", "subtitle", "legend", "scalebar", "north_arrow", "date", "source")
FONT_FAMILIES = ("Noto Sans CJK SC", "WenQuanYi Micro Hei")
NORTH_ARROWS = (":/images/north_arrows/layout_default_north_arrow.svg", "/usr/share/qgis/svg/arrows/NorthArrow_02.svg")
MM = QgsUnitTypes.LayoutMillimeters
MARGIN = 10.0      # page edge to neat frame, mm
PAD = 4.0          # neat frame to content, mm
MAP_MARGIN = 0.05  # share of the data extent added on each side of a thematic map
ATLAS_MASK = "citygrid/atlas_mask"
INK = QColor(34, 34, 34)
GREY = QColor(110, 110, 110)


class LayoutError(RuntimeError):
    """A layout cannot be built or exported; the message says what, where and how to fix it."""


# -- paper, fonts, templates ------------------------------------------------------------------------
def page_size(paper: str, orientation: str) -> tuple[float, float]:
    """Width and height in mm of *paper* ("A4", "A3") in *orientation* ("landscape", "portrait")."""
    key = str(paper).upper()
    if key not in PAPERS:
        raise LayoutError(tr("unknown paper size '{paper}': use one of {choices}").format(
            paper=paper, choices=", ".join(PAPERS)))
    if orientation not in ORIENTATIONS:
        raise LayoutError(tr("unknown orientation '{orientation}': use landscape or portrait").format(
            orientation=orientation))
    width, height = PAPERS[key]
    return (width, height) if orientation == "landscape" else (height, width)


def template_path(paper: str, orientation: str) -> Path:
    """The .qpt template for *paper* and *orientation* in styles/."""
    page_size(paper, orientation)
    return STYLES_DIR / f"thematic_{str(paper).lower()}_{orientation}.qpt"


_FAMILY: list[str] = []


def cjk_font_family() -> str:
    """The Chinese font family of every text item: Noto Sans CJK SC, else WenQuanYi Micro Hei."""
    if not _FAMILY:
        families = set(QFontDatabase().families())
        found = next((f for f in FONT_FAMILIES if f in families), None)
        if found is None:
            raise LayoutError(tr("no Chinese font found for print layouts (looked for {fonts}): install the Debian "
                                 "package fonts-noto-cjk (scripts/bootstrap.sh does) and run again").format(
                fonts=", ".join(FONT_FAMILIES)))
        _FAMILY.append(found)
    return _FAMILY[0]


def _font(size_pt: float, bold: bool = False, family: str | None = None) -> QFont:
    font = QFont(family or cjk_font_family())
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    return font


def _text_format(size_pt: float, bold: bool = False, color: QColor = INK) -> QgsTextFormat:
    fmt = QgsTextFormat()
    fmt.setFont(_font(size_pt, bold))
    fmt.setSize(size_pt)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(color)
    return fmt


def _scale_of(width: float, height: float) -> float:
    """Font scale of a page: 1 on A4, about 1.19 on A3 (text grows slower than the paper)."""
    return (min(width, height) / 210.0) ** 0.5


def _place(item: QgsLayoutItem, rect: QRectF, page: int = 0) -> None:
    item.attemptResize(QgsLayoutSize(rect.width(), rect.height(), MM))
    item.attemptMove(QgsLayoutPoint(rect.x(), rect.y(), MM), True, False, page)


def _label(layout, rect: QRectF, text: str, size: float, *, bold: bool = False, align=Qt.AlignmentFlag.AlignLeft,
           color: QColor = INK, item_id: str = "", page: int = 0, valign=Qt.AlignmentFlag.AlignVCenter,
           expression: bool = False):
    """A label printing *text* as it is (names from the store may hold ``[%``); with *expression*
    its ``[% … %]`` are QGIS expressions (templates of the plugin's own)."""
    label = QgsLayoutItemLabel(layout)
    label.setText(text if expression else layout_text(text))
    label.setFont(_font(size, bold))
    label.setFontColor(color)
    label.setHAlign(align)
    label.setVAlign(valign)
    label.setMarginX(0)
    label.setMarginY(0)
    if item_id:
        label.setId(item_id)
    layout.addLayoutItem(label)
    _place(label, rect, page)
    return label


def _rule(layout, x: float, y: float, width: float, page: int, thickness: float = 0.3, color: QColor = GREY):
    """A thin horizontal line (a filled rectangle: it exports cleanly to PDF)."""
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Rectangle)
    shape.setSymbol(QgsFillSymbol.createSimple({"color": color.name(), "outline_style": "no"}))
    layout.addLayoutItem(shape)
    _place(shape, QRectF(x, y, width, thickness), page)
    return shape


def _thematic_geometry(width: float, height: float) -> dict[str, QRectF]:
    """Where each template item sits on a *width* × *height* mm page."""
    s = _scale_of(width, height)
    left, top = MARGIN + PAD, MARGIN + PAD
    inner_w = width - 2 * (MARGIN + PAD)
    title_h, subtitle_h, foot_h = 11 * s, 7 * s, 5.5 * s
    map_top = top + title_h + subtitle_h + 3
    foot_y = height - MARGIN - PAD - foot_h
    geo = {
        "neat_frame": QRectF(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN),
        "title": QRectF(left, top, inner_w, title_h),
        "subtitle": QRectF(left, top + title_h, inner_w, subtitle_h),
        "source": QRectF(left, foot_y, inner_w * 0.62, foot_h),
        "date": QRectF(left + inner_w * 0.62, foot_y, inner_w * 0.38, foot_h),
    }
    if width > height:  # landscape: legend panel on the right
        panel_w = 58 * s
        map_rect = QRectF(left, map_top, inner_w - panel_w - 4, foot_y - 3 - map_top)
        geo["legend"] = QRectF(map_rect.right() + 4, map_top, panel_w, map_rect.height())
    else:  # portrait: legend band below the map
        band_h = 42 * s
        map_rect = QRectF(left, map_top, inner_w, foot_y - 3 - band_h - 3 - map_top)
        geo["legend"] = QRectF(left, map_rect.bottom() + 3, inner_w, band_h)
    geo["map"] = map_rect
    arrow_w, arrow_h = 11 * s, 16 * s
    geo["north_arrow"] = QRectF(map_rect.right() - 4 - arrow_w, map_rect.top() + 4, arrow_w, arrow_h)
    geo["scalebar"] = QRectF(map_rect.left() + 4, map_rect.bottom() - 4 - 12 * s, 60 * s, 12 * s)
    return geo


def _north_arrow_svg() -> str:
    for candidate in NORTH_ARROWS:
        if QFile.exists(candidate):
            return candidate
    return NORTH_ARROWS[0]


def _add_thematic_items(layout, width: float, height: float, page: int = 0) -> dict[str, QgsLayoutItem]:
    """The template's items on *page* of *layout* (the design of the .qpt files)."""
    geo = _thematic_geometry(width, height)
    s = _scale_of(width, height)
    items: dict[str, QgsLayoutItem] = {}

    frame = QgsLayoutItemShape(layout)
    frame.setShapeType(QgsLayoutItemShape.Rectangle)
    frame.setSymbol(QgsFillSymbol.createSimple({"style": "no", "outline_color": "0,0,0", "outline_width": "0.7",
                                                "joinstyle": "miter"}))
    frame.setId("neat_frame")
    layout.addLayoutItem(frame)
    _place(frame, geo["neat_frame"], page)
    items["neat_frame"] = frame

    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
    map_item.setBackgroundColor(QColor("white"))
    map_item.setKeepLayerSet(True)
    layout.addLayoutItem(map_item)
    _place(map_item, geo["map"], page)
    map_item.setExtent(QgsRectangle(0, 0, geo["map"].width() * 10, geo["map"].height() * 10))
    items["map"] = map_item

    center = Qt.AlignmentFlag.AlignHCenter
    items["title"] = _label(layout, geo["title"], "[% @layout_name %]", 20 * s, bold=True, align=center,
                            item_id="title", page=page, expression=True)
    items["subtitle"] = _label(layout, geo["subtitle"], "", 12 * s, align=center, color=GREY, item_id="subtitle",
                               page=page)
    items["source"] = _label(layout, geo["source"], "", 8.5 * s, color=GREY, item_id="source", page=page)
    items["date"] = _label(layout, geo["date"], "[% format_date(now(), 'yyyy-MM-dd') %]", 8.5 * s,
                           align=Qt.AlignmentFlag.AlignRight, color=GREY, item_id="date", page=page, expression=True)

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("图例")
    legend.setAutoUpdateModel(False)
    legend.setResizeToContents(True)
    legend.setBackgroundEnabled(False)
    legend.setFrameEnabled(False)
    legend.setColumnCount(1 if width > height else 3)
    legend.setSplitLayer(width < height)  # a long class list spreads over the portrait band's columns
    legend.setEqualColumnWidth(width < height)
    legend.setColumnSpace(8 * s)
    legend.setSymbolWidth(7 * s)
    legend.setSymbolHeight(4 * s)
    legend.setBoxSpace(1.5)
    legend.setStyleFont(QgsLegendStyle.Title, _font(11 * s, bold=True))
    legend.setStyleFont(QgsLegendStyle.Group, _font(9.5 * s, bold=True))
    legend.setStyleFont(QgsLegendStyle.Subgroup, _font(9 * s, bold=True))
    legend.setStyleFont(QgsLegendStyle.SymbolLabel, _font(8.5 * s))
    legend.setStyleMargin(QgsLegendStyle.Title, 3)
    legend.setWrapString("\n")
    layout.addLayoutItem(legend)
    _place(legend, geo["legend"], page)
    legend.model().rootGroup().removeAllChildren()
    items["legend"] = legend

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    scalebar.setTextFormat(_text_format(8 * s))
    scalebar.setUnits(QgsUnitTypes.DistanceMeters)
    scalebar.setUnitLabel("米")
    scalebar.setNumberOfSegments(4)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setUnitsPerSegment(100)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(30 * s)
    scalebar.setMaximumBarWidth(55 * s)
    scalebar.setHeight(2 * s)
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 210))
    scalebar.setBoxContentSpace(1.5)
    scalebar.setReferencePoint(QgsLayoutItem.LowerLeft)
    layout.addLayoutItem(scalebar)
    rect = geo["scalebar"]
    scalebar.attemptMove(QgsLayoutPoint(rect.left(), rect.bottom(), MM), True, False, page)
    items["scalebar"] = scalebar

    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    arrow.setPicturePath(_north_arrow_svg())
    arrow.setResizeMode(QgsLayoutItemPicture.Zoom)
    arrow.setNorthMode(QgsLayoutItemPicture.GridNorth)
    layout.addLayoutItem(arrow)
    _place(arrow, geo["north_arrow"], page)
    items["north_arrow"] = arrow
    _link(items)
    return items


def _link(items: dict[str, QgsLayoutItem]) -> None:
    """Link legend, scale bar and north arrow to the map (template uuids change on loading)."""
    map_item = items["map"]
    items["legend"].setLinkedMap(map_item)
    items["scalebar"].setLinkedMap(map_item)
    items["north_arrow"].setLinkedMap(map_item)


def build_template(paper: str, orientation: str, project: QgsProject | None = None) -> QgsPrintLayout:
    """A one-page layout holding the template design for *paper* and *orientation*."""
    width, height = page_size(paper, orientation)
    layout = QgsPrintLayout(project or QgsProject.instance())
    layout.initializeDefaults()
    layout.setName(f"CityGrid {paper} {orientation}")
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(width, height, MM))
    _add_thematic_items(layout, width, height)
    return layout


def write_templates(folder: Path | None = None) -> list[Path]:
    """(Re)write the four .qpt templates into *folder* (default styles/); returns their paths."""
    folder = Path(folder or STYLES_DIR)
    written = []
    for paper in PAPERS:
        for orientation in ORIENTATIONS:
            layout = build_template(paper, orientation)
            path = folder / template_path(paper, orientation).name
            if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
                raise LayoutError(tr("cannot write the layout template {path}: check that the folder is writable")
                                  .format(path=path))
            written.append(path)
    return written


def _template_document(path: Path) -> QDomDocument:
    doc = QDomDocument()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LayoutError(tr("cannot read the layout template {path}: {reason}; reinstall the plugin or run "
                             "layouts.write_templates()").format(path=path, reason=exc.strerror or exc)) from exc
    ok = doc.setContent(text)
    if isinstance(ok, tuple):
        ok = ok[0]
    if not ok:
        raise LayoutError(tr("the layout template {path} is not valid XML: restore it from the plugin or save it "
                             "again from QGIS's layout designer").format(path=path))
    return doc


def _items_by_id(items: Iterable[QgsLayoutItem], template: Path) -> dict[str, QgsLayoutItem]:
    found = {item.id(): item for item in items if item.id() in ITEM_IDS}
    missing = [i for i in ITEM_IDS if i not in found]
    if missing:
        raise LayoutError(tr("the layout template {path} lacks the items {ids}: give them these ids in the layout "
                             "designer (Item Properties ▸ Item ID)").format(path=template, ids=", ".join(missing)))
    kinds = {"map": QgsLayoutItemMap, "legend": QgsLayoutItemLegend, "scalebar": QgsLayoutItemScaleBar,
             "north_arrow": QgsLayoutItemPicture, "title": QgsLayoutItemLabel, "subtitle": QgsLayoutItemLabel,
             "date": QgsLayoutItemLabel, "source": QgsLayoutItemLabel}
    wrong = [i for i, kind in kinds.items() if not isinstance(found[i], kind)]
    if wrong:
        raise LayoutError(tr("in the layout template {path} the items {ids} are of the wrong kind (map, legend, "
                             "scale bar, picture, labels expected)").format(path=template, ids=", ".join(wrong)))
    return found


def _use_available_font(items: Iterable[QgsLayoutItem]) -> None:
    """Templates name Noto Sans CJK SC; switch their text to the fallback when Noto is missing."""
    family = cjk_font_family()
    if family == FONT_FAMILIES[0]:
        return
    for item in items:
        if isinstance(item, QgsLayoutItemLabel):
            font = item.font()
            font.setFamily(family)
            item.setFont(font)
        elif isinstance(item, QgsLayoutItemLegend):
            for style in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup,
                          QgsLegendStyle.SymbolLabel):
                font = item.style(style).font()
                font.setFamily(family)
                item.setStyleFont(style, font)
        elif isinstance(item, QgsLayoutItemScaleBar):
            fmt = item.textFormat()
            font = fmt.font()
            font.setFamily(family)
            fmt.setFont(font)
            item.setTextFormat(fmt)


def load_template(project: QgsProject, paper: str = "A4", orientation: str = "landscape",
                  template: str | os.PathLike | None = None) -> tuple[QgsPrintLayout, dict[str, QgsLayoutItem]]:
    """A new layout from *template* (default: the CityGrid template for *paper*/*orientation*) and
    its items by id; refuses a template lacking one of :data:`ITEM_IDS`."""
    path = Path(template) if template else template_path(paper, orientation)
    doc = _template_document(path)
    layout = QgsPrintLayout(project)
    loaded = layout.loadFromTemplate(doc, QgsReadWriteContext())
    items = loaded[0] if isinstance(loaded, tuple) else loaded
    if not layout.pageCollection().pageCount():
        raise LayoutError(tr("the layout template {path} has no page: save it again from QGIS's layout designer")
                          .format(path=path))
    found = _items_by_id(items, path)
    _use_available_font(found.values())
    _link(found)
    return layout, found


# -- filling a thematic page ------------------------------------------------------------------------
def _ensure_in_project(project: QgsProject, layers: Iterable[QgsMapLayer]) -> None:
    for layer in layers:
        if layer is None or not layer.isValid():
            name = layer.name() if layer is not None else "None"
            raise LayoutError(tr("layer '{name}' is not valid (its source cannot be read): check the file or the "
                                 "database connection").format(name=name))
        if project.mapLayer(layer.id()) is None:
            project.addMapLayer(layer, False)


def _map_crs(project: QgsProject, layers: Sequence[QgsMapLayer]) -> QgsCoordinateReferenceSystem:
    if project.crs().isValid():
        return project.crs()
    for layer in layers:
        if layer.crs().isValid():
            return layer.crs()
    raise LayoutError(tr("neither the project nor the layers have a coordinate reference system: set the project "
                         "CRS (e.g. EPSG:4544) first"))


def _is_spatial(layer: QgsMapLayer) -> bool:
    return not (isinstance(layer, QgsVectorLayer) and not layer.isSpatial())


def _data_extent(project: QgsProject, layers: Sequence[QgsMapLayer], crs) -> QgsRectangle:
    extent = QgsRectangle()
    extent.setMinimal()
    for layer in layers:
        if not _is_spatial(layer) or layer.customProperty(ATLAS_MASK):
            continue
        rect = layer.extent()
        if rect.isNull():
            continue
        if layer.crs() != crs:
            try:
                rect = QgsCoordinateTransform(layer.crs(), crs, project).transformBoundingBox(rect)
            except Exception:  # noqa: BLE001 - a layer that cannot be transformed does not set the extent
                continue
        extent.combineExtentWith(rect)
    if extent.isNull():
        names = ", ".join(layer.name() for layer in layers)
        raise LayoutError(tr("the layers {names} have no features to frame the map: pass extent= or add data")
                          .format(names=names))
    if extent.width() <= 0 and extent.height() <= 0:  # a single point: show 200 m (or 0.002°) around it
        extent = extent.buffered(0.001 if crs.isGeographic() else 100.0)
    return extent


def _nice_scale(scale: float) -> float:
    """The smallest round scale denominator ≥ *scale* (1:12 000, 1:15 000, 1:20 000 …)."""
    if scale <= 0:
        return scale
    power = 10 ** int(f"{scale:e}".split("e")[1])
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * power >= scale * 0.9999:
            return step * power
    return 10 * power


def _legend_layers(layers: Iterable[QgsMapLayer]) -> list[QgsMapLayer]:
    out = []
    for layer in layers:
        if layer.customProperty(ATLAS_MASK) or not _is_spatial(layer):
            continue
        if isinstance(layer, QgsVectorLayer) and layer.featureCount() == 0:
            continue
        out.append(layer)
    return out


def _fill_legend(legend: QgsLayoutItemLegend, layers: Sequence[QgsMapLayer]) -> None:
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        root.addChildNode(QgsLayerTreeLayer(layer))
    legend.setTitle(tr("Legend"))
    legend.setLegendFilterByMapEnabled(True)  # categories absent from the map are not listed
    legend.adjustBoxSize()
    legend.updateLegend()


def _scalebar_units(scalebar: QgsLayoutItemScaleBar, map_item: QgsLayoutItemMap) -> None:
    """Kilometres when the map spans more than 8 km, metres otherwise; labels 米 / 千米 via tr()."""
    width_m = map_item.extent().width()
    if map_item.crs().mapUnits() != QgsUnitTypes.DistanceMeters:
        width_m = 0
    if width_m > 8000:
        scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
        scalebar.setUnitLabel(tr("km"))
    else:
        scalebar.setUnits(QgsUnitTypes.DistanceMeters)
        scalebar.setUnitLabel(tr("m"))
    scalebar.setLinkedMap(map_item)
    scalebar.update()


def _date_text(date: dt.date | str | None) -> str:
    if date is None:
        date = dt.date.today()
    text = date.isoformat() if isinstance(date, dt.date) else str(date)
    return tr("Map date: {date}").format(date=text)


def _source_text(source: str) -> str:
    return tr("Data source: {source}").format(source=source) if source else ""


def _fill_thematic(project: QgsProject, items: dict[str, QgsLayoutItem], layers: Sequence[QgsMapLayer], *,
                   title: str, subtitle: str, source: str, date, extent, legend_layers) -> None:
    layers = [layer for layer in layers]
    if not layers:
        raise LayoutError(tr("no layers given for the map '{title}': pass the layers to show").format(title=title))
    _ensure_in_project(project, layers)
    map_item: QgsLayoutItemMap = items["map"]
    crs = _map_crs(project, layers)
    map_item.setCrs(crs)
    map_item.setKeepLayerSet(True)
    map_item.setLayers(layers)
    if extent is None:
        extent = _data_extent(project, layers, crs)
        extent = extent.buffered(max(extent.width(), extent.height()) * MAP_MARGIN)
    elif isinstance(extent, QgsReferencedRectangle) and extent.crs().isValid() and extent.crs() != crs:
        extent = QgsCoordinateTransform(extent.crs(), crs, project).transformBoundingBox(extent)
    map_item.zoomToExtent(QgsRectangle(extent))  # keeps the frame's aspect: the extent grows to fit
    map_item.setScale(_nice_scale(map_item.scale()))
    items["title"].setText(title)   # texts as the callers prepared them (literal or templates)
    items["subtitle"].setText(subtitle or "")
    items["source"].setText(_source_text(source))
    items["date"].setText(_date_text(date))
    _link(items)
    _scalebar_units(items["scalebar"], map_item)
    chosen = _legend_layers(layers if legend_layers is None else legend_layers)
    _ensure_in_project(project, chosen)
    _fill_legend(items["legend"], chosen)
    items["legend"].setVisibility(bool(chosen))


def thematic_layout(project: QgsProject, layers: Sequence[QgsMapLayer], *, title: str, subtitle: str = "",
                    source: str, date: dt.date | str | None = None, paper: str = "A4",
                    orientation: str = "landscape", extent: QgsRectangle | None = None,
                    legend_layers: Sequence[QgsMapLayer] | None = None,
                    template: str | os.PathLike | None = None) -> QgsPrintLayout:
    """A one-page thematic map (专题图) of *layers* (first on top) from the CityGrid template.

    *extent* (map CRS, or a QgsReferencedRectangle) defaults to the union of the layers' extents
    plus 5 % on each side, grown to the map frame's aspect and rounded up to a round scale.
    *date* defaults to today (ISO, "制图日期：2026-12-01"); *source* is the data source line
    ("数据来源：…"). The legend shows *legend_layers* (default: *layers*) minus empty and
    non-spatial ones. The layout is not added to the project's layout manager (do it to keep
    it: ``project.layoutManager().addLayout(layout)``)."""
    layout, items = load_template(project, paper, orientation, template)
    layout.setName(title)
    # the texts print as they are: a title or a source naming a street may hold "[%"
    _fill_thematic(project, items, layers, title=layout_text(title), subtitle=layout_text(subtitle),
                   source=layout_text(source), date=date, extent=extent, legend_layers=legend_layers)
    layout.refresh()
    return layout


# -- export -----------------------------------------------------------------------------------------
def _result_error(result, path: Path, dpi: float, detail: str = "") -> LayoutError:
    """The exporter's result code as a message saying what to do."""
    if result == QgsLayoutExporter.FileError:
        message = tr("cannot write {path}: check that the folder is writable, the disk is not full and the file is "
                     "not open in another program")
    elif result == QgsLayoutExporter.MemoryError:
        message = tr("not enough memory to export {path} at {dpi} dpi: use a lower dpi")
    elif result == QgsLayoutExporter.IteratorError:
        message = tr("the atlas of {path} could not be prepared: check its coverage layer and expressions")
    elif result == QgsLayoutExporter.Canceled:
        message = tr("the export of {path} was cancelled")
    else:
        message = tr("QGIS could not render {path}: a layer may have failed to draw; open the layout in QGIS to see "
                     "which")
    message = message.format(path=path, dpi=dpi)
    return LayoutError(f"{message} ({detail})" if detail else message)


def _staging(path: Path) -> Path:
    """A private folder beside *path* to export into (renamed into place when complete)."""
    if path.is_dir():
        raise LayoutError(tr("cannot write {path}: a folder of that name exists; choose a file name").format(
            path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".citygrid-export-", dir=path.parent))
    except OSError as exc:
        raise LayoutError(tr("cannot write {path}: {reason}; choose a folder you can write to").format(
            path=path, reason=exc.strerror or exc)) from exc


def _publish(staging: Path, folder: Path, names: Iterable[str]) -> list[Path]:
    out = []
    for name in names:
        target = folder / name
        os.replace(staging / name, target)
        out.append(target)
    return out


def _pdf_settings(dpi: float) -> QgsLayoutExporter.PdfExportSettings:
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.simplifyGeometries = True
    settings.exportMetadata = True
    settings.appendGeoreference = True
    return settings


def _image_settings(dpi: float, layout: QgsPrintLayout) -> QgsLayoutExporter.ImageExportSettings:
    """PNG settings; the pixel size is rounded like print software does (A4 at 300 dpi:
    3508 × 2480 px), where QGIS alone would truncate (3507 px) - when all pages share one size."""
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    settings.generateWorldFile = False
    settings.exportMetadata = True
    pages = layout.pageCollection()
    sizes = {(pages.page(i).pageSize().width(), pages.page(i).pageSize().height()) for i in range(pages.pageCount())}
    if len(sizes) == 1:
        width, height = sizes.pop()
        settings.imageSize = QSize(round(width / 25.4 * dpi), round(height / 25.4 * dpi))
    return settings


@contextlib.contextmanager
def _quiet_gdal():
    """Silence GDAL during PNG export: QGIS tries to georeference the PNG in place, which GDAL's PNG
    driver refuses ("does not support update access") - harmless, but printed to stderr."""
    try:
        from osgeo import gdal
    except ImportError:
        yield
        return
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield
    finally:
        gdal.PopErrorHandler()


def export_layout(layout: QgsPrintLayout, path: str | os.PathLike, dpi: float = 300) -> Path:
    """Write *layout* to *path*: PDF (text as text, fonts embedded, ToUnicode repaired) or PNG at
    *dpi* (A4 landscape at 300 dpi is 3508 × 2480 px; pages after the first of a multi-page layout
    go to ``name_2.png``, ``name_3.png`` …). Written in a temporary folder beside *path* and renamed
    when complete, so a failed export leaves nothing behind; returns *path*."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".png"):
        raise LayoutError(tr("cannot export {path}: use a .pdf or .png file name").format(path=path))
    if not layout.pageCollection().pageCount():
        raise LayoutError(tr("the layout '{name}' has no page to export").format(name=layout.name()))
    staging = _staging(path)
    try:
        target = staging / path.name
        exporter = QgsLayoutExporter(layout)
        if suffix == ".pdf":
            result = exporter.exportToPdf(str(target), _pdf_settings(dpi))
        else:
            with _quiet_gdal():
                result = exporter.exportToImage(str(target), _image_settings(dpi, layout))
        if result != QgsLayoutExporter.Success or not target.exists():
            raise _result_error(result, path, dpi)
        if suffix == ".pdf":
            fix_pdf_text(target)
        _publish(staging, path.parent, sorted(p.name for p in staging.iterdir()))
    except OSError as exc:
        raise LayoutError(tr("cannot write {path}: {reason}; choose a folder you can write to").format(
            path=path, reason=exc.strerror or exc)) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return path


# -- PDF text repair (Qt's ToUnicode maps and Noto's shared radical glyphs) ---------------------------
# Radicals whose Noto Sans CJK SC glyph is shared with an ideograph NFKC does not give (derived from
# the font's cmap; Kangxi radicals U+2F00–U+2FD5 and compatibility ideographs fold with NFKC).
_RADICAL_FIX = dict(zip(
    "⺂⺃⺅⺉⺋⺏⺐⺒⺓⺔⺕⺖⺘⺙⺛⺞⺠⺡⺣⺤⺦⺨⺭⺯⺰⺱⺳⺹⺺⺾⻂⻅⻆⻈⻉⻋⻌⻐⻑⻒⻓⻔⻖⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻮⻯⻰⻱⻲⼾",
    "乛乚亻刂㔾尣尢巳幺彑彐忄扌攵旡歺民氵灬爫丬犭礻糹纟罓㓁耂肀艹衤见角讠贝车辶钅長镸长门阝青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾斉齐齿竜龙龜亀户",
    strict=True))
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _fold(text: str) -> str:
    out = []
    for ch in text:
        cp = ord(ch)
        if ch in _RADICAL_FIX:
            ch = _RADICAL_FIX[ch]
        elif 0x2F00 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF:
            folded = unicodedata.normalize("NFKC", ch)
            ch = folded if len(folded) == 1 else ch
        out.append(ch)
    return "".join(out)


def _utf16(hexstr: bytes) -> str:
    return bytes.fromhex(hexstr.decode()).decode("utf-16-be", errors="surrogatepass")


def _cmap_entries(cmap: bytes) -> dict[int, str] | None:
    """CID → text of a ToUnicode CMap (bfchar and bfrange); None when it cannot be parsed."""
    entries: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        codes = _HEX.findall(block)
        if len(codes) % 2:
            return None
        for src, dst in zip(codes[::2], codes[1::2]):
            entries[int(src, 16)] = _utf16(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for line in re.finditer(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block):
            lo, hi, dst = int(line.group(1), 16), int(line.group(2), 16), line.group(3)
            if dst.startswith(b"["):
                for i, value in enumerate(_HEX.findall(dst)):
                    entries[lo + i] = _utf16(value)
            else:
                start = bytes.fromhex(dst[1:-1].decode())
                for i in range(hi - lo + 1):
                    last = int.from_bytes(start[-2:], "big") + i
                    entries[lo + i] = (start[:-2] + last.to_bytes(2, "big")).decode("utf-16-be", "surrogatepass")
    return entries


def _write_cmap(original: bytes, entries: dict[int, str]) -> bytes:
    body = re.sub(rb"\d+\s+beginbfchar.*?endbfchar\s*", b"", original, flags=re.S)
    body = re.sub(rb"\d+\s+beginbfrange.*?endbfrange\s*", b"", body, flags=re.S)
    blocks = []
    items = sorted(entries.items())
    for start in range(0, len(items), 100):
        chunk = items[start:start + 100]
        lines = [b"<%04X> <%s>" % (cid, text.encode("utf-16-be", "surrogatepass").hex().upper().encode())
                 for cid, text in chunk]
        blocks.append(b"%d beginbfchar\n" % len(chunk) + b"\n".join(lines) + b"\nendbfchar\n")
    at = body.find(b"endcmap")
    if at < 0:
        return original
    return body[:at] + b"".join(blocks) + body[at:]


def fix_pdf_text(path: str | os.PathLike) -> int:
    """Repair the ToUnicode maps of the PDF at *path* so radicals read as the characters shown
    (see the module docstring); appends an incremental update. Returns the number of maps fixed
    (0 leaves the file untouched, e.g. for PDFs without classic xref tables)."""
    path = Path(path)
    data = path.read_bytes()
    tail = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)
    trailers = list(re.finditer(rb"trailer\s*<<(.*?)>>\s*startxref", data, re.S))
    if not tail or not trailers:
        return 0
    trailer = trailers[-1].group(1)
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer)
    info = re.search(rb"/Info\s+(\d+\s+\d+\s+R)", trailer)
    size = re.search(rb"/Size\s+(\d+)", trailer)
    if not root or not size:
        return 0
    fixed: list[tuple[int, bytes]] = []
    for number in sorted({int(n) for n in re.findall(rb"/ToUnicode\s+(\d+)\s+0\s+R", data)}):
        heads = list(re.finditer(rb"(?<![0-9])%d\s+0\s+obj\s*<<(.*?)>>\s*stream\r?\n" % number, data, re.S))
        if not heads:
            continue
        head = heads[-1]
        length = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", head.group(1))
        if not length or length.group(2):
            continue
        raw = data[head.end():head.end() + int(length.group(1))]
        compressed = b"/FlateDecode" in head.group(1)
        if re.search(rb"/Filter", head.group(1)) and not compressed:
            continue
        try:
            cmap = zlib.decompress(raw) if compressed else raw
        except zlib.error:
            continue
        entries = _cmap_entries(cmap)
        if not entries:
            continue
        folded = {cid: _fold(text) for cid, text in entries.items()}
        if folded != entries:
            fixed.append((number, _write_cmap(cmap, folded)))
    if not fixed:
        return 0
    update = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets = []
    for number, cmap in fixed:
        offsets.append((number, len(update)))
        update += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (number, len(cmap)) + cmap + b"\nendstream\nendobj\n"
    xref = len(update)
    update += b"xref\n0 1\n0000000000 65535 f \n"
    for number, offset in offsets:
        update += b"%d 1\n%010d 00000 n \n" % (number, offset)
    new_size = max(int(size.group(1)), max(n for n, _ in fixed) + 1)
    update += b"trailer\n<< /Size %d /Root %s" % (new_size, root.group(1))
    if info:
        update += b" /Info " + info.group(1)
    ids = re.search(rb"/ID\s*(\[[^\]]*\])", trailer)
    if ids:
        update += b" /ID " + ids.group(1)
    update += b" /Prev %s >>\nstartxref\n%d\n%%%%EOF\n" % (tail.group(1), xref)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(bytes(update))
    os.replace(tmp, path)
    return len(fixed)


# -- atlas ------------------------------------------------------------------------------------------
def _check_expression(expression: str, layer: QgsVectorLayer, what: str) -> None:
    expr = QgsExpression(expression)
    if expr.hasParserError():
        fields = ", ".join(layer.fields().names())
        error = " ".join(expr.parserErrorString().split())
        raise LayoutError(tr("the {what} expression '{expression}' is not valid ({error}); fields of {layer}: "
                             "{fields}").format(what=what, expression=expression, error=error, layer=layer.name(),
                                                fields=fields))


def _mask_layer(project: QgsProject, coverage: QgsVectorLayer) -> QgsVectorLayer:
    """A layer dimming everything but the current atlas feature and outlining that feature.

    One large polygon in the coverage layer's CRS drawn with geometry generators on
    ``@atlas_geometry``: the polygon minus the feature in translucent white, the feature's
    boundary in dark red. Outside an atlas render @atlas_geometry is NULL and nothing is drawn."""
    extent = coverage.extent()
    grow = max(extent.width(), extent.height()) * 3 or 1000.0
    world = extent.buffered(grow)
    layer = QgsVectorLayer(f"Polygon?crs={coverage.crs().authid() or 'EPSG:4326'}", tr("Atlas mask"), "memory")
    if not coverage.crs().authid():
        layer.setCrs(coverage.crs())
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(world))
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    dim = QgsGeometryGeneratorSymbolLayer.create({"geometryModifier": "difference($geometry, @atlas_geometry)",
                                                  "SymbolType": "Fill"})
    dim.setSubSymbol(QgsFillSymbol.createSimple({"color": "255,255,255,165", "outline_style": "no"}))
    edge = QgsGeometryGeneratorSymbolLayer.create({"geometryModifier": "@atlas_geometry", "SymbolType": "Fill"})
    edge.setSubSymbol(QgsFillSymbol.createSimple({"style": "no", "outline_color": "170,30,30,255",
                                                  "outline_width": "0.8"}))
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, dim)
    symbol.appendSymbolLayer(edge)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setCustomProperty(ATLAS_MASK, True)
    layer.setFlags(layer.flags() | QgsMapLayer.Private)
    project.addMapLayer(layer, False)
    return layer


def atlas_layout(project: QgsProject, layers: Sequence[QgsMapLayer], coverage_layer: QgsVectorLayer, *,
                 name_expression: str, title_template: str, paper: str = "A4", orientation: str = "landscape",
                 subtitle: str = "", source: str = "", date: dt.date | str | None = None,
                 filter_expression: str | None = None, sort_expression: str | None = None, margin: float = 0.1,
                 dim_outside: bool = True, legend_layers: Sequence[QgsMapLayer] | None = None,
                 template: str | os.PathLike | None = None) -> QgsPrintLayout:
    """A thematic layout whose atlas has one page per feature of *coverage_layer* (e.g. streets).

    *name_expression* names a page (e.g. ``"name"``); *title_template* is the page title with
    ``{name}`` standing for that name (e.g. ``"{name} 案件密度"``; QGIS ``[% … %]`` expressions also
    work). The map follows the feature with *margin* (share of its size) around it; with
    *dim_outside* a mask layer (custom property ``citygrid/atlas_mask``, private, added to the
    project) whitens what lies outside the feature and outlines it. *filter_expression* and
    *sort_expression* select and order the pages."""
    if not isinstance(coverage_layer, QgsVectorLayer) or not coverage_layer.isValid() or not coverage_layer.isSpatial():
        name = coverage_layer.name() if coverage_layer is not None else "None"
        raise LayoutError(tr("the atlas coverage layer '{name}' must be a valid layer with geometries (e.g. the "
                             "streets)").format(name=name))
    _check_expression(name_expression, coverage_layer, tr("page name"))
    for expression, what in ((filter_expression, tr("filter")), (sort_expression, tr("sort"))):
        if expression:
            _check_expression(expression, coverage_layer, what)
    _ensure_in_project(project, [coverage_layer])
    layout, items = load_template(project, paper, orientation, template)
    layout.setName(title_template.replace("{name}", "").strip() or coverage_layer.name())
    map_layers = list(layers)
    if dim_outside:
        map_layers.insert(0, _mask_layer(project, coverage_layer))
    _fill_thematic(project, items, map_layers, title=title_template.replace("{name}", f"[% {name_expression} %]"),
                   subtitle=subtitle, source=source, date=date, extent=None,
                   legend_layers=list(layers) if legend_layers is None else legend_layers)
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage_layer)
    atlas.setHideCoverage(False)
    atlas.setPageNameExpression(name_expression)
    atlas.setFilterFeatures(bool(filter_expression))
    if filter_expression:
        atlas.setFilterExpression(filter_expression)
    atlas.setSortFeatures(bool(sort_expression))
    if sort_expression:
        atlas.setSortExpression(sort_expression)
        atlas.setSortAscending(True)
    atlas.setEnabled(True)
    map_item: QgsLayoutItemMap = items["map"]
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(margin)
    items["legend"].setLegendFilterOutAtlas(False)
    return layout


def _safe_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "page"


def export_atlas(project: QgsProject, layers: Sequence[QgsMapLayer], coverage_layer: QgsVectorLayer, *,
                 name_expression: str, title_template: str, path: str | os.PathLike, paper: str = "A4",
                 orientation: str = "landscape", dpi: float = 150, filter_expression: str | None = None,
                 sort_expression: str | None = None, subtitle: str = "", source: str = "",
                 date: dt.date | str | None = None, margin: float = 0.1, dim_outside: bool = True,
                 legend_layers: Sequence[QgsMapLayer] | None = None) -> list[Path]:
    """Export one page per coverage feature (see :func:`atlas_layout`): *path* ending in .pdf gives
    one multi-page PDF (returns ``[path]``); any other *path* is a folder receiving one PNG per
    page named ``01_<name>.png``, ``02_<name>.png`` … in atlas order (returns them). The mask layer
    is removed from the project afterwards."""
    path = Path(path)
    as_pdf = path.suffix.lower() == ".pdf"
    if path.suffix and not as_pdf and not path.is_dir():
        raise LayoutError(tr("cannot export the atlas to {path}: give a .pdf file or a folder for PNG pages")
                          .format(path=path))
    before = {layer.id() for layer in project.mapLayers().values() if layer.customProperty(ATLAS_MASK)}
    try:
        layout = atlas_layout(project, layers, coverage_layer, name_expression=name_expression,
                              title_template=title_template, paper=paper, orientation=orientation, subtitle=subtitle,
                              source=source, date=date, filter_expression=filter_expression,
                              sort_expression=sort_expression, margin=margin, dim_outside=dim_outside,
                              legend_layers=legend_layers)
        atlas = layout.atlas()
        if not atlas.updateFeatures():
            raise LayoutError(tr("the atlas has no pages: no feature of '{layer}' matches the filter {filter}")
                              .format(layer=coverage_layer.name(), filter=filter_expression or "-"))
        if not as_pdf:
            return _export_atlas_pngs(layout, path, dpi)
        staging = _staging(path)
        try:
            target = staging / path.name
            result, error = QgsLayoutExporter.exportToPdf(atlas, str(target), _pdf_settings(dpi))
            if result != QgsLayoutExporter.Success or not target.exists():
                raise _result_error(result, path, dpi, error)
            fix_pdf_text(target)
            return _publish(staging, path.parent, [path.name])
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise LayoutError(tr("cannot write {path}: {reason}; choose a folder you can write to").format(
            path=path, reason=exc.strerror or exc)) from exc
    finally:
        for layer in list(project.mapLayers().values()):
            if layer.customProperty(ATLAS_MASK) and layer.id() not in before:
                project.removeMapLayer(layer.id())


def _export_atlas_pngs(layout: QgsPrintLayout, folder: Path, dpi: float) -> list[Path]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LayoutError(tr("cannot write {path}: {reason}; choose a folder you can write to").format(
            path=folder, reason=exc.strerror or exc)) from exc
    staging = _staging(folder / "atlas.png")
    atlas = layout.atlas()
    names = []
    try:
        if not atlas.beginRender():
            raise _result_error(QgsLayoutExporter.IteratorError, folder, dpi)
        exporter = QgsLayoutExporter(layout)
        width = max(2, len(str(atlas.count())))
        for i in range(atlas.count()):
            atlas.seekTo(i)
            name = f"{i + 1:0{width}d}_{_safe_name(atlas.nameForPage(i))}.png"
            with _quiet_gdal():
                result = exporter.exportToImage(str(staging / name), _image_settings(dpi, layout))
            if result != QgsLayoutExporter.Success:
                raise _result_error(result, folder / name, dpi)
            names.append(name)
        atlas.endRender()
        return _publish(staging, folder, names)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# -- the report -------------------------------------------------------------------------------------
def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def _metrics(size_pt: float, bold: bool = False) -> QFontMetricsF:
    """Font metrics in units of 0.1 mm, as QGIS measures layout text."""
    font = _font(size_pt, bold)
    font.setPixelSize(max(1, round(size_pt * 0.352778 * 10)))
    return QFontMetricsF(font)


def _text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """Width in mm of the widest line of *text*."""
    metrics = _metrics(size_pt, bold)
    return max(metrics.horizontalAdvance(line) for line in str(text).split("\n")) / 10


def _fit_widths(natural: Sequence[float], usable: float, minimum: float = 8.0) -> list[float]:
    """Column widths filling *usable* mm: each column gets its *natural* width when all fit (the
    rest shared in proportion); otherwise narrow columns keep theirs and the wide ones share what
    is left in proportion, wrapping their text."""
    total = sum(natural)
    if total <= usable:
        return [w + (usable - total) * w / total for w in natural]
    widths: dict[int, float] = {}
    flexible = list(range(len(natural)))
    remaining = usable
    while flexible:
        share = remaining / len(flexible)
        narrow = [i for i in flexible if natural[i] <= share]
        if not narrow:
            break
        for i in narrow:
            widths[i] = natural[i]
            remaining -= natural[i]
            flexible.remove(i)
    weight = sum(natural[i] for i in flexible)
    for i in flexible:
        widths[i] = max(minimum, remaining * natural[i] / weight)
    return [widths[i] for i in range(len(natural))]


def _heading_html(text: str) -> str:
    """A wrapped table heading as one HTML paragraph per line. QGIS 3.22 sizes the header row for a
    single line of plain text however many lines the heading holds (so a wrapped heading spilled
    over the rows); it counts HTML paragraphs."""
    import html

    return "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))


_NO_LINE_START = set("，。、；：？！）》」』】〕”’,.;:?!)%・…—")


def _wrap(text: str, width_mm: float, size_pt: float, bold: bool = False) -> str:
    """*text* with line breaks so that no line is wider than *width_mm* at *size_pt*.

    QGIS 3.22's table wrapping splits at spaces only, so Chinese (no spaces) would overflow its
    column: lines break between any two CJK characters here, at spaces in Latin text, and never
    before closing punctuation (，。、） …)."""
    metrics = _metrics(size_pt, bold)
    limit = width_mm * 10 * 0.97
    out = []
    for paragraph in str(text).split("\n"):
        line = ""
        for token in re.findall(r"[A-Za-z0-9_.,:;%/+\-]+ ?|\s|.", paragraph):
            candidate = line + token
            if line and metrics.horizontalAdvance(candidate.rstrip()) > limit and token[0] not in _NO_LINE_START:
                out.append(line.rstrip())
                line = token.lstrip() if token.strip() else ""
            else:
                line = candidate
        out.append(line.rstrip())
    return "\n".join(out)


class ReportBuilder:
    """A multi-page report in one QgsPrintLayout: the monthly evaluation report (月度综合评价报告).

    Pages come in the order of the ``add_*`` calls, each returning the 1-based page numbers it
    took. Every page but the cover carries a header (the report title) and a footer
    "第 n 页 / 共 m 页" (QGIS expressions @layout_page / @layout_numpages, so the numbers stay right
    whatever is added later; the cover counts as page 1). ``export(path)`` writes one PDF."""

    SIDE = 18.0      # left/right content margin, mm
    TOP = 18.0       # content starts below the header
    BOTTOM = 16.0    # content ends above the footer

    def __init__(self, project: QgsProject, title: str, paper: str = "A4", orientation: str = "portrait", *,
                 date: dt.date | str | None = None, source: str = "") -> None:
        page_size(paper, orientation)
        self.project = project
        self.title = title
        self.paper = paper
        self.orientation = orientation
        self.date = date
        self.source = source
        self.layout = QgsPrintLayout(project)
        self.layout.initializeDefaults()
        self.layout.setName(title)
        pages = self.layout.pageCollection()
        while pages.pageCount():
            pages.deletePage(0)
        self._kinds: list[str] = []
        self._tables: list[QgsLayoutItemManualTable] = []

    # pages ---------------------------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return self.layout.pageCollection().pageCount()

    def _size(self, page: int) -> tuple[float, float]:
        size = self.layout.pageCollection().page(page).pageSize()
        return size.width(), size.height()

    def _new_page(self, orientation: str | None = None) -> int:
        width, height = page_size(self.paper, orientation or self.orientation)
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(QgsLayoutSize(width, height, MM))
        self.layout.pageCollection().addPage(page)
        return self.page_count - 1

    def _decorate(self, kind: str) -> list[int]:
        """Header and footer on the pages added since the last call; their 1-based numbers."""
        new = list(range(len(self._kinds), self.page_count))
        for page in new:
            self._kinds.append(kind)
            if kind == "cover":
                continue
            width, height = self._size(page)
            inner = width - 2 * self.SIDE
            header_y = 2.5 if kind == "map" else 6.0  # above the neat frame of map pages
            _label(self.layout, QRectF(self.SIDE, header_y, inner, 6), self.title, 8, color=GREY, page=page,
                   item_id=f"header_{page + 1}")
            footer = tr("Page {n} of {total}").format(n="[% @layout_page %]", total="[% @layout_numpages %]")
            _label(self.layout, QRectF(self.SIDE, height - 10.5, inner, 5.5), footer, 8, color=GREY,
                   align=Qt.AlignmentFlag.AlignHCenter, page=page, item_id=f"footer_{page + 1}", expression=True)
            if kind != "map":  # map pages have their neat frame instead of rules
                _rule(self.layout, self.SIDE, 12.5, inner, page, 0.25)
                _rule(self.layout, self.SIDE, height - 12, inner, page, 0.25)
        return [p + 1 for p in new]

    def _section_title(self, page: int, title: str) -> float:
        """The section title at the top of *page*; returns the y (mm) where content starts."""
        width, _height = self._size(page)
        _label(self.layout, QRectF(self.SIDE, self.TOP, width - 2 * self.SIDE, 9), title, 14, bold=True, page=page)
        return self.TOP + 12

    # content -------------------------------------------------------------------------------------
    def add_cover(self, title: str | None = None, subtitle: str = "", lines: Sequence[str] = ()) -> list[int]:
        """A cover page: *title* (default: the report title) large, *subtitle* below, then *lines*
        (e.g. "编制单位：…", "2026年11月") centred in the lower part. No header or footer."""
        page = self._new_page()
        width, height = self._size(page)
        inner = width - 2 * 25
        center = Qt.AlignmentFlag.AlignHCenter
        _label(self.layout, QRectF(25, height * 0.28, inner, 30), title or self.title, 28, bold=True, align=center,
               page=page, item_id="cover_title")
        _rule(self.layout, width * 0.3, height * 0.28 + 33, width * 0.4, page, 0.8, QColor(43, 108, 176))
        if subtitle:
            _label(self.layout, QRectF(25, height * 0.28 + 38, inner, 12), subtitle, 16, align=center, color=GREY,
                   page=page, item_id="cover_subtitle")
        for i, line in enumerate(lines):
            _label(self.layout, QRectF(25, height * 0.66 + i * 9, inner, 8), line, 12, align=center, page=page)
        return self._decorate("cover")

    def _table(self, page: int, top: float, columns: Sequence[QgsLayoutTableColumn], rows: Sequence[Sequence],
               header: bool, grid: bool, reserve: float = 0.0, size_pt: float = 9.5,
               margin: float = 1.6) -> QgsLayoutItemManualTable:
        width, height = self._size(page)
        table = QgsLayoutItemManualTable.create(self.layout)
        self.layout.addMultiFrame(table)
        widths = [c.width() for c in columns]
        for column in columns:
            column.setHeading(_heading_html(_wrap(column.heading(), column.width(), size_pt, bold=True)))
        table.setHeaders(list(columns))
        table.setColumnWidths(widths)  # a manual table takes its widths from here, not from the headers
        table.setIncludeTableHeader(header)
        table.setHeaderMode(QgsLayoutTable.AllFrames if header else QgsLayoutTable.NoHeaders)
        table.setHeaderHAlignment(QgsLayoutTable.HeaderCenter)
        heading_format = _text_format(size_pt, bold=True)
        heading_format.setAllowHtmlFormatting(True)  # the headings' lines as paragraphs: see _heading_html
        table.setHeaderTextFormat(heading_format)
        table.setContentTextFormat(_text_format(size_pt))
        table.setWrapBehavior(QgsLayoutTable.TruncateText)  # lines are broken by _wrap (CJK-aware)
        table.setCellMargin(margin)
        table.setShowGrid(grid)
        table.setGridStrokeWidth(0.2)
        table.setGridColor(QColor(150, 150, 150))
        table.setEmptyTableBehavior(QgsLayoutTable.ShowMessage)
        table.setEmptyTableMessage(tr("No data"))
        if header:
            style = QgsLayoutTableStyle()
            style.enabled = True
            style.cellBackgroundColor = QColor(226, 232, 240)
            table.setCellStyle(QgsLayoutTable.HeaderRow, style)
        contents = []
        for row in rows:
            cells = []
            for column, value in zip(columns, row):
                cell = QgsTableCell(_wrap(_cell_text(value), column.width(), size_pt))
                cell.setHorizontalAlignment(column.hAlignment())
                cells.append(cell)
            contents.append(cells)
        table.setTableContents(contents)
        frame = QgsLayoutFrame(self.layout, table)
        frame.setHidePageIfEmpty(True)
        self.layout.addLayoutItem(frame)
        _place(frame, QRectF(self.SIDE, top, width - 2 * self.SIDE, height - self.BOTTOM - reserve - top), page)
        table.addFrame(frame)
        table.setResizeMode(QgsLayoutMultiFrame.RepeatUntilFinished)  # new frames and pages as rows need
        table.recalculateFrameSizes()
        table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)  # freeze: later pages are not touched
        self._tables.append(table)
        return table

    def _columns(self, headers: Sequence[str], rows: Sequence[Sequence], column_widths, width: float,
                 margin: float = 1.6, size_pt: float = 9.5) -> list[QgsLayoutTableColumn]:
        n = len(headers)
        usable = width - n * 2 * margin - (n + 1) * 0.2 - 0.5
        if column_widths is None:
            natural = []
            for i, heading in enumerate(headers):
                texts = [_cell_text(r[i]) for r in rows[:500]]
                natural.append(max([_text_width(str(heading), size_pt, True)] + [_text_width(t, size_pt)
                                                                                 for t in texts]) / 0.97 + 0.3)
            widths = _fit_widths(natural, usable)
        else:
            weights = [float(w) for w in column_widths]
            if len(weights) != n or any(w <= 0 for w in weights):
                raise LayoutError(tr("column_widths needs {n} positive numbers, one per column (relative widths); "
                                     "got {widths}").format(n=n, widths=list(column_widths)))
            widths = [usable * w / sum(weights) for w in weights]
        columns = []
        for i, heading in enumerate(headers):
            column = QgsLayoutTableColumn(str(heading))
            column.setWidth(widths[i])
            values = [r[i] for r in rows if i < len(r) and r[i] is not None]
            numeric = bool(values) and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
            column.setHAlignment(Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
            columns.append(column)
        return columns

    def add_table(self, title: str, headers: Sequence[str], rows: Sequence[Sequence], column_widths=None,
                  note: str = "") -> list[int]:
        """A table with *headers* and *rows*, continued over as many pages as it needs with the
        header repeated and the title marked "（续）" on continuation pages.

        Cells: ints get thousands separators, floats two decimals, None is empty, anything else
        str(); pass strings to format yourself. Columns whose values are all numbers are right
        aligned. *column_widths* are relative (any unit, scaled to the page width); by default
        they follow the longest text of each column, and long text wraps. *note* ("注：…") is
        printed under the table's end."""
        headers = [str(h) for h in headers]
        if not headers:
            raise LayoutError(tr("the table '{title}' has no columns: give its headers").format(title=title))
        rows = [list(r) for r in rows]
        bad = [i + 1 for i, r in enumerate(rows) if len(r) != len(headers)]
        if bad:
            raise LayoutError(tr("rows {rows} of the table '{title}' do not have {n} values, one per header").format(
                rows=", ".join(map(str, bad[:10])), title=title, n=len(headers)))
        page = self._new_page()
        width, _height = self._size(page)
        top = self._section_title(page, title)
        columns = self._columns(headers, rows, column_widths, width - 2 * self.SIDE)
        reserve = 8.0 if note else 0.0
        table = self._table(page, top, columns, rows, header=True, grid=True, reserve=reserve)
        frames = [table.frame(i) for i in range(table.frameCount())]
        for frame in frames[1:]:
            _label(self.layout, QRectF(self.SIDE, self.TOP, width - 2 * self.SIDE, 9),
                   tr("{title} (continued)").format(title=title), 14, bold=True, page=frame.page())
        end = self._fit_last_frame(table, len(rows))
        if note:
            last = frames[-1]
            _label(self.layout, QRectF(self.SIDE, end + 2, width - 2 * self.SIDE, 6), note, 8.5, color=GREY,
                   page=last.page(), valign=Qt.AlignmentFlag.AlignTop)
        return self._decorate("table")

    def _fit_last_frame(self, table: QgsLayoutItemManualTable, rows: int) -> float:
        """Shrink the table's last frame to its rows (QGIS keeps it full height); returns the y (mm,
        on its page) where the table ends."""
        index = table.frameCount() - 1
        last = table.frame(index)
        top = last.pagePositionWithUnits().y()
        context = QgsLayoutUtils.createRenderContextForLayout(self.layout, None)
        width, low, high = last.rect().width(), 0.0, last.rect().height()
        if rows == 0:
            return top + high
        for _ in range(16):  # bisect the smallest height still showing every remaining row
            mid = (low + high) / 2
            last.attemptResize(QgsLayoutSize(width, mid, MM))
            table.recalculateFrameSizes()
            if table.rowRange(context, index)[1] >= rows:
                high = mid
            else:
                low = mid
        last.attemptResize(QgsLayoutSize(width, high + 0.3, MM))
        table.recalculateFrameSizes()
        return top + high + 0.3

    def add_text(self, title: str, paragraphs: Sequence[str]) -> list[int]:
        """Paragraphs of running text (e.g. the month's summary) under *title*, wrapped and continued
        over pages as needed."""
        page = self._new_page()
        width, _height = self._size(page)
        top = self._section_title(page, title)
        column = QgsLayoutTableColumn("")
        column.setWidth(width - 2 * self.SIDE - 2 * 2.5 - 1)
        self._table(page, top, [column], [[p] for p in paragraphs], header=False, grid=False, size_pt=10.5,
                    margin=2.5)
        return self._decorate("text")

    def add_image(self, title: str, png_or_svg_path: str | os.PathLike, caption: str = "") -> list[int]:
        """A chart or picture (PNG or SVG, e.g. from :mod:`citygrid_plugin.charts`) under *title*,
        as large as the page allows at its own aspect ratio, *caption* centred below."""
        path = Path(png_or_svg_path)
        if not path.is_file():
            raise LayoutError(tr("the picture {path} for '{title}' does not exist: write the chart first").format(
                path=path, title=title))
        aspect = _picture_aspect(path)
        page = self._new_page()
        width, height = self._size(page)
        top = self._section_title(page, title)
        avail_w = width - 2 * self.SIDE
        avail_h = height - self.BOTTOM - top - (10 if caption else 0)
        pic_w = min(avail_w, avail_h * aspect)
        pic_h = pic_w / aspect
        picture = QgsLayoutItemPicture(self.layout)
        picture.setPicturePath(str(path))
        picture.setResizeMode(QgsLayoutItemPicture.Zoom)
        self.layout.addLayoutItem(picture)
        _place(picture, QRectF(self.SIDE + (avail_w - pic_w) / 2, top, pic_w, pic_h), page)
        if caption:
            _label(self.layout, QRectF(self.SIDE, top + pic_h + 2, avail_w, 7), caption, 9.5, color=GREY,
                   align=Qt.AlignmentFlag.AlignHCenter, page=page)
        return self._decorate("image")

    def add_map(self, title: str, layers: Sequence[QgsMapLayer], *, subtitle: str = "", source: str | None = None,
                date: dt.date | str | None = None, extent: QgsRectangle | None = None,
                legend_layers: Sequence[QgsMapLayer] | None = None, orientation: str | None = None) -> list[int]:
        """A thematic map page, laid out as :func:`thematic_layout` (same template, title, legend,
        scale bar, north arrow, date and source; *source* and *date* default to the report's).
        *orientation* may differ from the report's (a landscape map in a portrait report)."""
        orientation = orientation or self.orientation
        page = self._new_page(orientation)
        path = template_path(self.paper, orientation)
        doc = _template_document(path)
        root = doc.documentElement()
        holder = doc.createElement("Items")
        child = root.firstChildElement("LayoutItem")
        while not child.isNull():
            following = child.nextSiblingElement("LayoutItem")
            holder.appendChild(child.cloneNode(True))
            child = following
        _fresh_uuids(holder)
        position = self.layout.pageCollection().page(page).pos()
        pasted = self.layout.addItemsFromXml(holder, doc, QgsReadWriteContext(), position, True)
        items = _items_by_id(pasted, path)
        _use_available_font(items.values())
        for item in pasted:
            if item.id():
                item.setId(f"{item.id()}_{page + 1}")
        _fill_thematic(self.project, items, layers, title=title, subtitle=subtitle,
                       source=self.source if source is None else source, date=self.date if date is None else date,
                       extent=extent, legend_layers=legend_layers)
        return self._decorate("map")

    def export(self, path: str | os.PathLike, dpi: float = 300) -> Path:
        """Write the report as one PDF (see :func:`export_layout`); returns *path*."""
        if Path(path).suffix.lower() != ".pdf":
            raise LayoutError(tr("the report goes to a PDF file: {path} does not end in .pdf").format(path=path))
        if not self.page_count:
            raise LayoutError(tr("the report '{title}' has no pages: add a cover, tables, charts or maps first")
                              .format(title=self.title))
        self.layout.refresh()
        return export_layout(self.layout, path, dpi)


def _fresh_uuids(holder) -> None:
    """Give the template items under *holder* new uuids (and point references such as a legend's
    map at them). Every map page of a report is pasted from the same template: with the
    template's uuids repeated, QGIS 3.22 moves the items of the last pasted page onto the first
    one's at the next layout refresh (i.e. on export)."""
    import uuid

    elements = holder.elementsByTagName("LayoutItem")
    renamed = {}
    for i in range(elements.count()):
        element = elements.at(i).toElement()
        old = element.attribute("uuid")
        if old:
            renamed[old] = f"{{{uuid.uuid4()}}}"
    stack = [holder]
    while stack:
        element = stack.pop()
        attributes = element.attributes()
        for i in range(attributes.count()):
            attribute = attributes.item(i).toAttr()
            if attribute.value() in renamed:
                attribute.setValue(renamed[attribute.value()])
        child = element.firstChildElement()
        while not child.isNull():
            stack.append(child)
            child = child.nextSiblingElement()


def _picture_aspect(path: Path) -> float:
    if path.suffix.lower() == ".svg":
        from qgis.PyQt.QtSvg import QSvgRenderer

        size = QSvgRenderer(str(path)).defaultSize()
    else:
        size = QImageReader(str(path)).size()
    if size.width() <= 0 or size.height() <= 0:
        raise LayoutError(tr("cannot read the picture {path}: is it a PNG or SVG file?").format(path=path))
    return size.width() / size.height()

