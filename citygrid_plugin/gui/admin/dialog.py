"""系统管理: the administration dialog, one window with a tab per kind of rule (departments, staff,
responsibility grids and their rosters, routing, calendar, sources, local classes, approvals,
evaluation weights, command manual, change log).

Each tab reads the store when it is first shown and writes through store.admin, store.manual and
store.roles only. What happened is said in one place: a refusal (or a missing field) in the
message bar at the top, in the store's words translated where the catalogue knows them
(core.storemessages), the form keeping what was typed; a save in the status line at the bottom.
The store refuses a login without the admin role (grants and row-level security), whatever the
dialog shows: the dialog says so when it opens and shows the refusal when such a login saves.
"""
from __future__ import annotations

from qgis.core import Qgis
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
)

from ...core.i18n import tr
from ...core.storemessages import translate
from ...core.textsafe import html_text
from ...store import admin, intake
from ...store import manual as manual_store
from ...store.db import StoreError
from ..session import StoreSession
from .audit import AuditTab
from .authorities import AuthoritiesTab
from .calendar import CalendarTab
from .classes import ClassesTab
from .departments import DepartmentsTab
from .manual import ManualTab
from .responsibility import ResponsibilityTab
from .routing import RoutingTab
from .sources import SourcesTab
from .staff import StaffTab
from .weights import WeightsTab

TABS = (DepartmentsTab, StaffTab, ResponsibilityTab, RoutingTab, CalendarTab, SourcesTab, ClassesTab, AuthoritiesTab,
        WeightsTab, ManualTab, AuditTab)
ADMIN_ROLE = "admin"


class AdminDialog(QDialog):
    """系统管理. *store*: the plugin's shared :class:`StoreSession`, or a StoreTarget for a dialog
    with a session of its own (closed with the dialog). *tab*: the key of the tab shown first
    (``departments``, ``staff``, ``responsibility``, ``routing``, ``calendar``, ``sources``,
    ``classes``, ``authorities``, ``weights``, ``manual``, ``audit``)."""

    def __init__(self, store, parent=None, tab: str | None = None) -> None:
        super().__init__(parent)
        if isinstance(store, StoreSession):
            self.session, self.own_session = store, False
        else:
            self.session, self.own_session = StoreSession(store, live=False), True
        self._shut = False
        self._departments: list[dict] | None = None
        self._areas: list[tuple[str, str]] | None = None
        self._classes: dict[str, list[dict]] = {}
        self._profile: str | None = None
        self.setObjectName("CityGridAdminDialog")
        self.setWindowTitle(tr("CityGrid administration"))
        self.setModal(False)
        self.setWindowFlag(Qt.WindowMaximizeButtonHint, True)

        layout = QVBoxLayout(self)
        self.bar = QgsMessageBar(self)
        self.bar.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        layout.addWidget(self.bar)
        self.notice = QLabel()
        self.notice.setObjectName("admin_notice")
        self.notice.setTextFormat(Qt.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fdebd0; color: #7e5109; padding: 4px")
        self.notice.setVisible(ADMIN_ROLE not in self.session.roles)
        self.notice.setText(tr("Login {login} does not hold the administrator role: you can look, but the store "
                               "refuses every change.").format(login=self.session.login))
        layout.addWidget(self.notice)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("admin_tabs")
        self.tabs.setUsesScrollButtons(True)
        self.pages = {}
        for cls in TABS:
            page = cls(self)
            self.pages[cls.key] = page
            self.tabs.addTab(page, page.title())
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setTextFormat(Qt.PlainText)   # it may quote names people typed
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #1e7b34")
        bottom.addWidget(self.status, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.buttons.button(QDialogButtonBox.Close).setText(tr("Close the window"))
        self.buttons.button(QDialogButtonBox.Close).setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.tabs.currentChanged.connect(self._tab_shown)
        if tab is not None:
            self.show_tab(tab)
        self._tab_shown(self.tabs.currentIndex())
        # a laptop's 1366 × 768 screen less the task bar and the title bar
        self.resize(self.sizeHint().expandedTo(QSize(1240, 660)).boundedTo(QSize(1320, 680)))

    # -- the tabs ------------------------------------------------------------------------------------
    def page(self, key: str):
        return self.pages[key]

    def show_tab(self, key: str):
        """Bring the tab *key* to the front (read on first showing); the tab."""
        page = self.pages[key]
        self.tabs.setCurrentWidget(page)
        page.ensure_loaded()
        return page

    def _tab_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is not None:
            page.ensure_loaded()

    # -- lists several tabs use, read once ------------------------------------------------------------
    def department_rows(self) -> list[dict]:
        """The departments (store.admin.departments); raises StoreError when the store cannot be read."""
        if self._departments is None:
            self._departments = admin.departments(self.session.conn)
        return self._departments

    def set_departments(self, rows: list[dict]) -> None:
        self._departments = rows

    def departments_saved(self) -> None:
        """The departments changed: the other tabs' pickers are read again when shown."""
        for page in self.pages.values():
            page.departments_changed()
        self._areas = None

    def area_rows(self) -> list[tuple[str, str]]:
        if self._areas is None:
            self._areas = admin.areas(self.session.conn)
        return self._areas

    def class_rows(self, kind: str) -> list[dict]:
        """The event or component classes of the store's profile (code, name, major_code, major_name)."""
        if kind not in self._classes:
            try:
                self._classes[kind] = intake.classes(self.session.conn, kind, "", limit=None)
            except StoreError as exc:
                self.warn(self.explain(exc))
                return []
        return self._classes[kind]

    def profile(self) -> str | None:
        """The store's code profile (2013 …), that of the manual in force; None when unreadable."""
        if self._profile is None:
            try:
                self._profile = manual_store.current(self.session.conn).profile
            except StoreError as exc:
                self.warn(self.explain(exc))
        return self._profile

    def classes_saved(self) -> None:
        self._classes.clear()
        for key in ("routing", "manual"):
            self.pages[key].loaded = False

    # -- messages ------------------------------------------------------------------------------------
    def explain(self, exc: StoreError) -> str:
        """A store refusal as a person reads it: the store's words, translated where the catalogue
        knows them; a lost connection said so (and reopened by the session)."""
        text = translate(self.session.failed(exc))
        if ADMIN_ROLE not in self.session.roles and "permission denied" in text:
            text += "\n" + tr("Only an administrator may change this: sign in with an administrator's login.")
        return text

    def refuse(self, text: str) -> None:
        """A refusal or a missing input, in the message bar (escaped: it may quote what was typed)."""
        self.status.clear()
        self.bar.clearWidgets()
        self.bar.pushMessage(tr("Not saved"), html_text(text), Qgis.Warning, 0)

    def warn(self, text: str) -> None:
        self.bar.clearWidgets()
        self.bar.pushMessage(html_text(text), Qgis.Warning, 0)

    def saved(self, text: str) -> None:
        """A change done (or nothing to do): the status line; the change log is read again."""
        self.bar.clearWidgets()
        self.status.setText(text)
        self.pages["audit"].loaded = False

    def messages(self) -> list[str]:
        """The texts shown in the message bar now (what a person reads there)."""
        return [item.text() for item in self.bar.items()]

    # -- closing -------------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    def shutdown(self) -> None:
        """Close the session when it is the dialog's own. Safe to call twice."""
        if self._shut:
            return
        self._shut = True
        if self.own_session:
            self.session.close()
