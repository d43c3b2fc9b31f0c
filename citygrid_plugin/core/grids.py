"""Unit-grid (单元网格, the "万米单元网格") partition engine: cut communities into grids.

A unit grid is the smallest management area of digital urban management: a closed polygon of
about 10,000 m² bounded by clear features (roads, rivers, walls), belonging to exactly one
community, and the grids of a community tile it with no gap and no overlap (无缝拼接).
This module computes such a tiling from plain shapely geometries in a projected CRS in metres;
the processing layer converts QGIS layers and the code module numbers the result.

Parameters and why (:class:`PartitionParams`)
    ``target_area`` 10,000 m² — the 万米 of the standard. Real grids vary widely around it:
    Beijing Dongcheng, the 2004 pilot, drew 1,652 grids over 25.38 km², ≈15,400 m² on average,
    because a grid follows the blocks a supervisor walks, not a ruler.
    ``min_area`` default 0.4 × target (4,000 m²) — below this a block is too small to be worth
    a code and a patrol beat of its own; merging it into a neighbour of at least this size keeps
    the result under ~1.4 × target in the common case, so merges rarely force a split.
    ``max_area`` default 2.0 × target (20,000 m²) — a block up to twice the target is still one
    walkable block (Dongcheng's average is 1.5 × target); above it, splitting into
    ``round(area / target)`` parts yields parts between about 0.67 × and 1.33 × the target, so
    the two bounds are consistent: no split part falls below ``min_area``.
    ``sliver_width`` 8 m — a block whose mean width 2·area/perimeter is below it is a strip
    (between dual carriageways, along a wall) that nobody manages as a grid of its own.
    ``snap`` 1 mm — barrier coordinates are rounded to this grid before noding, and barrier
    vertices within ``snap`` of a community vertex are moved onto it, so that floating noise
    between a road end and a community boundary cannot leave a hairline gap or dangle. The
    community geometry itself is never altered: the grids tile the community as given, so a
    store constraint such as ST_CoveredBy(grid, community) holds exactly.

Road classes (:class:`Barrier`, :func:`barrier_class`)
    A barrier may carry a rank: 0 minor (paths, alleys, walls, service roads: 巷道/小路/围墙),
    1 支路 (local streets; the default when a layer has no class), 2 次干路 (secondary, and every
    ramp/匝道, flagged ``ramp``), 3 主干路 (primary, rivers), 4 快速路 (motorway, trunk, railway).
    ``major_rank`` 3: a road of rank 3 or more is "major"; ramps never are (an interchange's
    pieces are road space, not land on either side of a road).
``corridor_width`` 25 m and ``corridor_aspect`` 4 — a corridor strip (the space between the two
    carriageways of a boulevard, an interchange piece): its rectangle-equivalent width
    w = √(A/k) is 25 m or less and its length/width k above 4, where k solves (k+1)²/k = P²/(4A)
    (exact for a rectangle, and the same for a curved strip of the same area and perimeter). Mean
    width alone (2A/P) let 500–700 m strips of 10–16 m through. A face bounded for half its
    perimeter or more by ramps is an interchange piece too. Decision: a strip is *merged to one
    side* (the neighbour reached across the lowest road class, then the longest shared edge),
    not divided along its middle: the carriageway it is merged across stays inside road space,
    every grid edge stays on a line that exists on the ground (a median line does not), and no
    grid is a strip, except a community that is a strip as a whole.
``dead_end_reach`` 60 m — a barrier that ends (a dangle: an end no other barrier meets) within
    60 m of another barrier or the community edge, straight ahead (the ray of its last segment)
    or within 45° of it, is extended there, so the dead end becomes a grid edge instead of being
    cut across. 60 m is about half a block of the dense centre (one intersection per ~130 m):
    a cul-de-sac reaching most of the way through its block. 0 turns it off.

Algorithm, per community (communities are independent, so no grid can cross a community
boundary — 属地管理 — and they are processed in parallel processes when ``workers`` > 1, with
results identical to one process):

1. Node: barriers (roads, rivers, walls; a polygon barrier contributes its boundary) are
   clipped to the community, unioned with its boundary (which nodes all lines); dead ends are
   extended (above) and the lines polygonized; faces whose representative point lies in the
   community are its blocks. If polygonize ever loses area, the difference is added back as
   faces, so the blocks tile the community exactly. Every face edge keeps the class of the
   barrier it lies on.
2. Road space first: a face no wider than a corridor (rectangle-equivalent width ≤
   ``corridor_width``: a median, a junction box, a strip along a road) or bounded for half its
   perimeter by ramps (an interchange piece) waits for step 4. Merge rule for the other faces:
   repeatedly take the smallest block that is below ``min_area`` or a sliver and merge it into
   the neighbour across the lowest road class present on their common edge (a class counts when
   ≥ 0.5 m of it is shared), then the longest common edge (point contacts don't count), until
   none is left or the community is a single block. So a merge never crosses a higher class when
   a lower one is available, and crosses a major road only when every neighbour is across one;
   such a merge is reported as a warning with its place.
3. Split rule: a block above ``max_area`` is cut into n = max(2, round(area / target)) parts by
   recursive bisection. First along the lines inside it: a block that absorbed smaller faces
   (alleys, paths, walls, minor roads between them) is bisected along those faces when a sweep
   of its faces along the long or short axis gives two connected sides within ±25 % of a part's
   area of the balance. Otherwise a straight cut perpendicular to the long axis of the block's
   minimum rotated rectangle at the offset where one side holds k/n of the area (k = n // 2),
   moved within ±25 % of a part's area to the gap between obstacles (building footprints) that
   is nearest to the balance and at least 2 m from a building; the short axis and the diagonals
   are tried when that crosses a building; a cut crosses a building only when no offset in range
   avoids every one (the figures count them). If a cut leaves a side in several pieces (concave
   blocks) the other angles are tried; if none is clean, the cut leaving the least fragment area
   is used and its fragments are merged into the adjacent piece sharing the longest edge.
4. Road space joins the grids beside it: a corridor strip is divided between them, every
   point to the grid whose common edge is nearest (so a median is cut along its middle, and
   along its length where the grids beside it meet); any other piece goes whole to the grid with
   the longest common edge; pieces touching only road space wait for the next round. A community
   with no barrier inside is one block, split by area only.
5. Invariants, checked before returning (a failure raises :class:`PartitionError`): every grid
   is one valid Polygon; per community the grid areas sum to the community area and
   equal the area of their union (relative error < 1e-6, so no overlaps), and the union equals
   the community (so nothing crosses its boundary).
6. Capacity: a community that gets more than 999 grids (the serial is 3 digits) is warned about
   with the fix (split the community or raise the target area); a block that shares no edge with
   another (a separate part of a multi-part community) is kept as a grid and reported with the
   fix (give the part to the community around it).

Quality figures (:class:`QualityFigures`)
    area median / 5th / 95th percentile; ``share_within_bounds`` = share of grids with
    min_area ≤ area ≤ max_area; ``polsby_popper_median`` = median of 4πA/P² (1 for a disc, π/4
    for a square); ``boundary_adherence`` = of the barrier length lying inside communities (not
    along community boundaries, 0.05 m tolerance), the share lying on grid edges (within 0.05 m).
    ``straddling_major`` = grids that major (non-ramp) roads inside them divide into two or more
    pieces of land: pieces wider than corridor_width (rectangle-equivalent width; a median
    between carriageways, a junction box or a strip along a road is road space, whatever its
    length); ``corridor_strips`` = grids that are corridor strips and not a whole community;
    ``buildings_crossed`` = obstacles whose interior a grid edge not lying on a barrier or the
    community boundary crosses for more than 0.1 m (None without obstacles);
    ``dead_end_length`` = barrier length from a dangling end to the first junction, inside the
    communities, and ``dead_end_off_edges`` the part of it not on grid edges;
    ``share_barrier_bounded`` = share of grids whose whole boundary lies on barriers or the
    community boundary (within 0.05 m; a dead-end extension counts as not on a barrier).
"""
from __future__ import annotations

import heapq
import math
import os
import pickle  # nosec B403 - only between this process and the worker processes it started
import re
import shutil
import subprocess
import sys
import threading
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from shapely.geometry import (
    GeometryCollection,
    LinearRing,
    LineString,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
    Point,
    Polygon,
    box,
)
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import nearest_points, polygonize, split, transform, unary_union, voronoi_diagram
from shapely.ops import snap as shapely_snap
from shapely.prepared import prep
from shapely.strtree import STRtree
from shapely.validation import explain_validity

from .i18n import tr

ADHERENCE_TOLERANCE = 0.05  # m: a barrier counts as "on" a grid edge / community boundary within this
AREA_RTOL = 1e-6  # relative tolerance of the tiling invariants
MAX_GRIDS_PER_COMMUNITY = 999  # the grid serial has 3 digits (GB/T 30428.2)

RANK_MINOR = 0      # paths, alleys, footways, service roads, walls, fences (巷道/小路/围墙)
RANK_LOCAL = 1      # 支路: residential, tertiary, unclassified; the rank of a barrier without a class
RANK_SECONDARY = 2  # 次干路: secondary; every ramp (匝道, *_link) has this rank and ramp=True
RANK_PRIMARY = 3    # 主干路: primary; rivers
RANK_EXPRESS = 4    # 快速路/高速: motorway, trunk; railways
RANKS = 5

