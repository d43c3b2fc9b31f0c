"""Validation of unit grids (万米单元网格) before they are published.

Grids must tile each community (社区) with no gap and no overlap (无缝拼接), each grid one closed
polygon inside exactly one community (属地管理), coded with 15 digits whose first 12 are its
community's code, and of an appropriate area (面积适当).

The checks are data, after libqfieldsync: :data:`CHECKS` is a list of :class:`Check` entries
(stable id, severity, title, function), so a new check is one entry, and a caller can run any
subset. Each check reads a shared :class:`Context`, which builds the expensive things (repaired
geometries, spatial indexes, grid-to-community assignment) once and only when a selected check
needs them. Spatial work uses STRtree and prepared geometries, so 10,000 grids take seconds.

Pure Python (shapely 1.8 and the standard library): runs in the plugin, in qgis_process and on a
server alike. Every message goes through :func:`tr` with a literal template, formatted afterwards.
"""
from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.prepared import prep
from shapely.strtree import STRtree
from shapely.validation import explain_validity

from .codes import GRID_CODE_LENGTH, validate_grid_code
from .grids import MAX_GRIDS_PER_COMMUNITY
from .i18n import tr

ERROR = "error"
WARNING = "warning"
SEVERITIES = (ERROR, WARNING)
COMMUNITY_KEY_LENGTH = 12

#: progress(fraction done, 0..1), called before each check and at the end; return False to cancel
#: (e.g. ``lambda f: (feedback.setProgress(100 * f), not feedback.isCanceled())[1]``).
Progress = Callable[[float], bool | None]


# --- records -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class GridRecord:
    """One unit grid as read from a layer: its name for messages, code, claimed community, shape."""

    ref: str
    code: str | None
    community_key: str | None
    geometry: BaseGeometry | None


@dataclass(frozen=True)
class CommunityRecord:
    """One community (社区) polygon, keyed by its 12-digit code (county + street + community)."""

    key: str
    geometry: BaseGeometry


@dataclass(frozen=True)
class GridCheckParams:
    """Thresholds; area defaults follow the partition engine (0.4× and 2× the target area)."""

    target_area: float = 10_000.0
    min_area: float | None = None
    max_area: float | None = None
    #: metres: boundaries closer than this touch; pieces thinner than this are digitising noise.
    tolerance: float = 0.05
    #: m²: gap/overlap/outside pieces smaller than this are noise.
    min_problem_area: float = 0.5

    @property
    def resolved_min_area(self) -> float:
        """The lower area bound (given, else 0.4 × target)."""
        return self.min_area if self.min_area is not None else 0.4 * self.target_area

    @property
    def resolved_max_area(self) -> float:
        """The upper area bound (given, else 2 × target)."""
        return self.max_area if self.max_area is not None else 2.0 * self.target_area


@dataclass(frozen=True)
class Problem:
    """One finding: which check, how bad, which grids, where, and a translated message.

    *items* are the positions of the grids concerned in the input sequence, which stay unique
    where refs may not (two grids with the same code have the same ref).
    """

    check: str
    severity: str
    refs: tuple[str, ...]
    geometry: BaseGeometry | None
    message: str
    items: tuple[int, ...] = ()


@dataclass(frozen=True)
class Check:
    """A check as data: stable id, severity, a title (translated when read) and its function."""

    id: str
    severity: str
    label: Callable[[], str]
    run: Callable[[Context], Iterable[Problem]]

    @property
    def title(self) -> str:
        """Short translated title for summaries (translated at read time, after a translator is set)."""
        return self.label()


# --- geometry helpers ----------------------------------------------------------------------------

