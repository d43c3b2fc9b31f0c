"""StoreListener against the real store: NOTIFY from the case workflow arrives in the Qt event
loop, and the listener reconnects after the server kills its backend."""
from __future__ import annotations

import time

import pytest

from citygrid_plugin.gui.live import StoreListener
from citygrid_plugin.store.cases import act, report_case
from tests.helpers.qt import wait_until
from tests.stores import make_case_store


@pytest.fixture
def case_store(store_dsn):
    return make_case_store(store_dsn)


@pytest.fixture
def listener(qgis_app, case_store):
    lst = StoreListener(case_store, "qgis", application="CityGrid listener test")
    payloads, changes = [], []
    lst.notified.connect(payloads.append)
    lst.connection_changed.connect(changes.append)
    lst.start()
    yield lst, payloads, changes
    lst.stop()


def test_notification_of_an_action_arrives_within_two_seconds(listener, case_store, conn_factory):
    lst, payloads, changes = listener
    assert changes == [True] and lst.connected and lst.backend_pid()
    conn = conn_factory(case_store)
    c = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 50)
    assert wait_until(lambda: f"case:{c.id}" in payloads, 2.0)
    payloads.clear()
    start = time.monotonic()
    act(conn, c.id, "accept", "operator", c.version)  # committed on another connection
    assert wait_until(lambda: payloads == [f"case:{c.id}"], 2.0), payloads
    assert time.monotonic() - start < 2.0
    assert lst.conn.notifies == []  # drained: nothing accumulates


def test_reconnects_after_the_server_terminates_its_backend(listener, case_store, conn_factory):
    lst, payloads, changes = listener
    pid = lst.backend_pid()
    admin = conn_factory(case_store)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("SELECT application_name, query FROM pg_stat_activity WHERE pid = %s", (pid,))
        assert cur.fetchone() == ("CityGrid listener test", 'LISTEN "qgis"')
        cur.execute("SELECT pg_terminate_backend(%s)", (pid,))
        assert cur.fetchone()[0] is True
    assert wait_until(lambda: changes[1:2] == [False], 5.0), changes
    assert not lst.connected
    assert wait_until(lambda: changes[1:] == [False, True], 15.0), changes
    assert lst.connected and lst.backend_pid() not in (None, pid)
    # listening again: a later action is announced
    c = report_case(admin, "监督员上报", "event", "0102", "暴露垃圾", 150, 50)
    assert wait_until(lambda: f"case:{c.id}" in payloads, 2.0), payloads


def test_stop_closes_the_connection_and_start_fails_quietly_then_retries(qgis_app, case_store, conn_factory):
    lst = StoreListener(case_store + " port=1", application="CityGrid listener test")  # nothing listens there
    changes = []
    lst.connection_changed.connect(changes.append)
    lst.start()
    assert changes == [False] and lst.running and lst.last_error
    assert lst._retry.isActive() and lst._retry.interval() == 1000
    lst.stop()
    assert not lst._retry.isActive() and lst.conn is None

    ok = StoreListener(case_store, application="CityGrid listener test")
    ok.start()
    pid = ok.backend_pid()
    ok.stop()
    assert ok.conn is None and not ok.connected
    admin = conn_factory(case_store)
    assert wait_until(lambda: _gone(admin, pid), 2.0)


def _gone(conn, pid) -> bool:
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (pid,))
        n = cur.fetchone()[0]
    conn.rollback()
    return n == 0
