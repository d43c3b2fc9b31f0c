"""Open311 GeoReport v2 in the store: client apps and their API keys, the service's login, and
the three things the HTTP service (citygrid_plugin/open311) does: list the services, read the
public requests, take a new public report.

The service logs in as a member of ``citygrid_open311`` (roles.sql): it reads only the views
``open311_service`` and ``open311_request_public`` (public fields: no reporter, phone, photo or
staff) and writes only through ``citygrid.open311_report`` (API key, rate limit, then
``case_report``'s checks, source 公众举报). Client apps are the administrators'
(:func:`save_client`): the store keeps the SHA-256 of each key; the key is made here, shown once
and never sent to the server.

Refusals are :class:`Open311Error` with the HTTP status the GeoReport answer carries: 400 bad
input, 403 missing or bad key, 404 unknown request, 429 rate limit, 503 store unreachable.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import psycopg2
from psycopg2 import sql

from ..core import open311 as core
from ..core.casefilter import STATES
from ..core.i18n import tr
from ..core.storemessages import translate
from .db import StoreError, connection_lost, primary_message, reading
from .roles import RoleError, scram_verifier

GROUP = "citygrid_open311"
MAX_REQUESTS = 1000          # the spec: a query returns at most 1,000 requests
DEFAULT_DAYS = 90            # … from the last 90 days when no dates are given
_LOGIN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class Open311Error(StoreError):
    """A request the service refuses; *status* is the HTTP status of the GeoReport answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class ClientInfo:
    name: str
    rate_per_minute: int
    enabled: bool
    created_by: str
    created_at: datetime


# --- administration ------------------------------------------------------------------------------

def key_hash(key: str) -> str:
    """The SHA-256 (hex) of an API key, as the store keeps it."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def save_client(conn, name: str, rate_per_minute: int = 60, enabled: bool = True, new_key: bool = True) -> str | None:
    """Add or change the client app *name* (an administrator or the store owner). With *new_key*
    a fresh API key is made (256 random bits) and returned: show it once, the store keeps only its
    SHA-256; without, the present key is kept and None returned. One transaction."""
    key = secrets.token_urlsafe(32) if new_key else None
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT citygrid.open311_client_save(%s, %s, %s, %s)",
                        (name, key_hash(key) if key else None, int(rate_per_minute), bool(enabled)))
        conn.commit()
    except psycopg2.Error as exc:
        conn.rollback()
        raise StoreError(tr("Open311 client app '{name}' not saved: {error}").format(
            name=name, error=translate(primary_message(exc)))) from exc
    return key


def clients(conn) -> list[ClientInfo]:
    """The client apps (administrators). Read-only; ends its transaction."""
    try:
        with conn.cursor() as cur:
            cur.execute("""SELECT name, rate_per_minute, enabled, created_by, created_at
                             FROM citygrid.open311_client ORDER BY name""")
            return [ClientInfo(*row) for row in cur.fetchall()]
    finally:
        if not conn.closed:
            conn.rollback()


def save_service_login(conn, login: str, password: str) -> None:
    """Create (or change the password of) the login the Open311 service connects with, a member
    of citygrid_open311 and of no other CityGrid role (the store owner: it needs CREATEROLE). The
    password goes to the server as a SCRAM verifier only. It is a machine login, not staff: no
    staff record, not in roles.ROLES."""
    login = (login or "").strip()
    if not _LOGIN.match(login) or login.startswith(("pg_", "citygrid_")):
        raise RoleError(tr("login '{login}' must be lower-case letters, digits and _ (at most 63, not starting "
                           "with pg_ or citygrid_)").format(login=login))
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", (login,))
            row = cur.fetchone()
            if row and row[0]:
                raise RoleError(tr("'{login}' is a superuser; CityGrid does not manage superusers").format(login=login))
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (GROUP,))
            if cur.fetchone() is None:
                raise RoleError(tr("the CityGrid roles are not set up in this server (missing {roles}); run "
                                   "“Set up store roles” first").format(roles=GROUP))
            ident = sql.Identifier(login)
            if row is None:
                cur.execute(sql.SQL("CREATE ROLE {} LOGIN").format(ident))
            cur.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(ident, sql.Literal(scram_verifier(password))))
            cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUP), ident))
        conn.commit()
    except psycopg2.Error as exc:
        conn.rollback()
        raise RoleError(tr("user '{login}' not saved: {error}").format(
            login=login, error=primary_message(exc))) from exc
    except RoleError:
        conn.rollback()
        raise


# --- what the service does ---------------------------------------------------------------------------

def _refusal(exc: psycopg2.Error, conn) -> Open311Error:
    """The GeoReport refusal of a store error: its HTTP status and the store's message."""
    if connection_lost(exc, conn):
        return Open311Error(503, tr("the store is not reachable now; try again later"))
    code = exc.pgcode or ""
    message = primary_message(exc)
    if code == "28000":
        return Open311Error(403, message)
    if code == "CG429":
        return Open311Error(429, message)
    if code == "42501":          # the service's login lacks a right: the server's set-up, not the caller's
        return Open311Error(503, tr("the Open311 service is not set up in this store: {error}").format(error=message))
    if code[:2] in ("22", "23", "P0"):
        return Open311Error(400, message)
    return Open311Error(500, message)


