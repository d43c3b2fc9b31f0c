"""Supervisors on patrol in tests (issue 17): password logins for two supervisors, a shift leader,
an operator and an analyst with QGIS connections (for the docks), their responsibility grids, and
a day's walk as the handheld records it, through the supervisor's own login
(citygrid.patrol_track_add). Shared by tests/db/test_coverage.py and the GUI tests of the patrol
dock and the supervisors' tasks (a test module never imports another)."""
from __future__ import annotations

import uuid
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone

from citygrid_plugin.connections import StoreTarget, delete_connection, save_connection
from citygrid_plugin.core.casefilter import centre_today
from citygrid_plugin.store import admin, patrol
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.qgis import auth_config
from tests.helpers.sql import PASSWORD
from tests.stores import PREFIX, make_case_store

CST = timezone(timedelta(hours=8))
# the case store's grids, 100 m squares: 001 002 003 on the row y 100–200, 004 005 006 below it
G = {n: f"{PREFIX}00{n}" for n in range(1, 7)}
START = centre_today() - timedelta(days=30)    # the responsibility periods begin a month ago
ADD = "SELECT citygrid.patrol_track_add(%s::uuid, %s, ST_SetSRID(ST_GeomFromText(%s), 4544))"
PEOPLE = {"zhang": (["supervisor"], "张巡查"), "li": (["supervisor"], "李巡查"), "leader": (["shift_leader"], "王值班"),
          "operator": (["operator"], "赵受理"), "analyst": (["analyst"], "钱分析"), "admin": (["admin"], "孙管理")}


@contextmanager
def patrol_people(cluster, store_dsn, conn_factory, qgis: bool = False):
    """The case store with roles set up and the people of :data:`PEOPLE` (password logins; zhang
    answers for grids 001–004 and li for 005–006 since :data:`START`). Yields (owner connection,
    connect(key) → a password connection of that person, logins by key, QGIS targets by key —
    empty unless *qgis*). Everything is removed afterwards."""
    make_case_store(store_dsn)
    owner = conn_factory(store_dsn)
    setup_roles(owner)
    tag = uuid.uuid4().hex[:6]
    names = {key: f"cgt_{tag}_{key}" for key in PEOPLE}
    for key, (roles, name) in PEOPLE.items():
        save_user(owner, names[key], roles, name, password=PASSWORD)
    admin.set_supervisor_grids(owner, names["zhang"], [G[1], G[2], G[3], G[4]], day=START)
    admin.set_supervisor_grids(owner, names["li"], [G[5], G[6]], day=START)
    dbname = store_dsn.split("dbname=")[1].split()[0]

    def connect(key: str):
        return conn_factory(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user={names[key]} "
                            f"password={PASSWORD}")

    targets, connections = {}, []
    if qgis:
        p = cluster.client_params(dbname)
        for key, login in names.items():
            name = f"citygrid-patrol-{login}"
            save_connection(name, p["host"], p["port"], p["dbname"], login, authcfg=auth_config(login, PASSWORD))
            targets[key] = StoreTarget("connection", name)
            connections.append(name)
    try:
        yield owner, connect, names, targets
    finally:
        for name in connections:
            delete_connection(name)
        owner.rollback()
        with owner.cursor() as cur:
            cur.execute("DELETE FROM citygrid.supervisor_grid WHERE login = ANY(%s)", (list(names.values()),))
            cur.execute("DELETE FROM citygrid.staff WHERE login = ANY(%s)", (list(names.values()),))
            for login in names.values():
                cur.execute(f'DROP OWNED BY "{login}"')
                cur.execute(f'DROP ROLE IF EXISTS "{login}"')
        owner.commit()


def line_m(points) -> str:
    return "LINESTRING M (" + ", ".join(f"{x} {y} {t}" for x, y, t in points) + ")"


def walk(conn, login: str, day: date) -> int:
    """zhang's day, as his handheld records it (1 m/s), through his own login; returns t0, 09:00 that day.

    Track 1, a square through his grids and li's 005, then a silence of 700 s:
      (60,150) t0 → (150,150) +90 → (150,50) +190 → (50,50) +290 → (50,140) +380 → (50,145) +1080
      001: 40 m/40 s + 40 m/40 s + 5 m/700 s = 85 m, 780 s   002: 100 m, 100 s   005 (li's): 100 m, 100 s
      004: 100 m, 100 s                                           gap: +380 → +1080 (700 s)
    Track 2, 1200 s after track 1 ended, from grid 003 out of the district:
      (250,170) +2280 → (250,260) +2370: 003: 30 m, 30 s (not a visit: < 50 m and < 120 s); 60 m, 60 s outside
    And a track of the day before, which does not count.
    """
    t0 = int(datetime(day.year, day.month, day.day, 9, tzinfo=CST).timestamp())
    package = str(uuid.uuid4())
    patrol.register_package(conn, package, login, [G[1], G[2], G[3], G[4]])
    with conn.cursor() as cur:
        cur.execute(ADD, (package, "t1", line_m([(60, 150, t0), (150, 150, t0 + 90), (150, 50, t0 + 190),
                                                 (50, 50, t0 + 290), (50, 140, t0 + 380), (50, 145, t0 + 1080)])))
        cur.execute(ADD, (package, "t2", line_m([(250, 170, t0 + 2280), (250, 260, t0 + 2370)])))
        cur.execute(ADD, (package, "t0", line_m([(150, 150, t0 - 86400), (150, 60, t0 - 86400 + 90)])))
    conn.commit()
    return t0
