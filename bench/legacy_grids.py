"""FROZEN COPY of citygrid_plugin/core/grids.py as of v0.1 (commit bacaa81), kept so that bench/grids.py can
compare today's algorithm with the one before issue 20. Do not edit.

Unit-grid (单元网格, the "万米单元网格") partition engine: cut communities into grids.

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

Algorithm, per community (communities are processed independently, so no grid can cross a
community boundary — 属地管理):

1. Node: barriers (roads, rivers, walls; a polygon barrier contributes its boundary) are
   clipped to the community, unioned with its boundary (which nodes all lines) and polygonized;
   faces whose representative point lies in the community are its blocks. If polygonize ever
   loses area, the difference is added back as faces, so the blocks tile the community exactly.
   A barrier that only dangles inside a block creates no edge.
2. Merge rule: repeatedly take the smallest block that is below ``min_area`` or a sliver and
   merge it into the neighbouring block sharing the longest common edge (point contacts don't
   count), until none is left or the community is a single block. Shared edge lengths come from
   the exact shared segments of the polygonized faces and are updated incrementally.
3. Split rule: a block above ``max_area`` is cut into n = max(2, round(area / target)) parts by
   recursive bisection: a straight cut perpendicular to the long axis of the block's minimum
   rotated rectangle, at the offset (found by a bracketed root search) where one side holds
   k/n of the area with k = n // 2; each side is split again into k and n − k parts. If a cut
   leaves a side in several pieces (concave blocks) the short axis and other angles are tried;
   if none is clean, the cut leaving the least fragment area is used and its fragments are
   merged into the adjacent piece sharing the longest edge. Parts tile the block exactly.
4. A community with no barrier inside is one block, split by area only.
5. Invariants, checked before returning (a failure raises :class:`PartitionError`): every grid
   is one valid Polygon; per community the grid areas sum to the community area and
   equal the area of their union (relative error < 1e-6, so no overlaps), and the union equals
   the community (so nothing crosses its boundary).

Quality figures (:class:`QualityFigures`)
    area median / 5th / 95th percentile; ``share_within_bounds`` = share of grids with
    min_area ≤ area ≤ max_area; ``polsby_popper_median`` = median of 4πA/P² (1 for a disc, π/4
    for a square); ``boundary_adherence`` = of the barrier length lying inside communities (not
    along community boundaries, 0.05 m tolerance), the share lying on grid edges (within 0.05 m).
"""
from __future__ import annotations

import heapq
import math
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from shapely.geometry import (
    GeometryCollection,
    LinearRing,
    LineString,
    MultiLineString,
    MultiPolygon,
    Polygon,
    box,
)
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import polygonize, split, transform, unary_union
from shapely.ops import snap as shapely_snap
from shapely.prepared import prep
from shapely.strtree import STRtree
from shapely.validation import explain_validity


def tr(text: str) -> str:  # the frozen copy needs no translation
    return text

ADHERENCE_TOLERANCE = 0.05  # m: a barrier counts as "on" a grid edge / community boundary within this
AREA_RTOL = 1e-6  # relative tolerance of the tiling invariants


# --------------------------------------------------------------------------------------------
# Public types
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PartitionParams:
    """Size rules of the partition (defaults and their reasons in the module docstring)."""

    target_area: float = 10_000.0
    min_area: float | None = None  # default 0.4 * target_area
    max_area: float | None = None  # default 2.0 * target_area
    sliver_width: float = 8.0
    snap: float = 0.001

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
        return out


DEFAULT_PARAMS = PartitionParams()


@dataclass(frozen=True)
class CommunityInput:
    """One community (社区): its key (e.g. the 12-digit code) and area."""

    key: str
    geometry: Polygon | MultiPolygon


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


