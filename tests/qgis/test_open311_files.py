"""citygrid:exportopen311 and citygrid:importopen311 through processing.run on real stores: cases exported
as GeoReport JSON and XML (public fields only, WGS84) and imported into another store give the same cases;
a re-import adds nothing; every bad request is refused with its id and reason and nothing is written."""
from __future__ import annotations

import json
import uuid

import processing
import pytest
from qgis.core import QgsProcessingException
from shapely.geometry import box

from citygrid_plugin.core import open311
from citygrid_plugin.core.casefilter import CST
from citygrid_plugin.store import db, migrate, reference
from citygrid_plugin.store.cases import report_case
from citygrid_plugin.store.grids import replace_grids
from tests.helpers.sql import count
from tests.stores import qgis_connection_to

PREFIX = "510104001001"
X0, Y0 = 411_800.0, 3_392_800.0     # EPSG:4544, in Chengdu (104.08° E, 30.65° N)
CONTACT = {"REPORTER": "市民热线平台", "REPORTER_PHONE": "028-12345"}


def make_store(dsn: str) -> None:
    """One community of 300 × 200 m at (X0, Y0) in 3 × 2 unit grids of 100 m."""
    conn = db.connect(dsn)
    with conn.cursor() as cur:
        cur.execute("""
            INSERT INTO citygrid.district (code, name) VALUES ('510104', '锦江区');
            INSERT INTO citygrid.street (district_code, code, name) VALUES ('510104', '001', '春熙路街道');
            INSERT INTO citygrid.community (district_code, street_code, code, name, boundary)
            VALUES ('510104', '001', '001', '红星路社区', ST_Multi(ST_MakeEnvelope(%s, %s, %s, %s, 4544)));""",
                    (X0, Y0, X0 + 300, Y0 + 200))
    conn.commit()
    replace_grids(conn, {PREFIX: [box(x, y, x + 100, y + 100).wkb for y in (Y0 + 100, Y0)
                                  for x in (X0, X0 + 100, X0 + 200)]})
    conn.close()


@pytest.fixture
def stores(provider, qgis_connection, store_dsn, cluster):
    """(QGIS connection, owner connection) of store A with three cases, and of an empty store B."""
    make_store(store_dsn)
    a = db.connect(store_dsn)
    for cls, kind, description, address, (x, y) in (
            ("0102", "event", "小区门口垃圾 <三天> & \"无人\" 清理", "红星路二段 8 号", (X0 + 50, Y0 + 150)),
            ("0101", "component", "井盖缺失\n有危险", None, (X0 + 150, Y0 + 50)),
            ("0101", "event", "私搭乱建", "红星路二段 12 号", (X0 + 250.25, Y0 + 150.75))):
        report_case(a, "12345热线", kind, cls, description, x, y, address=address, reporter="王先生",
                    reporter_phone="13800001111")
    other = f"cg_test_{uuid.uuid4().hex[:10]}"
    cluster.ensure_database(other)
    b_dsn = cluster.dsn(other)
    b = db.connect(b_dsn)
    migrate.upgrade(b)
    reference.load_standard_classes(b)
    make_store(b_dsn)
    with qgis_connection_to(cluster, other, "open311") as b_connection:
        yield (qgis_connection, a), (b_connection, b)
    a.close()
    b.close()
    cluster.drop_database(other)


def cases(conn) -> list[tuple]:
    with conn.cursor() as cur:
        cur.execute("SELECT case_no, source, kind, class_code, description, address, grid_code, ST_X(geom), "
                    "ST_Y(geom), external_id, state FROM citygrid.work_case ORDER BY reported_at, case_no")
        rows = cur.fetchall()
    conn.rollback()
    return rows


def export(connection: str, path, services=None, **params) -> dict:
    return processing.run("citygrid:exportopen311", {"CONNECTION": connection, "DAYS": 1, "OUTPUT": str(path),
                                                     **({"SERVICES": str(services)} if services else {}), **params})


def run_import(connection: str, path, system: str = "cityA", **params) -> dict:
    return processing.run("citygrid:importopen311", {"CONNECTION": connection, "INPUT": str(path),
                                                     "SYSTEM": system, **{**CONTACT, **params}})


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_cases_exported_and_imported_into_another_store_are_the_same_cases_and_a_rerun_adds_nothing(
        stores, tmp_path, fmt):
    (a_connection, a), (b_connection, b) = stores
    path, services_path = tmp_path / f"requests.{fmt}", tmp_path / f"services.{fmt}"
    result = export(a_connection, path, services_path)
    assert result["REQUESTS"] == 3
    text = path.read_text(encoding="utf-8")
    assert "王先生" not in text and "13800001111" not in text     # public fields only
    requests, problems = open311.parse_requests(text, fmt)
    assert problems == []
    originals = cases(a)
    assert [r.service_request_id for r in requests] == [c[0] for c in originals]
    assert [r.service_code for r in requests] == ["E0102", "C0101", "E0101"]
    assert {r.status for r in requests} == {"open"} and requests[0].status_notes == "待受理"
    assert all(30.6 < r.lat < 30.7 and 104.0 < r.long < 104.2 for r in requests)
    assert requests[0].requested_datetime.utcoffset() == CST.utcoffset(None)
    services, _ = open311.parse_requests(text, fmt)
    codes = (json.loads(services_path.read_text(encoding="utf-8")) if fmt == "json" else None)
    if codes is not None:
        assert {"E0102", "C0101", "E0101"} <= {s["service_code"] for s in codes}
    else:
        assert "<service_code>C0101</service_code>" in services_path.read_text(encoding="utf-8")

    result = run_import(b_connection, path)
    assert (result["CREATED"], result["ALREADY_KNOWN"], result["PROBLEMS"]) == (3, 0, 0)
    assert result["REPORT"] == "3 new, 0 already there, 0 closed requests skipped"
    imported = cases(b)
    assert [(c[1], c[2], c[3], c[4], c[5], c[6], c[9], c[10]) for c in imported] == [
        ("公众举报", o[2], o[3], o[4], o[5], o[6], f"open311:cityA:{o[0]}", "reported") for o in originals]
    for new, old in zip(imported, originals):
        assert new[7] == pytest.approx(old[7], abs=0.01) and new[8] == pytest.approx(old[8], abs=0.01)
    with b.cursor() as cur:
        cur.execute("SELECT DISTINCT name, phone FROM citygrid.case_reporter")
        assert cur.fetchall() == [("市民热线平台", "028-12345")]
    b.rollback()

    again = run_import(b_connection, path)
    assert (again["CREATED"], again["ALREADY_KNOWN"], again["PROBLEMS"]) == (0, 3, 0)
    assert again["REPORT"] == "0 new, 3 already there, 0 closed requests skipped"
    assert count(b, "SELECT count(*) FROM citygrid.work_case") == 3


