"""Case intake (受理登记, issue 15): every channel puts a case into the store through here.

The report dialog, the map tool, ``citygrid:importcases`` and the demo all call :func:`report`
(one case with its photos, in one transaction) or :func:`report_many` (a whole import, all or
nothing); the rules are the store's (:sql:`citygrid.case_report`: the login may report, the source
and its reporter, the class in the district's profile, the point inside a unit grid, sizes, the
server's clock). What the dialog shows before saving comes from here too: the sources, the classes
with their time limits, the place (grid, street, community, a proposed address), the components
near a click (先属主: the owner department), and possible duplicates.

A report of a problem already reported is attached to that case (:func:`attach_report`): kept as
an additional report with its photos, never lost.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import psycopg2

from ..core.i18n import tr
from .cases import _ROW, CaseRefused, CaseRow, _error, _no_nul, report_case
from .db import reading, rollback, store_fault
from .photos import Photo, add_photo, check_count

STAGE_ORDER = ("accept", "verify", "register", "dispatch", "handle", "check", "close")


@dataclass(frozen=True)
class NewReport:
    """A report as the operator (or an import) gives it. x, y in the store CRS."""
    source: str
    kind: str
    class_code: str
    description: str
    x: float
    y: float
    address: str | None = None
    reporter: str | None = None
    reporter_phone: str | None = None
    component_code: str | None = None
    urgent: bool = False
    observed_at: datetime | None = None
    external_id: str | None = None
    photos: tuple[Photo, ...] = ()


def _report(conn, new: NewReport) -> tuple[CaseRow, bool]:
    """The case of *new* and whether it was created now (not committed)."""
    check_count(new.photos, "report")
    if new.external_id is not None:
        _no_nul(external_id=new.external_id, source=new.source)
        try:
            with conn.cursor() as cur:  # known already (as a case or an additional report): nothing to add
                cur.execute(f"SELECT {_ROW} FROM citygrid.work_case w WHERE (w.source = %s AND w.external_id = %s) "  # nosec B608
                            "OR w.id = (SELECT e.case_id FROM citygrid.case_extra_report e "
                            "WHERE e.source = %s AND e.external_id = %s)",
                            (new.source, new.external_id, new.source, new.external_id))
                known = cur.fetchone()
        except psycopg2.Error as exc:
            rollback(conn)
            raise _error(exc, conn) from exc
        if known:
            return CaseRow(*known), False
    row = report_case(conn, new.source, new.kind, new.class_code, new.description, new.x, new.y,
                      address=new.address, reporter=new.reporter, component_code=new.component_code,
                      observed_at=new.observed_at, reporter_phone=new.reporter_phone, urgent=new.urgent,
                      external_id=new.external_id, commit=False)
    for photo in new.photos:
        add_photo(conn, row.id, "report", photo, commit=False)
    return row, True


def report(conn, new: NewReport, commit: bool = True) -> CaseRow:
    """Report one case with its photos (stage 'report') as the logged-in user; all or nothing.
    With an external id its source knows already, that case is returned and nothing is added
    (:func:`report_new` says which)."""
    return report_new(conn, new, commit)[0]


def report_new(conn, new: NewReport, commit: bool = True) -> tuple[CaseRow, bool]:
    """:func:`report`, and whether the case was created now (False: its work order was known)."""
    try:
        row, created = _report(conn, new)
        if commit:
            conn.commit()
        return row, created
    except BaseException:
        rollback(conn)
        raise


def report_many(conn, news: list[NewReport], commit: bool = True, page: int = 500) -> list[tuple[CaseRow, bool]]:
    """Report many cases in one transaction (an import): all or nothing. Each result says whether
    the case was created now (False: its external id was known, or came earlier in *news*; nothing
    added). A refusal carries ``index``: the position in *news* of the report refused.

    Fast path: the known external ids are looked up in one query, and the reports without photos go
    to the store *page* at a time in one statement each (every row still passes through
    citygrid.case_report and all its checks); when a page is refused, the page is retried report by
    report to name the one refused."""
    out: list[tuple[CaseRow, bool] | None] = [None] * len(news)
    try:
        known = _known_external(conn, news)
        first: dict[tuple[str, str], int] = {}
        batch: list[int] = []
        for index, new in enumerate(news):
            key = (new.source, new.external_id)
            if new.external_id is not None and key in known:
                out[index] = (known[key], False)
            elif new.external_id is not None and key in first:
                continue  # the same id twice in one file: the first one's case, filled in below
            else:
                if new.external_id is not None:
                    first[key] = index
                if new.photos:
                    out[index] = _one(conn, index, new)
                else:
                    batch.append(index)
        for start in range(0, len(batch), page):
            chunk = batch[start:start + page]
            for index, row in zip(chunk, _report_page(conn, [news[i] for i in chunk], chunk)):
                out[index] = (row, True)
        for index, new in enumerate(news):
            if out[index] is None:
                out[index] = (out[first[(new.source, new.external_id)]][0], False)
        if commit:
            conn.commit()
        return out
    except BaseException:
        rollback(conn)
        raise


def _one(conn, index: int, new: NewReport) -> tuple[CaseRow, bool]:
    try:
        return _report(conn, new)
    except Exception as exc:
        exc.index = index  # which report was refused: an import names its row
        raise


def _known_external(conn, news: list[NewReport]) -> dict[tuple[str, str], CaseRow]:
    """(source, external id) -> the case that already holds it (as its own or an additional report)."""
    pairs = [(n.source, n.external_id) for n in news if n.external_id is not None]
    if not pairs:
        return {}
    for source, external in pairs:
        _no_nul(source=source, external_id=external)
    try:
        with conn.cursor() as cur:
            cur.execute(f"""
                SELECT u.s, u.e, {', '.join('w.' + c.strip() for c in _ROW.split(','))}
                  FROM unnest(%s::text[], %s::text[]) AS u(s, e)
                  JOIN citygrid.work_case w ON (w.source = u.s AND w.external_id = u.e)
                    OR w.id = (SELECT x.case_id FROM citygrid.case_extra_report x
                                WHERE x.source = u.s AND x.external_id = u.e)""",  # nosec B608 - constant SQL
                        ([p[0] for p in pairs], [p[1] for p in pairs]))
            rows = {(r[0], r[1]): CaseRow(*r[2:]) for r in cur.fetchall()}
        return rows
    except psycopg2.Error as exc:
        rollback(conn)
        raise _error(exc, conn) from exc


_PAGE_COLUMNS = ("source", "kind", "class_code", "description", "x", "y", "address", "reporter", "component_code",
                 "observed_at", "reporter_phone", "urgent", "external_id")
_PAGE_TYPES = ("text", "text", "text", "text", "float8", "float8", "text", "text", "text", "timestamptz", "text",
               "boolean", "text")


def _report_page(conn, news: list[NewReport], indexes: list[int]) -> list[CaseRow]:
    """One statement reporting every report of *news* through citygrid.case_report, in order."""
    for new in news:
        _no_nul(description=new.description, address=new.address, reporter=new.reporter,
                class_code=new.class_code, reporter_phone=new.reporter_phone, external_id=new.external_id)
    arrays = [[getattr(n, c) for n in news] for c in _PAGE_COLUMNS]
    unnest = ", ".join(f"%s::{t}[]" for t in _PAGE_TYPES)
    row = ", ".join(f"(r).{c.strip()}" for c in _ROW.split(","))
    sql = f"""
        SELECT {row} FROM (
            SELECT u.n, citygrid.case_report(u.source, u.kind, u.class_code, u.description,
                       ST_SetSRID(ST_MakePoint(u.x, u.y), citygrid.store_srid()), u.address, u.reporter,
                       u.component_code, NULL, u.observed_at, u.reporter_phone, u.urgent, u.external_id) AS r
              FROM unnest({unnest}) WITH ORDINALITY AS u({', '.join(_PAGE_COLUMNS)}, n)
             ORDER BY u.n) s ORDER BY s.n"""  # nosec B608 - constant SQL, values bound
    try:
        with conn.cursor() as cur:
            cur.execute("SAVEPOINT citygrid_page")
            cur.execute(sql, arrays)
            rows = [CaseRow(*r) for r in cur.fetchall()]
            cur.execute("RELEASE SAVEPOINT citygrid_page")
        return rows
    except psycopg2.Error as exc:
        if store_fault(exc, conn):
            rollback(conn)
            raise _error(exc, conn) from exc
        with conn.cursor() as cur:
            cur.execute("ROLLBACK TO SAVEPOINT citygrid_page")
    # a report of this page was refused: report one by one to name it (the refusal rolls back)
    return [_one(conn, index, new)[0] for index, new in zip(indexes, news)]


def attach_report(conn, case_id: int, new: NewReport, commit: bool = True) -> int:
    """Keep *new* as an additional report of case *case_id* (并案): its own row, its photos on the
    case with stage 'report', an audit row 'report_again' by the login; returns its id."""
    _no_nul(description=new.description, address=new.address, reporter=new.reporter,
            reporter_phone=new.reporter_phone, external_id=new.external_id)
    check_count(new.photos, "report")
    try:
        with conn.cursor() as cur:
            if new.external_id is not None:  # attached before (a re-run): nothing to add, not even its photos
                cur.execute("SELECT id FROM citygrid.case_extra_report WHERE source = %s AND external_id = %s",
                            (new.source, new.external_id))
                known = cur.fetchone()
                if known:
                    conn.rollback()
                    return known[0]
            cur.execute("SELECT citygrid.case_attach_report(%s, %s, %s, "
                        "ST_SetSRID(ST_MakePoint(%s, %s), citygrid.store_srid()), %s, %s, %s, %s, %s)",
                        (case_id, new.source, new.description, new.x, new.y, new.address, new.reporter,
                         new.reporter_phone, new.observed_at, new.external_id))
            extra_id = cur.fetchone()[0]
        for photo in new.photos:
            add_photo(conn, case_id, "report", photo, commit=False)
        if commit:
            conn.commit()
        return extra_id
    except psycopg2.Error as exc:
        rollback(conn)
        raise _error(exc, conn) from exc
    except BaseException:
        rollback(conn)
        raise


def duplicates(conn, kind: str, class_code: str, x: float, y: float, metres: float | None = None,
               days: float | None = None, limit: int = 20) -> list[dict]:
    """Cases of the same class within *metres* (store setting duplicate_m, 50) reported in the
    last *days* (duplicate_days, 30), not cancelled, nearest first: id, case_no, state, state_zh,
    distance_m, reported_at, description, address, photo_id (its first report photo or None)."""
    with reading(conn) as cur:
        cur.execute("""
            WITH p AS (SELECT ST_SetSRID(ST_MakePoint(%s, %s), citygrid.store_srid()) AS g,
                              COALESCE(%s, citygrid.setting_float('duplicate_m', 50)) AS m,
                              COALESCE(%s, citygrid.setting_float('duplicate_days', 30)) AS d)
            SELECT c.id, c.case_no, c.state, s.name_zh, round(ST_Distance(c.geom, p.g)::numeric, 1),
                   c.reported_at, c.description, c.address,
                   (SELECT ph.id FROM citygrid.case_photo ph WHERE ph.case_id = c.id AND ph.stage = 'report'
                     ORDER BY ph.id LIMIT 1)
              FROM citygrid.work_case c JOIN citygrid.case_state s ON s.state = c.state, p
             WHERE c.kind = %s AND c.class_code = %s AND ST_DWithin(c.geom, p.g, p.m)
               AND c.reported_at >= now() - make_interval(secs => p.d * 86400) AND c.state <> 'cancelled'
             ORDER BY ST_Distance(c.geom, p.g), c.id LIMIT %s""", (x, y, metres, days, kind, class_code, limit))
        keys = ("id", "case_no", "state", "state_zh", "distance_m", "reported_at", "description", "address",
                "photo_id")
        rows = [dict(zip(keys, r)) for r in cur.fetchall()]
    for r in rows:
        r["distance_m"] = float(r["distance_m"])
    return rows


def locate(conn, x: float, y: float) -> dict:
    """Where (x, y) lies: grid_code, street_code, street_name, community_code, community_name and a
    proposed address ("<street><community> <nearest road or place name>", the nearest base-map
    annotation within 150 m). A point outside every unit grid raises CaseRefused."""
    with reading(conn) as cur:
        cur.execute("""
            WITH p AS (SELECT ST_SetSRID(ST_MakePoint(%s, %s), citygrid.store_srid()) AS g)
            SELECT g.code, s.code, s.name, m.code, m.name,
                   (SELECT t.text FROM citygrid.basemap_text t
                     WHERE ST_DWithin(t.geom, p.g, 150) AND btrim(t.text) <> ''
                     ORDER BY t.geom <-> p.g LIMIT 1)
              FROM p JOIN citygrid.grid g ON g.retired_at IS NULL AND g.code IS NOT NULL AND ST_Intersects(g.geom, p.g)
              LEFT JOIN citygrid.street s ON s.district_code = left(g.code, 6) AND s.code = substr(g.code, 7, 3)
              LEFT JOIN citygrid.community m ON m.district_code = left(g.code, 6)
                    AND m.street_code = substr(g.code, 7, 3) AND m.code = substr(g.code, 10, 3)
             LIMIT 1""", (x, y))
        row = cur.fetchone()
    if row is None:
        raise CaseRefused(tr("The point ({x:.1f}, {y:.1f}) lies outside every unit grid: click inside the "
                             "district's grids (or check the coordinates' CRS)").format(x=x, y=y))
    grid, street, street_name, community, community_name, near = row
    address = "".join(p for p in (street_name, community_name) if p)
    if near:
        address = f"{address} {near}附近".strip()
    return {"grid_code": grid, "street_code": street, "street_name": street_name, "community_code": community,
            "community_name": community_name, "address": address or tr("grid {code}").format(code=grid)}


def observed_max_days(conn) -> float:
    """How many days before its report an observed time may lie (store setting observed_max_days)."""
    with reading(conn) as cur:
        cur.execute("SELECT citygrid.setting_float('observed_max_days', 3)")
        value = cur.fetchone()[0]
    return float(value)


def grid_point(conn, grid_code: str) -> tuple[float, float] | None:
    """A point inside the active grid *grid_code* (its centre when that lies inside), or None."""
    with reading(conn) as cur:
        cur.execute("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM citygrid.grid "
                    "WHERE code = %s AND retired_at IS NULL) g", (grid_code.strip(),))
        row = cur.fetchone()
    return (row[0], row[1]) if row else None


def grid_codes(conn, points: list[tuple[float, float]]) -> list[str | None]:
    """The unit grid of each point (None: outside every grid), in one round trip."""
    if not points:
        return []
    with reading(conn) as cur:
        cur.execute("""
            SELECT (SELECT g.code FROM citygrid.grid g WHERE g.retired_at IS NULL AND g.code IS NOT NULL
                       AND ST_Intersects(g.geom, ST_SetSRID(ST_MakePoint(x, y), citygrid.store_srid())) LIMIT 1)
              FROM unnest(%s::float8[], %s::float8[]) WITH ORDINALITY AS u(x, y, n) ORDER BY n""",
                    ([float(p[0]) for p in points], [float(p[1]) for p in points]))
        rows = [r[0] for r in cur.fetchall()]
    return rows


def district_extent(conn) -> tuple[float, float, float, float] | None:
    """(xmin, ymin, xmax, ymax) of the active grids in the store CRS (None: no grid yet)."""
    with reading(conn) as cur:
        cur.execute("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM "
                    "(SELECT ST_Extent(geom) e FROM citygrid.grid WHERE retired_at IS NULL) x")
        row = cur.fetchone()
    return None if row is None or row[0] is None else tuple(row)


def time_limits(conn, kind: str, class_code: str) -> tuple[dict[str, str], dict[str, str]]:
    """(normal, urgent) time limits of a class in the command manual in force, stage -> text such
    as '4 工作时' (store.manual.limits_in_force; Limit.text)."""
    from .manual import limits_in_force

    normal = limits_in_force(conn, kind, class_code)
    urgent = limits_in_force(conn, kind, class_code, urgent=True)
    return ({s: lim.text() for s, lim in normal.items() if s in STAGE_ORDER},
            {s: lim.text() for s, lim in urgent.items() if s in STAGE_ORDER})


PROFILE_SQL = ("SELECT COALESCE((SELECT profile FROM citygrid.district ORDER BY code LIMIT 1), "
               "(SELECT value FROM citygrid.store_setting WHERE key = 'default_profile'), "
               "(SELECT profile FROM citygrid.code_profile WHERE is_default), '2013')")


def _profile(cur) -> str:
    """The store's code profile: its district's, else the store's default (one rule for every module)."""
    cur.execute(PROFILE_SQL)
    return cur.fetchone()[0]


