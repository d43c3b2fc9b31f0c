"""The city's rules as data, for the administration dialog and the batch algorithms: departments and
their territories, routing rules (with a preview), the working calendar and week, case sources,
local extension classes, authorisations, evaluation weights, supervisors' responsibility grids
with their validity periods (责任网格), the grids' rosters (一格六员), the login that gets the tasks
of grids nobody answers for, and the administrators' audit.

Thin on purpose: the store holds the rules (grants: administrators alone write these tables; row
level security; checks and triggers that refuse a bad value with what to do) and audits every
change itself (``citygrid.admin_audit``: who, when, old and new row, written by a trigger whatever
the client). Each function here is one transaction, all or nothing, and turns a refusal into an
:class:`AdminError` whose text says what was refused and why. The command manual is
:mod:`citygrid_plugin.store.manual`; logins and roles :mod:`citygrid_plugin.store.roles`.
"""
from __future__ import annotations

import datetime as dt
import re
from contextlib import contextmanager

import psycopg2
from psycopg2 import sql

from ..core.casefilter import centre_today
from ..core.evaluation import SCORE_TERMS
from ..core.i18n import tr
from ..core.roster import DUTIES
from .db import StoreError, describe_error, reading, rollback

AUTHORITY_ACTIONS = ("defer", "release", "approve_extension", "refuse_extension", "cancel", "reopen")
DEPARTMENT_KINDS = ("agency", "street", "community", "enterprise", "other")
_AREA = re.compile(r"^[0-9]{9}([0-9]{3})?$")
_CODE3 = re.compile(r"^[0-9]{3}$")


class AdminError(StoreError):
    """An administrative change the store refused or that cannot be made; the message says why."""


@contextmanager
def _writing(conn, failure: str):
    """A cursor whose work is committed, or rolled back with an AdminError (*failure* holds {error})."""
    try:
        with conn.cursor() as cur:
            yield cur
        conn.commit()
    except psycopg2.Error as exc:
        rollback(conn)
        raise AdminError(failure.format(error=describe_error(exc, conn))) from exc
    except BaseException:
        rollback(conn)
        raise


def _rows(cur) -> list[dict]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _text(value) -> str | None:
    value = (str(value) if value is not None else "").strip()
    if "\x00" in value:
        raise AdminError(tr("a text holds a NUL character; remove it"))
    return value or None


# -- departments and territories ------------------------------------------------------------------
def departments(conn) -> list[dict]:
    """Every department with its territories (area codes), by code."""
    with reading(conn) as cur:
        cur.execute("""SELECT d.code, d.name, d.kind, d.parent_code, d.phone, d.contact, d.active, d.note,
                              ARRAY(SELECT t.area_code FROM citygrid.department_territory t
                                     WHERE t.department_code = d.code ORDER BY 1) AS territories
                         FROM citygrid.department d ORDER BY d.code""")
        out = _rows(cur)
    for d in out:
        d["territories"] = list(d["territories"])
    return out


def save_department(conn, d: dict) -> None:
    """Insert or change department ``d["code"]`` (name, kind, parent_code, phone, contact, active,
    note; territories when given: replaces them)."""
    code = _text(d.get("code"))
    if not code:
        raise AdminError(tr("a department needs a code"))
    kind = d.get("kind") or "agency"
    if kind not in DEPARTMENT_KINDS:
        raise AdminError(tr("department kind '{kind}' is not one of {kinds}").format(
            kind=kind, kinds=", ".join(DEPARTMENT_KINDS)))
    with _writing(conn, tr("department {code} not saved: {{error}}").format(code=code)) as cur:
        cur.execute("""INSERT INTO citygrid.department (code, name, kind, parent_code, phone, contact, active, note)
                       VALUES (%(code)s, %(name)s, %(kind)s, %(parent)s, %(phone)s, %(contact)s, %(active)s, %(note)s)
                       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                           parent_code = EXCLUDED.parent_code, phone = EXCLUDED.phone, contact = EXCLUDED.contact,
                           active = EXCLUDED.active, note = EXCLUDED.note""",
                    {"code": code, "name": _text(d.get("name")), "kind": kind, "parent": _text(d.get("parent_code")),
                     "phone": _text(d.get("phone")), "contact": _text(d.get("contact")),
                     "active": bool(d.get("active", True)), "note": _text(d.get("note"))})
        if d.get("territories") is not None:
            _set_territories(cur, code, d["territories"])


def territories(conn) -> dict[str, str]:
    """area code -> department code."""
    with reading(conn) as cur:
        cur.execute("SELECT area_code, department_code FROM citygrid.department_territory ORDER BY 1")
        return dict(cur.fetchall())


def _set_territories(cur, code: str, areas) -> None:
    areas = list(dict.fromkeys(a.strip() for a in areas if a and a.strip()))
    bad = [a for a in areas if not _AREA.match(a)]
    if bad:
        raise AdminError(tr("territory {area} is not a street (9 digits: district + street) or a community (12 digits)"
                            ).format(area=bad[0]))
    cur.execute("SELECT area_code, department_code FROM citygrid.department_territory "
                "WHERE area_code = ANY(%s) AND department_code <> %s", (areas, code))
    taken = cur.fetchall()
    if taken:
        raise AdminError(tr("territory {area} belongs to department {other} already; one department per area: take it "
                            "away there first").format(area=taken[0][0], other=taken[0][1]))
    cur.execute("DELETE FROM citygrid.department_territory WHERE department_code = %s AND NOT area_code = ANY(%s)",
                (code, areas))
    for a in areas:
        cur.execute("INSERT INTO citygrid.department_territory (area_code, department_code) VALUES (%s, %s) "
                    "ON CONFLICT (area_code) DO NOTHING", (a, code))


