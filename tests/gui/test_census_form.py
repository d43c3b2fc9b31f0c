"""The census form as a surveyor meets it (issue 13, item 1): the real attribute dialog of the
store's component layer, opened for a new component and filled through its widgets, saves the
component, and the store gives it its code. A surveyor logs in with a password from QGIS's
authentication database, as in the field office."""
from __future__ import annotations

import uuid

import pytest
from qgis.core import QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayerUtils
from qgis.gui import QgsAttributeDialog, QgsAttributeEditorContext, QgsGui
from qgis.PyQt.QtWidgets import QComboBox, QDialogButtonBox, QGroupBox, QLabel, QWidget

from citygrid_plugin.connections import StoreTarget, delete_connection, save_connection
from citygrid_plugin.layers import ROLE_PROPERTY, add_store_layers
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.qgis import auth_config
from tests.helpers.sql import PASSWORD, one
from tests.stores import make_case_store


@pytest.fixture
def surveyor_layer(qgis_app, cluster, store_dsn, conn_factory):
    """The store's point component layer, opened by a surveyor login; (layer, owner connection, login)."""
    QgsGui.editorWidgetRegistry().initEditors()
    make_case_store(store_dsn)
    owner = conn_factory(store_dsn)
    setup_roles(owner)
    login = f"cgt_{uuid.uuid4().hex[:6]}_surveyor"
    save_user(owner, login, ["surveyor"], "普查员", password=PASSWORD)
    p = cluster.client_params(store_dsn.split("dbname=")[1].split()[0])
    name = f"citygrid-census-{login}"
    save_connection(name, p["host"], p["port"], p["dbname"], login, authcfg=auth_config(login, PASSWORD))
    project = QgsProject.instance()
    layers = add_store_layers(project, StoreTarget("connection", name))
    layer = next(lay for lay in layers if lay.isValid() and lay.customProperty(ROLE_PROPERTY) == "components"
                 and lay.geometryType() == 0)
    yield layer, owner, login
    if layer.isEditable():
        layer.rollBack()
    project.removeAllMapLayers()
    project.layerTreeRoot().removeAllChildren()
    delete_connection(name)
    owner.rollback()
    with owner.cursor() as cur:
        cur.execute(f'DROP ROLE IF EXISTS "{login}"')
    owner.commit()


def widget(dialog, field: str, kind=QWidget):
    found = [w for w in dialog.findChildren(kind, field) if w.isVisibleTo(dialog)]
    assert found, f"no visible widget for {field}"
    return found[0]


def choose(combo: QComboBox, text: str) -> None:
    """Pick the entry a person reads as *text*."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def ok_button(dialog) -> object:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)


def test_a_surveyor_fills_the_form_presses_ok_and_the_store_issues_the_code(surveyor_layer):
    layer, owner, login = surveyor_layer
    assert layer.startEditing()
    feature = QgsVectorLayerUtils.createFeature(layer, QgsGeometry.fromPointXY(QgsPointXY(50, 50)), {},
                                                layer.createExpressionContext())
    dialog = QgsAttributeDialog(layer, feature, False, None, True)
    dialog.setMode(QgsAttributeEditorContext.AddFeatureMode)
    dialog.show()
    # what a person sees: groups in filling order, Chinese labels, no internal fields
    groups = [g.title() for g in dialog.findChildren(QGroupBox)]
    assert groups[:3] == ["部件 / component", "管理部门 / departments", "状态 / state"]
    # no code, grid or record yet: that group waits for the store (it would read NULL, now(), actor())
    record = next(g for g in dialog.findChildren(QGroupBox) if g.title().startswith("编码与记录"))
    assert not record.isVisibleTo(dialog)
    labels = [lab.text() for lab in dialog.findChildren(QLabel) if lab.isVisibleTo(dialog)]
    assert labels.index("大类 / major class") < labels.index("小类 / class")
    for internal in ("id", "uid", "district_code", "profile"):
        assert not [w for w in dialog.findChildren(QWidget, internal) if w.isVisibleTo(dialog)], internal
    assert all("nextval" not in lab for lab in labels)
    dept = widget(dialog, "dept1_code", QComboBox)
    assert dept.currentText() in ("", "NULL"), "no department is proposed before the surveyor picks one"
    assert not ok_button(dialog).isEnabled()       # 主管部门 is required
    # fill it as a surveyor does: major class, then the class (filtered to it), the department
    choose(widget(dialog, "major_code", QComboBox), "公用设施")
    classes = widget(dialog, "class_code", QComboBox)
    names = [classes.itemText(i) for i in range(classes.count())]
    assert "上水井盖" in names and "公交站亭" not in names    # only the major's classes (道路交通 is another)
    choose(classes, "上水井盖")
    choose(dept, "市政所")
    assert ok_button(dialog).isEnabled()
    ok_button(dialog).click()
    assert layer.commitChanges(), layer.commitErrors()
    code, class_code, name, created_by, grid = one(
        owner, "SELECT code, class_code, name, created_by, grid_code FROM citygrid.component ORDER BY id DESC LIMIT 1")
    assert (class_code, name, created_by, grid) == ("0101", "上水井盖", login, "510104001001004")
    assert code.startswith("5101040101") and len(code) == 16


def test_the_form_of_a_stored_component_shows_its_class_after_editing_is_toggled(surveyor_layer):
    layer, owner, _login = surveyor_layer
    with owner.cursor() as cur:
        cur.execute("INSERT INTO citygrid.component (class_code, dept1_code, geom) "
                    "VALUES ('0102', 'SZ', ST_SetSRID(ST_MakePoint(150, 50), 4544))")
    owner.commit()
    layer.reload()
    feature = next(layer.getFeatures())
    dialog = QgsAttributeDialog(layer, feature, False, None, True)
    dialog.show()
    assert widget(dialog, "class_code", QComboBox).currentText() == "污水井盖"
    record = next(g for g in dialog.findChildren(QGroupBox) if g.title().startswith("编码与记录"))
    assert record.isVisibleTo(dialog) and widget(dialog, "code").findChild(QWidget) is not None
    for _ in range(2):
        assert layer.startEditing()
        assert widget(dialog, "class_code", QComboBox).currentText() == "污水井盖"
        assert widget(dialog, "major_code", QComboBox).currentText() == "公用设施"
        layer.rollBack()
        assert widget(dialog, "class_code", QComboBox).currentText() == "污水井盖"