def classes(conn, kind: str | None, text: str = "", limit: int | None = 50) -> list[dict]:
    """Event or component classes (kind None: both) of the store's profile whose code starts with
    *text* or whose Chinese name contains it: kind, code, name, major_code, major_name; the most
    likely first (code prefix, then name). Time limits: :func:`time_limits`."""
    _no_nul(text=text)
    text = (text or "").strip()
    with reading(conn) as cur:
        profile = _profile(cur)
        cur.execute("""
            SELECT kind, code, name, major_code, major_name FROM (
                SELECT 'event' AS kind, e.code, e.name, e.major_code, e.major_name FROM citygrid.event_class e
                 WHERE e.profile = %(p)s AND e.active
                UNION ALL
                SELECT 'component', k.code, k.name, k.major_code, k.major_name FROM citygrid.component_class k
                 WHERE k.profile = %(p)s) c
             WHERE (%(kind)s IS NULL OR kind = %(kind)s)
               AND (%(t)s = '' OR left(code, length(%(t)s)) = %(t)s OR strpos(name, %(t)s) > 0
                    OR strpos(major_name, %(t)s) > 0)
             ORDER BY (left(code, length(%(t)s)) = %(t)s) DESC, (strpos(name, %(t)s) = 1) DESC, kind, code
             LIMIT %(limit)s""", {"p": profile, "kind": kind, "t": text, "limit": limit})
        keys = ("kind", "code", "name", "major_code", "major_name")
        rows = [dict(zip(keys, r)) for r in cur.fetchall()]
    return rows