def set_territories(conn, department_code: str, areas: list[str]) -> None:
    """The territories of *department_code* become exactly *areas* (street or community codes)."""
    with _writing(conn, tr("territories of {code} not saved: {{error}}").format(code=department_code)) as cur:
        _set_territories(cur, department_code, areas)


def save_territories(conn, areas_: dict[str, str], replace: bool = False) -> None:
    """area code -> department code, in one transaction. *replace*: exactly these afterwards;
    otherwise these areas are (re)assigned and the others keep theirs."""
    bad = [a for a in areas_ if not _AREA.match(a or "")]
    if bad:
        raise AdminError(tr("territory {area} is not a street (9 digits: district + street) or a community (12 digits)"
                            ).format(area=bad[0]))
    with _writing(conn, tr("territories not saved: {error}")) as cur:
        if replace:
            cur.execute("DELETE FROM citygrid.department_territory WHERE NOT area_code = ANY(%s)", (list(areas_),))
        for area, dept in areas_.items():
            cur.execute("""INSERT INTO citygrid.department_territory (area_code, department_code) VALUES (%s, %s)
                           ON CONFLICT (area_code) DO UPDATE SET department_code = EXCLUDED.department_code
                            WHERE department_territory.department_code <> EXCLUDED.department_code""", (area, dept))


def areas(conn) -> list[tuple[str, str]]:
    """(area code, "street name" or "street name / community name") for every street and community."""
    with reading(conn) as cur:
        cur.execute("""SELECT full_code, name FROM citygrid.street
                       UNION ALL
                       SELECT c.full_code, s.name || ' / ' || c.name FROM citygrid.community c
                         JOIN citygrid.street s ON s.district_code = c.district_code AND s.code = c.street_code
                       ORDER BY 1""")
        return cur.fetchall()


# -- routing ------------------------------------------------------------------------------------------
def rules(conn) -> list[dict]:
    """The routing rules with the names of their class and department."""
    with reading(conn) as cur:
        cur.execute("""SELECT r.id, r.kind, r.class_code,
                              COALESCE((SELECT e.name FROM citygrid.event_class e WHERE r.kind = 'event'
                                          AND e.code = r.class_code ORDER BY e.profile LIMIT 1),
                                       (SELECT k.name FROM citygrid.component_class k WHERE r.kind = 'component'
                                          AND k.code = r.class_code ORDER BY k.profile LIMIT 1)) AS class_name,
                              r.street_code, r.community_code, r.department_code, d.name AS department_name
                         FROM citygrid.routing_rule r JOIN citygrid.department d ON d.code = r.department_code
                        ORDER BY r.kind, r.class_code, r.street_code NULLS FIRST, r.community_code NULLS FIRST""")
        return _rows(cur)


def _rule_args(r: dict) -> dict:
    kind = r.get("kind") or "event"
    street, community = _text(r.get("street_code")), _text(r.get("community_code"))
    if street and not _CODE3.match(street) or community and not _CODE3.match(community):
        raise AdminError(tr("a routing rule's street and community are 3-digit codes"))
    return {"id": r.get("id"), "kind": kind, "class": _text(r.get("class_code")), "street": street,
            "community": community, "dept": _text(r.get("department_code"))}


def _save_rule(cur, args: dict) -> int:
    cur.execute("""SELECT r.id, r.department_code FROM citygrid.routing_rule r
                    WHERE r.kind = %(kind)s AND r.class_code = %(class)s
                      AND r.street_code IS NOT DISTINCT FROM %(street)s
                      AND r.community_code IS NOT DISTINCT FROM %(community)s
                      AND r.id IS DISTINCT FROM %(id)s""", args)
    other = cur.fetchone()
    if other:
        raise AdminError(tr("rule #{id} already sends this class in this area to {dept}; change that rule instead "
                            "of adding another").format(id=other[0], dept=other[1]))
    if args["id"] is None:
        cur.execute("""INSERT INTO citygrid.routing_rule (kind, class_code, street_code, community_code,
                                                           department_code)
                       VALUES (%(kind)s, %(class)s, %(street)s, %(community)s, %(dept)s) RETURNING id""", args)
    else:
        cur.execute("""UPDATE citygrid.routing_rule SET kind = %(kind)s, class_code = %(class)s,
                              street_code = %(street)s, community_code = %(community)s, department_code = %(dept)s
                        WHERE id = %(id)s RETURNING id""", args)
    row = cur.fetchone()
    if row is None:
        raise AdminError(tr("routing rule #{id} does not exist (deleted meanwhile?)").format(id=args["id"]))
    return row[0]


def save_rule(conn, r: dict) -> int:
    """Insert (id None) or change a routing rule; its id. Two rules for one class and area are
    refused (one department per class and area)."""
    args = _rule_args(r)
    with _writing(conn, tr("routing rule not saved: {error}")) as cur:
        return _save_rule(cur, args)


