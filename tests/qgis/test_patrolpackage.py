"""Patrol packages for the supervisor's handheld (城管通 on QField) against a real store: the package
of a supervisor opens in QGIS offline with every layer valid and relative paths, the forms carry the
widgets and defaults QField fills (time, author, position accuracy, uid), his verify task comes with
its report photo, the track layer has M, and the QField checker finds nothing; the store refuses a
package for someone else; and the checker names every problem of a deliberately broken project."""
from __future__ import annotations

import sqlite3
import uuid
import zipfile
from pathlib import Path

import processing
import pytest
from qgis.core import (
    QgsAction,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from citygrid_plugin.connections import delete_connection, save_connection
from citygrid_plugin.core.patrolformat import VERDICTS
from citygrid_plugin.qfieldcheck import Problem, check_project
from citygrid_plugin.store import admin, patrol
from citygrid_plugin.store.cases import act, report_case
from citygrid_plugin.store.photos import add_photo
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.photos import photo
from tests.helpers.qgis import auth_config
from tests.helpers.sql import PASSWORD
from tests.stores import make_case_store

GRID_A, GRID_C = "510104001001001", "510104001001003"      # the case store's top row: x 0–100 and 200–300


@pytest.fixture
def patrol_store(provider, qgis_connection, store_dsn, cluster, conn_factory):
    """The case store with roles; supervisors zhang (grid A) and li (grid C) and an operator with
    password logins and QGIS connections; components and base map in and far from grid A; a 12319
    call with a photo in grid A, accepted (zhang's verify task), and one in grid C (li's)."""
    make_case_store(store_dsn)
    owner = conn_factory(store_dsn)
    setup_roles(owner)
    tag = uuid.uuid4().hex[:6]
    logins = {"zhang": f"cgt_{tag}_zhang", "li": f"cgt_{tag}_li", "operator": f"cgt_{tag}_operator"}
    save_user(owner, logins["zhang"], ["supervisor"], "张监督", password=PASSWORD)
    save_user(owner, logins["li"], ["supervisor"], "李监督", password=PASSWORD)
    save_user(owner, logins["operator"], ["operator"], "王受理", password=PASSWORD)
    admin.set_supervisor_grids(owner, logins["zhang"], [GRID_A])
    admin.set_supervisor_grids(owner, logins["li"], [GRID_C])
    with owner.cursor() as cur:
        cur.execute("""
            INSERT INTO citygrid.component (class_code, dept1_code, geom) VALUES
                ('0101', 'SZ', ST_SetSRID(ST_Point(30, 160), citygrid.store_srid())),
                ('0101', 'SZ', ST_SetSRID(ST_Point(290, 10), citygrid.store_srid()));
            INSERT INTO citygrid.basemap_polygon (kind, source_file, import_batch, geom) VALUES
                ('building', 't.dxf', gen_random_uuid(), ST_Multi(ST_MakeEnvelope(20, 120, 40, 140, 4544))),
                ('building', 't.dxf', gen_random_uuid(), ST_Multi(ST_MakeEnvelope(280, 10, 290, 20, 4544)));
            INSERT INTO citygrid.basemap_line (kind, source_file, import_batch, geom) VALUES
                ('road', 't.dxf', gen_random_uuid(),
                 ST_Multi(ST_SetSRID(ST_MakeLine(ST_Point(0, 105), ST_Point(300, 105)), 4544)));
            INSERT INTO citygrid.basemap_text (kind, source_file, import_batch, text, height, angle, geom) VALUES
                ('annotation', 't.dxf', gen_random_uuid(), '红星路', 2, 0, ST_SetSRID(ST_Point(50, 110), 4544));""")
    owner.commit()
    dbname = store_dsn.split("dbname=")[1].split()[0]

    def login(key):
        return conn_factory(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user={logins[key]} "
                            f"password={PASSWORD}")

    operator = login("operator")
    cases = {}
    for key, (x, y) in (("zhang", (50, 150)), ("li", (250, 150))):
        c = report_case(operator, "12319热线", "event", "0102", "暴露垃圾", x, y, reporter="王",
                        reporter_phone="13800000000")
        add_photo(operator, c.id, "report", photo())
        cases[key] = act(operator, c.id, "accept", "operator", c.version)
    p = cluster.client_params(dbname)
    connections = {"owner": qgis_connection}
    for key, name in logins.items():
        connections[key] = f"citygrid-patrol-{tag}-{key}"
        save_connection(connections[key], p["host"], p["port"], p["dbname"], name, authcfg=auth_config(name, PASSWORD))
    yield {"conn": owner, "logins": logins, "connections": connections, "cases": cases}
    for key in logins:
        delete_connection(connections[key])
    owner.rollback()
    with owner.cursor() as cur:
        for name in logins.values():
            cur.execute(f'DROP OWNED BY "{name}"')
            cur.execute(f'DROP ROLE IF EXISTS "{name}"')
    owner.commit()


def build(store, folder, as_="owner", supervisors=""):
    return processing.run("citygrid:patrolpackage", {"CONNECTION": store["connections"][as_],
                                                     "SUPERVISORS": supervisors, "OUTPUT": str(folder)})


def rows(gpkg, sql, args=()):
    with sqlite3.connect(gpkg) as con:
        return con.execute(sql, args).fetchall()


def widget(layer, name):
    setup = layer.editorWidgetSetup(layer.fields().indexOf(name))
    return setup.type(), setup.config()


def default(layer, name):
    return layer.defaultValueDefinition(layer.fields().indexOf(name))


def read_only(layer, name):
    return layer.editFormConfig().readOnly(layer.fields().indexOf(name))


def test_a_package_opens_offline_with_his_grids_task_photo_and_forms(patrol_store, tmp_path):
    zhang = patrol_store["logins"]["zhang"]
    case = patrol_store["cases"]["zhang"]
    out = build(patrol_store, tmp_path, supervisors=zhang)
    folder = tmp_path / zhang
    assert (out["PACKAGES"], out["TASKS"], out["FOLDERS"]) == (1, 1, str(folder))
    gpkg, qgz = folder / "patrol.gpkg", folder / "patrol.qgz"
    assert gpkg.is_file() and qgz.is_file() and (folder / "DCIM").is_dir()
    # the GeoPackage: his grid and its neighbours, what lies around it, his task with its photo
    assert rows(gpkg, "SELECT code, mine FROM grids ORDER BY code") == [
        (GRID_A, 1), ("510104001001002", 0), ("510104001001004", 0), ("510104001001005", 0)]
    assert rows(gpkg, "SELECT count(*), min(class_code) FROM components") == [(1, "0101")]
    assert [rows(gpkg, f"SELECT count(*) FROM {t}")[0][0] for t in ("basemap_polygon", "basemap_line",
                                                                    "basemap_text")] == [1, 1, 1]
    assert rows(gpkg, "SELECT text FROM basemap_text") == [("红星路",)]
    assert {k for (k,) in rows(gpkg, "SELECT DISTINCT kind FROM classes")} == {"event", "component"}
    assert rows(gpkg, "SELECT name FROM classes WHERE kind = 'event' AND code = '0102'") == [("暴露垃圾",)]
    ((case_id, case_no, task, report_photo, version, verdict, uid),) = rows(
        gpkg, "SELECT case_id, case_no, task, report_photo, version, verdict, uid FROM tasks")
    assert (case_id, case_no, task, version, verdict) == (case.id, case.case_no, "verify", case.version, None)
    assert report_photo == f"photos/{case.case_no}.jpg" and len(uid) == 36
    assert (folder / report_photo).read_bytes()[:3] == b"\xff\xd8\xff"
    assert [rows(gpkg, f"SELECT count(*) FROM {t}")[0][0] for t in ("reports", "tracks")] == [0, 0]
    assert rows(gpkg, "SELECT geometry_type_name, m FROM gpkg_geometry_columns WHERE table_name = 'tracks'") == [
        ("LINESTRING", 1)]
    ((package_id, store_id, login, grids, fmt),) = rows(
        gpkg, "SELECT package_id, store_id, login, grids, format FROM _citygrid_patrol")
    assert (store_id, login, grids, fmt) == (patrol.store_id(patrol_store["conn"]), zhang, GRID_A, 1)
    assert rows(gpkg, "SELECT count(*) FROM _citygrid_synced")[0][0] == 0
    with patrol_store["conn"].cursor() as cur:
        cur.execute("SELECT login, grids FROM citygrid.patrol_package WHERE id = %s", (package_id,))
        assert cur.fetchone() == (zhang, [GRID_A])
    patrol_store["conn"].rollback()
    # the project: relative paths only, no store, opens with every layer valid
    with zipfile.ZipFile(qgz) as archive:
        xml = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".qgs"))
    assert str(tmp_path) not in xml and "./patrol.gpkg|layername=reports" in xml
    for forbidden in ("host=", "password", "service=", "authcfg"):
        assert forbidden not in xml.lower()
    project = QgsProject()
    assert project.read(str(qgz))
    try:
        assert project.crs().authid() == "EPSG:4544"
        assert QgsExpressionContextUtils.projectScope(project).variable("citygrid_login") == zhang
        layers = {lyr.source().split("layername=")[-1]: lyr for lyr in project.mapLayers().values()}
        assert set(layers) == {"reports", "tasks", "tracks", "components", "grids", "basemap_polygon",
                               "basemap_line", "basemap_text", "classes"}
        assert all(lyr.isValid() for lyr in layers.values())
        assert project.layerTreeRoot().findLayer(layers["classes"].id()) is None     # lookup only
        for lyr in layers.values():                                                   # Chinese aliases everywhere
            for field in lyr.fields():
                assert any("\u4e00" <= ch <= "\u9fff" for ch in field.alias()), (lyr.name(), field.name())
        reports = layers["reports"]
        assert widget(reports, "kind") == ("ValueMap", {"map": [{"事件": "event"}, {"部件": "component"}]})
        kind, config = widget(reports, "class_code")
        assert kind == "ValueRelation" and config["Layer"] == layers["classes"].id()
        assert (config["Key"], config["Value"], config["FilterExpression"]) == (
            "code", "name", "\"kind\" = current_value('kind')")
        assert widget(reports, "description") == ("TextEdit", {"IsMultiline": True, "UseHtml": False})
        for name in ("photo_1", "photo_2", "photo_3"):
            kind, config = widget(reports, name)
            assert kind == "ExternalResource" and config["RelativeStorage"] == 1 and config["DocumentViewer"] == 1
        assert "'DCIM/report_'" in reports.customProperty("QFieldSync/attachment_naming")
        assert widget(reports, "observed_at")[0] == "DateTime"
        assert default(reports, "observed_at").expression() == "now()"
        assert default(reports, "author").expression() == "@citygrid_login" and read_only(reports, "author")
        assert default(reports, "accuracy_m").expression() == "@position_horizontal_accuracy"
        assert widget(reports, "uid")[0] == "Hidden" and "uuid(" in default(reports, "uid").expression()
        assert read_only(reports, "uid") and widget(reports, "urgent")[0] == "CheckBox"
        assert not read_only(reports, "kind") and not read_only(reports, "class_code")
        # the defaults QField applies, evaluated as QGIS would for a new report
        new = reports.fields()
        context = QgsExpressionContext()
        for scope in (QgsExpressionContextUtils.globalScope(), QgsExpressionContextUtils.projectScope(project),
                      QgsExpressionContextUtils.layerScope(reports)):
            context.appendScope(scope)
        assert reports.defaultValue(new.indexOf("author"), QgsFeature(new), context) == zhang
        assert len(str(reports.defaultValue(new.indexOf("uid"), QgsFeature(new), context))) == 36
        tasks = layers["tasks"]
        kind, config = widget(tasks, "verdict")
        values = {v for entry in config["map"] for v in entry.values()}
        assert kind == "ValueMap" and {"confirmed", "not_confirmed", "fixed", "not_fixed"} <= values
        assert {label for entry in config["map"] for label in entry} >= {"属实（核实）", "不属实（核实）",
                                                                         "已处置到位（核查）", "未处置到位（核查）"}
        assert "核实" in tasks.attributeAlias(tasks.fields().indexOf("verdict"))
        for name in ("verdict", "note", "photo"):
            assert not read_only(tasks, name), name
        for name in ("case_no", "task", "class_name", "description", "address", "deadline", "report_photo",
                     "done_at", "uid", "case_id"):
            assert read_only(tasks, name), name
        kind, config = widget(tasks, "report_photo")
        assert kind == "ExternalResource" and config["RelativeStorage"] == 1 and not config["FileWidget"]
        assert widget(tasks, "photo")[0] == "ExternalResource" and widget(tasks, "note")[0] == "TextEdit"
        assert "now()" in default(tasks, "done_at").expression() and default(tasks, "done_at").applyOnUpdate()
        assert "uuid(" in default(tasks, "uid").expression()
        for verdict_values in VERDICTS.values():
            assert set(verdict_values) <= values
        tracks = layers["tracks"]
        assert QgsWkbTypes.hasM(tracks.wkbType()) and tracks.geometryType() == QgsWkbTypes.LineGeometry
        assert tracks.customProperty("QFieldSync/tracking_measurement_type") == 1
        assert default(tracks, "author").expression() == "@citygrid_login"
        assert layers["grids"].readOnly() and layers["components"].readOnly()
        # the task opens where the case is, with its photo beside the project
        feature = next(layers["tasks"].getFeatures())
        assert feature.geometry().asPoint() == QgsPointXY(50, 150)
        assert (Path(project.homePath()) / feature["report_photo"]).is_file()
    finally:
        project.clear()
    assert check_project(qgz) == []


