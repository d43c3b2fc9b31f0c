"""Component rules in the store: codes issued per district and class (never colliding, never
reused), grid by location, geometry type by class, history and change date, retire on delete."""
from __future__ import annotations

import threading

import psycopg2
import pytest
from shapely.geometry import LineString, Point, box

from citygrid_plugin.store import db
from citygrid_plugin.store.components import ComponentRow, import_components, validate_components
from citygrid_plugin.store.grids import replace_grids

PREFIX = "510104001001"


@pytest.fixture
def census_dsn(store_dsn):
    conn = db.connect(store_dsn)
    with conn.cursor() as cur:
        cur.execute("""
            INSERT INTO citygrid.district (code, name) VALUES ('510104', '锦江区');
            INSERT INTO citygrid.street (district_code, code, name) VALUES ('510104', '001', '春熙路街道');
            INSERT INTO citygrid.community (district_code, street_code, code, name, boundary)
            VALUES ('510104', '001', '001', '红星路社区', ST_Multi(ST_MakeEnvelope(0, 0, 300, 200, 4544)));
            INSERT INTO citygrid.department (code, name)
            VALUES ('SZ', '区市政设施管理所'), ('YL', '区园林绿化管理所');""")
    conn.commit()
    replace_grids(conn, {PREFIX: [box(x, y, x + 100, y + 100).wkb for y in (100, 0) for x in (0, 100, 200)]})
    conn.close()
    return store_dsn


def insert(cur, cls, wkt, dept="SZ", **extra):
    cols = ["class_code", "dept1_code", "geom"] + list(extra)
    cur.execute(f"INSERT INTO citygrid.component ({', '.join(cols)}) VALUES (%s, %s, ST_GeomFromText(%s, 4544)"
                f"{''.join(', %s' for _ in extra)}) RETURNING code, grid_code, name, accuracy",
                (cls, dept, wkt, *extra.values()))
    return cur.fetchone()


def test_codes_grid_name_and_accuracy_come_from_the_store(census_dsn, conn_factory):
    conn = conn_factory(census_dsn)
    with conn.cursor() as cur:
        assert insert(cur, "0101", "POINT(10 10)", code="5101040101999999") == (
            "5101040101000001", f"{PREFIX}004", "上水井盖", "A")
        assert insert(cur, "0101", "POINT(150 150)")[:2] == ("5101040101000002", f"{PREFIX}002")
        assert insert(cur, "0211", "LINESTRING(10 150, 90 150)")[0] == "5101040211000001"
    conn.commit()
    with conn.cursor() as cur, pytest.raises(psycopg2.Error, match="codes are issued by the store"):
        cur.execute("UPDATE citygrid.component SET code = '5101040101000077' WHERE code = '5101040101000001'")
    conn.rollback()


@pytest.mark.parametrize("cls, wkt, dept, message", [
    ("0101", "LINESTRING(0 0, 10 10)", "SZ", "class 0101 上水井盖 is recorded as a point, got linestring"),
    ("0101", "POINT(500 500)", "SZ", r"component at \(500.00, 500.00\) lies outside every unit grid"),
    ("9999", "POINT(1 1)", "SZ", "class 9999 is not a component class of profile 2013"),
    ("0101", "POINT(1 1)", None, "dept1_code"),
])
def test_the_store_refuses_what_breaks_the_rules(census_dsn, conn_factory, cls, wkt, dept, message):
    conn = conn_factory(census_dsn)
    with conn.cursor() as cur, pytest.raises(psycopg2.Error, match=message):
        insert(cur, cls, wkt, dept)
    conn.rollback()


def test_changes_keep_history_and_deleting_retires(census_dsn, conn_factory):
    conn = conn_factory(census_dsn)
    with conn.cursor() as cur:
        code = insert(cur, "0101", "POINT(10 10)")[0]
        conn.commit()
        cur.execute("UPDATE citygrid.component SET state = '破损' WHERE code = %s RETURNING version, change_date",
                    (code,))
        version, changed = cur.fetchone()
        assert version == 2 and changed is not None
        cur.execute("UPDATE citygrid.component SET class_code = '0102' WHERE code = %s RETURNING code, name", (code,))
        assert cur.fetchone() == ("5101040102000001", "污水井盖")  # reclassified: a new code
        cur.execute("DELETE FROM citygrid.component WHERE code = '5101040102000001'")
        assert cur.rowcount == 0
        conn.commit()
        cur.execute("SELECT action, old_values ->> 'state', old_values ->> 'code' FROM citygrid.component_history "
                    "ORDER BY id")
        assert cur.fetchall() == [("updated", "完好", code), ("recoded", "破损", code),
                                  ("retired", "破损", "5101040102000001")]
        with pytest.raises(psycopg2.Error, match="is retired; history cannot be edited"):
            cur.execute("UPDATE citygrid.component SET note = 'x' WHERE code = '5101040102000001'")
    conn.rollback()
    with conn.cursor() as cur:  # the retired code's serial is never issued again
        assert insert(cur, "0101", "POINT(20 20)")[0] == "5101040101000002"
    conn.commit()


