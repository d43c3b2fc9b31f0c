"""Invalid, empty, huge and wrong-CRS geometries, property-based, against a real store.

The component import (the store function for scripts, and ``citygrid:importcomponents`` for
layers in any CRS) and the case report (``report_case``) get self-intersecting polygons, empty
geometries, coordinates of 1e300, NaN and infinity, degrees where metres belong, extended WKB in
another CRS, truncated WKB and layers whose CRS is declared wrong. Each such row is refused with
a reason that says what is wrong (never an SQL error that aborts the batch), good rows beside
them still import, and the store is otherwise left exactly as it was.
"""
from __future__ import annotations

import struct

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, Polygon

from citygrid_plugin.store.cases import CaseRefused, report_case
from citygrid_plugin.store.components import ComponentRow, import_components
from tests.helpers.faults import fingerprint
from tests.helpers.property import HEIGHT, WIDTH, X0, Y0

DB = settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
POINT, POLYGON = "0101", "0201"   # 上水井盖 (point), 停车场 (polygon)

inside_x = st.floats(X0 + 1, X0 + WIDTH - 1)
inside_y = st.floats(Y0 + 1, Y0 + HEIGHT - 1)


def point_wkb(x: float, y: float, srid: int | None = None) -> bytes:
    if srid is None:
        return struct.pack("<BIdd", 1, 1, x, y)
    return struct.pack("<BIIdd", 1, 0x20000001, srid, x, y)   # EWKB with its SRID


@st.composite
def bowtie(draw):
    x, y = draw(inside_x), draw(inside_y)
    d = draw(st.floats(0.5, 20))
    return POLYGON, Polygon([(x, y), (x + d, y + d), (x + d, y), (x, y + d), (x, y)]).wkb, "invalid geometry: Self-"


EMPTIES = [bytes.fromhex("0101000000000000000000F87F000000000000F87F"),   # POINT EMPTY
           bytes.fromhex("010200000000000000"),                              # LINESTRING EMPTY
           bytes.fromhex("010300000000000000"),                              # POLYGON EMPTY
           bytes.fromhex("010400000000000000"),                              # MULTIPOINT EMPTY
           bytes.fromhex("010700000000000000")]                              # GEOMETRYCOLLECTION EMPTY
huge = st.floats(1e8, 1e308) | st.floats(-1e308, -1e8)
non_finite = st.sampled_from([float("nan"), float("inf"), float("-inf")])

bad_rows = st.one_of(
    bowtie(),
    st.sampled_from(EMPTIES).map(lambda w: (POINT, w, "empty geometry")),
    st.tuples(huge, st.floats(Y0, Y0 + HEIGHT) | huge).map(
        lambda xy: (POINT, point_wkb(*xy), "lies outside every unit grid, at (")),
    st.tuples(non_finite, inside_y).map(lambda xy: (POINT, point_wkb(*xy), "invalid geometry: Invalid Coordinate")),
    st.tuples(st.floats(73, 135), st.floats(18, 54)).map(      # degrees in a store in metres
        lambda xy: (POINT, point_wkb(*xy), "check the coordinates and their CRS")),
    st.tuples(inside_x, inside_y, st.sampled_from([4326, 3857, 4490, 4545])).map(
        lambda v: (POINT, point_wkb(v[0], v[1], v[2]),
                   f"the geometry is in EPSG:{v[2]}, not in the store's EPSG:4544")),
    st.tuples(inside_x, inside_y, st.integers(1, 20)).map(      # cut short in the middle of the coordinates
        lambda v: (POINT, point_wkb(v[0], v[1])[:-v[2]], "the geometry cannot be read")),
)


def rows_of(bad, good=()):
    rows = [ComponentRow(f"bad {i}", {"class_code": cls, "dept1_code": "SZ"}, wkb) for i, (cls, wkb, _r) in
            enumerate(bad)]
    rows += [ComponentRow(f"good {i}", {"class_code": POINT, "dept1_code": "SZ", "note": f"good {i}"}, Point(x, y).wkb)
             for i, (x, y) in enumerate(good)]
    return rows


@DB
@given(st.lists(bad_rows, min_size=1, max_size=6))
def test_bad_geometries_are_each_refused_with_their_reason_and_change_nothing(prop_conn, bad):
    before = fingerprint(prop_conn)
    report = import_components(prop_conn, rows_of(bad))
    assert report.imported == [] and report.duplicates == []
    reasons = dict((ref, reason) for ref, reason, _wkb in report.rejected)
    assert len(reasons) == len(bad)
    for i, (_cls, _wkb, expected) in enumerate(bad):
        assert expected in reasons[f"bad {i}"], (reasons[f"bad {i}"], expected)
        assert len(reasons[f"bad {i}"]) < 400          # a reason, not a wall of digits
    assert fingerprint(prop_conn) == before


