"""Components (管理部件) in the store: bulk import with a per-row report.

:func:`import_components` takes rows already mapped to store columns (class code, departments
by code, geometry as WKB in the store CRS) and sorts every row into exactly one of: imported
(with the code the store issued), rejected (with the reason) or suspected duplicate (same class
within a tolerance of an existing component or of an earlier row of the batch; held back unless
asked). Nothing is silently dropped. Checks run in bulk (one temporary table, set-based SQL) so
100,000 rows import in seconds; the inserts themselves go through the store's triggers (codes,
grid by location, history), all in one transaction: a failure leaves the store as it was.
"""
from __future__ import annotations

import datetime
import io
import math
import struct
import uuid
from dataclasses import dataclass, field

import psycopg2
from shapely import wkb as shapely_wkb

from ..core.census import ACCURACY_CLASSES, DATA_SOURCES, STATES, sql_list
from ..core.classes import ClassTable
from ..core.codes import validate_component_code
from ..core.i18n import tr
from .db import transaction

COLUMNS = ("class_code", "dept1_code", "dept2_code", "dept3_code", "state", "data_source", "census_date",
           "accuracy", "material", "site_name", "stop_name", "sculpture_name", "equipment_count", "spec",
           "photo", "note", "name", "uid")


@dataclass
class ComponentRow:
    ref: str                       # where it came from, for messages: "row 12", "feature 5"
    values: dict                   # store column -> value (see COLUMNS); class_code and dept1_code required
    wkb: bytes | None              # geometry in the store CRS


@dataclass
class ImportReport:
    imported: list[tuple[str, str]] = field(default_factory=list)             # (ref, code)
    rejected: list[tuple[str, str, bytes | None]] = field(default_factory=list)  # (ref, reason, wkb)
    duplicates: list[tuple[str, str, float, bytes | None]] = field(default_factory=list)  # (ref, near, m, wkb)

    @property
    def total(self) -> int:
        return len(self.imported) + len(self.rejected) + len(self.duplicates)


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_value(value) -> str:
    """*value* in COPY text format (\\N for NULL and empty). A NUL character cannot be sent at
    all; it is dropped here, and the row is rejected for it (see :func:`_value_problem`)."""
    if value is None or value == "":
        return r"\N"
    return str(value).replace("\x00", "").translate(_COPY_ESCAPES)


