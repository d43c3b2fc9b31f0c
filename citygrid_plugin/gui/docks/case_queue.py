"""The case-queue dock (案件队列) of the supervision and command centres.

One tab per queue the user's roles work (to accept, to verify, to register, to dispatch, to
handle, to check, to close, overdue), with counts, filters, the most urgent case first and a
countdown coloured by the time left. The buttons offer the actions the selected case's state
allows for the user's roles, asking for the inputs an action needs (department, note, hours);
every action goes through the store's workflow function, so a refusal or a conflict comes back
as a message and nothing is half-done. Selecting a case zooms to it and flashes it; the detail
view shows its photo link and full history. Changes by anyone arrive live through LISTEN
(StoreListener) and refresh the dock within a second.
"""
from __future__ import annotations

from qgis.core import Qgis, QgsGeometry, QgsPointXY, QgsSettings
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.casefilter import SOURCES
from ...core.i18n import tr
from ...core.textsafe import html_text, local_image
from ...store import cases
from ...store.db import StoreError, connect
from . import StoreConnectionMixin

ROLES_SETTING = "citygrid/roles"
ROLES = ("operator", "supervisor", "shift_leader", "dispatcher", "department")

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
PHOTO_LINK = "citygrid-photo:open"  # the only link of the detail view; never a link from case text
COLUMNS = ("case_no", "class_name", "source", "grid_code", "department_name", "time_left", "description")


def tab_title(tab: str) -> str:
    return {
        "accept": tr("To accept"), "verify": tr("To verify"), "register": tr("To register"),
        "dispatch": tr("To dispatch"), "handle": tr("To handle"), "check": tr("To check"),
        "close": tr("To close"), "overdue": tr("Overdue"),
    }[tab]


def action_title(action: str) -> str:
    return {
        "accept": tr("Accept"), "verify": tr("Verified on site"), "register": tr("Register"),
        "dispatch": tr("Dispatch"), "return": tr("Return to dispatcher"), "feedback": tr("Handled"),
        "request_extension": tr("Request extension"), "approve_extension": tr("Approve extension"),
        "defer": tr("Defer (挂账)"), "release": tr("Release"), "urge": tr("Urge (督办)"),
        "check_ok": tr("Check passed"), "rework": tr("Rework"), "close": tr("Close"), "cancel": tr("Cancel"),
    }.get(action, action)


def user_roles() -> list[str]:
    value = QgsSettings().value(ROLES_SETTING, ",".join(ROLES)) or ""
    return [r for r in str(value).split(",") if r in ROLES]


def format_time_left(hours: float | None) -> tuple[str, QColor]:
    """Countdown text and colour: red overdue, orange under 1 h, amber under 4 h, green otherwise."""
    if hours is None:
        return "—", QColor("#888888")
    sign = "-" if hours < 0 else ""
    minutes = int(abs(hours) * 60)
    text = f"{sign}{minutes // 60}:{minutes % 60:02d}"
    if hours < 0:
        return text, QColor("#d62728")
    if hours < 1:
        return text, QColor("#ff7f0e")
    if hours < 4:
        return text, QColor("#e0a800")
    return text, QColor("#2ca02c")