def test_every_supervisor_with_grids_and_a_supervisor_only_for_himself(patrol_store, tmp_path):
    logins = patrol_store["logins"]
    everyone = build(patrol_store, tmp_path / "all")
    assert everyone["PACKAGES"] == 2 and everyone["TASKS"] == 2
    assert sorted(Path(f).name for f in everyone["FOLDERS"].splitlines()) == sorted([logins["zhang"], logins["li"]])
    assert rows(tmp_path / "all" / logins["li"] / "patrol.gpkg", "SELECT case_no FROM tasks") == [
        (patrol_store["cases"]["li"].case_no,)]
    mine = build(patrol_store, tmp_path / "mine", as_="zhang")          # a supervisor: his own package only
    assert mine["PACKAGES"] == 1 and Path(mine["FOLDERS"]).name == logins["zhang"]
    assert (Path(mine["FOLDERS"]) / "photos" / f"{patrol_store['cases']['zhang'].case_no}.jpg").is_file()
    # a package is never overwritten: it may hold field work not yet synced
    with pytest.raises(QgsProcessingException, match="already holds a patrol package"):
        build(patrol_store, tmp_path / "mine", as_="zhang")


def test_nobody_gets_a_package_for_someone_else(patrol_store, tmp_path):
    zhang = patrol_store["logins"]["zhang"]
    refusals = {  # another supervisor: the store's own words; an operator may not even call it
        "li": f"may not build a patrol package for {zhang}: administrators and shift leaders build them, a "
              "supervisor for himself",
        "operator": f"package for {zhang} was not registered: (permission denied for function "
                    f"patrol_package_register|.* may not build a patrol package for {zhang})"}
    for who, refusal in refusals.items():
        with pytest.raises(QgsProcessingException, match=refusal):
            build(patrol_store, tmp_path / who, as_=who, supervisors=zhang)
        assert not (tmp_path / who / zhang).exists()
    with pytest.raises(QgsProcessingException, match="answers for no unit grid today"):
        build(patrol_store, tmp_path / "op", supervisors=patrol_store["logins"]["operator"])


