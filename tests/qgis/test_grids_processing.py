"""Unit grids through Processing on the sample district: partition → code → validate, and the
bad inputs a GIS technician meets (degrees, overlapping communities, wrong key field)."""
from __future__ import annotations

from pathlib import Path

import processing
import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
from tests.helpers.sample import SAMPLE_GPKG as SAMPLE  # noqa: E402  (a copy: QGIS touches GeoPackages)

KEY = 'district_code || street_code || community_code'


def sample_communities():
    return f"{SAMPLE}|layername=communities"


def test_partition_code_validate_the_sample(provider, qgis_connection, cluster, fresh_db):
    part = processing.run("citygrid:partitiongrids", {
        "BARRIERS": [f"{SAMPLE}|layername=roads"], "COMMUNITIES": sample_communities(), "COMMUNITY_KEY": KEY,
        "OUTPUT": "memory:"})
    layer = part["OUTPUT"]
    assert layer.featureCount() == part["COUNT"] > 500
    assert part["SHARE_WITHIN_BOUNDS"] >= 0.9 and 6000 <= part["AREA_MEDIAN"] <= 14000
    assert 0 < part["BOUNDARY_ADHERENCE"] <= 1 and 0.5 < part["POLSBY_POPPER_MEDIAN"] < 1
    communities = QgsVectorLayer(sample_communities(), "c", "ogr")
    total = sum(f.geometry().area() for f in communities.getFeatures())
    assert abs(sum(f.geometry().area() for f in layer.getFeatures()) - total) < 1.0  # exact tiling
    assert all(not f.geometry().isMultipart() and f.geometry().isGeosValid() for f in layer.getFeatures())

    processing.run("citygrid:createstore", {"CONNECTION": qgis_connection})
    processing.run("citygrid:importdivisions", {
        "CONNECTION": qgis_connection, "DISTRICT_CODE": "510104", "DISTRICT_NAME": "锦江区（示例）",
        "STREETS": f"{SAMPLE}|layername=streets", "COMMUNITIES": sample_communities()})
    coded = processing.run("citygrid:codegrids", {"CONNECTION": qgis_connection, "INPUT": layer,
                                                  "OUTPUT": "memory:"})
    assert coded["NEW"] == part["COUNT"] and coded["RETIRED"] == 0
    codes = [f["code"] for f in coded["OUTPUT"].getFeatures()]
    assert len(set(codes)) == len(codes) and all(len(c) == 15 and c.startswith("510104") for c in codes)
    again = processing.run("citygrid:codegrids", {"CONNECTION": qgis_connection, "INPUT": layer})
    assert again["KEPT"] == part["COUNT"] and again["NEW"] == 0  # re-coding unchanged grids keeps codes

    check = processing.run("citygrid:validategrids", {
        "INPUT": layer_from_store(cluster, fresh_db), "COMMUNITIES": sample_communities(), "COMMUNITY_KEY": KEY,
        "OUTPUT": "memory:"})
    assert check["PASSED"] == 1 and check["ERRORS"] == 0


def layer_from_store(cluster, dbname):
    p = cluster.client_params(dbname)
    uri = (f"dbname='{p['dbname']}' host={p['host']} port={p['port']} user='{p['user']}' key='id' "
           f"table=\"citygrid\".\"grid\" (geom) sql=\"retired_at\" IS NULL")
    layer = QgsVectorLayer(uri, "grids", "postgres")
    assert layer.isValid()
    return layer


def memory_polygons(crs, rows, fields="field=key:string"):
    layer = QgsVectorLayer(f"Polygon?crs={crs}&{fields}", "m", "memory")
    feats = []
    for key, wkt in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes([key])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_communities_in_degrees_are_reprojected_and_said_so(provider):
    # about 250 m × 200 m near Chengdu, in CGCS2000 geographic degrees
    comm = memory_polygons("EPSG:4490", [("510104001001", "POLYGON((104.07 30.65,104.0726 30.65,104.0726 30.6518,"
                                                          "104.07 30.6518,104.07 30.65))")])
    res = processing.run("citygrid:partitiongrids", {"COMMUNITIES": comm, "COMMUNITY_KEY": '"key"',
                                                     "OUTPUT": "memory:"})
    out = res["OUTPUT"]
    assert out.crs().authid() == "EPSG:4544"
    assert res["COUNT"] >= 3 and res["SHARE_WITHIN_BOUNDS"] == 1.0  # no barriers: split by area only
    assert all(f["community"] == "510104001001" for f in out.getFeatures())


def test_overlapping_communities_are_listed(provider):
    comm = memory_polygons("EPSG:4544", [
        ("510104001001", "POLYGON((0 0,200 0,200 200,0 200,0 0))"),
        ("510104001002", "POLYGON((150 0,350 0,350 200,150 200,150 0))")])
    with pytest.raises(QgsProcessingException) as err:
        processing.run("citygrid:partitiongrids", {"COMMUNITIES": comm, "COMMUNITY_KEY": '"key"', "OUTPUT": "memory:"})
    assert "510104001001" in str(err.value) and "510104001002" in str(err.value)


def test_bad_community_keys_are_named(provider):
    comm = memory_polygons("EPSG:4544", [("5101040010", "POLYGON((0 0,200 0,200 200,0 200,0 0))")])
    with pytest.raises(QgsProcessingException, match="community code '5101040010' must be 12 digits"):
        processing.run("citygrid:partitiongrids", {"COMMUNITIES": comm, "COMMUNITY_KEY": '"key"', "OUTPUT": "memory:"})


def test_validation_gate_fails_on_overlap(provider):
    grids = memory_polygons("EPSG:4544", [
        ("510104001001001", "POLYGON((0 0,100 0,100 100,0 100,0 0))"),
        ("510104001001002", "POLYGON((90 0,200 0,200 100,90 100,90 0))")], fields="field=code:string")
    res = processing.run("citygrid:validategrids", {"INPUT": grids, "OUTPUT": "memory:"})
    assert res["PASSED"] == 0 and res["ERRORS"] >= 1
    problems = list(res["OUTPUT"].getFeatures())
    overlap = [p for p in problems if p["check"] == "overlap"]
    assert len(overlap) == 1 and abs(overlap[0].geometry().area() - 1000) < 1
    with pytest.raises(QgsProcessingException, match="FAILED"):
        processing.run("citygrid:validategrids", {"INPUT": grids, "FAIL_ON_ERROR": True})