@DB
@given(st.lists(bad_rows, min_size=1, max_size=4),
       st.lists(st.tuples(inside_x, inside_y), min_size=1, max_size=3, unique_by=lambda p: (round(p[0]), round(p[1]))))
def test_good_rows_beside_bad_geometries_still_import_and_every_row_is_accounted_for(prop_conn, bad, good):
    assume(all(abs(a[0] - b[0]) > 3 or abs(a[1] - b[1]) > 3 for i, a in enumerate(good) for b in good[i + 1:]))
    with prop_conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM citygrid.component")
        count = cur.fetchone()[0]
    prop_conn.rollback()
    report = import_components(prop_conn, rows_of(bad, good))
    assert report.total == len(bad) + len(good)                    # nothing silently dropped
    assert {ref for ref, _r, _w in report.rejected} == {f"bad {i}" for i in range(len(bad))}
    with prop_conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM citygrid.component")
        assert cur.fetchone()[0] == count + len(report.imported)
    prop_conn.rollback()
    assert {ref for ref, _c in report.imported} | {ref for ref, *_ in report.duplicates} == \
        {f"good {i}" for i in range(len(good))}


def test_a_huge_but_valid_polygon_imports_and_a_huge_invalid_one_is_refused(prop_conn):
    """100,000 vertices: a valid ring is a car park like any other; the same ring with a twist is
    refused with the place of the self-intersection, not a timeout or an SQL error."""
    circle = Point(X0 + 250, Y0 + 50).buffer(40, resolution=25_000)
    assert len(circle.exterior.coords) > 100_000
    coords = list(circle.exterior.coords)
    twisted = Polygon(coords[:50_000] + [coords[50_001], coords[50_000]] + coords[50_002:])
    report = import_components(prop_conn, [
        ComponentRow("huge", {"class_code": POLYGON, "dept1_code": "SZ"}, circle.wkb),
        ComponentRow("twisted", {"class_code": POLYGON, "dept1_code": "SZ"}, twisted.wkb)])
    assert [ref for ref, _c in report.imported] == ["huge"]
    assert report.rejected[0][0] == "twisted" and report.rejected[0][1].startswith("invalid geometry: ")


WRONG_CRS = {  # declared CRS of a layer whose numbers are really EPSG:4544 metres, or degrees declared as metres
    "EPSG:4326": "metres", "EPSG:4490": "metres", "EPSG:3857": "metres", "EPSG:4545": "metres",
    "EPSG:4544": "degrees"}


@DB
@given(st.sampled_from(sorted(WRONG_CRS)), st.lists(st.tuples(inside_x, inside_y), min_size=1, max_size=4))
def test_a_layer_with_a_wrong_crs_is_refused_row_by_row_with_a_crs_hint(prop_qgis, prop_conn, crs, points):
    """A layer whose CRS is declared wrong (metres said to be degrees, degrees said to be metres,
    the neighbouring zone): every feature refused with a reason pointing at the coordinates or
    the CRS, not a Python traceback; nothing stored."""
    import processing
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(f"Point?crs={crs}&field=class_code:string&field=dept1_code:string", "wrong", "memory")
    features = []
    for x, y in points:
        if WRONG_CRS[crs] == "degrees":
            x, y = 104.0 + (x - X0) / 1e5, 30.6 + (y - Y0) / 1e5
        feature = QgsFeature(layer.fields())
        feature.setAttributes([POINT, "SZ"])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    before = fingerprint(prop_conn)
    res = processing.run("citygrid:importcomponents", {"CONNECTION": prop_qgis, "INPUT": layer, "REJECTED": "memory:"})
    assert (res["IMPORTED"], res["REJECTED_COUNT"], res["DUPLICATE_COUNT"]) == (0, len(points), 0)
    for feature in res["REJECTED"].getFeatures():
        reason = feature["reason"]
        assert "check the coordinates and their CRS" in reason or (
            f"cannot be reprojected from {crs}" in reason and "are the coordinates really in" in reason), reason
    assert fingerprint(prop_conn) == before


@DB
@given(st.one_of(st.tuples(huge | non_finite, st.floats(allow_nan=True)),
                 st.tuples(st.floats(allow_nan=True), huge | non_finite),
                 st.tuples(st.floats(73, 135), st.floats(18, 54))))
def test_a_case_reported_off_every_grid_is_refused_and_changes_nothing(prop_conn, xy):
    """Degrees, NaN, infinity, 1e300: a refusal that says the place lies outside every grid."""
    x, y = xy
    before = fingerprint(prop_conn)
    with pytest.raises(CaseRefused, match=r"^case at \(.*\) lies outside every unit grid$"):
        report_case(prop_conn, "监督员上报", "event", "0102", "暴露垃圾", x, y)
    assert fingerprint(prop_conn) == before
