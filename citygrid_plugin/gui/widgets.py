"""Widgets the plugin's windows share: table cells that sort by a number, the countdown pill
that keeps its colour on a selected row, a layout whose rows wrap at the window's width, and a
table whose first columns stay in place when it scrolls sideways."""
from __future__ import annotations

from qgis.PyQt.QtCore import QRect, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QPainter
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
)

SORT_ROLE = Qt.UserRole + 1    # a number to sort by (the hours left), where the text would sort wrong
PILL_ROLE = Qt.UserRole + 2    # the countdown's background colour


class SortItem(QTableWidgetItem):
    """A cell that sorts by its :data:`SORT_ROLE` number when it has one (the countdown: by hours,
    not by its text; no deadline last), else by its text."""

    def __lt__(self, other) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is not None or theirs is not None:
            inf = float("inf")
            return (inf if mine is None else mine) < (inf if theirs is None else theirs)
        return self.text() < other.text()


class CountdownDelegate(QStyledItemDelegate):
    """Paints the countdown as a coloured pill, the same on a selected row as on any other (a
    plain item's colour gives way to the selection's)."""

    PAD = 4

    def paint(self, painter: QPainter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.CE_ItemViewItem, opt, painter, widget)  # background, selection, focus
        foreground = index.data(Qt.ForegroundRole)
        background = index.data(PILL_ROLE)
        metrics = opt.fontMetrics
        rect = opt.rect.adjusted(2, 2, -2, -2)
        advance = metrics.horizontalAdvance(text)
        width = min(advance + 2 * self.PAD + 2, rect.width())
        pill = QRect(rect.left(), rect.top(), width, rect.height())
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        if background is not None:
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(pill, 4, 4)
        painter.setPen(foreground.color() if foreground is not None else opt.palette.text().color())
        painter.setFont(opt.font)
        inner = pill.adjusted(self.PAD, 0, -self.PAD, 0)
        if advance > inner.width():  # only a column made narrower than its text cuts it
            text = metrics.elidedText(text, Qt.ElideRight, inner.width())
        painter.drawText(inner, Qt.AlignVCenter | Qt.AlignLeft | Qt.TextSingleLine, text)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * self.PAD + 2, size.height())