def test_a_package_with_a_problem_is_not_kept(patrol_store, tmp_path, monkeypatch):
    from citygrid_plugin.processing import alg_patrolpackage

    monkeypatch.setattr(alg_patrolpackage, "check_project",
                        lambda path: [Problem("巡查轨迹", "the track layer has no M values", "make it LineStringM")])
    with pytest.raises(QgsProcessingException, match="not kept:\n巡查轨迹: the track layer has no M values"):
        build(patrol_store, tmp_path, supervisors=patrol_store["logins"]["zhang"])
    assert not (tmp_path / patrol_store["logins"]["zhang"]).exists()
    monkeypatch.undo()
    from citygrid_plugin.store import patrolpackage

    def full_disk(*_args, **_kwargs):
        raise RuntimeError("sqlite3_exec(COMMIT) failed: database or disk is full")
    monkeypatch.setattr(patrolpackage, "write_gpkg", full_disk)
    with pytest.raises(QgsProcessingException, match="database or disk is full.*disk full or write-protected"):
        build(patrol_store, tmp_path, supervisors=patrol_store["logins"]["zhang"])
    assert not (tmp_path / patrol_store["logins"]["zhang"]).exists()


# -- the checker on a deliberately broken project ----------------------------------------------------
def _gpkg_layer(path: Path, table: str, geometry: str, fields: str) -> QgsVectorLayer:
    memory = QgsVectorLayer(f"{geometry}?crs=EPSG:4544&{fields}", table, "memory")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteLayer if path.exists()
                                    else QgsVectorFileWriter.CreateOrOverwriteFile)
    error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(path), QgsProject().transformContext(),
                                                                   options)
    assert error == QgsVectorFileWriter.NoError, message
    layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
    assert layer.isValid()
    return layer


