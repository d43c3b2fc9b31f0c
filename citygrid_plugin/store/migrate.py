"""Versioned SQL migrations of the CityGrid store (schema ``citygrid``).

Migrations are plain SQL files ``migrations/NNN_name.sql``, applied in version order, all
pending ones inside one transaction (an upgrade is all or nothing), each recorded in
``citygrid.schema_migration`` with the SHA-256 of its text. Re-running is a no-op. A file
whose text changed after it was applied is refused, because the store would no longer be
what the files describe: schema changes go into a new migration.

Templates: ``{{srid}}`` in a migration is replaced by the store's CRS (EPSG code), chosen
when the store is created and recorded in ``citygrid.store_setting``. The checksum is taken
over the template (line endings normalised), so it does not depend on the CRS or on a
Windows checkout.

Functions: each SQL function's current body lives in exactly one file,
``sql/functions/<name>.sql`` (``CREATE OR REPLACE FUNCTION citygrid.<name>(…)`` with its
security attributes). Migrations hold only schema changes; when a store is at the latest
migration, every function file whose SHA-256 differs from the one recorded in
``citygrid.schema_function`` is applied, in the same transaction as the migrations (with
``check_function_bodies`` off, so their order does not matter). A change of a function's
arguments or result type needs a migration that drops the old signature first (CREATE OR REPLACE
cannot change them). When the store's group roles exist (citygrid:setuproles ran before),
``roles.sql`` is applied again at the end of an upgrade that changed something, so a function
created anew gets its grants back.

Concurrent upgrades (two administrators at once) serialise on an advisory lock.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.i18n import tr
from .roles import ROLES_SQL

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
FUNCTIONS_DIR = Path(__file__).parent / "sql" / "functions"
SCHEMA = "citygrid"
DEFAULT_SRID = 4544  # CGCS2000 / 3-degree Gauss-Kruger CM 105E (Chengdu, Chongqing west...)
_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
_LOCK_KEY = 7_410_221  # pg_advisory_xact_lock key for store upgrades

_BOOTSTRAP = f"""
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE TABLE IF NOT EXISTS {SCHEMA}.schema_migration (
    version     integer PRIMARY KEY,
    name        text NOT NULL,
    checksum    text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    applied_by  text NOT NULL DEFAULT current_user
);
"""


class MigrationError(RuntimeError):
    """The store cannot be created or upgraded; the message says why and what to do."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path
    text: str
    checksum: str

    @property
    def filename(self) -> str:
        return self.path.name

    def render(self, srid: int) -> str:
        return self.text.replace("{{srid}}", str(int(srid)))


@dataclass(frozen=True)
class FunctionFile:
    name: str
    path: Path
    text: str
    checksum: str


@dataclass
class UpgradeResult:
    version_before: int
    version_after: int
    applied: list[Migration] = field(default_factory=list)
    srid: int = DEFAULT_SRID
    functions: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.applied or self.functions)