def _polygons(geom: BaseGeometry | None) -> list[Polygon]:
    """The non-empty polygons inside *geom* (any type), dropping points and lines."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return [p for p in geom.geoms if not p.is_empty]
    if hasattr(geom, "geoms"):
        return [p for part in geom.geoms for p in _polygons(part)]
    return []


def _as_area(geom: BaseGeometry | None) -> BaseGeometry | None:
    """The polygonal part of *geom*, repaired when invalid; None when it covers no area.

    Topology checks use this so that one broken grid (already reported by 'invalid') neither
    crashes GEOS nor hides the gaps and overlaps around it.
    """
    polys = _polygons(geom)
    if not polys:
        return None
    shape = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    if not shape.is_valid:
        shape = _repair(shape)
    return shape if shape is not None and not shape.is_empty and shape.area > 0 else None


def _repair(geom: BaseGeometry) -> BaseGeometry | None:
    try:
        from shapely.validation import make_valid  # here, not at the top: shapely < 1.8 lacks it (ImportError)
        fixed = make_valid(geom)
    except (ImportError, ValueError):  # GEOS < 3.8
        fixed = geom.buffer(0)
    polys = _polygons(fixed)
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else unary_union(polys)


def _tree(geoms: Sequence[BaseGeometry | None]) -> STRtree:
    """An STRtree whose queries return positions in *geoms* (None and empty entries skipped)."""
    with warnings.catch_warnings():  # shapely 1.8 warns about its 2.0 API on every construction
        warnings.simplefilter("ignore")
        return STRtree(list(geoms))


def _query(tree: STRtree, geom: BaseGeometry) -> list[int]:
    """Positions whose envelope meets *geom*'s (shapely 1.8 query_items; 2.x query)."""
    if hasattr(tree, "query_items"):
        return list(tree.query_items(geom))
    return [int(i) for i in tree.query(geom)]  # pragma: no cover - shapely 2


def _significant(geom: BaseGeometry, params: GridCheckParams) -> BaseGeometry | None:
    """The parts of *geom* that matter: each at least min_problem_area and not a thin sliver.

    A part is a sliver when its mean width, area / (perimeter / 2), is below the tolerance:
    what nearly-coincident boundaries leave behind after an overlay.
    """
    keep = [p for p in _polygons(geom)
            if p.area >= params.min_problem_area and p.area >= params.tolerance * p.length / 2]
    if not keep:
        return None
    return keep[0] if len(keep) == 1 else MultiPolygon(keep)


def _where(geom: BaseGeometry) -> tuple[float, float]:
    point = geom.representative_point()
    return point.x, point.y


# --- context -------------------------------------------------------------------------------------

@dataclass
class Context:
    """What the checks share: inputs, parameters and lazily built indexes."""

    grids: Sequence[GridRecord]
    communities: Sequence[CommunityRecord]
    params: GridCheckParams

    @cached_property
    def shapes(self) -> list[BaseGeometry | None]:
        """Per grid: its area-covering geometry (repaired if invalid), or None."""
        return [_as_area(g.geometry) for g in self.grids]

    @cached_property
    def grid_tree(self) -> STRtree:
        """STRtree over :attr:`shapes`; queries return grid positions."""
        return _tree(self.shapes)

    @cached_property
    def community_shapes(self) -> dict[str, BaseGeometry]:
        """Community key → its geometry (repaired; several records with one key are merged)."""
        parts: dict[str, list[BaseGeometry]] = defaultdict(list)
        for community in self.communities:
            shape = _as_area(community.geometry)
            if shape is not None:
                parts[community.key].append(shape)
        return {k: v[0] if len(v) == 1 else unary_union(v) for k, v in parts.items()}

    @cached_property
    def community_keys(self) -> list[str]:
        return list(self.community_shapes)

    @cached_property
    def community_tree(self) -> STRtree:
        return _tree([self.community_shapes[k] for k in self.community_keys])

    @cached_property
    def community_prepared(self) -> dict[str, object]:
        return {k: prep(g) for k, g in self.community_shapes.items()}

    def known_key(self, index: int) -> str | None:
        """The grid's community key when it names a community we have, else None (unknown)."""
        key = self.grids[index].community_key
        return key if key in self.community_shapes else None

    @cached_property
    def placement(self) -> list[tuple[str | None, BaseGeometry | None]]:
        """Per grid: (its own community key, the significant part outside it).

        The own community is the claimed one when known, else the one holding most of the grid.
        (None, the whole grid) means the grid lies in no community; (None, None) that it has no
        area or there are no communities.
        """
        result: list[tuple[str | None, BaseGeometry | None]] = []
        if not self.community_shapes:
            return [(None, None)] * len(self.grids)
        for i, shape in enumerate(self.shapes):
            if shape is None:
                result.append((None, None))
                continue
            own = self.known_key(i)
            if own is not None and self.community_prepared[own].contains(shape):
                result.append((own, None))
                continue
            candidates = [self.community_keys[j] for j in _query(self.community_tree, shape)]
            if own is None:
                inside = [k for k in candidates if self.community_prepared[k].contains(shape)]
                if inside:
                    result.append((inside[0], None))
                    continue
            areas = [(shape.intersection(self.community_shapes[k]).area, k) for k in candidates]
            areas = [(a, k) for a, k in areas if a >= self.params.min_problem_area]
            if not areas:
                result.append((None, shape))
                continue
            if own is None:
                own = max(areas)[1]
            result.append((own, _significant(shape.difference(self.community_shapes[own]), self.params)))
        return result