def save_rules(conn, rules_: list[dict], replace: bool = False) -> None:
    """Many rules in one transaction (the batch import). *replace*: the table holds exactly these
    afterwards; otherwise a rule for the same kind, class and area gets the new department and the
    others are added."""
    args = [_rule_args(r) for r in rules_]
    with _writing(conn, tr("routing rules not saved: {error}")) as cur:
        if replace:
            cur.execute("DELETE FROM citygrid.routing_rule")
        for a in args:
            cur.execute("""SELECT id FROM citygrid.routing_rule WHERE kind = %(kind)s AND class_code = %(class)s
                             AND street_code IS NOT DISTINCT FROM %(street)s
                             AND community_code IS NOT DISTINCT FROM %(community)s""", a)
            row = cur.fetchone()
            _save_rule(cur, {**a, "id": row[0] if row else None})


def delete_rule(conn, rule_id: int) -> None:
    with _writing(conn, tr("routing rule not deleted: {error}")) as cur:
        cur.execute("DELETE FROM citygrid.routing_rule WHERE id = %s", (rule_id,))


def preview(conn, kind: str, class_code: str, x: float, y: float, component_code: str | None = None) -> dict:
    """Where a case of this class at (x, y) in the store's CRS would go: department_code,
    department_name, reason (owner, rule, manual, territory, or None: nobody), detail, grid_code."""
    with reading(conn) as cur:
        cur.execute("""SELECT g.code, d.profile FROM citygrid.grid g
                         JOIN citygrid.district d ON d.code = left(g.code, 6)
                        WHERE g.retired_at IS NULL AND g.code IS NOT NULL
                          AND ST_Intersects(g.geom, ST_SetSRID(ST_MakePoint(%s, %s), citygrid.store_srid()))
                        LIMIT 1""", (x, y))
        row = cur.fetchone()
        if row is None:
            raise AdminError(tr("the point lies outside every unit grid"))
        grid, profile = row
        cur.execute("""SELECT r.department_code, d.name, r.reason, r.detail
                         FROM citygrid.case_route(%s, %s, %s, %s, %s, %s, %s,
                                                  (SELECT max(version) FROM citygrid.manual_version)) r
                         LEFT JOIN citygrid.department d ON d.code = r.department_code""",
                    (kind, profile, class_code, grid[:6], grid[6:9], grid[9:12], component_code))
        found = cur.fetchone()
    out = {"grid_code": grid, "department_code": None, "department_name": None, "reason": None, "detail": None}
    if found:
        out.update(department_code=found[0], department_name=found[1], reason=found[2], detail=found[3])
    return out


def grid_point(conn, grid_code: str) -> tuple[float, float]:
    """A point inside active grid *grid_code* (for a preview by grid code)."""
    with reading(conn) as cur:
        cur.execute("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM citygrid.grid "
                    "WHERE code = %s AND retired_at IS NULL) g", ((grid_code or "").strip(),))
        row = cur.fetchone()
    if row is None:
        raise AdminError(tr("there is no active unit grid {code}").format(code=grid_code))
    return row


# -- the working calendar and week ------------------------------------------------------------------
def calendar(conn, year: int) -> list[tuple[dt.date, bool, str | None]]:
    """The calendar's explicit entries of *year* (holidays, 调休 working days), by day."""
    with reading(conn) as cur:
        cur.execute("SELECT day, is_workday, note FROM citygrid.work_calendar "
                    "WHERE day >= make_date(%s, 1, 1) AND day < make_date(%s + 1, 1, 1) ORDER BY day", (year, year))
        return cur.fetchall()


def check_calendar(year: int, entries) -> None:
    """Every entry lies in *year*, no day twice; raises AdminError naming the entry."""
    seen = set()
    for i, (day, _work, note) in enumerate(entries, start=1):
        if not isinstance(day, dt.date):
            raise AdminError(tr("calendar entry {n}: '{day}' is not a date").format(n=i, day=day))
        if day.year != year:
            raise AdminError(tr("calendar entry {n}: {day} is outside the year {year}; put it in that year's "
                                "calendar").format(n=i, day=day.isoformat(), year=year))
        if day in seen:
            raise AdminError(tr("calendar entry {n}: {day} is given twice").format(n=i, day=day.isoformat()))
        if note is not None and len(str(note)) > 200:
            raise AdminError(tr("calendar entry {n}: the note has more than 200 characters").format(n=i))
        seen.add(day)


def save_calendar(conn, year: int, entries, work_periods: str | None = None) -> None:
    """The calendar of *year* becomes exactly *entries* ((day, is_workday, note), …); with
    *work_periods*, the working hours change in the same transaction."""
    entries = [(d, bool(w), _text(n)) for d, w, n in entries]
    check_calendar(year, entries)
    with _writing(conn, tr("calendar {year} not saved: {{error}}").format(year=year)) as cur:
        if work_periods is not None:
            cur.execute("""INSERT INTO citygrid.store_setting (key, value) VALUES ('work_periods', %s)
                           ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                            WHERE store_setting.value IS DISTINCT FROM EXCLUDED.value""", (work_periods.strip(),))
        cur.execute("DELETE FROM citygrid.work_calendar WHERE day >= make_date(%s, 1, 1) "
                    "AND day < make_date(%s + 1, 1, 1) AND NOT day = ANY(%s)", (year, year, [e[0] for e in entries]))
        for day, work, note in entries:
            cur.execute("""INSERT INTO citygrid.work_calendar (day, is_workday, note) VALUES (%s, %s, %s)
                           ON CONFLICT (day) DO UPDATE SET is_workday = EXCLUDED.is_workday, note = EXCLUDED.note
                            WHERE (work_calendar.is_workday, work_calendar.note)
                                  IS DISTINCT FROM (EXCLUDED.is_workday, EXCLUDED.note)""", (day, work, note))


