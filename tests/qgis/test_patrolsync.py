"""citygrid:patrolsync through processing.run on a real QGIS connection: the day's folder of patrol
packages (one sub-folder per supervisor, edited as QField would: tests/helpers/patrol.py) is synced
in one run by the desk's connection (the store owner, who acts as each supervisor, so the audit
shows him); a package of another store is refused and the others go on; the counts and the log
say what arrived; a second run adds nothing."""
from __future__ import annotations

import datetime as dt
import uuid

import processing
import pytest
from qgis.core import (
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from citygrid_plugin.store import admin
from citygrid_plugin.store.cases import act, report_case
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers import patrol as field
from tests.helpers.photos import jpeg
from tests.helpers.sql import PASSWORD, count
from tests.stores import PREFIX, make_case_store

UTC = dt.UTC


@pytest.fixture
def patrol_store(provider, qgis_connection, store_dsn, cluster, conn_factory):
    """The case store with roles, an operator and two supervisors with grids (password logins):
    (QGIS connection name, owner connection, logins, login(name) -> connection)."""
    make_case_store(store_dsn)
    owner = conn_factory(store_dsn)
    setup_roles(owner)
    tag = uuid.uuid4().hex[:6]
    names = {"zhang": f"cgt_{tag}_zhang", "li": f"cgt_{tag}_li", "operator": f"cgt_{tag}_op"}
    save_user(owner, names["zhang"], ["supervisor"], "张监督", password=PASSWORD)
    save_user(owner, names["li"], ["supervisor"], "李监督", password=PASSWORD)
    save_user(owner, names["operator"], ["operator"], "接线员", password=PASSWORD)
    admin.set_supervisor_grids(owner, names["zhang"], [f"{PREFIX}001", f"{PREFIX}002", f"{PREFIX}003"])
    admin.set_supervisor_grids(owner, names["li"], [f"{PREFIX}004", f"{PREFIX}005", f"{PREFIX}006"])
    dbname = store_dsn.split("dbname=")[1].split()[0]

    def as_(key):
        return conn_factory(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user={names[key]} "
                            f"password={PASSWORD}")
    yield qgis_connection, owner, names, as_
    owner.rollback()
    with owner.cursor() as cur:
        cur.execute("DELETE FROM citygrid.supervisor_grid WHERE login = ANY(%s)", (list(names.values()),))
        for name in names.values():
            cur.execute(f'DROP ROLE IF EXISTS "{name}"')
    owner.commit()


def test_the_days_packages_are_synced_in_one_run_in_each_supervisors_name(patrol_store, tmp_path):
    connection, owner, names, as_ = patrol_store
    op = as_("operator")
    call = report_case(op, "12319热线", "event", "0102", "暴露垃圾", 50, 150, reporter="王",
                       reporter_phone="13800000000")
    call = act(op, call.id, "accept", "operator", call.version)
    day = tmp_path / "2026-05-01"
    zhang = field.make_package(day / "zhang", as_("zhang"), names["zhang"], [f"{PREFIX}001"])
    li = field.make_package(day / "li", as_("li"), names["li"], [f"{PREFIX}004"])
    other = field.make_package(day / "other", as_("li"), names["li"], [f"{PREFIX}004"])
    field.set_meta(other, store_id="another-store")
    field.add_report(zhang, 60, 160, photos=[jpeg()])
    field.set_verdict(zhang, call.id, "confirmed", "现场属实", photo=jpeg())
    field.add_report(li, 150, 50, photos=["DCIM/missing.jpg"])
    start = dt.datetime.now(UTC).timestamp() - 1800
    field.add_track(li, [(120 + i * 1.2, 40.0, start + i) for i in range(60)])

    result = processing.run("citygrid:patrolsync", {"CONNECTION": connection, "INPUT": str(day)})

    assert {k: result[k] for k in ("PACKAGES", "REFUSED", "REPORTS_FILED", "PHOTOS_ADDED", "VERDICTS_APPLIED",
                                   "CONFLICTS", "TRACKS_STORED", "PROBLEMS")} == {
        "PACKAGES": 2, "REFUSED": 1, "REPORTS_FILED": 2, "PHOTOS_ADDED": 1, "VERDICTS_APPLIED": 1, "CONFLICTS": 0,
        "TRACKS_STORED": 1, "PROBLEMS": 1}
    assert "another store" in result["LOG"] and "DCIM/missing.jpg" in result["LOG"]
    assert "2 packages synced (1 refused)" in result["SUMMARY"]
    reporters = {r[0] for r in owner_rows(owner, "SELECT a.actor FROM citygrid.case_action a JOIN citygrid.work_case c "
                                                 "ON c.id = a.case_id WHERE c.source = '监督员上报'")}
    assert reporters == {names["zhang"], names["li"]}
    assert count(owner, "SELECT count(*) FROM citygrid.case_action WHERE case_id = %s AND action = 'verify' "
                        "AND actor = %s", (call.id, names["zhang"])) == 1
    again = processing.run("citygrid:patrolsync", {"CONNECTION": connection, "INPUT": f"{zhang};{li}"})
    assert (again["PACKAGES"], again["REPORTS_FILED"], again["VERDICTS_APPLIED"], again["TRACKS_STORED"]) == \
        (2, 0, 0, 0)
    with pytest.raises(QgsProcessingException, match="another store"):
        processing.run("citygrid:patrolsync", {"CONNECTION": connection, "INPUT": str(other)})


def package_layer(project: QgsProject, table: str) -> QgsVectorLayer:
    return next(layer for layer in project.mapLayers().values()
                if isinstance(layer, QgsVectorLayer) and layer.source().endswith(f"layername={table}"))


def test_a_package_built_by_patrolpackage_and_edited_in_its_own_project_arrives(patrol_store, tmp_path):
    """The builder's package, its forms' defaults filling what QField fills (uid, author), a wall-clock
    time written as a handheld in China writes it (no zone: Beijing time), synced by the desk."""
    connection, owner, names, as_ = patrol_store
    op = as_("operator")
    call = report_case(op, "12319热线", "event", "0102", "暴露垃圾", 150, 150, reporter="王",
                       reporter_phone="13800000000")
    call = act(op, call.id, "accept", "operator", call.version)
    day = tmp_path / "day"
    processing.run("citygrid:patrolpackage", {"CONNECTION": connection, "SUPERVISORS": names["zhang"],
                                              "OUTPUT": str(day)})
    folder = day / names["zhang"]
    (folder / "DCIM" / "report_1.jpg").write_bytes(jpeg())
    (folder / "DCIM" / "task_1.jpg").write_bytes(jpeg(colour=(20, 20, 20)))
    project = QgsProject()
    assert project.read(str(folder / "patrol.qgz"))
    reports, tasks = package_layer(project, "reports"), package_layer(project, "tasks")
    seen = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).replace(microsecond=0) - dt.timedelta(minutes=30)
    wall = QDateTime(QDate(seen.year, seen.month, seen.day), QTime(seen.hour, seen.minute, seen.second))
    fields = reports.fields()
    context = QgsExpressionContext()   # as QField evaluates the defaults: with its project's variables
    for scope in (QgsExpressionContextUtils.globalScope(), QgsExpressionContextUtils.projectScope(project),
                  QgsExpressionContextUtils.layerScope(reports)):
        context.appendScope(scope)
    assert reports.startEditing()
    feature = QgsVectorLayerUtils.createFeature(
        reports, QgsGeometry.fromPointXY(QgsPointXY(60, 160)),
        {fields.indexOf("class_code"): "0102", fields.indexOf("description"): "绿化带内堆放垃圾",
         fields.indexOf("photo_1"): "DCIM/report_1.jpg", fields.indexOf("observed_at"): wall},
        context)
    assert reports.addFeature(feature) and reports.commitChanges(), reports.commitErrors()
    task = next(tasks.getFeatures())
    assert task["case_id"] == call.id
    assert tasks.startEditing()
    tasks.changeAttributeValues(task.id(), {tasks.fields().indexOf("verdict"): "confirmed",
                                            tasks.fields().indexOf("note"): "现场属实",
                                            tasks.fields().indexOf("photo"): "DCIM/task_1.jpg"})
    assert tasks.commitChanges(), tasks.commitErrors()
    project.clear()
    start = dt.datetime.now(UTC).timestamp() - 900
    field.add_track(folder, [(110 + i * 1.3, 150.0, start + i) for i in range(50)])

    result = processing.run("citygrid:patrolsync", {"CONNECTION": connection, "INPUT": str(day)})

    assert (result["REPORTS_FILED"], result["PHOTOS_ADDED"], result["VERDICTS_APPLIED"], result["TRACKS_STORED"],
            result["PROBLEMS"], result["CONFLICTS"]) == (1, 1, 1, 1, 0, 0), result["LOG"]
    [(uid, author)] = [(r["uid"], r["author"]) for r in field.rows(folder, "reports")]
    assert uid and author == names["zhang"]            # the form's defaults: uuid() and @citygrid_login
    stored = owner_rows(owner, "SELECT observed_at, c.id FROM citygrid.work_case c WHERE external_id = %s", (uid,))
    assert stored[0][0] == seen
    assert count(owner, "SELECT count(*) FROM citygrid.case_action WHERE case_id = %s AND action = 'verify' "
                        "AND actor = %s", (call.id, names["zhang"])) == 1
    assert field.rows(folder, "tasks") == []


def owner_rows(conn, sql, args=()):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        rows = cur.fetchall()
    conn.rollback()
    return rows


def test_the_algorithm_is_registered_with_its_outputs(provider):
    alg = provider.algorithm("patrolsync")
    assert alg is not None and alg.group()
    assert {o.name() for o in alg.outputDefinitions()} >= {"REPORTS_FILED", "VERDICTS_APPLIED", "CONFLICTS",
                                                           "TRACKS_STORED", "PROBLEMS", "LOG"}