# --- checks --------------------------------------------------------------------------------------

def _problem(check: str, severity: str, items: Sequence[int], ctx: Context, geometry: BaseGeometry | None,
             message: str) -> Problem:
    return Problem(check, severity, tuple(ctx.grids[i].ref for i in items), geometry, message, tuple(items))


def _check_empty(ctx: Context) -> Iterator[Problem]:
    for i, grid in enumerate(ctx.grids):
        if grid.geometry is None or grid.geometry.is_empty:
            yield _problem("empty", ERROR, [i], ctx, None, tr("grid {ref} has no geometry").format(ref=grid.ref))


def _check_invalid(ctx: Context) -> Iterator[Problem]:
    for i, grid in enumerate(ctx.grids):
        geom = grid.geometry
        if geom is not None and not geom.is_empty and not geom.is_valid:
            yield _problem("invalid", ERROR, [i], ctx, geom, tr("grid {ref} has invalid geometry: {reason}").format(
                ref=grid.ref, reason=explain_validity(geom)))


def _check_multipart(ctx: Context) -> Iterator[Problem]:
    for i, grid in enumerate(ctx.grids):
        geom = grid.geometry
        if geom is None or geom.is_empty or geom.geom_type == "Polygon":
            continue
        if geom.geom_type == "MultiPolygon":
            parts = len(geom.geoms)
            if parts > 1:
                yield _problem("multipart", ERROR, [i], ctx, geom, tr(
                    "grid {ref} has {parts} separate parts; a grid is one closed polygon").format(
                    ref=grid.ref, parts=parts))
        else:
            yield _problem("multipart", ERROR, [i], ctx, geom, tr(
                "grid {ref} is a {type}, not a polygon").format(ref=grid.ref, type=geom.geom_type))


def _check_overlap(ctx: Context) -> Iterator[Problem]:
    shapes, tree = ctx.shapes, ctx.grid_tree
    for i, shape in enumerate(shapes):
        if shape is None:
            continue
        for j in sorted(_query(tree, shape)):
            # relate_pattern (interiors share area) is a cheap filter before building the intersection
            if j <= i or not shape.relate_pattern(shapes[j], "2********"):
                continue
            piece = _significant(shape.intersection(shapes[j]), ctx.params)
            if piece is None:
                continue
            x, y = _where(piece)
            yield _problem("overlap", ERROR, [i, j], ctx, piece, tr(
                "grid {ref} overlaps grid {other} by {area:.1f} m² at ({x:.1f}, {y:.1f})").format(
                ref=ctx.grids[i].ref, other=ctx.grids[j].ref, area=piece.area, x=x, y=y))


def _neighbours(ctx: Context, piece: BaseGeometry) -> list[int]:
    """Grids whose boundary comes within the tolerance of *piece* (to name a gap's surroundings)."""
    probe = piece.buffer(ctx.params.tolerance) if ctx.params.tolerance > 0 else piece
    prepared = prep(probe)
    return sorted(j for j in _query(ctx.grid_tree, probe) if prepared.intersects(ctx.shapes[j]))