def _setting(conn, key: str, default: str) -> str:
    with reading(conn) as cur:
        cur.execute("SELECT value FROM citygrid.store_setting WHERE key = %s", (key,))
        row = cur.fetchone()
    return row[0] if row else default


def _set_setting(conn, key: str, value: str) -> None:
    with _writing(conn, tr("setting {key} not saved: {{error}}").format(key=key)) as cur:
        cur.execute("""INSERT INTO citygrid.store_setting (key, value) VALUES (%s, %s)
                       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                        WHERE store_setting.value IS DISTINCT FROM EXCLUDED.value""", (key, value))


def work_periods(conn) -> str:
    return _setting(conn, "work_periods", "08:30-12:00,13:30-17:30")


def set_work_periods(conn, text: str) -> None:
    """The working hours of a working day, "08:30-12:00,13:30-17:30" (the store checks them)."""
    _set_setting(conn, "work_periods", (text or "").strip())


def work_week(conn) -> list[int]:
    return [int(x) for x in _setting(conn, "work_week", "1,2,3,4,5").split(",") if x]


def set_work_week(conn, days) -> None:
    """The ISO weekdays (1 = Monday … 7 = Sunday) that are working days unless the calendar says otherwise."""
    days = sorted({int(d) for d in days})
    if not days or any(d < 1 or d > 7 for d in days):
        raise AdminError(tr("the working week is one or more weekdays, 1 (Monday) to 7 (Sunday)"))
    _set_setting(conn, "work_week", ",".join(map(str, days)))


def is_workday(conn, day: dt.date) -> bool:
    with reading(conn) as cur:
        cur.execute("SELECT citygrid.is_workday(%s)", (day,))
        return cur.fetchone()[0]


# -- sources, local classes ------------------------------------------------------------------------------
def sources(conn) -> list[dict]:
    with reading(conn) as cur:
        cur.execute("SELECT name, name_en, ord, trusted, reporter_role, needs_reporter, active "
                    "FROM citygrid.case_source "
                    "ORDER BY ord, name")
        return _rows(cur)


def _save_source(cur, s: dict) -> None:
    name = _text(s.get("name"))
    if not name:
        raise AdminError(tr("a case source needs a name"))
    cur.execute("""INSERT INTO citygrid.case_source (name, name_en, ord, trusted, reporter_role, needs_reporter, active)
                   VALUES (%(name)s, %(en)s, %(ord)s, %(trusted)s, %(role)s, %(needs)s, %(active)s)
                   ON CONFLICT (name) DO UPDATE SET name_en = EXCLUDED.name_en, ord = EXCLUDED.ord,
                       trusted = EXCLUDED.trusted, reporter_role = EXCLUDED.reporter_role,
                       needs_reporter = EXCLUDED.needs_reporter, active = EXCLUDED.active""",
                {"name": name, "en": _text(s.get("name_en")) or name, "ord": int(s.get("ord") or 100),
                 "trusted": bool(s.get("trusted")), "role": _text(s.get("reporter_role")),
                 "needs": bool(s.get("needs_reporter")), "active": bool(s.get("active", True))})


def save_source(conn, s: dict) -> None:
    """Insert or change case source ``s["name"]``."""
    with _writing(conn, tr("case source {name} not saved: {{error}}").format(name=_text(s.get("name")))) as cur:
        _save_source(cur, s)


def save_sources(conn, sources_: list[dict]) -> None:
    """Many sources in one transaction (upsert by name)."""
    with _writing(conn, tr("case sources not saved: {error}")) as cur:
        for s in sources_:
            _save_source(cur, s)


def local_classes(conn) -> list[dict]:
    """The local extension classes (扩展部件/事件, origin local) of every profile."""
    with reading(conn) as cur:
        cur.execute("""SELECT 'event' AS kind, profile, code, major_code, major_name, minor_code, name,
                              NULL::text AS geometry_type, active FROM citygrid.event_class WHERE origin = 'local'
                       UNION ALL
                       SELECT 'component', profile, code, major_code, major_name, minor_code, name, geometry_type,
                              active
                         FROM citygrid.component_class WHERE origin = 'local'
                       ORDER BY 1, 2, 3""")
        return _rows(cur)


def majors(conn, kind: str, profile: str) -> list[tuple[str, str]]:
    """(major code, major name) of a kind's classes in *profile*."""
    table = sql.Identifier("citygrid", "event_class" if kind == "event" else "component_class")
    with reading(conn) as cur:
        cur.execute(sql.SQL("SELECT DISTINCT major_code, major_name FROM {} WHERE profile = %s ORDER BY 1")
                    .format(table),
                    (profile,))
        return cur.fetchall()


