"""The CityGrid plugin shell: provider, menu, toolbar; everything it adds, unload() removes.

With ``iface`` None (qgis_process) only the Processing provider is registered. Actions that
need a store stay disabled, with a tooltip saying why, until a store is connected in
CityGrid ▸ Settings.
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from . import i18n
from .core.i18n import tr
from .core.textsafe import html_text

ICONS = Path(__file__).with_name("resources") / "icons"
# action → the store roles that may use it (the others only need a store)
CASE_ROLES = ("operator", "supervisor", "shift_leader", "dispatcher", "department")
ROLE_NEEDS = {
    "CityGrid_toggle_split_tool": ("gis_editor",), "CityGrid_merge_selected": ("gis_editor",),
    "CityGrid_run_import_components": ("surveyor",), "CityGrid_run_sync_package": ("surveyor",),
    "CityGrid_toggle_case_queue": CASE_ROLES,
    "CityGrid_toggle_evaluation": ("analyst", "admin", "shift_leader", "dispatcher", "supervisor", "operator"),
}
LOG_TAG = "CityGrid"


class CityGridPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.split_tool = None
        self.case_dock = None
        self.heatmap_dock = None
        self.evaluation_dock = None
        self.big_screen = None
        self.menu: QMenu | None = None
        self.toolbar = None
        self.actions: list[QAction] = []
        self.store_actions: list[QAction] = []
        self.store_version = 0
        self.my_roles: list[str] = []
        self.language = i18n.install()

    # -- Processing -----------------------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802
        from .processing.provider import CityGridProvider

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
        self.store_action = self._action("store.svg", tr("Create or upgrade the store…"),
                                         self.run_create_store)
        self.menu.addSeparator()
        self.split_action = self._action("split.svg", tr("Split unit grid"), self.toggle_split_tool, needs_store=True)
        self.split_action.setCheckable(True)
        self.merge_action = self._action("merge.svg", tr("Merge selected unit grids"), self.merge_selected,
                                         needs_store=True)
        self.menu.addSeparator()
        self.import_action = self._action("import_components.svg", tr("Import components…"), self.run_import_components,
                                          needs_store=True)
        self.export_action = self._action("export_package.svg", tr("Export a census field package…"),
                                          self.run_export_package, needs_store=True)
        self.sync_action = self._action("sync_package.svg", tr("Sync a census field package…"), self.run_sync_package,
                                        needs_store=True)
        self.menu.addSeparator()
        self.queue_action = self._action("case_queue.svg", tr("Case queue"), self.toggle_case_queue, needs_store=True)
        self.queue_action.setCheckable(True)
        self.bigscreen_action = self._action("big_screen.svg", tr("Big screen"), self.show_big_screen, needs_store=True)
        self.menu.addSeparator()
        self.heatmap_action = self._action("heatmap.svg", tr("Case heatmap"), self.toggle_heatmap, needs_store=True)
        self.heatmap_action.setCheckable(True)
        self.evaluation_action = self._action("evaluation.svg", tr("Evaluation"), self.toggle_evaluation,
                                              needs_store=True)
        self.evaluation_action.setCheckable(True)
        self.split_tool = None
        menubar = main.menuBar()
        menubar.insertMenu(self._help_menu_action(menubar), self.menu)
        self.refresh_state()
        QTimer.singleShot(0, self.check_store)

    def _help_menu_action(self, menubar):
        for action in menubar.actions():
            if action.menu() and action.menu().objectName() == "mHelpMenu":
                return action
        return None

    def _action(self, icon: str, text: str, slot, needs_store: bool = False) -> QAction:
        action = QAction(QIcon(str(ICONS / icon)), text, self.iface.mainWindow())
        action.setObjectName("CityGrid_" + slot.__name__)
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
        when disabled (the store refuses the rest anyway: this spares the user the attempt)."""
        connected = self.store_version > 0
        for action in self.store_actions:
            base = action.data() or action.text()
            needed = ROLE_NEEDS.get(action.objectName())
            allowed = connected and (needed is None or bool(set(needed) & set(self.my_roles)))
            action.setEnabled(allowed)
            if not connected:
                tip = tr("{action}: connect to a CityGrid store first (CityGrid ▸ Settings)").format(action=base)
            elif not allowed:
                tip = tr("{action}: your store login has none of the roles {roles}").format(
                    action=base, roles=", ".join(needed))
            else:
                tip = base
            action.setToolTip(tip)

    def check_store(self) -> None:
        """Look up the configured store's version (quietly; failures are logged)."""
        from .connections import configured_target
        from .store.db import StoreError, connect
        from .store.migrate import MigrationError, store_version

        self.store_version = 0
        self.my_roles = []
        target = configured_target()
        if target is not None:
            try:
                conn = connect(target.dsn())
                try:
                    self.store_version = store_version(conn)
                    if self.store_version:
                        from .store.roles import my_roles

                        self.my_roles = my_roles(conn)[0]
                finally:
                    conn.close()
            except (StoreError, MigrationError) as exc:
                QgsMessageLog.logMessage(str(exc), LOG_TAG, Qgis.Warning)
        self.refresh_state()

    def unload(self) -> None:
        if self.big_screen is not None:
            self.big_screen.close()
        self._close_case_queue()
        self._close_heatmap()
        self._close_evaluation()
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

    # -- actions --------------------------------------------------------------------------
    def show_settings(self) -> None:
        from .gui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.iface.mainWindow())
        if dialog.exec_():
            self.check_store()

    def add_layers(self) -> None:
        from .connections import configured_target
        from .layers import add_store_layers

        target = configured_target()
        if target is None:
            return
        layers = add_store_layers(QgsProject.instance(), target)
        bad = [layer.name() for layer in layers if not layer.isValid()]
        if bad:
            self.iface.messageBar().pushMessage(  # the message bar renders HTML: escape
                "CityGrid", html_text(tr("Could not open: {layers}").format(layers=", ".join(bad))), Qgis.Warning)

    def grid_layer(self):
        from .layers import GRIDS, find_store_layer

        return find_store_layer(QgsProject.instance(), GRIDS)

    def _warn(self, text: str) -> None:
        """*text* (often an error quoting store or user text) in the message bar, which renders
        HTML and opens its links: escaped."""
        self.iface.messageBar().pushMessage("CityGrid", html_text(text), Qgis.Warning)

    def toggle_split_tool(self, checked: bool) -> None:
        from .gui.maptools.grid_edit import SplitGridTool

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
        from qgis.PyQt.QtCore import Qt

        from .connections import configured_target
        from .gui.docks.case_queue import CaseQueueDock
        from .store.db import StoreError

        if not checked:
            self._close_case_queue()
            return
        try:
            self.case_dock = CaseQueueDock(self.iface, configured_target(), parent=self.iface.mainWindow())
        except StoreError as exc:
            self._warn(str(exc))
            self.queue_action.setChecked(False)
            return
        self.iface.addDockWidget(Qt.RightDockWidgetArea, self.case_dock)
        self.case_dock.closed.connect(lambda: self.queue_action.setChecked(False))

    def toggle_heatmap(self, checked: bool) -> None:
        from qgis.PyQt.QtCore import Qt

        from .connections import configured_target
        from .gui.docks.heatmap import HeatmapDock
        from .store.db import StoreError

        if not checked:
            self._close_heatmap()
            return
        try:
            self.heatmap_dock = HeatmapDock(self.iface, configured_target(), parent=self.iface.mainWindow())
        except StoreError as exc:
            self._warn(str(exc))
            self.heatmap_action.setChecked(False)
            return
        self.iface.addDockWidget(Qt.RightDockWidgetArea, self.heatmap_dock)
        self.heatmap_dock.closed.connect(lambda: self.heatmap_action.setChecked(False))

    def _close_heatmap(self) -> None:
        if self.heatmap_dock is not None:
            self.heatmap_dock.shutdown()
            self.iface.removeDockWidget(self.heatmap_dock)
            self.heatmap_dock.deleteLater()
            self.heatmap_dock = None

    def toggle_evaluation(self, checked: bool) -> None:
        from qgis.PyQt.QtCore import Qt

        from .connections import configured_target
        from .gui.docks.evaluation import EvaluationDock
        from .store.db import StoreError

        if not checked:
            self._close_evaluation()
            return
        try:
            self.evaluation_dock = EvaluationDock(self.iface, configured_target(), parent=self.iface.mainWindow())
        except StoreError as exc:
            self._warn(str(exc))
            self.evaluation_action.setChecked(False)
            return
        self.evaluation_dock.drilled.connect(self.drill_down)
        self.iface.addDockWidget(Qt.RightDockWidgetArea, self.evaluation_dock)
        self.evaluation_dock.closed.connect(lambda: self.evaluation_action.setChecked(False))
        self.evaluation_dock.refresh()

    def drill_down(self, ids: list, title: str) -> None:
        """The cases behind a figure of the evaluation, also in the case queue when it is open."""
        if self.case_dock is not None:
            self.case_dock.set_drill_down(ids, title)

    def _close_evaluation(self) -> None:
        if self.evaluation_dock is not None:
            self.evaluation_dock.shutdown()
            self.iface.removeDockWidget(self.evaluation_dock)
            self.evaluation_dock.deleteLater()
            self.evaluation_dock = None

    def show_big_screen(self) -> None:
        from .connections import configured_target
        from .gui.bigscreen import BigScreen
        from .store.db import StoreError

        if self.big_screen is not None:
            self.big_screen.open(full_screen=True)
            return
        try:
            screen = BigScreen(configured_target(), self.iface.mapCanvas().layers())  # visible layers, top first
        except StoreError as exc:
            self._warn(str(exc))
            return
        screen.closed.connect(self._big_screen_closed)
        self.big_screen = screen
        screen.open(full_screen=True)

    def _big_screen_closed(self) -> None:
        if self.big_screen is not None:
            self.big_screen.deleteLater()
            self.big_screen = None

    def _close_case_queue(self) -> None:
        if self.case_dock is not None:
            self.case_dock.shutdown()
            self.iface.removeDockWidget(self.case_dock)
            self.case_dock.deleteLater()
            self.case_dock = None

    def merge_selected(self) -> None:
        from .gui.maptools.grid_edit import GridEditError, merge_grids

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
        from processing import execAlgorithmDialog

        from .connections import configured_target

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