def class_table(conn) -> list[dict]:
    """Every event and component class of the store's profile: kind, code, name (an import's lookup)."""
    return classes(conn, None, "", limit=None)


def components_near(conn, x: float, y: float, metres: float = 15, limit: int = 10) -> list[dict]:
    """Active census components within *metres* of (x, y), nearest first: code, class_code,
    class_name, dept1_code, dept2_code, owner (先属主: the owner department, dept2 before dept1),
    owner_name, distance_m, x, y (the component's anchor)."""
    with reading(conn) as cur:
        cur.execute("""
            WITH p AS (SELECT ST_SetSRID(ST_MakePoint(%s, %s), citygrid.store_srid()) AS g)
            SELECT c.code, c.class_code, k.name, c.dept1_code, c.dept2_code, COALESCE(c.dept2_code, c.dept1_code),
                   d.name, round(ST_Distance(c.geom, p.g)::numeric, 1),
                   ST_X(ST_ClosestPoint(c.geom, p.g)), ST_Y(ST_ClosestPoint(c.geom, p.g))
              FROM p, citygrid.component c
              LEFT JOIN citygrid.component_class k ON k.code = c.class_code AND k.profile = c.profile
              LEFT JOIN citygrid.department d ON d.code = COALESCE(c.dept2_code, c.dept1_code)
             WHERE c.retired_at IS NULL AND c.code IS NOT NULL AND ST_DWithin(c.geom, p.g, %s)
             ORDER BY c.geom <-> p.g LIMIT %s""", (x, y, metres, limit))
        keys = ("code", "class_code", "class_name", "dept1_code", "dept2_code", "owner", "owner_name", "distance_m",
                "x", "y")
        rows = [dict(zip(keys, r)) for r in cur.fetchall()]
    for r in rows:
        r["distance_m"] = float(r["distance_m"])
    return rows


def sources(conn) -> list[dict]:
    """The active case sources in display order: name, name_en, trusted, reporter_role, needs_reporter."""
    with reading(conn) as cur:
        cur.execute("SELECT name, name_en, trusted, reporter_role, needs_reporter FROM citygrid.case_source "
                    "WHERE active ORDER BY ord, name")
        keys = ("name", "name_en", "trusted", "reporter_role", "needs_reporter")
        rows = [dict(zip(keys, r)) for r in cur.fetchall()]
    return rows
