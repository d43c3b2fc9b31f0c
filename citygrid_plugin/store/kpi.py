"""Today's figures for the command centre's big screen, from the audit and the cases.

:func:`today_kpis` runs two queries: today's actions from :sql:`citygrid.case_action_public`
(the audit without actor or note, which the big-screen role may read; range scan on
``case_action_at``; the day is the Asia/Shanghai day of ``now``) joined to their cases by
primary key, and the open cases by state from :sql:`citygrid.work_case` (index scan on
``work_case_state`` for the open states only, so the closed history is never read). On 200,000 cases
with 1.3 million audit rows (bench/cases.py's fill, 10,000 actions today): about 50 ms for the
district, 100 ms for one street. :func:`open_by_department` counts the open cases each department
holds and how many are overdue (40 ms on the demo's 17,700 cases).

At the city platform (store/platform.py) the same figures are of every district, read from
the districts' record the city holds by replication (schema citygrid_feed: the cases, their
actions without note, the departments and divisions, each keyed by its district's code): a
department is named "区名 部门名" and keyed ``<district code>/<department code>``, an area is a
district (6 digits) or one of its streets (9 digits), and the big screen's tour goes through the
districts (:func:`districts`) instead of the streets; :func:`open_by_district` ranks the
districts by their open cases. Each function takes *city* (None: as the store is,
:func:`~citygrid_plugin.store.evaluation.is_city`).

Everything here reads only what the big screen's role (``citygrid_bigscreen``) may read.
"""
from __future__ import annotations

from datetime import datetime

from .evaluation import is_city

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
  FROM {actions} a
  JOIN {cases} c ON {join}
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
      FROM {cases} c
     WHERE c.state = ANY (ARRAY(SELECT state FROM open_state)) {street}
     GROUP BY c.state
)
SELECT s.state, s.name_zh, COALESCE(k.n, 0), COALESCE(k.overdue, 0)
  FROM open_state s LEFT JOIN counts k ON k.state = s.state
 ORDER BY s.ord
