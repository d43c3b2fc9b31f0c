"""Reading cases for analysis (hotspots, density, the heatmap dock): grids, their adjacency, case
counts per grid (and per time slice) and case points, all selected by one
:class:`~citygrid_plugin.core.casefilter.CaseFilter`.

Counting happens in the store (``GROUP BY grid_code`` over the report-time index), so a million
cases arrive in Python as one row per grid, not a row per case. Every function ends its read
transaction before returning (a dock may keep its connection for days).

At the city platform (store/platform.py) they read every district's grids and cases from the
feed (citygrid_feed.grid, citygrid_feed.work_case: the same column names), so hot spots, density
and the heatmap run across districts.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from ..core.casefilter import CaseFilter
from .db import reading
from .evaluation import is_city


def _tables(conn) -> tuple[str, str]:
    """(grid table, case table): the store's own, or at the city platform every district's."""
    if is_city(conn):
        return "citygrid_feed.grid", "citygrid_feed.work_case"
    return "citygrid.grid", "citygrid.work_case"


@dataclass(frozen=True)
class GridSet:
    """The active unit grids, in code order: ``codes[i]`` has centroid ``xy[i]`` and WKB ``wkb[i]``."""

    codes: list[str]
    xy: list[tuple[float, float]]
    wkb: list[bytes]
    areas: list[float]

    def index(self) -> dict[str, int]:
        return {code: i for i, code in enumerate(self.codes)}



def active_grids(conn, area: str = "") -> GridSet:
    """Active, coded unit grids (optionally of one street/community, by code prefix as in CaseFilter)."""
    where, args = "retired_at IS NULL AND code IS NOT NULL", []
    if area:
        if len(area) == 3:
            where += " AND substr(code, 7, 3) = %s"
            args.append(area)
        else:
            where += " AND left(code, %s) = %s"
            args += [len(area), area]
    grid = _tables(conn)[0]
    with reading(conn) as cur:
        cur.execute(f"SELECT code, ST_X(c), ST_Y(c), ST_AsBinary(geom), ST_Area(geom) FROM ("  # nosec B608
                    f"SELECT code, geom, ST_Centroid(geom) AS c FROM {grid} WHERE {where}) g ORDER BY code",
                    args)
        rows = cur.fetchall()
    return GridSet([r[0] for r in rows], [(r[1], r[2]) for r in rows], [bytes(r[3]) for r in rows],
                   [r[4] for r in rows])


def grid_adjacency(conn, grids: GridSet, tolerance: float = 0.05) -> list[tuple[int, int]]:
    """Queen contiguity of *grids*: index pairs (i < j) of grids sharing an edge or a vertex
    (within *tolerance* metres, so digitising noise does not cut a neighbour off)."""
    grid = _tables(conn)[0]
    with reading(conn) as cur:
        cur.execute(f"""
            SELECT a.code, b.code FROM {grid} a JOIN {grid} b
                ON a.code < b.code AND b.retired_at IS NULL AND b.code IS NOT NULL
               AND ST_DWithin(a.geom, b.geom, %s)
             WHERE a.retired_at IS NULL AND a.code IS NOT NULL AND a.code = ANY(%s) AND b.code = ANY(%s)""",  # nosec B608
                    (tolerance, grids.codes, grids.codes))
        rows = cur.fetchall()
    index = grids.index()
    return sorted((index[a], index[b]) for a, b in rows)


def counts_per_grid(conn, flt: CaseFilter, grids: GridSet) -> list[int]:
    """Cases selected by *flt* per grid of *grids* (aligned with ``grids.codes``; cases in grids
    that are no longer active are not counted — the caller can tell by comparing with
    :func:`case_total`)."""
    where, args = flt.where("c")
    cases = _tables(conn)[1]
    with reading(conn) as cur:
        cur.execute(f"SELECT c.grid_code, count(*) FROM {cases} c WHERE {where} GROUP BY 1", args)  # nosec B608
        found = dict(cur.fetchall())
    return [found.get(code, 0) for code in grids.codes]


def case_total(conn, flt: CaseFilter) -> int:
    where, args = flt.where("c")
    cases = _tables(conn)[1]
    with reading(conn) as cur:
        cur.execute(f"SELECT count(*) FROM {cases} c WHERE {where}", args)  # nosec B608
        return cur.fetchone()[0]


def slices(start: datetime, end: datetime, days: int) -> list[tuple[datetime, datetime]]:
    """The window cut into consecutive slices of *days* days, the last one ending at *end*
    (a leading partial slice is dropped, so every slice has the same length)."""
    if days <= 0:
        raise ValueError("a time slice must be at least one day")
    out = []
    hi = end
    while hi - timedelta(days=days) >= start:
        out.append((hi - timedelta(days=days), hi))
        hi -= timedelta(days=days)
    return out[::-1]


def counts_per_grid_and_slice(conn, flt: CaseFilter, grids: GridSet, days: int) -> tuple[list[list[int]], list]:
    """Counts per grid (rows, aligned with ``grids.codes``) and time slice (columns, oldest first)
    of *days* days ending at the filter's end; returns (matrix as a numpy int array, slices).
    Cases before the first whole slice are left out (see :func:`slices`)."""
    cuts = slices(flt.start, flt.end, days)
    matrix = np.zeros((len(grids.codes), len(cuts)), dtype=np.int64)
    if not cuts:
        return matrix, []
    where, args = flt.where("c")
    first = cuts[0][0]
    cases = _tables(conn)[1]
    with reading(conn) as cur:  # date_part is double precision (extract is numeric since PG 14: slower)
        cur.execute(f"""
            SELECT c.grid_code, floor(date_part('epoch', c.reported_at - %s) / %s)::int AS k, count(*)
              FROM {cases} c WHERE {where} AND c.reported_at >= %s GROUP BY 1, 2""",  # nosec B608
                    [first, float(days * 86400), *args, first])
        rows = cur.fetchall()
    index = grids.index()
    for code, k, n in rows:
        i = index.get(code)
        if i is not None and 0 <= k < len(cuts):
            matrix[i, k] = n
    return matrix, cuts


def case_points(conn, flt: CaseFilter) -> list[tuple[float, float]]:
    """(x, y) in the store CRS of every case selected by *flt* (for the density raster)."""
    where, args = flt.where("c")
    cases = _tables(conn)[1]
    with reading(conn) as cur:
        cur.execute(f"SELECT ST_X(c.geom), ST_Y(c.geom) FROM {cases} c WHERE {where} ORDER BY c.id",  # nosec B608
                    args)
        return cur.fetchall()


def district_extent(conn) -> tuple[float, float, float, float] | None:
    """Extent of the active grids (xmin, ymin, xmax, ymax), or None without grids."""
    grid = _tables(conn)[0]
    with reading(conn) as cur:
        cur.execute("SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM (SELECT ST_Extent(geom) b "  # nosec B608
                    f"FROM {grid} WHERE retired_at IS NULL) e")
        row = cur.fetchone()
    return None if row is None or row[0] is None else tuple(row)