def _save_local_class(cur, c: dict) -> None:
    kind = c.get("kind")
    if kind not in ("event", "component"):
        raise AdminError(tr("a class is of kind event or component"))
    table = sql.Identifier("citygrid", "event_class" if kind == "event" else "component_class")
    major, minor = _text(c.get("major_code")) or "", _text(c.get("minor_code")) or ""
    args = {"profile": _text(c.get("profile")) or "2013", "code": major + minor, "major": major,
            "major_name": _text(c.get("major_name")), "minor": minor, "name": _text(c.get("name")),
            "geom": c.get("geometry_type") or "point", "active": bool(c.get("active", True))}
    cur.execute(sql.SQL("SELECT origin FROM {} WHERE profile = %(profile)s AND code = %(code)s").format(table), args)
    row = cur.fetchone()
    if row and row[0] != "local":
        raise AdminError(tr("class {code} is a standard class of profile {profile}; a local class needs a code of "
                            "its own").format(code=args["code"], profile=args["profile"]))
    if kind == "component":
        cur.execute("""INSERT INTO citygrid.component_class (profile, code, major_code, major_name, minor_code, name,
                                                             origin, active, geometry_type)
                       VALUES (%(profile)s, %(code)s, %(major)s, %(major_name)s, %(minor)s, %(name)s, 'local',
                               %(active)s, %(geom)s)
                       ON CONFLICT (profile, code) DO UPDATE SET major_name = EXCLUDED.major_name, name = EXCLUDED.name,
                           active = EXCLUDED.active, geometry_type = EXCLUDED.geometry_type""", args)
    else:
        cur.execute("""INSERT INTO citygrid.event_class (profile, code, major_code, major_name, minor_code, name,
                                                         origin, active)
                       VALUES (%(profile)s, %(code)s, %(major)s, %(major_name)s, %(minor)s, %(name)s, 'local',
                               %(active)s)
                       ON CONFLICT (profile, code) DO UPDATE SET major_name = EXCLUDED.major_name, name = EXCLUDED.name,
                           active = EXCLUDED.active""", args)


def save_local_class(conn, c: dict) -> None:
    """Insert or change a local class: kind, profile, major_code, major_name, minor_code, name,
    geometry_type (components), active. A standard class cannot be changed here."""
    code = (_text(c.get("major_code")) or "") + (_text(c.get("minor_code")) or "")
    with _writing(conn, tr("class {code} not saved: {{error}}").format(code=code)) as cur:
        _save_local_class(cur, c)


def save_local_classes(conn, classes: list[dict]) -> None:
    """Many local classes in one transaction (upsert by kind, profile and code)."""
    with _writing(conn, tr("local classes not saved: {error}")) as cur:
        for c in classes:
            _save_local_class(cur, c)


# -- authorisations, weights, responsibility grids ---------------------------------------------------------
def authorities(conn) -> list[dict]:
    with reading(conn) as cur:
        cur.execute("SELECT action, role, max_hours, note FROM citygrid.case_authority "
                    "ORDER BY array_position(%s, action), role", (list(AUTHORITY_ACTIONS),))
        out = _rows(cur)
    for r in out:
        r["max_hours"] = float(r["max_hours"]) if r["max_hours"] is not None else None
    return out


def save_authorities(conn, rows: list[dict]) -> None:
    """The authorisations become exactly *rows* (action, role, max_hours, note)."""
    keys = set()
    for r in rows:
        if r.get("action") not in AUTHORITY_ACTIONS:
            raise AdminError(tr("'{action}' is not an action that needs an authorisation ({actions})").format(
                action=r.get("action"), actions=", ".join(AUTHORITY_ACTIONS)))
        if (r["action"], r.get("role")) in keys:
            raise AdminError(tr("{action} by {role} is given twice").format(action=r["action"], role=r.get("role")))
        keys.add((r["action"], r.get("role")))
    with _writing(conn, tr("authorisations not saved: {error}")) as cur:
        cur.execute("SELECT action, role FROM citygrid.case_authority")
        gone = set(cur.fetchall()) - keys
        for action, role in gone:
            cur.execute("DELETE FROM citygrid.case_authority WHERE action = %s AND role = %s", (action, role))
        for r in rows:
            cur.execute("""INSERT INTO citygrid.case_authority (action, role, max_hours, note)
                           VALUES (%(action)s, %(role)s, %(max)s, %(note)s)
                           ON CONFLICT (action, role) DO UPDATE SET max_hours = EXCLUDED.max_hours, note = EXCLUDED.note
                            WHERE (case_authority.max_hours, case_authority.note)
                                  IS DISTINCT FROM (EXCLUDED.max_hours, EXCLUDED.note)""",
                        {"action": r["action"], "role": r.get("role"), "max": r.get("max_hours"),
                         "note": _text(r.get("note"))})


def weights(conn) -> dict[str, float]:
    """The composite score's points per term, as the store holds them."""
    with reading(conn) as cur:
        cur.execute("SELECT term, points FROM citygrid.evaluation_weight")
        found = {t: float(p) for t, p in cur.fetchall()}
    return {t: found[t] for t in SCORE_TERMS if t in found}


def save_weights(conn, w: dict[str, float]) -> None:
    unknown = set(w) - set(SCORE_TERMS)
    if unknown:
        raise AdminError(tr("unknown score term(s) {terms}; terms: {known}").format(
            terms=", ".join(sorted(unknown)), known=", ".join(SCORE_TERMS)))
    if any(v < 0 for v in w.values()) or not sum(w.values()):
        raise AdminError(tr("score weights must be zero or more and not all zero"))
    with _writing(conn, tr("evaluation weights not saved: {error}")) as cur:
        for term, points in w.items():
            cur.execute("""INSERT INTO citygrid.evaluation_weight (term, points) VALUES (%s, %s)
                           ON CONFLICT (term) DO UPDATE SET points = EXCLUDED.points
                            WHERE evaluation_weight.points IS DISTINCT FROM EXCLUDED.points""", (term, points))


def supervisor_grids(conn, login: str, day: dt.date | None = None) -> list[str]:
    """The grids supervisor *login* answers for on *day* (today by default)."""
    with reading(conn) as cur:
        cur.execute("""SELECT DISTINCT grid_code FROM citygrid.supervisor_grid
                        WHERE login = %(l)s AND valid_from <= %(d)s AND (valid_to IS NULL OR valid_to >= %(d)s)
                        ORDER BY 1""", {"l": login, "d": day or centre_today()})
        return [r[0] for r in cur.fetchall()]


