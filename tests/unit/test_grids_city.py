"""Unit grids that follow a real city (issue 20): road classes, corridors, dead ends, buildings,
capacity, islands and worker processes — what GIS staff check on the map, asserted on synthetic
cases built for each rule and on real streets and buildings (Prague, Bubeneč; NYC OSM; see
data_samples/realdata/README.md for sources and licences)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from shapely import wkb
from shapely.geometry import LineString, MultiPolygon, Point, box
from shapely.ops import unary_union

from citygrid_plugin.core.grids import (
    MAX_GRIDS_PER_COMMUNITY,
    RANK_EXPRESS,
    RANK_LOCAL,
    RANK_MINOR,
    RANK_PRIMARY,
    RANK_SECONDARY,
    Barrier,
    CommunityInput,
    PartitionError,
    PartitionParams,
    barrier_class,
    partition,
    quality_figures,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "data_samples"))
import grid_inputs  # noqa: E402  (data_samples/grid_inputs.py: the real and synthetic inputs)

pytestmark = pytest.mark.filterwarnings("ignore:STRtree will be changed")


def tiles(communities, grids) -> bool:
    for c in communities:
        parts = [g.geometry for g in grids if g.community_key == c.key]
        if abs(sum(p.area for p in parts) - c.geometry.area) > 1e-6 * c.geometry.area:
            return False
        if unary_union(parts).symmetric_difference(c.geometry).area > 1e-6 * c.geometry.area:
            return False
    return all(g.geometry.geom_type == "Polygon" and g.geometry.is_valid for g in grids)


def edges_of(grids):
    return unary_union([g.geometry.boundary for g in grids])


def on_edges(grids, line: LineString, tolerance: float = 0.01) -> float:
    """Share of *line* lying on grid edges."""
    return edges_of(grids).buffer(tolerance).intersection(line).length / line.length


# -- road classes -------------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    ("primary", (RANK_PRIMARY, False)), ("trunk", (RANK_EXPRESS, False)), ("motorway", (RANK_EXPRESS, False)),
    ("secondary", (RANK_SECONDARY, False)), ("residential", (RANK_LOCAL, False)),
    ("trunk_link", (RANK_SECONDARY, True)), ("primary_link", (RANK_SECONDARY, True)),
    ("footway", (RANK_MINOR, False)), ("service", (RANK_MINOR, False)), ("Primary ", (RANK_PRIMARY, False)),
    ("主干路", (RANK_PRIMARY, False)), ("城市主干路", (RANK_PRIMARY, False)), ("快速路", (RANK_EXPRESS, False)),
    ("次干路", (RANK_SECONDARY, False)), ("支路", (RANK_LOCAL, False)), ("匝道", (RANK_SECONDARY, True)),
    ("围墙", (RANK_MINOR, False)), ("胡同", (RANK_MINOR, False)), ("河道", (RANK_PRIMARY, False)),
    ("DLSS", (RANK_LOCAL, False)), ("SXSS_边线", (RANK_PRIMARY, False)), ("JMD", (RANK_MINOR, False)),
    (3, (RANK_PRIMARY, False)), ("4", (RANK_EXPRESS, False)), (0.0, (RANK_MINOR, False)),
    ("['secondary', 'primary']", (RANK_PRIMARY, False)), ("residential;tertiary", (RANK_LOCAL, False)),
])
def test_barrier_class_reads_osm_chinese_cass_and_numbers(value, expected):
    assert barrier_class(value) == expected


@pytest.mark.parametrize("value", [None, "", "NULL", "spaceport", "道", 7, -1, 2.5, float("nan"), True,
                                   "primary;nonsense"])
def test_barrier_class_refuses_what_it_does_not_know(value):
    assert barrier_class(value) is None


# -- hierarchy -------------------------------------------------------------------------------------
def hierarchy_case(primary_rank: int = RANK_PRIMARY):
    """A 3,000 m² block (30 m × 100 m) between two primary roads (its 100 m sides, west and east)
    and a local street (its 30 m side, north), beyond which lies another such block: the longest
    common edges are across the primaries."""
    community = CommunityInput("c", box(0, 0, 230, 200))
    primary = LineString([(100, -10), (100, 210)])
    local = LineString([(100, 100), (130, 100)])
    east = LineString([(130, -10), (130, 210)])
    return community, [Barrier(primary, primary_rank), Barrier(local, RANK_LOCAL), Barrier(east, primary_rank)]


def test_a_merge_crosses_the_local_street_not_the_primary_road():
    community, barriers = hierarchy_case()
    plain = partition([community], [b.geometry for b in barriers])  # classes ignored: longest edge wins
    ranked = partition([community], barriers)
    assert tiles([community], plain.grids) and tiles([community], ranked.grids)
    small = Point(115, 50)  # inside the 3,000 m² block
    held = [g.geometry for g in ranked.grids if g.geometry.contains(small)][0]
    assert held.contains(Point(115, 150))        # joined with the block across the local street
    assert not held.contains(Point(50, 50)) and not held.contains(Point(180, 50))  # nor across a primary
    assert on_edges(ranked.grids, LineString([(100, 0), (100, 200)])) == pytest.approx(1.0)
    assert ranked.figures.straddling_major == 0
    before = quality_figures(plain.grids, barriers, [community])
    assert before.straddling_major >= 1  # what the old rule did: a primary runs through grids
    assert not ranked.warnings


def test_a_block_with_major_roads_on_every_side_is_merged_and_reported():
    community = CommunityInput("510104001001", box(0, 0, 300, 300))
    ring = [LineString([(100, -10), (100, 310)]), LineString([(160, -10), (160, 310)]),
            LineString([(-10, 100), (310, 100)]), LineString([(-10, 150), (310, 150)])]
    result = partition([community], [Barrier(g, RANK_PRIMARY) for g in ring])
    assert tiles([community], result.grids)
    assert not any(g.geometry.equals(box(100, 100, 160, 150)) for g in result.grids)  # 3,000 m²: merged
    [warning] = [w for w in result.warnings if "major road on every side" in w]
    assert "510104001001" in warning and "3000 m²" in warning and "(130.0, 125.0)" in warning


# -- corridors ----------------------------------------------------------------------------------------
def boulevard(gap: float = 14.0):
    """A 600 m × 216 m community crossed by a dual carriageway (two primary lines *gap* m apart)
    and a local street north-south: the median pieces are 300 m × 14 m (4,200 m², mean width
    13.4 m: above the old 8 m sliver rule)."""
    community = CommunityInput("c", box(0, 0, 600, 216))
    y = 100.0
    return community, [Barrier(LineString([(-10, y), (610, y)]), RANK_PRIMARY),
                       Barrier(LineString([(-10, y + gap), (610, y + gap)]), RANK_PRIMARY),
                       Barrier(LineString([(300, -10), (300, 226)]), RANK_LOCAL)]


def test_median_strips_between_carriageways_are_no_grids_and_no_grid_straddles_the_road():
    community, barriers = boulevard()
    old = partition([community], [b.geometry for b in barriers], PartitionParams(corridor_width=0))
    assert quality_figures(old.grids, barriers, [community]).corridor_strips == 2  # the old rule kept them
    result = partition([community], barriers)
    assert tiles([community], result.grids)
    fig = result.figures
    assert fig.corridor_strips == 0 and fig.straddling_major == 0
    for x in (150, 450):  # each median piece is divided along its middle between the grids beside it
        [south] = [g.geometry for g in result.grids if g.geometry.contains(Point(x, 103))]
        [north] = [g.geometry for g in result.grids if g.geometry.contains(Point(x, 111))]
        assert south.contains(Point(x, 50)) and north.contains(Point(x, 160))
        assert on_edges(result.grids, LineString([(x - 20, 107), (x + 20, 107)])) == pytest.approx(1.0)
    assert not result.warnings  # road space joining the land beside it is no finding


def test_cloverleaf_loops_medians_and_ramp_pieces_are_no_grids_of_their_own():
    communities, barriers, _ = grid_inputs.cloverleaf()
    result = partition(communities, barriers)
    assert tiles(communities, result.grids)
    fig = result.figures
    assert fig.corridor_strips == 0 and fig.straddling_major == 0
    assert fig.share_within_bounds == 1.0
    legacy = partition(communities, [b.geometry for b in barriers], PartitionParams(corridor_width=0))
    assert quality_figures(legacy.grids, barriers, communities).corridor_strips > 0  # the medians, before
    o = communities[0].geometry.centroid
    for sx, sy in ((1, 1), (-1, 1), (-1, -1), (1, -1)):  # the centre of each loop
        centre = Point(o.x + sx * 55, o.y + sy * 55)
        [holder] = [g.geometry for g in result.grids if g.geometry.contains(centre)]
        assert not holder.within(centre.buffer(50.5))  # not the loop's interior on its own


# -- dead ends --------------------------------------------------------------------------------------
def test_boulevard_ending_short_of_the_edge_is_extended_and_the_far_primary_is_not():
    communities, barriers, _ = grid_inputs.boulevard_dead_end()
    result = partition(communities, barriers)
    assert tiles(communities, result.grids)
    x0, y0, x1, y1 = communities[0].geometry.bounds
    for y in grid_inputs.BOULEVARD_Y:  # both carriageways: 40 m to the east edge
        assert on_edges(result.grids, LineString([(x0 + 961, y0 + y), (x1, y0 + y)])) == pytest.approx(1.0)
    assert on_edges(result.grids, LineString([(x0 + 500, y0 + 601), (x0 + 500, y0 + 700)])) == pytest.approx(1.0)
    assert result.figures.dead_end_off_edges < 1.0
    legacy = partition(communities, [b.geometry for b in barriers], PartitionParams(dead_end_reach=0))
    off = quality_figures(legacy.grids, barriers, communities)
    assert off.dead_end_off_edges > 100  # cut across before


# -- buildings ----------------------------------------------------------------------------------------
def test_superblock_is_cut_between_the_buildings():
    communities, barriers, buildings = grid_inputs.superblock_with_buildings()
    straight = partition(communities, barriers)
    assert quality_figures(straight.grids, barriers, communities, obstacles=buildings).buildings_crossed > 5
    result = partition(communities, barriers, obstacles=buildings)
    assert tiles(communities, result.grids)
    assert result.figures.buildings_crossed == 0
    assert len(result.grids) == len(straight.grids)
    assert result.figures.share_within_bounds == 1.0
    for b in buildings:  # every building lies in exactly one grid
        assert sum(1 for g in result.grids if g.geometry.intersection(b).area > 1e-6) == 1


def test_prague_streets_and_buildings():
    communities, barriers, buildings = grid_inputs.prague()
    result = partition(communities, barriers, obstacles=buildings)
    straight = partition(communities, barriers)
    assert tiles(communities, result.grids)
    fig = result.figures
    assert fig.straddling_major == 0 and fig.corridor_strips == 0
    assert fig.buildings_crossed is not None
    before = quality_figures(straight.grids, barriers, communities, obstacles=buildings).buildings_crossed
    assert fig.buildings_crossed < before
    assert fig.share_within_bounds >= 0.95


# -- capacity and islands -------------------------------------------------------------------------------
def test_a_community_of_more_than_999_grids_is_warned_about_with_the_fix():
    params = PartitionParams(target_area=100)
    result = partition([CommunityInput("510104001001", box(0, 0, 330, 310))], [], params)
    assert len(result.grids) > MAX_GRIDS_PER_COMMUNITY
    [warning] = [w for w in result.warnings if "999" in w]
    assert "510104001001" in warning and str(len(result.grids)) in warning and "split the community" in warning
    small = partition([CommunityInput("510104001002", box(0, 0, 300, 300))], [], params)
    assert len(small.grids) <= MAX_GRIDS_PER_COMMUNITY and not small.warnings


def test_a_separate_part_of_a_community_is_kept_and_reported_with_its_fix():
    main, island = box(0, 0, 200, 100), box(300, 0, 330, 40)  # 1,200 m², shares no edge with anything
    community = CommunityInput("510104001001", MultiPolygon([main, island]))
    result = partition([community], [LineString([(100, -10), (100, 110)])])
    assert tiles([community], result.grids)
    assert any(g.geometry.equals(island) for g in result.grids)
    [warning] = [w for w in result.warnings if "shares no edge" in w]
    assert "1200 m²" in warning and "fix:" in warning


# -- processes ----------------------------------------------------------------------------------------
def test_two_worker_processes_give_the_same_grids_in_the_same_order():
    communities, barriers, buildings = grid_inputs.sample()
    one = partition(communities, barriers, obstacles=buildings, workers=1)
    two = partition(communities, barriers, obstacles=buildings, workers=2)
    assert [(g.community_key, wkb.dumps(g.geometry), g.origin) for g in one.grids] == \
        [(g.community_key, wkb.dumps(g.geometry), g.origin) for g in two.grids]
    assert one.warnings == two.warnings and one.figures == two.figures


def test_bad_worker_count_and_progress_with_workers():
    with pytest.raises(PartitionError, match="worker processes"):
        partition([CommunityInput("c", box(0, 0, 100, 100))], [], workers=-1)
    seen = []
    communities = [CommunityInput(f"c{i}", box(i * 200, 0, i * 200 + 200, 200)) for i in range(4)]
    result = partition(communities, [], progress=lambda f: seen.append(f) or True, workers=2)
    assert seen[0] == 0.0 and seen[-1] == pytest.approx(1.0) and seen == sorted(seen)
    assert len(result.grids) == 16
