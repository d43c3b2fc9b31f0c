"""``citygrid`` command line: the private cluster and the store, without QGIS.

    ./citygrid db up|down|status|psql [args]   the private PostgreSQL + PostGIS cluster
    ./citygrid db backup FILE                   pg_dump of the store (custom format), never overwriting FILE
    ./citygrid db restore FILE DBNAME           pg_restore of FILE into a new database DBNAME, all or nothing
    ./citygrid store upgrade [--srid 4544]      create or upgrade the store (migrations + code tables)
    ./citygrid store status                     version, CRS and counts

Target: the private cluster by default; ``--service NAME`` (or ``$CITYGRID_PGSERVICE``) for a
pg_service entry, ``--dsn`` (or ``$CITYGRID_DSN``) for a libpq connection string. Exit status
is non-zero with a one-line reason on failure.
"""
from __future__ import annotations

import argparse
import os
import sys

from .core.i18n import tr
from .store import db, migrate, reference, summary
from .store.backup import backup_store, restore_store
from .store.cluster import DEFAULT_DBNAME, ClusterError, PrivateCluster

__all__ = ["backup_store", "main", "restore_store"]


def _dsn(args) -> str:
    if args.service:
        return db.service_dsn(args.service)
    if args.dsn:
        return args.dsn
    return db.default_dsn(args.dbname)


def cmd_backup(args) -> int:
    if args.action == "backup":
        if len(args.rest) != 1:
            raise db.StoreError(tr("usage: citygrid db backup FILE"))
        path = backup_store(_dsn(args), args.rest[0])
        print(tr("backup written: {path} ({size} KB)").format(path=path, size=path.stat().st_size // 1024))
        return 0
    if len(args.rest) != 2:
        raise db.StoreError(tr("usage: citygrid db restore FILE DBNAME"))
    target = restore_store(_dsn(args), args.rest[0], args.rest[1])
    conn = db.connect(target)
    try:
        info = summary.describe_store(conn)
    finally:
        conn.close()
    print(tr("restored into {target}: store version {version}, EPSG:{srid}").format(
        target=db.describe(target), version=info["version"], srid=info["srid"]))
    return 0


def cmd_db(args) -> int:
    if args.action in ("backup", "restore"):
        return cmd_backup(args)
    cluster = PrivateCluster.default()
    if args.action == "up":
        started = cluster.up()
        cluster.ensure_database(args.dbname)
        print(f"{'started' if started else 'running'}: {cluster.dsn(args.dbname)}")
        print(f"QGIS connection: host={cluster.sockdir} port={cluster.port} user={cluster.user} "
              f"database={args.dbname} (the Unix socket, as this account: no password)")
    elif args.action == "down":
        print("stopped" if cluster.down() else "not running")
    elif args.action == "status":
        state = "running" if cluster.is_running() else ("stopped" if cluster.is_initialised() else "absent")
        print(f"{state}: {cluster.root} port {cluster.port}")
        if state == "running":
            print(cluster.dsn(args.dbname))
        return 0 if state == "running" else 3
    elif args.action == "psql":
        cluster.up()
        os.execvp("psql", ["psql", cluster.dsn(args.dbname), *args.rest])  # nosec B606, B607
    return 0


def cmd_store(args) -> int:
    conn = db.connect(_dsn(args))
    try:
        if args.action == "upgrade":
            result = migrate.upgrade(conn, srid=args.srid)
            if result.applied:
                names = ", ".join(m.filename for m in result.applied)
                print(f"store upgraded {result.version_before} -> {result.version_after}: {names}")
            else:
                print(f"store up to date at version {result.version_after}")
            reports = reference.load_standard_classes(conn)
            for key, r in reports.items():
                print(f"  {key}: {r.inserted} new, {r.updated} updated, {r.unchanged} unchanged")
        info = summary.describe_store(conn)
        print(f"store version {info['version']}, EPSG:{info['srid']}")
        for label, n in info.get("counts", {}).items():
            print(f"  {label:24s} {n:6d}")
    finally:
        conn.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="citygrid", description=__doc__.split("\n")[0])
    parser.add_argument("--service", default=os.environ.get("CITYGRID_PGSERVICE"), help="pg_service name")
    parser.add_argument("--dsn", default=os.environ.get("CITYGRID_DSN"), help="libpq connection string")
    parser.add_argument("--dbname", default=DEFAULT_DBNAME, help="database in the private cluster")
    sub = parser.add_subparsers(dest="command", required=True)
    p_db = sub.add_parser("db", help="the private PostgreSQL cluster")
    p_db.add_argument("action", choices=["up", "down", "status", "psql", "backup", "restore"])
    p_db.add_argument("rest", nargs=argparse.REMAINDER)
    p_db.set_defaults(func=cmd_db)
    p_store = sub.add_parser("store", help="create, upgrade or inspect the store")
    p_store.add_argument("action", choices=["upgrade", "status"])
    p_store.add_argument("--srid", type=int, default=None, help="CRS of a new store (default 4544)")
    p_store.set_defaults(func=cmd_store)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (ClusterError, db.StoreError, migrate.MigrationError) as exc:
        print(f"citygrid: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
