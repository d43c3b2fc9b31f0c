"""The case-queue dock (案件队列) of the supervision and command centres.

(Longer than 500 lines on purpose: it is one screen — tabs, filters, table, detail, actions —
whose parts read the same state; its reusable widgets are in gui/widgets.py.)

One tab per queue the user's roles work (to accept, to verify, to register, to dispatch, to
handle, to check, to close, overdue), with counts, filters, the most urgent case first and a
countdown ("剩余 3小时05分", "超时 2天14小时") coloured by the time left; every column sorts (the
countdown by hours). The buttons offer what the store says this login may do to the selected
case now (``citygrid.case_allowed_actions``), one per action, the destructive ones apart on the
right; an irreversible action is confirmed first, and the inputs an action needs (department,
note, hours) are asked for. Every action goes through the store's workflow function, so a
refusal or a conflict comes back as a message in the user's language and nothing is half-done.
Selecting a case zooms to it and flashes it; the detail view shows its photo link and its
history as a table (time, action, state, person, role, note). A drill-down from the evaluation
opens a tab of its own listing the figure's cases whatever their state. Changes by anyone arrive
live through the shared :class:`~citygrid_plugin.gui.session.StoreSession` and refresh the dock
within a second.
"""
from __future__ import annotations

from datetime import datetime

from qgis.core import Qgis, QgsGeometry, QgsPointXY
from qgis.PyQt.QtCore import QSize, Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QStyleOptionComboBox,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.casefilter import SOURCES
from ...core.i18n import tr
from ...core.textsafe import html_text, local_image
from ...core.workflow import (
    CASE_ROLES,
    DESTRUCTIVE,
    IRREVERSIBLE,
    action_label,
    confirm_text,
    format_time_left,
    role_label,
    state_label,
    urgency,
)
from ...store import cases
from ...store.db import StoreError
from ..preferences import shown_roles
from ..widgets import PILL_ROLE, SORT_ROLE, CountdownDelegate, FlowLayout, SortItem
from . import SessionDock

ROLES = CASE_ROLES

# (tab id, states shown, roles that work it); titles in tab_title() for the translation catalogue
TABS = [
    ("accept", ["reported"], {"operator"}),
    ("verify", ["to_verify"], {"supervisor"}),
    ("register", ["accepted"], {"shift_leader"}),
    ("dispatch", ["registered", "returned"], {"dispatcher"}),
    ("handle", ["dispatched"], {"department"}),
    ("check", ["handled"], {"supervisor"}),
    ("close", ["checked"], {"shift_leader"}),
    ("overdue", None, {"shift_leader", "dispatcher"}),
]
DRILL = "drill"  # the drill-down tab: the cases behind a figure of the evaluation, whatever their state
PHOTO_LINK = "citygrid-photo:open"  # the only link of the detail view; never a link from case text
# the columns in reading order: what a person needs first comes first (the countdown right after
# the number, so it is visible in a narrow dock); the description takes the rest of the width
COLUMNS = ("case_no", "time_left", "class_name", "state", "department_name", "grid_code", "source", "description")
STATE_TABS = {"dispatch", "overdue", DRILL}  # tabs holding cases in more than one state show the state
ID_ROLE = Qt.UserRole          # the case id, on the case number's item
# countdown colours (text, background) by urgency: dark text on a light tint reads on a selected row too
URGENCY_COLOURS = {
    "overdue": ("#a3161b", "#fbd9d7"),
    "urgent": ("#9a3c00", "#ffe2c2"),
    "soon": ("#6b4f00", "#fdefb8"),
    "ok": ("#1e6b2a", "#dcf0dd"),
    "none": ("#666666", None),
}
TABLE_FONT_SCALE = 0.9
DESTRUCTIVE_STYLE = ("QPushButton { color: #a3161b; border: 1px solid #d62728; border-radius: 3px; "
                     "padding: 3px 10px; background: #fff5f5; } QPushButton:hover { background: #fde3e3; }")


def tab_title(tab: str) -> str:
    return {
        "accept": tr("To accept"), "verify": tr("To verify"), "register": tr("To register"),
        "dispatch": tr("To dispatch"), "handle": tr("To handle"), "check": tr("To check"),
        "close": tr("To close"), "overdue": tr("Overdue"), DRILL: tr("Drill-down"),
    }[tab]


