"""Patrol coverage (巡查覆盖, issue 17 item 4) over real password logins: a supervisor's tracks, added
through citygrid.patrol_track_add as he does when he syncs, give exactly the figures worked out by
hand below for a square walk through known grids — his grids visited and missed, the share, the
time inside and outside his grids, the gaps (within a track and between two tracks, by the store
setting patrol_gap_seconds) and the length — and the supervisors' figures of the evaluation.
The responsibility grids with their validity dates and the grid roster (一格六员) through
store.admin, as the administration dialog and citygrid:importroster write them."""
from __future__ import annotations

from datetime import timedelta

import pytest

from citygrid_plugin.core.casefilter import centre_today
from citygrid_plugin.core.coverage import coverage_table, supervisor_table
from citygrid_plugin.store import admin, coverage
from citygrid_plugin.store.cases import act, report_case
from tests.helpers.coverage import START, G, patrol_people, walk
from tests.helpers.photos import photo
from tests.helpers.sql import one


@pytest.fixture
def patrol_store(cluster, store_dsn, conn_factory):
    """zhang answers for grids 001 002 003 004, li for 005 006 (password logins; tests.helpers.coverage)."""
    with patrol_people(cluster, store_dsn, conn_factory) as (owner, connect, names, _targets):
        yield owner, connect, names, connect


def test_coverage_of_a_square_walk_is_what_the_hand_computes(patrol_store):
    owner, login, names, as_ = patrol_store
    day = centre_today() - timedelta(days=1)
    zhang = as_("zhang")
    t0 = walk(zhang, names["zhang"], day)

    found = {d.login: d for d in coverage.coverage(login("leader"), day)}
    assert set(found) == {names["zhang"], names["li"]}
    z = found[names["zhang"]]
    assert z.name == "张巡查" and z.day == day
    assert z.grids == [G[1], G[2], G[3], G[4]]
    assert z.visited == [G[1], G[2], G[4]] and z.missed == [G[3]] and z.elsewhere == [G[5]]
    assert z.share == pytest.approx(0.75)
    assert z.tracks == 2
    assert z.tracked_seconds == pytest.approx(1080 + 90)
    assert z.inside_seconds == pytest.approx(780 + 100 + 100 + 30, abs=0.01)       # 001 002 004 003
    assert z.outside_seconds == pytest.approx(100 + 60, abs=0.01)                  # li's 005, out of the district
    assert z.length_m == pytest.approx(90 + 100 + 100 + 90 + 5 + 90)
    assert [(g.start.timestamp(), g.seconds) for g in z.gaps] == [(t0 + 380, 700), (t0 + 1080, 1200)]
    assert z.gap_seconds == 1900
    assert z.gaps[0].text() == "09:06–09:18"
    li = found[names["li"]]
    assert (li.grids, li.visited, li.share, li.tracks, li.gaps) == ([G[5], G[6]], [], 0.0, 0, [])

    # a longer silence allowed: only the pause between the two tracks is a gap
    with owner.cursor() as cur:
        cur.execute("UPDATE citygrid.store_setting SET value = '800' WHERE key = 'patrol_gap_seconds'")
    owner.commit()
    z = next(d for d in coverage.coverage(owner, day) if d.login == names["zhang"])
    assert [g.seconds for g in z.gaps] == [1200]

    # the table people read: one row per supervisor and day, minutes and metres
    table = coverage_table(coverage.coverage(owner, day))
    row = next(r for r in table.rows if r[2] == names["zhang"])
    assert row[:13] == [f"{day:%Y-%m-%d}", "张巡查", names["zhang"], 4, 3, 75.0, G[3], round(1010 / 60, 1),
                        round(160 / 60, 1), 475.0, 2, 1, 20.0]
    assert row[14] == G[5]

    # the map of the day: his grids visited (green) or missed (red), li's 005 visited by someone else
    grids = {g["code"]: g for g in coverage.coverage_grids(owner, day)}
    assert {c: g["status"] for c, g in grids.items()} == {
        G[1]: "visited", G[2]: "visited", G[3]: "missed", G[4]: "visited", G[5]: "missed", G[6]: "missed"}
    assert grids[G[5]]["visitors"] == [names["zhang"]] and grids[G[1]]["seconds"] == pytest.approx(780, abs=0.01)

    # a supervisor reads his own tracks only: li sees his grids and none of zhang's walk
    seen = {d.login: d for d in coverage.coverage(as_("li"), day)}
    assert seen[names["zhang"]].tracks == 0 and seen[names["zhang"]].visited == []


