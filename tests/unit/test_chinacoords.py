"""WGS84 ↔ GCJ-02 ↔ BD-09: the published reference values, round trips to < 1 mm, the identity
outside China, and a clear error for an unknown system name."""
from __future__ import annotations

import math

import pytest

from citygrid_plugin.core import chinacoords as cc


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance in metres between two nearby (lon, lat) points (equirectangular, fine below 1 km)."""
    dx = (a[0] - b[0]) * 111_320 * math.cos(math.radians((a[1] + b[1]) / 2))
    dy = (a[1] - b[1]) * 110_574
    return math.hypot(dx, dy)


# the reference values published with the widely used implementation (wandergis/coordtransform)
def test_reference_pairs_of_the_published_formulas():
    assert cc.wgs84_to_gcj02(116.404, 39.915) == pytest.approx((116.41024449916938, 39.91640428150164), abs=1e-9)
    assert cc.gcj02_to_bd09(116.404, 39.915) == pytest.approx((116.41036949371029, 39.92133699351021), abs=1e-9)


def test_the_offset_is_hundreds_of_metres_in_chengdu():
    """Why the import converts at all: a GCJ-02 point taken as WGS84 is in another unit grid."""
    wgs = (104.0807, 30.6528)
    assert 300 < metres(cc.wgs84_to_gcj02(*wgs), wgs) < 800
    assert 500 < metres(cc.wgs84_to_bd09(*wgs), wgs) < 2000


@pytest.mark.parametrize("lon, lat", [(104.0807, 30.6528), (116.404, 39.915), (121.4737, 31.2304),
                                      (87.6168, 43.8256), (126.535, 45.8038), (110.35, 20.02), (91.1, 29.65)])
def test_round_trips_close_to_below_a_millimetre(lon, lat):
    wgs = (lon, lat)
    assert metres(cc.gcj02_to_wgs84(*cc.wgs84_to_gcj02(*wgs)), wgs) < 0.001
    assert metres(cc.bd09_to_wgs84(*cc.wgs84_to_bd09(*wgs)), wgs) < 0.001
    assert metres(cc.bd09_to_gcj02(*cc.gcj02_to_bd09(*wgs)), wgs) < 0.001
    assert metres(cc.to_wgs84(*cc.wgs84_to_gcj02(*wgs), "gcj02"), wgs) < 0.001
    assert metres(cc.to_wgs84(*cc.wgs84_to_bd09(*wgs), "bd09"), wgs) < 0.001
    assert cc.to_wgs84(lon, lat, "wgs84") == (lon, lat)


def test_the_iterative_inverse_beats_the_one_step_approximation():
    wgs = (87.6168, 43.8256)   # Ürümqi: far from the formula's centre, where the one-step inverse is worst
    gcj = cc.wgs84_to_gcj02(*wgs)
    forward = cc.wgs84_to_gcj02(*gcj)
    one_step = (2 * gcj[0] - forward[0], 2 * gcj[1] - forward[1])
    assert metres(one_step, wgs) > 0.1
    assert metres(cc.gcj02_to_wgs84(*gcj), wgs) < 0.001


@pytest.mark.parametrize("lon, lat", [(2.3522, 48.8566), (-74.006, 40.7128), (139.6917, 35.6895), (103.8, 0.5)])
def test_outside_china_gcj02_is_wgs84(lon, lat):
    assert cc.out_of_china(lon, lat)
    assert cc.wgs84_to_gcj02(lon, lat) == (lon, lat)
    assert cc.gcj02_to_wgs84(lon, lat) == (lon, lat)
    assert cc.to_wgs84(lon, lat, "gcj02") == (lon, lat)
    # BD-09 remains an offset on GCJ-02, and still inverts
    assert metres(cc.bd09_to_wgs84(*cc.wgs84_to_bd09(lon, lat)), (lon, lat)) < 0.001


def test_swapped_coordinates_are_out_of_china_not_silently_shifted():
    assert cc.out_of_china(30.6528, 104.0807)
    assert cc.to_wgs84(30.6528, 104.0807, "gcj02") == (30.6528, 104.0807)


@pytest.mark.parametrize("system", ["WGS-84", "gcj", "baidu", "", None])
def test_an_unknown_system_name_is_refused_with_the_allowed_names(system):
    with pytest.raises(cc.CoordinateSystemError, match="unknown coordinate system.*wgs84, gcj02, bd09"):
        cc.to_wgs84(104.08, 30.65, system)
