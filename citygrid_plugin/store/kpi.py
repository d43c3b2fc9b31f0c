"""Today's figures for the command centre's big screen, from the audit and the cases.

:func:`today_kpis` runs two queries: today's actions from :sql:`citygrid.case_action_public`
(the audit without actor or note, which the big-screen role may read; range scan on
``case_action_at``; the day is the Asia/Shanghai day of ``now``) joined to their cases by
primary key, and the open cases by state from :sql:`citygrid.work_case` (index scan on
``work_case_state`` for the open states only, so the closed history is never read). On 200,000 cases
with 1.3 million audit rows (bench/cases.py's fill, 10,000 actions today): about 50 ms for the
district, 100 ms for one street. :func:`open_by_department` counts the open cases each department
holds and how many are overdue (40 ms on the demo's 17,700 cases).

Everything here reads only what the big screen's role (``citygrid_bigscreen``) may read.
"""
from __future__ import annotations

from datetime import datetime

ON_TIME = "正常结案"

_ACTIONS_SQL = """
WITH day AS (
    SELECT (date_trunc('day', COALESCE(%(now)s::timestamptz, now()) AT TIME ZONE 'Asia/Shanghai')
            AT TIME ZONE 'Asia/Shanghai') AS d0
)
SELECT (SELECT d0 FROM day) AS day_start,
       count(*) FILTER (WHERE a.action = 'report') AS reported,
       count(*) FILTER (WHERE a.action = 'register') AS registered,
       count(*) FILTER (WHERE a.action = 'close') AS closed,
       count(*) FILTER (WHERE a.action = 'close' AND c.close_category = %(on_time)s) AS closed_on_time
  FROM citygrid.case_action_public a
  JOIN citygrid.work_case c ON c.id = a.case_id
 WHERE a.at >= (SELECT d0 FROM day) AND a.at < (SELECT d0 FROM day) + interval '1 day'
   AND a.at <= COALESCE(%(now)s::timestamptz, now())
   AND a.action IN ('report', 'register', 'close')
   {street}
"""

_OPEN_SQL = """
WITH open_state AS (SELECT state, name_zh, ord FROM citygrid.case_state WHERE is_open),
counts AS (
    SELECT c.state, count(*) AS n,
           count(*) FILTER (WHERE c.stage_deadline < COALESCE(%(now)s::timestamptz, now())) AS overdue
      FROM citygrid.work_case c
     WHERE c.state = ANY (ARRAY(SELECT state FROM open_state)) {street}
     GROUP BY c.state
)
SELECT s.state, s.name_zh, COALESCE(k.n, 0), COALESCE(k.overdue, 0)
  FROM open_state s LEFT JOIN counts k ON k.state = s.state
 ORDER BY s.ord
"""


def _street_filter(street_code: str | None, alias: str) -> tuple[str, dict]:
    """A street as its 3-digit code or its 9-digit full code (district + street)."""
    if not street_code:
        return "", {}
    if len(street_code) == 9:
        return (f"AND {alias}.district_code = %(district)s AND {alias}.street_code = %(street)s",
                {"district": street_code[:6], "street": street_code[6:]})
    return f"AND {alias}.street_code = %(street)s", {"street": street_code}


def today_kpis(conn, now: datetime | None = None, street_code: str | None = None) -> dict:
    """Figures of the Asia/Shanghai day of *now* (default: the database's now()), optionally of
    one street (3-digit code, or 9-digit district + street):

    ``reported``, ``registered``, ``closed`` (report / register / close actions today, up to
    *now*), ``closed_on_time`` (of those, closed 正常结案), ``on_time_rate`` (closed_on_time /
    closed, None when nothing was closed), ``overdue`` (open cases whose stage deadline is before
    *now*), ``open`` (open cases), ``by_state`` (list of (state, name_zh, count) for every open
    state, in workflow order), ``day_start`` (midnight Asia/Shanghai, timezone-aware).

    Read-only; the transaction is ended (rolled back) before returning, so a connection kept for
    days never holds a snapshot open.
    """
    street_sql, params = _street_filter(street_code, "c")
    params.update({"now": now, "on_time": ON_TIME})
    try:
        with conn.cursor() as cur:
            cur.execute(_ACTIONS_SQL.format(street=street_sql), params)
            day_start, reported, registered, closed, on_time = cur.fetchone()
            cur.execute(_OPEN_SQL.format(street=street_sql), params)
            rows = cur.fetchall()
    finally:
        if not conn.closed:
            conn.rollback()
    return {
        "day_start": day_start,
        "reported": reported,
        "registered": registered,
        "closed": closed,
        "closed_on_time": on_time,
        "on_time_rate": (on_time / closed) if closed else None,
        "overdue": sum(r[3] for r in rows),
        "open": sum(r[2] for r in rows),
        "by_state": [(r[0], r[1], r[2]) for r in rows],
    }


def streets(conn) -> list[dict]:
    """The streets with their extent (boundary, else the extent of their communities) for the
    big screen's tour: dicts with ``code`` (9-digit full code), ``name`` and ``extent``
    (xmin, ymin, xmax, ymax, or None when the street has no geometry at all)."""
    try:
        with conn.cursor() as cur:
            cur.execute("""
                SELECT s.district_code || s.code, s.name, ST_XMin(e.b), ST_YMin(e.b), ST_XMax(e.b), ST_YMax(e.b)
                  FROM citygrid.street s
                  CROSS JOIN LATERAL (SELECT COALESCE(Box2D(s.boundary),
                        (SELECT ST_Extent(m.boundary) FROM citygrid.community m
                          WHERE m.district_code = s.district_code AND m.street_code = s.code)) AS b) e
                 ORDER BY 1""")
            rows = cur.fetchall()
    finally:
        if not conn.closed:
            conn.rollback()
    return [{"code": r[0], "name": r[1], "extent": None if r[2] is None else tuple(r[2:6])} for r in rows]


_DEPARTMENTS_SQL = """
SELECT c.department_code, COALESCE(d.name, c.department_code), count(*) AS n,
       count(*) FILTER (WHERE c.stage_deadline < COALESCE(%(now)s::timestamptz, now())) AS overdue
  FROM citygrid.work_case c
  LEFT JOIN citygrid.department d ON d.code = c.department_code
 WHERE c.state = ANY (ARRAY(SELECT state FROM citygrid.case_state WHERE is_open))
   AND c.department_code IS NOT NULL {street}
 GROUP BY c.department_code, d.name
 ORDER BY n DESC, overdue DESC, 2
 LIMIT %(limit)s
"""


def open_by_department(conn, now: datetime | None = None, street_code: str | None = None,
                       limit: int = 6) -> list[tuple[str, str, int, int]]:
    """The departments holding the most open cases (dispatched to them, deferred, awaiting
    check…), optionally in one street: (code, name, open, overdue) tuples, most open first, at
    most *limit*. Reads only columns the big screen's role may read (``department_code``,
    ``state``, ``stage_deadline`` of :sql:`citygrid.work_case` and the department names).
    Read-only; ends its transaction."""
    street_sql, params = _street_filter(street_code, "c")
    params.update({"now": now, "limit": int(limit)})
    try:
        with conn.cursor() as cur:
            cur.execute(_DEPARTMENTS_SQL.format(street=street_sql), params)
            rows = cur.fetchall()
    finally:
        if not conn.closed:
            conn.rollback()
    return [(r[0], r[1], int(r[2]), int(r[3])) for r in rows]