def broken_project(folder: Path) -> Path:
    """A project with what QField cannot use: a memory layer, a form with Python init code and an
    action, an attachment stored with absolute paths (and holding one), a widget QField lacks, a
    default value with a Processing function, a tracks layer without M, a layer outside the
    folder, and absolute paths."""
    gpkg = folder / "broken.gpkg"
    reports = _gpkg_layer(gpkg, "reports", "Point", "field=photo:string&field=tags:string&field=who:string")
    tracks = _gpkg_layer(gpkg, "tracks", "LineString", "field=uid:string")
    feature = QgsFeature(reports.fields())
    feature.setAttributes([None, "/home/someone/DCIM/1.jpg", "a", "b"])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(1, 1)))
    assert reports.dataProvider().addFeatures([feature])
    reports.setEditorWidgetSetup(reports.fields().indexOf("photo"), QgsEditorWidgetSetup(
        "ExternalResource", {"DocumentViewer": 1, "RelativeStorage": 0, "StorageMode": 0}))
    reports.setEditorWidgetSetup(reports.fields().indexOf("tags"), QgsEditorWidgetSetup("List", {}))
    reports.setDefaultValueDefinition(reports.fields().indexOf("who"), QgsDefaultValue("parameter('INPUT')"))
    form = reports.editFormConfig()
    form.setInitCodeSource(QgsEditFormConfig.CodeSourceDialog)
    form.setInitFunction("my_form_open")
    form.setInitCode("def my_form_open(dialog, layer, feature):\n    pass\n")
    reports.setEditFormConfig(form)
    reports.actions().addAction(QgsAction(QgsAction.GenericPython, "打开网页", "print('hi')"))
    memory = QgsVectorLayer("Point?crs=EPSG:4544&field=name:string", "临时点", "memory")
    outside = _gpkg_layer(folder.parent / f"{folder.name}_elsewhere.gpkg", "roads", "LineString", "field=name:string")
    project = QgsProject()
    project.setFileName(str(folder / "broken.qgz"))
    project.setCrs(reports.crs())
    project.writeEntryBool("Paths", "/Absolute", True)
    for layer in (reports, tracks, memory, outside):
        project.addMapLayer(layer)
    assert project.write()
    project.clear()
    return folder / "broken.qgz"


