"""citygrid:patrolpackage and citygrid:checkqfield — the supervisor's handheld (城管通 on QField).

A patrol package (巡查数据包) is a folder per supervisor with a GeoPackage and a QGIS project that
QField (and QGIS) opens as is, offline: his responsibility grids and their neighbours, the
components and the 1:500 base map around them, a report layer with a form that fills the time,
the author and the position accuracy itself, his open verify (核实) and check (核查) tasks with
their report photos, and a track layer for QField's position tracking. The layout is
:mod:`citygrid_plugin.core.patrolformat`; the GeoPackage is written by
:mod:`citygrid_plugin.store.patrolpackage`; every package is checked with
:func:`citygrid_plugin.qfieldcheck.check_project` before it is kept.

The forms use QField's core widgets only (value map, value relation, attachment, date/time,
text, checkbox, hidden); their labels and lists are Chinese, as the supervisors read them.
"""
from __future__ import annotations

import json
import shutil
import uuid as uuidlib
from pathlib import Path

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsExpressionContextUtils,
    QgsFieldConstraints,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsOptionalExpression,
    QgsPalLayerSettings,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProject,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from ..core.i18n import tr
from ..core.patrolformat import (
    BASEMAP_LAYERS,
    CLASSES,
    COMPONENTS,
    DCIM,
    GPKG,
    GRIDS,
    KIND_ZH,
    LOGIN_VARIABLE,
    PHOTO_FIELDS,
    PHOTOS,
    PROJECT,
    REPORTS,
    TASK_ZH,
    TASKS,
    TRACKS,
    VERDICT_ZH,
    VERDICTS,
)
from ..layers import apply_style
from ..qfieldcheck import TRACKING_MEASUREMENT_TIMESTAMP, check_project
from ..store import patrol, patrolpackage
from ..store.db import StoreError
from ..store.fieldwork import write_failure
from ..store.roles import login_of, my_roles
from .base import CityGridAlgorithm

# legend titles and field aliases: what the supervisor reads on the handheld
TITLES = {REPORTS: "新上报问题", TASKS: "核实核查任务", TRACKS: "巡查轨迹", COMPONENTS: "部件",
          GRIDS: "单元网格（红框：责任网格）", "basemap_text": "地形图注记", "basemap_line": "地形图线",
          "basemap_polygon": "地形图面", CLASSES: "问题分类"}
ALIASES = {
    REPORTS: {"fid": "要素号", "uid": "上报编号", "kind": "问题类型", "class_code": "问题分类",
              "component_code": "部件编码", "description": "问题描述", "photo_1": "照片一", "photo_2": "照片二",
              "photo_3": "照片三", "observed_at": "发现时间", "author": "上报人", "accuracy_m": "定位精度（米）",
              "urgent": "紧急"},
    TASKS: {"fid": "要素号", "case_id": "案件标识", "case_no": "案件编号", "task": "任务", "class_code": "分类代码",
            "class_name": "问题分类", "description": "问题描述", "address": "地址", "deadline": "办理时限",
            "report_photo": "上报照片", "version": "案件版本",
            "verdict": "结论（核实：属实/不属实；核查：已处置到位/未处置到位）",
            "note": "说明", "photo": "现场照片", "done_at": "完成时间", "uid": "结论编号"},
    TRACKS: {"fid": "要素号", "uid": "轨迹编号", "author": "巡查人"},
    GRIDS: {"fid": "要素号", "code": "网格编码", "street": "街道", "community": "社区", "mine": "责任网格"},
    COMPONENTS: {"fid": "要素号", "code": "部件编码", "class_code": "小类代码", "class_name": "部件类别",
                 "name": "部件名称", "state": "部件状态", "grid_code": "所在网格"},
    CLASSES: {"fid": "要素号", "kind": "问题类型", "code": "分类代码", "name": "分类名称", "major_name": "大类"},
    "basemap_polygon": {"fid": "要素号", "kind": "类别"},
    "basemap_line": {"fid": "要素号", "kind": "类别"},
    "basemap_text": {"fid": "要素号", "kind": "类别", "text": "注记", "height": "字高", "angle": "角度"},
}
NULL_KEY = "{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"   # QGIS's value map entry for NULL
NEEDS_NOTE = ("cancel", "rework")                    # the store's actions that need a note (case_transition)
UUID = "uuid('WithoutBraces')"
TRACKING = {  # QFieldSync's layer properties, read by QField when the project opens
    "QFieldSync/tracking_session_active": True,            # tracking starts with the project
    "QFieldSync/tracking_time_requirement_active": True,
    "QFieldSync/tracking_time_requirement_interval_seconds": 5,
    "QFieldSync/tracking_distance_requirement_active": False,
    # no safeguard: QField reads its distance for a session started with the project as a boolean
    # (1 m), which would drop most points; the sync cleans GPS jumps itself (core.patrol)
    "QFieldSync/tracking_erroneous_distance_safeguard_active": False,
    "QFieldSync/tracking_measurement_type": TRACKING_MEASUREMENT_TIMESTAMP,   # M = seconds since 1970
}