_CLASS_TABLE: dict[str, tuple[int, bool]] = {}
for _names, _value in (
    # OpenStreetMap highway=* (and railway/waterway values a barrier layer may carry)
    ("motorway trunk expressway freeway rail railway light_rail subway", (RANK_EXPRESS, False)),
    ("primary river canal", (RANK_PRIMARY, False)),
    ("secondary", (RANK_SECONDARY, False)),
    ("tertiary unclassified residential living_street road busway stream", (RANK_LOCAL, False)),
    ("motorway_link trunk_link primary_link secondary_link tertiary_link ramp", (RANK_SECONDARY, True)),
    ("service pedestrian footway path cycleway track steps bridleway alley corridor sidewalk crossing "
     "wall fence hedge retaining_wall city_wall ditch drain minor", (RANK_MINOR, False)),
    # Chinese road classes (CJJ 37 城市道路工程设计规范) and base-map feature names
    ("快速路 城市快速路 高速 高速公路 快速干道 铁路 轨道 地铁 高架", (RANK_EXPRESS, False)),
    ("主干路 主干道 主要道路 干道 国道 省道 河流 河道 河 江 运河 水系", (RANK_PRIMARY, False)),
    ("次干路 次干道 次要道路 县道", (RANK_SECONDARY, False)),
    ("支路 街道 道路 城市支路 乡道 村道 沟渠", (RANK_LOCAL, False)),
    ("匝道 立交 互通 引道", (RANK_SECONDARY, True)),
    ("街巷 巷道 小巷 胡同 里弄 小路 内部道路 小区道路 步行道 人行道 绿道 通道", (RANK_MINOR, False)),
    ("围墙 栅栏 篱笆 院墙 墙", (RANK_MINOR, False)),
    # CASS / 1:500 base-map layer names (GB/T 20257.1 feature groups)
    ("dlss dl", (RANK_LOCAL, False)),       # 道路及附属设施
    ("sxss sx", (RANK_PRIMARY, False)),     # 水系及附属设施
    ("tlss tl", (RANK_EXPRESS, False)),     # 铁路
    ("jmd dldw jzw wall_line", (RANK_MINOR, False)),  # 居民地 (walls, building outlines), 独立地物
):
    for _name in _names.split():
        _CLASS_TABLE[_name] = _value


def barrier_class(value) -> tuple[int, bool] | None:
    """(rank, ramp) of a road class *value*: an OSM ``highway`` value ('primary', 'trunk_link'…),
    a Chinese class or feature name ('主干路', '快速路', '匝道', '围墙'…), a CASS layer name
    ('DLSS', 'SXSS'…) or a rank number 0–4. A list (OSM "['primary', 'secondary']", "a;b") takes
    its most major member. None for NULL, '' and unknown values (the caller warns and uses
    :data:`RANK_LOCAL`)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        return (int(value), False) if float(value).is_integer() and 0 <= value < RANKS else None
    text = str(value).strip()
    if not text or text.upper() == "NULL":
        return None
    parts = [p.strip().strip("'\"").strip() for p in re.split(r"[;,|]", text.strip("[]()"))]
    best: tuple[int, bool] | None = None
    for part in parts:
        if not part:
            continue
        key = part.lower().replace("-", "_").replace(" ", "_")
        got = _CLASS_TABLE.get(key)
        if got is None and re.fullmatch(r"[0-4](\.0)?", key):
            got = (int(float(key)), False)
        if got is None:  # CASS layers carry suffixes (DLSS_边线, DLSS-2…) and Chinese names prefixes (城市主干路)
            for name, rank in _CLASS_TABLE.items():
                if (name.isascii() and len(name) >= 4 and key.startswith(name)) or (
                        not name.isascii() and len(name) >= 2 and key.endswith(name)):
                    got = rank
                    break
        if got is None:
            return None
        if best is None or got[0] > best[0]:
            best = got
    return best


# --------------------------------------------------------------------------------------------
# Public types
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PartitionParams:
    """Size and shape rules of the partition (defaults and their reasons in the module docstring)."""

    target_area: float = 10_000.0
    min_area: float | None = None  # default 0.4 * target_area
    max_area: float | None = None  # default 2.0 * target_area
    sliver_width: float = 8.0
    snap: float = 0.001
    major_rank: int = RANK_PRIMARY
    corridor_width: float = 25.0
    corridor_aspect: float = 4.0
    dead_end_reach: float = 60.0

    @property
    def min_bound(self) -> float:
        """Effective minimum area (m²)."""
        return 0.4 * self.target_area if self.min_area is None else float(self.min_area)

    @property
    def max_bound(self) -> float:
        """Effective maximum area (m²)."""
        return 2.0 * self.target_area if self.max_area is None else float(self.max_area)

    def problems(self) -> list[str]:
        """Inconsistent settings, as messages (empty when usable)."""
        out = []
        if not self.target_area > 0:
            out.append(tr("target area must be positive, got {value}").format(value=self.target_area))
        elif not 0 <= self.min_bound < self.target_area < self.max_bound:
            out.append(tr("area bounds must satisfy minimum < target < maximum, got {lo} < {target} < {hi}")
                       .format(lo=self.min_bound, target=self.target_area, hi=self.max_bound))
        if self.sliver_width < 0:
            out.append(tr("sliver width must not be negative, got {value}").format(value=self.sliver_width))
        if self.snap < 0:
            out.append(tr("snap tolerance must not be negative, got {value}").format(value=self.snap))
        if self.dead_end_reach < 0:
            out.append(tr("dead-end reach must not be negative, got {value}").format(value=self.dead_end_reach))
        if self.corridor_width < 0 or self.corridor_aspect < 1:
            out.append(tr("corridor width must not be negative and corridor aspect must be at least 1, got "
                          "{width} and {aspect}").format(width=self.corridor_width, aspect=self.corridor_aspect))
        if not 0 <= self.major_rank <= RANKS:
            out.append(tr("major road rank must be between 0 and {top}, got {value}")
                       .format(top=RANKS, value=self.major_rank))
        return out


DEFAULT_PARAMS = PartitionParams()


@dataclass(frozen=True)
class CommunityInput:
    """One community (社区): its key (e.g. the 12-digit code) and area."""

    key: str
    geometry: Polygon | MultiPolygon


@dataclass(frozen=True)
class Barrier:
    """A barrier with its road class: lines as they are, a polygon by its outline."""

    geometry: BaseGeometry
    rank: int = RANK_LOCAL
    ramp: bool = False


@dataclass
class GridPart:
    """One unit grid of the result: a single valid polygon inside one community."""

    community_key: str
    geometry: Polygon
    origin: str  # 'block' (barrier-bounded block, maybe with merged neighbours) | 'split'


@dataclass
class QualityFigures:
    """Figures describing a partition (definitions in the module docstring)."""

    count: int
    area_median: float
    area_p5: float
    area_p95: float
    share_within_bounds: float
    polsby_popper_median: float
    boundary_adherence: float | None  # None when no barrier lies inside the communities
    total_area: float
    community_area: float
    min_area: float = 0.0
    max_area: float = 0.0
    straddling_major: int = 0
    corridor_strips: int = 0
    buildings_crossed: int | None = None
    dead_end_length: float = 0.0
    dead_end_off_edges: float = 0.0
    share_barrier_bounded: float = 0.0

    def as_lines(self) -> list[str]:
        """Human-readable lines (translated) for logs, feedback and reports."""
        lines = [
            tr("grids: {count}").format(count=self.count),
            tr("grid area median {median:,.0f} m² (5th percentile {p5:,.0f}, 95th percentile {p95:,.0f})")
            .format(median=self.area_median, p5=self.area_p5, p95=self.area_p95),
            tr("within bounds {lo:,.0f}–{hi:,.0f} m²: {share:.1%}")
            .format(lo=self.min_area, hi=self.max_area, share=self.share_within_bounds),
            tr("compactness (Polsby-Popper) median: {value:.3f}").format(value=self.polsby_popper_median),
        ]
        if self.boundary_adherence is None:
            lines.append(tr("boundary adherence: no barrier lies inside the communities"))
        else:
            lines.append(tr("boundary adherence: {share:.1%} of the barrier length inside communities lies on "
                            "grid edges").format(share=self.boundary_adherence))
        lines.append(tr("grids bounded only by barriers and community boundaries: {share:.1%}")
                     .format(share=self.share_barrier_bounded))
        lines.append(tr("grids straddling a major road: {count}; corridor strips: {strips}")
                     .format(count=self.straddling_major, strips=self.corridor_strips))
        lines.append(tr("dead-end barrier length {length:,.0f} m, of which {off:,.0f} m not on grid edges")
                     .format(length=self.dead_end_length, off=self.dead_end_off_edges))
        if self.buildings_crossed is None:
            lines.append(tr("buildings crossed by cuts: no obstacle layer given"))
        else:
            lines.append(tr("buildings crossed by cuts: {count}").format(count=self.buildings_crossed))
        lines.append(tr("total grid area {grids:,.1f} m², community area {communities:,.1f} m²")
                     .format(grids=self.total_area, communities=self.community_area))
        return lines


@dataclass
class PartitionResult:
    """Grids, warnings a technician should read, and the quality figures."""

    grids: list[GridPart]
    warnings: list[str]
    figures: QualityFigures


class PartitionError(ValueError):
    """The input (or, for a bug, the result) breaks a rule; ``problems`` lists every problem."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class PartitionCancelled(RuntimeError):
    """The progress callback asked to stop."""


# --------------------------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------------------------
def _polygon_parts(geom: BaseGeometry) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [] if geom.is_empty else [geom]
    if isinstance(geom, MultiPolygon | GeometryCollection):
        return [p for g in geom.geoms for p in _polygon_parts(g)]
    return []


