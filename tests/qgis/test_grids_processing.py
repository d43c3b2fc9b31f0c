"""Unit grids through Processing on the sample district: partition → code → validate, and the
bad inputs a GIS technician meets (degrees, overlapping communities, wrong key field); road classes,
obstacles, processes and the 999 grids a community can code (issue 20)."""
from __future__ import annotations

from pathlib import Path

import processing
import psycopg2
import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

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


# -- issue 20: road classes, obstacles, processes, capacity -------------------------------------------------------
class Feedback(QgsProcessingFeedback):
    """Keeps the warnings a technician would read in the log."""

    def __init__(self):
        super().__init__()
        self.warnings: list[str] = []

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)


def memory_lines(rows, name="roads", fields="field=highway:string"):
    layer = QgsVectorLayer(f"LineString?crs=EPSG:4544&{fields}", name, "memory")
    feats = []
    for value, wkt in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes([value])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


# 300 m × 100 m: a primary road at x=100, a residential road at x=130 and one at y=50 east of it. The 30 m
# wide block between the two roads (3,000 m², below the 4,000 m² lower bound) shares 100 m with the west
# block across the primary road and 50 m with each east block across the residential ones.
CLASS_COMMUNITY = ("510104001001", "POLYGON((0 0,300 0,300 100,0 100,0 0))")
PRIMARY = "LINESTRING(100 -10,100 110)"
LOCAL = ["LINESTRING(130 -10,130 110)", "LINESTRING(130 50,310 50)"]


def straddles_x100(layer) -> int:
    """Grids with land on both sides of the primary road at x = 100."""
    return sum(1 for f in layer.getFeatures()
               if f.geometry().boundingBox().xMinimum() < 99 and f.geometry().boundingBox().xMaximum() > 101)


def test_the_road_class_keeps_merges_off_a_primary_road(provider):
    comm = memory_polygons("EPSG:4544", [CLASS_COMMUNITY])
    roads = memory_lines([("primary", PRIMARY), ("residential", LOCAL[0]), ("residential", LOCAL[1])])
    base = {"BARRIERS": [roads], "COMMUNITIES": comm, "COMMUNITY_KEY": '"key"', "WORKERS": 1, "OUTPUT": "memory:"}
    plain = processing.run("citygrid:partitiongrids", base)
    assert straddles_x100(plain["OUTPUT"]) == 1  # without classes: the longest shared edge, across the primary road
    classed = processing.run("citygrid:partitiongrids", {**base, "BARRIER_CLASS": '"highway"'})
    assert straddles_x100(classed["OUTPUT"]) == 0 and classed["STRADDLING_MAJOR"] == 0
    assert abs(sum(f.geometry().area() for f in classed["OUTPUT"].getFeatures()) - 30000) < 0.5

    # the same classes from layer names (a CASS/DXF drawing has a layer per road class)
    primary = memory_lines([(None, PRIMARY)], name="主干路")
    local = memory_lines([(None, w) for w in LOCAL], name="支路")
    by_layer = processing.run("citygrid:partitiongrids", {**base, "BARRIERS": [primary, local],
                                                          "BARRIER_CLASS": "@layer_name"})
    assert straddles_x100(by_layer["OUTPUT"]) == 0


def test_unknown_road_classes_are_listed_once_per_layer(provider):
    comm = memory_polygons("EPSG:4544", [CLASS_COMMUNITY])
    roads = memory_lines([("primary", PRIMARY), ("cart_track", LOCAL[0]), ("cart_track", LOCAL[1]),
                          (None, "LINESTRING(0 50,100 50)")])
    feedback = Feedback()
    processing.run("citygrid:partitiongrids", {"BARRIERS": [roads], "BARRIER_CLASS": '"highway"', "COMMUNITIES": comm,
                                               "COMMUNITY_KEY": '"key"', "WORKERS": 1, "OUTPUT": "memory:"},
                   feedback=feedback)
    unknown = [w for w in feedback.warnings if "does not know" in w]
    assert len(unknown) == 1 and "roads: 2 features" in unknown[0] and "cart_track" in unknown[0]
    assert any("roads: 1 features have no road class" in w for w in feedback.warnings)


def test_a_bad_road_class_expression_is_refused(provider):
    comm = memory_polygons("EPSG:4544", [CLASS_COMMUNITY])
    roads = memory_lines([("primary", PRIMARY)])
    base = {"BARRIERS": [roads], "COMMUNITIES": comm, "COMMUNITY_KEY": '"key"', "OUTPUT": "memory:"}
    with pytest.raises(QgsProcessingException, match="the road class expression .* is not valid: .*syntax error"):
        processing.run("citygrid:partitiongrids", {**base, "BARRIER_CLASS": 'upper("highway"'})
    with pytest.raises(QgsProcessingException, match="roads: the road class expression \"fclass\" cannot be evaluated"):
        processing.run("citygrid:partitiongrids", {**base, "BARRIER_CLASS": '"fclass"'})


