"""Unit grids in the store (table citygrid.grid, rules in migration 004).

The store issues codes, retires instead of deleting, and links predecessors and successors;
this module only batches shapes into :sql:`citygrid.replace_community_grids` per community,
in one transaction for the whole batch (all communities or none).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..core.i18n import tr
from .db import StoreError, transaction


@dataclass
class CodingReport:
    codes: dict[tuple[str, int], str] = field(default_factory=dict)     # (community, index) -> code
    status: dict[tuple[str, int], str] = field(default_factory=dict)    # (community, index) -> kept|reshaped|new
    retired: int = 0

    def counts(self) -> Counter:
        return Counter(self.status.values())


def split_community_key(key: str) -> tuple[str, str, str]:
    key = (key or "").strip()
    if len(key) != 12 or not key.isdigit():
        raise StoreError(tr("community code '{key}' must be 12 digits (district 6 + street 3 + community 3)").format(
            key=key))
    return key[:6], key[6:9], key[9:]


def replace_grids(conn, shapes: dict[str, list[bytes]]) -> CodingReport:
    """Replace the grids of each community in *shapes* (12-digit key → WKB polygons in the store
    CRS): unchanged grids keep their codes, vanished ones are retired, new ones coded."""
    report = CodingReport()
    with transaction(conn, tr("grids not stored: {error}")) as cur:
        cur.execute("SELECT citygrid.store_srid()")
        srid = cur.fetchone()[0]
        for key, wkbs in shapes.items():
            district, street, community = split_community_key(key)
            cur.execute("SELECT count(*) FROM citygrid.grid WHERE retired_at IS NULL AND code IS NOT NULL "
                        "AND district_code = %s AND street_code = %s AND community_code = %s",
                        (district, street, community))
            before = cur.fetchone()[0]
            cur.execute("""
                SELECT idx, code, status FROM citygrid.replace_community_grids(%s, %s, %s,
                    ARRAY(SELECT ST_SetSRID(ST_GeomFromWKB(w), %s) FROM unnest(%s::bytea[]) WITH ORDINALITY u(w, o)
                          ORDER BY o))""",
                        (district, street, community, srid, [memoryview(w) for w in wkbs]))
            rows = cur.fetchall()
            for idx, code, status in rows:
                report.codes[(key, idx - 1)] = code
                report.status[(key, idx - 1)] = status
            report.retired += before - sum(1 for _i, _c, s in rows if s != "new")
    return report