def column_title(column: str) -> str:
    return {
        "case_no": tr("Case no."), "time_left": tr("Time left"), "class_name": tr("Class"), "state": tr("State"),
        "department_name": tr("Department"), "grid_code": tr("Grid"), "source": tr("Source"),
        "description": tr("Description"),
    }[column]


def action_title(action: str) -> str:
    """The button text of *action* (core.workflow names it once for every screen)."""
    return action_label(action)


class CaseQueueDock(SessionDock):
    """The case queue. *store*: the plugin's shared StoreSession, or a StoreTarget for a dock with
    a session of its own. *roles* narrows the tabs and buttons to the roles worked today (default:
    the settings), always within what the store grants the login.

    ``rows[tab]`` holds the open cases each queue tab lists (in the store's order, most urgent
    first); ``drill_rows`` the cases of the drill-down tab; ``current`` the selected case."""

    def __init__(self, iface, store, roles: list[str] | None = None, parent=None, live: bool = True) -> None:
        super().__init__(tr("Case queue"), store, parent, live)
        self.setObjectName("CityGridCaseQueue")
        self.iface = iface
        # the store decides what this user may do; the settings only narrow it ("my roles today")
        self.granted = list(self.session.roles)
        self.department = self.session.department
        self.roles = [r for r in (roles if roles is not None else shown_roles()) if r in self.granted]
        self.rows: dict[str, list[dict]] = {}
        self.drill_rows: list[dict] = []
        self._opened_on_work = False
        self.drill_ids: list[int] | None = None
        self.drill_title = ""
        self.current: dict | None = None
        self.photo_path = None
        self.tables: dict[str, QTableWidget] = {}
        self._closed = False
        self._asking = False          # a dialog of an action is open: the case must not change under it
        self._missed_refresh = False

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.addLayout(self._filters())

        drill = QHBoxLayout()
        self.drill_label = QLabel()
        self.drill_label.setTextFormat(Qt.PlainText)  # the title names departments, streets…
        self.drill_label.setWordWrap(True)
        font = self.drill_label.font()
        font.setBold(True)
        self.drill_label.setFont(font)
        self.drill_clear = QPushButton(tr("Show all cases"))
        self.drill_clear.clicked.connect(lambda: self.set_drill_down(None))
        drill.addWidget(self.drill_label, 1)
        drill.addWidget(self.drill_clear, 0, Qt.AlignTop)
        layout.addLayout(drill)

        splitter = QSplitter(Qt.Vertical)
        splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_changed)
        splitter.addWidget(self.tabs)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        self.buttons = FlowLayout()                 # the case's actions, wrapping
        self.danger_buttons = QHBoxLayout()        # destructive actions, apart on the right
        actions.addLayout(self.buttons, 1)
        actions.addSpacing(16)
        actions.addLayout(self.danger_buttons, 0)
        detail_layout.addLayout(actions)
        # case text is shown escaped (core.textsafe.html_text) and no link is ever followed by Qt:
        # the one link, to a local photo, is opened by _link_clicked
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setOpenExternalLinks(False)
        self.detail.anchorClicked.connect(self._link_clicked)
        detail_layout.addWidget(self.detail)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.setWidget(body)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(300)
        self.debounce.timeout.connect(self.refresh)
        self.ticker = QTimer(self)  # the countdowns move even when nothing changes
        self.ticker.setInterval(60_000)
        self.ticker.timeout.connect(self.refresh)
        self.ticker.start()
        self._build_tabs()
        self._show_drill()
        self.refresh()

    # -- building ------------------------------------------------------------------------------
    def _filters(self) -> FlowLayout:
        """What to look for (class, area), where it came from, who handles it, overdue only: in
        one row in a wide dock, wrapping into more rows in a narrow one, every hint readable."""
        self.class_filter = QLineEdit()
        self.class_filter.setPlaceholderText(tr("class code or name"))
        self.area_filter = QLineEdit()
        self.area_filter.setPlaceholderText(tr("street / community / grid code"))
        for edit in (self.class_filter, self.area_filter):
            edit.setClearButtonEnabled(True)
            edit.setToolTip(edit.placeholderText())
            # the hint stays readable: its width plus the frame and text margins
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 14)
            edit.editingFinished.connect(self.refresh)
        self.source_filter = QComboBox()
        self.source_filter.addItem(tr("all sources"), "")
        for source in SOURCES:
            self.source_filter.addItem(source, source)
        self.department_filter = QComboBox()
        self.department_filter.addItem(tr("all departments"), "")
        try:
            for code, name in cases.departments(self.conn):
                self.department_filter.addItem(name, code)
        except StoreError as exc:
            self.store_failed(exc)
        for combo in (self.source_filter, self.department_filter):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(1)
            option = QStyleOptionComboBox()
            combo.initStyleOption(option)
            text = QSize(combo.fontMetrics().horizontalAdvance(combo.itemText(0)) + 8, combo.fontMetrics().height())
            combo.setMinimumWidth(combo.style().sizeFromContents(QStyle.CT_ComboBox, option, text, combo).width())
            combo.currentIndexChanged.connect(self.refresh)
        self.overdue_filter = QCheckBox(tr("overdue only"))
        self.overdue_filter.toggled.connect(self.refresh)

        flow = FlowLayout(spacing=4, justify=True)
        for widget in (self.class_filter, self.area_filter, self.source_filter, self.department_filter,
                       self.overdue_filter):
            flow.addWidget(widget)
        return flow

    def _build_tabs(self) -> None:
        """One tab per queue the roles work (and the drill-down tab while there is one)."""
        self.tabs.blockSignals(True)
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        self.tables = {}
        if self.drill_ids is not None:
            self.tables[DRILL] = self._make_table(DRILL)
            self.tabs.addTab(self.tables[DRILL], tab_title(DRILL))
        for tab, _states, tab_roles in TABS:
            if tab_roles & set(self.roles):
                self.tables[tab] = self._make_table(tab)
                self.tabs.addTab(self.tables[tab], tab_title(tab))
        self.rows = {tab: self.rows.get(tab, []) for tab in self.tables if tab != DRILL}
        self.tabs.blockSignals(False)

    def _make_table(self, tab: str) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setObjectName(f"queue_{tab}")
        table.setHorizontalHeaderLabels([column_title(c) for c in COLUMNS])
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setSelectionMode(QAbstractItemView.SingleSelection)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.ElideRight)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setFrameShape(QFrame.NoFrame)
        # a dense table: 90 % of the dock's font, so that the case number, the countdown and the
        # class fit side by side in a dock of the default width (~435 px)
        font = table.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * TABLE_FONT_SCALE)
        else:
            font.setPixelSize(max(8, round(font.pixelSize() * TABLE_FONT_SCALE)))
        table.setFont(font)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        for index, column in enumerate(COLUMNS):
            header.setSectionResizeMode(index, QHeaderView.Stretch if column == "description"
                                        else QHeaderView.ResizeToContents)
        header.setMinimumSectionSize(40)
        if tab not in STATE_TABS:
            table.hideColumn(COLUMNS.index("state"))
        table.setItemDelegateForColumn(COLUMNS.index("time_left"), CountdownDelegate(table))
        # the most urgent first, as the store orders them; a click on a header sorts by that column
        header.setSortIndicator(COLUMNS.index("time_left"), Qt.AscendingOrder)
        table.setSortingEnabled(True)
        table.itemSelectionChanged.connect(lambda t=tab: self._selected(t))
        return table

    # -- live ------------------------------------------------------------------------------------
    def on_notified(self, payload: str) -> None:
        if payload.startswith("case:"):
            self.debounce.start()
            self._repaint_case_layers()

    def on_reconnected(self) -> None:
        """The listener is back after losing the store: notifications sent meanwhile are lost, so
        re-read everything. The session's own connection was most likely cut too (a restart leaves
        it looking open until its next query fails), so it is opened afresh first."""
        try:
            self.session.reconnect()
        except StoreError as exc:
            self.status.setText(tr("Connection to the store lost; reconnecting…") + f" ({exc})")
        self.debounce.start()

    def _repaint_case_layers(self) -> None:
        """The project's live case layers follow the dock (QGIS 3.22's own refresh-on-notify
        listener does not survive a database restart, so the dock drives it)."""
        from qgis.core import QgsProject

        for layer in QgsProject.instance().mapLayers().values():
            if layer.customProperty("citygrid/role") == "cases_live":
                layer.dataProvider().reloadData()
                layer.triggerRepaint()

    # -- data ------------------------------------------------------------------------------------
    def _connected(self) -> bool:
        """A connection to read on (the session's, reopened if a failure closed it)."""
        if self.session.conn is not None and not self.session.conn.closed:
            return True
        try:
            self.session.reconnect()
        except StoreError as exc:
            self.status.setText(tr("Connection to the store lost; reconnecting…") + f" ({exc})")
            return False
        return True

    def refresh(self) -> None:
        """Re-read every tab, keeping each table's sort and the selected case."""
        if self._asking:
            self._missed_refresh = True
            return
        if self._closed or not self._connected():
            return
        selected = self.current["id"] if self.current else None
        filters = {"class_text": self.class_filter.text().strip(), "source": self.source_filter.currentData() or "",
                   "area": self.area_filter.text().strip(),
                   "department": self.department_filter.currentData() or "",
                   "overdue_only": self.overdue_filter.isChecked(), "ids": self.drill_ids}
        read: dict[str, list[dict]] = {}
        try:
            for tab in self.tables:
                if tab == DRILL:
                    read[tab] = cases.queue_rows(self.conn, None, finished_too=True, **filters)
                    continue
                states = next(s for t, s, _r in TABS if t == tab)
                read[tab] = cases.queue_rows(self.conn, states,
                                             **dict(filters, overdue_only=filters["overdue_only"] or tab == "overdue"))
        except StoreError as exc:
            self.store_failed(exc)
            return
        if self.status.text().startswith(tr("Connection to the store lost; reconnecting…")):
            self.status.setText("")
        for tab, rows in read.items():
            if tab == DRILL:
                self.drill_rows = rows
            else:
                self.rows[tab] = rows
            self._fill(self.tables[tab], rows)
            self.tabs.setTabText(self.tabs.indexOf(self.tables[tab]), f"{tab_title(tab)} ({len(rows)})")
        if not self._opened_on_work:
            # the first read: open on the first tab that holds work (not on an empty one)
            self._opened_on_work = True
            busy = next((self.tables[t] for t, _s, _r in TABS if t in self.tables and self.rows.get(t)), None)
            if busy is not None:
                self.tabs.setCurrentWidget(busy)
        self.current = None
        if selected is None or not self._reselect(selected):
            self._show_detail()

    def _fill(self, table: QTableWidget, rows: list[dict]) -> None:
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

    def _tab_rows(self, tab: str) -> list[dict]:
        return self.drill_rows if tab == DRILL else self.rows.get(tab, [])

    def _tab_of(self, table) -> str | None:
        return next((t for t, w in self.tables.items() if w is table), None)

    def _row_index(self, tab: str, case_id: int) -> int:
        table = self.tables[tab]
        for r in range(table.rowCount()):
            item = table.item(r, 0)
            if item is not None and item.data(ID_ROLE) == case_id:
                return r
        return -1

    # -- drill-down --------------------------------------------------------------------------------
    def set_drill_down(self, ids: list[int] | None, title: str = "") -> None:
        """Show the cases *ids* (a figure of the evaluation) in a drill-down tab, whatever their
        state, and only those in the queue tabs; None shows every case again."""
        self.drill_ids = None if ids is None else sorted({int(i) for i in ids})
        self.drill_title = title if ids is not None else ""
        self.current = None
        self._build_tabs()
        self._show_drill()
        self.refresh()
        if self.drill_ids is not None:
            self.tabs.setCurrentWidget(self.tables[DRILL])

    def _show_drill(self) -> None:
        active = self.drill_ids is not None
        self.drill_label.setVisible(active)
        self.drill_clear.setVisible(active)
        if active:
            self.drill_label.setText(tr("Drill-down: {title} — {n} cases").format(
                title=self.drill_title, n=len(self.drill_ids)))

    def show_roles(self, roles: list[str] | None) -> None:
        """Work as *roles* today (None: the settings), within what the store grants."""
        self.roles = [r for r in (roles if roles is not None else shown_roles()) if r in self.granted]
        self.current = None
        self._build_tabs()
        self._opened_on_work = False   # new tabs: open on the first that holds work again
        self.refresh()

    # -- selection ---------------------------------------------------------------------------------
    def _tab_changed(self, _index: int) -> None:
        tab = self._tab_of(self.tabs.currentWidget())
        if tab is not None:
            self._selected(tab, zoom=False)

    def _selected(self, tab: str, zoom: bool = True) -> None:
        table = self.tables.get(tab)
        if table is None:
            return
        picked = table.selectionModel().selectedRows()
        item = table.item(picked[0].row(), 0) if picked else None
        case_id = item.data(ID_ROLE) if item is not None else None
        self.current = next((r for r in self._tab_rows(tab) if r["id"] == case_id), None)
        self._show_detail()
        if zoom and self.current is not None and self.iface is not None:
            point = QgsGeometry.fromPointXY(QgsPointXY(self.current["x"], self.current["y"]))
            canvas = self.iface.mapCanvas()
            canvas.setCenter(point.asPoint())
            canvas.refresh()
            canvas.flashGeometries([point])

    def select_case(self, case_id: int) -> bool:
        """Select *case_id* in the current tab, else in the first tab holding it."""
        current = self._tab_of(self.tabs.currentWidget())
        for tab in [current] + [t for t in self.tables if t != current]:
            if tab is None:
                continue
            index = self._row_index(tab, case_id)
            if index >= 0:
                self.tabs.setCurrentWidget(self.tables[tab])
                self.tables[tab].selectRow(index)
                self.tables[tab].scrollToItem(self.tables[tab].item(index, 0))
                self.current = next(r for r in self._tab_rows(tab) if r["id"] == case_id)
                self._show_detail()
                return True
        return False

    def _reselect(self, case_id: int) -> bool:
        """After a refresh: the same case selected again in the tab shown (no zoom, no jump)."""
        tab = self._tab_of(self.tabs.currentWidget())
        if tab is None:
            return False
        index = self._row_index(tab, case_id)
        if index < 0:
            return False
        table = self.tables[tab]
        table.blockSignals(True)
        table.selectRow(index)
        table.blockSignals(False)
        self.current = next(r for r in self._tab_rows(tab) if r["id"] == case_id)
        self._show_detail()
        return True

    # -- detail --------------------------------------------------------------------------------------
    def _clear_buttons(self) -> None:
        for layout in (self.buttons, self.danger_buttons):
            while layout.count():
                widget = layout.takeAt(0).widget()
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()

    def _show_detail(self) -> None:
        self._clear_buttons()
        self.photo_path = None
        if self.current is None:
            hint = tr("Select a case to see its history and what you may do with it.")
            self.detail.setHtml(f"<p style='color:#666666'>{html_text(hint)}</p>")
            return
        row = self.current
        try:
            history = cases.case_history(self.conn, row["id"])
            photo = self._photo_html(row["id"])
            allowed = self.allowed()
        except StoreError as exc:
            self.store_failed(exc)
            return
        self.detail.setHtml(self._detail_html(row, history, photo))
        for action, role, needs in allowed:
            button = QPushButton(action_label(action))
            button.setObjectName(f"action_{action}")
            button.setProperty("citygrid_action", action)
            button.setProperty("citygrid_role", role)
            button.setProperty("citygrid_irreversible", action in IRREVERSIBLE)
            button.setToolTip(tr("as {role}").format(role=role_label(role)))
            button.clicked.connect(lambda _c=False, a=action, r=role, n=needs: self._clicked(a, r, n))
            if action in DESTRUCTIVE:
                button.setStyleSheet(DESTRUCTIVE_STYLE)
                self.danger_buttons.addWidget(button)
            else:
                self.buttons.addWidget(button)

    def _detail_html(self, row: dict, history: list[dict], photo: str) -> str:
        """The case and its history; every text from the store or a person is escaped: it is
        shown, never rendered."""
        e = html_text
        facts = [state_label(row["state"])]
        if row["hours_left"] is not None:
            facts.append(format_time_left(row["hours_left"]))
        if row["department_name"]:
            facts.append(row["department_name"])
        colour = URGENCY_COLOURS[urgency(row["hours_left"])][0]
        lines = [f"<h3>{e(row['case_no'])} · {e(row['class_name'] or row['class_code'])}</h3>",
                 f"<p><b>{e(facts[0])}</b>" + "".join(
                     f" · <span style='color:{colour}'>{e(f)}</span>" if i == 1 and row["hours_left"] is not None
                     else f" · {e(f)}" for i, f in enumerate(facts[1:], 1)) + "</p>",
                 f"<p>{e(row['description'])}<br>{e(row['address'])}</p>",
                 photo,
                 "<table cellspacing='0' cellpadding='3' border='1' style='border-collapse: collapse; "
                 "border-color: #c8c8c8'><thead><tr>"]
        for title in (tr("Time"), tr("Action"), tr("State"), tr("Person"), tr("Role"), tr("Note")):
            lines.append(f"<th align='left' bgcolor='#eeeeee' style='white-space: nowrap'>{e(title)}</th>")
        lines.append("</tr></thead>")
        this_year = datetime.now().year
        for step in history:
            at = step["at"]
            when = f"{at:%m-%d %H:%M}" if at.year == this_year else f"{at:%Y-%m-%d %H:%M}"
            person = step["actor_name"] or step["actor"]
            # short cells on one line (a word is never broken); the note wraps
            cells = (when, action_label(step["action"]), state_label(step["to_state"]), person,
                     role_label(step["role"]))
            lines.append("<tr>" + "".join(f"<td style='white-space: nowrap'>{e(c)}</td>" for c in cells)
                         + f"<td>{e(step['note'])}</td></tr>")
        lines.append("</table>")
        return "".join(lines)

    def _photo_html(self, case_id: int) -> str:
        """The photo link as text; a link and a thumbnail only for a local image file that
        exists (core.textsafe.local_image), opened by :meth:`_link_clicked`, never by Qt."""
        photo = cases.case_photo(self.conn, case_id)
        if not photo:
            return ""
        self.photo_path = local_image(photo)
        if self.photo_path is None:
            return f"<p>{html_text(tr('Photo'))}: {html_text(photo)}</p>"
        src = html_text(QUrl.fromLocalFile(str(self.photo_path)).toString())
        return (f'<p><a href="{PHOTO_LINK}">{html_text(tr("Photo"))}</a>: {html_text(photo)}<br>'
                f'<img src="{src}" width="240"></p>')

    def _link_clicked(self, url: QUrl) -> bool:
        """Open the selected case's local photo (checked again now); any other link is ignored."""
        if url.toString() != PHOTO_LINK or self.photo_path is None:
            return False
        path = local_image(str(self.photo_path))
        if path is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def allowed(self) -> list[tuple[str, str, dict]]:
        """What the store lets this login do to the selected case now, in the roles worked today:
        (action, role, needed inputs), one per action."""
        if self.current is None:
            return []
        return cases.allowed_actions(self.conn, self.current["id"], self.roles)

    # -- actions ---------------------------------------------------------------------------------------
    def _clicked(self, action: str, role: str, needs: dict) -> None:
        """Ask for the inputs, confirm an irreversible action, then act on the case as the person
        saw it when they clicked (no refresh replaces it while a dialog is open)."""
        case = self.current
        if case is None:
            return
        self._asking = True
        try:
            inputs = self.ask_inputs(action, needs)
            go = inputs is not None
            if go and action == "register":
                duplicates = self.confirm_duplicates()  # asking about duplicates is the confirmation
                go = duplicates is True or (duplicates is None and self.confirm(action))
            elif go and action in IRREVERSIBLE:
                go = self.confirm(action)
        finally:
            self._asking = False
        if go:
            self.perform(action, role, *inputs, case=case)
        elif self._missed_refresh:
            self._missed_refresh = False
            self.refresh()

    def confirm(self, action: str) -> bool:
        """Ask before an irreversible action; No is the default (Enter or Esc keeps the case)."""
        box = QMessageBox(QMessageBox.Question, action_label(action),
                          confirm_text(action, self.current["case_no"]), QMessageBox.Yes | QMessageBox.No, self)
        box.setTextFormat(Qt.PlainText)
        box.button(QMessageBox.Yes).setText(action_label(action))
        box.button(QMessageBox.No).setText(tr("Go back"))
        box.setDefaultButton(QMessageBox.No)
        box.setEscapeButton(QMessageBox.No)
        return box.exec() == QMessageBox.Yes

    def ask_inputs(self, action: str, needs: dict) -> tuple[str | None, dict] | None:
        """(note, data) for *action*, asked in dialogs; None when the user cancels."""
        note, data = None, {}
        if needs.get("department"):
            options = cases.departments(self.conn)
            suggested = cases.suggested_department(self.conn, self.current["id"])
            labels = [f"{name} ({code})" for code, name in options]
            current = next((i for i, (code, _n) in enumerate(options) if code == suggested), 0)
            label, ok = QInputDialog.getItem(self, action_label(action), tr("Department (suggested first)"),
                                             labels, current, False)
            if not ok:
                return None
            data["department"] = options[labels.index(label)][0]
        if needs.get("hours"):
            hours, ok = QInputDialog.getDouble(self, action_label(action), tr("Extension (hours)"), 24, 1, 2000, 1)
            if not ok:
                return None
            data["hours"] = hours
        if needs.get("note"):
            note, ok = QInputDialog.getMultiLineText(self, action_label(action), tr("Reason"))
            if not ok or not note.strip():
                return None
        return note, data

    def confirm_duplicates(self) -> bool | None:
        """None when no case nearby looks the same; else whether the user registers anyway."""
        found = cases.possible_duplicates(self.conn, self.current["id"])
        if not found:
            return None
        text = "\n".join(f"{no}  {state_label(state)}  {metres} m  {at:%Y-%m-%d}" for no, state, metres, at in found)
        box = QMessageBox(QMessageBox.Question, tr("Possible duplicates"), tr(
            "Cases of the same class nearby in the last 30 days:\n{cases}\n\nRegister anyway?").format(cases=text),
            QMessageBox.Yes | QMessageBox.No, self)
        box.setTextFormat(Qt.PlainText)
        box.button(QMessageBox.Yes).setText(action_label("register"))
        box.button(QMessageBox.No).setText(tr("Go back"))
        box.setDefaultButton(QMessageBox.No)
        box.setEscapeButton(QMessageBox.No)
        return box.exec() == QMessageBox.Yes

    def perform(self, action: str, role: str, note: str | None = None, data: dict | None = None,
                case: dict | None = None) -> bool:
        """Apply *action* to *case* (default: the selected one) at the version the person saw,
        through the workflow function; show refusals and conflicts."""
        case = case or self.current
        if case is None:
            return False
        self._missed_refresh = False
        try:
            cases.act(self.conn, case["id"], action, role, case["version"], note, data)
        except cases.CaseConflict as exc:
            self._message(str(exc), Qgis.Warning)
            self.refresh()
            return False
        except cases.CaseRefused as exc:
            self._message(str(exc), Qgis.Warning)
            self.refresh()
            return False
        except StoreError as exc:
            self.store_failed(exc)
            if self.iface is not None:
                self.iface.messageBar().pushMessage("CityGrid", html_text(self.status.text()), Qgis.Warning, 5)
            return False
        self._message(tr("{case}: {action} done").format(case=case["case_no"], action=action_label(action)),
                      Qgis.Info)
        self.refresh()
        return True

    def _message(self, text: str, level) -> None:
        self.status.setText(text)
        if self.iface is not None:  # the message bar renders HTML (and opens its links): escape
            self.iface.messageBar().pushMessage("CityGrid", html_text(text), level, 5)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the timers and listening; close the session when it is the dock's own (the dock
        may be reopened later). Safe to call twice."""
        self.debounce.stop()
        self.ticker.stop()
        if self._closed:
            return
        self._closed = True
        super().shutdown()
