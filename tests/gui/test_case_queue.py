"""The case-queue dock against a real store: tabs and counts by role, actions through the
workflow, refusals and conflicts shown, filters, duplicates offered, live updates."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from qgis.PyQt.QtCore import QCoreApplication

from citygrid_plugin.connections import StoreTarget
from citygrid_plugin.store import db, migrate, reference
from citygrid_plugin.store.cases import act, report_case
from tests.stores import make_case_store

PREFIX = "510104001001"


@pytest.fixture
def case_store(cluster, fresh_db, qgis_connection):
    dsn = cluster.dsn(fresh_db)
    conn = db.connect(dsn)
    migrate.upgrade(conn)
    reference.load_standard_classes(conn)
    make_case_store(dsn)
    yield conn, StoreTarget("connection", qgis_connection)
    conn.close()


def wait_for(condition, seconds=3.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return False


def tab_texts(dock):
    return [dock.tabs.tabText(i) for i in range(dock.tabs.count())]


def test_tabs_follow_roles_and_actions_go_through_the_workflow(qgis_iface, case_store):
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    conn, target = case_store
    a = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)
    report_case(conn, "12319热线", "event", "0505", "乱停车", 150, 150)
    operator = CaseQueueDock(qgis_iface, target, roles=["operator"], live=False)
    try:
        assert tab_texts(operator) == ["To accept (2)"]
    finally:
        operator.shutdown()
    dock = CaseQueueDock(qgis_iface, target, roles=["operator", "shift_leader", "dispatcher"], live=False)
    try:
        assert tab_texts(dock)[:4] == ["To accept (2)", "To register (0)", "To dispatch (0)", "To close (0)"]
        assert dock.select_case(a.id)
        assert {(act_, role) for act_, role, _n in dock.allowed()} == {("accept", "operator"), ("cancel", "operator")}
        assert dock.perform("accept", "operator")
        assert dock.select_case(a.id) and dock.perform("register", "shift_leader")
        assert dock.select_case(a.id) and dock.perform("dispatch", "dispatcher", data={"department": "HW"})
        assert "To accept (1)" in tab_texts(dock) and "To dispatch (0)" in tab_texts(dock)
        # a refusal is shown, not raised: registering a case still waiting for verification
        b = dock.rows["accept"][0]
        assert dock.select_case(b["id"]) and dock.perform("accept", "operator")
        assert dock.select_case(b["id"]) is False  # now waiting for a supervisor: not in this user's tabs
    finally:
        dock.shutdown()


def test_a_stale_view_gets_a_conflict_message_and_refreshes(qgis_iface, case_store):
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    conn, target = case_store
    c = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)
    dock = CaseQueueDock(qgis_iface, target, roles=["operator"], live=False)
    try:
        assert dock.select_case(c.id)
        act(conn, c.id, "accept", "operator", c.version)  # someone else, first
        assert dock.perform("accept", "operator") is False
        assert "was changed by" in dock.status.text() and "refresh" in dock.status.text()
        assert tab_texts(dock) == ["To accept (0)"]
    finally:
        dock.shutdown()


def test_filters_overdue_and_duplicates(qgis_iface, case_store):
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock
    from citygrid_plugin.store.cases import possible_duplicates

    conn, target = case_store
    past = datetime.now(timezone(timedelta(hours=8))) - timedelta(days=5)
    old = report_case(conn, "监督员上报", "event", "0102", "旧垃圾", 50, 150, at=past)
    old = act(conn, old.id, "accept", "operator", old.version, at=past + timedelta(minutes=5))
    report_case(conn, "监督员上报", "event", "0505", "乱停车", 250, 50)
    near = report_case(conn, "监督员上报", "event", "0102", "又有垃圾", 60, 150)
    assert [r[0] for r in possible_duplicates(conn, near.id)] == [old.case_no]
    dock = CaseQueueDock(qgis_iface, target, roles=["operator", "shift_leader"], live=False)
    try:
        assert "To register (1)" in tab_texts(dock) and "Overdue (1)" in tab_texts(dock)
        dock.class_filter.setText("0505")
        dock.refresh()
        assert "To accept (1)" in tab_texts(dock)
        assert dock.rows["accept"][0]["class_name"] == "机动车乱停放"
    finally:
        dock.shutdown()


def test_changes_by_another_user_arrive_live(qgis_iface, case_store):
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    conn, target = case_store
    dock = CaseQueueDock(qgis_iface, target, roles=["operator"], live=True)
    try:
        assert tab_texts(dock) == ["To accept (0)"]
        report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)  # another connection
        assert wait_for(lambda: tab_texts(dock) == ["To accept (1)"], 2.0)
    finally:
        dock.shutdown()


def test_the_plugin_opens_and_closes_the_dock(qgis_iface, case_store):
    from qgis.gui import QgsDockWidget

    import citygrid_plugin
    from citygrid_plugin.connections import configured_target, save_target

    _conn, target = case_store
    before = configured_target()
    save_target(target)
    plugin = citygrid_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.check_store()
        assert plugin.queue_action.isEnabled()
        plugin.queue_action.trigger()
        assert plugin.case_dock is not None and plugin.case_dock.objectName() == "CityGridCaseQueue"
        plugin.queue_action.trigger()
        assert plugin.case_dock is None
        plugin.queue_action.trigger()
    finally:
        plugin.unload()
        save_target(before)
    QCoreApplication.processEvents()
    assert plugin.case_dock is None
    assert not [d for d in qgis_iface.mainWindow().findChildren(QgsDockWidget)
                if d.objectName() == "CityGridCaseQueue" and d.isVisible()]