def _check_gap(ctx: Context) -> Iterator[Problem]:
    if not ctx.community_shapes:
        yield from _holes(ctx)
        return
    claimed: dict[str, list[int]] = defaultdict(list)
    for i, shape in enumerate(ctx.shapes):
        if shape is not None:
            key = ctx.known_key(i)
            if key is not None:
                claimed[key].append(i)
    for key in ctx.community_keys:
        community = ctx.community_shapes[key]
        prepared = ctx.community_prepared[key]
        # grids of this community, plus grids whose community is unknown lying in it
        members = set(claimed.get(key, ()))
        members.update(j for j in _query(ctx.grid_tree, community)
                       if ctx.known_key(j) is None and prepared.intersects(ctx.shapes[j]))
        covered = unary_union([ctx.shapes[j] for j in members]) if members else None
        rest = community.difference(covered) if covered is not None else community
        for piece in _polygons(_significant(rest, ctx.params)):
            x, y = _where(piece)
            near = _neighbours(ctx, piece)
            yield _problem("gap", ERROR, near, ctx, piece, tr(
                "gap of {area:.1f} m² in community {community} at ({x:.1f}, {y:.1f}): no grid covers it").format(
                area=piece.area, community=key, x=x, y=y))


def _holes(ctx: Context) -> Iterator[Problem]:
    """Without communities: the holes enclosed by the grids' union are the only gaps we can see."""
    shapes = [s for s in ctx.shapes if s is not None]
    if not shapes:
        return
    union = unary_union(shapes)
    for outer in _polygons(union):
        for ring in outer.interiors:
            hole = Polygon(ring)
            for piece in _polygons(_significant(hole.difference(union), ctx.params)):
                x, y = _where(piece)
                yield _problem("gap", ERROR, _neighbours(ctx, piece), ctx, piece, tr(
                    "gap of {area:.1f} m² enclosed by grids at ({x:.1f}, {y:.1f}): no grid covers it").format(
                    area=piece.area, x=x, y=y))


def _check_crosses(ctx: Context) -> Iterator[Problem]:
    for i, (own, outside) in enumerate(ctx.placement):
        if own is None or outside is None:
            continue
        grid = ctx.grids[i]
        others = sorted(ctx.community_keys[j] for j in _query(ctx.community_tree, outside)
                        if ctx.community_keys[j] != own
                        and ctx.community_shapes[ctx.community_keys[j]].intersection(outside).area
                        >= ctx.params.min_problem_area)
        if others:
            message = tr("grid {ref} extends {area:.1f} m² beyond its community {community} into {others}").format(
                ref=grid.ref, area=outside.area, community=own, others=", ".join(others))
        else:
            message = tr("grid {ref} extends {area:.1f} m² beyond its community {community}").format(
                ref=grid.ref, area=outside.area, community=own)
        yield _problem("crosses_community", ERROR, [i], ctx, outside, message)


def _check_outside(ctx: Context) -> Iterator[Problem]:
    for i, (own, outside) in enumerate(ctx.placement):
        if own is None and outside is not None:
            grid = ctx.grids[i]
            yield _problem("outside_communities", ERROR, [i], ctx, outside, tr(
                "grid {ref} lies in no community").format(ref=grid.ref))


def _has_code(grid: GridRecord) -> bool:
    return grid.code is not None and grid.code != ""


def _check_code_missing(ctx: Context) -> Iterator[Problem]:
    for i, grid in enumerate(ctx.grids):
        if not _has_code(grid):
            yield _problem("code_missing", WARNING, [i], ctx, grid.geometry, tr(
                "grid {ref} has no code yet").format(ref=grid.ref))


def _check_code_malformed(ctx: Context) -> Iterator[Problem]:
    for i, grid in enumerate(ctx.grids):
        if _has_code(grid):
            problems = validate_grid_code(grid.code)
            if problems:
                yield _problem("code_malformed", ERROR, [i], ctx, grid.geometry, tr(
                    "grid {ref}: {problems}").format(ref=grid.ref, problems="; ".join(p.message for p in problems)))


def _check_code_duplicate(ctx: Context) -> Iterator[Problem]:
    by_code: dict[str, list[int]] = defaultdict(list)
    for i, grid in enumerate(ctx.grids):
        if _has_code(grid):
            by_code[grid.code].append(i)  # type: ignore[index]
    for code, items in by_code.items():
        if len(items) > 1:
            shapes = [ctx.shapes[i] for i in items if ctx.shapes[i] is not None]
            where = unary_union(shapes) if shapes else None
            yield _problem("code_duplicate", ERROR, items, ctx, where, tr(
                "code {code} is used by {count} grids; a code names exactly one grid").format(
                code=code, count=len(items)))


