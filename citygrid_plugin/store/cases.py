"""Cases (案件) in the store: thin calls to the workflow functions of migration 007.

The rules (roles, states, versions, deadlines, audit, NOTIFY) are in the database; this module
only calls :sql:`citygrid.case_report` and :sql:`citygrid.case_act` and turns their refusals into
exceptions a dock can show, in the user's language (core.storemessages): :class:`CaseConflict`
when another user changed the case first (refresh and retry), :class:`CaseRefused` when the
action is not allowed or misses an input.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import psycopg2

from ..core.i18n import tr
from ..core.storemessages import translate
from ..core.workflow import ACTIONS, CASE_ROLES, action_label
from .db import StoreError, describe_error, primary_message, reading, rollback, store_fault


class CaseRefused(StoreError):
    """The action is not allowed in this state or role, or lacks a required input."""


class CaseConflict(CaseRefused):
    """Someone else changed the case since the client read it: refresh and try again."""


@dataclass(frozen=True)
class CaseRow:
    id: int
    case_no: str
    state: str
    version: int
    department_code: str | None
    stage_deadline: datetime | None


def _error(exc, conn=None) -> StoreError:
    """A refusal of the workflow as the exception a dock shows, in the user's language
    (core.storemessages; the store's own English words stay in ``store_message``); a fault of the
    store (read-only, disk full, connection lost) says so and that nothing was changed."""
    if store_fault(exc, conn):
        return StoreError(describe_error(exc, conn))
    message = primary_message(exc)
    if exc.pgcode == "40001":
        kind = CaseConflict
    elif exc.pgcode in ("23514", "23502", "02000", "P0002", "23503", "42501"):
        kind = CaseRefused
    else:
        kind = StoreError
    error = kind(translate(message))
    error.store_message = message
    return error


def _no_nul(**fields) -> None:
    """PostgreSQL text cannot hold NUL: refuse it by field, before psycopg2 does so obscurely."""
    for name, value in fields.items():
        if isinstance(value, str) and "\x00" in value:
            raise CaseRefused(tr("{field} contains a NUL character (\\0), which the store cannot hold; "
                                 "remove it").format(field=name))


_ROW = "id, case_no, state, version, department_code, stage_deadline"  # CaseRow's fields, in order


def _as(as_user: str | None) -> tuple[str, tuple]:
    """SQL prefix that acts as another login (superusers only: tests of what a login may do). Sent
    in the same round trip; the session stays switched (``RESET SESSION AUTHORIZATION`` ends it)."""
    return ("SET SESSION AUTHORIZATION %s; ", (as_user,)) if as_user else ("", ())


def _call(conn, sql: str, args: tuple, commit: bool) -> CaseRow:
    try:
        with conn.cursor() as cur:
            cur.execute(sql, args)
            row = CaseRow(*cur.fetchone())
        if commit:
            conn.commit()
        return row
    except psycopg2.Error as exc:
        rollback(conn)
        raise _error(exc, conn) from exc


def report_case(conn, source: str, kind: str, class_code: str, description: str, x: float, y: float,
                address: str | None = None, reporter: str | None = None, component_code: str | None = None,
                at: datetime | None = None, commit: bool = True, as_user: str | None = None,
                observed_at: datetime | None = None, photo: str | None = None,
                reporter_phone: str | None = None, urgent: bool = False,
                external_id: str | None = None, accuracy_m: float | None = None) -> CaseRow:
    """Report a case at (x, y) in the store CRS as the logged-in user, at the server's clock;
    returns it in state 'reported'. *observed_at*: when the reporter saw the problem (a report
    made offline; bounded by the store, never a deadline). *reporter*, *reporter_phone*: who
    called (a public channel needs both; only the supervision centre reads them). *urgent*: 紧急
    (shorter time limits). *external_id*: the case's number in the system it came from; a source
    that knows it already returns that case and adds nothing (store.intake.report tells which).
    *accuracy_m*: the handheld's horizontal accuracy of the position (metres), kept with the case.

    *at* replays history (the store owner only: the demo generator, a migration from a legacy
    system): the case is reported at *at* in the name of *as_user* (or the owner) and marked
    replayed. Without *at*, *as_user* (superusers only) acts as that login at the server's clock."""
    _no_nul(description=description, address=address, reporter=reporter, class_code=class_code, photo=photo,
            reporter_phone=reporter_phone, external_id=external_id)
    point = "ST_SetSRID(ST_MakePoint(%s, %s), citygrid.store_srid())"
    values = (source, kind, class_code, description, x, y, address, reporter, component_code, photo, observed_at,
              reporter_phone, bool(urgent), external_id, accuracy_m)
    if at is not None:
        return _call(conn, f"SELECT {_ROW} FROM citygrid.case_replay_report(%s, %s, %s, %s, %s, %s, "  # nosec B608
                     f"{point}, %s, %s, %s, %s, %s, %s, %s, %s, %s)", (as_user, at, *values), commit)
    prefix, who = _as(as_user)
    return _call(conn, prefix + f"SELECT {_ROW} FROM citygrid.case_report(%s, %s, %s, %s, "  # nosec B608
                 f"{point}, %s, %s, %s, %s, %s, %s, %s, %s, %s)", (*who, *values), commit)


# the stage of the photos an action brings as its evidence (the supervisor's rework: what he saw)
PHOTO_STAGE = {"verify": "verify", "check_ok": "check", ("rework", "supervisor"): "check", "feedback": "handle",
               "assist_note": "handle", "request_extension": "handle", "return": "handle"}


def photo_stage(action: str, role: str) -> str | None:
    """The stage of the photos *action* in *role* may bring (None: it brings none)."""
    if action == "rework":
        return PHOTO_STAGE.get((action, role))
    return PHOTO_STAGE.get(action)


def act(conn, case_id: int, action: str, role: str, version: int, note: str | None = None,
        data: dict | None = None, at: datetime | None = None, commit: bool = True,
        as_user: str | None = None, photos=()) -> CaseRow:
    """Apply *action* as *role* to the case the client saw at *version*, as the logged-in user at
    the server's clock. *at* replays history (the store owner only; in the name of *as_user*, or
    the owner; marked replayed); without *at*, *as_user* (superusers only) acts as that login.

    *photos* (store.photos.Photo): the action's evidence (核实, 核查, 处置完成 …), added first in
    the same transaction with the stage the action needs (:func:`photo_stage`); a refusal of a
    photo or of the action leaves nothing."""
    _no_nul(note=note, action=action, **{k: v for k, v in (data or {}).items() if isinstance(v, str)})
    if photos:
        from .photos import PhotoError, add_photo, check_count
        stage = photo_stage(action, role)
        if stage is None:
            raise PhotoError(tr("{action} takes no photo: take it without photos (photos belong to the report, "
                                "the verification, the handling or the check)").format(action=action_label(action)))
        check_count(photos, stage)
        prefix, who = _as(as_user)
        if prefix:
            try:
                with conn.cursor() as cur:
                    cur.execute(prefix, who)
            except psycopg2.Error as exc:
                rollback(conn)
                raise _error(exc, conn) from exc
        for photo in photos:
            add_photo(conn, case_id, stage, photo, commit=False)
    values = (case_id, action, role, version, note, json.dumps(data or {}))
    if at is not None:
        return _call(conn, f"SELECT {_ROW} FROM citygrid.case_replay_act(%s, %s, %s, %s, %s, %s, %s, "  # nosec B608
                     "%s::jsonb)", (as_user, at, *values), commit)
    prefix, who = _as(as_user)
    return _call(conn, prefix + f"SELECT {_ROW} FROM citygrid.case_act(%s, %s, %s, %s, %s, %s::jsonb)",  # nosec B608
                 (*who, *values), commit)


def allowed_actions(conn, case_id: int, roles: list[str] | None = None) -> list[tuple[str, str, dict]]:
    """(action, role, needed inputs) the logged-in user may take on the case now, as the store
    decides it (``citygrid.case_allowed_actions``: roles, state, trust, department,
    preconditions), one row per action, in workflow order.

    *roles* narrows it to the roles the user works today (the case queue's "my roles"): an action
    the store offers in another of the user's roles is kept when the store's transition table
    lets one of *roles* take it in the case's state (e.g. 督办 as dispatcher rather than as shift
    leader), else left out. The store checks the role again when the action is taken."""
    with reading(conn) as cur:
        cur.execute("SELECT action, role, needs FROM citygrid.case_allowed_actions(%s)", (case_id,))
        rows = cur.fetchall()
        if roles is not None and any(role not in roles for _a, role, _n in rows):
            cur.execute("""
                SELECT t.action, t.role, t.needs
                  FROM citygrid.work_case c JOIN citygrid.case_transition t ON t.from_state = c.state
                 WHERE c.id = %s AND t.role = ANY(%s)
                   AND (t.condition IS NULL OR (t.condition = 'public' AND NOT c.trusted)
                        OR (t.condition = 'trusted' AND c.trusted))""", (case_id, list(roles)))
            rank = {r: i for i, r in enumerate(CASE_ROLES)}
            others: dict[str, tuple[str, str, dict]] = {}
            for row in sorted(cur.fetchall(), key=lambda r: rank.get(r[1], len(rank))):
                others.setdefault(row[0], row)
            rows = [row if row[1] in roles else others[row[0]] for row in rows
                    if row[1] in roles or row[0] in others]
    order = {a: i for i, a in enumerate(ACTIONS)}
    return sorted(rows, key=lambda r: (order.get(r[0], len(order)), r[0]))


QUEUE_COLUMNS = ("id", "case_no", "state", "source", "kind", "class_code", "class_name", "description", "address",
                 "grid_code", "street_code", "department_code", "department_name", "stage_deadline", "hours_left",
                 "overdue", "version", "x", "y", "urge_count", "rework_count", "assignee")


def filter_terms(alias: str, *, class_text: str | None = "", source: str | None = "", area: str | None = "",
                 department: str | None = "") -> tuple[list[str], list]:
    """The WHERE terms (and their values) of the filters every case list shares — the queue's tabs
    and the desk's search: class (a code prefix or part of the name, of the class joined as
    ``cls``), source, area (the 3-digit street code, or a district, street, community or grid code:
    6, 9, 12 or 15 digits, a prefix of the grid codes),
    department. *alias*: the cases' alias in the query. Values are bound, taken literally."""
    class_text, area = (class_text or "").strip(), (area or "").strip()
    _no_nul(**{"class": class_text, "source": source, "area": area, "department": department})
    where, args = [], []
    if class_text:
        where.append(f"(left({alias}.class_code, length(%s)) = %s OR strpos(cls.name, %s) > 0)")
        args += [class_text, class_text, class_text]
    if source:
        where.append(f"{alias}.source = %s")
        args.append(source)
    if len(area) == 3:  # a street by its 3-digit code
        where.append(f"{alias}.street_code = %s")
        args.append(area)
    elif area:
        where.append(f"left({alias}.grid_code, length(%s)) = %s")
        args += [area, area]
    if department:
        where.append(f"{alias}.department_code = %s")
        args.append(department)
    return where, args


def queue_rows(conn, states: list[str] | None = None, overdue_only: bool = False, class_text: str = "",
               source: str = "", area: str = "", department: str = "", limit: int = 5000,
               ids: list[int] | None = None, finished_too: bool = False, mine: bool = False) -> list[dict]:
    """Open cases for a queue tab, most urgent first: *states* (None: every open state),
    filters on class (code or part of the name), source, area (a grid, community or street
    code prefix: 15, 12 or 9 digits, or the 3-digit street code), department, and *ids* (a
    drill-down from the evaluation: only these cases). *finished_too*: closed and cancelled
    cases as well (the drill-down tab lists a figure's cases whatever their state; they have
    no deadline, so they come last). *mine*: only the cases whose task is the logged-in
    supervisor's or anyone's (work_case.assignee him or NULL; a superuser sees them all).
    Each row says whose task the case is (``assignee``)."""
    where, args = ["TRUE"], []
    if mine:
        where.append("(q.assignee IS NULL OR q.assignee = citygrid.actor() OR citygrid.is_superuser())")
    if ids is not None:
        where.append("q.id = ANY(%s)")
        args.append([int(i) for i in ids])
    if states:
        where.append("q.state = ANY(%s)")
        args.append(list(states))
    if overdue_only:
        where.append("q.overdue")
    terms, values = filter_terms("q", class_text=class_text, source=source, area=area, department=department)
    where += terms
    args += values
    # the queue view holds the open cases; every case, with the view's computed columns, for a drill-down
    cases = _EVERY_CASE if finished_too else "citygrid.case_queue"
    sql = f"""
        SELECT q.id, q.case_no, q.state, q.source, q.kind, q.class_code, cls.name, q.description, q.address,
               q.grid_code, q.street_code, q.department_code, d.name, q.stage_deadline, q.hours_left, q.overdue,
               q.version, ST_X(q.geom), ST_Y(q.geom), q.urge_count, q.rework_count, q.assignee
          FROM {cases} q
          JOIN citygrid.work_case c ON c.id = q.id
          LEFT JOIN LATERAL (
               SELECT name FROM citygrid.event_class e WHERE q.kind = 'event' AND e.profile = c.profile
                  AND e.code = q.class_code
               UNION ALL
               SELECT name FROM citygrid.component_class k WHERE q.kind = 'component' AND k.profile = c.profile
                  AND k.code = q.class_code) cls ON TRUE
          LEFT JOIN citygrid.department d ON d.code = q.department_code
         WHERE {' AND '.join(where)}
         ORDER BY q.stage_deadline NULLS LAST, q.id LIMIT %s"""  # nosec B608 - constant SQL, values bound
    with reading(conn) as cur:
        cur.execute(sql, (*args, limit))
        rows = [dict(zip(QUEUE_COLUMNS, r)) for r in cur.fetchall()]
    return rows


# every case with the columns of citygrid.case_queue that queue_rows reads (a finished case has no deadline)
_EVERY_CASE = """(SELECT w.id, w.case_no, w.state, w.source, w.kind, w.class_code, w.description, w.address,
                         w.grid_code, w.street_code, w.department_code, w.version, w.geom, w.urge_count,
                         w.rework_count, w.assignee,
                         CASE WHEN s.is_open THEN w.stage_deadline END AS stage_deadline,
                         CASE WHEN s.is_open THEN extract(epoch FROM w.stage_deadline - now()) / 3600.0 END
                             AS hours_left,
                         s.is_open AND w.stage_deadline < now() AS overdue
                    FROM citygrid.work_case w JOIN citygrid.case_state s ON s.state = w.state)"""


def case_history(conn, case_id: int) -> list[dict]:
    """The actions on a case, oldest first: at, action, from_state, to_state, actor (the login),
    actor_name (the person's name in citygrid.staff, None without one), role, note."""
    with reading(conn) as cur:
        cur.execute("SELECT a.at, a.action, a.from_state, a.to_state, a.actor, s.name, a.role, a.note "
                    "FROM citygrid.case_action a LEFT JOIN citygrid.staff s ON s.login = a.actor "
                    "WHERE a.case_id = %s ORDER BY a.id", (case_id,))
        keys = ("at", "action", "from_state", "to_state", "actor", "actor_name", "role", "note")
        rows = [dict(zip(keys, r)) for r in cur.fetchall()]
    return rows


def case_photo(conn, case_id: int) -> str | None:
    """The photo link of a case (None without one)."""
    with reading(conn) as cur:
        cur.execute("SELECT photo FROM citygrid.work_case WHERE id = %s", (case_id,))
        return (cur.fetchone() or [None])[0]


def possible_duplicates(conn, case_id: int, metres: float = 50.0, days: int = 30) -> list[tuple]:
    """Cases of the same class within *metres* reported in the *days* before this one:
    (case_no, state, distance m, reported_at)."""
    with reading(conn) as cur:
        cur.execute("""
            SELECT o.case_no, o.state, round(ST_Distance(o.geom, c.geom)::numeric, 1), o.reported_at
              FROM citygrid.work_case c JOIN citygrid.work_case o
                ON o.id <> c.id AND o.class_code = c.class_code AND o.kind = c.kind
               AND ST_DWithin(o.geom, c.geom, %s)
               AND o.reported_at BETWEEN c.reported_at - make_interval(days => %s) AND c.reported_at
               AND o.state <> 'cancelled'
             WHERE c.id = %s ORDER BY 3""", (metres, days, case_id))
        rows = cur.fetchall()
    return rows


def departments(conn) -> list[tuple[str, str]]:
    with reading(conn) as cur:
        cur.execute("SELECT code, name FROM citygrid.department WHERE active ORDER BY code")
        rows = cur.fetchall()
    return rows


def suggested_department(conn, case_id: int) -> str | None:
    with reading(conn) as cur:
        cur.execute("SELECT citygrid.suggest_department(%s)", (case_id,))
        value = cur.fetchone()[0]
    return value