def test_the_supervisors_figures_of_the_evaluation(patrol_store):
    owner, login, names, as_ = patrol_store
    zhang = as_("zhang")
    yesterday = centre_today() - timedelta(days=1)
    walk(zhang, names["zhang"], yesterday)
    # zhang files two reports: one registered (valid), one cancelled as not a case
    a = report_case(zhang, "监督员上报", "event", "0102", "暴露垃圾", 60, 150)
    b = report_case(zhang, "监督员上报", "event", "0102", "暴露垃圾", 160, 150)
    for case in (a, b):
        assert one(owner, "SELECT state FROM citygrid.work_case WHERE id = %s", (case.id,))[0] == "reported"
    a = act(login("operator"), a.id, "accept", "operator", a.version)
    act(login("leader"), a.id, "register", "shift_leader", a.version)
    act(login("operator"), b.id, "cancel", "operator", b.version, note="重复上报")
    # and verifies a hotline call in his grid on time
    c = report_case(login("operator"), "12319热线", "event", "0102", "暴露垃圾", 50, 150, reporter="王",
                    reporter_phone="13800000000")
    c = act(login("operator"), c.id, "accept", "operator", c.version)
    act(zhang, c.id, "verify", "supervisor", c.version, note="属实", photos=[photo()])

    table = coverage.supervisor_evaluation(login("analyst"), yesterday, centre_today())
    rows = {r[1]: r for r in table.rows}
    assert set(rows) >= {names["zhang"], names["li"]}
    assert names["li"] in rows and rows[names["li"]][2:] == [0, 0, 0, 0, 0, 0, None, None, None, 0, None]
    z = rows[names["zhang"]]
    assert z[:2] == ["张巡查", names["zhang"]]
    assert z[2:8] == [2, 1, 1, 1, 0, 0]            # reported, valid, verified, on time, checked, on time
    assert z[8:11] == [50.0, 100.0, None]          # valid-report rate, on-time verify rate, on-time check rate
    assert z[11:] == [1, 75.0]                     # one day patrolled, 3 of his 4 grids
    assert table.ids[table.rows.index(z)] == {a.id, b.id}
    # operators reported too (the hotline call), but the table is the supervisors'
    assert all(not r[1].endswith("_operator") for r in table.rows)


def test_supervisor_table_without_supervisor_list_lists_every_figure():
    from citygrid_plugin.core.evaluation import Figure

    figures = {"wang": {"reported": Figure(frozenset({1, 2})), "valid": Figure(frozenset({1})),
                        "valid_report_rate": Figure(frozenset({1}), frozenset({1, 2}))}}
    table = supervisor_table(figures, [], {"wang": "王"})
    assert table.rows == [["王", "wang", 2, 1, 0, 0, 0, 0, 50.0, None, None, 0, None]]


def test_responsibility_periods_end_and_the_store_refuses_an_overlap(patrol_store):
    owner, login, names, _as = patrol_store
    today = centre_today()
    # zhang hands 001 over to li from the first of next month
    handover = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    with pytest.raises(admin.AdminError, match=f"grid {G[1]} already has supervisor {names['zhang']} from "):
        admin.add_responsibility(owner, names["li"], G[1], handover)
    admin.end_responsibility(owner, names["zhang"], G[1], START, handover - timedelta(days=1))
    admin.add_responsibility(owner, names["li"], G[1], handover)
    assert admin.supervisor_grids(owner, names["zhang"]) == [G[1], G[2], G[3], G[4]]
    assert admin.supervisor_grids(owner, names["li"], handover) == [G[1], G[5], G[6]]
    assert one(owner, "SELECT citygrid.case_assignee(%s, %s)", (G[1], handover))[0] == names["li"]
    periods = [(p["login"], p["valid_from"], p["valid_to"]) for p in admin.responsibility_periods(owner, G[1])]
    assert periods == [(names["zhang"], START, handover - timedelta(days=1)), (names["li"], handover, None)]
    # zhang's period cannot be opened again over li's, nor end before it starts; his own overlap is named
    with pytest.raises(admin.AdminError, match=f"already has supervisor {names['li']}"):
        admin.end_responsibility(owner, names["zhang"], G[1], START, None)
    with pytest.raises(admin.AdminError, match="before it starts"):
        admin.end_responsibility(owner, names["zhang"], G[1], START, START - timedelta(days=3))
    with pytest.raises(admin.AdminError, match="answers for the grid already"):
        admin.add_responsibility(owner, names["zhang"], G[1], today + timedelta(days=2), today + timedelta(days=5))
    # the old call keeps working: "from today, exactly these grids" ends the others the day before
    admin.set_supervisor_grids(owner, names["li"], [G[6]], day=handover)
    assert admin.supervisor_grids(owner, names["li"], handover) == [G[6]]
    assert admin.supervisor_grids(owner, names["li"]) == [G[5], G[6]]
    assert [p["valid_to"] for p in admin.responsibility_periods(owner, G[5])] == [handover - timedelta(days=1)]
    assert admin.responsibility_periods(owner, G[1], names["li"]) == []      # began that day: removed
    # an analyst may read, not write
    with pytest.raises(admin.AdminError, match="permission denied"):
        admin.add_responsibility(login("analyst"), names["li"], G[1], handover)


