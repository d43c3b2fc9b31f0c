"""Real people in QGIS (issue 8): a department handler signs in through a QGIS connection whose
password sits in QGIS's authentication database; the case queue offers only what the store
lets them do and shows only their department's cases; the big screen runs on its read-only
role; and no password reaches a project file, an exported field package or the logs."""
from __future__ import annotations

import uuid
import zipfile
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject

from citygrid_plugin.connections import StoreTarget, delete_connection, save_connection
from citygrid_plugin.store import db, migrate, reference
from citygrid_plugin.store.cases import act, report_case
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.qgis import auth_config
from tests.stores import make_case_store

PASSWORD = "Jinjiang-River-7"


@pytest.fixture
def people(qgis_app, cluster, fresh_db):
    dsn = cluster.dsn(fresh_db)
    conn = db.connect(dsn)
    migrate.upgrade(conn)
    reference.load_standard_classes(conn)
    make_case_store(dsn)
    setup_roles(conn)
    tag = uuid.uuid4().hex[:6]
    logins = {"department": f"cgt_{tag}_hw", "bigscreen": f"cgt_{tag}_screen", "office": f"cgt_{tag}_office"}
    save_user(conn, logins["department"], ["department"], "环卫所处置员", department="HW", password=PASSWORD)
    save_user(conn, logins["bigscreen"], ["bigscreen"], "指挥大厅大屏", password=PASSWORD)
    save_user(conn, logins["office"], ["office"], "数字城管办主任", password=PASSWORD)
    # two cases dispatched: one to 环卫所 (HW), one to 交管 (JG)
    for cls, x, dept in (("0102", 50, None), ("0505", 250, "JG")):
        c = report_case(conn, "监督员上报", "event", cls, "测试", x, 50)
        for action, role in (("accept", "operator"), ("register", "shift_leader"), ("dispatch", "dispatcher")):
            c = act(conn, c.id, action, role, c.version,
                    data={"department": dept} if dept and action == "dispatch" else None)
    p = cluster.client_params(fresh_db)
    targets = {}
    for key, login in logins.items():
        name = f"citygrid-{key}-{tag}"
        save_connection(name, p["host"], p["port"], p["dbname"], login, authcfg=auth_config(login, PASSWORD))
        targets[key] = StoreTarget("connection", name)
    yield conn, targets, logins
    for target in targets.values():
        delete_connection(target.name)
    conn.rollback()
    with conn.cursor() as cur:
        for login in logins.values():
            cur.execute(f'DROP ROLE IF EXISTS "{login}"')
    conn.commit()
    conn.close()


def test_a_department_handler_sees_only_their_tab_and_their_cases(qgis_iface, people):
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    _conn, targets, _logins = people
    dock = CaseQueueDock(qgis_iface, targets["department"], live=False)  # settings say every role
    try:
        assert dock.roles == ["department"] and dock.department == "HW"
        assert [dock.tabs.tabText(i) for i in range(dock.tabs.count())] == ["To handle (1)", "Search"]
        assert [r["department_code"] for r in dock.rows["handle"]] == ["HW"]
        dock.select_case(dock.rows["handle"][0]["id"])
        assert {a for a, _r, _n in dock.allowed()} == {"feedback", "request_extension", "return"}
    finally:
        dock.shutdown()


def test_the_office_sees_the_requests_it_approves_and_approves_them(qgis_iface, people):
    """数字城管办 (issue 16): an office login's dock holds the overdue, deferred and extension tabs;
    an extension beyond the shift leader's authorisation is approved there, in the office's name."""
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock
    from citygrid_plugin.store import admin

    conn, targets, logins = people
    rows = [r for r in admin.authorities(conn) if r["action"] != "approve_extension" or r["role"] != "shift_leader"]
    admin.save_authorities(conn, rows + [{"action": "approve_extension", "role": "shift_leader", "max_hours": 24}])
    with conn.cursor() as cur:
        cur.execute("SELECT id, version FROM citygrid.work_case WHERE department_code = 'HW'")
        case_id, version = cur.fetchone()
    conn.rollback()
    act(conn, case_id, "request_extension", "department", version, note="设备故障", data={"hours": 48})
    dock = CaseQueueDock(qgis_iface, targets["office"], live=False)
    try:
        assert dock.roles == ["office"]
        titles = [dock.tabs.tabText(i) for i in range(dock.tabs.count())]
        assert [t.split(" (")[0] for t in titles] == ["Overdue", "Deferred", "Extension requests", "Search"], titles
        assert [r["id"] for r in dock.rows["extension"]] == [case_id]
        dock.select_case(case_id)
        assert {a for a, _r, _n in dock.allowed()} >= {"approve_extension", "refuse_extension", "defer"}
    finally:
        dock.shutdown()
    with conn.cursor() as cur:
        cur.execute("SELECT extension_pending FROM citygrid.work_case WHERE id = %s", (case_id,))
        assert cur.fetchone()[0] == 48
    conn.rollback()


