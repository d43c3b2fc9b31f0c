"""Connections to the store: a libpq DSN from a pg_service name, an explicit DSN, or the
private cluster. QGIS connection names are resolved in :mod:`citygrid_plugin.connections`
(it needs qgis); this module stays importable without QGIS for the CLI.

Passwords are never taken here: use pg_service/pgpass or QGIS's authentication database.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from ..core.i18n import tr


class StoreError(RuntimeError):
    """A store operation failed; the message is for a GIS technician."""


def service_dsn(service: str) -> str:
    service = service.strip()
    if not service:
        raise StoreError(tr("the pg_service name is empty"))
    return f"service={service}"


def connect(dsn: str, application: str = "CityGrid"):
    """Open a psycopg2 connection (autocommit off) with a clear error when it fails."""
    import psycopg2

    try:
        conn = psycopg2.connect(dsn, application_name=application, connect_timeout=10)
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


@contextmanager
def transaction(conn, failure: str) -> Iterator:
    """A cursor whose work is committed on success and rolled back on any error, so a batch is
    all or nothing. Database errors become :class:`StoreError` with *failure* (an already
    translated template with ``{error}``) filled in."""
    import psycopg2

    try:
        with conn.cursor() as cur:
            yield cur
        conn.commit()
    except BaseException as exc:
        conn.rollback()
        if isinstance(exc, psycopg2.Error):
            raise StoreError(failure.format(error=str(exc).strip())) from exc
        raise


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
    from .cluster import DEFAULT_DBNAME, PrivateCluster

    cluster = PrivateCluster.default()
    cluster.up()
    cluster.ensure_database(dbname or DEFAULT_DBNAME)
    return cluster.dsn(dbname or DEFAULT_DBNAME)
