"""citygrid:importcases through processing.run on a real QGIS connection to a real store: a hotline
export (GBK CSV, WGS84), a GCJ-02 export from a map app, a GeoPackage; every bad row rejected with its
reason and nothing written; a re-import adds nothing; a file mixing encodings refused."""
from __future__ import annotations

from datetime import datetime, timedelta

import processing
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant
from shapely.geometry import box

from citygrid_plugin.core import chinacoords
from citygrid_plugin.core.casefilter import CST
from citygrid_plugin.store import db
from citygrid_plugin.store.grids import replace_grids
from tests.helpers.sql import count

PREFIX = "510104001001"
X0, Y0 = 411_800.0, 3_392_800.0     # EPSG:4544, in Chengdu (104.08° E, 30.65° N): the GCJ-02 offset is real here
HEADER = "工单编号,来源,小类,问题描述,地址,反映人,联系电话,来电时间,经度,纬度"


@pytest.fixture
def store(provider, qgis_connection, store_dsn):
    """A store in Chengdu: one community of 300 × 200 m at (X0, Y0) in 3 × 2 unit grids of 100 m;
    (the QGIS connection name, an owner connection)."""
    conn = db.connect(store_dsn)
    with conn.cursor() as cur:
        cur.execute("""
            INSERT INTO citygrid.district (code, name) VALUES ('510104', '锦江区');
            INSERT INTO citygrid.street (district_code, code, name) VALUES ('510104', '001', '春熙路街道');
            INSERT INTO citygrid.community (district_code, street_code, code, name, boundary)
            VALUES ('510104', '001', '001', '红星路社区', ST_Multi(ST_MakeEnvelope(%s, %s, %s, %s, 4544)));
            INSERT INTO citygrid.department (code, name) VALUES ('HW', '环卫所'), ('SZ', '市政所');
            INSERT INTO citygrid.routing_rule (class_code, street_code, department_code)
            VALUES ('0102', NULL, 'HW');""", (X0, Y0, X0 + 300, Y0 + 200))
    conn.commit()
    replace_grids(conn, {PREFIX: [box(x, y, x + 100, y + 100).wkb for y in (Y0 + 100, Y0)
                                  for x in (X0, X0 + 100, X0 + 200)]})
    yield qgis_connection, conn
    conn.close()


def lonlat(x: float, y: float) -> tuple[float, float]:
    """WGS84 longitude/latitude of a store point."""
    xform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4544"),
                                   QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    p = xform.transform(QgsPointXY(x, y))
    return p.x(), p.y()


def recent(hours: float = 1) -> str:
    return f"{datetime.now(CST) - timedelta(hours=hours):%Y-%m-%d %H:%M}"


def hotline_row(external_id: str, x: float, y: float, system: str = "wgs84", cls: str = "暴露垃圾",
                time: str | None = None, reporter: str = "王先生", phone: str = "13800001111",
                source: str = "12345热线") -> str:
    lon, lat = lonlat(x, y)
    if system == "gcj02":
        lon, lat = chinacoords.wgs84_to_gcj02(lon, lat)
    return (f"{external_id},{source},{cls},小区门口垃圾堆放三天无人清理,红星路二段 {external_id[-2:]} 号,{reporter},"
            f"{phone},{time or recent()},{lon:.8f},{lat:.8f}")


def write_csv(path, rows: list[str], encoding: str = "gbk"):
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode(encoding))
    return str(path)


def run(connection: str, **params) -> dict:
    return processing.run("citygrid:importcases", {"CONNECTION": connection, "REJECTED": "memory:", **params})


def cases(conn) -> list[tuple]:
    with conn.cursor() as cur:
        cur.execute("SELECT external_id, source, kind, class_code, grid_code, ST_X(geom), ST_Y(geom), description, "
                    "address, observed_at FROM citygrid.work_case ORDER BY external_id")
        rows = cur.fetchall()
    conn.rollback()
    return rows


def grid_at(conn, x: float, y: float) -> str:
    with conn.cursor() as cur:
        cur.execute("SELECT code FROM citygrid.grid WHERE retired_at IS NULL AND ST_Contains(geom, "
                    "ST_SetSRID(ST_MakePoint(%s, %s), 4544))", (x, y))
        (code,) = cur.fetchone()
    conn.rollback()
    return code


def reasons(result: dict) -> list[str]:
    layer = result["REJECTED"]
    layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer, "r", "ogr")
    return [f["reason"] for f in layer.getFeatures()]


