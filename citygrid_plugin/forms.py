"""Editing forms for the census layers (部件普查), configured for the job.

* cascading class pickers: major class (大类) first, then the minor class (小类) list is filtered
  to that major (value relations on the store's class tables, filtered with current_value());
* department pickers (主管部门, 权属单位, 养护单位) showing names, storing codes;
* state (部件状态) and data source (数据来源) as lists; photo as an attachment;
* code, grid, version and history fields read-only (the store issues and maintains them); the
  internal ones (id, uid, district and profile, retirement) hidden;
* the fields in the order a surveyor fills them, in groups: the component (大类 before 小类,
  name, code, grid), its departments, state and dates, attributes, photo, the record;
* required fields enforced in the form (hard NOT NULL constraints) as they are in the store; the
  主管部门 picker starts empty (no department is proposed before a class is chosen);
* defaults for new features: state 完好, data source 实测, census date today, a fresh uid; a
  blank name becomes the class's name in the store.

The same function configures the store layers and the field-package layers (where the class and
department lists come from tables copied into the package), so the form is the same everywhere.
"""
from __future__ import annotations

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsFieldConstraints,
    QgsOptionalExpression,
    QgsVectorLayer,
)

from .core.census import ACCURACY_CLASSES, DATA_SOURCES, STATES

READ_ONLY = ("id", "uid", "code", "grid_code", "district_code", "profile", "version", "change_date",
             "created_at", "created_by", "updated_at", "updated_by", "retired_at", "retired_by")
HIDDEN = ("id", "uid", "district_code", "profile", "retired_at", "retired_by")  # the store's own bookkeeping
# the form's groups, in the order a surveyor fills them: (label, fields)
GROUPS = (
    ("部件 / component", ("major_code", "class_code", "name")),
    ("管理部门 / departments", ("dept1_code", "dept2_code", "dept3_code")),
    ("状态 / state", ("state", "data_source", "accuracy", "census_date", "change_date")),
    ("属性 / attributes", ("material", "spec", "site_name", "stop_name", "sculpture_name", "equipment_count",
                         "note")),
    ("照片 / photo", ("photo",)),
    ("编码与记录 / code and record", ("code", "grid_code", "version", "created_at", "created_by", "updated_at",
                                   "updated_by")),
)
# groups shown only once the store has issued the code (a new component has none yet: its code,
# grid and record would read NULL, now(), actor())
STORED_ONLY = {"编码与记录 / code and record": '"code" IS NOT NULL'}
REQUIRED = ("class_code", "dept1_code", "state", "data_source", "census_date")
ALIASES = {
    "code": "部件编码 / code", "major_code": "大类 / major class", "class_code": "小类 / class",
    "name": "部件名称 / name", "dept1_code": "主管部门 / responsible", "dept2_code": "权属单位 / owner",
    "dept3_code": "养护单位 / maintainer", "grid_code": "所在网格 / grid", "state": "部件状态 / state",
    "census_date": "初始日期 / census date", "change_date": "变更日期 / change date",
    "data_source": "数据来源 / data source", "accuracy": "精度等级 / accuracy", "material": "材质 / material",
    "site_name": "工地名称 / site", "stop_name": "站名 / stop", "sculpture_name": "雕塑名称 / sculpture",
    "equipment_count": "器材数量 / equipment", "spec": "规格 / spec", "photo": "照片 / photo", "note": "备注 / note",
    "version": "版本 / version", "created_at": "创建时间 / created", "created_by": "创建人 / created by",
    "updated_at": "修改时间 / changed", "updated_by": "修改人 / changed by",
}


def _widget(layer: QgsVectorLayer, field: str, kind: str, config: dict) -> None:
    index = layer.fields().indexOf(field)
    if index >= 0:
        layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup(kind, config))


def _value_map(values: list[str]) -> dict:
    return {"map": [{value: value} for value in values]}


