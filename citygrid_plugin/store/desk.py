"""The case desk (issue 15): find any case, open everything about it, and the lists a shift
leader works before a case is overdue (deferred cases, pending extension requests).

Every read runs as the logged-in user, so row-level security decides what is found: a department
finds its own cases (and those it assists), the supervision centre every case. The reporter's
name and phone come back only for the supervision centre (operator, shift leader, supervisor):
other logins cannot read them (citygrid.case_reporter) and get None.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from ..core.i18n import tr
from .cases import CaseRefused, _no_nul, filter_terms
from .db import reading
from .manual import case_entry

SEARCH_COLUMNS = ("id", "case_no", "state", "state_zh", "source", "kind", "class_code", "class_name", "description",
                  "address", "grid_code", "street_code", "department_code", "department_name", "stage_deadline",
                  "hours_left", "overdue", "version", "reported_at", "urgent", "x", "y", "urge_count",
                  "rework_count", "closed_at", "extension_pending")

_SELECT = """
    SELECT c.id, c.case_no, c.state, s.name_zh, c.source, c.kind, c.class_code, cls.name, c.description, c.address,
           c.grid_code, c.street_code, c.department_code, d.name,
           CASE WHEN s.is_open THEN c.stage_deadline END,
           CASE WHEN s.is_open THEN extract(epoch FROM c.stage_deadline - now()) / 3600.0 END,
           COALESCE(s.is_open AND c.stage_deadline < now(), false), c.version, c.reported_at, c.urgent,
           ST_X(c.geom), ST_Y(c.geom), c.urge_count, c.rework_count,
           CASE WHEN NOT s.is_open THEN c.updated_at END, c.extension_pending
      FROM citygrid.work_case c
      JOIN citygrid.case_state s ON s.state = c.state
      LEFT JOIN LATERAL (
           SELECT e.name FROM citygrid.event_class e WHERE c.kind = 'event' AND e.profile = c.profile
              AND e.code = c.class_code
           UNION ALL
           SELECT k.name FROM citygrid.component_class k WHERE c.kind = 'component' AND k.profile = c.profile
              AND k.code = c.class_code LIMIT 1) cls ON TRUE
      LEFT JOIN citygrid.department d ON d.code = c.department_code"""

_LIKE_SPECIAL = re.compile(r"([\\%_])")


def _rows(cur) -> list[dict]:
    rows = [dict(zip(SEARCH_COLUMNS, r)) for r in cur.fetchall()]
    for r in rows:
        if r["hours_left"] is not None:
            r["hours_left"] = float(r["hours_left"])
        if r["extension_pending"] is not None:
            r["extension_pending"] = float(r["extension_pending"])
    return rows


def search(conn, *, number: str | None = None, text: str | None = None, class_code: str | None = None,
           source: str | None = None, states: list[str] | None = None, area: str | None = None,
           start: date | datetime | None = None, end: date | datetime | None = None,
           department: str | None = None, limit: int = 200) -> list[dict]:
    """Cases the login may see, closed and cancelled ones too, newest first.

    *number*: the whole case number (report date + serial), or its serial (the last 8 digits,
    leading zeros optional: "1234" finds …00001234); *text*: part of the address
    or description (taken literally; 3 characters or more use the trigram index); *class_code*: a
    code prefix or part of the class name; *area*: a street (3 or 9 digits), community (12) or
    grid (15) code; *start*/*end*: the report date range (dates are whole days, end included)."""
    _no_nul(number=number, text=text, class_code=class_code, source=source, area=area, department=department)
    where, args = [], []
    if number:
        digits = number.strip()
        if len(digits) >= 16:
            where.append("c.case_no = %s")
            args.append(digits)
        elif digits.isdigit() and len(digits) <= 8:  # the serial, leading zeros optional (indexed)
            where.append("right(c.case_no, 8) = lpad(%s, 8, '0')")
            args.append(digits)
        elif digits.isdigit():
            where.append("c.case_no LIKE %s")
            args.append("%" + digits)
        else:
            raise CaseRefused(tr("A case number has digits only (all of them, or its serial: the last 8 "
                                 "digits, leading zeros optional); got {number!r}").format(number=number))
    if text and text.strip():
        where.append("(COALESCE(c.address, '') || ' ' || c.description) LIKE %s")
        args.append("%" + _LIKE_SPECIAL.sub(r"\\\1", text.strip()) + "%")
    if states:
        where.append("c.state = ANY(%s)")
        args.append(list(states))
    area = (area or "").strip()
    if area and not (len(area) in (3, 6, 9, 12, 15) and area.isdigit()):
        raise CaseRefused(tr("An area is a street (3 or 9 digits), community (12) or grid (15) code; "
                             "got {area!r}").format(area=area))
    terms, values = filter_terms("c", class_text=class_code, source=source, area=area, department=department)
    where += terms
    args += values
    if start is not None:
        where.append("c.reported_at >= %s")
        args.append(start if isinstance(start, datetime) else datetime(start.year, start.month, start.day))
    if end is not None:
        if isinstance(end, datetime):
            where.append("c.reported_at <= %s")
            args.append(end)
        else:
            where.append("c.reported_at < (%s::date + 1)")
            args.append(end)
    sql = _SELECT + f" WHERE {' AND '.join(where) or 'TRUE'} ORDER BY c.reported_at DESC, c.id DESC LIMIT %s"  # nosec B608 - constant SQL, values bound
    with reading(conn) as cur:
        cur.execute("SET LOCAL TIME ZONE 'Asia/Shanghai'")
        cur.execute(sql, (*args, limit))
        rows = _rows(cur)
    return rows


def deferred(conn, limit: int = 500) -> list[dict]:
    """Deferred cases (挂账), longest deferred first: release brings them back to the department."""
    with reading(conn) as cur:
        cur.execute(_SELECT + " WHERE c.state = 'deferred' ORDER BY c.updated_at, c.id LIMIT %s", (limit,))
        rows = _rows(cur)
    return rows


def extension_requests(conn, limit: int = 500) -> list[dict]:
    """Dispatched cases with a pending extension request (延期申请), nearest deadline first."""
    with reading(conn) as cur:
        cur.execute(_SELECT + " WHERE c.state = 'dispatched' AND c.extension_pending IS NOT NULL "
                    "ORDER BY c.stage_deadline NULLS LAST, c.id LIMIT %s", (limit,))
        rows = _rows(cur)
    return rows


def revisits(conn, limit: int = 500) -> list[dict]:
    """Closed public reports whose reporter no return visit (回访) has reached yet, nearest
    deadline first; the deadline shown is the return visit's (work_case.revisit_due)."""
    with reading(conn) as cur:
        cur.execute(_SELECT + " WHERE c.revisit_pending ORDER BY c.revisit_due NULLS LAST, c.id LIMIT %s", (limit,))
        rows = _rows(cur)
        cur.execute("SELECT id, revisit_due, extract(epoch FROM revisit_due - now()) / 3600.0 "
                    "FROM citygrid.work_case WHERE id = ANY(%s)", ([r["id"] for r in rows],))
        due = {i: (d, h) for i, d, h in cur.fetchall()}
    for r in rows:
        r["stage_deadline"], hours = due.get(r["id"], (None, None))
        r["hours_left"] = None if hours is None else float(hours)
        r["overdue"] = hours is not None and hours < 0
    return rows


_EXTRA = ("SELECT id, at, source, description, address, actor FROM citygrid.case_extra_report "
          "WHERE case_id = %s ORDER BY id")
_EXTRA_PERSONAL = ("SELECT id, at, source, description, address, actor, reporter, phone "
                   "FROM citygrid.case_extra_report WHERE case_id = %s ORDER BY id")


def _can_read(cur, table: str) -> bool:
    cur.execute("SELECT has_table_privilege(%s, 'SELECT')", (f"citygrid.{table}",))
    return bool(cur.fetchone()[0])


def case_detail(conn, case_id: int) -> dict:
    """Everything the login may read about one case (see the module's docstring); a case it may
    not see raises CaseRefused."""
    with reading(conn) as cur:
        cur.execute(_SELECT + " WHERE c.id = %s", (case_id,))
        found = _rows(cur)
        if not found:
            raise CaseRefused(tr("Case {id} does not exist or is not yours to see").format(id=case_id))
        out = found[0]
        cur.execute("""
            SELECT c.component_code, c.street_code, st.name, c.community_code, m.name, c.stage, c.handle_deadline,
                   c.observed_at, c.updated_at, c.external_id, c.profile, c.trusted, c.replayed
              FROM citygrid.work_case c
              LEFT JOIN citygrid.street st ON st.district_code = c.district_code AND st.code = c.street_code
              LEFT JOIN citygrid.community m ON m.district_code = c.district_code AND m.street_code = c.street_code
                    AND m.code = c.community_code
             WHERE c.id = %s""", (case_id,))
        keys = ("component_code", "street_code", "street_name", "community_code", "community_name", "stage",
                "handle_deadline", "observed_at", "updated_at", "external_id", "profile", "trusted", "replayed")
        out.update(zip(keys, cur.fetchone()))
        out["reporter"] = out["reporter_phone"] = None
        if _can_read(cur, "case_reporter"):
            cur.execute("SELECT name, phone FROM citygrid.case_reporter WHERE case_id = %s", (case_id,))
            row = cur.fetchone()
            if row:
                out["reporter"], out["reporter_phone"] = row
        cur.execute("SELECT a.department_code, d.name, a.assigned_at, a.done_at FROM citygrid.case_assist a "
                    "LEFT JOIN citygrid.department d ON d.code = a.department_code WHERE a.case_id = %s "
                    "ORDER BY a.department_code", (case_id,))
        out["assist"] = [dict(zip(("code", "name", "assigned_at", "done_at"), r)) for r in cur.fetchall()]
        personal = _can_read(cur, "case_extra_report")
        cur.execute(_EXTRA_PERSONAL if personal else _EXTRA, (case_id,))
        keys = ("id", "at", "source", "description", "address", "actor", "reporter", "phone")
        out["extra_reports"] = [{"reporter": None, "phone": None} | dict(zip(keys, r)) for r in cur.fetchall()]
        cur.execute("SELECT count(*) FROM citygrid.case_photo WHERE case_id = %s", (case_id,))
        out["photo_count"] = cur.fetchone()[0]
    # the limits this case runs on: its manual version, its situation (情形) and urgency
    applied = case_entry(conn, case_id)
    out["limits"] = {s: lim.text() for s, lim in applied["limits"].items()} if applied else {}
    out["variant"] = applied["variant"] if applied else ""
    out["manual_version"] = applied["version"] if applied else None
    return out

