"""The parts of the leaders' view (:mod:`.leader`): its figure tiles, how a figure, its change
and a duration read, its look at any size, and its short tables.

A figure's change against the same point of last month is coloured by whether more is better
(:data:`BETTER`): green when it improved, red when it got worse, grey when neither applies
(reported cases are neither good nor bad)."""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...core import evaluation as ev
from ...core.i18n import tr
from ...store import leader as store_leader
from .evaluation import set_headers

ALERT = "#c62828"            # overdue (red)
URGED = "#b45309"            # urged (amber)
GOOD, BAD, NEUTRAL = "#2e7d32", "#c62828", "#6b7280"
# whether more is better (True), worse (False) or neither (None): the colour of a change
BETTER = {"reported_today": None, "registered_today": None, "dispatched_today": None, "closed_today": True,
          "open_now": False, "overdue_now": False, "urged_now": False, "reported": None, "closed": True,
          "on_time_handling_rate": True, "on_time_closing_rate": True, "satisfaction_rate": True}


def figure_label(key: str) -> str:
    """The name of a figure of the view (the month's are the evaluation's own names)."""
    names = {
        "reported_today": tr("Reported today"), "registered_today": tr("Registered today"),
        "dispatched_today": tr("Dispatched today"), "closed_today": tr("Closed today"),
        "open_now": tr("In progress now"), "overdue_now": tr("Overdue now"), "urged_now": tr("Urged now"),
    }
    return names[key] if key in names else ev.indicator_label(key)


def figure_tip(key: str) -> str:
    """What a figure counts, in one sentence (its tooltip)."""
    return {
        "reported_today": tr("Cases reported today, from midnight until now"),
        "registered_today": tr("Cases registered (立案) today"),
        "dispatched_today": tr("Cases dispatched to a department today"),
        "closed_today": tr("Cases closed (结案) today"),
        "open_now": tr("Cases not yet closed or cancelled, deferred ones (挂账) included"),
        "overdue_now": tr("Open cases past the deadline of their current stage (挂账 not counted)"),
        "urged_now": tr("Open cases that were urged (督办) at least once"),
        "reported": tr("Cases reported this month"),
        "closed": tr("Of the cases registered this month, those closed"),
        "on_time_handling_rate": tr("Cases handled by their deadline, of those due for handling this month"),
        "on_time_closing_rate": tr("Cases closed on time (正常结案), of those registered this month"),
        "satisfaction_rate": tr("Reporters satisfied (满意 or 基本满意), of those reached by a return visit "
                                "this month"),
    }.get(key, "")


def duration(hours: float) -> str:
    """How long, as the case lists say it: "2 天 3 小时", "3 小时 05 分", "25 分"."""
    minutes = int(round(abs(hours) * 60))
    days, rest = divmod(minutes, 24 * 60)
    h, m = divmod(rest, 60)
    if days:
        return tr("{d} d {h} h").format(d=days, h=h)
    if h:
        return tr("{h} h {m:02d} min").format(h=h, m=m)
    return tr("{m} min").format(m=m)


def value_text(tally: store_leader.Tally) -> str:
    value = tally.value
    if value is None:
        return "—"
    return f"{100 * value:.1f}%" if tally.rate else f"{int(value):,}"


def change_text(tally: store_leader.Tally) -> tuple[str, str]:
    """The change against the same point of last month ("+4", "−4.8 个百分点", 持平), and its colour
    (green better, red worse, grey neither); the dock says once what it is compared with."""
    change = tally.change
    if change is None:
        return tr("no figure a month ago"), NEUTRAL
    if abs(change) < 1e-9:
        return tr("level with a month ago"), NEUTRAL
    sign = "+" if change > 0 else "−"
    amount = (tr("{n} pts").format(n=f"{abs(change) * 100:.1f}") if tally.rate else f"{abs(change):,.0f}")
    better = BETTER.get(tally.key)
    colour = NEUTRAL if better is None else (GOOD if (change > 0) == better else BAD)
    return f"{sign}{amount}", colour


