"""The plugin shell in real QGIS: classFactory, initGui, unload; with iface and with None."""
from __future__ import annotations

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QMenu, QToolBar

import citygrid_plugin
from citygrid_plugin.core.i18n import tr


def citygrid_menus(iface):
    return [a for a in iface.mainWindow().menuBar().actions()
            if a.menu() is not None and a.menu().objectName() == "CityGridMenu"]


def citygrid_toolbars(iface):
    return [t for t in iface.mainWindow().findChildren(QToolBar) if t.objectName() == "CityGridToolbar"]


@pytest.fixture
def no_store(qgis_app):
    from citygrid_plugin.connections import configured_target, save_target

    before = configured_target()
    save_target(None)
    yield
    save_target(before)


def test_init_gui_adds_menu_toolbar_and_provider_and_unload_removes_them(qgis_iface, no_store):
    registry = QgsApplication.processingRegistry()
    assert registry.providerById("citygrid") is None
    plugin = citygrid_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        menus = citygrid_menus(qgis_iface)
        assert len(menus) == 1
        menu: QMenu = menus[0].menu()
        names = [a.objectName() for a in menu.actions()]
        assert names == ["CityGrid_show_settings", "CityGrid_add_layers", "CityGrid_run_create_store", "",
                         "CityGrid_toggle_split_tool", "CityGrid_merge_selected", "",
                         "CityGrid_run_import_components", "CityGrid_run_export_package", "CityGrid_run_sync_package",
                         "", "CityGrid_run_patrol_package", "CityGrid_run_patrol_sync",
                         "", "CityGrid_toggle_case_queue", "CityGrid_toggle_city_queue", "CityGrid_toggle_report",
                         "CityGrid_show_big_screen", "",
                         "CityGrid_toggle_heatmap", "CityGrid_toggle_evaluation", "CityGrid_toggle_leader",
                         "CityGrid_toggle_coverage", "",
                         "CityGrid_show_admin"]
        toolbars = citygrid_toolbars(qgis_iface)
        assert len(toolbars) == 1
        # every button of the toolbar has an icon of its own (a person tells them apart by it)
        buttons = [a for a in toolbars[0].actions() if not a.isSeparator()]
        drawn = [bytes(a.icon().pixmap(32, 32).toImage().constBits().asarray(32 * 32 * 4)) for a in buttons]
        assert len(buttons) == 19 and len(set(drawn)) == len(buttons)
        provider = registry.providerById("citygrid")
        assert provider is not None
        assert {a.id() for a in provider.algorithms()} >= {
            "citygrid:createstore", "citygrid:importdivisions", "citygrid:importdepartments"}
        # no store configured: store actions disabled and the tooltip says what to do
        plugin.check_store()
        layers_action = next(a for a in menu.actions() if a.objectName() == "CityGrid_add_layers")
        assert not layers_action.isEnabled()
        assert "CityGrid ▸" in layers_action.toolTip()
        assert not plugin.split_action.isEnabled() and not plugin.merge_action.isEnabled()
        settings_action = next(a for a in menu.actions() if a.objectName() == "CityGrid_show_settings")
        assert settings_action.isEnabled()
    finally:
        plugin.unload()
    assert citygrid_menus(qgis_iface) == []
    QgsApplication.processEvents()
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert citygrid_toolbars(qgis_iface) == []
    assert registry.providerById("citygrid") is None
    # the translator is gone too: tr() is the identity again
    assert tr("Store") == "Store"


def test_class_factory_without_iface_registers_only_the_provider(qgis_app, qgis_processing):
    registry = QgsApplication.processingRegistry()
    plugin = citygrid_plugin.classFactory(None)
    plugin.initGui()  # QGIS calls initGui for every plugin; with no iface it must not touch a GUI
    try:
        assert registry.providerById("citygrid") is not None
        assert plugin.menu is None and plugin.toolbar is None
    finally:
        plugin.unload()
    assert registry.providerById("citygrid") is None


def test_messages_are_chinese_by_default_and_english_on_request(qgis_app):
    from citygrid_plugin import i18n

    try:
        assert i18n.install("zh_CN") == "zh_CN"
        assert tr("Create or upgrade the CityGrid store") == "创建或升级 CityGrid 数据库"
        assert i18n.install("en") == "en"
        assert tr("Create or upgrade the CityGrid store") == "Create or upgrade the CityGrid store"
    finally:
        i18n.uninstall()
