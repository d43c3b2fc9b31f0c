"""The work form (工作表单 / 案卷派遣单): one printable A4 portrait page per case, handed to the
department that handles it.

A page holds, top to bottom: the title, the case number printed large (read out over the phone:
no QR code, decided in issue 15) with the urgency, a table of the case (kind 事件/部件, class name
and code, source, state, reported time, the time limit and deadline of the current stage and of
handling — the command manual's limit for the case's situation (情形) and urgency — the situation
and the manual version the case runs under, the manual's 处置标准, street, community, unit grid,
component, address, description), the location map (the case's unit grid outlined and labelled
with its code, the neighbouring grids, the store's 1:500 base map when there is one, the case
point) beside up to four photos (report stage first), the lead and assisting departments
(主办/协办), a block the department fills in by hand (处置结果, 处置人, 日期) and a footer with the case
number, the page and the print time.

Everything comes from the store through the login's own rights (:func:`store.desk.case_detail`,
:func:`store.manual.case_entry`, :func:`store.photos.case_photos`): a department prints only
cases it may see, and the reporter's name and phone never reach the form (it goes outside the
supervision centre). Store text is printed literally (:func:`~.templates._label` escapes ``[%``)
and wrapped between CJK characters (:func:`~.text._wrap`); photos are written to a private
folder as JPEG files, turned upright (EXIF orientation) and scaled to at most
:data:`PHOTO_MAX_PX` pixels so a form of many cases stays small.

Each page is its own one-page layout, built when QGIS's PDF exporter asks for it (an atlas-style
iterator, :class:`_Pages`): one layout holding every page slows down with each item added (QGIS
re-sorts and re-bounds all items), 60 forms took 383 s that way and take 11 s page by page.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from qgis.core import (
    QgsAbstractLayoutIterator,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt, QVariant
from qgis.PyQt.QtGui import QColor, QImageReader, QPainter

from ..core.casefilter import CST
from ..core.i18n import tr
from ..core.workflow import state_label
from ..layers import apply_style
from ..maps import memory_layer
from ..store.analysis import active_grids
from ..store.basemap import basemap_in_box
from ..store.desk import case_detail
from ..store.manual import case_entry
from ..store.migrate import store_srid
from ..store.photos import case_photos, photo_content
from .export import _pdf_settings, _publish, _result_error, _staging
from .pdftext import fix_pdf_text
from .templates import GREY, INK, MM, LayoutError, _label, _north_arrow_svg, _place, _text_format
from .text import _metrics, _wrap, text_width_mm
from .thematic import _nice_scale

PAGE_W, PAGE_H = 210.0, 297.0   # A4 portrait, mm
SIDE = 12.0                      # left and right page margin, mm
CONTENT_W = PAGE_W - 2 * SIDE
KEY_W = 27.0                     # width of a key cell (问题类型 …), mm
VALUE_W = CONTENT_W / 2 - KEY_W
PAD_X, PAD_Y = 1.8, 1.2          # text inset in a cell, mm
KEY_PT, VALUE_PT = 9.5, 10.5
ROW_MIN = 7.5                    # minimum height of a table row, mm
DESCRIPTION_LINES = 10           # a longer description is cut with "…" (the full text is in the system)
STANDARD_LINES = 3               # so is a longer 处置标准 (the page keeps room for the handling block)
MAX_PHOTOS = 4
PHOTO_MAX_PX = 1600              # longest side of a printed photo; 1600 px is 400 dpi over 100 mm
MAP_MIN_M = 120.0                # the location map shows at least this many metres across
STAGE_ORDER = ("report", "verify", "handle", "check")
KEY_FILL = QColor(236, 240, 245)
LINE = QColor(90, 90, 90)
RED = QColor(190, 30, 30)


class _Feedback:
    """Stands in for a missing feedback: never cancelled, progress ignored."""

    def isCanceled(self) -> bool:  # noqa: N802
        return False

    def setProgress(self, _value: float) -> None:  # noqa: N802
        pass

    def pushInfo(self, _text: str) -> None:  # noqa: N802
        pass


@dataclass
class FormPhoto:
    """A photo as printed: the JPEG written for the layout (None: the image could not be read) and
    its caption ("上报 2026-12-06 10:20")."""

    path: Path | None
    caption: str


def write_workform(conn, case_ids: Iterable[int], path: str | os.PathLike, feedback=None) -> int:
    """Write the work form (派遣单) of each case of *case_ids*, in that order, one A4 page each,
    to the PDF *path*; returns the number of pages written (0 when *feedback* was cancelled: then
    nothing is written). A case the login may not see is refused by the store (StoreError) before
    anything is written.

    Every case is read first (details, photos as files); the pages are then built one at a time
    while the PDF is written (:class:`_Pages`), so a batch of hundreds of cases takes time and
    memory in proportion (one layout holding every page grows slower with each item added)."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise LayoutError(tr("the work form goes to a .pdf file, not {path}: change the file name").format(path=path))
    ids = list(dict.fromkeys(int(i) for i in case_ids))
    if not ids:
        raise LayoutError(tr("no case given for the work form: give case numbers or select cases"))
    feedback = feedback or _Feedback()
    srid = store_srid(conn)
    if srid is None:
        raise LayoutError(tr("this database holds no CityGrid store: connect to the store of the cases"))
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{srid}"))
    try:
        with tempfile.TemporaryDirectory(prefix="citygrid-workform-") as scratch:
            forms = []
            for n, case_id in enumerate(ids):
                if feedback.isCanceled():
                    return 0
                detail = case_detail(conn, case_id)
                detail["manual"] = case_entry(conn, case_id)
                forms.append((detail, *_photos(conn, case_id, Path(scratch))))
                feedback.setProgress(30 * (n + 1) / len(ids))
            pages = _Pages(project, forms, _MapSource(conn, srid, project), feedback)
            staging = _staging(path)
            try:
                target = staging / path.name
                result, error = QgsLayoutExporter.exportToPdf(pages, str(target), _pdf_settings(300))
                if pages.error is not None:
                    raise pages.error
                if feedback.isCanceled():
                    return 0
                if result != QgsLayoutExporter.Success or not target.exists():
                    raise _result_error(result, path, 300, error)
                fix_pdf_text(target)
                _publish(staging, path.parent, [path.name])
            except OSError as exc:
                raise LayoutError(tr("cannot write {path}: {reason}; choose a folder you can write to").format(
                    path=path, reason=exc.strerror or exc)) from exc
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            feedback.setProgress(100)
    finally:
        project.clear()
    return len(ids)


