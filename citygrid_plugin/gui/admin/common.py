"""What the administration tabs share: the tab base class (reading once, writing through the store
with the refusal shown and nothing typed lost), read-only tables sized for a laptop screen,
department pickers, and the labels of the kinds the tabs show.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ...core.textsafe import html_text
from ...store.db import StoreError

DATA_ROLE = Qt.UserRole
KINDS = ("event", "component")
DEPARTMENT_KINDS = ("agency", "street", "community", "enterprise", "other")
REQUIRED = " <span style='color:#c0392b'>*</span>"
MAX_COLUMN = 260      # px: no column of a table wider than this (its text whole in the tooltip)


def kind_label(kind: str | None) -> str:
    return {"event": tr("Event"), "component": tr("Component")}.get(kind or "", kind or "")


def department_kind_label(kind: str | None) -> str:
    """委办局, 街道, 社区, 企业, 其他."""
    return {"agency": tr("Government agency"), "street": tr("Street office"), "community": tr("Community"),
            "enterprise": tr("Enterprise"), "other": tr("Other")}.get(kind or "", kind or "")


def yes_no(value) -> str:
    return tr("yes") if value else tr("no")


def label(text: str, required: bool = False) -> QLabel:
    """A form label; *required*: marked with a red star."""
    widget = QLabel(html_text(text) + (REQUIRED if required else ""))
    widget.setTextFormat(Qt.RichText)
    return widget


def hint(text: str = "", wrap: bool = True) -> QLabel:
    """A plain explanation under a field (it may quote store text: no markup), wrapped at the
    width given unless *wrap* is False."""
    widget = QLabel(text)
    widget.setTextFormat(Qt.PlainText)
    widget.setWordWrap(wrap)
    widget.setStyleSheet("color: #555")
    return widget


def table(titles: list[str], stretch: int | None = None, name: str = "") -> QTableWidget:
    """A read-only table of whole rows, one selected at a time; column *stretch* takes the spare
    width (the others fit their contents up to :data:`MAX_COLUMN`)."""
    widget = QTableWidget(0, len(titles))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(titles)
    widget.setSelectionBehavior(QAbstractItemView.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SingleSelection)
    widget.setEditTriggers(QAbstractItemView.NoEditTriggers)
    widget.setWordWrap(False)
    widget.setAlternatingRowColors(True)
    widget.verticalHeader().hide()
    widget.verticalHeader().setDefaultSectionSize(widget.fontMetrics().height() + 8)
    widget.setTextElideMode(Qt.ElideRight)
    header = widget.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(stretch is None)
    widget.setProperty("stretch_column", -1 if stretch is None else stretch)
    return widget


def cell(text, data=None, tooltip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    if data is not None:
        item.setData(DATA_ROLE, data)
    item.setToolTip(tooltip if tooltip is not None else item.text())
    return item


def fill(widget: QTableWidget, rows: list[list], data: list | None = None) -> None:
    """Put *rows* (lists of cell texts or items) into *widget*, the first cell of each row holding
    ``data[i]``; columns fitted to their contents (none wider than :data:`MAX_COLUMN`)."""
    widget.setSortingEnabled(False)
    widget.setRowCount(0)
    widget.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = value if isinstance(value, QTableWidgetItem) else cell(value)
            if c == 0 and data is not None:
                item.setData(DATA_ROLE, data[r])
            widget.setItem(r, c, item)
    fit(widget)


def fit(widget: QTableWidget) -> None:
    """Columns as wide as their title and contents, at most :data:`MAX_COLUMN`; the stretch
    column takes what is left."""
    header = widget.horizontalHeader()
    stretch = widget.property("stretch_column")
    stretch = -1 if stretch is None else int(stretch)
    for c in range(widget.columnCount()):
        header.setSectionResizeMode(c, QHeaderView.Interactive)
    widget.resizeColumnsToContents()
    for c in range(widget.columnCount()):
        title = widget.horizontalHeaderItem(c)
        least = widget.fontMetrics().horizontalAdvance(title.text() if title else "") + 24
        widget.setColumnWidth(c, max(least, min(widget.columnWidth(c), MAX_COLUMN)))
    if 0 <= stretch < widget.columnCount():
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)


def row_data(widget: QTableWidget, row: int | None = None):
    """The data of the selected row (or of *row*); None when no row is selected."""
    if row is None:
        rows = widget.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
    item = widget.item(row, 0)
    return item.data(DATA_ROLE) if item is not None else None


def select_row(widget: QTableWidget, match) -> bool:
    """Select the first row whose data satisfies *match*; False when there is none."""
    for r in range(widget.rowCount()):
        item = widget.item(r, 0)
        if item is not None and match(item.data(DATA_ROLE)):
            widget.selectRow(r)
            widget.scrollToItem(item)
            return True
    return False


def searchable(combo: QComboBox, width: int = 16) -> QComboBox:
    """An editable combo whose typed text finds its entries anywhere in them (a Chinese name or a
    code); nothing typed is added as a new entry."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.NoInsert)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchContains)
    completer.setCaseSensitivity(Qt.CaseInsensitive)
    completer.setCompletionMode(QCompleter.PopupCompletion)
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(width)
    return combo


