"""The store's side of patrol (migration 016, issue 17): verify and check tasks go to the supervisor
responsible for the case's grid and only he acts on them until the shift leader reassigns them;
one supervisor answers for a grid on any day; tracks are stored only by their package's supervisor,
with time and speed checked, once; coverage counts the time and distance inside each grid."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from citygrid_plugin.core.casefilter import centre_today
from citygrid_plugin.store import admin, patrol
from citygrid_plugin.store.cases import CaseRefused, act, allowed_actions, report_case
from citygrid_plugin.store.roles import save_user
from tests.helpers.sql import PASSWORD, denied, one

GRID_A, GRID_B = "510104001001001", "510104001001002"   # the case store's two western grids (x 0–100, 100–200)


@pytest.fixture
def patrollers(secured, cluster, store_dsn, conn_factory):
    """Two supervisors with password logins: zhang answers for grid A, li for grid B."""
    owner, login, logins = secured
    tag = uuid.uuid4().hex[:6]
    names = {"zhang": f"cgt_{tag}_zhang", "li": f"cgt_{tag}_li"}
    for key, name in names.items():
        save_user(owner, name, ["supervisor"], f"监督员{key}", password=PASSWORD)
    admin.set_supervisor_grids(owner, names["zhang"], [GRID_A])
    admin.set_supervisor_grids(owner, names["li"], [GRID_B])
    dbname = store_dsn.split("dbname=")[1].split()[0]

    def as_(key):
        return conn_factory(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user={names[key]} "
                            f"password={PASSWORD}")
    yield owner, login, names, as_
    owner.rollback()
    with owner.cursor() as cur:
        cur.execute("DELETE FROM citygrid.supervisor_grid WHERE login = ANY(%s)", (list(names.values()),))
        cur.execute("DELETE FROM citygrid.staff WHERE login = ANY(%s)", (list(names.values()),))
        for name in names.values():
            cur.execute(f'DROP ROLE IF EXISTS "{name}"')
    owner.commit()


def public_case(login, x: float = 50, y: float = 150):
    """A 12319 call at (x, y), accepted: it waits for verification on site."""
    c = report_case(login("operator"), "12319热线", "event", "0102", "暴露垃圾", x, y, reporter="王",
                    reporter_phone="13800000000")
    return act(login("operator"), c.id, "accept", "operator", c.version)


def test_a_verify_task_goes_to_the_grids_supervisor_and_only_he_acts(patrollers):
    owner, login, names, as_ = patrollers
    c = public_case(login)                                   # in grid A
    assert one(owner, "SELECT assignee FROM citygrid.work_case WHERE id = %s", (c.id,))[0] == names["zhang"]
    li = as_("li")
    assert allowed_actions(li, c.id) == []
    with pytest.raises(CaseRefused, match=f"is the task of supervisor {names['zhang']}; the shift leader reassigns it"):
        act(li, c.id, "cancel", "supervisor", c.version, note="不属实")
    assert {a for a, _r, _n in allowed_actions(as_("zhang"), c.id)} == {"verify", "cancel"}
    # the shift leader reassigns it; now li's, not zhang's
    with pytest.raises(CaseRefused, match="is not one"):
        act(login("shift_leader"), c.id, "reassign", "shift_leader", c.version,
            data={"supervisor": login("operator").info.user})
    c = act(login("shift_leader"), c.id, "reassign", "shift_leader", c.version, data={"supervisor": names["li"]})
    assert c.state == "to_verify"
    assert one(owner, "SELECT assignee FROM citygrid.work_case WHERE id = %s", (c.id,))[0] == names["li"]
    with pytest.raises(CaseRefused, match="is the task of supervisor"):
        act(as_("zhang"), c.id, "cancel", "supervisor", c.version, note="不属实")
    c = act(li, c.id, "cancel", "supervisor", c.version, note="现场无此问题", data={"field_id": "f-1"})
    assert one(owner, "SELECT actor, data->>'field_id' FROM citygrid.case_action WHERE case_id = %s "
                      "ORDER BY id DESC LIMIT 1", (c.id,)) == (names["li"], "f-1")
    # leaving the supervisor's states clears the task
    assert one(owner, "SELECT assignee FROM citygrid.work_case WHERE id = %s", (c.id,))[0] is None


def test_a_grid_nobody_answers_for_goes_to_the_fallback_or_to_everyone(patrollers):
    owner, login, names, as_ = patrollers
    c = public_case(login, x=250, y=150)                     # grid 003: nobody's
    assert one(owner, "SELECT assignee FROM citygrid.work_case WHERE id = %s", (c.id,))[0] is None
    assert {a for a, _r, _n in allowed_actions(as_("li"), c.id)} == {"verify", "cancel"}
    with owner.cursor() as cur:
        cur.execute("UPDATE citygrid.store_setting SET value = %s WHERE key = 'task_fallback'", (names["li"],))
    owner.commit()
    d = public_case(login, x=250, y=150)
    assert one(owner, "SELECT assignee FROM citygrid.work_case WHERE id = %s", (d.id,))[0] == names["li"]


def test_one_supervisor_answers_for_a_grid_at_a_time(patrollers):
    owner, _login, names, _as = patrollers
    with pytest.raises(admin.AdminError, match=f"grid {GRID_A} already has supervisor {names['zhang']}"):
        admin.set_supervisor_grids(owner, names["li"], [GRID_B, GRID_A])
    assert admin.supervisor_grids(owner, names["li"]) == [GRID_B]          # all or nothing
    # zhang's period ends yesterday: li may take the grid from today
    with owner.cursor() as cur:
        cur.execute("UPDATE citygrid.supervisor_grid SET valid_from = current_date - 30, valid_to = current_date - 1 "
                    "WHERE login = %s", (names["zhang"],))
        cur.execute("INSERT INTO citygrid.supervisor_grid (login, grid_code) VALUES (%s, %s)", (names["li"], GRID_A))
    owner.commit()
    assert patrol.responsibility(owner, names["li"]) == [GRID_A, GRID_B]
    assert patrol.responsibility(owner, names["zhang"], centre_today() - timedelta(days=2)) == [GRID_A]
    assert one(owner, "SELECT citygrid.case_assignee(%s, current_date)", (GRID_A,))[0] == names["li"]


def line_m(points) -> str:
    """WKT of a LineStringM from (x, y, epoch seconds)."""
    return "LINESTRING M (" + ", ".join(f"{x} {y} {t}" for x, y, t in points) + ")"


def test_tracks_are_stored_by_their_supervisor_once_with_time_and_speed_checked(patrollers):
    owner, login, names, as_ = patrollers
    zhang, li = as_("zhang"), as_("li")
    package = str(uuid.uuid4())
    store_id = patrol.register_package(zhang, package, names["zhang"], [GRID_A])
    assert store_id == patrol.store_id(owner) and len(store_id) == 32
    with pytest.raises(patrol.PatrolError, match="may not build a patrol package"):
        patrol.register_package(li, str(uuid.uuid4()), names["zhang"], [GRID_A])
    today = datetime.now(timezone(timedelta(hours=8))).date()   # his grids are his from today
    t0 = int(datetime(today.year, today.month, today.day, 9, tzinfo=timezone(timedelta(hours=8))).timestamp())
    walk = [(10, 150, t0), (90, 150, t0 + 100), (150, 150, t0 + 200), (150, 110, t0 + 260)]
    add = "SELECT citygrid.patrol_track_add(%s::uuid, %s, ST_SetSRID(ST_GeomFromText(%s), 4544))"

    def stored(conn, *args):
        with conn.cursor() as cur:
            cur.execute(add, args)
            track = cur.fetchone()[0]
        conn.commit()
        return track
    first = stored(zhang, package, "t1", line_m(walk))
    assert stored(zhang, package, "t1", line_m(walk)) == first          # once
    denied(li, add, (package, "t2", line_m(walk)), match="is .*'s; sync it with his login|permission denied")
    denied(zhang, add, (str(uuid.uuid4()), "t3", line_m(walk)), match="was not built from this store")
    denied(zhang, add, (package, "t4", line_m([(0, 0, t0), (10, 0, t0 - 5)])), match="at point 2 .* time backwards")
    denied(zhang, add, (package, "t5", line_m([(0, 0, t0), (200, 0, t0 + 1)])), match="faster than 300 km/h")
    assert one(owner, "SELECT count(*), min(login), min(points) FROM citygrid.patrol_track") == (1, names["zhang"], 4)
    # coverage: grid A (x 0–100) from x 10 at t0 to x 100 at t0 + 100 + 10/60 × 100 s; the rest in grid B
    rows = {r[1]: r for r in _coverage(zhang, today)}
    a, b = rows[GRID_A], rows[GRID_B]
    assert a[2] == pytest.approx(116.67, abs=0.1) and a[3] == pytest.approx(90, abs=0.01) and a[5]
    assert a[4] and b[4]          # visited: A by the 90 m walked (≥ 50 m; 117 s < 120 s), B by both
    assert b[2] == pytest.approx(143.33, abs=0.1) and b[3] == pytest.approx(50 + 40, abs=0.01) and not b[5]
    # li sees no track of zhang's
    assert _coverage(li, today) == []


def _coverage(conn, day):
    with conn.cursor() as cur:
        cur.execute("SELECT * FROM citygrid.patrol_coverage(%s) ORDER BY grid_code", (day,))
        rows = cur.fetchall()
    conn.rollback()
    return rows


def test_a_walk_that_retraces_itself_counts_every_pass(patrollers):
    owner, _login, names, as_ = patrollers
    zhang = as_("zhang")
    package = str(uuid.uuid4())
    patrol.register_package(zhang, package, names["zhang"], [GRID_A])
    today = datetime.now(timezone(timedelta(hours=8))).date()
    t0 = int(datetime(today.year, today.month, today.day, 10, tzinfo=timezone(timedelta(hours=8))).timestamp())
    # back and forth along the same 80 m of street, three times: 240 s and 240 m in grid A
    with zhang.cursor() as cur:
        cur.execute("SELECT citygrid.patrol_track_add(%s::uuid, 'back-and-forth', "
                    "ST_SetSRID(ST_GeomFromText(%s), 4544))",
                    (package, line_m([(10, 150, t0), (90, 150, t0 + 80), (10, 150, t0 + 160), (90, 150, t0 + 240)])))
    zhang.commit()
    rows = {r[1]: r for r in _coverage(zhang, today)}
    assert rows[GRID_A][2] == pytest.approx(240) and rows[GRID_A][3] == pytest.approx(240)