class _Pages(QgsAbstractLayoutIterator):
    """The forms as QGIS's exporter takes an atlas: one single-page layout per case, built when
    the exporter asks for the next page, the previous one's layers dropped. An error while
    building is kept in :attr:`error` (a Python exception cannot cross the exporter) and ends
    the export; so does a cancelled *feedback*."""

    def __init__(self, project: QgsProject, forms: list, maps: _MapSource, feedback) -> None:
        super().__init__()
        self.project = project
        self.forms = forms
        self.maps = maps
        self.feedback = feedback
        self.printed = datetime.now(CST)
        self.index = -1
        self.current: QgsPrintLayout | None = None
        self.error: Exception | None = None

    def count(self) -> int:
        return len(self.forms)

    def beginRender(self) -> bool:  # noqa: N802
        self.index = -1
        return True

    def endRender(self) -> bool:  # noqa: N802
        self.maps.drop_case_layers()
        return True

    def next(self) -> bool:
        self.index += 1
        if self.index >= len(self.forms) or self.feedback.isCanceled():
            return False
        try:
            self.maps.drop_case_layers()
            detail, photos, total = self.forms[self.index]
            layout = QgsPrintLayout(self.project)
            layout.initializeDefaults()
            layout.setName(tr("Case work forms"))
            layout.pageCollection().page(0).setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, MM))
            _Page(layout, 0, detail, photos, total, self.maps, self.printed, self.index + 1, len(self.forms)).draw()
            layout.refresh()
            self.current = layout
        except Exception as exc:  # noqa: BLE001 - kept and raised by write_workform after the exporter returns
            self.error = exc
            return False
        self.feedback.setProgress(30 + 70 * (self.index + 1) / len(self.forms))
        return True

    def layout(self) -> QgsPrintLayout:
        return self.current

    def filePath(self, baseFilePath: str, extension: str) -> str:  # noqa: N802, N803
        return f"{baseFilePath}.{extension.lstrip('.')}"