def services(conn) -> list[core.Service]:
    """The services: the active event and component classes of the districts' code profiles."""
    try:
        with conn.cursor() as cur:
            cur.execute("""SELECT DISTINCT ON (service_code) service_code, service_name, kind, service_group, keywords
                             FROM citygrid.open311_service ORDER BY service_code, profile""")
            rows = cur.fetchall()
    except psycopg2.Error as exc:
        raise _refusal(exc, conn) from exc
    finally:
        if not conn.closed:
            conn.rollback()
    kinds = {"event": tr("event"), "component": tr("component")}
    return [core.Service(service_code=code, service_name=name, description=f"{kinds[kind]}：{group} / {name}",
                         group=group, keywords=tuple(keywords or ()))
            for code, name, kind, group, keywords in rows]


_COLUMNS = """service_request_id, state, service_code, service_name, description, lat, long, requested_datetime,
              updated_datetime, expected_datetime, agency_responsible, address"""


def _request(row) -> core.ServiceRequest:
    (rid, state, code, name, description, lat, lon, requested, updated, expected, agency, address) = row
    return core.ServiceRequest(
        service_request_id=rid, status=core.case_status(state), service_code=code, service_name=name or "",
        description=description, lat=lat, long=lon, requested_datetime=requested, updated_datetime=updated,
        expected_datetime=expected, agency_responsible=agency, address=address,
        media_url=None)  # no photo is marked public in the store: none is published


def _split(value: str | None) -> list[str]:
    return [v for v in (p.strip() for p in (value or "").split(",")) if v]


def find_requests(conn, service_request_id: str | None = None, service_code: str | None = None,
                  start_date: str | None = None, end_date: str | None = None, status: str | None = None,
                  now: datetime | None = None) -> list[core.ServiceRequest]:
    """GET requests with the spec's filters, as the query string gives them (comma-separated
    lists): *service_request_id* (overrides the others), *service_code*, *start_date* / *end_date*
    (ISO 8601 with offset; the requested time; without them the last 90 days), *status* (open,
    closed). At most 1,000 requests, the newest first."""
    ids = _split(service_request_id)
    where, args = [], []
    if ids:
        if len(ids) > MAX_REQUESTS:
            raise Open311Error(400, tr("at most {n} service_request_id values at once").format(n=MAX_REQUESTS))
        where.append("service_request_id = ANY(%s)")
        args.append(ids)
    else:
        codes = _split(service_code)
        bad = [c for c in codes if core.service_class(c) is None]
        if bad:
            raise Open311Error(400, tr("service_code '{value}' is not a service of this city (see services.json)")
                               .format(value=bad[0][:40]))
        if codes:
            where.append("service_code = ANY(%s)")
            args.append(codes)
        try:
            start = core.parse_datetime(start_date) if start_date else None
            end = core.parse_datetime(end_date) if end_date else None
        except ValueError as exc:
            raise Open311Error(400, str(exc)) from exc
        if start and end and end < start:
            raise Open311Error(400, tr("end_date is before start_date"))
        if start is None and end is None:
            where.append("requested_datetime >= %s")
            args.append((now or datetime.now(core.CST)) - timedelta(days=DEFAULT_DAYS))
        if start is not None:
            where.append("requested_datetime >= %s")
            args.append(start)
        if end is not None:
            where.append("requested_datetime <= %s")
            args.append(end)
        statuses = set(_split(status))
        if statuses - set(core.STATUSES):
            raise Open311Error(400, tr("status '{value}' is neither open nor closed").format(
                value=sorted(statuses - set(core.STATUSES))[0][:20]))
        if statuses == {"open"}:
            where.append("NOT (state = ANY(%s))")
            args.append(list(core.CLOSED_STATES))
        elif statuses == {"closed"}:
            where.append("state = ANY(%s)")
            args.append(list(core.CLOSED_STATES))
    query = (f"SELECT {_COLUMNS} FROM citygrid.open311_request_public"  # nosec B608 - fixed text, values bound
             f"{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY requested_datetime DESC, id DESC LIMIT %s")
    args.append(MAX_REQUESTS)
    try:
        with conn.cursor() as cur:
            cur.execute(query, args)
            rows = cur.fetchall()
    except psycopg2.Error as exc:
        raise _refusal(exc, conn) from exc
    finally:
        if not conn.closed:
            conn.rollback()
    return [_request(r) for r in rows]