def style_sheet(k: float) -> str:
    """The dock's look with its text sizes multiplied by *k* (1 when docked at the side)."""
    def px(size: float) -> int:
        return max(9, round(size * k))

    return f"""
QLabel[role="title"] {{ font-size: {px(19)}px; font-weight: bold; color: #111827; }}
QLabel[role="asof"] {{ font-size: {px(12)}px; color: #4b5563; }}
QLabel[role="section"] {{ font-size: {px(15)}px; font-weight: bold; color: #1f3a5f;
                          padding: {px(8)}px 0px 0px 0px; }}
QFrame#tile {{ background: #f5f8fc; border: 1px solid #dbe4ef; border-radius: 6px; }}
QFrame#tile:hover, QFrame#tile:focus {{ background: #e6effa; border: 1px solid #7aa7de; }}
QLabel[role="caption"] {{ font-size: {px(13)}px; color: #374151; }}
QLabel[role="value"] {{ font-size: {px(30)}px; font-weight: bold; color: #111827; }}
QLabel[role="value"][alert="overdue"] {{ color: {ALERT}; }}
QLabel[role="value"][alert="urged"] {{ color: {URGED}; }}
QLabel[role="change"] {{ font-size: {px(12)}px; }}
QTableWidget {{ font-size: {px(13)}px; }}
QHeaderView::section {{ font-size: {px(12)}px; }}
QTabBar {{ font-size: {px(13)}px; }}
QPushButton {{ font-size: {px(13)}px; }}
QTextBrowser {{ font-size: {px(13)}px; }}
QLabel[role="status"] {{ font-size: {px(12)}px; color: #4b5563; }}
QLabel[role="drill"] {{ font-size: {px(14)}px; font-weight: bold; color: #1f3a5f; }}
"""


def plain_label(text: str, role: str) -> QLabel:
    """A label in plain text (names come from the store), styled by its *role*."""
    label = QLabel(text)
    label.setTextFormat(Qt.PlainText)
    label.setProperty("role", role)
    return label


class FigureTile(QFrame):
    """A figure: its name, its value in large type, its change against last month. Clicked (mouse,
    or Enter/Space when focused) to list its cases: ``clicked(key)``."""

    clicked = pyqtSignal(str)

    def __init__(self, key: str, parent=None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("tile")
        self.setFocusPolicy(Qt.StrongFocus)
        self.setCursor(Qt.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)   # a row's tiles equally tall
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 5, 8, 5)
        box.setSpacing(0)
        self.caption = plain_label(figure_label(key), "caption")
        self.caption.setWordWrap(True)
        self.value = plain_label("—", "value")
        self.change = plain_label("", "change")
        self.change.setWordWrap(True)
        for widget in (self.caption, self.value, self.change):
            box.addWidget(widget)
        if key == "overdue_now":
            self.value.setProperty("alert", "overdue")
        elif key == "urged_now":
            self.value.setProperty("alert", "urged")
        self.tally: store_leader.Tally | None = None

    def show_tally(self, tally: store_leader.Tally) -> None:
        self.tally = tally
        self.value.setText(value_text(tally))
        text, colour = change_text(tally)
        self.change.setText(text)
        self.change.setStyleSheet(f"color: {colour}")
        before = "—" if tally.before is None else (
            f"{100 * tally.before:.1f}%" if tally.rate else f"{int(tally.before):,}")
        if tally.rate:
            listed = tr("{num} of {den} cases — click to list the {den}").format(
                num=len(tally.hits), den=len(tally.ids))
        else:
            listed = tr("{n} cases — click to list them").format(n=len(tally.ids))
        self.setToolTip("\n".join((figure_tip(self.key), tr("A month ago: {value}").format(value=before), listed)))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.LeftButton and self.rect().contains(event.pos()):
            self.clicked.emit(self.key)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.clicked.emit(self.key)
            return
        super().keyPressEvent(event)


def short_table(headers: list[str]) -> QTableWidget:
    """A short list, as tall as its rows; the column titles on short lines (the whole in the tooltip)
    so that the figures, not their titles, set the columns' widths."""
    table = QTableWidget(0, len(headers))
    set_headers(table, headers)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    table.setSizeAdjustPolicy(QAbstractItemView.AdjustToContents)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setMinimumSectionSize(30)
    return table


def cell(text: str, number: bool = False, colour: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if number:
        item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
    if colour:
        item.setForeground(QColor(colour))
    return item
