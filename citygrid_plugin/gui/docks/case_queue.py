"""The case dock (案件队列 and the case desk) of the supervision and command centres.

(Longer than 500 lines on purpose: it is one screen — tabs, filters, tables, actions — whose
parts read the same state; the detail pane is gui/docks/case_detail.py, the search form
gui/docks/case_search.py, the action dialog gui/dialogs/action_dialog.py, the shared widgets
gui/widgets.py and gui/photos.py.)

One tab per queue the user's roles work (to accept, to verify, to register, to dispatch, to
handle, to check, to close, overdue; the shift leader's deferred cases (挂账) and pending
extension requests (延期申请); a supervisor's verify and check tabs hold his own tasks — the cases
of the grids he answers for — and those nobody's, the shift leader reassigns one (改派) from a
supervisor to another), and a search tab (查询) over every case the login may see, closed
ones too; with counts, filters, the most urgent case first and a countdown ("剩余 3小时05分",
"超时 2天14小时") coloured by the time left; every column sorts (the countdown by hours). The
buttons offer what the store says this login may do to the selected case now
(``citygrid.case_allowed_actions``), one per action, the destructive ones apart on the right; an
irreversible action is confirmed first, and the inputs an action needs (department and assisting
departments, note, hours, photos) are asked for in one dialog. Every action goes through the
store's workflow function, so a refusal or a conflict comes back as a message in the user's
language and nothing is half-done. Selecting a case zooms to it and flashes it; the detail shows
its facts, photos by stage and history. A drill-down from the evaluation opens a tab of its own
listing the figure's cases whatever their state. Changes by anyone arrive live through the shared
:class:`~citygrid_plugin.gui.session.StoreSession` and refresh the dock within a second.
"""
from __future__ import annotations

from qgis.core import Qgis, QgsGeometry, QgsPointXY
from qgis.PyQt.QtCore import QSize, Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QStyleOptionComboBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.casefilter import SOURCES
from ...core.i18n import tr
from ...core.textsafe import html_text
from ...core.workflow import (
    CASE_ROLES,
    DESTRUCTIVE,
    IRREVERSIBLE,
    confirm_text,
    role_label,
    state_label,
)
from ...store import cases, desk, intake, patrol
from ...store import manual as store_manual
from ...store import photos as store_photos
from ...store.db import StoreError
from ..dialogs.action_dialog import ActionDialog
from ..manual_view import ACTION_STANDARD
from ..preferences import shown_roles
from ..widgets import FlowLayout
from . import SessionDock
from .case_detail import PHOTO_LINK, URGENCY_COLOURS, CaseDetailView, action_title
from .case_search import SearchPanel
from .case_table import COLUMNS, ID_ROLE, fill_case_table, make_case_table

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
    ("overdue", None, {"shift_leader", "dispatcher", "office"}),
    ("deferred", None, {"shift_leader", "office"}),     # 挂账: store.desk.deferred
    ("extension", None, {"shift_leader", "office"}),    # 延期申请: store.desk.extension_requests (数字城管办 approves)
    ("revisit", None, {"operator"}),                    # 待回访: store.desk.revisits (closed public reports)
]
DESK_LISTS = {"deferred": desk.deferred, "extension": desk.extension_requests, "revisit": desk.revisits}
MINE = {"verify", "check"}  # a supervisor's tasks: his own (the grid's supervisor: work_case.assignee) or anyone's
DRILL = "drill"  # the drill-down tab: the cases behind a figure of the evaluation, whatever their state
SEARCH = "search"  # the search tab (查询): every case the login may see, for everyone with a case role
__all__ = ["COLUMNS", "PHOTO_LINK", "URGENCY_COLOURS", "CaseQueueDock"]
STATE_TABS = {"dispatch", "overdue", "deferred", "extension", DRILL, SEARCH}  # cases in several states: say which
DESTRUCTIVE_STYLE = ("QPushButton { color: #a3161b; border: 1px solid #d62728; border-radius: 3px; "
                     "padding: 3px 10px; background: #fff5f5; } QPushButton:hover { background: #fde3e3; }")


def tab_title(tab: str) -> str:
    return {
        "accept": tr("To accept"), "verify": tr("To verify"), "register": tr("To register"),
        "dispatch": tr("To dispatch"), "handle": tr("To handle"), "check": tr("To check"),
        "close": tr("To close"), "overdue": tr("Overdue"), DRILL: tr("Drill-down"),
        "deferred": tr("Deferred (挂账)"), "extension": tr("Extension requests"), SEARCH: tr("Search"),
        "revisit": tr("To call back (回访)"),
    }[tab]