def check_communities(communities: Sequence[CommunityInput], tolerance_area: float = 1.0) -> list[str]:
    """Every problem that prevents a seamless partition: invalid or empty geometry, duplicate keys,
    overlapping pairs and gaps (holes in the union), each with areas and a location (x, y)."""
    problems: list[str] = []
    seen: set[str] = set()
    good: list[CommunityInput] = []
    for c in communities:
        if c.key in seen:
            problems.append(tr("community {key} appears more than once").format(key=c.key))
        seen.add(c.key)
        g = c.geometry
        if g is None or g.is_empty:
            problems.append(tr("community {key} has an empty geometry").format(key=c.key))
        elif not isinstance(g, Polygon | MultiPolygon):
            problems.append(tr("community {key} is a {kind}, not a polygon").format(key=c.key, kind=g.geom_type))
        elif not g.is_valid:
            problems.append(tr("community {key} has an invalid geometry: {reason}")
                            .format(key=c.key, reason=explain_validity(g)))
        else:
            good.append(c)
    if not good:
        return problems
    geoms = [c.geometry for c in good]
    index = {id(g): i for i, g in enumerate(geoms)}
    tree = _tree(geoms)
    for i, c in enumerate(good):
        prepared = prep(c.geometry)
        for other in tree.query(c.geometry):
            j = index[id(other)]
            if j <= i or not prepared.intersects(other):
                continue
            inter = c.geometry.intersection(other)
            if inter.area > tolerance_area:
                pt = inter.representative_point()
                problems.append(tr("community {key} overlaps community {other} by {area:.1f} m² "
                                   "near ({x:.1f}, {y:.1f})").format(key=c.key, other=good[j].key,
                                                                    area=inter.area, x=pt.x, y=pt.y))
    union = unary_union(geoms)
    for part in _polygon_parts(union):
        for ring in part.interiors:
            hole = Polygon(ring)
            if hole.area > tolerance_area:
                pt = hole.representative_point()
                around = sorted(good[index[id(g)]].key for g in tree.query(hole) if g.distance(hole) < 1e-6)
                problems.append(tr("gap of {area:.1f} m² between communities {keys} at ({x:.1f}, {y:.1f})")
                                .format(area=hole.area, keys=", ".join(around), x=pt.x, y=pt.y))
    return problems


# --------------------------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------------------------
def _tree(geoms: list[BaseGeometry]) -> STRtree:
    """A shapely 1.8 STRtree (query returns geometries) without its 2.0 deprecation warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return STRtree(geoms)


def _snapper(grid: float) -> Callable[[BaseGeometry], BaseGeometry]:
    if grid <= 0:
        return lambda g: g

    def rnd(x, y, z=None):
        return np.round(np.asarray(x) / grid) * grid, np.round(np.asarray(y) / grid) * grid

    return lambda g: transform(rnd, g)


def _lines_of(geom: BaseGeometry) -> list[LineString]:
    """The linework of a barrier: lines as they are, polygons by their boundary."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, LineString):
        return [geom]
    if isinstance(geom, LinearRing):
        return [LineString(geom.coords)]
    if isinstance(geom, Polygon):
        return [LineString(r.coords) for r in (geom.exterior, *geom.interiors)]
    if hasattr(geom, "geoms"):
        return [line for g in geom.geoms for line in _lines_of(g)]
    return []


def _pp(poly: Polygon) -> float:
    return 4 * math.pi * poly.area / poly.length ** 2 if poly.length > 0 else 0.0


def _segments(poly: Polygon) -> Iterable[tuple[tuple, tuple]]:
    for ring in (poly.exterior, *poly.interiors):
        cs = ring.coords
        for p, q in zip(cs[:-1], cs[1:]):
            if p != q:
                yield (p, q) if p < q else (q, p)


def _shared_length(a: Polygon, b: Polygon) -> float:
    inter = a.boundary.intersection(b.boundary)
    return sum(line.length for line in _lines_of(inter))


def _single_polygons(geom: BaseGeometry) -> list[Polygon]:
    return [p for p in _polygon_parts(geom) if p.area > 0]


def _equivalent_rectangle(area: float, perimeter: float) -> tuple[float, float]:
    """(width, length/width) of the rectangle with this area and perimeter (module docstring);
    a shape more compact than a square counts as a square (aspect 1)."""
    if area <= 0 or perimeter <= 0:
        return 0.0, 1.0
    e = perimeter * perimeter / (4.0 * area)
    if e <= 4.0:
        return math.sqrt(area), 1.0
    k = ((e - 2.0) + math.sqrt((e - 2.0) ** 2 - 4.0)) / 2.0
    return math.sqrt(area / k), k


def _is_road(area: float, perimeter: float, ramp_length: float, params: PartitionParams) -> bool:
    """Road space: a face no wider than a corridor (a median, a junction box, a strip along a
    road), or one bounded for half its perimeter or more by ramps (an interchange piece)."""
    if _equivalent_rectangle(area, perimeter)[0] <= params.corridor_width * (1 + 1e-9):
        return True
    return perimeter > 0 and ramp_length >= 0.5 * perimeter and area < params.max_bound


def _is_strip(area: float, perimeter: float, params: PartitionParams) -> bool:
    width, aspect = _equivalent_rectangle(area, perimeter)
    return width <= params.corridor_width * (1 + 1e-9) and aspect > params.corridor_aspect


@dataclass
class _Line:
    """A barrier line of one community with its class."""

    geom: LineString
    rank: int = RANK_LOCAL
    ramp: bool = False


def _normalise_barriers(barriers: Sequence, snap: Callable[[BaseGeometry], BaseGeometry]) -> tuple[list[_Line], int]:
    """Barrier lines with their class (a plain geometry is a local road); returns the lines and
    the number of unusable inputs."""
    lines: list[_Line] = []
    ignored = 0
    for b in barriers:
        if isinstance(b, Barrier):
            geom, rank, ramp = b.geometry, min(max(int(b.rank), 0), RANKS - 1), bool(b.ramp)
        else:
            geom, rank, ramp = b, RANK_LOCAL, False
        got = _lines_of(geom)
        if not got and geom is not None and not geom.is_empty:
            ignored += 1
        for line in got:
            if not all(math.isfinite(c) for xy in line.coords for c in xy[:2]):
                ignored += 1
                continue
            s = snap(line)
            if s.length > 0:
                lines.append(_Line(s, rank, ramp))
    return lines, ignored


# --------------------------------------------------------------------------------------------
# Step 1: blocks
# --------------------------------------------------------------------------------------------
SegmentClass = dict[tuple, tuple[int, bool]]


def _clip(community: BaseGeometry, lines: list[_Line], snap: float) -> list[_Line]:
    """The lines that touch the community, snapped onto its boundary and clipped to its envelope
    grown by 1 m (not to the community itself: a line clipped at the boundary ends on a computed
    point that may miss the boundary by 1e-12 m and would then dangle; a line that crosses the
    boundary is noded with it by the union that follows)."""
    inside = prep(community)
    lines = [ln for ln in lines if inside.intersects(ln.geom)]
    if lines and snap > 0:
        snapped = _lines_of(shapely_snap(MultiLineString([ln.geom for ln in lines]), community.boundary, snap))
        if len(snapped) == len(lines):
            lines = [_Line(g, ln.rank, ln.ramp) for g, ln in zip(snapped, lines)]
        else:  # a part collapsed: snap line by line
            lines = [_Line(g, ln.rank, ln.ramp) for ln in lines
                     for g in _lines_of(shapely_snap(ln.geom, community.boundary, snap))]
    x0, y0, x1, y1 = community.bounds
    frame = box(x0 - 1.0, y0 - 1.0, x1 + 1.0, y1 + 1.0)
    frame_p = prep(frame)
    clipped: list[_Line] = []
    for ln in lines:
        if frame_p.contains(ln.geom):
            clipped.append(ln)
        else:
            clipped.extend(_Line(g, ln.rank, ln.ramp) for g in _lines_of(ln.geom.intersection(frame)))
    return [ln for ln in clipped if ln.geom.length > 0]


def _classify_pieces(pieces: list[LineString], lines: list[_Line]) -> list[tuple[int, bool] | None]:
    """The class of each noded piece: of the most major barrier it lies on; None for pieces of the
    community boundary that lie on no barrier."""
    if not lines:
        return [None] * len(pieces)
    classes = {(ln.rank, ln.ramp) for ln in lines}
    if len(classes) == 1:  # one class (a layer without classes): every piece has it; boundary pieces
        only = next(iter(classes))  # never share an edge between two faces nor dangle, so it is harmless
        return [only] * len(pieces)
    geoms = [ln.geom for ln in lines]
    tree = _tree(geoms)
    index = {id(g): i for i, g in enumerate(geoms)}
    out: list[tuple[int, bool] | None] = []
    for piece in pieces:
        mid = piece.interpolate(0.5, normalized=True)
        best = None
        for g in tree.query(box(mid.x - 1e-3, mid.y - 1e-3, mid.x + 1e-3, mid.y + 1e-3)):
            if g.distance(mid) <= 1e-3:
                ln = lines[index[id(g)]]
                if best is None or ln.rank > best[0]:
                    best = (ln.rank, ln.ramp)
        out.append(best)
    return out


