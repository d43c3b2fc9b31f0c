"""Census progress per unit grid (部件普查进度, view citygrid.grid_census_progress): how many
components each active grid holds, by class, and whether it has been declared surveyed — the
declaration recorded with who and when by the store (table citygrid.grid_census)."""
from __future__ import annotations

from collections.abc import Sequence

from ..core.i18n import tr
from .db import StoreError, reading, transaction

_PROGRESS = "SELECT grid_code, components, by_class, surveyed, ST_AsBinary(geom) FROM citygrid.grid_census_progress"


def _progress(cur, area: str | None) -> list[tuple]:
    if area is None:
        cur.execute(_PROGRESS + " ORDER BY grid_code")
    else:
        cur.execute(_PROGRESS + " WHERE left(grid_code, %s) = %s ORDER BY grid_code", [len(area), area])
    return cur.fetchall()


def census_progress(conn, area: str = "") -> list[tuple]:
    """(grid code, components, components by class, surveyed, WKB) of the active grids whose
    code starts with *area*, in code order."""
    with reading(conn) as cur:
        return _progress(cur, area)


def mark_surveyed(conn, surveyed: Sequence[str] = (), not_surveyed: Sequence[str] = ()) -> list[tuple]:
    """Declare the grids *surveyed* surveyed and *not_surveyed* not (the store records who and
    when), then the progress of every active grid as :func:`census_progress` gives it — in one
    transaction: a code that is not an active grid changes nothing."""
    with transaction(conn, tr("census progress not updated: {error}")) as cur:
        for codes, flag in ((list(surveyed), True), (list(not_surveyed), False)):
            if not codes:
                continue
            cur.execute("SELECT c FROM unnest(%s::text[]) c WHERE NOT EXISTS (SELECT 1 FROM citygrid.grid g "
                        "WHERE g.code = c AND g.retired_at IS NULL)", (codes,))
            unknown = [r[0] for r in cur.fetchall()]
            if unknown:
                raise StoreError(tr("not active unit grids: {codes}").format(codes=", ".join(unknown)))
            cur.execute("""
                INSERT INTO citygrid.grid_census AS s (grid_code, surveyed, surveyed_at, surveyed_by)
                SELECT c, %s, now(), current_user FROM unnest(%s::text[]) c
                ON CONFLICT (grid_code) DO UPDATE SET surveyed = EXCLUDED.surveyed,
                    surveyed_at = EXCLUDED.surveyed_at, surveyed_by = EXCLUDED.surveyed_by""", (flag, codes))
        return _progress(cur, None)