def checksum(text: str) -> str:
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def discover(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """All migrations in *directory*, ordered; refuses gaps, duplicates and odd names."""
    found: dict[int, Migration] = {}
    for path in sorted(directory.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise MigrationError(
                tr("migration file name '{name}' must look like 001_short_name.sql").format(name=path.name))
        version = int(match.group(1))
        if version in found:
            raise MigrationError(tr("two migrations share version {version}: {a} and {b}").format(
                version=version, a=found[version].filename, b=path.name))
        text = path.read_text(encoding="utf-8")
        found[version] = Migration(version, match.group(2), path, text, checksum(text))
    ordered = [found[v] for v in sorted(found)]
    for expected, migration in enumerate(ordered, start=1):
        if migration.version != expected:
            raise MigrationError(tr("migration {expected:03d} is missing (found {name})").format(
                expected=expected, name=migration.filename))
    return ordered


def discover_functions(directory: Path | None = None) -> list[FunctionFile]:
    """The function files (default :data:`FUNCTIONS_DIR`), by name; each ``<name>.sql`` must
    define ``citygrid.<name>`` and nothing else, so a function's body can only be in one place."""
    directory = FUNCTIONS_DIR if directory is None else directory
    found = []
    for path in sorted(directory.glob("*.sql")):
        name = path.stem
        text = path.read_text(encoding="utf-8")
        defined = set(re.findall(r"CREATE\s+OR\s+REPLACE\s+FUNCTION\s+citygrid\.(\w+)\s*\(", text))
        if defined != {name}:
            raise MigrationError(tr("function file {file} must define exactly the function citygrid.{name} "
                                    "(it defines: {found})").format(file=path.name, name=name,
                                                                     found=", ".join(sorted(defined)) or "none"))
        found.append(FunctionFile(name, path, text, checksum(text)))
    return found


def _apply_functions(cur, functions: list[FunctionFile]) -> list[str]:
    """Apply the function files whose text differs from the recorded one; their names."""
    cur.execute(f"SELECT name, checksum FROM {SCHEMA}.schema_function")  # nosec B608
    recorded = dict(cur.fetchall())
    changed = [f for f in functions if recorded.get(f.name) != f.checksum]
    if not changed:
        return []
    cur.execute("SET LOCAL check_function_bodies = off")
    for f in changed:
        try:
            cur.execute(f.text)
        except Exception as exc:  # psycopg2.Error, with the server's message
            raise MigrationError(tr("function file {file} failed: {error}").format(
                file=f.path.name, error=str(exc).strip())) from exc
        cur.execute(f"INSERT INTO {SCHEMA}.schema_function (name, checksum) VALUES (%s, %s) "  # nosec B608
                    "ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now(), "
                    "applied_by = current_user", (f.name, f.checksum))
    cur.execute("SET LOCAL check_function_bodies = on")
    # a function created anew is executable by PUBLIC until revoked; roles.sql grants what each role needs
    cur.execute(f"REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA {SCHEMA} FROM PUBLIC")
    return [f.name for f in changed]


# Component serial sequence names as the store makes them. Before migration 012 a caller could
# pass any text as a class code and have it spliced into the name; migration 011 executes the
# recorded names again, so a store holding any other name is not upgraded until a person looks.
_SERIAL_NAME = re.compile(r"^citygrid\.component_seq_[0-9]{6}_[0-9]{4}_[0-9]{4,5}$")


def _check_serial_names(cur) -> None:
    cur.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.component_serial",))
    if cur.fetchone()[0] is None:
        return
    cur.execute(f"SELECT sequence_name FROM {SCHEMA}.component_serial")  # nosec B608
    bad = [name for (name,) in cur.fetchall() if not _SERIAL_NAME.match(name)]
    if bad:
        raise MigrationError(tr(
            "the store lists component serial sequences that CityGrid did not make: {names}. They come from "
            "text passed as a class code (an injection attempt through next_component_code); nothing was "
            "upgraded. Have the database administrator check the roles and objects of this server, delete "
            "these rows from citygrid.component_serial, and upgrade again").format(
            names=", ".join(repr(n) for n in bad[:5])))


def _applied(cur) -> dict[int, tuple[str, str]]:
    cur.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.schema_migration",))
    if cur.fetchone()[0] is None:
        return {}
    cur.execute(f"SELECT version, name, checksum FROM {SCHEMA}.schema_migration ORDER BY version")  # nosec B608
    return {v: (n, c) for v, n, c in cur.fetchall()}


def _check_applied(applied: dict[int, tuple[str, str]], migrations: list[Migration]) -> None:
    by_version = {m.version: m for m in migrations}
    for version, (name, recorded) in sorted(applied.items()):
        migration = by_version.get(version)
        if migration is None:
            raise MigrationError(tr(
                "the store is at migration {version:03d} ({name}), newer than this copy of CityGrid "
                "knows (latest {latest:03d}); upgrade the plugin before using this store").format(
                version=version, name=name, latest=migrations[-1].version if migrations else 0))
        if migration.checksum != recorded:
            raise MigrationError(tr(
                "migration {file} was changed after it was applied to this store (applied checksum "
                "{old:.12}, file checksum {new:.12}); restore the original file and put schema changes "
                "in a new migration").format(file=migration.filename, old=recorded, new=migration.checksum))


def store_version(conn) -> int:
    """Highest applied migration, 0 for a database without a CityGrid store."""
    with conn.cursor() as cur:
        applied = _applied(cur)
    conn.rollback()
    return max(applied, default=0)


def store_srid(conn) -> int | None:
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.store_setting",))
        if cur.fetchone()[0] is None:
            conn.rollback()
            return None
        cur.execute(f"SELECT value::integer FROM {SCHEMA}.store_setting WHERE key = 'srid'")  # nosec B608
        row = cur.fetchone()
    conn.rollback()
    return row[0] if row else None


def pending(conn, migrations: list[Migration] | None = None) -> list[Migration]:
    """Migrations not yet applied (after checking the applied ones are untouched)."""
    migrations = discover() if migrations is None else migrations
    with conn.cursor() as cur:
        applied = _applied(cur)
    conn.rollback()
    _check_applied(applied, migrations)
    return [m for m in migrations if m.version not in applied]


def upgrade(conn, srid: int | None = None, migrations: list[Migration] | None = None,
            target: int | None = None) -> UpgradeResult:
    """Create or upgrade the store on psycopg2 connection *conn*.

    *srid* is the store CRS for a new store (default EPSG:4544); for an existing store it
    must be omitted or equal the recorded one. *target* stops at that version (tests use it
    to build an old store and upgrade it). The whole upgrade is one transaction.
    """
    migrations = discover() if migrations is None else migrations
    if target is not None:
        migrations = [m for m in migrations if m.version <= target]
    conn.rollback()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            cur.execute(_BOOTSTRAP)
            applied = _applied(cur)
            _check_applied(applied, discover() if target is not None else migrations)
            before = max(applied, default=0)
            existing = None
            if applied:
                cur.execute(f"SELECT value::integer FROM {SCHEMA}.store_setting WHERE key = 'srid'")  # nosec B608
                row = cur.fetchone()
                existing = row[0] if row else None
            if existing is not None and srid is not None and int(srid) != existing:
                raise MigrationError(tr(
                    "this store uses EPSG:{existing}; it cannot be changed to EPSG:{wanted}. "
                    "Reproject the data into a new store instead").format(existing=existing, wanted=srid))
            use_srid = existing or int(srid or DEFAULT_SRID)
            _check_srid(cur, use_srid)
            if before < 12:
                _check_serial_names(cur)
            done: list[Migration] = []
            for migration in migrations:
                if migration.version in applied:
                    continue
                try:
                    cur.execute(migration.render(use_srid))
                except Exception as exc:  # psycopg2.Error, with the server's message
                    raise MigrationError(tr("migration {file} failed: {error}").format(
                        file=migration.filename, error=str(exc).strip())) from exc
                cur.execute(
                    f"INSERT INTO {SCHEMA}.schema_migration (version, name, checksum) VALUES (%s, %s, %s)",  # nosec B608
                    (migration.version, migration.name, migration.checksum))
                done.append(migration)
            after = max([before] + [m.version for m in done])
            functions: list[str] = []
            latest = discover()[-1].version
            if after == latest:
                functions = _apply_functions(cur, discover_functions())
                if done or functions:
                    _reapply_roles(cur)
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return UpgradeResult(before, after, done, use_srid, functions)


def _reapply_roles(cur) -> None:
    """Grants of functions created anew are lost: re-apply roles.sql if the roles were set up."""
    cur.execute("SELECT to_regrole('citygrid_admin') IS NOT NULL")
    if cur.fetchone()[0]:
        try:
            cur.execute(ROLES_SQL.read_text(encoding="utf-8"))
        except Exception as exc:  # psycopg2.Error
            raise MigrationError(tr("the store was upgraded but its roles could not be granted again: {error} "
                                    "(upgrade as the store owner with the CREATEROLE privilege)").format(
                error=str(exc).strip())) from exc


def _check_srid(cur, srid: int) -> None:
    """The store CRS must be a projected CRS in metres known to PostGIS."""
    cur.execute("SELECT srtext FROM spatial_ref_sys WHERE srid = %s", (srid,))
    row = cur.fetchone()
    if row is None:
        raise MigrationError(tr("EPSG:{srid} is not a CRS PostGIS knows").format(srid=srid))
    if not row[0].startswith("PROJCS") or 'UNIT["metre"' not in row[0]:
        raise MigrationError(tr(
            "EPSG:{srid} is not a projected CRS in metres; use the CGCS2000 3-degree Gauss-Krüger "
            "zone of the district (e.g. EPSG:4544 for 105°E)").format(srid=srid))
