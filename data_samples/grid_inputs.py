"""Inputs for testing and benchmarking the unit-grid (单元网格) partition: real street data and synthetic cases.

Every function returns ``(communities, barriers, obstacles)``: a list of
:class:`~citygrid_plugin.core.grids.CommunityInput` that tile their area exactly (``check_communities`` finds
nothing), a list of :class:`~citygrid_plugin.core.grids.Barrier` (line geometry + road rank + ramp flag) and a
list of obstacle polygons (building footprints). All in a projected CRS in metres; community keys are 12 digits
(district 6 + street 3 + community 3) and, except for the sample district, synthetic.

=========================  ===========  ================================================================
input                      size         why
=========================  ===========  ================================================================
``sample()``               8.3 km², 14  the committed sample district: real Chengdu centrelines, synthetic
                                        road classes (主干路/次干路/支路/街巷) and buildings
``chengdu_centre(csv)``    100 km²      dense centre of the shared Chengdu network, no classes: speed goal
``chengdu_city(csv)``      whole city   every 1 km cell of the shared network: the city-scale run
``prague()``               0.28 km²     real streets + 144 real building footprints (Bubeneč, Prague):
                                        cuts between buildings, dead ends of real streets
``nyc()``                  0.54 km²     real OSM drive network with classes (Upper West Side): majors,
                                        Broadway as a dual carriageway, the hierarchy
``cloverleaf()``           1.44 km²     two dual carriageways crossing at a cloverleaf: corridor strips,
                                        loop interiors, ramps
``boulevard_dead_end()``   0.8 km²      a boulevard ending 40 m short of the edge and a primary ending
                                        100 m short: dead-end extension and its 60 m reach
``superblock_with_         0.12 km²     a road-free block with rows of buildings: split cuts along the
buildings()``                           gaps between buildings, not through them
=========================  ===========  ================================================================

Real data are in ``data_samples/realdata/grid_test_data.gpkg`` (sources and licences in the README there);
the Chengdu network is the shared edge list (``/work/shared/data/chengdu_road_edgelist.csv``, read by
``derive_sample.load_network``). The synthetic cases are built from numbers in this module, deterministically.
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
from shapely.affinity import rotate
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import polygonize, unary_union
from shapely.prepared import prep
from shapely.strtree import STRtree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from citygrid_plugin.core.grids import (  # noqa: E402
    RANK_LOCAL,
    Barrier,
    CommunityInput,
    barrier_class,
)

REALDATA = HERE / "realdata" / "grid_test_data.gpkg"
SAMPLE = HERE / "sample_district.gpkg"
CHENGDU_CSV = Path("/work/shared/data/chengdu_road_edgelist.csv")
CHENGDU_CENTRE = (104.0736, 30.6528)  # lon, lat: the centre of the sample district
ORIGIN = (500_000.0, 3_390_000.0)  # where the synthetic cases sit (plausible CGCS2000 / EPSG:4544 metres)

Inputs = tuple[list[CommunityInput], list[Barrier], list[Polygon]]


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------
def _rank(value) -> tuple[int, bool]:
    """(rank, ramp) of a class value; unknown or empty -> (RANK_LOCAL, False), as the algorithm does."""
    got = barrier_class(value)
    return got if got is not None else (RANK_LOCAL, False)


def _barrier(geom: BaseGeometry, value=None) -> Barrier:
    rank, ramp = _rank(value) if value is not None else (RANK_LOCAL, False)
    return Barrier(geom, rank, ramp)


def _polygons(geom: BaseGeometry) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [geom] if not geom.is_empty else []
    return [p for g in getattr(geom, "geoms", []) for p in _polygons(g)]


def _one(geom: BaseGeometry) -> Polygon | MultiPolygon:
    parts = _polygons(geom)
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def communities_along_streets(extent: Polygon, lines: list[BaseGeometry], splits: tuple[int, int],
                              prefix: str) -> list[CommunityInput]:
    """Cut *extent* into splits[0] × splits[1] communities whose boundaries follow the streets.

    The streets and the extent's outline are noded and polygonized into blocks; blocks are ordered along
    the long axis of the extent's minimum rotated rectangle and cut into splits[0] groups of about equal
    area, each group likewise along the short axis into splits[1]. A community is the union of its blocks,
    so the communities tile the extent exactly and every inner community boundary lies on a street.
    Keys: prefix (6 digits) + street '001' + community '001'…"""
    noded = unary_union([extent.boundary, *[g.intersection(extent) for g in lines]])
    inside = prep(extent)
    blocks = [p for p in polygonize(noded) if inside.contains(p.representative_point())]
    rect = np.asarray(extent.minimum_rotated_rectangle.exterior.coords)[:4]
    edges = [rect[1] - rect[0], rect[2] - rect[1]]
    u = max(edges, key=lambda e: float(np.hypot(*e)))
    u = u / np.hypot(*u)
    v = np.array([-u[1], u[0]])

    def groups(items: list[Polygon], axis: np.ndarray, n: int) -> list[list[Polygon]]:
        items = sorted(items, key=lambda p: float(np.dot(p.representative_point().coords[0], axis)))
        total = sum(p.area for p in items)
        out: list[list[Polygon]] = [[] for _ in range(n)]
        done = 0.0
        for p in items:
            k = min(n - 1, int((done + p.area / 2) / total * n))
            out[k].append(p)
            done += p.area
        return [g for g in out if g]

    parts = [g for band in groups(blocks, u, splits[0]) for g in groups(band, v, splits[1])]
    return [CommunityInput(f"{prefix}001{i + 1:03d}", _one(unary_union(g))) for i, g in enumerate(parts)]


def _read(layer: str):
    import geopandas as gpd

    return gpd.read_file(REALDATA, layer=layer)


# --------------------------------------------------------------------------------------------
# real data
# --------------------------------------------------------------------------------------------
def sample() -> Inputs:
    """The committed sample district (8.34 km², 14 communities, 638 road lines, EPSG:4544): real Chengdu
    centrelines with the sample's synthetic road classes (主干路/次干路/支路/街巷 -> ranks through
    barrier_class) and its synthetic buildings as obstacles. Why: the reference input of every release."""
    import geopandas as gpd

    comm = gpd.read_file(SAMPLE, layer="communities")
    roads = gpd.read_file(SAMPLE, layer="roads")
    buildings = gpd.read_file(SAMPLE, layer="buildings")
    communities = [CommunityInput(d + s + c, g) for d, s, c, g in
                   zip(comm["district_code"], comm["street_code"], comm["community_code"], comm.geometry)]
    barriers = [_barrier(g, cls) for g, cls in zip(roads.geometry, roads["road_class"])]
    return communities, barriers, [p for g in buildings.geometry for p in _polygons(g)]


def prague() -> Inputs:
    """Part of Bubeneč, Prague 6 (momepy's ``bubenec`` sample, OpenStreetMap data; see realdata/README.md):
    35 real street centrelines (no class in the data: all RANK_LOCAL) and 144 real building footprints as
    obstacles, in EPSG:32633. Communities: the convex hull of the streets (0.28 km²) cut along the streets
    into 2 synthetic communities 990100001001-002. Why: real perimeter blocks around courtyards, streets that
    end in the open (dead ends) and real buildings for the cut lines."""
    streets = _read("prague_streets")
    buildings = _read("prague_buildings")
    lines = list(streets.geometry)
    extent = unary_union(lines).convex_hull
    communities = communities_along_streets(extent, lines, (2, 1), "990100")
    return communities, [_barrier(g) for g in lines], [p for g in buildings.geometry for p in _polygons(g)]


def nyc() -> Inputs:
    """Upper West Side, Manhattan (momepy's ``nyc_graph``: the OSMnx drive network within 500 m of
    40.783169 N, -73.978315 E, OpenStreetMap ODbL; see realdata/README.md): 73 street segments with their OSM
    ``highway`` class (33 primary: Broadway - mapped as two carriageways -, Amsterdam and Columbus Avenues;
    6 secondary: Central Park West; 4 tertiary: West End Avenue; 30 residential cross streets), ranks through
    barrier_class, EPSG:32618; no buildings. The data hold no ramps (``*_link``): ramps are in cloverleaf().
    Communities: the convex hull (0.54 km²) cut along the streets into 2 × 2 synthetic communities
    990200001001-004. Why: a real road hierarchy with majors and a dual carriageway."""
    roads = _read("nyc_roads")
    lines = list(roads.geometry)
    extent = unary_union(lines).convex_hull
    communities = communities_along_streets(extent, lines, (2, 2), "990200")
    return communities, [_barrier(g, h) for g, h in zip(lines, roads["highway"])], []


def chengdu_centre(csv: Path = CHENGDU_CSV, size: float = 10_000.0, n: int = 10) -> Inputs:
    """The dense central 100 km² of the shared Chengdu network (no classes: all RANK_LOCAL, no buildings),
    EPSG:4544: a size × size window centred on 104.0736 E, 30.6528 N (the sample's centre), every road edge
    touching it, and n × n synthetic square communities 510104rrrccc covering the window. Why: the speed goal
    (100 km² in < 5 s on 2 cores); kept identical to the input of earlier benchmark runs."""
    from derive_sample import CRS, load_network
    from pyproj import Transformer

    _, edges = load_network(csv)
    cx, cy = Transformer.from_crs("EPSG:4326", CRS, always_xy=True).transform(*CHENGDU_CENTRE)
    x0, y0 = cx - size / 2, cy - size / 2
    window = box(x0, y0, x0 + size, y0 + size)
    win = prep(window)
    barriers = [Barrier(g) for g in edges["geometry"] if win.intersects(g)]
    side = size / n
    communities = [CommunityInput(f"510104{r + 1:03d}{c + 1:03d}",
                                  box(x0 + c * side, y0 + size - (r + 1) * side,
                                      x0 + (c + 1) * side, y0 + size - r * side).intersection(window))
                   for r in range(n) for c in range(n)]
    return communities, barriers, []


def chengdu_city(csv: Path = CHENGDU_CSV, cell: float = 1_000.0) -> Inputs:
    """The whole shared Chengdu network ("Urban Road Network Data", Karduni et al. 2016, CC BY 4.0: the
    arterial network of the city, no classes: all RANK_LOCAL, no buildings), EPSG:4544, with synthetic
    communities: the cell × cell squares (aligned on multiples of cell) that a road edge passes through, plus
    any square enclosed by them (so the union has no holes), each clipped to the network's bounding box. They
    tile that area with no gap or overlap. Keys 5101rrrrcccc (row/column from the south-west, 4 digits each).
    Why: the city-scale run (thousands of communities) timed on every core."""
    from derive_sample import load_network

    _, edges = load_network(csv)
    lines = list(edges["geometry"])
    x0, y0, x1, y1 = unary_union(lines).bounds
    frame = box(x0, y0, x1, y1)
    i0, j0 = math.floor(x0 / cell), math.floor(y0 / cell)
    ni, nj = math.ceil(x1 / cell) - i0, math.ceil(y1 / cell) - j0
    used = np.zeros((nj, ni), dtype=bool)
    tree = STRtree(lines)
    for r in range(nj):
        for c in range(ni):
            square = box((i0 + c) * cell, (j0 + r) * cell, (i0 + c + 1) * cell, (j0 + r + 1) * cell)
            near = tree.query(square)
            if near:
                inside = prep(square)
                used[r, c] = any(inside.intersects(g) for g in near)
    # enclosed empty cells: not reachable from the border through empty cells
    outside = np.zeros_like(used)
    stack = [(r, c) for r in range(nj) for c in (0, ni - 1)] + [(r, c) for c in range(ni) for r in (0, nj - 1)]
    while stack:
        r, c = stack.pop()
        if 0 <= r < nj and 0 <= c < ni and not used[r, c] and not outside[r, c]:
            outside[r, c] = True
            stack += [(r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)]
    communities = []
    for r in range(nj):
        for c in range(ni):
            if outside[r, c]:
                continue
            x, y = (i0 + c) * cell, (j0 + r) * cell
            geom = box(x, y, x + cell, y + cell).intersection(frame)
            if geom.area > 0:
                communities.append(CommunityInput(f"5101{r + 1:04d}{c + 1:04d}", geom))
    return communities, [Barrier(g) for g in lines], []


# --------------------------------------------------------------------------------------------
# synthetic cases
# --------------------------------------------------------------------------------------------
def _at(geom: BaseGeometry) -> BaseGeometry:
    from shapely.affinity import translate

    return translate(geom, *ORIGIN)


def _arc(cx: float, cy: float, r: float, a0: float, a1: float, step: float = 5.0) -> LineString:
    """Counter-clockwise arc of radius r around (cx, cy) from angle a0 to a1 (radians, a1 > a0)."""
    n = max(4, int(math.ceil(r * (a1 - a0) / step)))
    return LineString([(cx + r * math.cos(a0 + (a1 - a0) * i / n), cy + r * math.sin(a0 + (a1 - a0) * i / n))
                       for i in range(n + 1)])


CLOVER_HALF = 600.0  # the community is 1.2 km × 1.2 km
CLOVER_GAP = 25.0  # distance between the two carriageways of each road
CLOVER_LOOP = (55.0, 50.0)  # loop ramp centre offset from the crossing (both axes) and radius
CLOVER_OUTER = 170.0  # radius of the outer connector ramps around the crossing
CLOVER_STREETS = (200.0, 300.0, 400.0, 500.0)  # local streets at ± these offsets, both directions


def cloverleaf() -> Inputs:
    """Synthetic: one 1.2 km × 1.2 km community (900000001001) crossed by two dual carriageways: an east-west
    trunk (快速路, rank EXPRESS) and a north-south primary (主干路), each two parallel lines 25 m apart,
    crossing at the centre with a cloverleaf interchange: in each quadrant a loop ramp (radius 50 m, about 207°,
    from one road's inner carriageway to the other's) and an outer connector ramp (radius 170 m around the
    crossing), both ramp=True (匝道, rank SECONDARY). Local streets (支路) every 100 m from 200 m to 500 m out
    make 100 m × 100 m blocks. Why: the median strips (25 m × 600 m), the loop interiors (≈ 7,000 m²) and the
    pieces between loop and outer ramp are exactly the corridor strips and interchange pieces that must not
    become grids of their own; merges must not cross the trunk or the primary."""
    h, g = CLOVER_HALF, CLOVER_GAP / 2
    barriers: list[Barrier] = []
    trunk, trunk_ramp = _rank("trunk"), _rank("trunk_link")
    primary = _rank("primary")
    for s in (-g, g):
        barriers.append(Barrier(_at(LineString([(-h, s), (h, s)])), *trunk))
        barriers.append(Barrier(_at(LineString([(s, -h), (s, h)])), *primary))
    c, r = CLOVER_LOOP
    reach = math.sqrt(r * r - (c - g) ** 2)  # where the loop circle meets a carriageway: c ± reach
    a0 = math.atan2(-(c - g), reach)  # (c + reach, g) seen from the loop centre (c, c)
    a1 = math.atan2(reach, -(c - g))  # (g, c + reach)
    ro = CLOVER_OUTER
    b0 = math.asin(g / ro)
    for sx, sy in ((1, 1), (-1, 1), (-1, -1), (1, -1)):
        loop = _arc(c, c, r, a0, a1)
        outer = _arc(0.0, 0.0, ro, b0, math.pi / 2 - b0)
        for line in (loop, outer):
            mirrored = LineString([(sx * x, sy * y) for x, y in line.coords])
            barriers.append(Barrier(_at(mirrored), *trunk_ramp))
    for d in CLOVER_STREETS:
        for s in (-d, d):
            barriers.append(Barrier(_at(LineString([(-h, s), (h, s)])), RANK_LOCAL))
            barriers.append(Barrier(_at(LineString([(s, -h), (s, h)])), RANK_LOCAL))
    community = CommunityInput("900000001001", _at(box(-h, -h, h, h)))
    return [community], barriers, []


BOULEVARD_SIZE = (1000.0, 800.0)  # community width × height
BOULEVARD_Y = (385.0, 415.0)  # the boulevard's two carriageways (30 m apart), from the west edge ...
BOULEVARD_END = 960.0  # ... to x = 960: 40 m short of the east edge
SERVICE_X, SERVICE_END = 500.0, 700.0  # a primary road from the south edge to y = 700: 100 m short of the north
BOULEVARD_LOCAL_X = (100.0, 200.0, 300.0, 400.0, 600.0, 700.0, 800.0)  # full-height local streets
BOULEVARD_LOCAL_Y = (100.0, 200.0, 300.0, 500.0, 600.0)  # full-width local streets


def boulevard_dead_end() -> Inputs:
    """Synthetic: one 1,000 m × 800 m community (900000002001) with local streets (支路) on a 100 m grid, a
    dual-carriageway boulevard (two primary lines 30 m apart) from the west edge ending 40 m short of the east
    edge, inside a 200 m × 200 m block, and a primary road (主干路) from the south edge ending 100 m short of the
    north edge, inside another 200 m × 200 m block. Why: with the default dead-end reach (60 m) the boulevard
    must be extended to the edge (its two carriageways become grid edges), the primary must not (100 m > 60 m);
    the legacy algorithm cuts straight across both."""
    w, ht = BOULEVARD_SIZE
    primary = _rank("primary")
    barriers = [Barrier(_at(LineString([(0.0, y), (BOULEVARD_END, y)])), *primary) for y in BOULEVARD_Y]
    barriers.append(Barrier(_at(LineString([(SERVICE_X, 0.0), (SERVICE_X, SERVICE_END)])), *primary))
    barriers += [Barrier(_at(LineString([(x, 0.0), (x, ht)])), RANK_LOCAL) for x in BOULEVARD_LOCAL_X]
    barriers += [Barrier(_at(LineString([(0.0, y), (w, y)])), RANK_LOCAL) for y in BOULEVARD_LOCAL_Y]
    return [CommunityInput("900000002001", _at(box(0.0, 0.0, w, ht)))], barriers, []


SUPERBLOCK = (400.0, 300.0)
SUPERBLOCK_BUILDING = (60.0, 15.0)  # slab footprint (m) ...
SUPERBLOCK_PITCH = (80.0, 50.0)  # ... repeated every 80 m across and 50 m up: 20 m and 35 m gaps
SUPERBLOCK_MARGIN = (10.0, 20.0)  # from the block edge to the first slab


def superblock_with_buildings() -> Inputs:
    """Synthetic: one road-free 400 m × 300 m block (community 900000003001, 120,000 m², no barrier inside)
    with 5 × 6 = 30 slab buildings of 60 m × 15 m in rows: 20 m gaps between slabs of a row, 35 m between rows.
    Why: the block must be split into about 12 grids by area alone; straight area cuts cross slabs, cuts along
    the gaps (x = 70-90, 150-170, …; y = 35-70, …) need not cross any."""
    w, ht = SUPERBLOCK
    bw, bh = SUPERBLOCK_BUILDING
    px, py = SUPERBLOCK_PITCH
    mx, my = SUPERBLOCK_MARGIN
    cols, rows = int((w - mx - bw) // px) + 1, int((ht - my - bh) // py) + 1
    buildings = [_at(box(mx + i * px, my + j * py, mx + i * px + bw, my + j * py + bh))
                 for j in range(rows) for i in range(cols)]
    return [CommunityInput("900000003001", _at(box(0.0, 0.0, w, ht)))], [], buildings


def rotated(inputs: Inputs, degrees: float) -> Inputs:
    """The same input rotated about the origin of the synthetic cases (to check nothing depends on the axes)."""
    communities, barriers, obstacles = inputs
    o = Point(ORIGIN)
    return ([CommunityInput(c.key, rotate(c.geometry, degrees, origin=o)) for c in communities],
            [Barrier(rotate(b.geometry, degrees, origin=o), b.rank, b.ramp) for b in barriers],
            [rotate(p, degrees, origin=o) for p in obstacles])


ALL = {"sample": sample, "prague": prague, "nyc": nyc, "cloverleaf": cloverleaf,
       "boulevard": boulevard_dead_end, "superblock": superblock_with_buildings}

__all__ = ["ALL", "CHENGDU_CSV", "Inputs", "boulevard_dead_end", "chengdu_centre", "chengdu_city", "cloverleaf",
           "communities_along_streets", "nyc", "prague", "rotated", "sample", "superblock_with_buildings"]