def import_components(conn, rows: list[ComponentRow], duplicate_tolerance: float = 1.0,
                      import_duplicates: bool = False, all_or_nothing: bool = False) -> ImportReport:
    """Import *rows*; see the module docstring. With *all_or_nothing* a single rejected row
    rejects the batch (nothing is written; the report still lists every reason)."""
    report = ImportReport()
    with transaction(conn, tr("components not imported: {error}")) as cur:
        cur.execute("""
            CREATE TEMP TABLE import_stage (
                n integer PRIMARY KEY, ref text, class_code text, dept1_code text, dept2_code text,
                dept3_code text, state text, data_source text, census_date text, accuracy text,
                material text, site_name text, stop_name text, sculpture_name text, equipment_count text,
                spec text, photo text, note text, name text, uid text, wkb bytea,
                geom geometry, wkb_srid integer, reason text, grid_code text, district_code text, profile text,
                dup_of text, dup_m double precision) ON COMMIT DROP""")
        buf = io.StringIO()
        data_columns = COLUMNS[:-1]
        for n, row in enumerate(rows):
            get = row.values.get
            values = [_copy_value(get(c)) for c in data_columns]
            # every row gets its uid here, so inserted rows map back to their refs exactly
            values.append(_copy_value(get("uid") or uuid.uuid4()))
            wkb = r"\N" if row.wkb is None else "\\\\x" + bytes(row.wkb).hex()
            buf.write("\t".join([str(n), _copy_value(row.ref), *values, wkb, _copy_value(_value_problem(row))])
                      + "\n")
        buf.seek(0)
        cur.copy_expert(f"COPY import_stage (n, ref, {', '.join(COLUMNS)}, wkb, reason) FROM STDIN", buf)
        _check(cur)
        _find_duplicates(cur, duplicate_tolerance)
        cur.execute("SELECT n, ref, reason, wkb FROM import_stage WHERE reason IS NOT NULL ORDER BY n")
        for _n, ref, reason, wkb in cur.fetchall():
            report.rejected.append((ref, reason, bytes(wkb) if wkb is not None else None))
        if not import_duplicates:
            cur.execute("SELECT n, ref, dup_of, dup_m, wkb FROM import_stage "
                        "WHERE reason IS NULL AND dup_of IS NOT NULL ORDER BY n")
            for _n, ref, near, metres, wkb in cur.fetchall():
                report.duplicates.append((ref, near, metres, bytes(wkb)))
        if all_or_nothing and report.rejected:
            return report
        keep = "reason IS NULL" + ("" if import_duplicates else " AND dup_of IS NULL")
        cur.execute(f"""
            INSERT INTO citygrid.component (grid_code, uid, class_code, name, dept1_code, dept2_code, dept3_code,
                state, data_source, census_date, accuracy, material, site_name, stop_name, sculpture_name,
                equipment_count, spec, photo, note, geom)
            SELECT grid_code, uid::uuid, class_code, name, dept1_code, dept2_code, dept3_code,
                   COALESCE(state, '完好'), COALESCE(data_source, '实测'), COALESCE(census_date::date, current_date),
                   accuracy, material, site_name, stop_name, sculpture_name, equipment_count::integer, spec,
                   photo, note, geom
              FROM import_stage WHERE {keep} ORDER BY n
            RETURNING uid::text, code""")  # nosec B608 - fixed fragments; values bound
        codes = dict(cur.fetchall())
        cur.execute(f"SELECT ref, uid::uuid::text FROM import_stage WHERE {keep} ORDER BY n")  # nosec B608
        report.imported = [(ref, codes[uid]) for ref, uid in cur.fetchall()]
        if len(report.imported) > 1000:
            # fresh statistics, or the next spatial join (validation, the next import) plans as if
            # the table were still empty and goes quadratic
            cur.execute("ANALYZE citygrid.component")
    return report


def _value_problem(row: ComponentRow) -> str | None:
    """Checks easier in Python than in SQL: dates, whole numbers, UUIDs."""
    values = row.values
    for column in COLUMNS:
        if "\x00" in str(values.get(column) or ""):
            return tr("{field} contains a NUL character (\\0), which the store cannot hold; remove it").format(
                field=column)
    date = values.get("census_date")
    if date not in (None, ""):
        try:
            datetime.date.fromisoformat(str(date))
        except ValueError:
            return tr("census date '{value}' is not a date written YYYY-MM-DD").format(value=date)
    count = values.get("equipment_count")
    if count not in (None, "") and not str(count).isdigit():
        return tr("equipment count '{value}' must be a whole number").format(value=count)
    uid = values.get("uid")
    if uid not in (None, ""):
        try:
            uuid.UUID(str(uid))
        except ValueError:
            return tr("uid '{value}' is not a UUID").format(value=uid)
    return None


_PARSE = """
    UPDATE import_stage SET geom = CASE WHEN ST_NumGeometries(g) = 1 AND GeometryType(g) LIKE 'MULTI%%'
                                        THEN ST_GeometryN(g, 1) ELSE g END, wkb_srid = parsed.srid
      FROM (SELECT n AS k, ST_SRID(w) AS srid, ST_SetSRID(w, citygrid.store_srid()) AS g
              FROM (SELECT n, ST_GeomFromWKB(wkb) AS w FROM import_stage WHERE reason IS NULL) r) parsed
     WHERE n = parsed.k"""