def get_request(conn, service_request_id: str) -> core.ServiceRequest:
    """GET requests/{id}: the request, or Open311Error 404."""
    found = find_requests(conn, service_request_id=service_request_id) if service_request_id else []
    if not found:
        raise Open311Error(404, tr("there is no service request '{id}'").format(id=(service_request_id or "")[:64]))
    return found[0]


def report(conn, api_key: str | None, request: core.NewRequest) -> str:
    """POST requests: a new public report through ``citygrid.open311_report`` (one statement,
    committed); its service_request_id (the case number). Refusals as Open311Error."""
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT citygrid.open311_report(%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                        (api_key, request.service_code, request.lat, request.long, request.description,
                         request.address, request.media_url, request.reporter, request.reporter_phone))
            case_no = cur.fetchone()[0]
        conn.commit()
    except psycopg2.Error as exc:
        if not conn.closed:
            conn.rollback()
        raise _refusal(exc, conn) from exc
    return case_no


def login_warnings(conn) -> list[str]:
    """Warnings about the logged-in user as the Open311 service's login: a superuser or a staff
    role can do more than the service needs; without citygrid_open311 it can do nothing."""
    try:
        with conn.cursor() as cur:
            cur.execute("""SELECT session_user, r.rolsuper,
                                  to_regrole('citygrid_open311') IS NOT NULL
                                      AND pg_has_role(session_user, 'citygrid_open311', 'MEMBER'),
                                  ARRAY(SELECT g.rolname FROM pg_roles g
                                         WHERE g.rolname LIKE 'citygrid\\_%%' AND g.rolname <> 'citygrid_open311'
                                           AND pg_has_role(session_user, g.oid, 'MEMBER') ORDER BY 1)
                             FROM pg_roles r WHERE r.rolname = session_user""")
            login, superuser, member, others = cur.fetchone()
    except psycopg2.Error as exc:
        raise StoreError(tr("the Open311 service cannot check its login: {error}").format(
            error=primary_message(exc))) from exc
    finally:
        if not conn.closed:
            conn.rollback()
    if superuser or others:
        return [tr("login {login} can do more than the Open311 service needs ({what}); give it a login that is a "
                   "member of citygrid_open311 only (./citygrid open311 add-login)").format(
            login=login, what=tr("superuser") if superuser else ", ".join(others))]
    if not member:
        return [tr("login {login} is not a member of citygrid_open311: it cannot read requests or take reports "
                   "(./citygrid open311 add-login)").format(login=login)]
    return []


def export_requests(conn, where: str, args: list) -> list[core.ServiceRequest]:
    """The cases matching *where* (a CaseFilter condition on ``citygrid.work_case c``, values in *args*) as
    service requests, for the export by the store's staff: public fields only (never the reporter)."""
    with reading(conn) as cur:
        cur.execute(f"""
            SELECT c.case_no, c.state, c.kind, c.class_code, COALESCE(ec.name, cc.name, ''), c.description,
                   c.address, ST_Y(t.p), ST_X(t.p), c.reported_at, c.updated_at, c.handle_deadline, d.name
              FROM citygrid.work_case c
              LEFT JOIN citygrid.event_class ec ON c.kind = 'event' AND ec.code = c.class_code
                                               AND ec.profile = c.profile
              LEFT JOIN citygrid.component_class cc ON c.kind = 'component' AND cc.code = c.class_code
                                                   AND cc.profile = c.profile
              LEFT JOIN citygrid.department d ON d.code = c.department_code
             CROSS JOIN LATERAL (SELECT ST_Transform(c.geom, 4326) AS p) t
             WHERE {where}
             ORDER BY c.reported_at, c.case_no""", args)  # nosec B608 - the condition is CaseFilter.where's
        rows = cur.fetchall()
    out = []
    for (case_no, state, kind, class_code, class_name, description, address, lat, lon, reported, updated,
         deadline, department) in rows:
        status = core.case_status(state)
        out.append(core.ServiceRequest(
            service_request_id=case_no, status=status, service_code=core.service_code(kind, class_code),
            service_name=class_name, description=description, lat=lat, long=lon, requested_datetime=reported,
            updated_datetime=updated, expected_datetime=deadline if status == "open" else None,
            agency_responsible=department, address=address, media_url=None, status_notes=STATES.get(state)))
    return out


def to_store_crs(conn, lonlats: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """WGS84 (long, lat) points in the store CRS, transformed by PostGIS in one round trip."""
    if not lonlats:
        return []
    with reading(conn) as cur:
        cur.execute("""
            SELECT ST_X(p), ST_Y(p) FROM (
                SELECT n, ST_Transform(ST_SetSRID(ST_MakePoint(x, y), 4326), citygrid.store_srid()) AS p
                  FROM unnest(%s::float8[], %s::float8[]) WITH ORDINALITY AS u(x, y, n)) s ORDER BY n""",
                    ([p[0] for p in lonlats], [p[1] for p in lonlats]))
        return [(r[0], r[1]) for r in cur.fetchall()]