def configure_component_layer(layer: QgsVectorLayer, majors_layer=None, classes_layer=None,
                              departments_layer=None) -> None:
    """Configure *layer*'s form. The lookup layers are the store's (or a package's) tables:
    majors (profile, major_code, major_name), classes (code, major_code, name),
    departments (code, name); pass None to leave that field a plain text box."""
    fields = layer.fields()
    for name, alias in ALIASES.items():
        index = fields.indexOf(name)
        if index >= 0:
            layer.setFieldAlias(index, alias)
    if majors_layer is not None:
        _widget(layer, "major_code", "ValueRelation", {
            "Layer": majors_layer.id(), "LayerName": majors_layer.name(), "Key": "major_code",
            "Value": "major_name", "OrderByValue": False, "AllowNull": True, "AllowMulti": False})
    if classes_layer is not None:
        _widget(layer, "class_code", "ValueRelation", {
            "Layer": classes_layer.id(), "LayerName": classes_layer.name(), "Key": "code", "Value": "name",
            "OrderByValue": False, "AllowNull": False, "AllowMulti": False,
            "FilterExpression": "\"major_code\" = current_value('major_code')"})
    if departments_layer is not None:
        for field in ("dept1_code", "dept2_code", "dept3_code"):  # empty until chosen (主管部门 is required)
            _widget(layer, field, "ValueRelation", {
                "Layer": departments_layer.id(), "LayerName": departments_layer.name(), "Key": "code",
                "Value": "name", "OrderByValue": True, "AllowNull": True, "AllowMulti": False})
    _widget(layer, "state", "ValueMap", _value_map(list(STATES)))
    _widget(layer, "data_source", "ValueMap", _value_map(list(DATA_SOURCES)))
    _widget(layer, "accuracy", "ValueMap", _value_map(list(ACCURACY_CLASSES)))
    _widget(layer, "photo", "ExternalResource", {"DocumentViewer": 1, "FileWidget": True, "FileWidgetButton": True,
                                                  "RelativeStorage": 1, "StorageMode": 0})
    _widget(layer, "census_date", "DateTime", {"field_format": "yyyy-MM-dd", "display_format": "yyyy-MM-dd",
                                               "calendar_popup": True, "allow_null": False})
    for name in HIDDEN:
        _widget(layer, name, "Hidden", {})
    form = layer.editFormConfig()
    for name in READ_ONLY:
        index = fields.indexOf(name)
        if index >= 0:
            form.setReadOnly(index, True)
    form.setLayout(QgsEditFormConfig.EditorLayout.TabLayout)   # the drag-and-drop designer layout: groups, order
    form.clearTabs()
    placed = set(HIDDEN)
    for label, names in GROUPS:
        group = QgsAttributeEditorContainer(label, form.invisibleRootContainer())
        group.setIsGroupBox(True)
        group.setColumnCount(1)
        if label in STORED_ONLY:
            group.setVisibilityExpression(QgsOptionalExpression(QgsExpression(STORED_ONLY[label])))
        for name in names:
            index = fields.indexOf(name)
            if index >= 0:
                group.addChildElement(QgsAttributeEditorField(name, index, group))
                placed.add(name)
        if group.children():
            form.addTab(group)
    rest = [f.name() for f in fields if f.name() not in placed and f.name() != "geom"]
    if rest:  # a column added to the store later still shows
        group = QgsAttributeEditorContainer("其他 / other", form.invisibleRootContainer())
        group.setIsGroupBox(True)
        for name in rest:
            group.addChildElement(QgsAttributeEditorField(name, fields.indexOf(name), group))
        form.addTab(group)
    layer.setEditFormConfig(form)
    for name in REQUIRED:
        index = fields.indexOf(name)
        if index >= 0:
            layer.setFieldConstraint(index, QgsFieldConstraints.ConstraintNotNull,
                                     QgsFieldConstraints.ConstraintStrengthHard)
    defaults = {"state": "'完好'", "data_source": "'实测'", "census_date": "format_date(now(), 'yyyy-MM-dd')",
                "uid": "uuid('WithoutBraces')"}
    for name, expression in defaults.items():
        index = fields.indexOf(name)
        if index >= 0:
            layer.setDefaultValueDefinition(index, QgsDefaultValue(expression))
    layer.setDisplayExpression("\"code\" || ' ' || \"name\"")