def test_concurrent_surveyors_never_collide(census_dsn):
    codes, errors = [], []

    def surveyor(offset):
        conn = db.connect(census_dsn)
        try:
            for i in range(10):
                with conn.cursor() as cur:
                    codes.append(insert(cur, "0118", f"POINT({offset + i} 50)")[0])
                conn.commit()
        except Exception as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=surveyor, args=(x,)) for x in (0, 60, 120, 180)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and sorted(codes) == [f"5101040118{n:06d}" for n in range(1, 41)]


def test_bulk_import_sorts_every_row(census_dsn, conn_factory):
    conn = conn_factory(census_dsn)
    rows = [ComponentRow("row 1", {"class_code": "0101", "dept1_code": "SZ"}, Point(30, 30).wkb),
            ComponentRow("row 2", {"class_code": "0101", "dept1_code": "SZ"}, Point(30.4, 30).wkb),
            ComponentRow("row 3", {"class_code": "0101", "dept1_code": "XX"}, Point(60, 30).wkb),
            ComponentRow("row 4", {"class_code": "0101", "dept1_code": "SZ"}, Point(900, 30).wkb),
            ComponentRow("row 5", {"class_code": "0101", "dept1_code": "SZ"}, LineString([(1, 1), (2, 2)]).wkb),
            ComponentRow("row 6", {"class_code": "0101", "dept1_code": "SZ", "state": "坏了"}, Point(70, 30).wkb),
            ComponentRow("row 7", {"class_code": "0101", "dept1_code": "SZ", "census_date": "2026-02-30"},
                         Point(80, 30).wkb),
            ComponentRow("row 8", {"class_code": "0118", "dept1_code": "SZ", "note": "tab\there\\"},
                         Point(150, 30).wkb)]
    report = import_components(conn, rows)
    assert report.total == len(rows)
    assert report.imported == [("row 1", "5101040101000001"), ("row 8", "5101040118000001")]
    reasons = dict((ref, reason) for ref, reason, _w in report.rejected)
    assert "'XX' is not a known department" in reasons["row 3"]
    assert "outside every unit grid, at (900.00, 30.00)" in reasons["row 4"]
    assert "recorded as a point, got linestring" in reasons["row 5"]
    assert "state must be one of" in reasons["row 6"] and "2026-02-30" in reasons["row 7"]
    assert [(ref, near) for ref, near, _m, _w in report.duplicates] == [("row 2", "row 1")]  # same batch
    with conn.cursor() as cur:
        cur.execute("SELECT note FROM citygrid.component WHERE code = '5101040118000001'")
        assert cur.fetchone()[0] == "tab\there\\"  # text survives COPY escaping
    conn.rollback()
    # all or nothing: one bad row, nothing written
    before = import_components(conn, [ComponentRow("a", {"class_code": "0118", "dept1_code": "SZ"},
                                                   Point(250, 150).wkb),
                                      ComponentRow("b", {"class_code": "0118", "dept1_code": "??"},
                                                   Point(260, 150).wkb)], all_or_nothing=True)
    assert before.imported == [] and len(before.rejected) == 1
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM citygrid.component")
        assert cur.fetchone()[0] == 2
    conn.rollback()


def test_validation_finds_duplicates_grid_mismatch_and_missing_names(census_dsn, conn_factory):
    conn = conn_factory(census_dsn)
    with conn.cursor() as cur:
        insert(cur, "0101", "POINT(10 10)")
        insert(cur, "0101", "POINT(10.5 10)")
        insert(cur, "0203", "POINT(150 150)")  # a bus shelter without its stop name
        insert(cur, "0118", "POINT(250 150)", stop_name="ignored")
    conn.commit()
    replace_grids(conn, {PREFIX: [box(0, 0, 300, 100).wkb, box(0, 100, 300, 200).wkb]})  # grids re-drawn
    problems = validate_components(conn)
    by_check = {}
    for check, _sev, code, message, _wkb in problems:
        by_check.setdefault(check, []).append((code, message))
    assert [c for c, _m in by_check["duplicate"]] == ["5101040101000001"]
    assert {c for c, _m in by_check["required_missing"]} == {"5101040203000001"}
    assert "stop_name" in by_check["required_missing"][0][1]
    assert len(by_check["grid_mismatch"]) == 4  # every component's grid was retired
    assert "code_malformed" not in by_check and "outside_grids" not in by_check


def test_a_class_that_has_issued_every_serial_is_refused_in_words(census_dsn, conn_factory):
    """Migration 011: the sequences stop one past the last serial, so the 1,000,000th component
    of a class is refused with the reason (and the 999,999th still gets its code)."""
    conn = conn_factory(census_dsn)
    with conn.cursor() as cur:
        assert insert(cur, "0101", "POINT(10 10)")[0] == "5101040101000001"
        cur.execute("SELECT setval('citygrid.component_seq_510104_2013_0101', 999998)")
        assert insert(cur, "0101", "POINT(20 20)")[0] == "5101040101999999"
    conn.commit()
    with conn.cursor() as cur, pytest.raises(psycopg2.Error, match="has issued all 999999 serials of class 0101"):
        insert(cur, "0101", "POINT(30 30)")
    conn.rollback()
