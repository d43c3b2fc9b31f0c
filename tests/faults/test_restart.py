"""A real database restart while the case queue, the heatmap dock and the big screen are open.

The private cluster is restarted with ``pg_ctl restart -m fast`` (what an administrator, a
package upgrade or a failover does: every session is terminated), and then stopped for a few
seconds and started again (an outage). Each window must show its "reconnecting…" state, keep
running while the server is away, and come back on its own, showing a case reported after the
server returned — nobody clicks refresh.

Restarting the shared private cluster affects every database in it, but only during this test
(tests run one at a time); the fixture starts the cluster again whatever happens.
"""
from __future__ import annotations

import pytest
from qgis.core import QgsProject

from citygrid_plugin.connections import StoreTarget
from citygrid_plugin.store import db
from citygrid_plugin.store.cases import report_case
from tests.helpers.qt import wait_until
from tests.stores import make_case_store

RECONNECTING = "reconnecting"
RECOVERY_S = 30.0   # generous: the listeners retry after 1, 2, 5 then every 10 s; the big screen's figures every 5 s


@pytest.fixture
def restartable(cluster):
    """The cluster, guaranteed to be running again after the test (even when it fails)."""
    yield cluster
    cluster.up()


@pytest.fixture
def windows(qgis_iface, restartable, store_dsn, qgis_connection):
    """The three live windows on one case store: the case queue (operator), the heatmap dock and
    the big screen, all listening."""
    from citygrid_plugin.gui.bigscreen import BigScreen
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock
    from citygrid_plugin.gui.docks.heatmap import HeatmapDock

    make_case_store(store_dsn)
    conn = db.connect(store_dsn)
    report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)
    conn.close()
    target = StoreTarget("connection", qgis_connection)
    queue = CaseQueueDock(qgis_iface, target, roles=["operator"], live=True)
    heat = HeatmapDock(qgis_iface, target, live=True, project=QgsProject.instance())
    screen = BigScreen(target, [])
    screen.open(full_screen=False)
    try:
        assert wait_until(lambda: queue.listener.connected and heat.listener.connected
                          and screen.listener.connected, 5.0)
        yield queue, heat, screen
    finally:
        screen.close()
        heat.shutdown(remove_layers=True)
        queue.shutdown()


def shown(queue, heat, screen, n: int) -> bool:
    """Every window shows *n* open cases (reported today), as a user would read it."""
    return (queue.tabs.tabText(0) == f"To accept ({n})" and len(queue.rows["accept"]) == n
            and heat.total == n and heat.points_layer.featureCount() == n
            and screen.values["reported"].text() == str(n) and screen.values["open"].text() == str(n)
            and screen.status_label.text().startswith("Connected"))


def idle(queue, heat, screen) -> bool:
    """No refresh pending (see test_a_refresh_that_finds_the_connection_dead_…: a pending one
    that runs on the dead connection is the bug marked there)."""
    return not any(t.isActive() for t in (queue.debounce, heat.debounce, screen.debounce, screen.retry))


def reconnecting(queue, heat, screen) -> bool:
    return all(RECONNECTING in w.status.text() for w in (queue, heat)) and \
        RECONNECTING in screen.status_label.text()


def report_after(store_dsn, x: float, y: float) -> str:
    conn = db.connect(store_dsn)
    try:
        return report_case(conn, "领导批办", "event", "0102", "暴露垃圾", x, y).case_no
    finally:
        conn.close()


def test_docks_and_big_screen_recover_from_a_restart_and_an_outage(windows, restartable, store_dsn):
    """Restart, then an outage of a few seconds: each time every window says it is reconnecting,
    then recovers by itself and shows the case reported after the server came back."""
    queue, heat, screen = windows
    assert wait_until(lambda: shown(queue, heat, screen, 1) and idle(queue, heat, screen), 5.0)

    restartable.restart()
    assert wait_until(lambda: reconnecting(queue, heat, screen), 5.0), \
        (queue.status.text(), heat.status.text(), screen.status_label.text())
    second = report_after(store_dsn, 150, 150)
    assert wait_until(lambda: shown(queue, heat, screen, 2), RECOVERY_S), \
        (queue.tabs.tabText(0), heat.total, heat.status.text(), screen.status_label.text())
    assert second in {row["case_no"] for row in queue.rows["accept"]}

    assert wait_until(lambda: idle(queue, heat, screen), 5.0)
    restartable.down()
    assert wait_until(lambda: reconnecting(queue, heat, screen), 5.0)
    # the server stays away while the windows retry: they keep saying so and keep what they showed
    assert not wait_until(lambda: not reconnecting(queue, heat, screen), 3.0)
    assert queue.tabs.tabText(0) == "To accept (2)" and screen.values["reported"].text() == "2"
    restartable.up()
    third = report_after(store_dsn, 250, 50)
    assert wait_until(lambda: shown(queue, heat, screen, 3), RECOVERY_S), \
        (queue.tabs.tabText(0), heat.total, heat.status.text(), screen.status_label.text())
    assert third in {row["case_no"] for row in queue.rows["accept"]}
    assert queue.listener.connected and heat.listener.connected and screen.listener.connected


def test_a_refresh_that_finds_the_connection_dead_shows_reconnecting(qgis_iface, restartable, store_dsn,
                                                                     qgis_connection):
    """The case queue's own refresh (not the listener) meets a connection killed by a restart:
    it must say it is reconnecting and the next refresh must show the cases again."""
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    make_case_store(store_dsn)
    conn = db.connect(store_dsn)
    report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)
    conn.close()
    queue = CaseQueueDock(qgis_iface, StoreTarget("connection", qgis_connection), roles=["operator"], live=False)
    try:
        assert queue.tabs.tabText(0) == "To accept (1)"
        restartable.restart()
        queue.refresh()  # what the ticker does every minute
        assert RECONNECTING in queue.status.text()
        queue.refresh()
        assert queue.tabs.tabText(0) == "To accept (1)"
    finally:
        queue.shutdown()
