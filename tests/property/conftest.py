"""Shared stores of the property-based tests.

Hypothesis runs many examples per test, so the stores are built once per module: a real store
in the private cluster at real Chengdu coordinates (EPSG:4544, so coordinates in degrees or in
another CRS land far from every grid, as they would in a city's store), with its QGIS
connection and the Processing provider. Each example checks its own "nothing changed" by
comparing the store before and after, so examples do not depend on each other.
"""
from __future__ import annotations

import uuid

import pytest
from shapely.geometry import box

from tests.helpers.property import HEIGHT, WIDTH, X0, Y0  # noqa: E402

PREFIX = "510104001001"


def build_store(dsn: str) -> None:
    from citygrid_plugin.store import db, migrate, reference
    from citygrid_plugin.store.grids import replace_grids

    conn = db.connect(dsn)
    try:
        migrate.upgrade(conn)
        reference.load_standard_classes(conn)
        with conn.cursor() as cur:
            cur.execute("""
                INSERT INTO citygrid.district (code, name) VALUES ('510104', '锦江区');
                INSERT INTO citygrid.street (district_code, code, name) VALUES ('510104', '001', '春熙路街道');
                INSERT INTO citygrid.community (district_code, street_code, code, name, boundary)
                VALUES ('510104', '001', '001', '红星路社区', ST_Multi(ST_MakeEnvelope(%s, %s, %s, %s, 4544)));
                INSERT INTO citygrid.department (code, name) VALUES ('HW', '环卫所'), ('SZ', '区市政设施管理所'),
                                                                   ('JG', '交管');
                INSERT INTO citygrid.routing_rule (class_code, street_code, department_code)
                VALUES ('0102', NULL, 'HW');
                """, (X0, Y0, X0 + WIDTH, Y0 + HEIGHT))
        conn.commit()
        replace_grids(conn, {PREFIX: [box(X0 + x, Y0 + y, X0 + x + 100, Y0 + y + 100).wkb
                                      for y in (100, 0) for x in (0, 100, 200)]})
    finally:
        conn.close()


@pytest.fixture(scope="module")
def prop_store(cluster):
    """DSN of this module's store (dropped at the end of the module)."""
    name = f"cg_prop_{uuid.uuid4().hex[:10]}"
    cluster.ensure_database(name)
    dsn = cluster.dsn(name)
    build_store(dsn)
    yield dsn
    cluster.drop_database(name)


@pytest.fixture(scope="module")
def prop_conn(prop_store):
    """A connection to the module's store (owner), for reading what the examples did."""
    from citygrid_plugin.store import db

    conn = db.connect(prop_store)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def prop_qgis(qgis_app, qgis_processing, cluster, prop_store):
    """Name of a QGIS connection to the module's store, with CityGrid's Processing provider."""
    import citygrid_plugin
    from citygrid_plugin.connections import delete_connection, save_connection

    plugin = citygrid_plugin.classFactory(None)
    plugin.initProcessing()
    name = f"citygrid-prop-{uuid.uuid4().hex[:6]}"
    params = cluster.client_params(prop_store.split("dbname=")[1].split()[0])
    save_connection(name, params["host"], params["port"], params["dbname"], params["user"])
    yield name
    delete_connection(name)
    plugin.unload()