def _check(cur) -> None:
    """Set ``reason`` for every row that the store would refuse, with a message that says
    what is wrong; the first problem of a row wins."""
    checks = [
        ("wkb IS NULL", tr("no geometry")),
        ("class_code IS NULL OR btrim(class_code) = ''", tr("no component class")),
        ("dept1_code IS NULL OR btrim(dept1_code) = ''", tr("no responsible department (主管部门)")),
        (f"state IS NOT NULL AND state NOT IN ({sql_list(STATES)})",
         tr("state must be one of 完好, 破损, 丢失, 占用")),
        (f"data_source IS NOT NULL AND data_source NOT IN ({sql_list(DATA_SOURCES)})",
         tr("data source must be one of 实测, 地形图, 调绘, 其它")),
        (f"accuracy IS NOT NULL AND accuracy NOT IN ({sql_list(ACCURACY_CLASSES)})",
         tr("accuracy class must be A, B or C")),
    ]
    for condition, message in checks:
        cur.execute(f"UPDATE import_stage SET reason = %s WHERE reason IS NULL AND ({condition})", (message,))  # nosec B608
    # Each UPDATE rewrites the staged rows, so the geometry steps are folded into few statements:
    # parse (a single-part multi becomes its part), then validity, then grid, district and profile.
    # Parsing is set-based; only when some WKB is unreadable (it fails the whole statement) are the
    # culprits found row by row and rejected, and the rest parsed again.
    cur.execute("SAVEPOINT import_parse")
    try:
        cur.execute(_PARSE)
    except psycopg2.Error:
        cur.execute("ROLLBACK TO SAVEPOINT import_parse")
        cur.execute("""
            CREATE OR REPLACE FUNCTION pg_temp.citygrid_wkb_error(w bytea) RETURNS text LANGUAGE plpgsql AS $f$
            BEGIN
                PERFORM ST_GeomFromWKB(w);
                RETURN NULL;
            EXCEPTION WHEN OTHERS THEN
                RETURN SQLERRM;
            END $f$""")
        cur.execute("""
            UPDATE import_stage s SET reason = %s || e.error
              FROM (SELECT n, pg_temp.citygrid_wkb_error(wkb) AS error FROM import_stage WHERE reason IS NULL) e
             WHERE s.n = e.n AND e.error IS NOT NULL""", (tr("the geometry cannot be read: "),))
        cur.execute(_PARSE)
    cur.execute("RELEASE SAVEPOINT import_parse")
    # an extended WKB that names its CRS must name the store's (plain WKB is taken to be in it)
    cur.execute("""
        UPDATE import_stage SET reason = format(%s, wkb_srid, citygrid.store_srid())
         WHERE reason IS NULL AND wkb_srid NOT IN (0, citygrid.store_srid())""",
                (tr("the geometry is in EPSG:%s, not in the store's EPSG:%s; reproject it first"),))
    cur.execute("""
        UPDATE import_stage SET reason = CASE WHEN ST_IsEmpty(geom) THEN %s ELSE %s || ST_IsValidReason(geom) END
         WHERE reason IS NULL AND (ST_IsEmpty(geom) OR NOT ST_IsValid(geom))""",
                (tr("empty geometry"), tr("invalid geometry: ")))
    cur.execute("""
        UPDATE import_stage s SET grid_code = g.code, district_code = d.code, profile = d.profile
          FROM citygrid.grid g JOIN citygrid.district d ON d.code = left(g.code, 6)
         WHERE s.reason IS NULL AND g.retired_at IS NULL AND g.code IS NOT NULL
           AND ST_Intersects(g.geom, citygrid.component_anchor(s.geom))""")
    # coordinates with 2 decimals, or in e-notation when absurd (1e300 would print as 300 digits)
    cur.execute("""
        UPDATE import_stage SET reason = format(%s,
                   CASE WHEN abs(a.x) < 1e9 THEN round(a.x::numeric, 2)::text ELSE a.x::text END,
                   CASE WHEN abs(a.y) < 1e9 THEN round(a.y::numeric, 2)::text ELSE a.y::text END)
          FROM (SELECT n AS k, ST_X(citygrid.component_anchor(geom)) AS x, ST_Y(citygrid.component_anchor(geom)) AS y
                  FROM import_stage WHERE reason IS NULL AND grid_code IS NULL) a
         WHERE n = a.k""",
                (tr("lies outside every unit grid, at (%s, %s); check the coordinates and their CRS"),))
    cur.execute("""
        UPDATE import_stage s SET reason = format(%s, s.class_code, s.profile)
         WHERE reason IS NULL AND NOT EXISTS (SELECT 1 FROM citygrid.component_class c
                                               WHERE c.profile = s.profile AND c.code = s.class_code)""",
                (tr("class %s is not a component class of profile %s"),))
    cur.execute("""
        UPDATE import_stage s SET reason = format(%s, c.code, c.name, c.geometry_type, lower(GeometryType(s.geom)))
          FROM citygrid.component_class c
         WHERE s.reason IS NULL AND c.profile = s.profile AND c.code = s.class_code
           AND GeometryType(s.geom) <> CASE c.geometry_type WHEN 'line' THEN 'LINESTRING'
                                            ELSE upper(c.geometry_type) END""",
                (tr("class %s %s is recorded as a %s, got %s"),))
    for column, label in (("dept1_code", tr("responsible department (主管部门)")),
                          ("dept2_code", tr("owner (权属单位)")), ("dept3_code", tr("maintainer (养护单位)"))):
        cur.execute(f"""
            UPDATE import_stage s SET reason = format(%s, s.{column})
             WHERE reason IS NULL AND s.{column} IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM citygrid.department d WHERE d.code = s.{column})""",  # nosec B608
                    (tr("{label} '%s' is not a known department").format(label=label),))
    cur.execute("""
        UPDATE import_stage s SET reason = %s
         WHERE reason IS NULL AND uid IS NOT NULL
           AND EXISTS (SELECT 1 FROM citygrid.component c WHERE c.uid = s.uid::uuid)""",
                (tr("a component with this uid is already in the store"),))
    cur.execute("""
        UPDATE import_stage s SET reason = %s
          FROM (SELECT n, row_number() OVER (PARTITION BY lower(uid) ORDER BY n) AS k
                  FROM import_stage WHERE uid IS NOT NULL) d
         WHERE s.n = d.n AND d.k > 1 AND s.reason IS NULL""", (tr("the same uid appears earlier in this batch"),))