def crossed(grid_layer, buildings) -> int:
    """Buildings whose inside (half a metre in from the walls) a grid edge passes through."""
    from shapely import wkb
    from shapely.ops import unary_union

    edges = unary_union([wkb.loads(bytes(f.geometry().asWkb())).boundary for f in grid_layer.getFeatures()])
    return sum(1 for b in buildings if b.buffer(-0.5).intersects(edges))


def test_obstacles_keep_cuts_between_the_buildings(provider):
    from shapely.geometry import box

    # a road-free superblock 400 m × 300 m with rows of 30 m × 14 m houses, 10 m apart in a row, rows 16 m apart
    comm = memory_polygons("EPSG:4544", [("510104001001", "POLYGON((0 0,400 0,400 300,0 300,0 0))")])
    houses = [box(x + 5, y + 8, x + 35, y + 22) for x in range(0, 400, 40) for y in range(0, 300, 30)]
    layer = memory_polygons("EPSG:4544", [("", h.wkt) for h in houses])
    base = {"COMMUNITIES": comm, "COMMUNITY_KEY": '"key"', "WORKERS": 1, "OUTPUT": "memory:"}
    straight = processing.run("citygrid:partitiongrids", base)
    assert straight["BUILDINGS_CROSSED"] == -1  # no obstacles given
    avoiding = processing.run("citygrid:partitiongrids", {**base, "OBSTACLES": [layer]})
    assert avoiding["BUILDINGS_CROSSED"] == crossed(avoiding["OUTPUT"], houses)
    assert avoiding["BUILDINGS_CROSSED"] < crossed(straight["OUTPUT"], houses)
    assert abs(sum(f.geometry().area() for f in avoiding["OUTPUT"].getFeatures()) - 120000) < 0.5


def test_two_processes_give_the_grids_of_one(provider):
    # the sample's first street (5 communities) with its road classes (主干路 … 街巷) and its buildings
    base = {"BARRIERS": [f"{SAMPLE}|layername=roads"], "BARRIER_CLASS": '"road_class"',
            "OBSTACLES": [f"{SAMPLE}|layername=buildings"],
            "COMMUNITIES": f"{sample_communities()}|subset=\"street_code\" = '001'", "COMMUNITY_KEY": KEY,
            "OUTPUT": "memory:"}
    one = processing.run("citygrid:partitiongrids", {**base, "WORKERS": 1})
    two = processing.run("citygrid:partitiongrids", {**base, "WORKERS": 2})

    def rows(layer):
        return [(f.attributes(), bytes(f.geometry().asWkb())) for f in layer.getFeatures()]

    assert one["COUNT"] > 100 and rows(one["OUTPUT"]) == rows(two["OUTPUT"])
    assert len({f["community"] for f in one["OUTPUT"].getFeatures()}) == 5
    assert {k: v for k, v in one.items() if k != "OUTPUT"} == {k: v for k, v in two.items() if k != "OUTPUT"}


def test_coding_more_than_999_grids_in_a_community_is_refused_and_codes_nothing(
        provider, qgis_connection, cluster, fresh_db):
    processing.run("citygrid:createstore", {"CONNECTION": qgis_connection})
    processing.run("citygrid:importdivisions", {
        "CONNECTION": qgis_connection, "DISTRICT_CODE": "510104", "DISTRICT_NAME": "锦江区（示例）",
        "STREETS": f"{SAMPLE}|layername=streets", "COMMUNITIES": sample_communities()})
    communities = QgsVectorLayer(sample_communities(), "c", "ogr")
    community = next(communities.getFeatures())
    key = "".join(community[k] for k in ("district_code", "street_code", "community_code"))
    shape = community.geometry()
    box_ = shape.boundingBox()
    side = (shape.area() / 1200) ** 0.5  # cells of a lattice over the community, cut along its boundary
    rows = []
    y = box_.yMinimum()
    while y < box_.yMaximum():
        x = box_.xMinimum()
        while x < box_.xMaximum():
            cell = QgsGeometry.fromRect(QgsRectangle(x, y, x + side, y + side)).intersection(shape)
            if not cell.isEmpty() and not cell.isMultipart() and cell.area() > 1.0 \
                    and QgsWkbTypes.flatType(cell.wkbType()) == QgsWkbTypes.Polygon:
                rows.append((key, cell.asWkt()))
            x += side
        y += side
    assert len(rows) > 999
    cells = memory_polygons("EPSG:4544", rows, fields="field=community:string")
    with pytest.raises(QgsProcessingException) as err:
        processing.run("citygrid:codegrids", {"CONNECTION": qgis_connection, "INPUT": cells})
    assert str(err.value) == (f"grids not coded, nothing was changed: community {key} has {len(rows)} grids; "
                              "at most 999 per community: split it")
    conn = psycopg2.connect(cluster.dsn(fresh_db))
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM citygrid.grid")
            assert cur.fetchone()[0] == 0
    finally:
        conn.close()
