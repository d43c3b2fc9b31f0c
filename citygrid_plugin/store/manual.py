"""The command manual (指挥手册) in the store: read any version, apply a new one.

The store keeps every version (migration 015): ``citygrid.manual_apply`` is the one way to change
the manual — it checks everything, makes a new version only when something changed, and closes
and rewrites only the classes that changed. A case keeps the version it was reported under
(``work_case.manual_version``) and the situation chosen when registering (``work_case.variant``),
so its deadlines never move when the manual changes. The model is :mod:`citygrid_plugin.core.manual`.
"""
from __future__ import annotations

import json

import psycopg2

from ..core.i18n import tr
from ..core.manual import STAGES, ClassEntry, Limit, Manual, Variant, diff
from .db import StoreError, describe_error, reading, rollback


class ManualStoreError(StoreError):
    """The store refused a manual or could not read it; the message says why."""


def _profile(cur, profile: str | None) -> str:
    if profile:
        return profile
    from .intake import PROFILE_SQL

    cur.execute(PROFILE_SQL)
    return cur.fetchone()[0]


def version_in_force(conn) -> int:
    with reading(conn) as cur:
        cur.execute("SELECT max(version) FROM citygrid.manual_version")
        return cur.fetchone()[0]


# a row is in version v when from_version <= v < to_version (to_version NULL: still in force)


def _load(cur, version: int, profile: str) -> Manual:
    args = {"v": version, "p": profile}
    cur.execute("""SELECT kind, class_code, variant, urgent, stage, amount, unit FROM citygrid.manual_limit
                     WHERE profile = %(p)s
                     AND from_version <= %(v)s AND (to_version IS NULL OR to_version > %(v)s)""", args)
    limits: dict = {}
    for kind, code, variant, urgent, stage, amount, unit in cur.fetchall():
        limits.setdefault((kind, code, variant, urgent), {})[stage] = Limit(float(amount), unit)
    cur.execute("""SELECT kind, class_code, name, note FROM citygrid.manual_variant
                     WHERE profile = %(p)s
                     AND from_version <= %(v)s AND (to_version IS NULL OR to_version > %(v)s)
                     ORDER BY ord, name""", args)
    variants: dict = {}
    for kind, code, name, note in cur.fetchall():
        variants.setdefault((kind, code), []).append(
            Variant(name, _ordered(limits.get((kind, code, name, False), {})), note))
    cur.execute("""SELECT m.kind, m.class_code, COALESCE(e.name, k.name), COALESCE(e.major_name, k.major_name),
                           m.points, m.supervisor, m.department, m.handling, m.register, m.close, m.topology
                      FROM citygrid.manual_class m
                      LEFT JOIN citygrid.event_class e ON m.kind = 'event' AND e.profile = m.profile
                                                      AND e.code = m.class_code
                      LEFT JOIN citygrid.component_class k ON m.kind = 'component' AND k.profile = m.profile
                                                          AND k.code = m.class_code
                     WHERE m.profile = %(p)s
                       AND m.from_version <= %(v)s AND (m.to_version IS NULL OR m.to_version > %(v)s)""", args)
    classes = {}
    for row in cur.fetchall():
        kind, code = row[0], row[1]
        classes[(kind, code)] = ClassEntry(
            kind=kind, code=code, name=row[2], major_name=row[3], points=row[4], supervisor=row[5],
            department=row[6], handling=row[7], register=row[8], close=row[9], topology=row[10],
            limits=_ordered(limits.get((kind, code, "", False), {})),
            urgent=_ordered(limits.get((kind, code, "", True), {})),
            variants=tuple(variants.get((kind, code), ())))
    return Manual(profile=profile, version=version,
                  defaults={k: _ordered(limits[(k, None, "", False)]) for k in ("event", "component")
                            if (k, None, "", False) in limits},
                  urgent_defaults={k: _ordered(limits[(k, None, "", True)]) for k in ("event", "component")
                                   if (k, None, "", True) in limits},
                  classes=classes)


