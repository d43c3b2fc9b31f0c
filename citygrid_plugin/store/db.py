"""Connections to the store: a libpq DSN from a pg_service name, an explicit DSN, or the
private cluster. QGIS connection names are resolved in :mod:`citygrid_plugin.connections`
(it needs qgis); this module stays importable without QGIS for the CLI.

Passwords are never taken here: use pg_service/pgpass or QGIS's authentication database.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg2

from ..core.i18n import tr
from .cluster import DEFAULT_DBNAME, PrivateCluster


class StoreError(RuntimeError):
    """A store operation failed; the message is for a GIS technician."""


def service_dsn(service: str) -> str:
    service = service.strip()
    if not service:
        raise StoreError(tr("the pg_service name is empty"))
    return f"service={service}"


def connect(dsn: str, application: str = "CityGrid", connect_timeout: int = 10, **options):
    """Open a psycopg2 connection (autocommit off) with a clear error when it fails. *options* are
    libpq parameters (e.g. TCP keepalives for a window that stays open for days)."""
    try:
        conn = psycopg2.connect(dsn, application_name=application, connect_timeout=connect_timeout, **options)
    except psycopg2.OperationalError as exc:
        raise StoreError(tr("cannot connect to the store ({target}): {error}").format(
            target=describe(dsn), error=str(exc).strip())) from exc
    with conn.cursor() as cur:
        cur.execute("SET TIME ZONE 'Asia/Shanghai'")
    conn.commit()
    return conn


@contextmanager
def connection(dsn: str) -> Iterator:
    conn = connect(dsn)
    try:
        yield conn
    finally:
        conn.close()


# SQLSTATEs that are faults of the store or the network, not of the data being written
READ_ONLY = "25006"          # read_only_sql_transaction: default_transaction_read_only, a hot standby
DISK_FULL = "53100"          # disk_full on the server
_LOST_CODES = ("57P01", "57P02", "57P03")  # admin/crash shutdown, cannot connect now


def connection_lost(exc, conn=None) -> bool:
    """Did *exc* end the connection (server restart, backend terminated, network down)?"""
    if conn is not None and conn.closed:
        return True
    code = getattr(exc, "pgcode", None)
    if code in _LOST_CODES or (code or "").startswith("08"):
        return True
    return isinstance(exc, psycopg2.OperationalError | psycopg2.InterfaceError) and code is None


def store_fault(exc, conn=None) -> bool:
    """Is *exc* a fault of the store (read-only, disk full, connection lost), not of the data?"""
    return getattr(exc, "pgcode", None) in (READ_ONLY, DISK_FULL) or connection_lost(exc, conn)


def primary_message(exc) -> str:
    """The server's primary message of a database error (without DETAIL, HINT and CONTEXT),
    else the error's text."""
    diag = getattr(exc, "diag", None)
    return (getattr(diag, "message_primary", None) or str(exc)).strip()


def describe_error(exc, conn=None) -> str:
    """A database error as a GIS technician needs it. Faults of the store rather than of the data
    say so and say what happened to the change: a read-only store (SQLSTATE 25006), a full disk
    on the server (53100), a lost connection (the server rolls an unfinished transaction back,
    so nothing was changed). Anything else is the server's own message."""
    primary = primary_message(exc)
    code = getattr(exc, "pgcode", None)
    if code == READ_ONLY:
        return tr("the store is read-only ({error}): nothing was changed").format(error=primary)
    if code == DISK_FULL:
        return tr("the store's disk is full ({error}): nothing was changed; ask the database administrator "
                  "to free space").format(error=primary)
    if connection_lost(exc, conn):
        first = (primary.splitlines() or [type(exc).__name__])[0].strip()
        return tr("the connection to the store was lost ({error}): nothing was changed (the server rolls "
                  "an unfinished transaction back); reconnect and try again").format(error=first)
    return str(exc).strip()


def rollback(conn) -> None:
    """Roll back if the connection is still there (a lost connection was rolled back by the
    server); never raises, so it cannot hide the error being handled."""
    if conn.closed:
        return
    try:
        conn.rollback()
    except (psycopg2.OperationalError, psycopg2.InterfaceError):
        pass


@contextmanager
def reading(conn) -> Iterator:
    """A cursor for a read. Its transaction is ended afterwards (docks keep their connection for
    days, so no snapshot may stay open), and a database error becomes a :class:`StoreError`
    worded by :func:`describe_error` (a lost connection or a read-only store says so)."""
    try:
        with conn.cursor() as cur:
            yield cur
    except psycopg2.Error as exc:
        rollback(conn)
        raise StoreError(describe_error(exc, conn)) from exc
    rollback(conn)


@contextmanager
def transaction(conn, failure: str) -> Iterator:
    """A cursor whose work is committed on success and rolled back on any error, so a batch is
    all or nothing. Database errors become :class:`StoreError` with *failure* (an already
    translated template with ``{error}``) filled in by :func:`describe_error`. When the
    connection is lost during the COMMIT itself, the outcome is unknown and the message says so."""
    try:
        with conn.cursor() as cur:
            yield cur
    except BaseException as exc:
        rollback(conn)
        if isinstance(exc, psycopg2.Error):
            raise StoreError(failure.format(error=describe_error(exc, conn))) from exc
        raise
    try:
        conn.commit()
    except psycopg2.Error as exc:
        rollback(conn)
        if connection_lost(exc, conn):
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            error = tr("the connection to the store was lost while committing ({error}): the change may or may "
                       "not have been saved; look in the store before trying again").format(error=first)
        else:
            error = describe_error(exc, conn)
        raise StoreError(failure.format(error=error)) from exc


def describe(dsn: str) -> str:
    """The DSN without secrets, for messages and logs."""
    parts = []
    for item in dsn.split():
        key = item.split("=", 1)[0]
        if key in ("password", "sslkey", "sslpassword"):
            continue
        parts.append(item)
    return " ".join(parts)


def default_dsn(dbname: str | None = None) -> str:
    """The DSN the command line uses: ``$CITYGRID_PGSERVICE``, ``$CITYGRID_DSN``, else the
    private cluster (started if needed)."""
    if os.environ.get("CITYGRID_PGSERVICE"):
        return service_dsn(os.environ["CITYGRID_PGSERVICE"])
    if os.environ.get("CITYGRID_DSN"):
        return os.environ["CITYGRID_DSN"]
    cluster = PrivateCluster.default()
    cluster.up()
    cluster.ensure_database(dbname or DEFAULT_DBNAME)
    return cluster.dsn(dbname or DEFAULT_DBNAME)