def _find_duplicates(cur, tolerance: float) -> None:
    """Suspected duplicates: same class within *tolerance* metres of an active component or of
    an earlier row of the batch."""
    cur.execute("CREATE INDEX ON import_stage USING gist (geom)")
    cur.execute("ANALYZE import_stage")
    # Against the store: the planner probes component's GiST index per staged row.
    cur.execute("""
        UPDATE import_stage s SET dup_of = d.code, dup_m = d.dist
          FROM (SELECT DISTINCT ON (x.n) x.n, c.code, ST_Distance(c.geom, x.geom) AS dist
                  FROM import_stage x JOIN citygrid.component c
                    ON ST_DWithin(c.geom, x.geom, %s) AND c.retired_at IS NULL AND c.class_code = x.class_code
                 WHERE x.reason IS NULL ORDER BY x.n, dist) d
         WHERE s.n = d.n""", (tolerance,))
    # Within the batch: in Python with a grid hash (PostgreSQL's plans for this self-join on a
    # temporary table degrade to quadratic: 30,000 rows took minutes).
    cur.execute("SELECT n, ref, class_code, dup_of IS NOT NULL, ST_AsBinary(geom) FROM import_stage "
                "WHERE reason IS NULL ORDER BY n")
    found = batch_duplicates(cur.fetchall(), tolerance)
    if found:
        cur.execute("CREATE TEMP TABLE import_dups (n integer, ref text, dist double precision) ON COMMIT DROP")
        buf = io.StringIO("".join(f"{n}\t{_copy_value(ref)}\t{dist!r}\n" for n, ref, dist in found))
        cur.copy_expert("COPY import_dups FROM STDIN", buf)
        cur.execute("UPDATE import_stage s SET dup_of = d.ref, dup_m = d.dist FROM import_dups d WHERE s.n = d.n")