def set_supervisor_grids(conn, login: str, codes: list[str], day: dt.date | None = None) -> None:
    """From *day* (today by default) on, the responsibility grids of supervisor *login* are
    exactly *codes*: a grid he no longer answers for has its period ended the day before (a period
    that starts that day is removed), a grid he does not hold yet gets a period open from that
    day; his periods before and after stay as they are. All or nothing; the store refuses a grid
    another supervisor holds then (end that one first)."""
    day = day or centre_today()
    codes = list(dict.fromkeys(c.strip() for c in codes if c and c.strip()))
    with _responsibility_writing(conn, tr("responsibility grids of {login} not saved: {{error}}").format(
            login=login)) as cur:
        held = """login = %(l)s AND valid_from <= %(d)s AND (valid_to IS NULL OR valid_to >= %(d)s)
                  AND NOT grid_code = ANY(%(c)s)"""
        args = {"l": login, "d": day, "c": codes}
        cur.execute(f"DELETE FROM citygrid.supervisor_grid WHERE {held} AND valid_from = %(d)s", args)  # nosec B608
        cur.execute(f"UPDATE citygrid.supervisor_grid SET valid_to = %(d)s - 1 WHERE {held}", args)  # nosec B608
        for code in codes:
            cur.execute("""INSERT INTO citygrid.supervisor_grid (login, grid_code, valid_from)
                           SELECT %(l)s, %(g)s, %(d)s
                            WHERE NOT EXISTS (SELECT 1 FROM citygrid.supervisor_grid
                                               WHERE login = %(l)s AND grid_code = %(g)s AND valid_from <= %(d)s
                                                 AND (valid_to IS NULL OR valid_to >= %(d)s))
                           ON CONFLICT DO NOTHING""", {"l": login, "g": code, "d": day})


# -- responsibility grids with their validity (责任网格), the grid roster (一格六员), the fallback ----------
@contextmanager
def _responsibility_writing(conn, failure: str):
    """:func:`_writing` with the store's refusal in the user's language (core.storemessages knows
    the responsibility grids' refusals: another supervisor's period, a grid not in use …)."""
    from ..core.storemessages import translate

    try:
        with conn.cursor() as cur:
            yield cur
        conn.commit()
    except psycopg2.Error as exc:
        rollback(conn)
        raise AdminError(failure.format(error=translate(describe_error(exc, conn)))) from exc
    except BaseException:
        rollback(conn)
        raise


def responsibility_periods(conn, grid_code: str | None = None, login: str | None = None) -> list[dict]:
    """The periods in which supervisors answer for grids (of *grid_code* and/or *login* when
    given), by grid and start: login, name (the staff's display name), grid_code, valid_from,
    valid_to (None: open)."""
    with reading(conn) as cur:
        cur.execute("""SELECT s.login, st.name, s.grid_code, s.valid_from, s.valid_to
                         FROM citygrid.supervisor_grid s LEFT JOIN citygrid.staff st ON st.login = s.login
                        WHERE (%(g)s::text IS NULL OR s.grid_code = %(g)s) AND (%(l)s::text IS NULL OR s.login = %(l)s)
                        ORDER BY s.grid_code, s.valid_from, s.login""", {"g": grid_code, "l": login})
        return _rows(cur)


def _period_text(valid_from: dt.date, valid_to: dt.date | None) -> str:
    return f"{valid_from:%Y-%m-%d} – {valid_to:%Y-%m-%d}" if valid_to else \
        tr("from {day} on").format(day=f"{valid_from:%Y-%m-%d}")


def add_responsibility(conn, login: str, grid_code: str, valid_from: dt.date, valid_to: dt.date | None = None
                       ) -> None:
    """Supervisor *login* answers for *grid_code* from *valid_from* to *valid_to* (None: with no
    end). The store refuses a period overlapping another supervisor's period of the grid (one
    supervisor answers for a grid at a time: its message names him and his period), a login that
    is not a supervisor and a grid not in use; his own overlapping period is refused here."""
    grid_code, login = (grid_code or "").strip(), (login or "").strip()
    if not login:
        raise AdminError(tr("choose the supervisor who answers for the grid"))
    if valid_to is not None and valid_to < valid_from:
        raise AdminError(tr("the period ends ({end}) before it starts ({start})").format(
            start=f"{valid_from:%Y-%m-%d}", end=f"{valid_to:%Y-%m-%d}"))
    failure = tr("grid {grid}: the period of {login} not saved: {{error}}").format(grid=grid_code, login=login)
    with _responsibility_writing(conn, failure) as cur:
        cur.execute("""SELECT valid_from, valid_to FROM citygrid.supervisor_grid
                        WHERE login = %(l)s AND grid_code = %(g)s
                          AND daterange(valid_from, valid_to, '[]') && daterange(%(f)s, %(t)s, '[]')
                        LIMIT 1""", {"l": login, "g": grid_code, "f": valid_from, "t": valid_to})
        mine = cur.fetchone()
        if mine:
            raise AdminError(failure.format(error=tr(
                "{login} answers for the grid already ({period}); change that period instead").format(
                login=login, period=_period_text(*mine))))
        cur.execute("INSERT INTO citygrid.supervisor_grid (login, grid_code, valid_from, valid_to) "
                    "VALUES (%s, %s, %s, %s)", (login, grid_code, valid_from, valid_to))