# --------------------------------------------------------------------------------------------
# Step 1: blocks
# --------------------------------------------------------------------------------------------
def _blocks(community: Polygon | MultiPolygon, lines: list[BaseGeometry],
            snap: float) -> tuple[list[Polygon], float]:
    """Faces of the community cut by *lines*; returns the faces and the area added back."""
    inside = prep(community)
    if lines and snap > 0:
        lines = _lines_of(shapely_snap(MultiLineString(lines), community.boundary, snap))
    # Clip to the community's envelope grown by 1 m, not to the community itself: a line clipped
    # at the boundary ends on a computed point that may miss the boundary by 1e-12 m and would
    # then dangle; a line that crosses the boundary is noded with it by the union below.
    x0, y0, x1, y1 = community.bounds
    frame = box(x0 - 1.0, y0 - 1.0, x1 + 1.0, y1 + 1.0)
    frame_p = prep(frame)
    clipped = []
    for line in lines:
        if not inside.intersects(line):
            continue
        if frame_p.contains(line):
            clipped.append(line)
        else:
            clipped.extend(_lines_of(line.intersection(frame)))
    if not clipped:
        return _single_polygons(community), 0.0
    noded = unary_union([community.boundary, *clipped])
    faces = [f for f in polygonize(noded) if f.area > 0 and inside.contains(f.representative_point())]
    total = sum(f.area for f in faces)
    added = 0.0
    if abs(total - community.area) > 1e-9 * community.area:
        missing = community.difference(unary_union(faces)) if faces else community
        extra = _single_polygons(missing)
        faces += extra
        added = sum(p.area for p in extra)
    return faces, added


# --------------------------------------------------------------------------------------------
# Step 2: merge small blocks and slivers
# --------------------------------------------------------------------------------------------
def _merge(faces: list[Polygon], params: PartitionParams,
           exact: bool = True) -> tuple[list[Polygon], list[Polygon]]:
    """Merge small/sliver blocks into their longest-edge neighbour; return the blocks and the
    blocks still below the minimum that touch no other block. Shared edge lengths come from
    identical segments (polygonize output); with ``exact=False`` (faces added back by the area
    repair) missing pairs are measured geometrically."""
    n = len(faces)
    if n <= 1:
        return faces, []
    min_area, sliver = params.min_bound, params.sliver_width
    owner: dict[tuple, int] = {}
    adj: list[dict[int, float]] = [defaultdict(float) for _ in range(n)]
    for i, f in enumerate(faces):
        for seg in _segments(f):
            j = owner.pop(seg, None)
            if j is None:
                owner[seg] = i
            elif j != i:
                length = math.dist(*seg)
                adj[i][j] += length
                adj[j][i] += length
    if not exact:
        tree = _tree(faces)
        index = {id(f): i for i, f in enumerate(faces)}
        for i, f in enumerate(faces):
            for g in tree.query(f):
                j = index[id(g)]
                if j > i and j not in adj[i]:
                    length = _shared_length(f, g)
                    if length > 0:
                        adj[i][j] = adj[j][i] = length

    area = [f.area for f in faces]
    perim = [f.length for f in faces]
    members: list[list[int]] = [[i] for i in range(n)]
    alive = n

    def candidate(i: int) -> bool:
        return area[i] < min_area or (perim[i] > 0 and 2 * area[i] / perim[i] < sliver)

    heap = [(area[i], i) for i in range(n) if candidate(i)]
    heapq.heapify(heap)
    lonely: list[int] = []
    while heap and alive > 1:
        a, i = heapq.heappop(heap)
        if not members[i] or a != area[i] or not candidate(i):
            continue
        if not adj[i]:
            lonely.append(i)
            continue
        j = max(adj[i], key=lambda k: (adj[i][k], -k))
        shared = adj[i].pop(j)
        del adj[j][i]
        for k, length in adj[i].items():
            adj[j][k] += length
            adj[k][j] += adj[k].pop(i)
        adj[i] = {}
        area[j] += area[i]
        perim[j] += perim[i] - 2 * shared
        members[j].extend(members[i])
        members[i] = []
        alive -= 1
        if candidate(j):
            heapq.heappush(heap, (area[j], j))
    blocks = []
    for m in members:
        if not m:
            continue
        geom = faces[m[0]] if len(m) == 1 else unary_union([faces[k] for k in m])
        blocks.extend(_single_polygons(geom))
    stuck = [faces[i] for i in lonely if members[i] and area[i] < min_area]
    return blocks, stuck


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