def _point_xy(data: bytes) -> tuple[float, float] | None:
    """(x, y) of a 2-D WKB point (21 bytes), read directly: a census is mostly points, and
    parsing each through shapely costs more than the whole comparison. None for anything else."""
    if len(data) != 21:
        return None
    order = "<" if data[0] == 1 else ">"
    if struct.unpack_from(order + "I", data, 1)[0] != 1:
        return None
    return struct.unpack_from(order + "dd", data, 5)


def batch_duplicates(rows, tolerance: float) -> list[tuple[int, str, float]]:
    """(n, ref of the earlier row, distance) for every row within *tolerance* of an earlier
    row of the same class. *rows*: (n, ref, class, already a duplicate, WKB) in order; rows
    already flagged still count as earlier rows but are not flagged twice. Points go through
    a grid hash (cells of the tolerance) with plain coordinates; lines and polygons, a few
    hundred per class, are compared directly with shapely (a class has one geometry type, so
    the two never meet)."""
    cell = max(tolerance, 0.5)
    points: dict[tuple, list] = {}
    shapes: dict[str, list] = {}
    found = []
    for n, ref, cls, flagged, data in rows:
        data = bytes(data)
        xy = _point_xy(data)
        if xy is not None:
            x, y = xy
            i, j = int(x // cell), int(y // cell)
            best = None
            if not flagged:
                for di in (-1, 0, 1):
                    for dj in (-1, 0, 1):
                        for other_ref, ox, oy in points.get((cls, i + di, j + dj), ()):
                            d = math.hypot(ox - x, oy - y)
                            if best is None or d < best[1]:
                                best = (other_ref, d)
            points.setdefault((cls, i, j), []).append((ref, x, y))
        else:
            geom = shapely_wkb.loads(data)
            earlier = list(shapes.get(cls, ()))
            shapes.setdefault(cls, []).append((ref, geom))
            if flagged:
                continue
            best = min(((other_ref, other.distance(geom)) for other_ref, other in earlier),
                       key=lambda pair: pair[1], default=None)
        if not flagged and best is not None and best[1] <= tolerance:
            found.append((n, best[0], best[1]))
    return found


def store_profile(conn) -> str:
    """The store's default code profile (the profile of new components)."""
    with conn.cursor() as cur:
        cur.execute("SELECT COALESCE((SELECT profile FROM citygrid.district ORDER BY code LIMIT 1), "
                    "(SELECT value FROM citygrid.store_setting WHERE key = 'default_profile'), '2013')")
        profile = cur.fetchone()[0]
    conn.rollback()
    return profile


def store_class_table(conn, profile: str):
    """The store's component classes of *profile* (standard and local), as a ClassTable."""
    with conn.cursor() as cur:
        cur.execute("""SELECT code, major_code, major_name, minor_code, name, array_to_string(alt_names, ';'),
                              geometry_type, accuracy_class, array_to_string(extra_fields, ';'), confidence
                         FROM citygrid.component_class WHERE profile = %s AND active ORDER BY code""", (profile,))
        keys = ("code", "major_code", "major_name", "minor_code", "name", "alt_names", "geometry_type",
                "accuracy_class", "extra_fields", "confidence")
        rows = [dict(zip(keys, r)) for r in cur.fetchall()]
    conn.rollback()
    return ClassTable.from_rows("component", profile, rows, source="citygrid.component_class")


def store_departments(conn) -> dict[str, str]:
    """Department lookup: code → code and name → code (names as written, and trimmed)."""
    with conn.cursor() as cur:
        cur.execute("SELECT code, name FROM citygrid.department WHERE active")
        rows = cur.fetchall()
    conn.rollback()
    lookup = {}
    for code, name in rows:
        lookup[name.strip()] = code
    for code, _name in rows:
        lookup[code] = code
    return lookup


# Component validation (部件检查): checks written as data; each query returns
# (code, message arguments…, anchor WKB). Messages are tr() templates filled with the arguments.
NAMED_FIELDS = ("site_name", "stop_name", "sculpture_name")
CHECKS = [
    ("required_missing", "error",
     """SELECT c.code, cl.code || ' ' || cl.name, f.field, ST_AsBinary(citygrid.component_anchor(c.geom))
          FROM citygrid.component c
          JOIN citygrid.component_class cl ON cl.profile = c.profile AND cl.code = c.class_code
          CROSS JOIN LATERAL unnest(ARRAY['site_name', 'stop_name', 'sculpture_name']) AS f(field)
         WHERE c.retired_at IS NULL AND f.field = ANY (cl.extra_fields)
           AND COALESCE(btrim(to_jsonb(c) ->> f.field), '') = ''"""),
    ("duplicate", "warning",
     """SELECT a.code, b.code, round(ST_Distance(a.geom, b.geom)::numeric, 2),
               ST_AsBinary(citygrid.component_anchor(a.geom))
          FROM citygrid.component a JOIN citygrid.component b
            ON b.retired_at IS NULL AND b.class_code = a.class_code AND b.id > a.id
           AND ST_DWithin(a.geom, b.geom, %(tolerance)s)
         WHERE a.retired_at IS NULL"""),
    ("grid_mismatch", "error",
     """SELECT c.code, c.grid_code, g.code, ST_AsBinary(citygrid.component_anchor(c.geom))
          FROM citygrid.component c
          JOIN citygrid.grid g ON g.retired_at IS NULL AND g.code IS NOT NULL
           AND ST_Intersects(g.geom, citygrid.component_anchor(c.geom))
         WHERE c.retired_at IS NULL AND g.code IS DISTINCT FROM c.grid_code"""),
    ("outside_grids", "error",
     """SELECT c.code, ST_AsBinary(citygrid.component_anchor(c.geom))
          FROM citygrid.component c
         WHERE c.retired_at IS NULL AND NOT EXISTS (
               SELECT 1 FROM citygrid.grid g WHERE g.retired_at IS NULL AND g.code IS NOT NULL
                  AND ST_Intersects(g.geom, citygrid.component_anchor(c.geom)))"""),
]


def check_message(check: str, args: tuple) -> str:
    """The user-facing message of a check result (literal templates for the translation catalogue)."""
    if check == "required_missing":
        return tr("component {code}: class {cls} needs the field {field}").format(
            code=args[0], cls=args[1], field=args[2])
    if check == "duplicate":
        return tr("components {code} and {other} are of the same class {metres} m apart: a duplicate?").format(
            code=args[0], other=args[1], metres=args[2])
    if check == "grid_mismatch":
        return tr("component {code} records grid {recorded} but lies in grid {actual}").format(
            code=args[0], recorded=args[1], actual=args[2])
    if check == "outside_grids":
        return tr("component {code} lies outside every active unit grid").format(code=args[0])
    if check == "code_malformed":
        return tr("component {code}: {problems}").format(code=args[0], problems=args[1])
    raise ValueError(check)


def validate_components(conn, progress=None) -> list[tuple[str, str, str, str, bytes | None]]:
    """Run every check; return (check, severity, code, message, anchor WKB) per problem."""
    problems = []
    profile = store_profile(conn)
    classes = store_class_table(conn, profile)
    with conn.cursor() as cur:
        cur.execute("SELECT code, profile, ST_AsBinary(citygrid.component_anchor(geom)) FROM citygrid.component "
                    "WHERE retired_at IS NULL")
        for code, row_profile, wkb in cur.fetchall():
            found = validate_component_code(code, profile=row_profile,
                                            classes=classes if row_profile == profile else None)
            if found:
                message = check_message("code_malformed", (code, "; ".join(p.message for p in found)))
                problems.append(("code_malformed", "error", code, message, bytes(wkb)))
        cur.execute("SELECT citygrid.setting_float('component_duplicate_m', 1.0)")
        tolerance = cur.fetchone()[0]
        for i, (check, severity, sql) in enumerate(CHECKS):
            if progress is not None and progress((i + 1) / (len(CHECKS) + 1)) is False:
                break
            cur.execute(sql, {"tolerance": tolerance})
            for row in cur.fetchall():
                problems.append((check, severity, row[0], check_message(check, row[:-1]),
                                 bytes(row[-1]) if row[-1] is not None else None))
    conn.rollback()
    return problems
