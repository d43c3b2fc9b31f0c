"""Paper sizes, the Chinese font and the thematic-map templates (``styles/thematic_*.qpt``).

Four templates, A4 and A3 in landscape and portrait, so a city can restyle each one in QGIS's
layout designer (the page builders' ``template=`` takes any other .qpt). :func:`write_templates`
writes them from the design in this module: run it after changing the design. Each holds one
page and items with these ids, which the code looks up (keep them when restyling;
:func:`load_template` names any that are missing):

``neat_frame`` (图廓, a rectangle), ``map``, ``title``, ``subtitle``, ``legend`` (图例),
``scalebar`` (metres, or kilometres when the map spans more than 8 km, labelled 米 / 千米),
``north_arrow`` (QGIS's default north arrow, grid north, rotating with the map), ``date`` and
``source``. Legend, scale bar and north arrow are linked to the map.

Landscape puts the legend in a panel right of the map, portrait in a three-column band below it;
the scale bar sits inside the map's lower-left corner, the north arrow in its upper-right one.
All text is Noto Sans CJK SC (WenQuanYi Micro Hei when Noto is missing; a LayoutError naming
fonts-noto-cjk when neither is installed).

Every other module of the package builds on this one: :class:`LayoutError` and the small item
helpers (``_label``, ``_rule``, ``_place`` …, package-internal) live here for that reason.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from qgis.core import (
    QgsFillSymbol,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QFile, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase
from qgis.PyQt.QtXml import QDomDocument

from ..core.i18n import tr
from ..core.textsafe import layout_text
from ..layers import STYLES_DIR

PAPERS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}  # landscape width × height, mm
ORIENTATIONS = ("landscape", "portrait")
ITEM_IDS = ("neat_frame", "map", "title", "subtitle", "legend", "scalebar", "north_arrow", "date", "source")
FONT_FAMILIES = ("Noto Sans CJK SC", "WenQuanYi Micro Hei")
NORTH_ARROWS = (":/images/north_arrows/layout_default_north_arrow.svg", "/usr/share/qgis/svg/arrows/NorthArrow_02.svg")
MM = QgsUnitTypes.LayoutMillimeters
MARGIN = 10.0      # page edge to neat frame, mm
PAD = 4.0          # neat frame to content, mm
INK = QColor(34, 34, 34)
GREY = QColor(110, 110, 110)


class LayoutError(RuntimeError):
    """A layout cannot be built or exported; the message says what, where and how to fix it."""


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
    """The layouts' font. No text shaping: Chinese and Latin need none, and a shaped Latin run in
    the CJK font loses its digits from the PDF's text layer (search and copy get "Page of")."""
    font = QFont(family or cjk_font_family())
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    font.setStyleStrategy(QFont.PreferNoShaping)
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