def _ordered(d: dict) -> dict:
    return {s: d[s] for s in STAGES if s in d}


def load(conn, version: int, profile: str | None = None) -> Manual:
    """Manual *version* of *profile* (the store's profile by default)."""
    with reading(conn) as cur:
        profile = _profile(cur, profile)
        cur.execute("SELECT 1 FROM citygrid.manual_version WHERE version = %s", (version,))
        if cur.fetchone() is None:
            raise ManualStoreError(tr("the command manual has no version {version}").format(version=version))
        return _load(cur, version, profile)


def current(conn, profile: str | None = None) -> Manual:
    """The manual in force."""
    with reading(conn) as cur:
        profile = _profile(cur, profile)
        cur.execute("SELECT max(version) FROM citygrid.manual_version")
        return _load(cur, cur.fetchone()[0], profile)


def apply(conn, manual: Manual, note: str, replace: bool = True) -> tuple[int, list]:
    """Apply *manual* (all of it with *replace*; otherwise only its classes, and its defaults when
    given): (the version in force afterwards, the changes against the version before). All or
    nothing; administrators only (the store refuses others)."""
    try:
        before = current(conn, manual.profile)
        if not replace:
            merged = Manual(profile=before.profile, defaults={**before.defaults, **manual.defaults},
                            urgent_defaults={**before.urgent_defaults, **manual.urgent_defaults},
                            classes={**before.classes, **manual.classes})
            changes = diff(before, merged)
        else:
            changes = diff(before, manual)
        with conn.cursor() as cur:
            cur.execute("SELECT version, changes FROM citygrid.manual_apply(%s::jsonb, %s, %s)",
                        (json.dumps(manual.to_json(), ensure_ascii=False), note, replace))
            version, _n = cur.fetchone()
        conn.commit()
    except psycopg2.Error as exc:
        rollback(conn)
        raise ManualStoreError(tr("the command manual was not changed: {error}").format(
            error=describe_error(exc, conn))) from exc
    except StoreError as exc:
        rollback(conn)
        raise ManualStoreError(str(exc)) from exc
    return version, changes


def entry(conn, kind: str, class_code: str, version: int | None = None) -> ClassEntry | None:
    """The manual's page of one class (the version in force by default), or None."""
    with reading(conn) as cur:
        profile = _profile(cur, None)
        if version is None:
            cur.execute("SELECT max(version) FROM citygrid.manual_version")
            version = cur.fetchone()[0]
        return _entry(cur, kind, class_code, version, profile)


def _entry(cur, kind, class_code, version, profile) -> ClassEntry | None:
    # one class: the whole version's rows of that class only (fast: the key index)
    args = {"v": version, "p": profile, "k": kind, "c": class_code}
    cur.execute("""SELECT variant, urgent, stage, amount, unit FROM citygrid.manual_limit
                     WHERE profile = %(p)s AND kind = %(k)s AND class_code = %(c)s
                     AND from_version <= %(v)s AND (to_version IS NULL OR to_version > %(v)s)""", args)
    limits: dict = {}
    for variant, urgent, stage, amount, unit in cur.fetchall():
        limits.setdefault((variant, urgent), {})[stage] = Limit(float(amount), unit)
    cur.execute("""SELECT name, note FROM citygrid.manual_variant
                     WHERE profile = %(p)s AND kind = %(k)s AND class_code = %(c)s
                     AND from_version <= %(v)s AND (to_version IS NULL OR to_version > %(v)s) ORDER BY ord, name""",
                args)
    variants = tuple(Variant(n, _ordered(limits.get((n, False), {})), note) for n, note in cur.fetchall())
    cur.execute("""SELECT m.points, m.supervisor, m.department, m.handling, m.register, m.close, m.topology,
                           COALESCE(e.name, k.name), COALESCE(e.major_name, k.major_name)
                      FROM citygrid.manual_class m
                      LEFT JOIN citygrid.event_class e ON m.kind = 'event' AND e.profile = m.profile
                                                      AND e.code = m.class_code
                      LEFT JOIN citygrid.component_class k ON m.kind = 'component' AND k.profile = m.profile
                                                          AND k.code = m.class_code
                     WHERE m.profile = %(p)s AND m.kind = %(k)s AND m.class_code = %(c)s
                       AND m.from_version <= %(v)s AND (m.to_version IS NULL OR m.to_version > %(v)s)""", args)
    row = cur.fetchone()
    if row is None:
        return None
    return ClassEntry(kind=kind, code=class_code, name=row[7], major_name=row[8], points=row[0], supervisor=row[1],
                      department=row[2], handling=row[3], register=row[4], close=row[5], topology=row[6],
                      limits=_ordered(limits.get(("", False), {})), urgent=_ordered(limits.get(("", True), {})),
                      variants=variants)


