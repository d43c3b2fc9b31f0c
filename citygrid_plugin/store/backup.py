"""Backup and restore of a store (``./citygrid db backup|restore``): ``pg_dump --format=custom``
into a private file, and ``pg_restore`` into a new database in one transaction (SECURITY.md,
"Backup and restore")."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import psycopg2
from psycopg2 import sql
from psycopg2.extensions import make_dsn

from ..core.i18n import tr
from . import db
from .cluster import ClusterError, _pg_bindir


def _client(name: str) -> str:
    """pg_dump/pg_restore: the server's own binaries when installed here (the private cluster's
    version), else the first on PATH."""
    try:
        candidate = _pg_bindir() / name
        if candidate.exists():
            return str(candidate)
    except ClusterError:
        pass
    found = shutil.which(name)
    if not found:
        raise db.StoreError(tr("{program} not found; install the PostgreSQL client (postgresql-client-15)").format(
            program=name))
    return found


def _tail(proc: subprocess.CompletedProcess) -> str:
    return (proc.stderr or proc.stdout or "").strip()[-1500:]


def backup_store(dsn: str, path: str | Path) -> Path:
    """``pg_dump --format=custom`` of the store's database into *path*: schema, data, sequences,
    grants and row-level security policies (the server-wide roles and database settings are
    not in it). Written beside *path* first and renamed when complete, so *path* is either a
    whole backup or absent; an existing file is never overwritten. The file is readable by its
    owner only (mode 0600): it holds every case, reporter and audit row. It holds no secret
    (the store has none since migration 012; the transient internal-mode table is left out).
    A platform's subscriptions are left out too (their connection strings hold the replication
    logins' passwords, and a restored copy must not start taking the city's hand-overs by itself):
    a district restored from a backup is linked again (``./citygrid platform link --resync``)."""
    path = Path(path)
    if path.exists():
        raise db.StoreError(tr("{path} already exists; a backup is never overwritten: choose another name").format(
            path=path))
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))  # pg_dump keeps the mode
    proc = subprocess.run([_client("pg_dump"), "--format=custom", "--file", str(partial),
                           "--exclude-table-data=citygrid.internal_mode", "--no-subscriptions", "--dbname", dsn],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        partial.unlink(missing_ok=True)
        raise db.StoreError(tr("backup of {target} failed, nothing was written: {error}").format(
            target=db.describe(dsn), error=_tail(proc)))
    os.chmod(partial, 0o600)
    partial.rename(path)
    return path


# the roles CityGrid itself makes, which a store's grants and row policies name: the group roles of
# roles.sql and the replication logins of store/platform.py (per district code)
_OWN_ROLE = re.compile(r"citygrid_(admin|gis_editor|surveyor|operator|shift_leader|dispatcher|department|supervisor|"
                       r"analyst|bigscreen|office|leader|open311|repl_[0-9]{6}|feed_[0-9]{6})")
_GRANTEE = re.compile(r"\b(?:TO|FROM)\s+(citygrid_[a-z0-9_]+)\b")


def _group_roles(cur, path: Path) -> list[str]:
    """Make the CityGrid roles the backup's grants and policies name and this server lacks (a
    store restored on a new machine), without login: the groups as roles.sql makes them, the
    replication logins to be given a password again by `./citygrid platform link`. People's own
    logins are never in a backup's grants (they are members of the groups). Returns the roles made."""
    script = subprocess.run([_client("pg_restore"), "--schema-only", "--file", "-", str(path)],
                            capture_output=True, text=True)
    made = []
    for role in sorted({m.group(1) for m in _GRANTEE.finditer(script.stdout or "")}):
        if not _OWN_ROLE.fullmatch(role):
            continue
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
        if not cur.fetchone():
            cur.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
            made.append(role)
    return made


def restore_store(dsn: str, path: str | Path, dbname: str) -> str:
    """Restore the backup *path* into a new database *dbname* on the server of *dsn*, in one
    transaction (``pg_restore --single-transaction --exit-on-error``): a failed restore leaves no
    database behind. The CityGrid group roles and replication logins its grants name are made
    first when the server lacks them (a new machine; see :func:`_group_roles`). Returns the DSN of
    the restored store."""
    path = Path(path)
    if not path.is_file():
        raise db.StoreError(tr("{path} does not exist").format(path=path))
    listed = subprocess.run([_client("pg_restore"), "--list", str(path)], capture_output=True, text=True)
    if listed.returncode != 0:
        raise db.StoreError(tr("{path} is not a backup made by `citygrid db backup` (pg_dump --format=custom): "
                               "{error}").format(path=path, error=_tail(listed)))
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,62}", dbname or ""):
        raise db.StoreError(tr("database name '{name}' must be letters, digits and _ (at most 63)").format(
            name=dbname))
    admin = db.connect(make_dsn(dsn, dbname="postgres"))
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,))
            if cur.fetchone():
                raise db.StoreError(tr("database {name} already exists; restore into a new database").format(
                    name=dbname))
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
            _group_roles(cur, path)
        target = make_dsn(dsn, dbname=dbname)
        proc = subprocess.run([_client("pg_restore"), "--exit-on-error", "--single-transaction", "--dbname", target,
                               str(path)], capture_output=True, text=True)
        if proc.returncode != 0:
            with admin.cursor() as cur:
                cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))
            missing = re.search(r'role "([^"]+)" does not exist', proc.stderr or "")
            if missing:
                raise db.StoreError(tr("restore failed, nothing was restored: role {role} does not exist on this "
                                       "server; create the roles first (pg_dumpall --roles-only on the old server, "
                                       "then psql on this one)").format(role=missing.group(1)))
            raise db.StoreError(tr("restore failed, nothing was restored: {error}").format(error=_tail(proc)))
    except psycopg2.Error as exc:
        raise db.StoreError(tr("restore failed, nothing was restored: {error}").format(
            error=db.describe_error(exc))) from exc
    finally:
        admin.close()
    return target