"""


# where they read: the store's own cases and public audit, or at the city platform every district's
# record (citygrid_feed), actions joined to their cases by (district, id); {street} stays for the caller
_STORE_TABLES = {"actions": "citygrid.case_action_public", "cases": "citygrid.work_case", "join": "c.id = a.case_id",
                 "street": "{street}"}
_CITY_TABLES = {"actions": "citygrid_feed.case_action", "cases": "citygrid_feed.work_case",
                "join": "c.district_code = a.district_code AND c.id = a.case_id", "street": "{street}"}
_CITY_ACTIONS_SQL, _CITY_OPEN_SQL = _ACTIONS_SQL.format(**_CITY_TABLES), _OPEN_SQL.format(**_CITY_TABLES)
_ACTIONS_SQL, _OPEN_SQL = _ACTIONS_SQL.format(**_STORE_TABLES), _OPEN_SQL.format(**_STORE_TABLES)


def _city(conn, city: bool | None) -> bool:
    return is_city(conn) if city is None else city


def _area_filter(code: str | None, alias: str) -> tuple[str, dict]:
    """At the city: a district (6 digits) or one of its streets (9 digits, district + street);
    a 3-digit street code is that street of every district."""
    if not code:
        return "", {}
    if len(code) == 6:
        return f"AND {alias}.district_code = %(district)s", {"district": code}
    return _street_filter(code, alias)


def _street_filter(street_code: str | None, alias: str) -> tuple[str, dict]:
    """A street as its 3-digit code or its 9-digit full code (district + street)."""
    if not street_code:
        return "", {}
    if len(street_code) == 9:
        return (f"AND {alias}.district_code = %(district)s AND {alias}.street_code = %(street)s",
                {"district": street_code[:6], "street": street_code[6:]})
    return f"AND {alias}.street_code = %(street)s", {"street": street_code}


def today_kpis(conn, now: datetime | None = None, street_code: str | None = None, city: bool | None = None) -> dict:
    """Figures of the Asia/Shanghai day of *now* (default: the database's now()), optionally of
    one street (3-digit code, or 9-digit district + street):

    ``reported``, ``registered``, ``closed`` (report / register / close actions today, up to
    *now*), ``closed_on_time`` (of those, closed 正常结案), ``on_time_rate`` (closed_on_time /
    closed, None when nothing was closed), ``overdue`` (open cases whose stage deadline is before
    *now*), ``open`` (open cases), ``by_state`` (list of (state, name_zh, count) for every open
    state, in workflow order), ``day_start`` (midnight Asia/Shanghai, timezone-aware).

    At the city (*city*; None: as the store is) the figures are of every district, or of the
    district (6 digits) or street (9 digits) *street_code*.

    Read-only; the transaction is ended (rolled back) before returning, so a connection kept for
    days never holds a snapshot open.
    """
    city = _city(conn, city)
    street_sql, params = (_area_filter if city else _street_filter)(street_code, "c")
    params.update({"now": now, "on_time": ON_TIME})
    actions_sql, open_sql = (_CITY_ACTIONS_SQL, _CITY_OPEN_SQL) if city else (_ACTIONS_SQL, _OPEN_SQL)
    try:
        with conn.cursor() as cur:
            cur.execute(actions_sql.format(street=street_sql), params)
            day_start, reported, registered, closed, on_time = cur.fetchone()
            cur.execute(open_sql.format(street=street_sql), params)
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


def streets(conn, city: bool | None = None) -> list[dict]:
    """The streets with their extent (boundary, else the extent of their communities) for the
    big screen's tour: dicts with ``code`` (9-digit full code), ``name`` and ``extent``
    (xmin, ymin, xmax, ymax, or None when the street has no geometry at all). At the city
    (*city*; None: as the store is) the tour goes through the districts: :func:`districts`."""
    if _city(conn, city):
        return districts(conn)
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


def districts(conn) -> list[dict]:
    """At the city: the linked districts (citygrid.platform_district) with their extent (the
    district's boundary in the feed, else the extent of its grids), as :func:`streets` gives
    streets: ``code`` (6 digits), ``name``, ``extent`` (None: nothing of it has arrived yet)."""
    try:
        with conn.cursor() as cur:
            cur.execute("""
                SELECT d.code, d.name, ST_XMin(e.b), ST_YMin(e.b), ST_XMax(e.b), ST_YMax(e.b)
                  FROM citygrid.platform_district d
                  CROSS JOIN LATERAL (SELECT COALESCE(
                        (SELECT ST_Extent(v.boundary) FROM citygrid_feed.division v
                          WHERE v.district_code = d.code AND v.level = 'district'),
                        (SELECT ST_Extent(g.geom) FROM citygrid_feed.grid g
                          WHERE g.district_code = d.code AND g.retired_at IS NULL)) AS b) e
                 ORDER BY 1""")
            rows = cur.fetchall()
    finally:
        if not conn.closed:
            conn.rollback()
    return [{"code": r[0], "name": r[1], "extent": None if r[2] is None else tuple(r[2:6])} for r in rows]


_DISTRICTS_SQL = """
WITH counts AS (
    SELECT c.district_code AS code, count(*) AS n,
           count(*) FILTER (WHERE c.stage_deadline < COALESCE(%(now)s::timestamptz, now())) AS overdue
      FROM citygrid_feed.work_case c
     WHERE c.state = ANY (ARRAY(SELECT state FROM citygrid.case_state WHERE is_open))
     GROUP BY c.district_code
), shown AS (
    SELECT COALESCE(d.code, k.code) AS code, COALESCE(k.n, 0) AS n, COALESCE(k.overdue, 0) AS overdue
      FROM citygrid.platform_district d FULL JOIN counts k ON k.code = d.code
)
SELECT s.code, COALESCE(pd.name, v.name, s.code), s.n, s.overdue
  FROM shown s
  LEFT JOIN citygrid.platform_district pd ON pd.code = s.code
  LEFT JOIN citygrid_feed.division v ON v.district_code = s.code AND v.level = 'district' AND v.code = s.code
 ORDER BY s.n DESC, s.overdue DESC, s.code
 LIMIT %(limit)s
"""


def open_by_district(conn, now: datetime | None = None, limit: int = 30) -> list[tuple[str, str, int, int]]:
    """At the city: every linked district (and any other whose open cases the city holds) with
    its open cases and how many are overdue: (code, name, open, overdue) tuples, most open first,
    at most *limit*. Read-only; ends its transaction."""
    try:
        with conn.cursor() as cur:
            cur.execute(_DISTRICTS_SQL, {"now": now, "limit": int(limit)})
            rows = cur.fetchall()
    finally:
        if not conn.closed:
            conn.rollback()
    return [(r[0], r[1], int(r[2]), int(r[3])) for r in rows]


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


# a department at the city: "区名 部门名", the district named as the city knows the link, else as the
# district names itself (its division row), else by its code
_CITY_DEPARTMENTS_SQL = """
SELECT c.district_code || '/' || c.department_code,
       COALESCE(pd.name, v.name, c.district_code) || ' ' || COALESCE(d.name, c.department_code),
       count(*) AS n, count(*) FILTER (WHERE c.stage_deadline < COALESCE(%(now)s::timestamptz, now())) AS overdue
  FROM citygrid_feed.work_case c
  LEFT JOIN citygrid_feed.department d ON d.district_code = c.district_code AND d.code = c.department_code
  LEFT JOIN citygrid.platform_district pd ON pd.code = c.district_code
  LEFT JOIN citygrid_feed.division v
         ON v.district_code = c.district_code AND v.level = 'district' AND v.code = c.district_code
 WHERE c.state = ANY (ARRAY(SELECT state FROM citygrid.case_state WHERE is_open))
   AND c.department_code IS NOT NULL {street}
 GROUP BY c.district_code, c.department_code, d.name, pd.name, v.name
 ORDER BY n DESC, overdue DESC, 2
 LIMIT %(limit)s
"""


def open_by_department(conn, now: datetime | None = None, street_code: str | None = None,
                       limit: int = 6, city: bool | None = None) -> list[tuple[str, str, int, int]]:
    """The departments holding the most open cases (dispatched to them, deferred, awaiting
    check…), optionally in one street: (code, name, open, overdue) tuples, most open first, at
    most *limit*. Reads only columns the big screen's role may read (``department_code``,
    ``state``, ``stage_deadline`` of :sql:`citygrid.work_case` and the department names). At
    the city (*city*; None: as the store is): every district's departments, keyed
    ``<district code>/<department code>`` and named "区名 部门名", optionally of one district (6
    digits) or street (9 digits). Read-only; ends its transaction."""
    city = _city(conn, city)
    street_sql, params = (_area_filter if city else _street_filter)(street_code, "c")
    params.update({"now": now, "limit": int(limit)})
    try:
        with conn.cursor() as cur:
            cur.execute((_CITY_DEPARTMENTS_SQL if city else _DEPARTMENTS_SQL).format(street=street_sql), params)
            rows = cur.fetchall()
    finally:
        if not conn.closed:
            conn.rollback()
    return [(r[0], r[1], int(r[2]), int(r[3])) for r in rows]