def _check_code_community(ctx: Context) -> Iterator[Problem]:
    for i, grid in enumerate(ctx.grids):
        code, key = grid.code, grid.community_key
        if not _has_code(grid) or key is None or len(code) != GRID_CODE_LENGTH:  # type: ignore[arg-type]
            continue
        prefix = code[:COMMUNITY_KEY_LENGTH]  # type: ignore[index]
        if prefix.isascii() and prefix.isdigit() and prefix != key:
            yield _problem("code_community_mismatch", ERROR, [i], ctx, grid.geometry, tr(
                "grid {ref}: code {code} starts with community {prefix} but the grid belongs to community "
                "{community}").format(ref=grid.ref, code=code, prefix=prefix, community=key))


def _check_area_small(ctx: Context) -> Iterator[Problem]:
    low = ctx.params.resolved_min_area
    for i, shape in enumerate(ctx.shapes):
        if shape is not None and shape.area < low:
            yield _problem("area_small", WARNING, [i], ctx, ctx.grids[i].geometry, tr(
                "grid {ref} covers {area:.1f} m², below the minimum {limit:.1f} m² (target {target:.1f} m²)").format(
                ref=ctx.grids[i].ref, area=shape.area, limit=low, target=ctx.params.target_area))


def _check_area_large(ctx: Context) -> Iterator[Problem]:
    high = ctx.params.resolved_max_area
    for i, shape in enumerate(ctx.shapes):
        if shape is not None and shape.area > high:
            yield _problem("area_large", WARNING, [i], ctx, ctx.grids[i].geometry, tr(
                "grid {ref} covers {area:.1f} m², above the maximum {limit:.1f} m² (target {target:.1f} m²)").format(
                ref=ctx.grids[i].ref, area=shape.area, limit=high, target=ctx.params.target_area))


def _check_isolated(ctx: Context) -> Iterator[Problem]:
    """A small grid sharing no edge with another grid of its community: a separate part of a
    multi-part community (or an island the community layer left), which no merge can join."""
    low = ctx.params.resolved_min_area
    placement = ctx.placement
    for i, shape in enumerate(ctx.shapes):
        own = placement[i][0]
        if shape is None or own is None or shape.area >= low:
            continue
        shared = 0.0
        for j in _query(ctx.grid_tree, shape):
            other = ctx.shapes[j]
            if j != i and other is not None and placement[j][0] == own:
                shared += shape.boundary.intersection(other.boundary).length
        if shared < 0.01:
            x, y = _where(shape)
            yield _problem("isolated", WARNING, [i], ctx, ctx.grids[i].geometry, tr(
                "grid {ref} ({area:.0f} m² at ({x:.1f}, {y:.1f})) shares no edge with another grid of community "
                "{community}: it is a separate part of the community; fix: give that part to the community around "
                "it, or join it to the main part in the community layer").format(
                ref=ctx.grids[i].ref, area=shape.area, x=x, y=y, community=own))


def _check_capacity(ctx: Context) -> Iterator[Problem]:
    """At most 999 grids per community: the serial of a grid code has 3 digits."""
    members: dict[str, list[int]] = defaultdict(list)
    for i, (own, _outside) in enumerate(ctx.placement):
        if own is not None:
            members[own].append(i)
    for key, items in sorted(members.items()):
        if len(items) > MAX_GRIDS_PER_COMMUNITY:
            yield _problem("capacity", ERROR, items[:1], ctx, ctx.community_shapes.get(key), tr(
                "community {community} has {count} grids; at most 999 per community: split it").format(
                community=key, count=len(items)))


#: The registry, in the order the checks run. A new check is one entry here.
CHECKS: list[Check] = [
    Check("empty", ERROR, lambda: tr("empty geometries"), _check_empty),
    Check("invalid", ERROR, lambda: tr("invalid geometries"), _check_invalid),
    Check("multipart", ERROR, lambda: tr("multipart or non-polygon geometries"), _check_multipart),
    Check("overlap", ERROR, lambda: tr("overlaps"), _check_overlap),
    Check("gap", ERROR, lambda: tr("gaps"), _check_gap),
    Check("crosses_community", ERROR, lambda: tr("grids crossing their community boundary"), _check_crosses),
    Check("outside_communities", ERROR, lambda: tr("grids outside every community"), _check_outside),
    Check("code_malformed", ERROR, lambda: tr("malformed codes"), _check_code_malformed),
    Check("code_duplicate", ERROR, lambda: tr("duplicate codes"), _check_code_duplicate),
    Check("code_community_mismatch", ERROR, lambda: tr("codes not matching their community"), _check_code_community),
    Check("code_missing", WARNING, lambda: tr("grids without a code"), _check_code_missing),
    Check("area_small", WARNING, lambda: tr("grids below the minimum area"), _check_area_small),
    Check("area_large", WARNING, lambda: tr("grids above the maximum area"), _check_area_large),
    Check("isolated", WARNING, lambda: tr("small grids sharing no edge with their community's other grids"),
          _check_isolated),
    Check("capacity", ERROR, lambda: tr("communities with more than 999 grids"), _check_capacity),
]