def test_the_plugin_enables_only_what_the_login_may_do(qgis_iface, people):
    import citygrid_plugin
    from citygrid_plugin.connections import configured_target, save_target

    _conn, targets, _logins = people
    before = configured_target()
    save_target(targets["department"])
    plugin = citygrid_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.check_store()
        assert plugin.my_roles == ["department"]
        assert plugin.queue_action.isEnabled() and plugin.layers_action.isEnabled()
        assert not plugin.split_action.isEnabled() and not plugin.import_action.isEnabled()
        assert "none of the roles gis_editor" in plugin.split_action.toolTip()
        # 全市案件 is the city platform's: a district's or a store on its own says so instead of an empty list
        assert not plugin.city_queue_action.isEnabled()
        assert "only at the city platform" in plugin.city_queue_action.toolTip()
    finally:
        plugin.unload()
        save_target(before)


def test_store_layers_are_only_those_the_login_may_read(qgis_app, people):
    from citygrid_plugin.layers import add_store_layers

    _conn, targets, _logins = people
    project = QgsProject.instance()
    project.clear()
    try:
        layers = add_store_layers(project, targets["bigscreen"])
        tables = {layer.customProperty("citygrid/table") for layer in layers}
        assert all(layer.isValid() for layer in layers)
        assert "case_queue" in tables and "grid" in tables and "component" not in tables
    finally:
        project.clear()


def test_the_big_screen_runs_on_its_read_only_role(people):
    from citygrid_plugin.store.kpi import today_kpis

    _conn, targets, _logins = people
    screen = db.connect(targets["bigscreen"].dsn())
    try:
        kpis = today_kpis(screen)
        assert kpis["reported"] == 2 and kpis["open"] == 2
    finally:
        screen.close()


def test_no_password_in_project_files_packages_or_logs(qgis_app, people, tmp_path, provider):
    import processing
    from qgis.core import QgsProcessingFeedback

    from citygrid_plugin.layers import add_store_layers

    conn, targets, _logins = people
    logged: list[str] = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, *_a: logged.append(message))
    project = QgsProject.instance()
    project.clear()
    layers = add_store_layers(project, targets["department"])
    assert all(layer.isValid() for layer in layers)
    assert all("authcfg=" in layer.source() and PASSWORD not in layer.source() for layer in layers
               if layer.providerType() == "postgres")
    qgz = tmp_path / "handler.qgz"
    assert project.write(str(qgz))
    project.clear()

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.text = []

        def pushInfo(self, info):  # noqa: N802
            self.text.append(info)

        def reportError(self, error, fatalError=False):  # noqa: N802
            self.text.append(error)

    feedback = Recorder()
    with conn.cursor() as cur:
        cur.execute("SELECT code FROM citygrid.grid ORDER BY code LIMIT 2")
        grids = ",".join(r[0] for r in cur.fetchall())
    conn.rollback()
    res = processing.run("citygrid:exportpackage", {"CONNECTION": targets["department"].name, "GRIDS": grids,
                                                    "OUTPUT_DIR": str(tmp_path / "package")}, feedback=feedback)
    files = [qgz] + [p for p in Path(tmp_path / "package").rglob("*") if p.is_file()]
    assert len(files) > 2, res
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".qgz":
            with zipfile.ZipFile(path) as z:
                data = b"".join(z.read(n) for n in z.namelist())
        assert PASSWORD.encode() not in data, path
    assert not any(PASSWORD in line for line in feedback.text + logged)