class CaseQueueDock(StoreConnectionMixin, QgsDockWidget):
    def __init__(self, iface, target, roles: list[str] | None = None, parent=None, live: bool = True) -> None:
        super().__init__(tr("Case queue"), parent)
        self.setObjectName("CityGridCaseQueue")
        self.iface = iface
        self.target = target
        self.dsn = target.dsn()
        self.conn = connect(self.dsn)
        # the store decides what this user may do; the settings only narrow it ("my roles today")
        from ...store.roles import my_roles

        granted, self.department = my_roles(self.conn)
        self.roles = [r for r in (roles if roles is not None else user_roles()) if r in granted]
        self.rows: dict[str, list[dict]] = {}
        self.current: dict | None = None
        self.listener = None

        body = QWidget()
        layout = QVBoxLayout(body)
        filters = QHBoxLayout()
        self.class_filter = QLineEdit()
        self.class_filter.setPlaceholderText(tr("class"))
        self.source_filter = QComboBox()
        self.source_filter.addItem(tr("all sources"), "")
        for source in SOURCES:
            self.source_filter.addItem(source, source)
        self.area_filter = QLineEdit()
        self.area_filter.setPlaceholderText(tr("street / community / grid code"))
        self.department_filter = QComboBox()
        self.department_filter.addItem(tr("all departments"), "")
        for code, name in cases.departments(self.conn):
            self.department_filter.addItem(name, code)
        self.overdue_filter = QCheckBox(tr("overdue only"))
        for widget in (self.class_filter, self.source_filter, self.area_filter, self.department_filter,
                       self.overdue_filter):
            filters.addWidget(widget)
        layout.addLayout(filters)
        for edit in (self.class_filter, self.area_filter):
            edit.editingFinished.connect(self.refresh)
        for combo in (self.source_filter, self.department_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.overdue_filter.toggled.connect(self.refresh)

        splitter = QSplitter(Qt.Vertical)
        self.tabs = QTabWidget()
        self.tables: dict[str, QTableWidget] = {}
        for tab, _states, tab_roles in TABS:
            if not tab_roles & set(self.roles):
                continue
            table = QTableWidget(0, len(COLUMNS))
            table.setHorizontalHeaderLabels([tr("Case"), tr("Class"), tr("Source"), tr("Grid"), tr("Department"),
                                             tr("Time left"), tr("Description")])
            table.setSelectionBehavior(QTableWidget.SelectRows)
            table.setSelectionMode(QTableWidget.SingleSelection)
            table.setEditTriggers(QTableWidget.NoEditTriggers)
            table.itemSelectionChanged.connect(lambda t=tab: self._selected(t))
            self.tables[tab] = table
            self.tabs.addTab(table, tab_title(tab))
        splitter.addWidget(self.tabs)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        self.buttons = QHBoxLayout()
        detail_layout.addLayout(self.buttons)
        # case text is shown escaped (core.textsafe.html_text) and no link is ever followed by Qt:
        # the one link, to a local photo, is opened by _link_clicked
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setOpenExternalLinks(False)
        self.detail.anchorClicked.connect(self._link_clicked)
        self.photo_path = None
        detail_layout.addWidget(self.detail)
        splitter.addWidget(detail)
        layout.addWidget(splitter)
        self.status = QLabel()
        self.status.setTextFormat(Qt.PlainText)  # store messages may quote user text
        layout.addWidget(self.status)
        drill = QHBoxLayout()
        self.drill_label = QLabel()
        self.drill_label.setTextFormat(Qt.PlainText)  # the title names departments, streets…
        self.drill_label.setWordWrap(True)
        self.drill_clear = QPushButton(tr("Show all cases"))
        self.drill_clear.clicked.connect(lambda: self.set_drill_down(None))
        drill.addWidget(self.drill_label, 1)
        drill.addWidget(self.drill_clear)
        layout.insertLayout(1, drill)
        self.drill_ids: list[int] | None = None
        self._show_drill()
        self.setWidget(body)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(300)
        self.debounce.timeout.connect(self.refresh)
        self.ticker = QTimer(self)  # the countdowns move even when nothing changes
        self.ticker.setInterval(60_000)
        self.ticker.timeout.connect(self.refresh)
        self.ticker.start()
        if live:
            self._start_listener()
        self.refresh()

    # -- live --------------------------------------------------------------------------------
    def _start_listener(self) -> None:
        from ..live import StoreListener

        self.listener = StoreListener(self.dsn, "qgis", self)
        self.listener.notified.connect(self._notified)
        self.listener.connection_changed.connect(self._connection_changed)
        self.listener.start()

    def _connection_changed(self, connected: bool) -> None:
        """Notifications sent while disconnected are lost: re-read everything on reconnect."""
        if connected:
            self.status.setText("")
            self.reconnect()
            self.debounce.start()
        else:
            self.status.setText(tr("Connection to the store lost; reconnecting…"))

    def _notified(self, payload: str) -> None:
        if payload.startswith("case:"):
            self.debounce.start()
            self._repaint_case_layers()

    def _repaint_case_layers(self) -> None:
        """The project's live case layers follow the dock (QGIS 3.22's own refresh-on-notify
        listener does not survive a database restart, so the dock drives it)."""
        from qgis.core import QgsProject

        for layer in QgsProject.instance().mapLayers().values():
            if layer.customProperty("citygrid/role") == "cases_live":
                layer.dataProvider().reloadData()
                layer.triggerRepaint()

    # -- data --------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.current["id"] if self.current else None
        filters = {"class_text": self.class_filter.text().strip(), "source": self.source_filter.currentData() or "",
                   "area": self.area_filter.text().strip(),
                   "department": self.department_filter.currentData() or "",
                   "overdue_only": self.overdue_filter.isChecked(), "ids": self.drill_ids}
        try:
            for index in range(self.tabs.count()):
                table = self.tabs.widget(index)
                tab = next(t for t, w in self.tables.items() if w is table)
                states = next(s for t, s, _r in TABS if t == tab)
                rows = cases.queue_rows(self.conn, states,
                                        **dict(filters, overdue_only=filters["overdue_only"] or tab == "overdue"))
                self.rows[tab] = rows
                self._fill(table, rows)
                self.tabs.setTabText(index, f"{tab_title(tab)} ({len(rows)})")
        except StoreError as exc:
            self.store_failed(exc)
            return
        self.current = None
        if selected is not None:
            self.select_case(selected)
        else:
            self._show_detail()

    def set_drill_down(self, ids: list[int] | None, title: str = "") -> None:
        """Show only the cases *ids* (a figure of the evaluation), or every case again (None)."""
        self.drill_ids = None if ids is None else sorted(set(ids))
        self.drill_title = title
        self._show_drill()
        self.refresh()

    def _show_drill(self) -> None:
        active = self.drill_ids is not None
        self.drill_label.setVisible(active)
        self.drill_clear.setVisible(active)
        if active:
            self.drill_label.setText(tr("Drill-down: {title} — {n} cases, the open ones are listed").format(
                title=getattr(self, "drill_title", ""), n=len(self.drill_ids)))


    def _fill(self, table: QTableWidget, rows: list[dict]) -> None:
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            text, color = format_time_left(row["hours_left"])
            values = [row["case_no"], row["class_name"] or row["class_code"], row["source"], row["grid_code"],
                      row["department_name"] or "", text, row["description"]]
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if c == 5:
                    item.setForeground(color)
                    item.setData(Qt.UserRole, row["hours_left"])
                table.setItem(r, c, item)

    # -- selection -----------------------------------------------------------------------------
    def _selected(self, tab: str) -> None:
        table = self.tables[tab]
        index = table.currentRow()
        rows = self.rows.get(tab, [])
        self.current = rows[index] if 0 <= index < len(rows) else None
        self._show_detail()
        if self.current is not None and self.iface is not None:
            point = QgsGeometry.fromPointXY(QgsPointXY(self.current["x"], self.current["y"]))
            canvas = self.iface.mapCanvas()
            canvas.setCenter(point.asPoint())
            canvas.refresh()
            canvas.flashGeometries([point])

    def select_case(self, case_id: int) -> bool:
        """Select *case_id* in the current tab (or the first tab holding it)."""
        for tab, rows in self.rows.items():
            for index, row in enumerate(rows):
                if row["id"] == case_id:
                    self.tabs.setCurrentWidget(self.tables[tab])
                    self.tables[tab].selectRow(index)
                    self.current = row
                    self._show_detail()
                    return True
        return False

    def _show_detail(self) -> None:
        while self.buttons.count():
            widget = self.buttons.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.photo_path = None
        if self.current is None:
            self.detail.setHtml("")
            return
        row = self.current
        try:
            history = cases.case_history(self.conn, row["id"])
            photo = self._photo_html(row["id"])
        except StoreError as exc:
            self.store_failed(exc)
            return
        e = html_text  # every text from the store or a user is escaped: it is shown, never rendered
        lines = [f"<h3>{e(row['case_no'])} · {e(row['class_name'] or row['class_code'])}</h3>",
                 f"<p>{e(row['description'])}<br>{e(row['address'])}</p>",
                 photo,
                 "<table>"]
        for at, action, _from, to_state, actor, role, note in history:
            lines.append(f"<tr><td>{at:%Y-%m-%d %H:%M}</td><td>{e(action_title(action))}</td><td>{e(to_state)}</td>"
                         f"<td>{e(actor)} ({e(role)})</td><td>{e(note)}</td></tr>")
        lines.append("</table>")
        self.detail.setHtml("".join(lines))
        try:
            allowed = self.allowed()
        except StoreError as exc:
            self.store_failed(exc)
            return
        for action, role, needs in allowed:
            button = QPushButton(action_title(action))
            button.setObjectName(f"action_{action}_{role}")
            button.clicked.connect(lambda _c=False, a=action, r=role, n=needs: self._clicked(a, r, n))
            self.buttons.addWidget(button)

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
        """Actions the selected case allows for the user's roles."""
        if self.current is None:
            return []
        return [(a, r, n) for a, r, n in cases.allowed_actions(self.conn, self.current["id"]) if r in self.roles]

    # -- actions -------------------------------------------------------------------------------
    def _clicked(self, action: str, role: str, needs: dict) -> None:
        inputs = self.ask_inputs(action, needs)
        if inputs is None:
            return
        if action == "register" and not self.confirm_duplicates():
            return
        self.perform(action, role, *inputs)

    def ask_inputs(self, action: str, needs: dict) -> tuple[str | None, dict] | None:
        """(note, data) for *action*, asked in dialogs; None when the user cancels."""
        note, data = None, {}
        if needs.get("department"):
            options = cases.departments(self.conn)
            suggested = cases.suggested_department(self.conn, self.current["id"])
            labels = [f"{name} ({code})" for code, name in options]
            current = next((i for i, (code, _n) in enumerate(options) if code == suggested), 0)
            label, ok = QInputDialog.getItem(self, action_title(action), tr("Department (suggested first)"),
                                             labels, current, False)
            if not ok:
                return None
            data["department"] = options[labels.index(label)][0]
        if needs.get("hours"):
            hours, ok = QInputDialog.getDouble(self, action_title(action), tr("Extension (hours)"), 24, 1, 2000, 1)
            if not ok:
                return None
            data["hours"] = hours
        if needs.get("note"):
            note, ok = QInputDialog.getMultiLineText(self, action_title(action), tr("Reason"))
            if not ok or not note.strip():
                return None
        return note, data

    def confirm_duplicates(self) -> bool:
        found = cases.possible_duplicates(self.conn, self.current["id"])
        if not found:
            return True
        text = "\n".join(f"{no}  {state}  {metres} m  {at:%Y-%m-%d}" for no, state, metres, at in found)
        box = QMessageBox(QMessageBox.Question, tr("Possible duplicates"), tr(
            "Cases of the same class nearby in the last 30 days:\n{cases}\n\nRegister anyway?").format(cases=text),
            QMessageBox.Yes | QMessageBox.No, self)
        box.setTextFormat(Qt.PlainText)
        return box.exec() == QMessageBox.Yes

    def perform(self, action: str, role: str, note: str | None = None, data: dict | None = None) -> bool:
        """Apply *action* to the selected case through the workflow function; show refusals."""
        if self.current is None:
            return False
        try:
            cases.act(self.conn, self.current["id"], action, role, self.current["version"], note, data)
        except cases.CaseConflict as exc:
            self._message(str(exc), Qgis.Warning)
            self.refresh()
            return False
        except StoreError as exc:
            self._message(str(exc), Qgis.Warning)
            return False
        self._message(tr("{case}: {action} done").format(case=self.current["case_no"],
                                                        action=action_title(action)), Qgis.Info)
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
        """Stop listening and close the connection (the dock may be reopened later)."""
        self.debounce.stop()
        self.ticker.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001
            pass