# -- what a page shows -----------------------------------------------------------------------------
def _when(value: datetime | None) -> str:
    return value.astimezone(CST).strftime("%Y-%m-%d %H:%M") if value else "—"


def _limit(limit) -> str:
    """A limit of the manual ("24 小时"), or a text the store already worded."""
    if limit is None:
        return ""
    return limit.text() if callable(getattr(limit, "text", None)) else str(limit)


def _kind(kind: str) -> str:
    return {"event": tr("Event"), "component": tr("Component")}.get(kind, kind or "—")


def _stage(stage: str | None) -> str:
    return {"verify": tr("Verification stage"), "register": tr("Registration stage"),
            "dispatch": tr("Dispatch stage"), "handle": tr("Handling stage"), "check": tr("Check stage"),
            "close": tr("Closing stage")}.get(stage or "", stage or "—")


def _photo_stage(stage: str) -> str:
    return {"report": tr("Report photo"), "verify": tr("Verification photo"),
            "handle": tr("Handling photo"), "check": tr("Check photo")}.get(stage, stage)


def _photos(conn, case_id: int, scratch: Path) -> tuple[list[FormPhoto], int]:
    """Up to :data:`MAX_PHOTOS` photos of the case, report stage first, as JPEG files in
    *scratch*; and how many the case has."""
    infos = case_photos(conn, case_id)
    order = {stage: i for i, stage in enumerate(STAGE_ORDER)}
    chosen = sorted(infos, key=lambda p: (order.get(p.stage, len(order)), p.uploaded_at or datetime.min.replace(
        tzinfo=CST), p.id))[:MAX_PHOTOS]
    out = []
    for info in chosen:
        caption = f"{_photo_stage(info.stage)}  {_when(info.taken_at or info.uploaded_at)}"
        out.append(FormPhoto(_photo_file(photo_content(conn, info.id), scratch / f"photo_{info.id}.jpg"), caption))
    return out, len(infos)


