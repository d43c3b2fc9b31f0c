"""Administrative divisions in the store: district (区县), streets (街道) and communities (社区).

:func:`upsert_divisions` loads one district with its streets and communities as one batch:
every code and geometry is checked first and all problems are reported together, naming the
feature; nothing is written unless the whole batch is good. Existing rows with the same codes
are updated (boundaries, names), so re-importing a corrected layer is the way to fix one.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core import codes
from ..core.i18n import tr
from .db import StoreError, reading, transaction


@dataclass
class DivisionRecord:
    """One division. ``codes`` holds what identifies it: (district,), (district, street) or
    (district, street, community). ``wkb`` is its boundary in the store CRS (or None).
    ``ref`` says where it came from (layer and feature id) for messages."""

    codes: tuple[str, ...]
    name: str
    wkb: bytes | None = None
    note: str | None = None
    ref: str = ""

    @property
    def label(self) -> str:
        return "/".join(self.codes) + (f" {self.name}" if self.name else "")


@dataclass
class AreaDivisions:
    """The divisions of an area as maps draw them: district code → name (all of the store), and
    the streets (full code, name, district code, WKB) and communities (full code, name, street
    full code, WKB) with a boundary, in code order."""

    districts: dict[str, str]
    streets: list[tuple[str, str, str, bytes]]
    communities: list[tuple[str, str, str, bytes]]


@dataclass
class DivisionReport:
    districts: int = 0
    streets: int = 0
    communities: int = 0
    warnings: list[str] = field(default_factory=list)


def _code_problems(record: DivisionRecord) -> list[str]:
    checks = (codes.validate_district_code, codes.validate_street_code, codes.validate_community_code)
    out = []
    for value, check in zip(record.codes, checks):
        out.extend(p.message for p in check(value))
    return out


def upsert_divisions(conn, district: DivisionRecord, streets: list[DivisionRecord],
                     communities: list[DivisionRecord], profile: str = "2013") -> DivisionReport:
    problems: list[str] = []
    where = lambda r: f"{r.ref or r.label}"  # noqa: E731
    for record in [district, *streets, *communities]:
        for message in _code_problems(record):
            problems.append(f"{where(record)}: {message}")
        if not (record.name or "").strip():
            problems.append(tr("{where}: the name is empty").format(where=where(record)))
    dcode = district.codes[0]
    street_keys = set()
    for s in streets:
        if s.codes[0] != dcode:
            problems.append(tr("{where}: street belongs to district {other}, not {district}").format(
                where=where(s), other=s.codes[0], district=dcode))
        if s.codes in street_keys:
            problems.append(tr("{where}: street code {code} appears twice").format(where=where(s), code=s.codes[1]))
        street_keys.add(s.codes)
    seen = set()
    for c in communities:
        if c.codes[:2] not in street_keys:
            problems.append(tr("{where}: community refers to street {street}, which is not in the streets layer")
                            .format(where=where(c), street=c.codes[1]))
        if c.codes in seen:
            problems.append(tr("{where}: community code {code} appears twice in street {street}").format(
                where=where(c), code=c.codes[2], street=c.codes[1]))
        seen.add(c.codes)

    report = DivisionReport()
    with transaction(conn, tr("divisions not loaded: {error}")) as cur:
        cur.execute("SELECT citygrid.store_srid()")
        srid = cur.fetchone()[0]
        for record in [district, *streets, *communities]:
            if record.wkb is None:
                continue
            cur.execute("SELECT ST_IsValidReason(g), GeometryType(g), ST_IsEmpty(g) "
                        "FROM (SELECT ST_GeomFromWKB(%s) AS g) s", (record.wkb,))
            reason, gtype, empty = cur.fetchone()
            if gtype not in ("POLYGON", "MULTIPOLYGON"):
                problems.append(tr("{where}: boundary must be a polygon, got {type}").format(
                    where=where(record), type=gtype))
            elif empty:
                problems.append(tr("{where}: boundary is empty").format(where=where(record)))
            elif reason != "Valid Geometry":
                problems.append(tr("{where}: boundary is invalid ({reason}); repair it, e.g. with "
                                   "Processing ▸ Fix geometries").format(where=where(record), reason=reason))
        if problems:
            raise StoreError("\n".join(problems))

        cur.execute("""
            INSERT INTO citygrid.district (code, name, profile, boundary, note)
            VALUES (%s, %s, %s, ST_Multi(ST_GeomFromWKB(%s, %s)), %s)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, boundary = EXCLUDED.boundary,
                note = EXCLUDED.note""",
                    (dcode, district.name.strip(), profile, district.wkb, srid, district.note))
        report.districts = 1
        for s in streets:
            cur.execute("""
                INSERT INTO citygrid.street (district_code, code, name, boundary, note)
                VALUES (%s, %s, %s, ST_Multi(ST_GeomFromWKB(%s, %s)), %s)
                ON CONFLICT (district_code, code) DO UPDATE SET name = EXCLUDED.name,
                    boundary = EXCLUDED.boundary, note = EXCLUDED.note""",
                        (dcode, s.codes[1], s.name.strip(), s.wkb, srid, s.note))
            report.streets += 1
        for c in communities:
            cur.execute("""
                INSERT INTO citygrid.community (district_code, street_code, code, name, boundary, note)
                VALUES (%s, %s, %s, %s, ST_Multi(ST_GeomFromWKB(%s, %s)), %s)
                ON CONFLICT (district_code, street_code, code) DO UPDATE SET name = EXCLUDED.name,
                    boundary = EXCLUDED.boundary, note = EXCLUDED.note""",
                        (dcode, c.codes[1], c.codes[2], c.name.strip(), c.wkb, srid, c.note))
            report.communities += 1
        # Topology warnings (not errors: boundaries from different offices rarely agree to
        # the centimetre); partitioning later needs communities that tile without overlap.
        cur.execute("""
            SELECT a.full_code, b.full_code, ST_Area(ST_Intersection(a.boundary, b.boundary))
            FROM citygrid.community a JOIN citygrid.community b
              ON a.district_code = %s AND b.district_code = a.district_code
             AND a.full_code < b.full_code AND ST_Intersects(a.boundary, b.boundary)
            WHERE ST_Area(ST_Intersection(a.boundary, b.boundary)) > 1.0""", (dcode,))
        for a, b, area in cur.fetchall():
            report.warnings.append(tr("communities {a} and {b} overlap by {area:.1f} m²").format(
                a=a, b=b, area=area))
        cur.execute("""
            SELECT c.full_code, ST_Area(ST_Difference(c.boundary, s.boundary))
            FROM citygrid.community c JOIN citygrid.street s
              ON s.district_code = c.district_code AND s.code = c.street_code
            WHERE c.district_code = %s AND ST_Area(ST_Difference(c.boundary, s.boundary)) > 1.0""", (dcode,))
        for code, area in cur.fetchall():
            report.warnings.append(tr("community {code} extends {area:.1f} m² outside its street").format(
                code=code, area=area))
    return report


def area_divisions(conn, area: str = "") -> AreaDivisions:
    """The districts of the store and the streets and communities of *area* (a 6-digit district,
    9-digit street or 12-digit community code; empty: the whole store), boundaries as
    multipolygon WKB."""
    with reading(conn) as cur:
        cur.execute("SELECT code, name FROM citygrid.district ORDER BY code")
        districts = dict(cur.fetchall())
        cur.execute("SELECT full_code, name, district_code, ST_AsBinary(ST_Multi(boundary)) "
                    "FROM citygrid.street WHERE boundary IS NOT NULL AND left(full_code, %s) = %s "
                    "ORDER BY full_code", [min(len(area), 9), area[:9]])
        streets = cur.fetchall()
        cur.execute("SELECT full_code, name, district_code || street_code, "
                    "ST_AsBinary(ST_Multi(boundary)) FROM citygrid.community "
                    "WHERE boundary IS NOT NULL AND left(full_code, %s) = %s ORDER BY full_code",
                    [min(len(area), 12), area[:12]])
        communities = cur.fetchall()
    return AreaDivisions(districts, streets, communities)
