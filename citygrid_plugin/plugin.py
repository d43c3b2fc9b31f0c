"""The CityGrid plugin shell: provider, menu, toolbar, the windows; everything it adds, unload()
removes.

With ``iface`` None (qgis_process) only the Processing provider is registered. Actions that
need a store stay disabled, with a tooltip saying why, until a store is connected in
CityGrid ▸ Settings; actions for particular roles stay disabled for a login without them (the
store refuses them anyway: this spares the attempt).

The windows (case queue, heatmap, evaluation, big screen) share one live store session
(:class:`~citygrid_plugin.gui.session.StoreSession`), opened with the first and closed with the
last. The docks open as tabs of one dock area (the right one unless the user moved them: where
each was is remembered in the settings, ``citygrid/docks/<name>/…``), so none is squeezed to a
row by the others or by the Processing toolbox.
"""
from __future__ import annotations

from pathlib import Path

from processing import execAlgorithmDialog
from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QMenu

from . import i18n
from .connections import configured_target
from .core.i18n import tr
from .core.textsafe import html_text
from .core.workflow import CASE_ROLES
from .gui.bigscreen import BigScreen
from .gui.dialogs.report_dialog import REPORT_ROLES, ReportDialog
from .gui.dialogs.settings_dialog import SettingsDialog
from .gui.docks.case_queue import CaseQueueDock
from .gui.docks.city_queue import ROLES as CITY_QUEUE_ROLES
from .gui.docks.city_queue import CityQueueDock
from .gui.docks.evaluation import EvaluationDock
from .gui.docks.heatmap import HeatmapDock
from .gui.docks.leader import LeaderDock
from .gui.docks.patrol import PatrolCoverageDock
from .gui.maptools.grid_edit import GridEditError, SplitGridTool, merge_grids
from .gui.maptools.report_point import ReportPointTool
from .gui.session import StoreSession
from .layers import GRIDS, add_store_layers, find_store_layer
from .processing.provider import CityGridProvider
from .store.db import StoreError, connect
from .store.migrate import MigrationError, store_version
from .store.platform import identity as platform_identity
from .store.roles import my_roles

ICONS = Path(__file__).with_name("resources") / "icons"
LOG_TAG = "CityGrid"
EVALUATION_ROLES = ("analyst", "admin", "shift_leader", "dispatcher", "supervisor", "operator", "leader", "office")
LEADER_ROLES = ("leader", "office", "analyst", "admin")   # 领导视窗 (issue 18): read-only figures
PATROL_PACKAGE_ROLES = ("admin", "shift_leader", "supervisor")   # who builds handheld packages (the store decides)
COVERAGE_ROLES = ("analyst", "admin", "shift_leader", "office", "dispatcher", "operator", "supervisor", "leader")
DOCK_SETTINGS = "citygrid/docks"
ADMIN_ROLES = ("admin",)


class CityGridPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.split_tool = None
        self.case_dock = None
        self.city_queue_dock = None
        self.heatmap_dock = None
        self.evaluation_dock = None
        self.coverage_dock = None
        self.leader_dock = None
        self.big_screen = None
        self.report_dialog = None
        self.report_tool = None
        self.admin_dialog = None
        self.session: StoreSession | None = None
        self.menu: QMenu | None = None
        self.toolbar = None
        self.actions: list[QAction] = []
        self.store_actions: list[QAction] = []
        self.store_version = 0
        self.my_roles: list[str] = []
        self.platform_kind: str | None = None   # 'city' or 'district' (store/platform.py), None: on its own
        self.language = i18n.install()

    # -- Processing -----------------------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802
        registry = QgsApplication.processingRegistry()
        if self.provider is None and registry.providerById("citygrid") is None:
            provider = CityGridProvider()
            if registry.addProvider(provider):  # on failure the registry has deleted it
                self.provider = provider

    # -- GUI ------------------------------------------------------------------------------
    def initGui(self) -> None:  # noqa: N802
        self.initProcessing()
        if self.iface is None:
            return
        main = self.iface.mainWindow()
        self.menu = QMenu(tr("CityGrid"), main)
        self.menu.setObjectName("CityGridMenu")
        self.toolbar = self.iface.addToolBar(tr("CityGrid"))
        self.toolbar.setObjectName("CityGridToolbar")

        self.settings_action = self._action("settings.svg", tr("Settings…"), self.show_settings)
        self.layers_action = self._action("layers.svg", tr("Add store layers"), self.add_layers, needs_store=True)
        self.store_action = self._action("store.svg", tr("Create or upgrade the store…"), self.run_create_store)
        self.menu.addSeparator()
        self.split_action = self._action("split.svg", tr("Split unit grid"), self.toggle_split_tool,
                                         needs_store=True, roles=("gis_editor",))
        self.split_action.setCheckable(True)
        self.merge_action = self._action("merge.svg", tr("Merge selected unit grids"), self.merge_selected,
                                         needs_store=True, roles=("gis_editor",))
        self.menu.addSeparator()
        self.import_action = self._action("import_components.svg", tr("Import components…"),
                                          self.run_import_components, needs_store=True, roles=("surveyor",))
        self.export_action = self._action("export_package.svg", tr("Export a census field package…"),
                                          self.run_export_package, needs_store=True)
        self.sync_action = self._action("sync_package.svg", tr("Sync a census field package…"),
                                        self.run_sync_package, needs_store=True, roles=("surveyor",))
        self.menu.addSeparator()
        self.patrol_package_action = self._action("patrol_package.svg", tr("Build patrol packages (QField)…"),
                                                  self.run_patrol_package, needs_store=True,
                                                  roles=PATROL_PACKAGE_ROLES)
        self.patrol_sync_action = self._action("patrol_sync.svg", tr("Sync a patrol package…"),
                                               self.run_patrol_sync, needs_store=True, roles=("supervisor",))
        self.menu.addSeparator()
        self.queue_action = self._action("case_queue.svg", tr("Case queue"), self.toggle_case_queue,
                                         needs_store=True, roles=CASE_ROLES)
        self.queue_action.setCheckable(True)
        self.city_queue_action = self._action("city_queue.svg", tr("City cases"), self.toggle_city_queue,
                                              needs_store=True, roles=CITY_QUEUE_ROLES)
        self.city_queue_action.setCheckable(True)
        self.city_queue_action.setProperty("citygrid_city_only", True)
        self.report_action = self._action("report_case.svg", tr("Report a case"), self.toggle_report,
                                          needs_store=True, roles=REPORT_ROLES)
        self.report_action.setCheckable(True)
        self.bigscreen_action = self._action("big_screen.svg", tr("Big screen"), self.show_big_screen,
                                             needs_store=True)
        self.menu.addSeparator()
        self.heatmap_action = self._action("heatmap.svg", tr("Case heatmap"), self.toggle_heatmap, needs_store=True)
        self.heatmap_action.setCheckable(True)
        self.evaluation_action = self._action("evaluation.svg", tr("Evaluation"), self.toggle_evaluation,
                                              needs_store=True, roles=EVALUATION_ROLES)
        self.evaluation_action.setCheckable(True)
        self.leader_action = self._action("leader.svg", tr("Leaders' view"), self.toggle_leader, needs_store=True,
                                          roles=LEADER_ROLES)
        self.leader_action.setCheckable(True)
        self.coverage_action = self._action("patrol_coverage.svg", tr("Patrol coverage"), self.toggle_coverage,
                                            needs_store=True, roles=COVERAGE_ROLES)
        self.coverage_action.setCheckable(True)
        self.menu.addSeparator()
        self.admin_action = self._action("admin.svg", tr("Administration…"), self.show_admin, needs_store=True,
                                         roles=ADMIN_ROLES)
        menubar = main.menuBar()
        menubar.insertMenu(self._help_menu_action(menubar), self.menu)
        self.refresh_state()
        QTimer.singleShot(0, self.check_store)

    def _help_menu_action(self, menubar):
        for action in menubar.actions():
            if action.menu() and action.menu().objectName() == "mHelpMenu":
                return action
        return None

    def _action(self, icon: str, text: str, slot, needs_store: bool = False, roles: tuple[str, ...] = ()) -> QAction:
        """A menu and toolbar action; *roles*: the store roles of which the login needs one."""
        action = QAction(QIcon(str(ICONS / icon)), text, self.iface.mainWindow())
        action.setObjectName("CityGrid_" + slot.__name__)
        action.setProperty("citygrid_roles", list(roles))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.toolbar.addAction(action)
        self.actions.append(action)
        if needs_store:
            action.setData(text)
            self.store_actions.append(action)
        return action

    def refresh_state(self) -> None:
        """Enable store actions only with a connected store and a role that may use them; say why
        when disabled."""
        connected = self.store_version > 0
        for action in self.store_actions:
            base = action.data() or action.text()
            needed = action.property("citygrid_roles") or []
            role_ok = not needed or bool(set(needed) & set(self.my_roles))
            city_ok = not action.property("citygrid_city_only") or self.platform_kind == "city"
            allowed = connected and role_ok and city_ok
            action.setEnabled(allowed)
            if not connected:
                tip = tr("{action}: connect to a CityGrid store first (CityGrid ▸ Settings)").format(action=base)
            elif not city_ok:
                tip = tr("{action}: only at the city platform's store, which holds every district's cases").format(
                    action=base)
            elif not role_ok:
                tip = tr("{action}: your store login has none of the roles {roles}").format(
                    action=base, roles=", ".join(needed))
            else:
                tip = base
            action.setToolTip(tip)

    def check_store(self) -> None:
        """Look up the configured store's version and the login's roles (quietly; failures are
        logged). A change of store closes the windows' session."""
        self.store_version = 0
        self.my_roles = []
        self.platform_kind = None
        target = configured_target()
        if self.session is not None and self.session.target != target:
            self._close_windows()
        if target is not None:
            try:
                conn = connect(target.dsn())
                try:
                    self.store_version = store_version(conn)
                    if self.store_version:
                        self.my_roles = my_roles(conn)[0]
                        me = platform_identity(conn)
                        self.platform_kind = me.kind if me is not None else None
                finally:
                    conn.close()
            except (StoreError, MigrationError) as exc:
                QgsMessageLog.logMessage(str(exc), LOG_TAG, Qgis.Warning)
        self.refresh_state()

    def unload(self) -> None:
        self._close_windows()
        if self.split_tool is not None:
            if self.iface.mapCanvas().mapTool() is self.split_tool:
                self.iface.mapCanvas().unsetMapTool(self.split_tool)
            self.split_tool.deleteLater()
            self.split_tool = None
        for action in self.actions:
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions.clear()
        self.store_actions.clear()
        if self.menu is not None:
            self.menu.menuAction().setVisible(False)
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        i18n.uninstall()

    # -- the shared session and the windows ------------------------------------------------
    def _session(self) -> StoreSession:
        """The windows' store session, opened with the first window."""
        if self.session is None:
            target = configured_target()
            if target is None:
                raise StoreError(tr("no store connection chosen: pick a QGIS PostgreSQL connection or "
                                    "enter a pg_service name in CityGrid ▸ Settings"))
            self.session = StoreSession(target)
        return self.session

    def _release_session(self) -> None:
        """Close the session when no window uses it any more."""
        if self.session is not None and not any((self.case_dock, self.city_queue_dock, self.heatmap_dock,
                                                 self.evaluation_dock, self.coverage_dock, self.leader_dock,
                                                 self.big_screen, self.report_dialog, self.admin_dialog)):
            self.session.close()
            self.session = None

    def _close_windows(self) -> None:
        self._close_report()
        if self.admin_dialog is not None:
            self.admin_dialog.done(0)   # finished → _admin_finished
        if self.big_screen is not None:
            self.big_screen.close()
            self._big_screen_closed()
        self._close_case_queue()
        self._close_city_queue()
        self._close_heatmap()
        self._close_evaluation()
        self._close_leader()
        self._close_coverage()
        if self.session is not None:
            self.session.close()
            self.session = None

    def _citygrid_docks(self) -> list:
        return [d for d in (self.case_dock, self.city_queue_dock, self.heatmap_dock, self.evaluation_dock,
                            self.coverage_dock, self.leader_dock)
                if d is not None]

    def _show_dock(self, dock) -> None:
        """Add *dock* where its kind was last time (the right area by default), as a tab beside the
        other CityGrid docks there (or beside the Processing toolbox), raised, wide enough."""
        main = self.iface.mainWindow()
        key = f"{DOCK_SETTINGS}/{dock.objectName()}"
        settings = QgsSettings()
        area = Qt.DockWidgetArea(int(settings.value(f"{key}/area", int(Qt.RightDockWidgetArea))))
        if area not in (Qt.LeftDockWidgetArea, Qt.RightDockWidgetArea, Qt.TopDockWidgetArea,
                        Qt.BottomDockWidgetArea):
            area = Qt.RightDockWidgetArea
        self.iface.addDockWidget(area, dock)
        if settings.value(f"{key}/floating", "false") in ("true", True):
            dock.setFloating(True)
            geometry = settings.value(f"{key}/geometry")
            if geometry is not None:
                dock.restoreGeometry(geometry)
        else:
            neighbours = [d for d in self._citygrid_docks() if d is not dock and not d.isFloating()
                          and main.dockWidgetArea(d) == area]
            toolbox = main.findChild(QDockWidget, "ProcessingToolbox")
            if not neighbours and toolbox is not None and toolbox.isVisible() and not toolbox.isFloating() \
                    and main.dockWidgetArea(toolbox) == area:
                neighbours = [toolbox]
            if neighbours:
                main.tabifyDockWidget(neighbours[0], dock)
            if area in (Qt.LeftDockWidgetArea, Qt.RightDockWidgetArea):
                main.resizeDocks([dock], [max(560, main.width() // 4)], Qt.Horizontal)
        dock.show()
        dock.raise_()

    def _remember_dock(self, dock) -> None:
        key = f"{DOCK_SETTINGS}/{dock.objectName()}"
        settings = QgsSettings()
        area = self.iface.mainWindow().dockWidgetArea(dock)
        if area != Qt.NoDockWidgetArea:
            settings.setValue(f"{key}/area", int(area))
        settings.setValue(f"{key}/floating", dock.isFloating())
        settings.setValue(f"{key}/geometry", dock.saveGeometry())

    def _close_dock(self, attribute: str) -> None:
        dock = getattr(self, attribute)
        if dock is None:
            return
        self._remember_dock(dock)
        dock.shutdown()
        self.iface.removeDockWidget(dock)
        dock.deleteLater()
        setattr(self, attribute, None)
        self._release_session()

    def _open_dock(self, attribute: str, action: QAction, factory) -> bool:
        """Open the dock *attribute* (the store session shared); False (and a message) when the
        store cannot be reached."""
        try:
            dock = factory(self._session())
        except StoreError as exc:
            self._warn(str(exc))
            action.setChecked(False)
            self._release_session()
            return False
        setattr(self, attribute, dock)
        self._show_dock(dock)
        dock.closed.connect(lambda: action.setChecked(False))
        return True

    # -- actions --------------------------------------------------------------------------
    def show_settings(self) -> None:
        dialog = SettingsDialog(self.iface.mainWindow())
        if dialog.exec_():
            self.check_store()

    def add_layers(self) -> None:
        target = configured_target()
        if target is None:
            return
        layers = add_store_layers(QgsProject.instance(), target)
        bad = [layer.name() for layer in layers if not layer.isValid()]
        if bad:
            self._warn(tr("Could not open: {layers}").format(layers=", ".join(bad)))
        else:
            self.iface.messageBar().pushMessage("CityGrid", html_text(layers.message()), Qgis.Info, 5)

    def grid_layer(self):
        return find_store_layer(QgsProject.instance(), GRIDS)

    def _warn(self, text: str) -> None:
        """*text* (often an error quoting store or user text) in the message bar, which renders
        HTML and opens its links: escaped."""
        self.iface.messageBar().pushMessage("CityGrid", html_text(text), Qgis.Warning)

    def toggle_split_tool(self, checked: bool) -> None:
        canvas = self.iface.mapCanvas()
        if not checked:
            if self.split_tool is not None and canvas.mapTool() is self.split_tool:
                canvas.unsetMapTool(self.split_tool)
            return
        if self.split_tool is None:
            self.split_tool = SplitGridTool(canvas, self.grid_layer)
            self.split_tool.setAction(self.split_action)
            self.split_tool.failed.connect(self._warn)
            self.split_tool.hint.connect(lambda text: self.iface.messageBar().pushMessage(
                "CityGrid", html_text(text), Qgis.Info, 10))
            self.split_tool.done.connect(lambda n: self.iface.messageBar().pushMessage(
                "CityGrid", tr("Grid split into {n} more parts; save the layer to give them codes").format(n=n),
                Qgis.Info))
        canvas.setMapTool(self.split_tool)

    def toggle_case_queue(self, checked: bool) -> None:
        if not checked:
            self._close_case_queue()
            return
        self._open_dock("case_dock", self.queue_action,
                        lambda session: CaseQueueDock(self.iface, session, parent=self.iface.mainWindow()))

    def _close_case_queue(self) -> None:
        self._close_dock("case_dock")

    def toggle_city_queue(self, checked: bool) -> None:
        """全市案件: the open cases of every district, at the city platform (read-only)."""
        if not checked:
            self._close_city_queue()
            return
        self._open_dock("city_queue_dock", self.city_queue_action,
                        lambda session: CityQueueDock(self.iface, session, parent=self.iface.mainWindow()))

    def _close_city_queue(self) -> None:
        self._close_dock("city_queue_dock")

    def toggle_report(self, checked: bool) -> None:
        """受理登记: the report dialog and the map tool whose clicks place its point. Unchecking
        only puts the map tool away: the dialog (and what was typed) stays until it is closed."""
        canvas = self.iface.mapCanvas()
        if not checked:
            if self.report_tool is not None and canvas.mapTool() is self.report_tool:
                canvas.unsetMapTool(self.report_tool)
            return
        dialog = self._report_dialog()
        if dialog is None:
            self.report_action.setChecked(False)
            return
        if self.report_tool is None:
            self.report_tool = ReportPointTool(canvas, dialog.crs, self._report_dialog)
            self.report_tool.setAction(self.report_action)
            self.report_tool.failed.connect(self._warn)
        self.report_tool.follow(dialog)
        canvas.setMapTool(self.report_tool)
        dialog.raise_()

    def _report_dialog(self):
        """The report dialog on the shared session, opened when needed; None (and why) when the
        store cannot be reached."""
        if self.report_dialog is None:
            try:
                dialog = ReportDialog(self._session(), self.iface.mainWindow())
            except StoreError as exc:
                self._warn(str(exc))
                self._release_session()
                return None
            dialog.finished.connect(self._report_finished)
            dialog.reported.connect(self._case_reported)
            self.report_dialog = dialog
            dialog.show()
        return self.report_dialog

    def _case_reported(self, _case_id: int, case_no: str) -> None:
        self.iface.messageBar().pushMessage("CityGrid", html_text(tr("Case {case} reported").format(case=case_no)),
                                            Qgis.Success, 10)
        if self.case_dock is not None:   # the store's NOTIFY refreshes it too; this is at once
            self.case_dock.refresh()

    def _report_finished(self, _result: int = 0) -> None:
        """The dialog was closed: the map tool and its marker go, the session is released."""
        if self.report_tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.report_tool:
                canvas.unsetMapTool(self.report_tool)
            self.report_tool.clear_marker()
        self.report_action.setChecked(False)
        if self.report_dialog is not None:
            self.report_dialog.deleteLater()
            self.report_dialog = None
        self._release_session()

    def _close_report(self) -> None:
        if self.report_dialog is not None:
            self.report_dialog.done(0)   # finished → _report_finished
        if self.report_tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.report_tool:
                canvas.unsetMapTool(self.report_tool)
            self.report_tool.clear_marker()
            self.report_tool.deleteLater()
            self.report_tool = None

    def toggle_heatmap(self, checked: bool) -> None:
        if not checked:
            self._close_heatmap()
            return
        self._open_dock("heatmap_dock", self.heatmap_action,
                        lambda session: HeatmapDock(self.iface, session, parent=self.iface.mainWindow()))

    def _close_heatmap(self) -> None:
        self._close_dock("heatmap_dock")

    def toggle_evaluation(self, checked: bool) -> None:
        if not checked:
            self._close_evaluation()
            return
        if self._open_dock("evaluation_dock", self.evaluation_action,
                           lambda session: EvaluationDock(self.iface, session, parent=self.iface.mainWindow())):
            self.evaluation_dock.drilled.connect(self.drill_down)
            self.evaluation_dock.refresh()

    def drill_down(self, ids: list, title: str) -> None:
        """The cases behind a figure of the evaluation, also in the case queue when it is open."""
        if self.case_dock is not None:
            self.case_dock.set_drill_down(ids, title)

    def _close_evaluation(self) -> None:
        self._close_dock("evaluation_dock")

    def toggle_leader(self, checked: bool) -> None:
        """领导视窗: today's and this month's key figures, overdue and urged cases, the worst
        departments, each a click from its cases (issue 18)."""
        if not checked:
            self._close_leader()
            return
        if self._open_dock("leader_dock", self.leader_action,
                           lambda session: LeaderDock(self.iface, session, parent=self.iface.mainWindow())):
            self.leader_dock.drilled.connect(self.drill_down)

    def _close_leader(self) -> None:
        self._close_dock("leader_dock")

    def toggle_coverage(self, checked: bool) -> None:
        """巡查覆盖: the supervisors' patrol of a day, from their tracks (issue 17)."""
        if not checked:
            self._close_coverage()
            return
        if self._open_dock("coverage_dock", self.coverage_action,
                           lambda session: PatrolCoverageDock(self.iface, session, parent=self.iface.mainWindow())):
            self.coverage_dock.refresh()

    def _close_coverage(self) -> None:
        self._close_dock("coverage_dock")

    def show_big_screen(self) -> None:
        if self.big_screen is not None:
            self.big_screen.open(full_screen=True)
            return
        try:
            screen = BigScreen(self._session(), self.iface.mapCanvas().layers())  # visible layers, top first
        except StoreError as exc:
            self._warn(str(exc))
            self._release_session()
            return
        screen.closed.connect(self._big_screen_closed)
        self.big_screen = screen
        screen.open(full_screen=True)

    def _big_screen_closed(self) -> None:
        if self.big_screen is not None:
            self.big_screen.deleteLater()
            self.big_screen = None
            self._release_session()

    def show_admin(self, tab: str | None = None) -> None:
        """系统管理: the administration dialog on the shared session (one at a time; raised when
        open). Imported here: it is opened rarely and its ten tabs need not load with QGIS."""
        from .gui.admin.dialog import AdminDialog

        if self.admin_dialog is None:
            try:
                dialog = AdminDialog(self._session(), self.iface.mainWindow(), tab=tab or None)
            except StoreError as exc:
                self._warn(str(exc))
                self._release_session()
                return
            dialog.finished.connect(self._admin_finished)
            self.admin_dialog = dialog
        elif tab:
            self.admin_dialog.show_tab(tab)
        self.admin_dialog.show()
        self.admin_dialog.raise_()
        self.admin_dialog.activateWindow()

    def _admin_finished(self, _result: int = 0) -> None:
        if self.admin_dialog is not None:
            self.admin_dialog.deleteLater()
            self.admin_dialog = None
        self._release_session()

    def merge_selected(self) -> None:
        layer = self.grid_layer()
        if layer is None:
            self._warn(tr("add the store layers first (CityGrid ▸ Add store layers)"))
            return
        try:
            merge_grids(layer, list(layer.selectedFeatureIds()))
        except GridEditError as exc:
            self._warn(str(exc))
            return
        self.iface.messageBar().pushMessage(
            "CityGrid", tr("Grids merged; save the layer to retire the old codes and issue a new one"), Qgis.Info)

    def _run_dialog(self, algorithm: str) -> None:
        """Open *algorithm*'s dialog with the configured store filled in."""
        params = {}
        target = configured_target()
        if target is not None and target.kind == "connection":
            params["CONNECTION"] = target.name
        elif target is not None and target.kind == "service":
            params["SERVICE"] = target.name
        execAlgorithmDialog(algorithm, params)

    def run_create_store(self) -> None:
        self._run_dialog("citygrid:createstore")
        self.check_store()

    def run_import_components(self) -> None:
        self._run_dialog("citygrid:importcomponents")

    def run_export_package(self) -> None:
        self._run_dialog("citygrid:exportpackage")

    def run_sync_package(self) -> None:
        self._run_dialog("citygrid:syncpackage")

    def run_patrol_package(self) -> None:
        self._run_dialog("citygrid:patrolpackage")

    def run_patrol_sync(self) -> None:
        self._run_dialog("citygrid:patrolsync")