def _dead_end_extensions(community: BaseGeometry, pieces: list[LineString], classes: list,
                         reach: float) -> tuple[list[_Line], list[float]]:
    """Segments extending each dangling end inside the community to the first barrier or
    boundary straight ahead within *reach*, or else to the nearest point within 45° of the
    direction of travel; returns them with their class and the dangling pieces' lengths."""
    degree: Counter = Counter()
    for piece in pieces:
        cs = piece.coords
        degree[cs[0]] += 1
        degree[cs[-1]] += 1
    boundary = community.boundary
    inside = prep(community)
    tree = _tree(pieces)
    index = {id(g): i for i, g in enumerate(pieces)}
    out: list[_Line] = []
    dangling: list[float] = []
    for i, piece in enumerate(pieces):
        cs = list(piece.coords)
        for end, prev in ((cs[-1], cs[-2]), (cs[0], cs[1])):
            if degree[end] != 1 or classes[i] is None:
                continue
            p = Point(end)
            if not inside.contains(p) or boundary.distance(p) <= 1e-6:
                continue
            dangling.append(piece.length)
            if reach <= 0:
                continue
            d = np.subtract(end[:2], prev[:2])
            norm = float(np.hypot(*d))
            if norm == 0:
                continue
            d = d / norm
            ray = LineString([end[:2], tuple(np.add(end[:2], d * reach))])
            best, best_dist = None, math.inf
            for g in tree.query(ray):
                if g is piece:
                    continue
                hit = g.intersection(ray)
                for q in _points_of(hit):
                    dist = math.dist(q, end[:2])
                    if 1e-6 < dist < best_dist:
                        best, best_dist = q, dist
            if best is None:
                for g in tree.query(p.buffer(reach, resolution=2)):
                    if g is piece or index[id(g)] == i:
                        continue
                    q = nearest_points(p, g)[1]
                    dist = p.distance(q)
                    if 1e-6 < dist <= reach and dist < best_dist:
                        w = np.subtract((q.x, q.y), end[:2]) / dist
                        if float(np.dot(w, d)) >= math.cos(math.radians(45)):
                            best, best_dist = (q.x, q.y), dist
            if best is not None:
                rank, ramp = classes[i]
                out.append(_Line(LineString([end[:2], best]), rank, ramp))
    return out, dangling


def _points_of(geom: BaseGeometry) -> list[tuple[float, float]]:
    if geom.is_empty:
        return []
    if geom.geom_type == "Point":
        return [(geom.x, geom.y)]
    if hasattr(geom, "geoms"):
        return [q for g in geom.geoms for q in _points_of(g)]
    if geom.geom_type == "LineString":  # collinear overlap: its nearer end
        return [tuple(c[:2]) for c in (geom.coords[0], geom.coords[-1])]
    return []


def _noded_pieces(geoms: list[BaseGeometry]) -> list[LineString]:
    return [g for g in _lines_of(unary_union(geoms)) if g.length > 0]


def _blocks(community: Polygon | MultiPolygon, lines: list[_Line],
            params: PartitionParams) -> tuple[list[Polygon], float, SegmentClass, int]:
    """Faces of the community cut by *lines* (dead ends extended), the area added back, the class
    of every face edge segment, and the number of dead ends extended."""
    clipped = _clip(community, lines, params.snap)
    if not clipped:
        return _single_polygons(community), 0.0, {}, 0
    inside = prep(community)
    pieces = _noded_pieces([community.boundary, *[ln.geom for ln in clipped]])
    classes = _classify_pieces(pieces, clipped)
    extensions, _ = _dead_end_extensions(community, pieces, classes, params.dead_end_reach)
    if extensions:
        clipped = clipped + extensions
        pieces = _noded_pieces([*pieces, *[ln.geom for ln in extensions]])
        classes = _classify_pieces(pieces, clipped)
    seg_class: SegmentClass = {}
    for piece, cls in zip(pieces, classes):
        if cls is None:
            continue
        cs = piece.coords
        for p, q in zip(cs[:-1], cs[1:]):
            if p != q:
                seg_class[(p, q) if p < q else (q, p)] = cls
    faces = [f for f in polygonize(pieces) if f.area > 0 and inside.contains(f.representative_point())]
    total = sum(f.area for f in faces)
    added = 0.0
    if abs(total - community.area) > 1e-9 * community.area:
        missing = community.difference(unary_union(faces)) if faces else community
        extra = _single_polygons(missing)
        faces += extra
        added = sum(p.area for p in extra)
    return faces, added, seg_class, len(extensions)


# --------------------------------------------------------------------------------------------
# Step 2: merge small blocks, slivers, corridor strips and interchange pieces
# --------------------------------------------------------------------------------------------
def _crossing_rank(lengths: list[float]) -> int:
    """The highest class present on a shared edge (≥ 0.5 m of it, or any when the edge is shorter)."""
    for r in range(RANKS - 1, -1, -1):
        if lengths[r] >= 0.5:
            return r
    for r in range(RANKS - 1, -1, -1):
        if lengths[r] > 0:
            return r
    return RANK_LOCAL


@dataclass
class _Merged:
    blocks: list[tuple[Polygon, list[Polygon]]]  # (block, the faces it is made of)
    stuck: list[Polygon]
    major_merges: list[tuple[Polygon, int]] = field(default_factory=list)  # (face, rank crossed)
    roads: list[Polygon] = field(default_factory=list)  # road space, for step 4


def _merge(faces: list[Polygon], params: PartitionParams, seg_class: SegmentClass,
           exact: bool = True) -> _Merged:
    """Merge small, sliver, strip and interchange blocks into the neighbour across the lowest
    class, then the longest common edge. Shared lengths come from identical segments
    (polygonize output); with ``exact=False`` (faces added back by the area repair) missing
    pairs are measured geometrically (as local roads)."""
    n = len(faces)
    if n <= 1:
        return _Merged([(f, [f]) for f in faces], [])
    min_area, sliver = params.min_bound, params.sliver_width
    owner: dict[tuple, int] = {}
    adj: list[dict[int, list[float]]] = [{} for _ in range(n)]
    ramp_len = [0.0] * n
    for i, f in enumerate(faces):
        for seg in _segments(f):
            cls = seg_class.get(seg)
            if cls is not None and cls[1]:
                ramp_len[i] += math.dist(*seg)
            j = owner.pop(seg, None)
            if j is None:
                owner[seg] = i
            elif j != i:
                rank = cls[0] if cls is not None else RANK_LOCAL
                length = math.dist(*seg)
                row = adj[i].get(j)
                if row is None:
                    row = adj[i][j] = [0.0] * RANKS
                    adj[j][i] = row
                row[rank] += length
    if not exact:
        tree = _tree(faces)
        index = {id(f): i for i, f in enumerate(faces)}
        for i, f in enumerate(faces):
            for g in tree.query(f):
                j = index[id(g)]
                if j > i and j not in adj[i]:
                    length = _shared_length(f, g)
                    if length > 0:
                        row = [0.0] * RANKS
                        row[RANK_LOCAL] = length
                        adj[i][j] = adj[j][i] = row

    area = [f.area for f in faces]
    perim = [f.length for f in faces]
    members: list[list[int]] = [[i] for i in range(n)]
    alive = n
    road = [_is_road(area[i], perim[i], ramp_len[i], params) for i in range(n)]
    if not all(road):  # road space waits for the land around it (step 4); alone, it is merged as land
        for i in range(n):
            if road[i]:
                for k in adj[i]:
                    del adj[k][i]
                adj[i] = {}
                members[i] = []
                alive -= 1
    else:  # the community is all road space (a strip of a community): one block, cut only if too large
        whole = _single_polygons(unary_union(faces))
        return _Merged([(w, [f for f in faces if prep(w).contains(f.representative_point())] or [w])
                        for w in whole], [])

    def candidate(i: int) -> bool:
        return area[i] < min_area or (perim[i] > 0 and 2 * area[i] / perim[i] < sliver)

    heap = [(area[i], i) for i in range(n) if not road[i] and candidate(i)]
    heapq.heapify(heap)
    lonely: list[int] = []
    major: list[tuple[int, int]] = []
    while heap and alive > 1:
        a, i = heapq.heappop(heap)
        if not members[i] or a != area[i] or not candidate(i):
            continue
        if not adj[i]:
            lonely.append(i)
            continue
        j = min(adj[i], key=lambda k: (_crossing_rank(adj[i][k]), -sum(adj[i][k]), k))
        crossed = _crossing_rank(adj[i][j])
        if crossed >= params.major_rank:
            major.append((i, crossed))
        row = adj[i].pop(j)
        del adj[j][i]
        shared = sum(row)
        for k, other in adj[i].items():
            del adj[k][i]
            mine = adj[j].get(k)
            if mine is None:
                adj[j][k] = other
                adj[k][j] = other
            else:
                for r in range(RANKS):
                    mine[r] += other[r]
        adj[i] = {}
        area[j] += area[i]
        perim[j] += perim[i] - 2 * shared
        ramp_len[j] += ramp_len[i]
        members[j].extend(members[i])
        members[i] = []
        alive -= 1
        if candidate(j):
            heapq.heappush(heap, (area[j], j))
    blocks: list[tuple[Polygon, list[Polygon]]] = []
    for m in members:
        if not m:
            continue
        parts = [faces[k] for k in m]
        geom = parts[0] if len(m) == 1 else unary_union(parts)
        polys = _single_polygons(geom)
        if len(polys) == 1:
            blocks.append((polys[0], parts))
        else:  # cannot happen for edge-connected faces; keep each part with its own faces
            for p in polys:
                pp = prep(p)
                blocks.append((p, [f for f in parts if pp.contains(f.representative_point())] or [p]))
    roads = [faces[i] for i in range(n) if road[i]]
    if roads:  # a lonely block next to road space is not stuck: the road space joins it
        touching = _tree(roads)
        lonely = [i for i in lonely if not any(faces[i].intersection(r).length > 0 for r in touching.query(faces[i]))]
    stuck = [faces[i] for i in lonely if members[i] and area[i] < min_area]
    return _Merged(blocks, stuck, [(faces[i], r) for i, r in major], roads)


