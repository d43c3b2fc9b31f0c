"""CityGrid ▸ Settings, driven as a user would against a real store."""
from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from citygrid_plugin.connections import configured_target, save_target
from citygrid_plugin.gui.dialogs.settings_dialog import SettingsDialog


@pytest.fixture
def restore_target(qgis_app):
    before = configured_target()
    yield
    save_target(before)


def click(button):
    QTest.mouseClick(button, Qt.LeftButton)


def test_pick_connection_test_create_and_save(qgis_iface, qgis_processing, qgis_connection, restore_target):
    from qgis.core import QgsProject

    import citygrid_plugin

    save_target(None)
    plugin = citygrid_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        check_dialog_flow(plugin, qgis_connection)
    finally:
        plugin.unload()
        QgsProject.instance().clear()


def check_dialog_flow(plugin, qgis_connection):
    from qgis.core import QgsProject

    plugin.check_store()
    assert not plugin.layers_action.isEnabled()
    dialog = SettingsDialog()
    assert qgis_connection in [dialog.connection_combo.itemText(i) for i in range(dialog.connection_combo.count())]
    dialog.use_connection.setChecked(True)
    dialog.connection_combo.setCurrentText(qgis_connection)

    click(dialog.test_button)
    assert "no CityGrid store yet" in dialog.status.text()

    click(dialog.upgrade_button)
    assert "Store at version" in dialog.status.text()

    click(dialog.test_button)
    assert dialog.status.text().startswith("Connected: store version")
    assert "EPSG:4544" in dialog.status.text()

    dialog.accept()
    target = configured_target()
    assert (target.kind, target.name) == ("connection", qgis_connection)

    # the plugin now enables its store actions, and adding the layers works
    plugin.check_store()
    assert plugin.layers_action.isEnabled()
    plugin.add_layers()
    layers = list(QgsProject.instance().mapLayers().values())
    from citygrid_plugin.layers import STORE_LAYERS

    assert len(layers) == len(STORE_LAYERS) and all(layer.isValid() for layer in layers)


def test_bad_service_name_shows_the_error_and_is_not_saved(qgis_app, restore_target):
    save_target(None)
    dialog = SettingsDialog()
    dialog.use_service.setChecked(True)
    dialog.service_edit.setText("no_such_service_xyz")
    click(dialog.test_button)
    assert "Error:" in dialog.status.text() and "no_such_service_xyz" in dialog.status.text()
    dialog.service_edit.setText("   ")
    dialog.accept()
    assert "no store connection chosen" in dialog.status.text()
    assert configured_target() is None