def _split_block(poly: Polygon, n: int, unit: float, depth: int = 0) -> list[Polygon]:
    """Cut *poly* into *n* parts of about *unit* m² by recursive straight bisection."""
    if n <= 1 or depth > 40:
        return [poly]
    k = n // 2
    frac = k / n
    best: tuple[float, list[Polygon], list[Polygon]] | None = None
    for u in _axes(poly):
        t, line = _balanced_cut(poly, u, frac)
        pieces = _single_polygons(split(poly, line))
        left = [p for p in pieces if np.dot(np.asarray(p.representative_point().coords[0]), u) <= t]
        right = [p for p in pieces if all(p is not q for q in left)]
        if not left or not right:
            continue
        if len(left) == 1 and len(right) == 1:
            return (_split_block(left[0], k, unit, depth + 1)
                    + _split_block(right[0], n - k, unit, depth + 1))
        fragments = sum(p.area for p in left) - max(p.area for p in left) + \
            sum(p.area for p in right) - max(p.area for p in right)
        if best is None or fragments < best[0]:
            best = (fragments, left, right)
    if best is None:
        return [poly]
    _, left, right = best
    parts = _merge_fragments(left + right, 2)
    out = []
    for p in parts:
        m = max(1, round(p.area / unit))
        out.extend(_split_block(p, m, unit, depth + 1) if p.area < poly.area * (1 - 1e-9) else [p])
    return out


# --------------------------------------------------------------------------------------------
# Partition
# --------------------------------------------------------------------------------------------
def _check_result(key: str, community: BaseGeometry, parts: list[Polygon]) -> list[str]:
    problems = []
    for p in parts:
        if not isinstance(p, Polygon) or not p.is_valid or p.is_empty:
            pt = p.representative_point() if not p.is_empty else None
            problems.append(tr("internal error: community {key} produced an invalid grid near ({x:.1f}, {y:.1f}): "
                               "{reason}").format(key=key, x=pt.x if pt else 0.0, y=pt.y if pt else 0.0,
                                                  reason=explain_validity(p)))
    if problems:
        return problems
    area = community.area
    total = sum(p.area for p in parts)
    union = unary_union(parts)
    outside = union.symmetric_difference(community).area
    if (abs(total - area) > AREA_RTOL * area or abs(union.area - total) > AREA_RTOL * area
            or outside > AREA_RTOL * area):
        problems.append(tr("internal error: the grids of community {key} do not tile it (community {area:.3f} m², "
                           "grids {total:.3f} m², union {union:.3f} m², difference {outside:.3f} m²)")
                        .format(key=key, area=area, total=total, union=union.area, outside=outside))
    return problems


def _row_order(p: Polygon) -> tuple[float, float]:
    pt = p.representative_point()
    return (-round(pt.y), round(pt.x))