# --------------------------------------------------------------------------------------------
# Step 3: split large blocks
# --------------------------------------------------------------------------------------------
def _long_axis(poly: Polygon) -> float:
    """Angle (radians) of the long side of the minimum rotated rectangle — the same rectangle as
    shapely's ``minimum_rotated_rectangle`` (one side on a convex hull edge, least area), computed
    with numpy because shapely 1.8 builds it in Python and it dominated the split time."""
    hull = poly.convex_hull
    if not isinstance(hull, Polygon):
        return 0.0
    xy = np.asarray(hull.exterior.coords)
    xy = xy - xy.mean(axis=0)
    edges = np.diff(xy, axis=0)
    edges = edges[np.hypot(edges[:, 0], edges[:, 1]) > 0]
    ang = np.arctan2(edges[:, 1], edges[:, 0])
    c, s = np.cos(ang)[:, None], np.sin(ang)[:, None]
    along = xy[:, 0] * c + xy[:, 1] * s
    across = -xy[:, 0] * s + xy[:, 1] * c
    w = along.max(axis=1) - along.min(axis=1)
    h = across.max(axis=1) - across.min(axis=1)
    k = int(np.argmin(w * h))
    return float(ang[k] if w[k] >= h[k] else ang[k] + math.pi / 2)


def _axes(poly: Polygon) -> list[np.ndarray]:
    """Unit vectors to cut *across*: long axis of the minimum rotated rectangle first, then the
    short axis, then intermediate angles."""
    base = _long_axis(poly)
    out = []
    for deg in (0, 90, 45, -45, 22.5, -22.5, 67.5, -67.5):
        a = base + math.radians(deg)
        out.append(np.array([math.cos(a), math.sin(a)]))
    return out


def _halfplane(u: np.ndarray, t: float, lo: float, vmin: float, vmax: float) -> Polygon:
    v = np.array([-u[1], u[0]])
    pts = [u * a + v * b for a, b in ((lo, vmin), (t, vmin), (t, vmax), (lo, vmax))]
    return Polygon([tuple(p) for p in pts])


def _balanced_cut(poly: Polygon, u: np.ndarray, frac: float) -> tuple[float, LineString]:
    """Offset t along u where the part with projection <= t holds *frac* of the area, and the
    cut line there (regula falsi, Illinois variant, bracketed so it always converges)."""
    xy = np.asarray(poly.exterior.coords)
    v = np.array([-u[1], u[0]])
    pu, pv = xy @ u, xy @ v
    lo_t, hi_t = float(pu.min()), float(pu.max())
    vmin, vmax = float(pv.min()) - 1.0, float(pv.max()) + 1.0
    start = lo_t - 1.0
    total = poly.area
    goal = frac * total
    tol = max(1e-4 * total, 1e-3)
    f_lo, f_hi = -goal, total - goal
    side = 0
    t = lo_t + frac * (hi_t - lo_t)
    for _ in range(60):
        t = (lo_t * f_hi - hi_t * f_lo) / (f_hi - f_lo) if f_hi != f_lo else (lo_t + hi_t) / 2
        if not lo_t < t < hi_t:
            t = (lo_t + hi_t) / 2
        f = poly.intersection(_halfplane(u, t, start, vmin, vmax)).area - goal
        if abs(f) <= tol or hi_t - lo_t < 1e-3:
            break
        if f < 0:
            lo_t, f_lo = t, f
            if side == -1:
                f_hi /= 2
            side = -1
        else:
            hi_t, f_hi = t, f
            if side == 1:
                f_lo /= 2
            side = 1
    a, b = u * t + v * vmin, u * t + v * vmax
    return t, LineString([tuple(a), tuple(b)])


def _line_at(poly: Polygon, u: np.ndarray, t: float) -> LineString:
    xy = np.asarray(poly.exterior.coords)
    v = np.array([-u[1], u[0]])
    pv = xy @ v
    vmin, vmax = float(pv.min()) - 1.0, float(pv.max()) + 1.0
    return LineString([tuple(u * t + v * vmin), tuple(u * t + v * vmax)])


CUT_CLEARANCE = 2.0  # m: a cut between buildings keeps at least this from each when it can
CUT_SLACK = 0.25     # a cut may move this share of a part's area away from the balance to avoid buildings


def _avoid_obstacles(poly: Polygon, u: np.ndarray, t: float, line: LineString, unit: float,
                     obstacles: list[np.ndarray]) -> tuple[float, int]:
    """The offset near *t* (within ±CUT_SLACK × unit of area) whose cut crosses the fewest
    obstacles — in the gap nearest the balance, CUT_CLEARANCE from buildings when it can — and
    how many it crosses. Obstacles are given by their vertices (an obstacle inside the block is
    crossed by the cut at offset s exactly when s lies within its projection on u)."""
    if not obstacles:
        return t, 0
    spans = sorted((float(xy.min()), float(xy.max())) for xy in (o @ u for o in obstacles))
    chord = max(line.intersection(poly).length, 1.0)
    delta = CUT_SLACK * unit / chord
    lo, hi = t - delta, t + delta
    spans = [s for s in spans if s[1] > lo and s[0] < hi]
    if not spans:
        return t, 0

    def crossings(s: float) -> int:
        return sum(1 for a, b in spans if a < s < b)

    merged: list[list[float]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    gaps = []
    prev = -math.inf
    for a, b in merged:
        gaps.append((prev, a))
        prev = b
    gaps.append((prev, math.inf))
    best = None
    for g0, g1 in gaps:
        a, b = max(g0, lo), min(g1, hi)
        if a > b:
            continue
        if g1 - g0 > 2 * CUT_CLEARANCE:  # stay at the balance, clear of the buildings
            c = min(max(t, g0 + CUT_CLEARANCE), g1 - CUT_CLEARANCE)
        else:  # a narrow gap: its middle
            c = (g0 + g1) / 2
        c = min(max(c, a), b)
        margin = min(c - g0, g1 - c)
        score = (margin < CUT_CLEARANCE, abs(c - t))
        if best is None or score < best[0]:
            best = (score, c)
    if best is not None:
        return best[1], 0
    candidates = [t] + [x for a, b in spans for x in (a - 1e-3, b + 1e-3) if lo <= x <= hi]
    c = min(candidates, key=lambda s: (crossings(s), abs(s - t)))
    return c, crossings(c)


def _sweep_members(poly: Polygon, members: list[Polygon], frac: float, unit: float, axes: list[np.ndarray],
                   params: PartitionParams) -> tuple[list[Polygon], list[Polygon]] | None:
    """Two connected groups of the block's faces near the balance, split along the lines between
    faces (minor roads, alleys, paths, walls the block absorbed), neither a corridor strip, or None."""
    if len(members) < 2:
        return None
    total = sum(f.area for f in members)
    goal = frac * total
    slack = CUT_SLACK * unit
    for u in axes[:2]:
        order = sorted(members, key=lambda f: float(np.dot(np.asarray(f.centroid.coords[0]), u)))
        cum = np.cumsum([f.area for f in order])
        tried = sorted(range(len(order) - 1), key=lambda k: abs(cum[k] - goal))[:1]
        for k in tried:
            if abs(cum[k] - goal) > slack:
                break
            left = _single_polygons(unary_union(order[:k + 1]))
            right = _single_polygons(unary_union(order[k + 1:]))
            if (len(left) == 1 and len(right) == 1 and not _is_strip(left[0].area, left[0].length, params)
                    and not _is_strip(right[0].area, right[0].length, params)):
                return order[:k + 1], order[k + 1:]
    return None


def _merge_fragments(pieces: list[Polygon], keep: int) -> list[Polygon]:
    """Merge the smallest pieces into their longest-edge neighbour until *keep* remain (or no
    merge is possible)."""
    pieces = sorted(pieces, key=lambda p: -p.area)
    while len(pieces) > keep:
        frag = pieces.pop()
        best, best_len = None, 0.0
        for k, other in enumerate(pieces):
            length = _shared_length(frag, other)
            if length > best_len:
                best, best_len = k, length
        if best is None:
            pieces.append(frag)
            break
        merged = _single_polygons(unary_union([pieces[best], frag]))
        if len(merged) != 1:
            pieces.append(frag)
            break
        pieces[best] = merged[0]
        pieces.sort(key=lambda p: -p.area)
    return pieces


class _Obstacles:
    """Obstacle footprints with their vertices (for projections) and bounds (for a quick filter)."""

    def __init__(self, items: list[tuple[Polygon, np.ndarray]], bounds: np.ndarray | None = None):
        self.items = items
        self.bounds = bounds if bounds is not None else (
            np.array([p.bounds for p, _ in items], dtype=float) if items else np.empty((0, 4)))

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def inside(self, poly: Polygon) -> _Obstacles:
        """The obstacles that intersect *poly*."""
        if not self.items:
            return self
        x0, y0, x1, y1 = poly.bounds
        b = self.bounds
        candidates = np.nonzero((b[:, 0] < x1) & (b[:, 2] > x0) & (b[:, 1] < y1) & (b[:, 3] > y0))[0]
        pp = prep(poly)
        keep = [int(i) for i in candidates if pp.intersects(self.items[i][0])]
        return _Obstacles([self.items[i] for i in keep], b[keep] if keep else np.empty((0, 4)))


NO_OBSTACLES = _Obstacles([])


def _split_block(poly: Polygon, n: int, unit: float, depth: int = 0, members: list[Polygon] | None = None,
                 obstacles: _Obstacles = NO_OBSTACLES,
                 params: PartitionParams = DEFAULT_PARAMS) -> list[tuple[Polygon, str]]:
    """Cut *poly* into *n* parts of about *unit* m² by recursive bisection: along the faces it is
    made of when they allow it, else by a straight cut avoiding obstacles; returns (part, origin)
    with origin 'block' for a part bounded by the block's own lines, 'split' otherwise."""
    if n <= 1 or depth > 40:
        return [(poly, "block" if depth == 0 or members is not None else "split")]
    k = n // 2
    frac = k / n
    axes = _axes(poly)
    if members is not None and len(members) > 1:
        groups = _sweep_members(poly, members, frac, unit, axes, params)
        if groups is not None:
            left, right = groups
            lp, rp = (_single_polygons(unary_union(g))[0] for g in groups)
            return (_split_block(lp, k, unit, depth + 1, left, obstacles, params)
                    + _split_block(rp, n - k, unit, depth + 1, right, obstacles, params))
    inner = obstacles.inside(poly)
    verts = [xy for _, xy in inner]
    best: tuple[float, list[Polygon], list[Polygon]] | None = None
    clean: list[tuple[int, int, Polygon, Polygon]] = []
    for rank, u in enumerate(axes):
        t, line = _balanced_cut(poly, u, frac)
        crossed = 0
        if verts:
            t, crossed = _avoid_obstacles(poly, u, t, line, unit, verts)
            line = _line_at(poly, u, t)
        pieces = _single_polygons(split(poly, line))
        left = [p for p in pieces if np.dot(np.asarray(p.representative_point().coords[0]), u) <= t]
        right = [p for p in pieces if all(p is not q for q in left)]
        if not left or not right:
            continue
        if len(left) == 1 and len(right) == 1:
            strips = sum(_is_strip(p.area, p.length, params) for p in (left[0], right[0]))
            clean.append((strips, crossed, rank, left[0], right[0]))
            if strips == 0 and (crossed == 0 or rank >= 3):
                break
            continue
        fragments = sum(p.area for p in left) - max(p.area for p in left) + \
            sum(p.area for p in right) - max(p.area for p in right)
        if best is None or fragments < best[0]:
            best = (fragments, left, right)
    if clean:
        _, _, _, lp, rp = min(clean, key=lambda c: (c[0], c[1], c[2]))
        return (_split_block(lp, k, unit, depth + 1, None, inner, params)
                + _split_block(rp, n - k, unit, depth + 1, None, inner, params))
    if best is None:
        return [(poly, "split" if depth else "block")]
    _, left, right = best
    parts = _merge_fragments(left + right, 2)
    out = []
    for p in parts:
        m = max(1, round(p.area / unit))
        out.extend(_split_block(p, m, unit, depth + 1, None, inner, params) if p.area < poly.area * (1 - 1e-9)
                   else [(p, "split")])
    return out


# --------------------------------------------------------------------------------------------
# Step 4: road space joins the grids beside it
# --------------------------------------------------------------------------------------------
ROAD_SAMPLE = 8.0  # m between the points that divide a strip between its neighbours


def _shared_lines(a: Polygon, b: Polygon) -> list[LineString]:
    return [g for g in _lines_of(a.boundary.intersection(b.boundary)) if g.length > 0]


def _divide(piece: Polygon, neighbours: list[tuple[int, list[LineString]]]) -> list[tuple[int, Polygon]]:
    """*piece* divided among *neighbours* (index, common edges): every point goes to the neighbour whose
    common edge is nearest (Voronoi cells of points every ROAD_SAMPLE m along the common edges),
    so a median is cut along its middle and, along its length, where the grids beside it meet."""
    shared = {idx: lines for idx, lines in neighbours if lines}
    if len(shared) < 2:
        return [(next(iter(shared)), piece)] if shared else []
    sampled = []
    for lines in shared.values():
        for line in lines:
            cs = np.asarray(line.coords)[:, :2]
            along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(cs, axis=0).T))])
            at = np.linspace(0.0, along[-1], max(2, math.ceil(along[-1] / ROAD_SAMPLE)) + 1)
            sampled.append(np.column_stack([np.interp(at, along, cs[:, 0]), np.interp(at, along, cs[:, 1])]))
    xy = np.unique(np.round(np.vstack(sampled), 6), axis=0)
    centred = xy - xy.mean(axis=0)
    if len(xy) < 3 or np.linalg.svd(centred, compute_uv=False)[-1] < 1e-6 * max(1.0, float(np.abs(centred).max())):
        # every point on one line (grids on one side only): GEOS's Voronoi needs a plane; a copy
        # of each point shifted across the line gives the same cells along it
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        normal = vt[-1] if vt.shape[0] > 1 else np.array([-vt[0][1], vt[0][0]])
        xy = np.vstack([xy, xy + normal])
    # both kept in variables: shapely 1.8's voronoi_diagram drops its own reference to the envelope
    # before GEOS reads it (a segfault when it is a temporary)
    x0, y0, x1, y1 = piece.bounds
    sites_geom, envelope = MultiPoint([tuple(q) for q in xy]), box(x0 - 10, y0 - 10, x1 + 10, y1 + 10)
    cells = voronoi_diagram(sites_geom, envelope=envelope)
    near = {idx: unary_union(lines) for idx, lines in shared.items()}
    by_label: dict[int, list[Polygon]] = defaultdict(list)
    for cell in getattr(cells, "geoms", [cells]):  # each cell to the neighbour whose common edge is nearest
        rp = cell.representative_point()
        by_label[min(near, key=lambda k: (near[k].distance(rp), k))].append(cell)
    if len(by_label) < 2:
        return [(next(iter(by_label)) if by_label else neighbours[0][0], piece)]
    # Cut along the borders between the labels' regions (polygonize, as a split does: the strip's own
    # vertices stay exact, so the parts fit the grids beside them without slivers), then label each part.
    regions = {idx: unary_union(cells_) for idx, cells_ in by_label.items()}
    borders = unary_union([r.boundary for r in regions.values()]).intersection(box(x0 - 1, y0 - 1, x1 + 1, y1 + 1))
    inside = prep(piece)
    parts = [f for f in polygonize(unary_union([piece.boundary, *_lines_of(borders)]))
             if f.area > 0 and inside.contains(f.representative_point())]
    if abs(sum(f.area for f in parts) - piece.area) > 1e-9 * max(piece.area, 1.0):
        return [(neighbours[0][0], piece)]  # noding lost area: the whole strip to its longest neighbour
    out: list[tuple[int, Polygon]] = []
    for part in parts:
        rp = part.representative_point()
        idx = min(regions, key=lambda k: (regions[k].distance(rp), k))
        out.append((idx, part))
    return out