def test_a_gbk_hotline_export_in_wgs84_becomes_cases_in_their_grids_and_a_rerun_adds_nothing(store, tmp_path):
    connection, conn = store
    points = [(X0 + 50, Y0 + 150), (X0 + 150, Y0 + 50), (X0 + 250, Y0 + 150)]
    path = write_csv(tmp_path / "12345导出.csv", [hotline_row(f"GD2026120600{k}", x, y)
                                                 for k, (x, y) in enumerate(points, 1)])
    result = run(connection, CSV=path, COORDINATES=1)
    assert (result["CREATED"], result["ALREADY_KNOWN"], result["REJECTED_COUNT"]) == (3, 0, 0)
    rows = cases(conn)
    assert [r[:5] for r in rows] == [(f"GD2026120600{k}", "12345热线", "event", "0102", grid_at(conn, x, y))
                                     for k, (x, y) in enumerate(points, 1)]
    for (x, y), row in zip(points, rows):
        assert abs(row[5] - x) < 0.01 and abs(row[6] - y) < 0.01   # 8 decimals of a degree: ~1 mm
    assert rows[0][7] == "小区门口垃圾堆放三天无人清理"                # GBK decoded right
    assert rows[0][9] is not None
    with conn.cursor() as cur:
        cur.execute("SELECT r.name, r.phone FROM citygrid.case_reporter r JOIN citygrid.work_case w ON w.id = "
                    "r.case_id WHERE w.external_id = 'GD20261206001'")
        assert cur.fetchone() == ("王先生", "13800001111")
    conn.rollback()

    again = run(connection, CSV=path, COORDINATES=1)
    assert (again["CREATED"], again["ALREADY_KNOWN"], again["REJECTED_COUNT"]) == (0, 3, 0)
    assert count(conn, "SELECT count(*) FROM citygrid.work_case") == 3
    assert count(conn, "SELECT count(*) FROM citygrid.case_action") == 3   # one 'report' each, no more


def test_gcj02_coordinates_of_a_map_app_are_converted_not_taken_as_wgs84(store, tmp_path):
    connection, conn = store
    path = write_csv(tmp_path / "amap.csv", [hotline_row("AMAP-1", X0 + 150, Y0 + 150, "gcj02")], "utf-8")
    as_wgs84 = run(connection, CSV=path, COORDINATES=1)     # the mistake: GCJ-02 read as GPS
    assert (as_wgs84["CREATED"], as_wgs84["REJECTED_COUNT"]) == (0, 1)
    assert "outside every unit grid" in reasons(as_wgs84)[0]
    result = run(connection, CSV=path, COORDINATES=2)
    assert (result["CREATED"], result["REJECTED_COUNT"]) == (1, 0)
    (row,) = cases(conn)
    assert row[4] == grid_at(conn, X0 + 150, Y0 + 150)
    assert abs(row[5] - (X0 + 150)) < 0.01 and abs(row[6] - (Y0 + 150)) < 0.01   # the iterated inverse: < 1 cm


def test_bd09_coordinates_are_converted_too(store, tmp_path):
    connection, conn = store
    lon, lat = chinacoords.wgs84_to_bd09(*lonlat(X0 + 250, Y0 + 50))
    path = tmp_path / "baidu.csv"
    path.write_text(f"id_no,source,class,description,lng,lat\nBD-1,领导批办,暴露垃圾,垃圾,{lon:.9f},{lat:.9f}\n",
                    encoding="utf-8")
    result = run(connection, CSV=str(path), COORDINATES=3, EXTERNAL_ID_FIELD="id_no")
    assert result["CREATED"] == 1
    (row,) = cases(conn)
    assert row[4] == grid_at(conn, X0 + 250, Y0 + 50)
    assert abs(row[5] - (X0 + 250)) < 0.01 and abs(row[6] - (Y0 + 50)) < 0.01


def test_a_geopackage_in_the_store_crs_with_a_fixed_source_and_kind(store, tmp_path):
    connection, conn = store
    layer = QgsVectorLayer("Point?crs=EPSG:4544", "cases", "memory")
    layer.dataProvider().addAttributes([QgsField(n, QVariant.String) for n in ("编号", "class_code", "描述", "地址")]
                                       + [QgsField("发现时间", QVariant.DateTime)])
    layer.updateFields()
    seen = datetime.now(CST).replace(microsecond=0) - timedelta(hours=2)   # Beijing wall time, no zone in the file
    for k, (x, y) in enumerate([(X0 + 20, Y0 + 20), (X0 + 120, Y0 + 180)], 1):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"V-{k}", "0102", f"视频巡查发现 {k}", None,
                         QDateTime(QDate(seen.year, seen.month, seen.day), QTime(seen.hour, seen.minute, seen.second))])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        layer.dataProvider().addFeature(f)
    gpkg = str(tmp_path / "video.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, gpkg, QgsProject.instance().transformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    # "0102" is both an event (暴露垃圾) and a component class (污水井盖): without the kind it is refused
    ambiguous = run(connection, INPUT=gpkg, SOURCE="视频监控")
    assert ambiguous["REJECTED_COUNT"] == 2 and "ambiguous" in reasons(ambiguous)[0]
    assert count(conn, "SELECT count(*) FROM citygrid.work_case") == 0
    result = run(connection, INPUT=gpkg, SOURCE="视频监控", KIND=1)
    assert (result["CREATED"], result["REJECTED_COUNT"]) == (2, 0)
    rows = cases(conn)
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("V-1", "视频监控", "event", "0102", grid_at(conn, X0 + 20, Y0 + 20)),
        ("V-2", "视频监控", "event", "0102", grid_at(conn, X0 + 120, Y0 + 180))]
    assert abs(rows[0][5] - (X0 + 20)) < 1e-6
    assert rows[0][9] == seen            # a date-time without zone is Beijing time, as the platforms write it


