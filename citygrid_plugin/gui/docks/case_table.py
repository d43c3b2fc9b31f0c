"""The case tables of the case dock: one row per case, the columns in reading order (what a
person needs first comes first: the countdown right after the number, so it is visible in a
narrow dock; the description takes the rest of the width), a dense font, the countdown as a
coloured pill, every column sortable (the countdown by hours)."""
from __future__ import annotations

from collections.abc import Callable

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableWidget

from ...core.i18n import tr
from ...core.textsafe import html_text
from ...core.workflow import format_time_left, state_label, urgency
from ..widgets import PILL_ROLE, SORT_ROLE, CountdownDelegate, SortItem
from .case_detail import URGENCY_COLOURS

COLUMNS = ("case_no", "time_left", "class_name", "state", "department_name", "grid_code", "source", "description")
ID_ROLE = Qt.UserRole          # the case id, on the case number's item
TABLE_FONT_SCALE = 0.9


def column_title(column: str) -> str:
    return {
        "case_no": tr("Case no."), "time_left": tr("Time left"), "class_name": tr("Class"), "state": tr("State"),
        "department_name": tr("Department"), "grid_code": tr("Grid"), "source": tr("Source"),
        "description": tr("Description"),
    }[column]


def dense(table: QTableWidget) -> None:
    """A dense table: 90 % of the dock's font, so that the case number, the countdown and the
    class fit side by side in a dock of the default width (~435 px)."""
    font = table.font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * TABLE_FONT_SCALE)
    else:
        font.setPixelSize(max(8, round(font.pixelSize() * TABLE_FONT_SCALE)))
    table.setFont(font)


def make_case_table(state_column: bool, selected: Callable[[], None]) -> QTableWidget:
    """An empty case table; *state_column*: show the state (a tab holding cases in several
    states); *selected* is called when the selection changes."""
    table = QTableWidget(0, len(COLUMNS))
    table.setHorizontalHeaderLabels([column_title(c) for c in COLUMNS])
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.ElideRight)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setFrameShape(QFrame.NoFrame)
    dense(table)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    for index, column in enumerate(COLUMNS):
        header.setSectionResizeMode(index, QHeaderView.Stretch if column == "description"
                                    else QHeaderView.ResizeToContents)
    header.setMinimumSectionSize(40)
    if not state_column:
        table.hideColumn(COLUMNS.index("state"))
    table.setItemDelegateForColumn(COLUMNS.index("time_left"), CountdownDelegate(table))
    # the most urgent first, as the store orders them; a click on a header sorts by that column
    header.setSortIndicator(COLUMNS.index("time_left"), Qt.AscendingOrder)
    table.setSortingEnabled(True)
    table.itemSelectionChanged.connect(selected)
    return table


def fill_case_table(table: QTableWidget, rows: list[dict]) -> None:
    """The rows as cells; the table's sort (the header's indicator) is applied again, and the
    rows the store gives in the same order stay in that order (a stable sort)."""
    table.blockSignals(True)
    table.setSortingEnabled(False)
    table.clearSelection()
    table.clearContents()
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        hours = row["hours_left"]
        values = {"case_no": row["case_no"], "time_left": format_time_left(hours),
                  "class_name": row["class_name"] or row["class_code"], "state": state_label(row["state"]),
                  "department_name": row["department_name"] or "", "grid_code": row["grid_code"] or "",
                  "source": row["source"] or "", "description": (row["description"] or "").replace("\n", " ")}
        for c, column in enumerate(COLUMNS):
            item = SortItem(str(values[column]))
            if column == "case_no":
                item.setData(ID_ROLE, row["id"])
            elif column == "time_left":
                text_colour, pill = URGENCY_COLOURS[urgency(hours)]
                item.setForeground(QColor(text_colour))
                item.setData(PILL_ROLE, pill)
                item.setData(SORT_ROLE, None if hours is None else float(hours))
            elif column == "description":
                item.setToolTip(f"<qt>{html_text(row['description'])}</qt>")  # shown as text, never as markup
            table.setItem(r, c, item)
    table.setSortingEnabled(True)
    table.blockSignals(False)