def _attach_roads(blocks: list[tuple[Polygon, str]], roads: list[Polygon],
                  params: PartitionParams) -> tuple[list[tuple[Polygon, str]], int]:
    """Give every piece of road space to the grids beside it: a strip divided along its middle
    between them (:func:`_divide`), any other piece (a junction box, an interchange piece)
    whole to the grid with the longest common edge. Pieces that touch only road space wait for
    a later round; what never touches a grid becomes a grid (the community is all road).
    Returns the grids and the number of road pieces that became grids."""
    grids = [list(b) for b in blocks]
    pending = sorted(roads, key=lambda r: -r.area)
    while pending:
        waiting: list[Polygon] = []
        progress = False
        current = [g[0] for g in grids]  # kept alive while the tree is used (shapely 1.8 does not own them)
        tree = _tree(current) if current else None
        index = {id(g): i for i, g in enumerate(current)}
        for piece in pending:
            neighbours = []
            if tree is not None:
                touching = prep(piece)
                for cand in tree.query(piece):
                    i = index.get(id(cand))
                    if i is None:
                        continue
                    cand = grids[i][0]  # this round may have grown it already
                    if not touching.intersects(cand):
                        continue
                    lines = _shared_lines(piece, cand)
                    length = sum(line.length for line in lines)
                    if length > 1e-6:
                        neighbours.append((length, i, lines))
            if not neighbours:
                waiting.append(piece)
                continue
            neighbours.sort(key=lambda t: (-t[0], t[1]))
            if len(neighbours) > 1 and _is_strip(piece.area, piece.length, params):
                shares = _divide(piece, [(i, lines) for _, i, lines in neighbours])
            else:
                shares = [(neighbours[0][1], piece)]
            for i, share in shares:
                joined = _single_polygons(unary_union([grids[i][0], share]))
                if len(joined) == 1:
                    grids[i][0] = joined[0]
                    progress = True
                else:  # touches that grid at a point only: it waits for another neighbour
                    waiting.append(share)
        pending = waiting
        if not progress:
            break
    if pending and grids:  # no edge in common (floating-point debris, point contacts): the nearest grid
        current = [g[0] for g in grids]
        tree = _tree(current)
        index = {id(g): i for i, g in enumerate(current)}
        left = []
        for piece in pending:
            near = sorted(((grids[index[id(g)]][0].distance(piece), index[id(g)])
                           for g in tree.query(piece.buffer(0.01, resolution=1))), key=lambda t: t)
            for _d, i in near:
                joined = _single_polygons(unary_union([grids[i][0], piece]))
                if len(joined) == 1:
                    grids[i][0] = joined[0]
                    break
            else:
                left.append(piece)
        pending = left
    # floating-point debris below 0.01 m² that touches no grid along an edge is no grid (far below a
    # 1:500 survey's precision; the tiling check allows 1e-6 of the community's area)
    pending = [p for p in pending if p.area >= 0.01]
    if pending:  # road space no grid touches (a community of road only): it becomes grids
        merged = _single_polygons(unary_union(pending))
        grids += [[p, "block"] for p in merged]
    return [(g[0], g[1]) for g in grids], len(pending)


# --------------------------------------------------------------------------------------------
# One community (runs in this process or in a worker process)
# --------------------------------------------------------------------------------------------
Note = tuple[str, dict]  # (kind, values): rendered and translated by the calling process


def _check_result(community: BaseGeometry, parts: list[Polygon]) -> list[Note]:
    problems: list[Note] = []
    for p in parts:
        if not isinstance(p, Polygon) or not p.is_valid or p.is_empty:
            pt = p.representative_point() if not p.is_empty else None
            problems.append(("invalid", {"x": pt.x if pt else 0.0, "y": pt.y if pt else 0.0,
                                         "reason": explain_validity(p)}))
    if problems:
        return problems
    area = community.area
    total = sum(p.area for p in parts)
    union = unary_union(parts)
    outside = union.symmetric_difference(community).area
    if (abs(total - area) > AREA_RTOL * area or abs(union.area - total) > AREA_RTOL * area
            or outside > AREA_RTOL * area):
        problems.append(("tiling", {"area": area, "total": total, "union": union.area, "outside": outside}))
    return problems


