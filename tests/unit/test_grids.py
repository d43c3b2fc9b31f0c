"""Unit-grid partition engine (core/grids.py): the behaviour users rely on, no QGIS needed.

Each test builds communities and barriers in metres and checks what a technician would check:
the grids tile each community exactly, sizes come out near the target, small blocks and
slivers go to the neighbour sharing the longest edge, bad input is reported with keys and
locations, and the quality figures match hand computation.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.ops import unary_union
from shapely.strtree import STRtree

from citygrid_plugin.core.grids import (
    CommunityInput,
    GridPart,
    PartitionCancelled,
    PartitionError,
    PartitionParams,
    check_communities,
    partition,
    quality_figures,
)

pytestmark = pytest.mark.filterwarnings("ignore:STRtree will be changed")
GPKG = Path(__file__).resolve().parents[2] / "data_samples" / "sample_district.gpkg"


def assert_tiles(communities: list[CommunityInput], grids: list[GridPart]) -> None:
    """The invariants: single valid polygons, per-community exact tiling, no overlaps."""
    for g in grids:
        assert isinstance(g.geometry, Polygon) and g.geometry.is_valid and not g.geometry.is_empty
        assert g.origin in ("block", "split")
    for c in communities:
        parts = [g.geometry for g in grids if g.community_key == c.key]
        area = c.geometry.area
        assert abs(sum(p.area for p in parts) - area) < 1e-6 * area, c.key
        union = unary_union(parts)
        assert union.symmetric_difference(c.geometry).area < 1e-6 * area, c.key
        for p in parts:  # never crosses the community boundary
            assert p.difference(c.geometry).area < 1e-6, c.key
    geoms = [g.geometry for g in grids]
    tree = STRtree(geoms)
    for i, p in enumerate(geoms):
        for q in tree.query(p):
            if q is not p:
                assert p.intersection(q).area < 1e-6, f"grid {i} overlaps another"


def street_grid(x0: float, y0: float, x1: float, y1: float, step: float, overhang: float = 30) -> list[LineString]:
    xs = [x0 + step * k for k in range(1, int((x1 - x0) / step))]
    ys = [y0 + step * k for k in range(1, int((y1 - y0) / step))]
    return ([LineString([(x, y0 - overhang), (x, y1 + overhang)]) for x in xs]
            + [LineString([(x0 - overhang, y), (x1 + overhang, y)]) for y in ys])


def test_street_grid_blocks_tile_the_community_exactly():
    community = CommunityInput("510104001001", affinity.rotate(box(0, 0, 600, 400), 17, origin=(0, 0)))
    roads = [affinity.rotate(line, 17, origin=(0, 0)) for line in street_grid(0, 0, 600, 400, 100)]
    result = partition([community], roads)
    assert_tiles([community], result.grids)
    assert len(result.grids) == 24  # every 100 m block is exactly the target: kept as it is
    assert all(abs(g.geometry.area - 10_000) < 0.5 for g in result.grids)  # roads rounded to 1 mm
    assert result.figures.boundary_adherence == pytest.approx(1.0)
    assert result.warnings == []


def test_community_without_barriers_is_split_into_parts_near_the_target():
    community = CommunityInput("c", box(0, 0, 300, 300))
    result = partition([community], [])
    assert_tiles([community], result.grids)
    assert len(result.grids) == 9
    assert all(abs(g.geometry.area - 10_000) < 100 for g in result.grids)
    assert {g.origin for g in result.grids} == {"split"}


def test_long_thin_block_is_cut_across_its_long_axis():
    strip = affinity.rotate(box(0, 0, 1000, 40), 30, origin=(0, 0))  # 40,000 m² -> 4 parts
    community = CommunityInput("c", strip)
    result = partition([community], [])
    assert_tiles([community], result.grids)
    assert len(result.grids) == 4
    parts = [g.geometry for g in result.grids]
    cuts = [a.boundary.intersection(b.boundary).length for i, a in enumerate(parts) for b in parts[i + 1:]]
    cuts = [c for c in cuts if c > 0]
    assert len(cuts) == 3
    assert all(c == pytest.approx(40, abs=0.01) for c in cuts)  # cut length = the short side


def test_concave_block_split_gives_single_polygons():
    u_shape = box(0, 0, 300, 300).difference(box(100, 100, 200, 300))  # 70,000 m², a U
    community = CommunityInput("c", u_shape)
    result = partition([community], [])
    assert_tiles([community], result.grids)
    assert 6 <= len(result.grids) <= 8
    assert all(4_000 <= g.geometry.area <= 20_000 for g in result.grids)


def test_small_block_goes_to_the_neighbour_with_the_longest_common_edge():
    # A = 100 x 100 on the left; on the right B (100 x 70) below C (100 x 30, 3,000 m² < 4,000).
    # C shares 100 m with B and 30 m with A: it must merge into B.
    community = CommunityInput("c", box(0, 0, 200, 100))
    barriers = [LineString([(100, 0), (100, 100)]), LineString([(100, 70), (200, 70)])]
    result = partition([community], barriers)
    assert_tiles([community], result.grids)
    geoms = sorted((g.geometry for g in result.grids), key=lambda p: p.bounds)
    assert len(geoms) == 2
    assert geoms[0].symmetric_difference(box(0, 0, 100, 100)).area < 1e-6
    assert geoms[1].symmetric_difference(box(100, 0, 200, 100)).area < 1e-6  # B + C
    assert all(g.origin == "block" for g in result.grids)


def test_sliver_above_the_minimum_still_goes_to_its_longest_edge_neighbour():
    # S = 700 x 6 m (4,200 m², mean width 5.9 m < 8): shares 700 m with T above (700 x 40 m),
    # 6 m with W (220 x 46 m). S + T = 32,200 m² is then cut into 3 grids; W is kept as it is.
    community = CommunityInput("c", box(0, 0, 920, 46))
    barriers = [LineString([(0, 6), (700, 6)]), LineString([(700, 0), (700, 46)])]
    result = partition([community], barriers)
    assert_tiles([community], result.grids)
    geoms = sorted((g.geometry for g in result.grids), key=lambda p: p.bounds)
    assert len(geoms) == 4
    [w] = [g for g in geoms if g.contains(Point(800, 20))]
    assert w.contains(box(700.01, 0.01, 919.99, 45.99)) and w.area - 220 * 46 < 50  # W, at most S's tip
    for x in (100, 350, 600):  # S, road space, went to the pieces of T above it
        holder = [g for g in geoms if g.contains(Point(x, 3))]
        assert len(holder) == 1 and holder[0].contains(Point(x, 30))


def test_strip_community_stays_whole_and_no_grid_is_a_strip():
    # A community that is a strip as a whole is one grid; inside a normal community every strip
    # (here a 600 x 16 m median between two carriageways) is divided between the grids beside it.
    strip = CommunityInput("s", box(0, 0, 920, 20))
    result = partition([strip], [LineString([(0, 6), (700, 6)]), LineString([(700, 0), (700, 20)])])
    assert [g.geometry.area for g in result.grids] == [pytest.approx(920 * 20)]
    assert result.figures.corridor_strips == 0
    block = CommunityInput("b", box(0, 0, 600, 216))
    carriageways = [LineString([(-10, 100), (610, 100)]), LineString([(-10, 116), (610, 116)])]
    legacy = partition([block], carriageways, PartitionParams(corridor_width=0))  # the old rule: mean width only
    assert quality_figures(legacy.grids, carriageways, [block]).corridor_strips == 1
    result = partition([block], carriageways)
    assert_tiles([block], result.grids)
    assert result.figures.corridor_strips == 0
    assert all(not (g.geometry.bounds[1] >= 100 - 1e-6 and g.geometry.bounds[3] <= 116 + 1e-6)
               for g in result.grids)


def test_grids_never_cross_community_boundaries():
    west = CommunityInput("510104001001", box(0, 0, 200, 200))
    east = CommunityInput("510104001002", box(200, 0, 400, 200))
    barriers = [LineString([(-10, -10), (410, 210)]), LineString([(-50, 100), (450, 100)]),
                LineString([(150, -20), (260, 230)])]
    result = partition([west, east], barriers)
    assert_tiles([west, east], result.grids)
    assert {g.community_key for g in result.grids} == {west.key, east.key}


def test_overlapping_communities_are_refused_naming_both():
    a = CommunityInput("510104001001", box(0, 0, 200, 200))
    b = CommunityInput("510104001002", box(150, 0, 350, 200))
    with pytest.raises(PartitionError) as err:
        partition([a, b], [])
    assert len(err.value.problems) == 1
    message = str(err.value)
    assert "510104001001" in message and "510104001002" in message
    assert "10000.0 m²" in message  # 50 x 200 m overlap


def test_gap_between_communities_is_refused_with_its_location():
    parts = {"a": box(0, 0, 100, 300), "b": box(200, 0, 300, 300), "c": box(100, 0, 200, 100),
             "d": box(100, 200, 200, 300)}  # a 100 x 100 m hole in the middle
    communities = [CommunityInput(k, g) for k, g in parts.items()]
    with pytest.raises(PartitionError) as err:
        partition(communities, [])
    message = str(err.value)
    assert "gap" in message and "10000.0 m²" in message
    x, y = (float(v) for v in re.search(r"\((-?[\d.]+), (-?[\d.]+)\)", message).groups())
    assert box(100, 100, 200, 200).contains(Point(x, y))
    assert all(k in message for k in "abcd")


def test_invalid_and_empty_communities_are_reported():
    bowtie = Polygon([(0, 0), (100, 100), (100, 0), (0, 100)])
    problems = check_communities([CommunityInput("x", bowtie), CommunityInput("y", Polygon()),
                                  CommunityInput("z", box(0, 0, 1, 1)), CommunityInput("z", box(1, 0, 2, 1))])
    text = "\n".join(problems)
    assert "x" in text and "Self-intersection" in text
    assert "y has an empty geometry" in text
    assert "z appears more than once" in text


def test_donut_community_with_an_island_community_is_no_gap():
    outer = CommunityInput("outer", box(0, 0, 300, 300).difference(box(100, 100, 200, 200)))
    island = CommunityInput("island", box(100, 100, 200, 200))
    assert check_communities([outer, island]) == []
    result = partition([outer, island], [LineString([(-5, 150), (305, 150)])])
    assert_tiles([outer, island], result.grids)


def test_self_intersecting_and_odd_barriers_still_partition():
    community = CommunityInput("c", box(0, 0, 200, 200))
    loop = LineString([(-10, 50), (210, 150), (210, 50), (-10, 150)])  # crosses itself at (100, 100)
    bowtie = Polygon([(20, 20), (180, 180), (180, 20), (20, 180)])  # invalid polygon: its boundary is used
    result = partition([community], [loop, bowtie, Point(5, 5), LineString()])
    assert_tiles([community], result.grids)
    assert any("ignored" in w for w in result.warnings)  # the point


def test_multipolygon_community_is_tiled_part_by_part():
    community = CommunityInput("c", MultiPolygon([box(0, 0, 100, 100), box(300, 0, 500, 100)]))
    result = partition([community], [LineString([(-10, 50), (510, 50)])])
    assert_tiles([community], result.grids)
    assert all(g.geometry.intersects(box(0, 0, 100, 100)) != g.geometry.intersects(box(300, 0, 500, 100))
               for g in result.grids)


def test_quality_figures_on_four_squares():
    community = CommunityInput("c", box(0, 0, 200, 200))
    cross = [LineString([(100, -20), (100, 220)]), LineString([(-20, 100), (220, 100)]),
             LineString([(0, 0), (200, 0)])]  # the last lies on the community boundary: not counted
    result = partition([community], cross)
    figures = result.figures
    assert figures.count == 4
    assert figures.polsby_popper_median == pytest.approx(math.pi / 4)
    assert figures.area_median == pytest.approx(10_000)
    assert figures.share_within_bounds == 1.0
    assert figures.boundary_adherence == pytest.approx(1.0)
    assert figures.total_area == pytest.approx(40_000) and figures.community_area == pytest.approx(40_000)
    assert figures.share_barrier_bounded == 1.0 and figures.dead_end_length == 0.0
    assert figures.straddling_major == 0 and figures.corridor_strips == 0 and figures.buildings_crossed is None
    # 400 m of barrier floating inside the squares (100 m each, ends 14 m and 27 m from the square's
    # corners). With dead ends off they create no edge: adherence 0.5, all of it dead-end length.
    d = 100 / math.sqrt(2)
    dangles = [LineString([(x + 10, y + 10), (x + 10 + d, y + 10 + d)]) for x in (0, 100) for y in (0, 100)]
    off = PartitionParams(dead_end_reach=0)
    result = partition([community], cross + dangles, off)
    assert result.figures.count == 4
    assert result.figures.boundary_adherence == pytest.approx(0.5, abs=1e-3)
    assert result.figures.dead_end_length == pytest.approx(400, abs=0.01)
    assert result.figures.dead_end_off_edges == pytest.approx(400, abs=0.01)
    again = quality_figures(result.grids, cross + dangles, [community], off)
    assert again.boundary_adherence == pytest.approx(0.5, abs=1e-3)
    lines = again.as_lines()
    assert len(lines) >= 5 and any("50.0%" in line for line in lines)
    # With the default reach (60 m) both ends reach the square's corners: every diagonal is an edge.
    result = partition([community], cross + dangles)
    assert result.figures.count == 8
    assert result.figures.area_median == pytest.approx(5_000)
    assert result.figures.boundary_adherence == pytest.approx(1.0, abs=1e-3)
    assert result.figures.dead_end_off_edges == pytest.approx(0, abs=0.01)


def test_dead_end_is_extended_to_the_road_ahead_but_not_sideways_or_beyond_reach():
    community = CommunityInput("c", box(0, 0, 300, 200))
    top = LineString([(-10, 150), (310, 150)])
    ahead = LineString([(100, -10), (100, 100)])   # ends 50 m before the road at y=150: extended to it
    far = LineString([(250, -10), (250, 60)])      # ends 90 m before it: beyond 60 m, left as it is
    result = partition([community], [top, ahead, far])
    assert_tiles([community], result.grids)
    edges = unary_union([g.geometry.boundary for g in result.grids])
    assert edges.buffer(0.01).contains(LineString([(100, 100), (100, 150)]))
    assert edges.intersection(LineString([(250, 61), (250, 149)]).buffer(0.01)).length < 1
    fig = result.figures
    assert fig.dead_end_length == pytest.approx(100 + 60, abs=0.01)  # both dangling roads, inside the community
    assert fig.dead_end_off_edges == pytest.approx(60, abs=0.1)  # the far one only (0.05 m tolerance at its end)
    # sideways: a road 15 m to the side is within reach but not ahead (90°, more than 45°): no cut to it
    side = LineString([(115, -10), (115, 140)])
    result = partition([community], [top, LineString([(100, -10), (100, 120)]), side],
                       PartitionParams(dead_end_reach=20))
    edges = unary_union([g.geometry.boundary for g in result.grids])
    assert edges.intersection(LineString([(100.5, 120), (114.5, 120)]).buffer(0.01)).length < 1


def test_params_defaults_and_bad_params():
    p = PartitionParams()
    assert (p.min_bound, p.max_bound) == (4_000, 20_000)
    with pytest.raises(PartitionError, match="minimum < target < maximum"):
        partition([CommunityInput("c", box(0, 0, 10, 10))], [], PartitionParams(min_area=20_000))


def test_progress_can_cancel():
    communities = [CommunityInput(str(k), box(100 * k, 0, 100 * (k + 1), 100)) for k in range(3)]
    seen: list[float] = []
    result = partition(communities, [], progress=lambda f: seen.append(f) is None)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and len(result.grids) == 3
    with pytest.raises(PartitionCancelled):
        partition(communities, [], progress=lambda f: f < 0.5)


def test_sample_district_partition():
    gpd = pytest.importorskip("geopandas")
    comm = gpd.read_file(GPKG, layer="communities")
    roads = gpd.read_file(GPKG, layer="roads")
    assert comm.crs.to_epsg() == 4544
    communities = [CommunityInput(d + s + c, g) for d, s, c, g in
                   zip(comm["district_code"], comm["street_code"], comm["community_code"], comm.geometry)]
    result = partition(communities, list(roads.geometry))
    assert_tiles(communities, result.grids)
    f = result.figures
    assert f.share_within_bounds >= 0.8
    assert 6_000 <= f.area_median <= 14_000
    assert f.total_area == pytest.approx(f.community_area, rel=1e-9)
    assert f.boundary_adherence is not None and f.boundary_adherence > 0.7
