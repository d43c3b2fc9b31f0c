"""The inputs of the unit-grid tests and benchmark (data_samples/grid_inputs.py, data_samples/realdata/).

They load, their communities tile (check_communities finds nothing), the ranks are what each input is for,
and the synthetic cases have the features they claim (dual carriageways, loops, dead ends, building gaps).
No QGIS; the whole-city input only when the shared Chengdu edge list is present.
"""
from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

import fiona
import pytest
from shapely.geometry import LineString, Point
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "data_samples"))

import grid_inputs as gi  # noqa: E402

from citygrid_plugin.core.grids import (  # noqa: E402
    RANK_EXPRESS,
    RANK_LOCAL,
    RANK_MINOR,
    RANK_PRIMARY,
    RANK_SECONDARY,
    Barrier,
    check_communities,
)


def _check(inputs, n_communities=None):
    communities, barriers, obstacles = inputs
    assert communities and all(isinstance(b, Barrier) for b in barriers)
    assert check_communities(communities) == []
    assert all(len(c.key) == 12 and c.key.isdigit() for c in communities)
    if n_communities is not None:
        assert len(communities) == n_communities
    assert all(p.geom_type == "Polygon" and p.is_valid and p.area > 0 for p in obstacles)
    return communities, barriers, obstacles


def _ranks(barriers):
    return Counter((b.rank, b.ramp) for b in barriers)


def test_realdata_layers():
    path = gi.REALDATA
    assert path.stat().st_size < 400_000
    assert set(fiona.listlayers(path)) == {"prague_streets", "prague_buildings", "nyc_roads"}
    with fiona.open(path, layer="nyc_roads") as src:
        assert "UTM zone 18N" in src.crs_wkt
        assert "highway" in src.schema["properties"]
    with fiona.open(path, layer="prague_buildings") as src:
        assert len(src) == 144 and ("UTM zone 33N" in src.crs_wkt)
    assert (path.parent / "README.md").read_text(encoding="utf-8").count("ODbL") >= 2


def test_sample_has_classes_and_buildings():
    communities, barriers, obstacles = _check(gi.sample(), 14)
    ranks = {r for r, _ in _ranks(barriers)}
    assert {RANK_MINOR, RANK_LOCAL, RANK_SECONDARY, RANK_PRIMARY} <= ranks
    assert len(obstacles) > 1000


def test_prague_real_streets_and_buildings():
    communities, barriers, obstacles = _check(gi.prague(), 2)
    assert len(barriers) == 35 and len(obstacles) == 144
    assert _ranks(barriers) == Counter({(RANK_LOCAL, False): 35})  # the data have no class
    area = sum(c.geometry.area for c in communities)
    assert 260_000 < area < 300_000  # true metres (UTM), not Web Mercator's inflated ones
    # buildings lie in the communities, and the community boundary between the two runs along streets
    union = unary_union([c.geometry for c in communities])
    assert all(union.buffer(1e-6).contains(p) for p in obstacles)
    inner = communities[0].geometry.intersection(communities[1].geometry)
    streets = unary_union([b.geometry for b in barriers]).buffer(0.01)
    assert inner.length > 100 and inner.difference(streets).length < 1e-6


def test_nyc_has_hierarchy():
    communities, barriers, obstacles = _check(gi.nyc(), 4)
    ranks = _ranks(barriers)
    assert ranks[(RANK_PRIMARY, False)] == 33 and ranks[(RANK_SECONDARY, False)] == 6
    assert ranks[(RANK_LOCAL, False)] == 34  # 30 residential + 4 tertiary
    assert not any(b.ramp for b in barriers)  # the OSM extract has no *_link: ramps are in cloverleaf()
    # Broadway is a dual carriageway: two primary lines of that name, about 10-30 m apart
    import geopandas as gpd

    roads = gpd.read_file(gi.REALDATA, layer="nyc_roads")
    broadway = roads[roads["name"] == "Broadway"]
    assert len(broadway) >= 8 and set(broadway["highway"]) == {"primary"}
    assert obstacles == []


