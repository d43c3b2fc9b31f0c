"""City and district platforms for tests (store/platform.py): district stores with any division
code and their grids where the test wants them, and a poll with a deadline for what replication
brings (tests wait for it, never time it).

Slots are named by district code in the whole cluster (citygrid_feed_<code>): two links of one
code in one cluster collide, so every test links codes of its own and unlinks them (platform.unlink)
before it drops the databases."""
from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from psycopg2 import sql
from shapely.geometry import box

from citygrid_plugin.store import db, migrate, reference
from citygrid_plugin.store.grids import replace_grids

T = TypeVar("T")


def new_store(cluster, target: int | None = None) -> tuple[str, str]:
    """A new database of *cluster* holding a store (at migration *target*, default the newest) with
    the standard class tables: (database name, owner DSN). The caller drops it
    (cluster.drop_database)."""
    name = f"cg_test_{uuid.uuid4().hex[:10]}"
    cluster.ensure_database(name)
    conn = db.connect(cluster.dsn(name))
    try:
        migrate.upgrade(conn, target=target)
        reference.load_standard_classes(conn)
    finally:
        conn.close()
    return name, cluster.dsn(name)


def make_district_store(dsn: str, code: str, name: str, x0: float = 0.0) -> str:
    """One district *code* (one street 001 and community 001 of 300 × 200 m from x = *x0*), 3 × 2
    unit grids of 100 m, departments HW, SZ, JG and a routing rule for 暴露垃圾 (0102): the shape of
    tests/stores.make_case_store, at another code and place."""
    conn = db.connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("INSERT INTO citygrid.district (code, name) VALUES (%s, %s)", (code, name))
            cur.execute("INSERT INTO citygrid.street (district_code, code, name) VALUES (%s, '001', %s)",
                        (code, f"{name}第一街道"))
            cur.execute("INSERT INTO citygrid.community (district_code, street_code, code, name, boundary) "
                        "VALUES (%s, '001', '001', %s, ST_Multi(ST_MakeEnvelope(%s, 0, %s, 200, 4544)))",
                        (code, f"{name}第一社区", x0, x0 + 300))
            cur.execute("INSERT INTO citygrid.department (code, name) VALUES ('HW', '环卫所'), ('SZ', '市政所'), "
                        "('JG', '交管')")
            cur.execute("INSERT INTO citygrid.routing_rule (class_code, street_code, department_code) "
                        "VALUES ('0102', NULL, 'HW')")
        conn.commit()
        replace_grids(conn, {f"{code}001001": [box(x0 + x, y, x0 + x + 100, y + 100).wkb
                                               for y in (100, 0) for x in (0, 100, 200)]})
    finally:
        conn.close()
    return dsn


def wait_until(check: Callable[[], T], what: str, timeout: float = 30.0,
               pause: Callable[[float], None] = time.sleep, every: float = 0.2) -> T:
    """Poll *check* (it ends its own transactions) until it returns something truthy; fail with
    *what* and the last value after *timeout* seconds. *pause* waits *every* seconds between tries
    (a GUI test passes one that spins the Qt event loop)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not so after {timeout:.0f} s (last: {value!r})")
        pause(every)


def drop_roles(cluster, names: list[str]) -> None:
    """Drop the server-wide roles *names* if they exist (logins a test made, replication logins)."""
    conn = db.connect(cluster.dsn("postgres"))
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            for name in names:
                cur.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))
    finally:
        conn.close()
