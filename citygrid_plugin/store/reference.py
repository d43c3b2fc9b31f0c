"""Reference data in the store: the standard class tables and departments.

The standard component and event classes ship with the plugin (``resources/data``, see
:mod:`citygrid_plugin.core.classes`) and are upserted with ``origin = 'standard'``; rows a
city added itself (``origin = 'local'``) are never touched. Loading is idempotent.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..core.classes import PROFILES, ClassTable
from ..core.i18n import tr
from .db import StoreError, transaction


@dataclass
class LoadReport:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0

    def __add__(self, other: LoadReport) -> LoadReport:
        return LoadReport(self.inserted + other.inserted, self.updated + other.updated,
                          self.unchanged + other.unchanged)


_COMPONENT_UPSERT = """
INSERT INTO citygrid.component_class AS c
    (profile, code, major_code, major_name, minor_code, name, alt_names, geometry_type,
     accuracy_class, extra_fields, confidence, origin)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 'standard')
ON CONFLICT (profile, code) DO UPDATE SET
    major_code = EXCLUDED.major_code, major_name = EXCLUDED.major_name,
    minor_code = EXCLUDED.minor_code, name = EXCLUDED.name, alt_names = EXCLUDED.alt_names,
    geometry_type = EXCLUDED.geometry_type, accuracy_class = EXCLUDED.accuracy_class,
    extra_fields = EXCLUDED.extra_fields, confidence = EXCLUDED.confidence
WHERE c.origin = 'standard' AND (c.major_name, c.name, c.alt_names, c.geometry_type, c.accuracy_class,
      c.extra_fields, c.confidence) IS DISTINCT FROM (EXCLUDED.major_name, EXCLUDED.name, EXCLUDED.alt_names,
      EXCLUDED.geometry_type, EXCLUDED.accuracy_class, EXCLUDED.extra_fields, EXCLUDED.confidence)
RETURNING (xmax = 0) AS inserted
"""

_EVENT_UPSERT = """
INSERT INTO citygrid.event_class AS c
    (profile, code, major_code, major_name, minor_code, name, alt_names, confidence, origin)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, 'standard')
ON CONFLICT (profile, code) DO UPDATE SET
    major_code = EXCLUDED.major_code, major_name = EXCLUDED.major_name,
    minor_code = EXCLUDED.minor_code, name = EXCLUDED.name, alt_names = EXCLUDED.alt_names,
    confidence = EXCLUDED.confidence
WHERE c.origin = 'standard' AND (c.major_name, c.name, c.alt_names, c.confidence)
      IS DISTINCT FROM (EXCLUDED.major_name, EXCLUDED.name, EXCLUDED.alt_names, EXCLUDED.confidence)
RETURNING (xmax = 0) AS inserted
"""


def _load_table(cur, table: ClassTable) -> LoadReport:
    report = LoadReport()
    for e in table:
        if table.kind == "component":
            cur.execute(_COMPONENT_UPSERT, (
                table.profile, e.code, e.major_code, e.major_name, e.minor_code, e.name,
                list(e.alt_names), e.geometry_type or "point", e.accuracy_class,
                list(e.extra_fields), e.confidence))
        else:
            cur.execute(_EVENT_UPSERT, (
                table.profile, e.code, e.major_code, e.major_name, e.minor_code, e.name,
                list(e.alt_names), e.confidence))
        row = cur.fetchone()
        if row is None:
            report.unchanged += 1
        elif row[0]:
            report.inserted += 1
        else:
            report.updated += 1
    return report


def load_standard_classes(conn, profiles: Iterable[str] = PROFILES) -> dict[str, LoadReport]:
    """Upsert the shipped class tables for *profiles*; one transaction. Returns a report
    per ``<kind>_<profile>``."""
    reports: dict[str, LoadReport] = {}
    with transaction(conn, tr("class tables not loaded: {error}")) as cur:
        for profile in profiles:
            for kind in ("component", "event"):
                reports[f"{kind}_{profile}"] = _load_table(cur, ClassTable.load(kind, profile))
    return reports


DEPARTMENT_KINDS = {
    "agency": "agency", "专业部门": "agency", "部门": "agency",
    "street": "street", "街道": "street",
    "community": "community", "社区": "community",
    "enterprise": "enterprise", "企业": "enterprise",
    "other": "other", "其他": "other", "其它": "other",
}


def upsert_departments(conn, rows: Iterable[Mapping[str, str]], source: str = "",
                       lines: list[int] | None = None) -> LoadReport:
    """Insert or update departments from rows with keys code, name, kind, parent_code, phone,
    note. All rows are checked first; any bad row aborts the whole batch with a message
    naming the row by its line in the file (*lines*, from core.textio.read_table; without it
    the rows are taken to follow the header line by line), so nothing is half-loaded."""
    rows = list(rows)
    problems: list[str] = []
    clean: list[tuple] = []
    codes: set[str] = set()
    numbers = lines if lines is not None and len(lines) == len(rows) else range(2, len(rows) + 2)
    for line, row in zip(numbers, rows):
        code = (row.get("code") or "").strip()
        name = (row.get("name") or "").strip()
        kind_raw = (row.get("kind") or "agency").strip()
        kind = DEPARTMENT_KINDS.get(kind_raw.lower(), DEPARTMENT_KINDS.get(kind_raw))
        where = tr("{source} line {line}").format(source=source or tr("departments"), line=line)
        if not code:
            problems.append(tr("{where}: department code is empty").format(where=where))
        elif code in codes:
            problems.append(tr("{where}: department code '{code}' appears twice").format(where=where, code=code))
        if not name:
            problems.append(tr("{where}: department name is empty").format(where=where))
        if kind is None:
            problems.append(tr("{where}: department kind '{kind}' is not one of {allowed}").format(
                where=where, kind=kind_raw, allowed="专业部门/街道/社区/企业/其他"))
        codes.add(code)
        clean.append((code, name, kind, (row.get("parent_code") or "").strip() or None,
                      (row.get("phone") or "").strip() or None, (row.get("note") or "").strip() or None))
    if problems:
        raise StoreError("\n".join(problems))
    report = LoadReport()
    with transaction(conn, tr("departments not loaded: {error}")) as cur:
        # parents first: insert without parent, then set parents
        for code, name, kind, _parent, phone, note in clean:
            cur.execute("""
                    INSERT INTO citygrid.department AS d (code, name, kind, phone, note)
                    VALUES (%s, %s, %s, %s, %s)
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                        phone = EXCLUDED.phone, note = EXCLUDED.note
                    WHERE (d.name, d.kind, d.phone, d.note) IS DISTINCT FROM
                          (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.phone, EXCLUDED.note)
                RETURNING (xmax = 0)""", (code, name, kind, phone, note))
            row = cur.fetchone()
            if row is None:
                report.unchanged += 1
            elif row[0]:
                report.inserted += 1
            else:
                report.updated += 1
        for code, _name, _kind, parent, _phone, _note in clean:
            cur.execute("UPDATE citygrid.department SET parent_code = %s WHERE code = %s "
                        "AND parent_code IS DISTINCT FROM %s", (parent, code, parent))
    return report
