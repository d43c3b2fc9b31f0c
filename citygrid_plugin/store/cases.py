"""Cases (案件) in the store: thin calls to the workflow functions of migration 007.

The rules (roles, states, versions, deadlines, audit, NOTIFY) are in the database; this module
only calls :sql:`citygrid.case_report` and :sql:`citygrid.case_act` and turns their refusals into
exceptions a dock can show: :class:`CaseConflict` when another user changed the case first
(refresh and retry), :class:`CaseRefused` when the action is not allowed or misses an input.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from .db import StoreError


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


def _error(exc) -> StoreError:
    message = (exc.diag.message_primary or str(exc)).strip()
    if exc.pgcode == "40001":
        return CaseConflict(message)
    if exc.pgcode in ("23514", "23502", "02000", "P0002", "23503", "42501"):
        return CaseRefused(message)
    return StoreError(message)


def _row(cur) -> CaseRow:
    cur.execute("SELECT id, case_no, state, version, department_code, stage_deadline FROM citygrid.work_case "
                "WHERE id = %s", (cur.fetchone()[0],))
    return CaseRow(*cur.fetchone())


def report_case(conn, source: str, kind: str, class_code: str, description: str, x: float, y: float,
                address: str | None = None, reporter: str | None = None, component_code: str | None = None,
                at: datetime | None = None, commit: bool = True) -> CaseRow:
    """Report a case at (x, y) in the store CRS; returns it in state 'reported'."""
    import psycopg2

    try:
        with conn.cursor() as cur:
            cur.execute("SELECT (citygrid.case_report(%s, %s, %s, %s, ST_SetSRID(ST_MakePoint(%s, %s), "
                        "citygrid.store_srid()), %s, %s, %s, NULL, %s)).id",
                        (source, kind, class_code, description, x, y, address, reporter, component_code, at))
            row = _row(cur)
        if commit:
            conn.commit()
        return row
    except psycopg2.Error as exc:
        conn.rollback()
        raise _error(exc) from exc


def act(conn, case_id: int, action: str, role: str, version: int, note: str | None = None,
        data: dict | None = None, at: datetime | None = None, commit: bool = True) -> CaseRow:
    """Apply *action* as *role* to the case the client saw at *version*."""
    import psycopg2

    try:
        with conn.cursor() as cur:
            cur.execute("SELECT (citygrid.case_act(%s, %s, %s, %s, %s, %s::jsonb, %s)).id",
                        (case_id, action, role, version, note, json.dumps(data or {}), at))
            row = _row(cur)
        if commit:
            conn.commit()
        return row
    except psycopg2.Error as exc:
        conn.rollback()
        raise _error(exc) from exc


def allowed_actions(conn, case_id: int, role: str | None = None) -> list[tuple[str, str, dict]]:
    """(action, role, needed inputs) the case's state allows (for the dock's buttons)."""
    with conn.cursor() as cur:
        cur.execute("""SELECT DISTINCT t.action, t.role, t.needs FROM citygrid.case_transition t
                         JOIN citygrid.work_case c ON c.state = t.from_state
                        WHERE c.id = %s AND (%s::text IS NULL OR t.role = %s) ORDER BY 1, 2""",
                    (case_id, role, role))
        rows = cur.fetchall()
    conn.rollback()
    return rows