def _photo(editable: bool = True) -> dict:
    """An attachment (photo) widget storing paths relative to the project (QField: DCIM/…)."""
    return {"DocumentViewer": 1, "DocumentViewerHeight": 0, "DocumentViewerWidth": 0, "FileWidget": editable,
            "FileWidgetButton": editable, "FileWidgetFilter": "", "RelativeStorage": 1, "StorageMode": 0,
            "UseLink": False, "FullUrl": False}


def _value_map(pairs: list[tuple[str, object]]) -> dict:
    return {"map": [{label: value} for label, value in pairs]}


DATETIME = {"field_format": "yyyy-MM-dd HH:mm:ss", "display_format": "yyyy-MM-dd HH:mm", "calendar_popup": True,
            "allow_null": True, "field_iso_format": False}


class PatrolPackageAlgorithm(CityGridAlgorithm):
    _id = "patrolpackage"
    _group_id = "cases"
    SUPERVISORS = "SUPERVISORS"

    def displayName(self) -> str:  # noqa: N802
        return tr("Build patrol packages for supervisors (QField)")

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Writes one patrol package per supervisor (监督员) into the output folder, in a sub-folder named by his "
            "login: a GeoPackage and a QGIS project that QField (and QGIS) opens offline as they are. The package "
            "holds his responsibility grids today (outlined in red) and the grids around them, the components and "
            "the 1:500 base map nearby, a report layer whose form fills the time, the author and the position "
            "accuracy itself and stores photos under DCIM/, his open verify (核实) and check (核查) tasks with their "
            "report photos, and a track layer for QField's position tracking (time as M). Supervisors: logins "
            "separated by commas; empty: every supervisor with grids today (a supervisor builds only his own). The "
            "store decides who may build a package for whom and records every package. Each package is checked "
            "for anything QField could not use; a package with a problem is not kept. An existing package is "
            "never overwritten (it may hold field work not yet synced).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.SUPERVISORS, tr("Supervisor logins (comma-separated; empty: every supervisor with grids today)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, tr("Output folder (one sub-folder per "
                                                                                   "supervisor)")))
        self.addOutput(QgsProcessingOutputNumber("PACKAGES", tr("Patrol packages written")))
        self.addOutput(QgsProcessingOutputString("FOLDERS", tr("Package folders (one per line)")))
        self.addOutput(QgsProcessingOutputNumber("TASKS", tr("Verify and check tasks packed")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        text = self.parameterAsString(parameters, self.SUPERVISORS, context) or ""
        wanted = list(dict.fromkeys(t.strip() for t in text.replace("，", ",").replace(";", ",").split(",")
                                    if t.strip()))
        root = Path(self.parameterAsString(parameters, self.OUTPUT, context))
        folders, tasks = [], 0
        with self.store_session(parameters, context, feedback) as store:
            logins = wanted or self._everyone(store.conn)
            if not logins:
                raise QgsProcessingException(tr("no supervisor answers for a unit grid today: give the supervisors "
                                                "their responsibility grids first"))
            plan = self._plan(store.conn, logins, root)      # every refusal named before anything is written
            for i, (login, grids) in enumerate(plan):
                if feedback.isCanceled():
                    break
                folder = root / login
                tasks += self._package(store, login, grids, folder, feedback)
                folders.append(str(folder))
                feedback.setProgress(100.0 * (i + 1) / len(plan))
        return {"PACKAGES": len(folders), "FOLDERS": "\n".join(folders), "TASKS": tasks}

    @staticmethod
    def _everyone(conn) -> list[str]:
        """Every supervisor with grids today; a supervisor (not a shift leader or administrator)
        builds only his own."""
        roles, _department = my_roles(conn)
        if "supervisor" in roles and not {"admin", "shift_leader"}.intersection(roles):
            return [login_of(conn)]
        return [login for login, _name in patrol.supervisors(conn) if patrol.responsibility(conn, login)]

    @staticmethod
    def _plan(conn, logins: list[str], root: Path) -> list[tuple[str, list[str]]]:
        """(login, his grids today) for each supervisor; a login without grids or whose folder
        already holds a package is refused, all of them in one message."""
        plan, refusals = [], []
        for login in logins:
            grids = patrol.responsibility(conn, login)
            folder = root / login
            if not grids:
                refusals.append(tr("{login} answers for no unit grid today: give him his responsibility grids first "
                                   "(系统管理 ▸ Responsibility grids)").format(login=login))
            elif (folder / GPKG).exists() or (folder / PROJECT).exists():
                refusals.append(tr("{path} already holds a patrol package; it may hold reports and verdicts not yet "
                                   "synced, so it is never overwritten: sync it, or choose another folder").format(
                    path=folder))
            else:
                plan.append((login, grids))
        if refusals:
            raise QgsProcessingException("\n".join(refusals))
        return plan

    def _package(self, store, login: str, grids: list[str], folder: Path, feedback) -> int:
        """Register, write and check one supervisor's package; a failure leaves nothing behind."""
        conn = store.conn
        package_id = str(uuidlib.uuid4())
        store_id = patrol.register_package(conn, package_id, login, grids)   # the store refuses who may not
        content = patrolpackage.read_content(conn, login, grids)
        created = not folder.exists()
        try:
            for sub in (DCIM, PHOTOS):
                (folder / sub).mkdir(parents=True, exist_ok=True)
            photos = patrolpackage.export_photos(conn, content.tasks, folder)
            patrolpackage.write_gpkg(folder / GPKG, content, package_id, store_id, store.srid, photos)
            write_project(folder, login, store.srid, content)
            problems = check_project(folder / PROJECT)
            if problems:
                raise QgsProcessingException(tr("the patrol package of {login} has problems QField could not live "
                                                "with, so it was not kept:\n{problems}").format(
                    login=login, problems="\n".join(str(p) for p in problems)))
        except StoreError:
            _remove(folder, created)
            raise
        except (OSError, RuntimeError) as exc:     # a full or write-protected disk (GDAL raises RuntimeError)
            _remove(folder, created)
            raise QgsProcessingException(write_failure(folder, exc)) from exc
        except BaseException:
            _remove(folder, created)
            raise
        feedback.pushInfo(tr("{login}: {grids} grids, {tasks} tasks, {components} components → {path}").format(
            login=login, grids=len(grids), tasks=len(content.tasks), components=len(content.components), path=folder))
        return len(content.tasks)


def _remove(folder: Path, created: bool) -> None:
    """Remove what a failed build wrote (the whole folder when it made it)."""
    if created:
        shutil.rmtree(folder, ignore_errors=True)
        return
    for name in (PROJECT, GPKG, GPKG + "-journal", GPKG + "-wal", GPKG + "-shm"):
        (folder / name).unlink(missing_ok=True)


# -- the project -----------------------------------------------------------------------------------
def _layer(gpkg: Path, table: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{gpkg}|layername={table}", TITLES[table], "ogr")
    if not layer.isValid():
        raise QgsProcessingException(tr("cannot open {layer} in {path}").format(layer=table, path=gpkg))
    for index, field in enumerate(layer.fields()):
        layer.setFieldAlias(index, ALIASES[table].get(field.name(), field.name()))
    return layer


def _widget(layer: QgsVectorLayer, name: str, kind: str, config: dict | None = None) -> None:
    layer.setEditorWidgetSetup(layer.fields().indexOf(name), QgsEditorWidgetSetup(kind, config or {}))


def _default(layer: QgsVectorLayer, name: str, expression: str, on_update: bool = False) -> None:
    layer.setDefaultValueDefinition(layer.fields().indexOf(name), QgsDefaultValue(expression, on_update))


def _required(layer: QgsVectorLayer, name: str, hard: bool = True) -> None:
    layer.setFieldConstraint(layer.fields().indexOf(name), QgsFieldConstraints.ConstraintNotNull,
                             QgsFieldConstraints.ConstraintStrengthHard if hard else
                             QgsFieldConstraints.ConstraintStrengthSoft)


def _read_only(layer: QgsVectorLayer, names) -> None:
    form = layer.editFormConfig()
    for name in names:
        form.setReadOnly(layer.fields().indexOf(name), True)
    layer.setEditFormConfig(form)


def _groups(layer: QgsVectorLayer, groups: list[tuple[str, list[str], str]]) -> None:
    """The drag-and-drop layout: (group label, fields, visibility expression or '')."""
    form = layer.editFormConfig()
    form.setLayout(QgsEditFormConfig.EditorLayout.TabLayout)
    form.clearTabs()
    for label, names, visible in groups:
        group = QgsAttributeEditorContainer(label, form.invisibleRootContainer())
        group.setIsGroupBox(True)
        group.setColumnCount(1)
        if visible:
            group.setVisibilityExpression(QgsOptionalExpression(QgsExpression(visible)))
        for name in names:
            group.addChildElement(QgsAttributeEditorField(name, layer.fields().indexOf(name), group))
        form.addTab(group)
    layer.setEditFormConfig(form)


def _attachment_naming(layer: QgsVectorLayer, prefix: str, fields) -> None:
    """Where QField's camera writes each photo (QFieldSync's attachment naming): DCIM/<prefix>_<time>."""
    naming = {name: f"'{DCIM}/{prefix}_' || format_date(now(), 'yyyyMMddhhmmsszzz') || '_{i}.{{extension}}'"
              for i, name in enumerate(fields, start=1)}
    layer.setCustomProperty("QFieldSync/attachment_naming", json.dumps(naming))
    layer.setCustomProperty("QFieldSync/photo_naming", json.dumps(naming))   # QField before 2.7


def configure_reports(layer: QgsVectorLayer, classes: QgsVectorLayer) -> None:
    """The report form: kind, class (filtered by kind), component, description, up to three photos,
    and what the handheld fills itself: time, author (@citygrid_login), accuracy, uid."""
    _widget(layer, "fid", "Hidden")
    _widget(layer, "uid", "Hidden")
    _default(layer, "uid", UUID)
    uid = layer.fields().indexOf("uid")
    layer.setFieldConstraint(uid, QgsFieldConstraints.ConstraintUnique, QgsFieldConstraints.ConstraintStrengthHard)
    _required(layer, "uid")
    _widget(layer, "kind", "ValueMap", _value_map([(zh, kind) for kind, zh in KIND_ZH.items()]))
    _default(layer, "kind", "'event'")
    _required(layer, "kind")
    _widget(layer, "class_code", "ValueRelation", {
        "Layer": classes.id(), "LayerName": classes.name(), "Key": "code", "Value": "name",
        "FilterExpression": "\"kind\" = current_value('kind')", "OrderByValue": False, "AllowNull": False,
        "AllowMulti": False, "UseCompleter": False, "NofColumns": 1})
    _required(layer, "class_code")
    _widget(layer, "component_code", "TextEdit", {"IsMultiline": False, "UseHtml": False})
    _widget(layer, "description", "TextEdit", {"IsMultiline": True, "UseHtml": False})
    _required(layer, "description", hard=False)
    for name in PHOTO_FIELDS:
        _widget(layer, name, "ExternalResource", _photo())
    _required(layer, PHOTO_FIELDS[0], hard=False)
    layer.setConstraintExpression(layer.fields().indexOf(PHOTO_FIELDS[0]), f'"{PHOTO_FIELDS[0]}" IS NOT NULL',
                                  "至少拍一张现场照片")
    _attachment_naming(layer, "report", PHOTO_FIELDS)
    _widget(layer, "observed_at", "DateTime", DATETIME)
    _default(layer, "observed_at", "now()")
    _widget(layer, "author", "TextEdit", {"IsMultiline": False, "UseHtml": False})
    _default(layer, "author", f"@{LOGIN_VARIABLE}")
    _widget(layer, "accuracy_m", "TextEdit", {"IsMultiline": False, "UseHtml": False})
    _default(layer, "accuracy_m", "@position_horizontal_accuracy")
    _widget(layer, "urgent", "CheckBox", {"CheckedState": "1", "UncheckedState": "0", "TextDisplayMethod": 0})
    _default(layer, "urgent", "0")
    _read_only(layer, ("fid", "uid", "author", "accuracy_m"))
    _groups(layer, [("问题", ["kind", "class_code", "description", "urgent"], ""),
                    ("部件", ["component_code"], "\"kind\" = 'component'"),
                    ("照片", list(PHOTO_FIELDS), ""),
                    ("记录", ["observed_at", "author", "accuracy_m"], "")])
    layer.setDisplayExpression("coalesce(represent_value(\"class_code\"), '') || ' ' || coalesce(\"description\", '')")


def verdict_constraint() -> str:
    """A verdict fits its task (verify: confirmed / not_confirmed; check: fixed / not_fixed)."""
    terms = [f"(\"task\" = '{task}' AND \"verdict\" IN ({', '.join(repr(v) for v in verdicts)}))"
             for task, verdicts in VERDICTS.items()]
    return "\"verdict\" IS NULL OR " + " OR ".join(terms)


def configure_tasks(layer: QgsVectorLayer) -> None:
    """The task form: the case read-only (with its report photo), and what he records: the verdict
    (one list of the four, the label saying which apply), a note, a photo; time and uid filled."""
    names = [f.name() for f in layer.fields()]
    _widget(layer, "fid", "Hidden")
    _widget(layer, "case_id", "Hidden")
    _widget(layer, "version", "Hidden")
    _widget(layer, "uid", "Hidden")
    _default(layer, "uid", UUID)
    _widget(layer, "task", "ValueMap", _value_map([(zh, task) for task, zh in TASK_ZH.items()]))
    _widget(layer, "description", "TextEdit", {"IsMultiline": True, "UseHtml": False})
    _widget(layer, "deadline", "DateTime", DATETIME)
    _widget(layer, "report_photo", "ExternalResource", _photo(editable=False))
    choices = [("（未填）", NULL_KEY)] + [(f"{VERDICT_ZH[v]}（{TASK_ZH[task]}）", v)
                                       for task, verdicts in VERDICTS.items() for v in verdicts]
    _widget(layer, "verdict", "ValueMap", _value_map(choices))
    layer.setConstraintExpression(layer.fields().indexOf("verdict"), verdict_constraint(),
                                  "核实填属实或不属实，核查填已处置到位或未处置到位")
    needs_note = [v for verdicts in VERDICTS.values() for v, action in verdicts.items() if action in NEEDS_NOTE]
    layer.setConstraintExpression(
        layer.fields().indexOf("note"),
        f"\"verdict\" IS NULL OR \"verdict\" NOT IN ({', '.join(repr(v) for v in needs_note)}) "
        "OR length(trim(coalesce(\"note\", ''))) > 0",
        "不属实或未处置到位时须写明说明")
    _widget(layer, "note", "TextEdit", {"IsMultiline": True, "UseHtml": False})
    _widget(layer, "photo", "ExternalResource", _photo())
    _attachment_naming(layer, "task", ["photo"])
    _widget(layer, "done_at", "DateTime", DATETIME)
    _default(layer, "done_at", "if(\"verdict\" IS NULL, NULL, now())", on_update=True)
    _read_only(layer, [n for n in names if n not in ("verdict", "note", "photo")])
    _groups(layer, [("任务", ["case_no", "task", "class_name", "description", "address", "deadline", "report_photo"],
                     ""),
                    ("核实核查结果", ["verdict", "note", "photo", "done_at"], "")])
    layer.setDisplayExpression("\"case_no\" || ' ' || coalesce(\"class_name\", '')")
    for key in ("is_feature_addition_locked", "is_feature_deletion_locked", "is_geometry_editing_locked"):
        layer.setCustomProperty(f"QFieldSync/{key}", True)   # tasks come from the store, only their verdict is his


def configure_tracks(layer: QgsVectorLayer) -> None:
    """The track layer: QField's position tracking, started with the project, M = the time."""
    _widget(layer, "fid", "Hidden")
    _widget(layer, "uid", "Hidden")
    _default(layer, "uid", UUID)
    _default(layer, "author", f"@{LOGIN_VARIABLE}")
    _read_only(layer, ("fid", "uid", "author"))
    form = layer.editFormConfig()
    form.setSuppress(QgsEditFormConfig.SuppressOn)     # tracking starts without a form
    layer.setEditFormConfig(form)
    for key, value in TRACKING.items():
        layer.setCustomProperty(key, value)


def _reference(layer: QgsVectorLayer, table: str) -> None:
    """A layer the supervisor looks at and does not edit."""
    if table == CLASSES:
        _widget(layer, "kind", "ValueMap", _value_map([(zh, kind) for kind, zh in KIND_ZH.items()]))
    if table == GRIDS:
        _widget(layer, "mine", "ValueMap", _value_map([("是", 1), ("否", 0)]))
    _read_only(layer, [f.name() for f in layer.fields()])
    layer.setReadOnly(True)


def _labels(layer: QgsVectorLayer, expression: str, size: float = 8.0) -> None:
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    if layer.geometryType() == QgsWkbTypes.PointGeometry:       # beside the marker, not over it
        settings.placement = QgsPalLayerSettings.OrderedPositionsAroundPoint
        settings.dist = 1.5
    elif layer.geometryType() == QgsWkbTypes.PolygonGeometry:   # along the outline: the inside is for tasks
        settings.placement = QgsPalLayerSettings.Line
    text = QgsTextFormat()
    text.setSize(size)
    text.buffer().setEnabled(True)
    text.buffer().setSize(0.8)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _style(layers: dict[str, QgsVectorLayer]) -> None:
    """Simple styles a handheld screen reads: his grids outlined strongly, tasks red (verify) and
    orange (check), green once decided, new reports highlighted, the track blue."""
    mine = QgsFillSymbol.createSimple({"color": "230,40,40,25", "outline_color": "220,30,30,255",
                                       "outline_width": "0.9"})
    around = QgsFillSymbol.createSimple({"style": "no", "outline_color": "110,110,110,255", "outline_width": "0.3",
                                         "outline_style": "dash"})
    layers[GRIDS].setRenderer(QgsCategorizedSymbolRenderer("mine", [
        QgsRendererCategory(1, mine, "责任网格"), QgsRendererCategory(0, around, "相邻网格")]))
    _labels(layers[GRIDS], "\"code\"", 7.0)
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expression, colour in (("已填结论", "\"verdict\" IS NOT NULL", "40,160,60"),
                                      ("待核实", "\"verdict\" IS NULL AND \"task\" = 'verify'", "220,30,30"),
                                      ("待核查", "\"verdict\" IS NULL AND \"task\" = 'check'", "245,140,0")):
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "4.5",
                                               "outline_color": "255,255,255", "outline_width": "0.5"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    layers[TASKS].setRenderer(QgsRuleBasedRenderer(root))
    _labels(layers[TASKS], "\"case_no\"")
    report = QgsMarkerSymbol.createSimple({"name": "star", "color": "255,215,0", "size": "6.5",
                                           "outline_color": "0,0,0", "outline_width": "0.4"})
    layers[REPORTS].renderer().setSymbol(report)
    layers[TRACKS].renderer().setSymbol(QgsLineSymbol.createSimple({"line_color": "30,100,220", "line_width": "0.8"}))
    component = QgsMarkerSymbol.createSimple({"name": "square", "color": "0,120,120", "size": "1.6",
                                              "outline_style": "no"})
    layers[COMPONENTS].renderer().setSymbol(component)
    for table in BASEMAP_LAYERS:
        apply_style(layers[table], table)
        for index, field in enumerate(layers[table].fields()):   # a style's aliases give way to the Chinese ones
            layers[table].setFieldAlias(index, ALIASES[table].get(field.name(), field.name()))
    for layer in layers.values():
        layer.triggerRepaint()


def write_project(folder: Path, login: str, srid: int, content) -> None:
    """The package's project (patrol.qgz): layers of patrol.gpkg with relative paths, forms,
    styles, the store's CRS, the project variable citygrid_login and his grids as the view."""
    gpkg = folder / GPKG
    project = QgsProject()
    try:
        project.setFileName(str(folder / PROJECT))
        project.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{srid}"))
        project.writeEntryBool("Paths", "/Absolute", False)
        project.setTitle(tr("Patrol package of {login}").format(login=login))
        QgsExpressionContextUtils.setProjectVariable(project, LOGIN_VARIABLE, login)
        layers = {table: _layer(gpkg, table) for table in (REPORTS, TASKS, TRACKS, COMPONENTS, GRIDS,
                                                           *reversed(BASEMAP_LAYERS), CLASSES)}
        configure_reports(layers[REPORTS], layers[CLASSES])
        configure_tasks(layers[TASKS])
        configure_tracks(layers[TRACKS])
        for table in (COMPONENTS, GRIDS, CLASSES, *BASEMAP_LAYERS):
            _reference(layers[table], table)
        _style(layers)
        root = project.layerTreeRoot()
        for table, layer in layers.items():
            project.addMapLayer(layer, False)
            if table != CLASSES:         # in the project for the class picker, not in the legend
                root.addLayer(layer)
        xmin, ymin, xmax, ymax = content.extent
        project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(QgsRectangle(xmin, ymin, xmax, ymax),
                                                                           project.crs()))
        project.setBackgroundColor(QColor(255, 255, 255))
        if not project.write():
            raise OSError(project.error() or tr("QGIS could not write the project"))
    finally:
        project.clear()       # let go of the GeoPackage


# -- checking any project --------------------------------------------------------------------------
class CheckQFieldAlgorithm(CityGridAlgorithm):
    _id = "checkqfield"
    _group_id = "cases"
    PROJECT = "PROJECT"

    def displayName(self) -> str:  # noqa: N802
        return tr("Check a project for QField")

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Lists what QField could not use in a QGIS project, the way QFieldSync checks projects: layers outside "
            "the project folder or saved with absolute paths, layers that are not GeoPackage or image files "
            "(servers, web maps, memory layers), Python form code or form files, layer actions, form widgets QField "
            "does not have, attachment widgets or values with absolute paths, expressions with functions QField "
            "lacks, a track layer without M, a missing CRS. Each problem names the layer, what is wrong and how to "
            "fix it. Every patrol package is checked this way before it is kept.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(self.PROJECT, tr("QGIS project (.qgz or .qgs)"),
                                                     fileFilter=tr("QGIS projects (*.qgz *.qgs)")))
        self.addParameter(QgsProcessingParameterBoolean(self.FAIL_ON_ERROR, tr("Fail on errors"), False))
        self.addOutput(QgsProcessingOutputNumber("PROBLEMS", tr("Problems found")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", tr("Summary")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = self.parameterAsFile(parameters, self.PROJECT, context)
        problems = check_project(path)
        lines = [str(p) for p in problems]
        for line in lines:
            feedback.pushWarning(line)
        summary = (tr("{n} problems QField could not live with").format(n=len(problems)) if problems
                   else tr("QField can use everything in this project"))
        feedback.pushInfo(summary)
        if problems and self.parameterAsBoolean(parameters, self.FAIL_ON_ERROR, context):
            raise QgsProcessingException(summary + "\n" + "\n".join(lines))
        return {"PROBLEMS": len(problems), "SUMMARY": "\n".join([summary, *lines])}


ALGORITHMS = (PatrolPackageAlgorithm, CheckQFieldAlgorithm)