def _row_order(p: Polygon) -> tuple[float, float]:
    pt = p.representative_point()
    return (-round(pt.y), round(pt.x))


def _where(geom: BaseGeometry) -> dict:
    pt = geom.representative_point()
    return {"area": geom.area, "x": pt.x, "y": pt.y}


def _obstacle_items(obstacles: Iterable[BaseGeometry]) -> _Obstacles:
    out = []
    for o in obstacles:
        for p in _polygon_parts(o if o is not None else Polygon()):
            if p.is_valid and p.area > 0:
                out.append((p, np.asarray(p.exterior.coords)[:, :2]))
    return _Obstacles(out)


@dataclass
class _Outcome:
    grids: list[GridPart]
    notes: list[Note]
    problems: list[Note]
    figures: dict


def _community_task(args: tuple) -> _Outcome:
    """Partition one community and measure it (a top-level function: worker processes call it)."""
    key, geom, lines, obstacles, params = args
    unit = params.target_area
    faces, added, seg_class, _ = _blocks(geom, lines, params)
    notes: list[Note] = []
    if added > 0:
        pt = geom.representative_point()
        notes.append(("lost", {"area": added, "x": pt.x, "y": pt.y}))
    merged = _merge(faces, params, seg_class, exact=added == 0)
    for s in merged.stuck:
        notes.append(("stuck", _where(s)))
    for face, rank in merged.major_merges:
        notes.append(("major", {**_where(face), "rank": rank}))
    items = _obstacle_items(obstacles)
    pieces: list[tuple[Polygon, str]] = []
    for block, members in merged.blocks:
        if block.area > params.max_bound:
            n = max(2, round(block.area / unit))
            inner = items.inside(block)
            pieces += _split_block(block, n, block.area / n, 0, members, inner, params)
        else:
            pieces.append((block, "block"))
    roads = merged.roads
    for last in (False, False, False, False, True):
        if roads:
            pieces, _ = _attach_roads(pieces, roads, params)
            grown = []
            for grid, origin in pieces:  # a grid that took a whole interchange may now be too large
                if grid.area > params.max_bound:
                    n = max(2, round(grid.area / unit))
                    grown += _split_block(grid, n, grid.area / n, 1, None, items.inside(grid), params)
                else:
                    grown.append((grid, origin))
            pieces = grown
        # a grid that came out a strip (a block a little wider than a corridor, cut across; the tail
        # of a re-split) is road space too: it joins the grids beside it, at most five rounds
        strips = [i for i, (g, _o) in enumerate(pieces) if _is_strip(g.area, g.length, params)]
        if last or not strips or len(strips) == len(pieces):
            break
        roads = [pieces[i][0] for i in strips]
        pieces = [pc for i, pc in enumerate(pieces) if i not in set(strips)]
    parts = [GridPart(key, orient(p), origin) for p, origin in pieces]
    problems = _check_result(geom, [p.geometry for p in parts])
    if problems:
        return _Outcome([], notes, problems, {})
    parts.sort(key=lambda g: _row_order(g.geometry))
    if len(parts) > MAX_GRIDS_PER_COMMUNITY:
        notes.append(("capacity", {"count": len(parts)}))
    figures = _community_figures(geom, [p.geometry for p in parts], lines, items, params)
    return _Outcome(parts, notes, [], figures)


def _render(key: str, kind: str, v: dict) -> str:
    """A note of a community as the message a technician reads (translated here, in the calling
    process, which has the user's language)."""
    if kind == "lost":
        return tr("community {key}: noding lost {area:.3f} m², added back as blocks (near ({x:.1f}, {y:.1f}))") \
            .format(key=key, **v)
    if kind == "stuck":
        return tr("community {key}: a block of {area:.0f} m² at ({x:.1f}, {y:.1f}) is below the minimum area but "
                  "shares no edge with another block of the community (a separate part of a multi-part "
                  "community, or an island): it is kept as a grid of its own; fix: give that part to the "
                  "community around it, or join it to the main part in the community layer").format(key=key, **v)
    if kind == "major":
        return tr("community {key}: a block of {area:.0f} m² at ({x:.1f}, {y:.1f}) has a major road on every side "
                  "and was merged across one (road class {rank}) into its neighbour; check it on the map, or lower "
                  "the minimum area to keep it as a grid of its own").format(key=key, **v)
    if kind == "capacity":
        return tr("community {key} would get {count} grids, but at most 999 grids per community can be coded "
                  "(the serial has 3 digits): split the community, or raise the target area, before coding") \
            .format(key=key, **v)
    if kind == "invalid":
        return tr("internal error: community {key} produced an invalid grid near ({x:.1f}, {y:.1f}): {reason}") \
            .format(key=key, **v)
    return tr("internal error: the grids of community {key} do not tile it (community {area:.3f} m², grids "
              "{total:.3f} m², union {union:.3f} m², difference {outside:.3f} m²)").format(key=key, **v)


# --------------------------------------------------------------------------------------------
# Partition
# --------------------------------------------------------------------------------------------
def _python_executable() -> str:
    """The Python interpreter for worker processes: inside QGIS sys.executable is QGIS itself."""
    exe = sys.executable or ""
    if os.path.basename(exe).startswith("python"):
        return exe
    return shutil.which("python3") or "/usr/bin/python3"