def test_the_export_filters_by_state_and_window(stores, tmp_path):
    (a_connection, _a), _ = stores
    assert export(a_connection, tmp_path / "r.json", STATES=[9])["REQUESTS"] == 0          # 已结案: none
    assert export(a_connection, tmp_path / "r.json", STATES=[0])["REQUESTS"] == 3          # 待受理
    assert export(a_connection, tmp_path / "r.xml", START="2020-01-01T00:00:00",
                  END="2020-02-01T00:00:00")["REQUESTS"] == 0
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))[0]["service_code"] == "E0102"
    with pytest.raises(QgsProcessingException, match="ends in .json or .xml"):
        export(a_connection, tmp_path / "r.csv")


def _row(rid, code="E0102", lat=30.6512, lon=104.0827, description="垃圾", status="open"):
    return {"service_request_id": rid, "status": status, "service_code": code, "description": description,
            "lat": lat, "long": lon, "requested_datetime": "2026-05-01T08:30:00+08:00"}


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_bad_requests_are_refused_with_their_id_and_reason_and_nothing_is_written(stores, tmp_path, fmt):
    (a_connection, a), (b_connection, b) = stores
    export(a_connection, tmp_path / "good.json")
    good = json.loads((tmp_path / "good.json").read_text(encoding="utf-8"))[0]
    rows = [_row("ok", lat=good["lat"], lon=good["long"]),
            _row("no-class", code="E9999", lat=good["lat"], lon=good["long"]),
            _row("bad-code", code="0102", lat=good["lat"], lon=good["long"]),
            _row("far", lat=31.5, lon=104.08),
            _row("swapped", lat=good["long"], lon=good["lat"]),
            _row("empty", description="", lat=good["lat"], lon=good["long"]),
            _row("done", status="closed", lat=good["lat"], lon=good["long"]),
            {**_row("no-lat"), "lat": ""}]
    path = tmp_path / f"bad.{fmt}"
    if fmt == "json":
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text("<service_requests>" + "".join(
            "<request>" + "".join(f"<{k}>{v}</{k}>" for k, v in r.items()) + "</request>" for r in rows)
            + "</service_requests>", encoding="utf-8")
    result = run_import(b_connection, path)
    assert (result["CREATED"], result["ALREADY_KNOWN"], result["SKIPPED_CLOSED"]) == (0, 0, 1)
    report = result["REPORT"]
    assert report.startswith("7 problems, so nothing was imported (all or nothing)")
    assert "request no-class: unknown service_code 'E9999': not a class of this store" in report
    assert "request bad-code: unknown service_code '0102'" in report
    assert "request far: the position (lat 31.5, long 104.08, WGS84) lies outside the district" in report
    assert "request 5 (id swapped): lat and long look exchanged" in report
    assert "request empty: no description: the store needs one" in report
    assert "request 8 (id no-lat): lat is missing" in report
    assert result["PROBLEMS"] == 7   # the swapped request has two
    assert "request ok" not in report and "done" not in report
    assert count(b, "SELECT count(*) FROM citygrid.work_case") == 0


def test_a_public_channel_needs_a_contact_and_the_file_must_be_georeport(stores, tmp_path):
    (a_connection, _a), (b_connection, b) = stores
    path = tmp_path / "r.json"
    export(a_connection, path)
    with pytest.raises(QgsProcessingException, match="公众举报 is a public channel"):
        run_import(b_connection, path, REPORTER="", REPORTER_PHONE="")
    with pytest.raises(QgsProcessingException, match="is not a phone number"):
        run_import(b_connection, path, REPORTER_PHONE="call me")
    with pytest.raises(QgsProcessingException, match="system name"):
        run_import(b_connection, path, system="city A")
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes(json.dumps([_row("1", description="垃圾")], ensure_ascii=False).encode("gbk"))
    with pytest.raises(QgsProcessingException, match="is not UTF-8"):
        run_import(b_connection, gbk)
    assert count(b, "SELECT count(*) FROM citygrid.work_case") == 0