def _photo_file(content: bytes, target: Path) -> Path | None:
    """*content* (JPEG or PNG) upright and at most PHOTO_MAX_PX on its longest side, as a JPEG
    at *target*; None when it is not a readable image."""
    data = QByteArray(bytes(content))
    buffer = QBuffer(data)
    buffer.open(QIODevice.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # EXIF orientation: a phone photo taken upright prints upright
    image = reader.read()
    buffer.close()
    if image.isNull():
        return None
    if max(image.width(), image.height()) > PHOTO_MAX_PX:
        image = image.scaled(PHOTO_MAX_PX, PHOTO_MAX_PX, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    if image.hasAlphaChannel():  # a transparent PNG prints on white, not black
        flat = image.convertToFormat(image.Format_RGB32)
        flat.fill(QColor("white"))
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    return target if image.save(str(target), "JPG", 85) else None


class _MapSource:
    """The layers of the location maps, read from the store: the active grids of each community
    (read once per community) and the base map around each case."""

    def __init__(self, conn, srid: int, project: QgsProject) -> None:
        self.conn = conn
        self.srid = srid
        self.project = project
        self._grids: dict[str, tuple[QgsVectorLayer, dict[str, QgsGeometry]]] = {}
        self._case_layers: list[str] = []   # ids of the layers of the page being built

    def grids(self, community: str) -> tuple[QgsVectorLayer | None, dict[str, QgsGeometry]]:
        if len(community or "") != 12:
            return None, {}
        if community not in self._grids:
            found = active_grids(self.conn, community)
            geometries = {}
            for code, wkb in zip(found.codes, found.wkb):
                geom = QgsGeometry()
                geom.fromWkb(wkb)
                geometries[code] = geom
            layer = memory_layer("Polygon", self.srid, tr("Unit grids"), [("code", QVariant.String)],
                                 (([c], g) for c, g in geometries.items()))
            layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
                {"style": "no", "outline_color": "140,140,140", "outline_width": "0.25"})))
            self._add(layer, shared=True)
            self._grids[community] = (layer, geometries)
        return self._grids[community]

    def basemap(self, extent: QgsRectangle) -> list[QgsVectorLayer]:
        box = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        out = []
        for table, geometry in (("basemap_line", "MultiLineString"), ("basemap_polygon", "MultiPolygon")):
            rows = basemap_in_box(self.conn, table, box, self.srid)
            if rows:
                layer = memory_layer(geometry, self.srid, table, [("kind", QVariant.String)],
                                     (([k], g) for k, g in rows))
                apply_style(layer, table)
                out.append(self._add(layer))
        return out

    def case_layers(self, x: float, y: float, grid: QgsGeometry | None, code: str) -> list[QgsVectorLayer]:
        """The case point, its grid (outlined red) and the grid's code label, top first."""
        point = memory_layer("Point", self.srid, tr("Case location"), [],
                             [([], QgsGeometry.fromPointXY(QgsPointXY(x, y)))])
        ring = QgsMarkerSymbol.createSimple({"name": "circle", "color": "0,0,0,0", "outline_color": "200,30,30",
                                             "outline_width": "0.5", "size": "7"})
        dot = QgsMarkerSymbol.createSimple({"name": "circle", "color": "220,30,30", "outline_color": "255,255,255",
                                            "outline_width": "0.5", "size": "3.2"})
        ring.appendSymbolLayer(dot.symbolLayer(0).clone())
        point.setRenderer(QgsSingleSymbolRenderer(ring))
        layers = [self._add(point)]
        if grid is not None:
            label = memory_layer("Point", self.srid, tr("Unit grid code"), [("text", QVariant.String)],
                                 [([tr("Grid {code}").format(code=code)], _label_point(grid, x, y))])
            settings = QgsPalLayerSettings()
            settings.fieldName = "text"
            settings.placement = QgsPalLayerSettings.OverPoint
            settings.displayAll = True
            fmt = _text_format(7.5, bold=True, color=RED)
            buffer = QgsTextBufferSettings()
            buffer.setEnabled(True)
            buffer.setSize(1.0)
            buffer.setSizeUnit(QgsUnitTypes.RenderMillimeters)
            buffer.setColor(QColor("white"))
            fmt.setBuffer(buffer)
            settings.setFormat(fmt)
            label.setLabeling(QgsVectorLayerSimpleLabeling(settings))
            label.setLabelsEnabled(True)
            label.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple({"size": "0", "color":
                                                                                    "0,0,0,0"})))
            outline = memory_layer("Polygon", self.srid, tr("Unit grid of the case"), [], [([], QgsGeometry(grid))])
            outline.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
                {"color": "220,40,40,30", "outline_color": "200,30,30", "outline_width": "0.7"})))
            layers += [self._add(label), self._add(outline)]
        return layers

    def _add(self, layer: QgsVectorLayer, shared: bool = False) -> QgsVectorLayer:
        self.project.addMapLayer(layer, False)  # a layout keeps only weak references to its layers
        if not shared:
            self._case_layers.append(layer.id())
        return layer

    def drop_case_layers(self) -> None:
        """Remove the layers of the last page built (its map has been drawn)."""
        self.project.removeMapLayers(self._case_layers)
        self._case_layers = []


def _label_point(grid: QgsGeometry, x: float, y: float) -> QgsGeometry:
    """Where the grid's code is written: inside the grid near its top or bottom edge, whichever
    is farther from the case point (so the label never hides the point)."""
    box = grid.boundingBox()
    cx = box.center().x()
    candidates = [QgsPointXY(cx, box.yMaximum() - box.height() * 0.13),
                  QgsPointXY(cx, box.yMinimum() + box.height() * 0.13)]
    inside = [p for p in candidates if grid.contains(QgsGeometry.fromPointXY(p))]
    if not inside:
        return grid.pointOnSurface()
    best = max(inside, key=lambda p: p.sqrDist(x, y))
    return QgsGeometry.fromPointXY(best)


