"""The 1:500 base map (1:500 地形图) in the store: lines, polygons and annotations (注记) imported
from the survey office's CAD drawings (see migration 006 and ``citygrid:importdxf``).

:func:`import_basemap` writes one drawing in one transaction. With ``replace=True`` the rows
of earlier imports of the same drawing (``source_file``) are deleted first, so re-importing a
revised map sheet replaces it while the other sheets stay; a failure leaves the store as it was.
"""
from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field

import psycopg2
from psycopg2.extras import execute_values

from ..core.cadlayers import KINDS, POLYGON_KINDS  # noqa: F401 - POLYGON_KINDS: the store's rule, re-exported
from ..core.i18n import tr
from .db import StoreError, reading, transaction

TABLES = ("basemap_line", "basemap_polygon", "basemap_text")
_PAGE = 1000


@dataclass
class BasemapRow:
    """One entity of the drawing, already in the store CRS. ``table`` is one of :data:`TABLES`;
    ``wkb`` a line/multiline, polygon/multipolygon or point; ``text``, ``height`` (map units) and
    ``angle`` (degrees counter-clockwise) only for ``basemap_text``."""

    table: str
    kind: str
    wkb: bytes
    source_layer: str = ""
    text: str | None = None
    height: float | None = None
    angle: float | None = None
    ref: str = ""  # where it came from (entity handle), for messages


@dataclass
class BasemapImport:
    batch: str
    source_file: str
    counts: Counter = field(default_factory=Counter)  # (table, kind) -> rows written
    replaced: Counter = field(default_factory=Counter)  # table -> rows of earlier imports deleted

    def by_kind(self) -> dict[str, int]:
        out = dict.fromkeys(KINDS, 0)
        for (_table, kind), n in self.counts.items():
            out[kind] += n
        return out

    def by_table(self) -> dict[str, int]:
        out = dict.fromkeys(TABLES, 0)
        for (table, _kind), n in self.counts.items():
            out[table] += n
        return out


def _check(rows: list[BasemapRow]) -> None:
    problems = []
    for row in rows:
        where = row.ref or row.source_layer
        if row.table not in TABLES:
            problems.append(tr("{where}: unknown base map table '{table}'").format(where=where, table=row.table))
        if row.kind not in KINDS:
            problems.append(tr("{where}: unknown base map kind '{kind}' (use one of {kinds})").format(
                where=where, kind=row.kind, kinds=", ".join(KINDS)))
        if row.table == "basemap_text" and not (row.text or "").strip():
            problems.append(tr("{where}: annotation without text").format(where=where))
    if problems:
        more = len(problems) - 20
        raise StoreError("\n".join(problems[:20] + ([tr("… and {n} more").format(n=more)] if more > 0 else [])))


def import_basemap(conn, rows: list[BasemapRow], source_file: str, replace: bool = True) -> BasemapImport:
    """Write *rows* (one drawing) in one transaction; return the counts per table and kind."""
    source_file = (source_file or "").strip()
    if not source_file:
        raise StoreError(tr("the base map needs a source file name"))
    _check(rows)
    result = BasemapImport(str(uuid.uuid4()), source_file)
    with transaction(conn, tr("base map not imported (nothing was written): {error}")) as cur:
        cur.execute("SELECT citygrid.store_srid()")
        srid = cur.fetchone()[0]
        if replace:
            for table in TABLES:
                cur.execute(f"DELETE FROM citygrid.{table} WHERE source_file = %s", (source_file,))  # nosec B608
                result.replaced[table] = cur.rowcount
        common = "kind, source_layer, source_file, import_batch"
        for table in TABLES:
            chosen = [r for r in rows if r.table == table]
            if not chosen:
                continue
            if table == "basemap_text":
                sql = (f"INSERT INTO citygrid.basemap_text ({common}, text, height, angle, geom) VALUES %s")  # nosec B608
                template = f"(%s, %s, %s, %s::uuid, %s, %s, %s, ST_GeomFromWKB(%s, {int(srid)}))"
                values = [(r.kind, r.source_layer, source_file, result.batch, r.text.strip(), r.height,
                           r.angle or 0.0, psycopg2.Binary(r.wkb)) for r in chosen]
            else:
                sql = f"INSERT INTO citygrid.{table} ({common}, geom) VALUES %s"  # nosec B608
                template = f"(%s, %s, %s, %s::uuid, ST_Multi(ST_GeomFromWKB(%s, {int(srid)})))"
                values = [(r.kind, r.source_layer, source_file, result.batch, psycopg2.Binary(r.wkb))
                          for r in chosen]
            execute_values(cur, sql, values, template=template, page_size=_PAGE)
            for r in chosen:
                result.counts[(table, r.kind)] += 1
    return result


def basemap_in_box(conn, table: str, box: tuple[float, float, float, float], srid: int) -> list[tuple[str, bytes]]:
    """(kind, WKB) of the rows of *table* (``basemap_polygon`` or ``basemap_line``) whose
    geometry meets *box* (xmin, ymin, xmax, ymax in EPSG:*srid*)."""
    if table not in TABLES:
        raise StoreError(tr("{where}: unknown base map table '{table}'").format(where="basemap_in_box", table=table))
    with reading(conn) as cur:
        cur.execute(f"SELECT kind, ST_AsBinary(geom) FROM citygrid.{table} "  # nosec B608 - table checked above
                    "WHERE geom && ST_MakeEnvelope(%s, %s, %s, %s, %s)", [*box, srid])
        return cur.fetchall()
