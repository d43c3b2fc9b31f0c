"""Store algorithms through processing.run, on a real QGIS PostgreSQL connection."""
from __future__ import annotations

from pathlib import Path

import processing
import pytest
from qgis.core import QgsProcessingException

from citygrid_plugin.store import db, migrate

ROOT = Path(__file__).resolve().parents[2]
from tests.helpers.sample import SAMPLE_GPKG as SAMPLE  # noqa: E402  (a copy: QGIS touches GeoPackages)

DEPARTMENTS = ROOT / "data_samples" / "departments_gbk.csv"


def counts(dsn):
    from citygrid_plugin.store.summary import counts as c

    conn = db.connect(dsn)
    try:
        return c(conn)
    finally:
        conn.close()


def test_createstore_creates_then_is_a_noop(provider, qgis_connection, cluster, fresh_db):
    first = processing.run("citygrid:createstore", {"CONNECTION": qgis_connection, "CRS": "EPSG:4544"})
    assert first["VERSION"] == migrate.discover()[-1].version
    assert first["APPLIED"] == len(migrate.discover())
    assert first["SRID"] == 4544
    n = counts(cluster.dsn(fresh_db))
    assert n["component classes 2013"] > 80 and n["event classes 2026"] > 200
    second = processing.run("citygrid:createstore", {"CONNECTION": qgis_connection})
    assert second["APPLIED"] == 0 and second["VERSION"] == first["VERSION"]


def test_createstore_refuses_geographic_crs_and_missing_connection(provider, qgis_connection):
    with pytest.raises(QgsProcessingException, match="geographic"):
        processing.run("citygrid:createstore", {"CONNECTION": qgis_connection, "CRS": "EPSG:4490"})
    with pytest.raises(QgsProcessingException, match="no QGIS PostgreSQL connection named 'nope'"):
        processing.run("citygrid:createstore", {"CONNECTION": "nope"})


def test_errors_reach_the_user_in_chinese_by_default(provider, qgis_connection):
    from citygrid_plugin import i18n

    try:
        i18n.install("zh_CN")
        with pytest.raises(QgsProcessingException, match="地理坐标系"):
            processing.run("citygrid:createstore", {"CONNECTION": qgis_connection, "CRS": "EPSG:4490"})
    finally:
        i18n.install("en")


def test_import_sample_divisions_and_gbk_departments(provider, qgis_connection, cluster, fresh_db):
    processing.run("citygrid:createstore", {"CONNECTION": qgis_connection})
    res = processing.run("citygrid:importdivisions", {
        "CONNECTION": qgis_connection, "DISTRICT_CODE": "510104", "DISTRICT_NAME": "锦江区（示例）",
        "STREETS": f"{SAMPLE}|layername=streets", "COMMUNITIES": f"{SAMPLE}|layername=communities"})
    from qgis.core import QgsVectorLayer

    n_comm = QgsVectorLayer(f"{SAMPLE}|layername=communities", "c", "ogr").featureCount()
    n_street = QgsVectorLayer(f"{SAMPLE}|layername=streets", "s", "ogr").featureCount()
    assert res["COMMUNITIES_LOADED"] == n_comm and res["STREETS_LOADED"] == n_street
    dep = processing.run("citygrid:importdepartments", {"CONNECTION": qgis_connection, "INPUT": str(DEPARTMENTS)})
    assert dep["INSERTED"] == 16
    conn = db.connect(cluster.dsn(fresh_db))
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT name FROM citygrid.department WHERE code = 'SZ'")
            assert cur.fetchone()[0] == "区市政设施管理所"  # GBK decoded correctly
            cur.execute("SELECT abs(ST_Area(d.boundary) - (SELECT sum(ST_Area(boundary)) FROM citygrid.community)) "
                        "FROM citygrid.district d")
            assert cur.fetchone()[0] < 1.0  # communities tile the district
    finally:
        conn.close()
    # re-import is an update, not a duplicate
    again = processing.run("citygrid:importdepartments", {"CONNECTION": qgis_connection, "INPUT": str(DEPARTMENTS)})
    assert again["INSERTED"] == 0


def test_bad_divisions_are_listed_and_nothing_is_written(provider, qgis_connection, cluster, fresh_db, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    processing.run("citygrid:createstore", {"CONNECTION": qgis_connection})
    streets = QgsVectorLayer("MultiPolygon?crs=EPSG:4544&field=street_code:string&field=name:string", "s", "memory")
    comms = QgsVectorLayer("MultiPolygon?crs=EPSG:4544&field=street_code:string&field=community_code:string"
                           "&field=name:string", "c", "memory")
    square = QgsGeometry.fromWkt("MULTIPOLYGON(((500000 3400000,500100 3400000,500100 3400100,500000 3400100,"
                                 "500000 3400000)))")
    bowtie = QgsGeometry.fromWkt("MULTIPOLYGON(((500000 3400000,500100 3400100,500100 3400000,500000 3400100,"
                                 "500000 3400000)))")
    for layer, rows in ((streets, [("001", "甲街道", square), ("1A", "乙街道", square)]),
                        (comms, [("001", "001", "一社区", square), ("001", "002", "二社区", bowtie),
                                 ("009", "001", "孤儿社区", square)])):
        feats = []
        for *attrs, geom in rows:
            f = QgsFeature(layer.fields())
            f.setAttributes(list(attrs))
            f.setGeometry(geom)
            feats.append(f)
        layer.dataProvider().addFeatures(feats)
    with pytest.raises(QgsProcessingException) as err:
        processing.run("citygrid:importdivisions", {
            "CONNECTION": qgis_connection, "DISTRICT_CODE": "510104", "DISTRICT_NAME": "测试区",
            "STREETS": streets, "COMMUNITIES": comms})
    message = str(err.value)
    assert "street code '1A' must be 3 digits" in message
    assert "feature 2" in message and "invalid" in message  # the bow-tie, by feature id
    assert "street 009, which is not in the streets layer" in message
    n = counts(cluster.dsn(fresh_db))
    assert n["districts"] == n["streets"] == n["communities"] == 0


def test_algorithms_on_a_database_without_store_say_what_to_run(provider, qgis_connection):
    with pytest.raises(QgsProcessingException, match="holds no CityGrid store; run “Create or upgrade"):
        processing.run("citygrid:importdivisions", {
            "CONNECTION": qgis_connection, "DISTRICT_CODE": "510104", "DISTRICT_NAME": "x",
            "STREETS": f"{SAMPLE}|layername=streets", "COMMUNITIES": f"{SAMPLE}|layername=communities"})
