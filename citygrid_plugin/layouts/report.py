"""The multi-page report (e.g. the monthly evaluation report 月度综合评价报告): ReportBuilder.

Cover, running text, tables continued over pages (header repeated, title marked "（续）"),
charts (PNG/SVG from :mod:`citygrid_plugin.charts`) and thematic map pages, which may be
landscape in a portrait report. Every page but the cover carries a header with the report title
and the footer "第 n 页 / 共 m 页". All pages are one QgsPrintLayout (``report.layout``), so the
report also opens in QGIS; ``export`` writes one PDF through :func:`.export.export_layout`.

Table cells are broken into lines by :mod:`.text` (QGIS 3.22 wraps at spaces only), and
headings go in as HTML paragraphs so that QGIS sizes a wrapped header row to its lines.
"""
from __future__ import annotations

import datetime as dt
import html
import math
import os
import uuid
from collections.abc import Sequence
from pathlib import Path

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemManualTable,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutMultiFrame,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsLayoutUtils,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTableCell,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QImageReader
from qgis.PyQt.QtSvg import QSvgRenderer

from ..core.i18n import tr
from .export import export_layout
from .templates import (
    GREY,
    MM,
    LayoutError,
    _items_by_id,
    _label,
    _place,
    _rule,
    _template_document,
    _text_format,
    _use_available_font,
    page_size,
    template_path,
)
from .text import _wrap, text_width_mm
from .thematic import _fill_thematic


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
    return "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))



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
                widest = max([text_width_mm(str(heading), size_pt, bold=True)]
                             + [text_width_mm(t, size_pt) for t in texts])
                natural.append(widest / 0.97 + 0.3)
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
        note_height = _note_height(note, width - 2 * self.SIDE) if note else 0.0
        reserve = note_height + 2.0 if note else 0.0
        table = self._table(page, top, columns, rows, header=True, grid=True, reserve=reserve)
        frames = [table.frame(i) for i in range(table.frameCount())]
        for frame in frames[1:]:
            _label(self.layout, QRectF(self.SIDE, self.TOP, width - 2 * self.SIDE, 9),
                   tr("{title} (continued)").format(title=title), 14, bold=True, page=frame.page())
        end = self._fit_last_frame(table, len(rows))
        if note:
            last = frames[-1]
            _label(self.layout, QRectF(self.SIDE, end + 2, width - 2 * self.SIDE, note_height), note, 8.5,
                   color=GREY, page=last.page(), valign=Qt.AlignmentFlag.AlignTop)
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
        size = QSvgRenderer(str(path)).defaultSize()
    else:
        size = QImageReader(str(path)).size()
    if size.width() <= 0 or size.height() <= 0:
        raise LayoutError(tr("cannot read the picture {path}: is it a PNG or SVG file?").format(path=path))
    return size.width() / size.height()


def _note_height(text: str, width_mm: float) -> float:
    """Height (mm) a note at 8.5 pt needs across *width_mm*: a Chinese character is about 3.0 mm
    wide, other characters about 1.7 mm, a line 4 mm high (a long score formula wraps to two or
    three lines; one fixed 6 mm line cut them off)."""
    lines = 0
    for part in str(text).split("\n"):
        est = sum(3.0 if ord(c) >= 0x2E80 else 1.7 for c in part)
        lines += max(1, math.ceil(est / max(width_mm, 1.0)))
    return 4.0 * lines + 2.0