def _worker_main() -> None:
    """A worker process: read (index, task) pickles from stdin, answer (index, outcome) on stdout
    until stdin closes. Started by :class:`_Workers`; nothing else runs in it."""
    import traceback

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the pickle stream
    while True:
        try:
            index, task = pickle.load(stdin)  # nosec B301 - from the process that started this worker
        except EOFError:
            return
        try:
            reply = (index, _community_task(task), None)
        except Exception:  # reported by the calling process as an internal error
            reply = (index, None, traceback.format_exc())
        pickle.dump(reply, stdout, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.flush()


class _Workers:
    """Worker processes, each a fresh Python (not a fork: forking a process that runs Qt threads
    can hang, and multiprocessing's spawn would re-run the caller's main script) that imports
    this module only. One thread per worker sends a task and waits for its outcome; outcomes are
    handed out in task order, so the result does not depend on which worker was faster."""

    def __init__(self, count: int):
        package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([package_root, *[p for p in sys.path if p and os.path.isdir(p)]])
        env.setdefault("OMP_NUM_THREADS", "1")
        command = [_python_executable(), "-c", "from citygrid_plugin.core import grids; grids._worker_main()"]
        self._procs = [subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
                       for _ in range(count)]
        self._results: dict[int, tuple] = {}
        self._cond = threading.Condition()
        self._stop = False

    def map(self, tasks: Iterable[tuple]) -> Iterable[_Outcome]:
        queue = list(enumerate(tasks))
        queue.reverse()
        lock = threading.Lock()

        def run(proc: subprocess.Popen) -> None:
            while True:
                with lock:
                    if self._stop or not queue:
                        return
                    index, task = queue.pop()
                try:
                    pickle.dump((index, task), proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                    proc.stdin.flush()
                    reply = pickle.load(proc.stdout)  # nosec B301 - from a worker this process started
                except (OSError, EOFError, pickle.UnpicklingError) as exc:
                    reply = (index, None, f"worker process {proc.pid} stopped: {exc!r}")
                with self._cond:
                    self._results[reply[0]] = reply
                    self._cond.notify_all()
                if reply[2] is not None:
                    return

        total = len(queue)
        threads = [threading.Thread(target=run, args=(p,), daemon=True) for p in self._procs]
        for t in threads:
            t.start()
        for index in range(total):
            with self._cond:
                while index not in self._results:
                    self._cond.wait(timeout=1.0)
                    if index not in self._results and not any(t.is_alive() for t in threads):
                        raise PartitionError([tr(
                            "internal error: the partition's worker processes stopped (out of memory, or killed); "
                            "nothing was written: run it again with 1 worker process (WORKERS=1), which needs less "
                            "memory")])
                _, outcome, error = self._results.pop(index)
            if error is not None:
                raise PartitionError([tr("internal error in a worker process: {error}").format(error=error)])
            yield outcome

    def close(self) -> None:
        self._stop = True
        for proc in self._procs:
            try:
                proc.stdin.close()
            except OSError:
                pass
        for proc in self._procs:
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()


def _tasks(communities: Sequence[CommunityInput], lines: list[_Line], obstacles: list[BaseGeometry],
           params: PartitionParams) -> Iterable[tuple]:
    geoms = [ln.geom for ln in lines]
    tree = _tree(geoms) if geoms else None
    index = {id(g): i for i, g in enumerate(geoms)}
    otree = _tree(obstacles) if obstacles else None
    for c in communities:
        near = [lines[index[id(g)]] for g in tree.query(c.geometry)] if tree is not None else []
        near.sort(key=lambda ln: index[id(ln.geom)])  # input order, whatever the tree returns
        obst = otree.query(c.geometry) if otree is not None else []
        yield (c.key, c.geometry, near, obst, params)


def partition(communities: Sequence[CommunityInput], barriers: Sequence, params: PartitionParams = DEFAULT_PARAMS,
              progress: Callable[[float], bool] | None = None, *, obstacles: Sequence[BaseGeometry] = (),
              workers: int = 1) -> PartitionResult:
    """Partition every community into unit grids bounded by the barriers (plain geometries or
    :class:`Barrier` with a road class), cutting large blocks between the *obstacles* (building
    footprints) where it can (rules in the module docstring). *workers* processes share the
    communities (0 = one per core); the result is identical to one process. Raises PartitionError
    on bad input, PartitionCancelled when progress returns False."""
    problems = params.problems() + check_communities(communities)
    if workers < 0:
        problems.append(tr("the number of worker processes must be 0 (every core) or more, got {value}")
                        .format(value=workers))
    if problems:
        raise PartitionError(problems)
    lines, ignored = _normalise_barriers(barriers, _snapper(params.snap))
    out_warnings: list[str] = []
    if ignored:
        out_warnings.append(tr("{count} barrier geometries are neither lines nor polygons (or have non-finite "
                               "coordinates) and were ignored").format(count=ignored))
    obstacle_list = [p for p, _ in _obstacle_items(obstacles).items]
    workers = (os.cpu_count() or 1) if workers == 0 else workers
    workers = max(1, min(workers, len(communities)))
    total_area = sum(c.geometry.area for c in communities) or 1.0
    tasks = _tasks(communities, lines, obstacle_list, params)
    pool = _Workers(workers) if workers > 1 else None
    try:
        results = pool.map(tasks) if pool is not None else map(_community_task, tasks)
        done = 0.0
        grids: list[GridPart] = []
        partials: list[dict] = []
        if progress is not None and progress(0.0) is False:
            raise PartitionCancelled(tr("partition cancelled"))
        for c, outcome in zip(communities, results):
            if outcome.problems:
                raise PartitionError([_render(c.key, kind, v) for kind, v in outcome.problems])
            out_warnings += [_render(c.key, kind, v) for kind, v in outcome.notes]
            grids += outcome.grids
            partials.append(outcome.figures)
            done += c.geometry.area
            if progress is not None and progress(done / total_area) is False:
                raise PartitionCancelled(tr("partition cancelled"))
    finally:
        if pool is not None:
            pool.close()
    figures = _aggregate(partials, communities, params, bool(obstacle_list))
    return PartitionResult(grids=grids, warnings=out_warnings, figures=figures)


# --------------------------------------------------------------------------------------------
# Quality figures
# --------------------------------------------------------------------------------------------
def _near(geom: BaseGeometry) -> BaseGeometry:
    """The band within ADHERENCE_TOLERANCE of lines: flat ends and mitred corners, five times
    faster than round ones and the same for measuring lengths along lines."""
    return geom.buffer(ADHERENCE_TOLERANCE, resolution=1, cap_style=2, join_style=2)


def _community_figures(geom: BaseGeometry, polys: list[Polygon], lines: list[_Line],
                       obstacles: _Obstacles, params: PartitionParams) -> dict:
    """Additive figures of one community's grids (definitions in the module docstring)."""
    out = {"areas": [p.area for p in polys], "pps": [_pp(p) for p in polys], "inner": 0.0, "on": 0.0,
           "straddling": 0, "strips": 0, "crossed": 0, "dead": 0.0, "dead_off": 0.0, "bounded": 0}
    if len(polys) > 1:
        out["strips"] = sum(1 for p in polys if _is_strip(p.area, p.length, params))
    inside = prep(geom)
    clipped: list[_Line] = []
    for ln in lines:
        if inside.contains(ln.geom):
            clipped.append(ln)
        elif inside.intersects(ln.geom):
            clipped.extend(_Line(g, ln.rank, ln.ramp) for g in _lines_of(ln.geom.intersection(geom)))
    edges = unary_union([p.boundary for p in polys]) if polys else GeometryCollection()
    near_edges = _near(edges) if polys else None
    boundary = geom.boundary
    if not clipped:
        free = edges.difference(_near(boundary)) if polys else None
        return _free_edge_figures(out, polys, free, obstacles)
    network = unary_union([ln.geom for ln in clipped])
    zone = _near(boundary)
    inner = network.difference(zone)
    if not inner.is_empty:
        out["inner"] = inner.length
        if near_edges is not None:
            out["on"] = inner.intersection(near_edges).length
    # dead ends: pieces from a dangling end (not on the community boundary) to the first junction
    pieces = [g for g in _lines_of(network) if g.length > 0]
    degree: Counter = Counter()
    for g in pieces:
        degree[g.coords[0]] += 1
        degree[g.coords[-1]] += 1
    dead = [g for g in pieces if any(degree[e] == 1 and boundary.distance(Point(e)) > 1e-3
                                     for e in (g.coords[0], g.coords[-1]))]
    if dead:
        dead_u = unary_union(dead)
        out["dead"] = dead_u.length
        out["dead_off"] = dead_u.length - (dead_u.intersection(near_edges).length if near_edges is not None else 0.0)
    # grids with land on both sides of a major road
    majors = [ln.geom for ln in clipped if ln.rank >= params.major_rank and not ln.ramp]
    if majors and len(polys) > 0:
        mtree = _tree(majors)
        for p in polys:
            near = [m for m in mtree.query(p) if p.intersects(m)]
            if not near:
                continue
            cut = unary_union(near).intersection(p)
            if cut.difference(_near(p.boundary)).length < 1.0:
                continue  # the road runs along the grid's edge
            sides = polygonize(unary_union([p.boundary, *_lines_of(cut)]))
            land = [q for q in sides if _equivalent_rectangle(q.area, q.length)[0] > params.corridor_width]
            if len(land) >= 2:
                out["straddling"] += 1
    free = edges.difference(_near(unary_union([network, boundary])))
    return _free_edge_figures(out, polys, free, obstacles)


def _free_edge_figures(out: dict, polys: list[Polygon], free: BaseGeometry | None,
                       obstacles: _Obstacles) -> dict:
    """Grids bounded only by barriers, and obstacles crossed, from the grid edges on no barrier."""
    pieces = [g for g in _lines_of(free) if g.length > 0.5] if free is not None else []
    if not pieces:
        out["bounded"] = len(polys)
        return out
    touched: set[int] = set()
    tree = _tree(polys)
    index = {id(p): i for i, p in enumerate(polys)}
    for g in pieces:
        mid = g.interpolate(0.5, normalized=True)
        for p in tree.query(box(mid.x - 0.01, mid.y - 0.01, mid.x + 0.01, mid.y + 0.01)):
            if p.distance(mid) < 0.01:
                touched.add(index[id(p)])
    out["bounded"] = len(polys) - len(touched)
    if obstacles:
        ptree = _tree(pieces)
        for o, _ in obstacles:
            po = prep(o)
            if any(po.intersects(g) and g.intersection(o).length > 0.1 for g in ptree.query(o)):
                out["crossed"] += 1
    return out


def _aggregate(partials: list[dict], communities: Sequence[CommunityInput], params: PartitionParams,
               has_obstacles: bool) -> QualityFigures:
    areas = np.array([a for f in partials for a in f.get("areas", ())], dtype=float)
    pps = np.array([a for f in partials for a in f.get("pps", ())], dtype=float)
    inner = sum(f.get("inner", 0.0) for f in partials)
    on = sum(f.get("on", 0.0) for f in partials)
    lo, hi = params.min_bound, params.max_bound
    has = len(areas) > 0
    return QualityFigures(
        count=len(areas),
        area_median=float(np.median(areas)) if has else 0.0,
        area_p5=float(np.percentile(areas, 5)) if has else 0.0,
        area_p95=float(np.percentile(areas, 95)) if has else 0.0,
        share_within_bounds=float(((areas >= lo) & (areas <= hi)).mean()) if has else 0.0,
        polsby_popper_median=float(np.median(pps)) if has else 0.0,
        boundary_adherence=on / inner if inner > 0 else None,
        total_area=float(areas.sum()),
        community_area=float(sum(c.geometry.area for c in communities)),
        min_area=lo,
        max_area=hi,
        straddling_major=sum(f.get("straddling", 0) for f in partials),
        corridor_strips=sum(f.get("strips", 0) for f in partials),
        buildings_crossed=sum(f.get("crossed", 0) for f in partials) if has_obstacles else None,
        dead_end_length=sum(f.get("dead", 0.0) for f in partials),
        dead_end_off_edges=sum(f.get("dead_off", 0.0) for f in partials),
        share_barrier_bounded=sum(f.get("bounded", 0) for f in partials) / len(areas) if has else 0.0,
    )


def quality_figures(grids: Sequence[GridPart], barriers: Sequence, communities: Sequence[CommunityInput],
                    params: PartitionParams = DEFAULT_PARAMS, obstacles: Sequence[BaseGeometry] = ()) -> QualityFigures:
    """Size, shape, road and building figures of a partition (definitions in the module
    docstring); works for any grids, e.g. a square-grid baseline or an older algorithm, for
    comparison."""
    lines, _ = _normalise_barriers(barriers, _snapper(params.snap))
    obstacle_list = [p for p, _ in _obstacle_items(obstacles).items]
    by_key: dict[str, list[Polygon]] = defaultdict(list)
    for g in grids:
        by_key[g.community_key].append(g.geometry)
    partials = []
    for key, geom, near, obst, _params in _tasks(communities, lines, obstacle_list, params):
        partials.append(_community_figures(geom, by_key.get(key, []), near, _obstacle_items(obst), params))
    known = {c.key for c in communities}
    stray = [g.geometry for g in grids if g.community_key not in known]
    if stray:
        partials.append({"areas": [p.area for p in stray], "pps": [_pp(p) for p in stray]})
    return _aggregate(partials, communities, params, bool(obstacle_list))


__all__ = [
    "Barrier", "CommunityInput", "GridPart", "MAX_GRIDS_PER_COMMUNITY", "PartitionCancelled", "PartitionError",
    "PartitionParams", "PartitionResult", "QualityFigures", "RANK_EXPRESS", "RANK_LOCAL", "RANK_MINOR",
    "RANK_PRIMARY", "RANK_SECONDARY", "barrier_class", "check_communities", "partition", "quality_figures",
]
