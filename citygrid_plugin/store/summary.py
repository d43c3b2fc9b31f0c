"""What is in a store, for the CLI, the demo summary and the settings dialog."""
from __future__ import annotations

from .migrate import store_srid, store_version

# (label, SQL) in display order; later capabilities add their tables here.
COUNTS = [
    ("districts", "SELECT count(*) FROM citygrid.district"),
    ("streets", "SELECT count(*) FROM citygrid.street"),
    ("communities", "SELECT count(*) FROM citygrid.community"),
    ("departments", "SELECT count(*) FROM citygrid.department"),
    ("component classes 2013", "SELECT count(*) FROM citygrid.component_class WHERE profile = '2013'"),
    ("component classes 2026", "SELECT count(*) FROM citygrid.component_class WHERE profile = '2026'"),
    ("event classes 2013", "SELECT count(*) FROM citygrid.event_class WHERE profile = '2013'"),
    ("event classes 2026", "SELECT count(*) FROM citygrid.event_class WHERE profile = '2026'"),
    ("unit grids", "SELECT count(*) FROM citygrid.grid WHERE retired_at IS NULL"),
    ("components", "SELECT count(*) FROM citygrid.component WHERE retired_at IS NULL"),
    ("cases", "SELECT count(*) FROM citygrid.work_case"),
]


def counts(conn) -> dict[str, int]:
    out: dict[str, int] = {}
    with conn.cursor() as cur:
        for label, query in COUNTS:
            cur.execute(query)
            out[label] = cur.fetchone()[0]
    conn.rollback()
    return out


def describe_store(conn) -> dict:
    version = store_version(conn)
    info = {"version": version, "srid": store_srid(conn) if version else None}
    if version:
        info["counts"] = counts(conn)
    return info


def layer_settings(conn) -> dict[str, str]:
    """The store settings its QGIS layers need: ``srid`` and ``default_profile`` (text)."""
    with conn.cursor() as cur:
        cur.execute("SELECT key, value FROM citygrid.store_setting WHERE key IN ('srid', 'default_profile')")
        return dict(cur.fetchall())


def readable(conn, tables: list[str]) -> set[str]:
    """Which of the store's *tables* (and views) exist and the login may read."""
    with conn.cursor() as cur:
        cur.execute("SELECT t FROM unnest(%s::text[]) t WHERE to_regclass('citygrid.' || t) IS NOT NULL "
                    "AND has_table_privilege('citygrid.' || t, 'SELECT')", (tables,))
        return {r[0] for r in cur.fetchall()}