class FlowLayout(QLayout):
    """Widgets in rows that wrap at the dock's width, so a narrow dock keeps every button and
    filter readable. *justify*: each row is stretched to the full width (the filters)."""

    def __init__(self, parent=None, spacing: int = 6, justify: bool = False) -> None:
        super().__init__(parent)
        self.items = []
        self.gap = spacing
        self.justify = justify
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802
        self.items.append(item)

    def count(self) -> int:
        return len(self.items)

    def itemAt(self, index: int):  # noqa: N802
        return self.items[index] if 0 <= index < len(self.items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self.items.pop(index) if 0 <= index < len(self.items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientations()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self.items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _lines(self, width: int) -> list[list]:
        lines, line, used = [], [], 0
        for item in self.items:
            if item.isEmpty():
                continue
            hint = item.sizeHint().width()
            if line and used + self.gap + hint > width:
                lines.append(line)
                line, used = [], 0
            used += (self.gap if line else 0) + hint
            line.append(item)
        if line:
            lines.append(line)
        return lines

    def _arrange(self, rect: QRect, apply: bool) -> int:
        lines = self._lines(rect.width())
        y = rect.y()
        for n, line in enumerate(lines):
            hints = [item.sizeHint() for item in line]
            total = sum(h.width() for h in hints)
            extra = rect.width() - total - self.gap * (len(line) - 1)
            height = max(h.height() for h in hints)
            x = rect.x()
            for i, (item, hint) in enumerate(zip(line, hints)):
                width = hint.width()
                if self.justify and extra > 0:  # the row's spare width, shared in proportion; the last fills up
                    width = rect.right() + 1 - x if i == len(line) - 1 else width + extra * width // total
                if apply:
                    item.setGeometry(QRect(x, y, width, height if self.justify else hint.height()))
                x += width + self.gap
            y += height + (self.gap if n < len(lines) - 1 else 0)
        return y - rect.y()


class FrozenColumnsTable(QTableWidget):
    """A table whose first *frozen* columns (the rank and the name) stay in place when it is
    scrolled sideways, so a person always sees whose figures they read.

    Qt's *frozen column* pattern, which works alike in Qt 5 and 6: a second view (:attr:`frozen`)
    over the same model and selection, showing only those columns, laid over them; widths, row
    heights and the vertical scroll follow the table, and a click on it is the table's
    ``cellClicked``."""

    header_resized = pyqtSignal(int)   # the height of the column titles changed (one line or more)

    def __init__(self, frozen: int = 1, parent=None) -> None:
        super().__init__(parent)
        self.frozen_count = frozen
        self._header_height = 0
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumns")
        self.frozen.setModel(self.model())
        self.frozen.setSelectionModel(self.selectionModel())
        self.frozen.setFocusPolicy(Qt.NoFocus)
        self.frozen.setFrameShape(QFrame.NoFrame)
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.frozen.horizontalHeader().setHighlightSections(False)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.frozen.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.frozen.setWordWrap(False)
        self.viewport().stackUnder(self.frozen)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        for view in (self, self.frozen):
            view.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
            view.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.verticalHeader().sectionResized.connect(lambda row, _old, new: self.frozen.setRowHeight(row, new))
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.clicked.connect(lambda index: self.cellClicked.emit(index.row(), index.column()))
        self.model().columnsInserted.connect(lambda *_: self.sync_frozen())
        self.model().rowsInserted.connect(lambda *_: self.sync_frozen())

    def set_frozen(self, count: int) -> None:
        self.frozen_count = count
        self.sync_frozen()

    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(min(self.frozen_count, self.columnCount())))

    def sync_frozen(self) -> None:
        """Show the frozen columns (only) at the table's widths and row heights."""
        for c in range(self.columnCount()):
            self.frozen.setColumnHidden(c, c >= self.frozen_count)
            if c < self.frozen_count:
                self.frozen.setColumnWidth(c, self.columnWidth(c))
        for r in range(self.rowCount()):
            self.frozen.setRowHeight(r, self.rowHeight(r))
        self.frozen.setVisible(self.frozen_count > 0 and self.columnCount() > 0)
        self._place_frozen()

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.frozen_count:
            self.frozen.setColumnWidth(column, new)
            self._place_frozen()

    def _place_frozen(self) -> None:
        left = self.frameWidth() + (0 if self.verticalHeader().isHidden() else self.verticalHeader().width())
        header = self.horizontalHeader().height()
        if header and self.frozen.horizontalHeader().height() != header:   # titles on two lines: rows aligned
            self.frozen.horizontalHeader().setFixedHeight(header)
        self.frozen.setGeometry(left, self.frameWidth(), self.frozen_width(),
                                self.viewport().height() + self.horizontalHeader().height())
        self.frozen.verticalScrollBar().setValue(self.verticalScrollBar().value())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_frozen()

    def updateGeometries(self) -> None:  # noqa: N802 - Qt override: headers and scroll bars changed
        super().updateGeometries()
        self._place_frozen()
        if self.horizontalHeader().height() != self._header_height:
            self._header_height = self.horizontalHeader().height()
            self.header_resized.emit(self._header_height)

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt override: keyboard moves stay in sight
        current = super().moveCursor(action, modifiers)
        if action == QAbstractItemView.MoveLeft and current.column() >= self.frozen_count:
            x = self.visualRect(current).topLeft().x()
            if x < self.frozen_width():
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + x - self.frozen_width())
        return current

    def scrollTo(self, index, hint=QAbstractItemView.EnsureVisible) -> None:  # noqa: N802 - Qt override
        if index.column() < self.frozen_count:
            return   # always in view
        super().scrollTo(index, hint)
        hidden = self.frozen_width() - self.visualRect(index).left()
        if hidden > 0:   # under the frozen columns: bring it out from under them
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - hidden)

    def fit_columns(self, name_column: int, max_share: float = 0.45) -> None:
        """Columns to their contents, the name column at most *max_share* of the visible width
        (longer names are elided, whole in the tooltip)."""
        self.resizeColumnsToContents()
        if 0 <= name_column < self.columnCount():
            visible = max(self.viewport().width(), 360)
            self.setColumnWidth(name_column, min(self.columnWidth(name_column), max(110, int(visible * max_share))))
        self.sync_frozen()