# --- report --------------------------------------------------------------------------------------

@dataclass
class ValidationReport:
    """The problems found, with counts and the publishing gate (:attr:`passed`)."""

    problems: list[Problem]
    grids_checked: int
    checks_run: list[str] = field(default_factory=list)
    cancelled: bool = False

    def counts(self) -> dict[str, int]:
        """Problems per check id, every check that ran included (zero when clean)."""
        out = dict.fromkeys(self.checks_run, 0)
        for p in self.problems:
            out[p.check] = out.get(p.check, 0) + 1
        return out

    def errors(self) -> int:
        """Number of problems that block publishing."""
        return sum(1 for p in self.problems if p.severity == ERROR)

    def warnings(self) -> int:
        """Number of problems reported but not blocking."""
        return sum(1 for p in self.problems if p.severity == WARNING)

    @property
    def passed(self) -> bool:
        """The publishing gate: no errors (warnings allowed) and the run was not cancelled."""
        return not self.cancelled and self.errors() == 0

    def summary_lines(self) -> list[str]:
        """One translated line per check run ("overlaps: 2 (error)"), then PASSED or FAILED."""
        registry = {c.id: c for c in CHECKS}
        counts = self.counts()
        lines = []
        for check_id in self.checks_run:
            check = registry.get(check_id)
            title = check.title if check is not None else check_id
            severity = check.severity if check is not None else ERROR
            severity_text = tr("error") if severity == ERROR else tr("warning")
            lines.append(tr("{title}: {count} ({severity})").format(
                title=title, count=counts.get(check_id, 0), severity=severity_text))
        errors, warns = self.errors(), self.warnings()
        error_text = tr("{count} error").format(count=errors) if errors == 1 else tr("{count} errors").format(
            count=errors)
        warning_text = tr("{count} warning").format(count=warns) if warns == 1 else tr("{count} warnings").format(
            count=warns)
        if self.cancelled:
            lines.append(tr("CANCELLED: validation incomplete ({errors}, {warnings} so far)").format(
                errors=error_text, warnings=warning_text))
        elif errors:
            lines.append(tr("FAILED: {errors}, {warnings}").format(errors=error_text, warnings=warning_text))
        elif warns:
            lines.append(tr("PASSED with {warnings}").format(warnings=warning_text))
        else:
            lines.append(tr("PASSED"))
        return lines


def validate(grids: Sequence[GridRecord], communities: Sequence[CommunityRecord] = (),
             params: GridCheckParams = GridCheckParams(), checks: Sequence[str] | None = None,  # noqa: B008
             progress: Progress | None = None) -> ValidationReport:
    """Run the registered checks (all, or the ids in *checks*, in registry order) over *grids*.

    Without *communities* the community checks find nothing and gaps are the holes enclosed by
    the grids. *progress* is called before each check; returning False cancels the run, and a
    cancelled report never passes.
    """
    known = [c.id for c in CHECKS]
    if checks is not None:
        unknown = [c for c in checks if c not in known]
        if unknown:
            raise ValueError(tr("unknown grid check {ids}; known checks: {known}").format(
                ids=", ".join(unknown), known=", ".join(known)))
    selected = [c for c in CHECKS if checks is None or c.id in checks]
    ctx = Context(list(grids), list(communities), params)
    report = ValidationReport([], len(ctx.grids))
    for n, check in enumerate(selected):
        if progress is not None and progress(n / max(len(selected), 1)) is False:
            report.cancelled = True
            return report
        report.problems.extend(check.run(ctx))
        report.checks_run.append(check.id)
    if progress is not None:
        progress(1.0)
    return report