class CaseQueueDock(SessionDock):
    """The case queue. *store*: the plugin's shared StoreSession, or a StoreTarget for a dock with
    a session of its own. *roles* narrows the tabs and buttons to the roles worked today (default:
    the settings), always within what the store grants the login.

    ``rows[tab]`` holds the cases each tab lists (in the store's order, most urgent first; the
    search tab's results once a search ran); ``drill_rows`` the cases of the drill-down tab;
    ``current`` the selected case; ``tables[tab]`` each tab's table, ``pages[tab]`` the tab's page
    (the table itself, or the search form with its table)."""

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
        self.tables: dict[str, QTableWidget] = {}
        self.pages: dict[str, QWidget] = {}
        self.search_panel: SearchPanel | None = None
        self.searched: dict | None = None   # the criteria of the last search (re-run on every refresh)
        self._closed = False
        self._asking = False          # a dialog of an action is open: the case must not change under it
        self._missed_refresh = False

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(3, 3, 3, 3)
        self.filter_bar = QWidget()      # the queues' filters (hidden on the search tab, which has its own)
        self.filter_bar.setLayout(self._filters())
        layout.addWidget(self.filter_bar)

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
        # facts, photos by stage and history; case text is shown escaped and no link is followed by Qt
        self.case_view = CaseDetailView(lambda: self.conn, self.store_failed, self._message)
        self.detail = self.case_view.browser
        detail_layout.addWidget(self.case_view, 1)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)    # the detail (photos, facts, history) gets the larger share
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 600])
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
            if widget is not self.search_panel:   # the search form keeps what was typed
                widget.deleteLater()
        self.tables, self.pages = {}, {}
        if self.drill_ids is not None:
            self._add_tab(DRILL, make_case_table(DRILL in STATE_TABS, lambda: self._selected(DRILL)))
        for tab, _states, tab_roles in TABS:
            if tab_roles & set(self.roles):
                self._add_tab(tab, make_case_table(tab in STATE_TABS, lambda t=tab: self._selected(t)))
        if set(self.roles) & set(CASE_ROLES):
            if self.search_panel is None:
                classes, sources = self._search_choices()
                self.search_panel = SearchPanel(make_case_table(True, lambda: self._selected(SEARCH)), classes, sources)
                self.search_panel.search_requested.connect(self.search)
            self.tables[SEARCH] = self.search_panel.table
            self._add_tab(SEARCH, self.search_panel)
            self.tabs.setTabText(self.tabs.indexOf(self.search_panel), self._search_title())
        self.rows = {tab: self.rows.get(tab, []) for tab in self.tables if tab != DRILL}
        self.tabs.blockSignals(False)

    def _add_tab(self, tab: str, page: QWidget) -> None:
        self.pages[tab] = page
        if tab != SEARCH:
            self.tables[tab] = page
        self.tables[tab].setObjectName(f"queue_{tab}")
        self.tabs.addTab(page, tab_title(tab))

    def _search_choices(self) -> tuple[list[dict], list[str]]:
        """The classes of the store's profile and the sources, for the search form."""
        try:
            return intake.class_table(self.conn), [s["name"] for s in intake.sources(self.conn)]
        except StoreError as exc:
            self.store_failed(exc)
            return [], list(SOURCES)

    def _search_title(self) -> str:
        rows = self.rows.get(SEARCH)
        return tab_title(SEARCH) if self.searched is None else f"{tab_title(SEARCH)} ({len(rows or [])})"

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
                if tab == SEARCH:
                    if self.searched is not None:
                        read[tab] = desk.search(self.conn, **self.searched)
                    continue
                if tab in DESK_LISTS:
                    read[tab] = [r for r in DESK_LISTS[tab](self.conn) if self._passes(r, filters)]
                    continue
                states = next(s for t, s, _r in TABS if t == tab)
                read[tab] = cases.queue_rows(self.conn, states, mine=tab in MINE,
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
            fill_case_table(self.tables[tab], rows)
            title = self._search_title() if tab == SEARCH else f"{tab_title(tab)} ({len(rows)})"
            self.tabs.setTabText(self.tabs.indexOf(self.pages[tab]), title)
        if not self._opened_on_work:
            # the first read: open on the first tab that holds work (not on an empty one)
            self._opened_on_work = True
            busy = next((self.pages[t] for t, _s, _r in TABS if t in self.tables and self.rows.get(t)), None)
            if busy is not None:
                self.tabs.setCurrentWidget(busy)
        self.current = None
        if selected is None or not self._reselect(selected):
            self._show_detail()

    @staticmethod
    def _passes(row: dict, filters: dict) -> bool:
        """The queue filters on a row of the desk's lists (挂账, 延期申请), as queue_rows applies them."""
        text, area = filters["class_text"], filters["area"]
        return ((not text or (row["class_code"] or "").startswith(text) or text in (row["class_name"] or ""))
                and (not filters["source"] or row["source"] == filters["source"])
                and (not area or (row["grid_code"] or "").startswith(area) or row["street_code"] == area)
                and (not filters["department"] or row["department_code"] == filters["department"])
                and (not filters["overdue_only"] or (row["hours_left"] is not None and row["hours_left"] < 0))
                and (filters["ids"] is None or row["id"] in filters["ids"]))

    def search(self) -> None:
        """Search with the form's criteria (查询) and show the results in the search tab."""
        self.searched = self.search_panel.criteria()
        self.current = None
        self.refresh()
        if SEARCH in self.pages:
            self.tabs.setCurrentWidget(self.pages[SEARCH])

    def _tab_rows(self, tab: str) -> list[dict]:
        return self.drill_rows if tab == DRILL else self.rows.get(tab, [])

    def _tab_of(self, page) -> str | None:
        return next((t for t, w in self.pages.items() if w is page), None)

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
        self.filter_bar.setVisible(tab != SEARCH)   # the search tab has a form of its own
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
                self.tabs.setCurrentWidget(self.pages[tab])
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
        if self.current is None:
            self.case_view.clear()
            return
        row = self.current
        try:
            history = cases.case_history(self.conn, row["id"])
            detail = desk.case_detail(self.conn, row["id"])
            infos = store_photos.case_photos(self.conn, row["id"])
            legacy = cases.case_photo(self.conn, row["id"])
            page = store_manual.case_entry(self.conn, row["id"])
            allowed = self.allowed()
        except StoreError as exc:
            self.store_failed(exc)
            return
        self.case_view.show_case(row, detail, history, infos, legacy, page)
        for action, role, needs in allowed:
            button = QPushButton(action_title(action))
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
            inputs = self.ask_inputs(action, needs, role)
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
        box = QMessageBox(QMessageBox.Question, action_title(action),
                          confirm_text(action, self.current["case_no"]), QMessageBox.Yes | QMessageBox.No, self)
        box.setTextFormat(Qt.PlainText)
        box.button(QMessageBox.Yes).setText(action_title(action))
        box.button(QMessageBox.No).setText(tr("Go back"))
        box.setDefaultButton(QMessageBox.No)
        box.setEscapeButton(QMessageBox.No)
        return box.exec() == QMessageBox.Yes

    def ask_inputs(self, action: str, needs: dict, role: str = "") -> tuple[str | None, dict, list] | None:
        """(note, data, photos) for *action*, asked in one dialog (gui/dialogs/action_dialog.py)
        when it needs anything or is decided on a standard of the command manual (立案 with its
        situation, 派遣 and handling, 核查 and 结案); None when the user goes back."""
        stage = needs.get("photo") or cases.photo_stage(action, role)
        manual_page = action in ACTION_STANDARD
        if not any(needs.get(k) for k in ("department", "hours", "note", "supervisor", "reached")) and stage is None \
                and not manual_page:
            return None, {}, []
        departments, suggested, page, supervisors = [], None, None, []
        try:
            if needs.get("supervisor"):   # 改派: the supervisors who may take the task
                supervisors = patrol.supervisors(self.conn)
            if needs.get("department"):
                departments = cases.departments(self.conn)
                suggested = cases.suggested_department(self.conn, self.current["id"])
            if manual_page:
                page = store_manual.case_entry(self.conn, self.current["id"])
        except StoreError as exc:
            self.store_failed(exc)
            return None
        # the handling deadline runs while the case is with the department
        deadline = self.current.get("stage_deadline") if self.current.get("state") == "dispatched" else None
        dialog = ActionDialog(action_title(action), self.current["case_no"], action, needs, departments,
                              suggested, stage, self, manual=page, deadline=deadline, supervisors=supervisors,
                              assignee=self.current.get("assignee"))
        if dialog.exec() != ActionDialog.Accepted:
            return None
        return dialog.note, dialog.data, dialog.photos

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
        box.button(QMessageBox.Yes).setText(action_title("register"))
        box.button(QMessageBox.No).setText(tr("Go back"))
        box.setDefaultButton(QMessageBox.No)
        box.setEscapeButton(QMessageBox.No)
        return box.exec() == QMessageBox.Yes

    def perform(self, action: str, role: str, note: str | None = None, data: dict | None = None,
                photos: list | tuple = (), case: dict | None = None) -> bool:
        """Apply *action* to *case* (default: the selected one) at the version the person saw,
        with its *photos* (store.photos.Photo), in one call of the workflow function; show
        refusals (a refused photo included) and conflicts."""
        case = case or self.current
        if case is None:
            return False
        self._missed_refresh = False
        try:
            cases.act(self.conn, case["id"], action, role, case["version"], note, data, photos=list(photos))
        except cases.CaseConflict as exc:
            self._message(str(exc), Qgis.Warning)
            self.refresh()
            return False
        except (cases.CaseRefused, store_photos.PhotoError) as exc:
            self._message(str(exc), Qgis.Warning)
            self.refresh()
            return False
        except StoreError as exc:
            self.store_failed(exc)
            if self.iface is not None:
                self.iface.messageBar().pushMessage("CityGrid", html_text(self.status.text()), Qgis.Warning, 5)
            return False
        self._message(tr("{case}: {action} done").format(case=case["case_no"], action=action_title(action)),
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
