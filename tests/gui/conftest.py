"""Fixtures of the GUI tests."""
from __future__ import annotations

import pytest


@pytest.fixture
def case_store(cluster, fresh_db, qgis_connection):
    """A small case store (tests.stores.make_case_store) and the QGIS connection the case dock opens:
    (owner connection, StoreTarget). (test_bigscreen and test_live use stores of their own.)"""
    from citygrid_plugin.connections import StoreTarget
    from citygrid_plugin.store import db, migrate, reference
    from tests.stores import make_case_store

    dsn = cluster.dsn(fresh_db)
    conn = db.connect(dsn)
    migrate.upgrade(conn)
    reference.load_standard_classes(conn)
    make_case_store(dsn)
    yield conn, StoreTarget("connection", qgis_connection)
    conn.close()