def partition(communities: Sequence[CommunityInput], barriers: Sequence[BaseGeometry],
              params: PartitionParams = DEFAULT_PARAMS,
              progress: Callable[[float], bool] | None = None) -> PartitionResult:
    """Partition every community into unit grids bounded by the barriers (rules in the module
    docstring). Raises PartitionError on bad input, PartitionCancelled when progress returns False."""
    problems = params.problems() + check_communities(communities)
    if problems:
        raise PartitionError(problems)
    snap = _snapper(params.snap)
    warnings: list[str] = []
    lines: list[LineString] = []
    ignored = 0
    for b in barriers:
        got = _lines_of(b)
        if not got and b is not None and not b.is_empty:
            ignored += 1
        for line in got:
            if not all(math.isfinite(c) for xy in line.coords for c in xy[:2]):
                ignored += 1
                continue
            s = snap(line)
            if s.length > 0:
                lines.append(s)
    if ignored:
        warnings.append(tr("{count} barrier geometries are neither lines nor polygons (or have non-finite "
                           "coordinates) and were ignored").format(count=ignored))
    tree = _tree(lines) if lines else None
    total_area = sum(c.geometry.area for c in communities) or 1.0
    done = 0.0
    grids: list[GridPart] = []
    unit = params.target_area
    for c in communities:
        if progress is not None and progress(done / total_area) is False:
            raise PartitionCancelled(tr("partition cancelled"))
        geom = c.geometry
        near = tree.query(geom) if tree is not None else []
        faces, added = _blocks(geom, near, params.snap)
        if added > 0:
            pt = geom.representative_point()
            warnings.append(tr("community {key}: noding lost {area:.3f} m², added back as blocks (near ({x:.1f}, "
                               "{y:.1f}))").format(key=c.key, area=added, x=pt.x, y=pt.y))
        blocks, stuck = _merge(faces, params, exact=added == 0)
        for s in stuck:
            pt = s.representative_point()
            warnings.append(tr("community {key}: a block of {area:.0f} m² at ({x:.1f}, {y:.1f}) is below the minimum "
                               "area but shares no edge with another block").format(key=c.key, area=s.area,
                                                                                    x=pt.x, y=pt.y))
        parts: list[GridPart] = []
        for block in blocks:
            if block.area > params.max_bound:
                n = max(2, round(block.area / unit))
                pieces = _split_block(block, n, block.area / n)
                parts += [GridPart(c.key, orient(p), "split") for p in pieces]
            else:
                parts.append(GridPart(c.key, orient(block), "block"))
        problems = _check_result(c.key, geom, [p.geometry for p in parts])
        if problems:
            raise PartitionError(problems)
        parts.sort(key=lambda g: _row_order(g.geometry))
        grids += parts
        done += c.geometry.area
    if progress is not None and progress(1.0) is False:
        raise PartitionCancelled(tr("partition cancelled"))
    figures = quality_figures(grids, barriers, communities, params)
    return PartitionResult(grids=grids, warnings=warnings, figures=figures)


# --------------------------------------------------------------------------------------------
# Quality figures
# --------------------------------------------------------------------------------------------
def quality_figures(grids: Sequence[GridPart], barriers: Sequence[BaseGeometry],
                    communities: Sequence[CommunityInput],
                    params: PartitionParams = DEFAULT_PARAMS) -> QualityFigures:
    """Size, shape and boundary-adherence figures of a partition (definitions in the module
    docstring); works for any grids, e.g. a square-grid baseline, for comparison."""
    areas = np.array([g.geometry.area for g in grids], dtype=float)
    pps = np.array([_pp(g.geometry) for g in grids], dtype=float)
    lo, hi = params.min_bound, params.max_bound
    by_key: dict[str, list[Polygon]] = defaultdict(list)
    for g in grids:
        by_key[g.community_key].append(g.geometry)
    lines = [line for b in barriers for line in _lines_of(b)]
    tree = _tree(lines) if lines else None
    inner_len = on_len = 0.0
    for c in communities:
        if tree is None:
            break
        geom = c.geometry
        inside = prep(geom)
        clipped = []
        for line in tree.query(geom):
            if inside.contains(line):
                clipped.append(line)
            elif inside.intersects(line):
                clipped.extend(_lines_of(line.intersection(geom)))
        if not clipped:
            continue
        inner = unary_union(clipped).difference(
            geom.boundary.buffer(ADHERENCE_TOLERANCE, resolution=2))
        if inner.is_empty:
            continue
        inner_len += inner.length
        edges = [p.boundary for p in by_key.get(c.key, [])]
        if edges:
            near = unary_union(edges).buffer(ADHERENCE_TOLERANCE, resolution=2)
            on_len += inner.intersection(near).length
    has = len(areas) > 0
    return QualityFigures(
        count=len(grids),
        area_median=float(np.median(areas)) if has else 0.0,
        area_p5=float(np.percentile(areas, 5)) if has else 0.0,
        area_p95=float(np.percentile(areas, 95)) if has else 0.0,
        share_within_bounds=float(((areas >= lo) & (areas <= hi)).mean()) if has else 0.0,
        polsby_popper_median=float(np.median(pps)) if has else 0.0,
        boundary_adherence=on_len / inner_len if inner_len > 0 else None,
        total_area=float(areas.sum()),
        community_area=float(sum(c.geometry.area for c in communities)),
        min_area=lo,
        max_area=hi,
    )


__all__ = [
    "CommunityInput", "GridPart", "PartitionCancelled", "PartitionError", "PartitionParams",
    "PartitionResult", "QualityFigures", "check_communities", "partition", "quality_figures",
]