def end_responsibility(conn, login: str, grid_code: str, valid_from: dt.date, last_day: dt.date | None) -> None:
    """The period of *login* for *grid_code* starting *valid_from* ends on *last_day* (None:
    it has no end again; the store refuses that when another supervisor follows)."""
    if last_day is not None and last_day < valid_from:
        raise AdminError(tr("a period cannot end ({end}) before it starts ({start}); remove it instead").format(
            start=f"{valid_from:%Y-%m-%d}", end=f"{last_day:%Y-%m-%d}"))
    failure = tr("grid {grid}: the period of {login} not changed: {{error}}").format(grid=grid_code, login=login)
    with _responsibility_writing(conn, failure) as cur:
        cur.execute("UPDATE citygrid.supervisor_grid SET valid_to = %s WHERE login = %s AND grid_code = %s "
                    "AND valid_from = %s", (last_day, login, grid_code, valid_from))
        if cur.rowcount == 0:
            raise AdminError(failure.format(error=tr("there is no such period (removed meanwhile?)")))


def remove_responsibility(conn, login: str, grid_code: str, valid_from: dt.date) -> None:
    """Remove a period entered by mistake (a period that happened is ended, not removed: the
    tasks of its days were his)."""
    with _responsibility_writing(conn, tr("grid {grid}: the period of {login} not removed: {{error}}").format(
            grid=grid_code, login=login)) as cur:
        cur.execute("DELETE FROM citygrid.supervisor_grid WHERE login = %s AND grid_code = %s AND valid_from = %s",
                    (login, grid_code, valid_from))


def grid_overview(conn, day: dt.date | None = None) -> list[dict]:
    """Every active unit grid with who answers for it on *day* (today by default), by code: code,
    community (its name), supervisor (login or None), supervisor_name, roster (number of people
    in its roster) and duties (the roster's duties, each once)."""
    with reading(conn) as cur:
        cur.execute("""
            SELECT g.code, c.name AS community,
                   s.login AS supervisor, st.name AS supervisor_name,
                   (SELECT count(*) FROM citygrid.grid_roster r WHERE r.grid_code = g.code) AS roster,
                   ARRAY(SELECT DISTINCT r.duty FROM citygrid.grid_roster r WHERE r.grid_code = g.code) AS duties
              FROM citygrid.grid g
              LEFT JOIN citygrid.community c ON c.district_code = g.district_code AND c.street_code = g.street_code
                                            AND c.code = g.community_code
              LEFT JOIN LATERAL (SELECT x.login FROM citygrid.supervisor_grid x
                                  WHERE x.grid_code = g.code AND x.valid_from <= %(d)s
                                    AND (x.valid_to IS NULL OR x.valid_to >= %(d)s)
                                  ORDER BY x.valid_from DESC, x.login LIMIT 1) s ON TRUE
              LEFT JOIN citygrid.staff st ON st.login = s.login
             WHERE g.retired_at IS NULL AND g.code IS NOT NULL
             ORDER BY g.code""", {"d": day or centre_today()})
        out = _rows(cur)
    for r in out:
        r["duties"] = list(r["duties"])
    return out


def responsibility_map(conn, day: dt.date | None = None) -> list[dict]:
    """The active unit grids with their supervisor on *day* (today by default), for a map of who
    covers which grid: code, supervisor (login or None), supervisor_name, wkb (the grid's polygon
    in the store's CRS)."""
    with reading(conn) as cur:
        cur.execute("""
            SELECT g.code, s.login, st.name, ST_AsBinary(g.geom)
              FROM citygrid.grid g
              LEFT JOIN LATERAL (SELECT x.login FROM citygrid.supervisor_grid x
                                  WHERE x.grid_code = g.code AND x.valid_from <= %(d)s
                                    AND (x.valid_to IS NULL OR x.valid_to >= %(d)s)
                                  ORDER BY x.valid_from DESC, x.login LIMIT 1) s ON TRUE
              LEFT JOIN citygrid.staff st ON st.login = s.login
             WHERE g.retired_at IS NULL AND g.code IS NOT NULL
             ORDER BY g.code""", {"d": day or centre_today()})
        return [{"code": c, "supervisor": login, "supervisor_name": name, "wkb": bytes(wkb)}
                for c, login, name, wkb in cur.fetchall()]


def roster(conn, grid_code: str | None = None) -> list[dict]:
    """The roster (一格六员) of *grid_code* (every grid's when None), by grid, duty (in the order
    of :data:`~citygrid_plugin.core.roster.DUTIES`) and entry: id, grid_code, duty, name, phone, note."""
    with reading(conn) as cur:
        cur.execute("""SELECT id, grid_code, duty, name, phone, note FROM citygrid.grid_roster
                        WHERE %(g)s::text IS NULL OR grid_code = %(g)s
                        ORDER BY grid_code, array_position(%(duties)s, duty), id""",
                    {"g": grid_code, "duties": list(DUTIES)})
        return _rows(cur)


def _member_args(m: dict) -> dict:
    from ..core.roster import duty_of, phone_problem

    grid, name = _text(m.get("grid_code")), _text(m.get("name"))
    duty = duty_of(m.get("duty") or "")
    if duty is None:
        raise AdminError(tr("the duty is one of {duties}").format(duties="、".join(DUTIES)))
    if not name:
        raise AdminError(tr("give the person's name"))
    phone = _text(m.get("phone"))
    problem = phone_problem(phone)
    if problem:
        raise AdminError(tr("phone {phone}: {problem}").format(phone=phone, problem=problem))
    return {"id": m.get("id"), "grid": grid, "duty": duty, "name": name, "phone": phone, "note": _text(m.get("note"))}