def chosen(combo: QComboBox):
    """The data of the entry a combo shows; for an editable combo the typed text must name an
    entry (else None)."""
    index = combo.currentIndex()
    if index < 0:
        return None
    if combo.isEditable() and combo.currentText().strip() != combo.itemText(index):
        found = combo.findText(combo.currentText().strip())
        return combo.itemData(found) if found >= 0 else None
    return combo.itemData(index)


def set_chosen(combo: QComboBox, data) -> None:
    """Show the entry holding *data* (the first entry when none does)."""
    index = combo.findData(data)
    combo.setCurrentIndex(index if index >= 0 else 0)


def department_text(code: str | None, names: dict[str, str]) -> str:
    if not code:
        return ""
    name = names.get(code)
    return f"{name}（{code}）" if name else code


def fill_departments(combo: QComboBox, departments: list[dict], first: tuple[str, object] | None = None,
                     territorial: bool = False, skip: str | None = None) -> None:
    """The departments as "name（code）", keeping the one shown; *first*: an entry before them (no
    department, 全区 …); *territorial*: 属地 (the department of the case's street or community)
    offered after it."""
    from ...core.manual import TERRITORIAL

    keep = chosen(combo) if combo.count() else None
    combo.blockSignals(True)
    combo.clear()
    if first is not None:
        combo.addItem(*first)
    if territorial:
        combo.addItem(tr("Territorial: the department of the case's area"), TERRITORIAL)
    for d in departments:
        if d["code"] == skip:
            continue
        text = f"{d['name']}（{d['code']}）"
        if not d.get("active", True):
            text += " · " + tr("inactive")
        combo.addItem(text, d["code"])
    combo.blockSignals(False)
    if keep is not None:
        set_chosen(combo, keep)


class AdminTab(QWidget):
    """One tab of the administration dialog. Subclasses build their widgets in ``__init__``,
    read the store in :meth:`load` (called when the tab is first shown and after each save), and
    write only through :meth:`write`."""

    key = ""

    def __init__(self, dialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.loaded = False
        self.setObjectName(f"admin_{self.key}")

    @property
    def conn(self):
        return self.dialog.session.conn

    def list_column(self, titles: list[str], stretch: int, name: str, new_text: str, new_name: str,
                    above: QWidget | None = None) -> QVBoxLayout:
        """The left-hand column most tabs share: (a hint *above*,) the table of what the store holds
        (``self.table``, selecting a row calls ``self._selected``) and a button that starts a new
        entry (``self.new_button``, calls ``self.new``)."""
        column = QVBoxLayout()
        if above is not None:
            column.addWidget(above)
        self.table = table(titles, stretch=stretch, name=name)
        self.table.itemSelectionChanged.connect(self._selected)
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(new_text)
        self.new_button.setObjectName(new_name)
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        return column

    def title(self) -> str:
        raise NotImplementedError

    def load(self) -> None:
        """Read what the tab shows from the store."""

    def reload(self) -> bool:
        """:meth:`load`, a failed read said in the dialog's message bar; False then."""
        self.loaded = True
        try:
            self.load()
        except StoreError as exc:
            self.dialog.warn(self.dialog.explain(exc))
            return False
        return True

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.reload()

    def departments_changed(self) -> None:
        """The departments were changed in their tab: refresh the pickers (the default: re-read
        when next shown)."""
        self.loaded = False

    def write(self, fn, *args, done: str | None = None, refused: str | None = None,
              **kwargs) -> tuple[bool, object]:
        """``fn(conn, *args, **kwargs)``: the store's answer, *done* in the status line; a refusal
        in the message bar as the store words it (put into *refused*'s ``{error}`` when given),
        the form keeping what was typed."""
        try:
            result = fn(self.conn, *args, **kwargs)
        except (StoreError, ValueError) as exc:   # ValueError: a value the model refuses (ManualError)
            text = self.dialog.explain(exc) if isinstance(exc, StoreError) else str(exc)
            self.dialog.refuse(refused.format(error=text) if refused else text)
            return False, None
        if done:
            self.dialog.saved(done)
        return True, result

    def read(self, fn, *args, default=None, **kwargs):
        """``fn(conn, …)`` for a read; *default* (and why, in the message bar) when it fails."""
        try:
            return fn(self.conn, *args, **kwargs)
        except StoreError as exc:
            self.dialog.warn(self.dialog.explain(exc))
            return default

    def missing(self, text: str, focus: QWidget | None = None) -> None:
        """Something required is not filled in: said, and the field focused."""
        self.dialog.refuse(text)
        if focus is not None:
            focus.setFocus()