def test_the_checker_names_every_problem_of_a_broken_project(provider, tmp_path):
    (tmp_path / "pkg").mkdir()
    qgz = broken_project(tmp_path / "pkg")
    problems = check_project(qgz)
    found = {(p.layer, p.what) for p in problems}

    def has(layer, text):
        return any(lyr == layer and text in what for lyr, what in found)

    assert has("临时点", "a temporary (memory) layer")
    assert has("reports", "its form runs Python init code (my_form_open)")
    assert has("reports", "field photo: the attachment widget stores absolute paths")
    assert has("reports", "field photo: 1 features hold an absolute path (such as /home/someone/DCIM/1.jpg)")
    assert has("reports", "the layer has actions (打开网页)")
    assert has("reports", "field tags: QField has no List widget")
    assert has("reports", "field who: the default value expression uses parameter()")
    assert has("tracks", "the track layer has no M values")
    assert has("roads", "is outside the package folder") and has("roads", "keeps its path as an absolute path")
    assert has("", "the project saves absolute paths")
    assert all(p.fix for p in problems) and "临时点: a temporary (memory) layer" in "\n".join(map(str, problems))
    # the same through Processing: counted, and failing when asked to
    result = processing.run("citygrid:checkqfield", {"PROJECT": str(qgz)})
    assert result["PROBLEMS"] == len(problems) and "the track layer has no M values" in result["SUMMARY"]
    with pytest.raises(QgsProcessingException, match="problems QField could not live with"):
        processing.run("citygrid:checkqfield", {"PROJECT": str(qgz), "FAIL_ON_ERROR": True})