def test_cloverleaf():
    communities, barriers, _ = _check(gi.cloverleaf(), 1)
    assert communities[0].geometry.area == pytest.approx(1_440_000)
    ranks = _ranks(barriers)
    assert ranks[(RANK_EXPRESS, False)] == 2 and ranks[(RANK_PRIMARY, False)] == 2  # two dual carriageways
    ramps = [b for b in barriers if b.ramp]
    assert len(ramps) == 8 and all(b.rank == RANK_SECONDARY for b in ramps)
    ox, oy = gi.ORIGIN
    trunk = [b.geometry for b in barriers if b.rank == RANK_EXPRESS]
    assert trunk[0].distance(trunk[1]) == pytest.approx(gi.CLOVER_GAP)
    # four loops of radius ~50 m: each ends on the carriageways and encloses a face of ~ (7,000 ± 1,500) m²
    loops = [b.geometry for b in ramps if b.geometry.length < 210]
    assert len(loops) == 4
    g = gi.CLOVER_GAP / 2
    for loop in loops:
        for x, y in (loop.coords[0], loop.coords[-1]):
            assert min(abs(abs(x - ox) - g), abs(abs(y - oy) - g)) < 1e-6
        cx, cy = loop.centroid.coords[0]
        assert math.hypot(cx - ox, cy - oy) < 120
    from shapely.ops import polygonize

    faces = list(polygonize(unary_union([b.geometry for b in barriers])))
    loop_faces = [f for f in faces if 5_000 < f.area < 9_000 and f.distance(Point(ox, oy)) < 60]
    assert len(loop_faces) >= 4
    assert any(b.rank == RANK_LOCAL for b in barriers)


def test_boulevard_dead_ends():
    communities, barriers, _ = _check(gi.boulevard_dead_end(), 1)
    edge = communities[0].geometry.boundary
    primaries = [b.geometry for b in barriers if b.rank == RANK_PRIMARY]
    assert len(primaries) == 3
    boulevard = [g for g in primaries if g.coords[0][1] == g.coords[-1][1]]
    assert len(boulevard) == 2 and boulevard[0].distance(boulevard[1]) == pytest.approx(30)
    for line in boulevard:  # starts on the west edge, ends 40 m short of the east edge, touching nothing
        assert Point(line.coords[0]).distance(edge) < 1e-6
        end = Point(line.coords[-1])
        assert end.distance(edge) == pytest.approx(40)
        others = unary_union([b.geometry for b in barriers if b.geometry not in boulevard])
        assert end.distance(others) > 60
    service = next(g for g in primaries if g not in boulevard)
    end = Point(service.coords[-1])
    assert end.distance(edge) == pytest.approx(100)
    assert end.distance(unary_union([b.geometry for b in barriers if b.geometry is not service])) > 60


def test_superblock_buildings_leave_gaps():
    communities, barriers, obstacles = _check(gi.superblock_with_buildings(), 1)
    assert barriers == [] and len(obstacles) == 30
    block = communities[0].geometry
    assert block.area == pytest.approx(120_000)
    assert all(block.contains(p) for p in obstacles)
    x0, y0, x1, y1 = block.bounds
    built = unary_union(obstacles)
    # a straight cut along a gap crosses nothing; a cut through the middle of the slabs crosses 6
    assert not LineString([(x0 + 80, y0), (x0 + 80, y1)]).intersects(built)
    assert not LineString([(x0, y0 + 52.5), (x1, y0 + 52.5)]).intersects(built)
    assert len([p for p in obstacles if LineString([(x0 + 40, y0), (x0 + 40, y1)]).intersects(p)]) == 6


def test_rotated_keeps_tiling():
    communities, barriers, obstacles = _check(gi.rotated(gi.cloverleaf(), 30.0), 1)
    assert communities[0].geometry.area == pytest.approx(1_440_000)


def test_communities_along_streets_tile_and_follow_streets():
    from shapely.geometry import box

    lines = [LineString([(0, y), (300, y)]) for y in (100, 200)] + [LineString([(x, 0), (x, 300)]) for x in (100, 200)]
    communities = gi.communities_along_streets(box(0, 0, 300, 300), lines, (3, 1), "123456")
    assert [c.key for c in communities] == ["123456001001", "123456001002", "123456001003"]
    assert check_communities(communities) == []
    assert sorted(round(c.geometry.area) for c in communities) == [30_000] * 3


@pytest.mark.skipif(not gi.CHENGDU_CSV.is_file(), reason="the shared Chengdu edge list is absent")
def test_chengdu_city_tiles():
    communities, barriers, obstacles = gi.chengdu_city()
    assert len(communities) > 1000 and len(barriers) > 20_000 and obstacles == []
    assert check_communities(communities) == []
    assert {b.rank for b in barriers} == {RANK_LOCAL}
    assert len({c.key for c in communities}) == len(communities)
    assert all(c.geometry.area <= 1_000_000 + 1e-6 for c in communities)