def _defaults(cur, kind, version, profile) -> tuple[dict, dict]:
    cur.execute("""SELECT urgent, stage, amount, unit FROM citygrid.manual_limit
                     WHERE profile = %(p)s AND kind = %(k)s AND class_code IS NULL
                     AND from_version <= %(v)s AND (to_version IS NULL OR to_version > %(v)s)""",
                {"v": version, "p": profile, "k": kind})
    normal, urgent = {}, {}
    for is_urgent, stage, amount, unit in cur.fetchall():
        (urgent if is_urgent else normal)[stage] = Limit(float(amount), unit)
    return _ordered(normal), _ordered(urgent)


def limits_in_force(conn, kind: str, class_code: str, variant: str = "", urgent: bool = False,
                    version: int | None = None) -> dict:
    """stage -> Limit for a case of this class (situation, urgency) under *version* (in force by
    default): what the report dialog and the action dialog show."""
    with reading(conn) as cur:
        profile = _profile(cur, None)
        if version is None:
            cur.execute("SELECT max(version) FROM citygrid.manual_version")
            version = cur.fetchone()[0]
        e = _entry(cur, kind, class_code, version, profile)
        normal, fast = _defaults(cur, kind, version, profile)
    m = Manual(profile=profile, version=version, defaults={kind: normal}, urgent_defaults={kind: fast},
               classes={(kind, class_code): e} if e else {})
    return m.limits_for(kind, class_code, variant, urgent)


def case_entry(conn, case_id: int) -> dict | None:
    """The manual as it applies to case *case_id* (None: the case does not exist or is not
    visible): {"version", "variant", "entry" (ClassEntry or None), "limits" (stage -> Limit in force
    for this case: its situation and urgency applied), "variants" [(name, {stage: Limit})]}."""
    with reading(conn) as cur:
        cur.execute("SELECT kind, class_code, profile, manual_version, variant, urgent FROM citygrid.work_case "
                    "WHERE id = %s", (case_id,))
        row = cur.fetchone()
        if row is None:
            return None
        kind, code, profile, version, variant, urgent = row
        e = _entry(cur, kind, code, version, profile)
        normal, fast = _defaults(cur, kind, version, profile)
    m = Manual(profile=profile, version=version, defaults={kind: normal}, urgent_defaults={kind: fast},
               classes={(kind, code): e} if e else {})
    return {"version": version, "variant": variant or "", "entry": e,
            "limits": m.limits_for(kind, code, variant or "", bool(urgent)),
            "variants": [(v.name, m.limits_for(kind, code, v.name, bool(urgent))) for v in (e.variants if e else ())]}


def versions(conn) -> list[dict]:
    """Every version of the manual, newest first: version, created_at, created_by, note, changes."""
    with reading(conn) as cur:
        cur.execute("SELECT version, created_at, created_by, note, changes FROM citygrid.manual_version "
                    "ORDER BY version DESC")
        return [dict(zip(("version", "created_at", "created_by", "note", "changes"), r)) for r in cur.fetchall()]