# -- the page ----------------------------------------------------------------------------------------
class _Page:
    """One case's page of *layout*: draws top to bottom, keeping the y (mm) of the next item."""

    def __init__(self, layout: QgsPrintLayout, page: int, detail: dict, photos: list[FormPhoto], total: int,
                 maps: _MapSource, printed: datetime, number: int = 1, count: int = 1) -> None:
        self.layout = layout
        self.page = page
        self.d = detail
        self.photos = photos
        self.total = total
        self.maps = maps
        self.printed = printed
        self.number = number
        self.count = count
        self.y = 10.0

    def draw(self) -> None:
        d = self.d
        center = Qt.AlignmentFlag.AlignHCenter
        _label(self.layout, QRectF(SIDE, self.y, CONTENT_W, 10), tr("Digital urban management · case work form"),
              17, bold=True, align=center, page=self.page)
        self.y += 12
        self.number_row()
        limits = d.get("limits") or {}
        manual = d.get("manual") or {}
        # the manual's limits for this case (its situation and urgency), else the class's
        stage_limit = _limit((manual.get("limits") or {}).get(d.get("stage") or "")) or limits.get(d.get("stage") or "")
        stage = _stage(d.get("stage"))
        if stage_limit:
            stage = tr("{stage} (limit {limit})").format(stage=stage, limit=stage_limit)
        cls = f"{d.get('class_name') or ''}（{d.get('class_code') or ''}）"
        handle_deadline = _when(d.get("handle_deadline")) if d.get("handle_deadline") else tr("set when dispatched")
        handle_limit = (manual.get("limits") or {}).get("handle") or limits.get("handle")
        entry = manual.get("entry")
        standard = (getattr(entry, "handling", None) or "").strip() if entry is not None else ""
        self.row((tr("Problem type"), _kind(d.get("kind"))), (tr("Problem class"), cls))
        self.row((tr("Problem source"), d.get("source") or "—"), (tr("Case state"), state_label(d.get("state") or "")))
        self.row((tr("Reported at"), _when(d.get("reported_at"))), (tr("Observed at"), _when(d.get("observed_at"))))
        self.row((tr("Current stage"), stage), (tr("Stage deadline"), _when(d.get("stage_deadline"))))
        self.row((tr("Handling time limit"), _limit(handle_limit) or "—"),
                 (tr("Handling deadline"), handle_deadline), bold_value=True)
        version = manual.get("version")
        version = "—" if version is None else tr("version {version} (in force when reported)").format(version=version)
        self.row((tr("Situation"), manual.get("variant") or tr("General case")), (tr("Command manual"), version))
        self.wide_row(tr("Handling standard"), standard or tr("Not set in the command manual"),
                      max_lines=STANDARD_LINES)
        self.row((tr("Street"), d.get("street_name") or d.get("street_code") or "—"),
                 (tr("Community"), d.get("community_name") or d.get("community_code") or "—"))
        self.row((tr("Unit grid"), d.get("grid_code") or "—"), (tr("Component code"), d.get("component_code") or "—"))
        self.wide_row(tr("Address"), d.get("address") or "—")
        footer_top = PAGE_H - 15
        self.wide_row(tr("Description"), d.get("description") or "", min_lines=3,
                      max_lines=self.description_lines(footer_top))
        self.y += 3
        # what must stay below the map and photos: departments, the handling block (≥ 30 mm), gaps
        below = 2 * ROW_MIN + 3 + 8 + 30 + 10 + 4
        block_h = max(48.0, min(76.0, footer_top - self.y - 6 - below))
        self.map_and_photos(block_h)
        self.departments()
        self.handling(footer_top - 3)
        self.footer()

    def description_lines(self, footer_top: float) -> int:
        """At most :data:`DESCRIPTION_LINES`, fewer when the rows above (a long 处置标准) leave less
        room: what stays below — the smallest map and photos, the departments and the handling
        block — must fit above the footer."""
        below = 3 + 6 + 48 + 3 + ROW_MIN + 3 + 7.5 + 20 + 10 + 2
        line = _metrics(VALUE_PT).lineSpacing() / 10
        room = footer_top - 3 - self.y - below - 2 * PAD_Y - 0.6
        return max(3, min(DESCRIPTION_LINES, int(room / line)))

    # -- rows --------------------------------------------------------------------------------------------
    def cell(self, rect: QRectF, text: str = "", *, size: float = VALUE_PT, bold: bool = False,
             fill: QColor | None = None, color: QColor = INK, align=Qt.AlignmentFlag.AlignLeft,
             valign=Qt.AlignmentFlag.AlignVCenter) -> None:
        box = QgsLayoutItemShape(self.layout)
        box.setShapeType(QgsLayoutItemShape.Rectangle)
        props = {"outline_color": f"{LINE.red()},{LINE.green()},{LINE.blue()}", "outline_width": "0.25",
                 "joinstyle": "miter"}
        if fill is None:
            props["style"] = "no"
        else:
            props["color"] = f"{fill.red()},{fill.green()},{fill.blue()}"
        box.setSymbol(QgsFillSymbol.createSimple(props))
        self.layout.addLayoutItem(box)
        _place(box, rect, self.page)
        if text:
            _label(self.layout, rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y), text, size, bold=bold, color=color,
                  align=align, valign=valign, page=self.page)

    def key(self, rect: QRectF, text: str) -> None:
        self.cell(rect, text, size=KEY_PT, fill=KEY_FILL)

    @staticmethod
    def lines(text: str, width: float, size: float, bold: bool = False) -> list[str]:
        return _wrap(text, width - 2 * PAD_X, size, bold).split("\n")

    @staticmethod
    def height(lines: int, size: float) -> float:
        return max(ROW_MIN, lines * _metrics(size).lineSpacing() / 10 + 2 * PAD_Y + 0.6)

    def row(self, left: tuple[str, str], right: tuple[str, str], bold_value: bool = False) -> None:
        texts = []
        for key, value in (left, right):
            texts.append(("\n".join(self.lines(key, KEY_W, KEY_PT)), "\n".join(self.lines(value, VALUE_W, VALUE_PT,
                                                                                        bold_value))))
        n = max(max(k.count("\n"), v.count("\n")) + 1 for k, v in texts)
        h = self.height(n, VALUE_PT)
        x = SIDE
        for key, value in texts:
            self.key(QRectF(x, self.y, KEY_W, h), key)
            self.cell(QRectF(x + KEY_W, self.y, VALUE_W, h), value, bold=bold_value,
                      color=RED if bold_value else INK)
            x += KEY_W + VALUE_W
        self.y += h

    def wide_row(self, key: str, value: str, min_lines: int = 1, max_lines: int = 3) -> None:
        width = CONTENT_W - KEY_W
        lines = self.lines(value, width, VALUE_PT)
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = lines[-1][:-2] + "……"
        h = self.height(max(min_lines, len(lines)), VALUE_PT)
        self.key(QRectF(SIDE, self.y, KEY_W, h), key)
        self.cell(QRectF(SIDE + KEY_W, self.y, width, h), "\n".join(lines),
                  valign=Qt.AlignmentFlag.AlignTop if min_lines > 1 else Qt.AlignmentFlag.AlignVCenter)
        self.y += h

    def number_row(self) -> None:
        """The case number, large, and the urgency (紧急 in red)."""
        h = 13.0
        urgency_w = 42.0
        number_w = CONTENT_W - KEY_W - urgency_w - KEY_W
        self.key(QRectF(SIDE, self.y, KEY_W, h), tr("Case number"))
        self.cell(QRectF(SIDE + KEY_W, self.y, number_w, h), self.d.get("case_no") or "", size=22, bold=True)
        x = SIDE + KEY_W + number_w
        self.key(QRectF(x, self.y, KEY_W, h), tr("Urgency"))
        urgent = bool(self.d.get("urgent"))
        self.cell(QRectF(x + KEY_W, self.y, urgency_w, h), tr("Urgent") if urgent else tr("Normal"),
                  size=15 if urgent else VALUE_PT, bold=urgent, color=RED if urgent else INK,
                  align=Qt.AlignmentFlag.AlignHCenter)
        self.y += h

    # -- map and photos ----------------------------------------------------------------------------------
    def map_and_photos(self, block_h: float) -> None:
        map_w = 100.0
        gap = 4.0
        photo_x = SIDE + map_w + gap
        photo_w = CONTENT_W - map_w - gap
        head = 6.0
        _label(self.layout, QRectF(SIDE, self.y, map_w, head - 1), tr("Location map"), KEY_PT, bold=True,
              page=self.page)
        title = tr("Photos") if self.total <= len(self.photos) else \
            tr("Photos ({shown} of {total})").format(shown=len(self.photos), total=self.total)
        _label(self.layout, QRectF(photo_x, self.y, photo_w, head - 1), title, KEY_PT, bold=True, page=self.page)
        self.y += head
        self.location_map(QRectF(SIDE, self.y, map_w, block_h))
        self.photo_grid(QRectF(photo_x, self.y, photo_w, block_h))
        self.y += block_h + 3

    def location_map(self, rect: QRectF) -> None:
        d = self.d
        x, y = float(d["x"]), float(d["y"])
        code = d.get("grid_code") or ""
        grid_layer, geometries = self.maps.grids(code[:12])
        grid = geometries.get(code)
        extent = QgsRectangle(x, y, x, y)
        if grid is not None:
            extent.combineExtentWith(grid.boundingBox())
        grow = max(extent.width(), extent.height()) * 0.3
        extent = extent.buffered(max(grow, (MAP_MIN_M - max(extent.width(), extent.height())) / 2, 10.0))
        layers = self.maps.case_layers(x, y, grid, code)
        if grid_layer is not None:
            layers.append(grid_layer)
        layers += self.maps.basemap(extent.buffered(max(extent.width(), extent.height())))
        item = QgsLayoutItemMap(self.layout)
        item.setFrameEnabled(True)
        item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
        item.setFrameStrokeColor(LINE)
        item.setBackgroundColor(QColor("white"))
        item.setCrs(self.maps.project.crs())
        item.setKeepLayerSet(True)
        item.setLayers(layers)
        self.layout.addLayoutItem(item)
        _place(item, rect, self.page)
        item.zoomToExtent(extent)
        item.setScale(_nice_scale(item.scale()))
        arrow = QgsLayoutItemPicture(self.layout)
        arrow.setPicturePath(_north_arrow_svg())
        arrow.setResizeMode(QgsLayoutItemPicture.Zoom)
        arrow.setNorthMode(QgsLayoutItemPicture.GridNorth)
        arrow.setLinkedMap(item)
        self.layout.addLayoutItem(arrow)
        _place(arrow, QRectF(rect.right() - 9, rect.top() + 2, 7, 10), self.page)
        bar = QgsLayoutItemScaleBar(self.layout)
        bar.setStyle("Single Box")
        bar.setLinkedMap(item)
        bar.setTextFormat(_text_format(6.5))
        bar.setUnits(QgsUnitTypes.DistanceMeters)
        bar.setUnitLabel(tr("m"))
        bar.setNumberOfSegments(2)
        bar.setNumberOfSegmentsLeft(0)
        bar.setUnitsPerSegment(20)
        bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
        bar.setMinimumBarWidth(16)
        bar.setMaximumBarWidth(30)
        bar.setHeight(1.5)
        bar.setBackgroundEnabled(True)
        bar.setBackgroundColor(QColor(255, 255, 255, 220))
        bar.setBoxContentSpace(1.0)
        bar.setReferencePoint(QgsLayoutItemScaleBar.LowerLeft)
        self.layout.addLayoutItem(bar)
        bar.attemptMove(QgsLayoutPoint(rect.left() + 2, rect.bottom() - 2, MM), True, False, self.page)
        bar.update()
        _label(self.layout, QRectF(rect.left() + 2, rect.top() + 1.5, 40, 4),
              tr("Scale 1:{scale}").format(scale=f"{item.scale():.0f}"), 7, color=GREY, page=self.page)

    def photo_grid(self, rect: QRectF) -> None:
        if not self.photos:
            self.cell(rect, tr("No photo"), color=GREY, align=Qt.AlignmentFlag.AlignHCenter)
            return
        n = len(self.photos)
        columns = 1 if n <= 2 else 2
        rows = 1 if n == 1 else 2
        gap = 2.0
        w = (rect.width() - gap * (columns - 1)) / columns
        h = (rect.height() - gap * (rows - 1)) / rows
        caption_h = 4.0
        for i, photo in enumerate(self.photos):
            r, c = divmod(i, columns)
            cell = QRectF(rect.left() + c * (w + gap), rect.top() + r * (h + gap), w, h)
            self.cell(cell)
            inner = QRectF(cell.left() + 0.8, cell.top() + 0.8, cell.width() - 1.6, cell.height() - caption_h - 1.2)
            if photo.path is None:
                _label(self.layout, inner, tr("The photo cannot be read"), 8, color=GREY,
                      align=Qt.AlignmentFlag.AlignHCenter, page=self.page)
            else:
                picture = QgsLayoutItemPicture(self.layout)
                picture.setPicturePath(str(photo.path))
                picture.setResizeMode(QgsLayoutItemPicture.Zoom)
                picture.setPictureAnchor(QgsLayoutItemPicture.Middle)  # a portrait photo centred in its cell
                self.layout.addLayoutItem(picture)
                _place(picture, inner, self.page)
            size = 6.5
            while size > 5 and text_width_mm(photo.caption, size) > cell.width() - 2:
                size -= 0.25
            _label(self.layout, QRectF(cell.left() + 1, cell.bottom() - caption_h, cell.width() - 2, caption_h - 0.4),
                  photo.caption, size, color=GREY, align=Qt.AlignmentFlag.AlignHCenter, page=self.page)

    # -- departments, the handling block, the footer ----------------------------------------------------
    def departments(self) -> None:
        d = self.d
        lead = d.get("department_name") or d.get("department_code")
        lead = f"{lead}（{d['department_code']}）" if lead and d.get("department_code") and lead != d[
            "department_code"] else (lead or tr("not yet dispatched"))
        assist = "、".join(a.get("name") or a.get("code") or "" for a in d.get("assist") or []) or "—"
        self.row((tr("Lead department"), lead), (tr("Assisting departments"), assist))
        self.y += 3

    def handling(self, bottom: float) -> None:
        """The block the department fills in by hand: 处置结果 on ruled lines, 处置人 and 日期."""
        head_h, sign_h = 7.5, 10.0
        self.cell(QRectF(SIDE, self.y, CONTENT_W, head_h), tr("Handling result (filled in by the department)"),
                  size=KEY_PT, bold=True, fill=KEY_FILL)
        self.y += head_h
        area_h = max(20.0, bottom - self.y - sign_h)
        self.cell(QRectF(SIDE, self.y, CONTENT_W, area_h))
        line_y = self.y + 8.5
        while line_y < self.y + area_h - 2:
            rule = QgsLayoutItemShape(self.layout)
            rule.setShapeType(QgsLayoutItemShape.Rectangle)
            rule.setSymbol(QgsFillSymbol.createSimple({"color": "190,190,190", "outline_style": "no"}))
            self.layout.addLayoutItem(rule)
            _place(rule, QRectF(SIDE + 4, line_y, CONTENT_W - 8, 0.2), self.page)
            line_y += 8.5
        self.y += area_h
        half = CONTENT_W / 2
        sign_w = max(KEY_W, text_width_mm(tr("Handled by (signature)"), KEY_PT) + 2 * PAD_X + 1)
        self.key(QRectF(SIDE, self.y, sign_w, sign_h), tr("Handled by (signature)"))
        self.cell(QRectF(SIDE + sign_w, self.y, half - sign_w, sign_h))
        self.key(QRectF(SIDE + half, self.y, KEY_W, sign_h), tr("Date"))
        self.cell(QRectF(SIDE + half + KEY_W, self.y, half - KEY_W, sign_h), tr("year     month     day"),
                  color=GREY, align=Qt.AlignmentFlag.AlignRight)
        self.y += sign_h

    def footer(self) -> None:
        y = PAGE_H - 13
        rule = QgsLayoutItemShape(self.layout)
        rule.setShapeType(QgsLayoutItemShape.Rectangle)
        rule.setSymbol(QgsFillSymbol.createSimple({"color": "110,110,110", "outline_style": "no"}))
        self.layout.addLayoutItem(rule)
        _place(rule, QRectF(SIDE, y, CONTENT_W, 0.25), self.page)
        third = CONTENT_W / 3
        _label(self.layout, QRectF(SIDE, y + 1.5, third, 5), tr("Case number {number}").format(
            number=self.d.get("case_no") or ""), 8, color=GREY, page=self.page)
        page_text = tr("Page {n} of {total}").format(n=self.number, total=self.count)
        _label(self.layout, QRectF(SIDE + third, y + 1.5, third, 5), page_text, 8, color=GREY,
              align=Qt.AlignmentFlag.AlignHCenter, page=self.page)
        _label(self.layout, QRectF(SIDE + 2 * third, y + 1.5, third, 5),
              tr("Printed {time}").format(time=self.printed.strftime("%Y-%m-%d %H:%M")), 8, color=GREY,
              align=Qt.AlignmentFlag.AlignRight, page=self.page)