def _check_grids(cur, codes) -> None:
    """Every code names an active unit grid (the roster table holds codes, not references)."""
    cur.execute("""SELECT c FROM unnest(%s::text[]) c WHERE NOT EXISTS (
                       SELECT 1 FROM citygrid.grid g WHERE g.code = c AND g.retired_at IS NULL) ORDER BY 1""",
                (sorted(set(codes)),))
    missing = [r[0] for r in cur.fetchall()]
    if missing:
        raise AdminError(tr("there is no active unit grid {code}").format(code="、".join(missing)))


def save_roster_member(conn, member: dict) -> int:
    """Add (no ``id``) or change a person of a grid's roster: grid_code, duty (one of the six
    duties), name, phone, note; their id."""
    args = _member_args(member)
    failure = tr("roster of grid {grid} not saved: {{error}}").format(grid=args["grid"])
    with _responsibility_writing(conn, failure) as cur:
        try:
            _check_grids(cur, [args["grid"]])
        except AdminError as exc:
            raise AdminError(failure.format(error=exc)) from None
        if args["id"] is None:
            cur.execute("""INSERT INTO citygrid.grid_roster (grid_code, duty, name, phone, note)
                           VALUES (%(grid)s, %(duty)s, %(name)s, %(phone)s, %(note)s) RETURNING id""", args)
        else:
            cur.execute("""UPDATE citygrid.grid_roster SET grid_code = %(grid)s, duty = %(duty)s, name = %(name)s,
                                  phone = %(phone)s, note = %(note)s
                            WHERE id = %(id)s RETURNING id""", args)
        row = cur.fetchone()
        if row is None:
            raise AdminError(tr("roster entry #{id} does not exist (deleted meanwhile?)").format(id=args["id"]))
        return row[0]


def delete_roster_member(conn, member_id: int) -> None:
    with _responsibility_writing(conn, tr("roster entry not deleted: {error}")) as cur:
        cur.execute("DELETE FROM citygrid.grid_roster WHERE id = %s", (member_id,))


def save_roster(conn, members: list[dict], replace: bool = False) -> None:
    """Many roster entries in one transaction (citygrid:importroster), all or nothing: a person
    is known by grid, duty and name (their phone and note change); *replace*: the roster holds
    exactly these afterwards."""
    args = [_member_args(m) for m in members]
    failure = tr("roster not saved: {error}")
    with _responsibility_writing(conn, failure) as cur:
        try:
            _check_grids(cur, [a["grid"] for a in args])
        except AdminError as exc:
            raise AdminError(failure.format(error=exc)) from None
        if replace:
            cur.execute("""DELETE FROM citygrid.grid_roster r
                            WHERE NOT EXISTS (SELECT 1 FROM unnest(%s::text[], %s::text[], %s::text[]) k(g, d, n)
                                               WHERE k.g = r.grid_code AND k.d = r.duty AND k.n = r.name)""",
                        ([a["grid"] for a in args], [a["duty"] for a in args], [a["name"] for a in args]))
        for a in args:
            cur.execute("""UPDATE citygrid.grid_roster SET phone = %(phone)s, note = %(note)s
                            WHERE grid_code = %(grid)s AND duty = %(duty)s AND name = %(name)s
                              AND (phone, note) IS DISTINCT FROM (%(phone)s, %(note)s)""", a)
            cur.execute("""INSERT INTO citygrid.grid_roster (grid_code, duty, name, phone, note)
                           SELECT %(grid)s, %(duty)s, %(name)s, %(phone)s, %(note)s
                            WHERE NOT EXISTS (SELECT 1 FROM citygrid.grid_roster
                                               WHERE grid_code = %(grid)s AND duty = %(duty)s AND name = %(name)s)""",
                        a)


def active_grids(conn) -> list[str]:
    """The codes of the active unit grids."""
    with reading(conn) as cur:
        cur.execute("SELECT code FROM citygrid.grid WHERE retired_at IS NULL AND code IS NOT NULL ORDER BY 1")
        return [r[0] for r in cur.fetchall()]


def task_fallback(conn) -> str | None:
    """The login that gets verify and check tasks of grids nobody answers for (None: every
    supervisor may take them)."""
    return _setting(conn, "task_fallback", "") or None


def set_task_fallback(conn, login: str | None) -> None:
    """Tasks of grids nobody answers for go to supervisor *login* (None or empty: to every
    supervisor). Tasks already waiting keep whom they went to."""
    login = (login or "").strip()
    if login:
        with reading(conn) as cur:
            cur.execute("SELECT citygrid.user_acts_as(%s, 'supervisor')", (login,))
            acts = cur.fetchone()[0]
        if not acts:
            raise AdminError(tr("{login} is not a supervisor's login; tasks go to supervisors (监督员)").format(
                login=login))
    _set_setting(conn, "task_fallback", login)


# -- the audit ----------------------------------------------------------------------------------------------------
def audit(conn, limit: int = 500, table: str | None = None) -> list[dict]:
    """The administrators' audit, newest first: id, at, actor, table, op, key, old, new."""
    with reading(conn) as cur:
        cur.execute("""SELECT id, at, actor, table_name AS table, op, row_key AS key, old_row AS old, new_row AS new
                         FROM citygrid.admin_audit WHERE %(t)s::text IS NULL OR table_name = %(t)s
                        ORDER BY id DESC LIMIT %(n)s""", {"t": table, "n": int(limit)})
        return _rows(cur)