def test_the_roster_and_the_fallback(patrol_store):
    owner, login, names, _as = patrol_store
    a = login("admin")
    first = admin.save_roster_member(a, {"grid_code": G[1], "duty": "城管员", "name": "赵城管",
                                         "phone": "138 0000 1111"})
    admin.save_roster_member(a, {"grid_code": G[1], "duty": "领导", "name": "钱书记"})
    with pytest.raises(admin.AdminError, match="the duty is one of"):
        admin.save_roster_member(a, {"grid_code": G[1], "duty": "厨师", "name": "孙"})
    with pytest.raises(admin.AdminError, match="phone"):
        admin.save_roster_member(a, {"grid_code": G[1], "duty": "环卫员", "name": "孙", "phone": "call me"})
    assert [(r["duty"], r["name"]) for r in admin.roster(owner, G[1])] == [("领导员", "钱书记"), ("城管员", "赵城管")]
    admin.save_roster_member(a, {"id": first, "grid_code": G[1], "duty": "城管员", "name": "赵城管",
                                 "phone": "13800001111", "note": "白班"})
    assert admin.roster(owner, G[1])[1]["note"] == "白班"
    assert one(owner, "SELECT actor FROM citygrid.admin_audit WHERE table_name = 'grid_roster' ORDER BY id DESC "
                      "LIMIT 1")[0] == a.info.user
    # the batch: merge changes a phone and adds; replace leaves exactly the file's people, all or nothing
    admin.save_roster(a, [{"grid_code": G[1], "duty": "城管员", "name": "赵城管", "phone": "13900001111"},
                          {"grid_code": G[2], "duty": "志愿员", "name": "周志愿"}])
    assert [(r["grid_code"], r["name"], r["phone"]) for r in admin.roster(owner)] == [
        (G[1], "钱书记", None), (G[1], "赵城管", "13900001111"), (G[2], "周志愿", None)]
    with pytest.raises(admin.AdminError, match="grid_roster|roster not saved"):
        admin.save_roster(a, [{"grid_code": G[2], "duty": "志愿员", "name": "周志愿"},
                              {"grid_code": "510104001001999", "duty": "志愿员", "name": "吴"}], replace=True)
    assert len(admin.roster(owner)) == 3
    admin.save_roster(a, [{"grid_code": G[2], "duty": "志愿员", "name": "周志愿"}], replace=True)
    assert [r["name"] for r in admin.roster(owner)] == ["周志愿"]
    overview = {g["code"]: g for g in admin.grid_overview(owner)}
    assert overview[G[2]]["roster"] == 1 and overview[G[2]]["duties"] == ["志愿员"]
    assert overview[G[2]]["supervisor"] == names["zhang"] and overview[G[2]]["supervisor_name"] == "张巡查"
    assert overview[G[6]]["supervisor"] == names["li"]
    # the fallback login: a supervisor's, or nobody
    with pytest.raises(admin.AdminError, match="is not a supervisor"):
        admin.set_task_fallback(a, login("operator").info.user)
    admin.set_task_fallback(a, names["li"])
    assert admin.task_fallback(owner) == names["li"]
    admin.set_task_fallback(a, None)
    assert admin.task_fallback(owner) is None