def test_every_bad_row_is_rejected_with_its_reason_and_nothing_is_written(store, tmp_path):
    connection, conn = store
    good = hotline_row("OK-01", X0 + 50, Y0 + 50)
    lon, lat = lonlat(X0 + 150, Y0 + 50)
    rows = [
        good,                                                                    # line 2
        hotline_row("BAD-03", X0 + 50, Y0 + 50, cls="外星人降落"),                  # line 3: unknown class
        hotline_row("BAD-04", X0 + 50, Y0 + 2000),                               # line 4: outside the district
        hotline_row("BAD-05", X0 + 50, Y0 + 50, time="2026-13-45 25:00"),        # line 5: bad date
        f"BAD-06,12345热线,暴露垃圾,垃圾,红星路,王先生,13800001111,{recent()},{lat:.8f},{lon:.8f}",  # line 6: swapped
        hotline_row("BAD-07", X0 + 50, Y0 + 50, reporter="", phone=""),          # line 7: public, no reporter
        hotline_row("BAD-08", X0 + 50, Y0 + 50, time=recent(24 * 10)),           # line 8: older than the store takes
    ]
    path = write_csv(tmp_path / "bad.csv", rows)
    result = run(connection, CSV=path, COORDINATES=1)
    assert (result["CREATED"], result["ALREADY_KNOWN"], result["REJECTED_COUNT"]) == (0, 0, 6)
    assert count(conn, "SELECT count(*) FROM citygrid.work_case") == 0        # all or nothing: not even OK-01
    layer = result["REJECTED"]
    layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer, "r", "ogr")
    got = {f["工单编号"]: f["reason"] for f in layer.getFeatures()}
    assert set(got) == {"BAD-03", "BAD-04", "BAD-05", "BAD-06", "BAD-07", "BAD-08"}
    assert got["BAD-03"].startswith("line 3:") and "class '外星人降落'" in got["BAD-03"]
    assert got["BAD-04"].startswith("line 4:") and "outside every unit grid" in got["BAD-04"]
    assert got["BAD-05"].startswith("line 5:") and "'2026-13-45 25:00'" in got["BAD-05"] \
        and "not a date and time" in got["BAD-05"]
    assert got["BAD-06"].startswith("line 6:") and "look swapped" in got["BAD-06"] \
        and "latitude and longitude columns are exchanged" in got["BAD-06"]
    assert got["BAD-07"].startswith("line 7:") and "12345热线 is a public channel" in got["BAD-07"] \
        and "reporter's name and phone" in got["BAD-07"]
    assert got["BAD-08"].startswith("line 8:") and "more than 3 days ago" in got["BAD-08"]
    # the original attributes are kept, so the rows can be corrected and imported again
    feature = next(f for f in layer.getFeatures() if f["工单编号"] == "BAD-04")
    assert feature["问题描述"] == "小区门口垃圾堆放三天无人清理" and feature.hasGeometry()

    fixed = write_csv(tmp_path / "fixed.csv", [good, hotline_row("BAD-03", X0 + 50, Y0 + 50)])
    result = run(connection, CSV=fixed, COORDINATES=1)
    assert (result["CREATED"], result["REJECTED_COUNT"]) == (2, 0)


def test_a_file_mixing_utf8_and_gbk_is_refused_with_the_lines(store, tmp_path):
    connection, conn = store
    path = tmp_path / "mixed.csv"
    path.write_bytes(HEADER.encode("utf-8") + b"\r\n" + hotline_row("M-1", X0 + 50, Y0 + 50).encode("utf-8")
                     + b"\r\n" + hotline_row("M-2", X0 + 50, Y0 + 50).encode("gbk") + b"\r\n")
    with pytest.raises(QgsProcessingException, match=r"mixed encodings: line 1 is UTF-8 but line 3 is GBK.*one "
                                                     r"encoding"):
        run(connection, CSV=str(path), COORDINATES=1)
    assert count(conn, "SELECT count(*) FROM citygrid.work_case") == 0


def test_a_missing_external_id_column_stops_the_import_before_reading_rows(store, tmp_path):
    connection, _conn = store
    path = tmp_path / "noid.csv"
    path.write_text("来源,小类,问题描述,经度,纬度\n领导批办,暴露垃圾,垃圾,104.08,30.65\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="EXTERNAL_ID_FIELD"):
        run(connection, CSV=str(path), COORDINATES=1)
