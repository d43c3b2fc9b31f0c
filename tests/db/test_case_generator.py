"""The case generator (data_samples/generate_cases.py): cases run through the real workflow
functions, every audit trail follows the transition table, closings are both on time and late,
and the same seed gives the same result."""
from __future__ import annotations

import sys
import uuid
from datetime import date

import pytest
from shapely.geometry import box

from citygrid_plugin.store import db, migrate, reference
from citygrid_plugin.store.grids import replace_grids

from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "data_samples"))
import generate_cases  # noqa: E402

START = date(2026, 3, 2)  # a Monday, in the past
DAYS = 14
SCALE = 2.0
COMMUNITIES = {"510104001001": 0, "510104001002": 300}  # community code → x offset of its 3 × 2 squares


def set_up_district(dsn: str) -> None:
    conn = db.connect(dsn)
    with conn.cursor() as cur:
        cur.execute("""
            INSERT INTO citygrid.district (code, name) VALUES ('510104', '锦江区');
            INSERT INTO citygrid.street (district_code, code, name) VALUES ('510104', '001', '春熙路街道');
            INSERT INTO citygrid.community (district_code, street_code, code, name, boundary) VALUES
                ('510104', '001', '001', '红星路社区', ST_Multi(ST_MakeEnvelope(0, 0, 300, 200, 4544))),
                ('510104', '001', '002', '东风路社区', ST_Multi(ST_MakeEnvelope(300, 0, 600, 200, 4544)));
            INSERT INTO citygrid.department (code, name) VALUES ('CGJ', '城管局'), ('HW', '环卫所'), ('JG', '交管大队'),
                ('SZ', '市政所'), ('SW', '水务局'), ('YL', '园林所');""")
    conn.commit()
    replace_grids(conn, {prefix: [box(dx + x, y, dx + x + 100, y + 100).wkb for y in (100, 0) for x in (0, 100, 200)]
                         for prefix, dx in COMMUNITIES.items()})
    with conn.cursor() as cur:  # a few census components: manhole covers, lamps, a litter bin
        for k in range(24):
            cls, dept = [("0101", "SW"), ("0102", "SZ"), ("0103", "SZ"), ("0118", "SZ"), ("0305", "HW")][k % 5]
            x, y = 20 + (k * 47) % 560, 15 + (k * 31) % 170
            cur.execute("INSERT INTO citygrid.component (class_code, dept1_code, geom) "
                        "VALUES (%s, %s, ST_SetSRID(ST_MakePoint(%s, %s), 4544))", (cls, dept, x, y))
    conn.commit()
    conn.close()


@pytest.fixture
def district_dsn(store_dsn):
    set_up_district(store_dsn)
    return store_dsn


@pytest.fixture
def other_district_dsn(cluster):
    name = f"cg_test_{uuid.uuid4().hex[:10]}"
    cluster.ensure_database(name)
    dsn = cluster.dsn(name)
    conn = db.connect(dsn)
    try:
        migrate.upgrade(conn)
        reference.load_standard_classes(conn)
    finally:
        conn.close()
    set_up_district(dsn)
    yield dsn
    cluster.drop_database(name)


def run(dsn: str) -> dict:
    return generate_cases.generate(dsn, year_start=START, days=DAYS, seed=generate_cases.SEED, scale=SCALE)


def test_generated_cases_follow_the_workflow(district_dsn, conn_factory):
    result = run(district_dsn)
    conn = conn_factory(district_dsn)
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM citygrid.work_case")
        total = cur.fetchone()[0]
        cur.execute("SELECT from_state, action, role, to_state FROM citygrid.case_transition")
        allowed = set(cur.fetchall())
        cur.execute("SELECT case_id, action, from_state, to_state, role, at FROM citygrid.case_action "
                    "ORDER BY case_id, id")
        audit: dict = {}
        for case_id, *rest in cur.fetchall():
            audit.setdefault(case_id, []).append(rest)
        cur.execute("SELECT id, state FROM citygrid.work_case")
        states = dict(cur.fetchall())
        cur.execute("SELECT count(*) FROM citygrid.work_case WHERE state = 'closed' AND close_category IS NULL")
        closed_without_category = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM citygrid.work_case WHERE kind = 'component' AND component_code IS NULL")
        components_without_code = cur.fetchone()[0]
    conn.rollback()

    assert 25 <= total == result["cases"]
    assert sum(result["per_state"].values()) == total == sum(result["per_source"].values())
    assert set(audit) == set(states)
    for case_id, steps in audit.items():
        assert steps[0][:3] == ["report", None, "reported"] and steps[0][3] == "system"
        state, last_at = "reported", steps[0][4]
        for action, from_state, to_state, role, at in steps[1:]:
            assert from_state == state and (from_state, action, role, to_state) in allowed, (case_id, steps)
            assert at >= last_at
            state, last_at = to_state, at
        assert state == states[case_id]
    assert closed_without_category == 0 and components_without_code == 0
    assert result["closed_on_time"] > 0 and result["closed_late"] > 0
    assert result["closed_on_time"] + result["closed_late"] == result["per_state"]["closed"]
    assert result["per_kind"].get("component", 0) > 0 and result["per_kind"]["event"] > 0
    assert "监督员上报" in result["per_source"] and not result["skipped"]
    assert any(s not in ("closed", "cancelled") for s in result["per_state"])  # the last days stay open

    again = run(district_dsn)  # the window already holds cases: not generated twice
    assert again["skipped"] and again["cases"] == total


def test_same_seed_same_result(district_dsn, other_district_dsn):
    keys = ("cases", "per_state", "per_source", "per_kind", "closed_on_time", "closed_late", "reworks",
            "extensions", "returns", "deferrals", "cancellations", "urges", "actions")
    first, second = run(district_dsn), run(other_district_dsn)
    assert {k: first[k] for k in keys} == {k: second[k] for k in keys}
