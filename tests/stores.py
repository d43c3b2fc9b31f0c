"""Small real stores shared by the tests (no QGIS import here, so tests/db can use them)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from shapely.geometry import box

from citygrid_plugin.store import db
from citygrid_plugin.store.grids import replace_grids

PREFIX = "510104001001"


def make_case_store(store_dsn: str) -> str:
    """A minimal store for cases: one district, street and community (300 × 200 m), 3 × 2 unit
    grids, three departments and a routing rule for 暴露垃圾 (0102)."""
    conn = db.connect(store_dsn)
    with conn.cursor() as cur:
        cur.execute("""
            INSERT INTO citygrid.district (code, name) VALUES ('510104', '锦江区');
            INSERT INTO citygrid.street (district_code, code, name) VALUES ('510104', '001', '春熙路街道');
            INSERT INTO citygrid.community (district_code, street_code, code, name, boundary)
            VALUES ('510104', '001', '001', '红星路社区', ST_Multi(ST_MakeEnvelope(0, 0, 300, 200, 4544)));
            INSERT INTO citygrid.department (code, name) VALUES ('HW', '环卫所'), ('SZ', '市政所'), ('JG', '交管');
            INSERT INTO citygrid.routing_rule (class_code, street_code, department_code)
            VALUES ('0102', NULL, 'HW');""")
    conn.commit()
    replace_grids(conn, {PREFIX: [box(x, y, x + 100, y + 100).wkb for y in (100, 0) for x in (0, 100, 200)]})
    conn.close()
    return store_dsn


@contextmanager
def qgis_connection_to(cluster, dsn_or_dbname: str, tag: str = "test") -> Iterator[str]:
    """A QGIS PostgreSQL connection (by name) to a database of the private cluster, removed
    afterwards. *dsn_or_dbname*: a libpq DSN holding ``dbname=…`` or the database name."""
    from citygrid_plugin.connections import delete_connection, save_connection

    dbname = dsn_or_dbname.split("dbname=")[1].split()[0] if "dbname=" in dsn_or_dbname else dsn_or_dbname
    p = cluster.client_params(dbname)
    name = f"citygrid-{tag}-{dbname}"
    save_connection(name, p["host"], p["port"], p["dbname"], p["user"])
    try:
        yield name
    finally:
        delete_connection(name)
