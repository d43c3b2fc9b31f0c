"""The command manual (指挥手册) as a file, from the 指挥手册 tab: the two windows an import opens.

An import reads and checks the whole file first (core.manualsheet.read_manual). When the file has
problems, :class:`ManualProblemsDialog` lists every one of them — sheet, row, column, value, what to
do — and nothing is changed. When it is clean, :class:`ManualDifferencesDialog` lists every
difference with the manual in force (core.manual.diff, worded by core.manual.change_parts) with a
note for the new version; only its 应用为新版本 applies it. Both fit a 1366 × 768 screen: the
long texts (a 处置标准 before and after, what to do) wrap in their columns instead of running off.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from ...core.i18n import tr
from ...core.manual import Change, change_parts
from ...core.manualsheet import Problem
from .common import cell, label

NOTE_LIMIT = 500         # the store keeps a version's note up to this many characters
NARROW_COLUMN = 240      # px: a short column (sheet, class, item) no wider than this
SIZE = QSize(1120, 620)  # the window on a laptop's 1366 × 768 screen, less the task and title bars


def _fit_to_screen(dialog: QDialog) -> None:
    """*SIZE*, or the screen's available room when smaller."""
    screen = dialog.screen() if hasattr(dialog, "screen") else None
    screen = screen or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() - QSize(40, 70) if screen is not None else SIZE
    dialog.resize(SIZE.boundedTo(room))


def _wrapping_table(titles: Sequence[str], wide: Sequence[int], name: str) -> QTableWidget:
    """A read-only table whose *wide* columns share the spare width and wrap their text; the
    others fit their contents (at most :data:`NARROW_COLUMN`, wrapping beyond); rows as tall as
    their text."""
    widget = QTableWidget(0, len(titles))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(list(titles))
    widget.setSelectionBehavior(QAbstractItemView.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SingleSelection)
    widget.setEditTriggers(QAbstractItemView.NoEditTriggers)
    widget.setWordWrap(True)
    widget.setAlternatingRowColors(True)
    widget.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
    widget.verticalHeader().hide()
    widget.setProperty("wide_columns", list(wide))
    header = widget.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    return widget


def _fill(widget: QTableWidget, rows: list[list[str]]) -> None:
    widget.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = cell(value)
            item.setTextAlignment(Qt.AlignLeft | Qt.AlignTop)
            widget.setItem(r, c, item)
    wide = set(widget.property("wide_columns") or [])
    header = widget.horizontalHeader()
    for c in range(widget.columnCount()):
        if c in wide:
            header.setSectionResizeMode(c, QHeaderView.Stretch)
        else:
            header.setSectionResizeMode(c, QHeaderView.Interactive)
            widget.resizeColumnToContents(c)
            title = widget.horizontalHeaderItem(c).text()
            least = widget.fontMetrics().horizontalAdvance(title) + 24
            widget.setColumnWidth(c, max(least, min(widget.columnWidth(c), NARROW_COLUMN)))
    # rows follow their wrapped text whenever the columns change width (the window resized)
    widget.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)


def rows_of(widget: QTableWidget) -> list[list[str]]:
    """The texts of a table, row by row (what a person reads in it)."""
    return [[widget.item(r, c).text() if widget.item(r, c) else "" for c in range(widget.columnCount())]
            for r in range(widget.rowCount())]


class ManualProblemsDialog(QDialog):
    """Every problem of a manual file that cannot be imported, one per row: 工作表, 行, 列, 值,
    怎么改. Nothing was changed; the window only tells."""

    def __init__(self, file_name: str, problems: Sequence[Problem], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("CityGridManualProblems")
        self.setWindowTitle(tr("The command manual was not imported"))
        layout = QVBoxLayout(self)
        self.head = QLabel(tr("{file} has {n} problems, so nothing was imported and the manual in force is "
                              "unchanged. Correct each of them in the file and import it again.").format(
            file=file_name, n=len(problems)))
        self.head.setObjectName("problems_head")
        self.head.setTextFormat(Qt.PlainText)
        self.head.setWordWrap(True)
        self.head.setStyleSheet("font-weight: bold")
        layout.addWidget(self.head)
        self.table = _wrapping_table([tr("Sheet"), tr("Row"), tr("Column"), tr("Value"), tr("What to do")],
                                     wide=[4], name="manual_problems")
        _fill(self.table, [[p.sheet, "" if p.row is None else str(p.row), p.column or "",
                            "" if p.value is None else str(p.value), p.message] for p in problems])
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton(tr("Close dialog"), QDialogButtonBox.RejectRole)
        self.close_button.setObjectName("close_problems")
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.close_button.setFocus()
        _fit_to_screen(self)


class ManualDifferencesDialog(QDialog):
    """The differences between a clean manual file and the manual in force, one per row: 分类,
    项目, 原值, 新值; a note for the new version (prefilled with the file's name); 应用为新版本 or
    不应用. Accepted: apply; :meth:`note` is what the store records."""

    def __init__(self, file_name: str, changes: Sequence[Change], version: int | None,
                 class_names: Mapping | None = None, department_names: Mapping | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("CityGridManualDifferences")
        self.setWindowTitle(tr("Import the command manual"))
        layout = QVBoxLayout(self)
        self.head = QLabel(tr("{file} differs from the manual in force (version {version}) in {n} items. Applied, "
                              "it replaces the whole manual as a new version; cases already reported keep the "
                              "version they were reported under.").format(
            file=file_name, version="—" if version is None else version, n=len(changes)))
        self.head.setObjectName("differences_head")
        self.head.setTextFormat(Qt.PlainText)
        self.head.setWordWrap(True)
        self.head.setStyleSheet("font-weight: bold")
        layout.addWidget(self.head)
        self.table = _wrapping_table([tr("Class (分类)"), tr("Item"), tr("Old value"), tr("New value")],
                                     wide=[2, 3], name="manual_differences")
        _fill(self.table, [list(change_parts(c, class_names, department_names)) for c in changes])
        layout.addWidget(self.table, 1)
        note_row = QHBoxLayout()
        note_row.addWidget(label(tr("Change note (修改说明)")))
        self.note_edit = QLineEdit(tr("Imported from {file}").format(file=file_name)[:NOTE_LIMIT])
        self.note_edit.setObjectName("import_note")
        self.note_edit.setMaxLength(NOTE_LIMIT)
        self.note_edit.setClearButtonEnabled(True)
        note_row.addWidget(self.note_edit, 1)
        layout.addLayout(note_row)
        self.buttons = QDialogButtonBox()
        self.apply_button: QPushButton = self.buttons.addButton(tr("Apply as a new version"),
                                                                QDialogButtonBox.AcceptRole)
        self.apply_button.setObjectName("apply_import")
        self.keep_button: QPushButton = self.buttons.addButton(tr("Do not apply"), QDialogButtonBox.RejectRole)
        self.keep_button.setObjectName("keep_manual")
        # Enter in the note does not apply by surprise: applying is a click on its button
        self.apply_button.setAutoDefault(False)
        self.keep_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._file_name = file_name
        self.note_edit.setFocus()      # the table is read; the note is what is typed
        _fit_to_screen(self)

    def note(self) -> str:
        """The note the new version is recorded with (the file's name when left empty)."""
        text = self.note_edit.text().strip()
        return text or tr("Imported from {file}").format(file=self._file_name)[:NOTE_LIMIT]
