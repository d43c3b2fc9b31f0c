"""``citygrid`` command line: the private cluster and the store, without QGIS.

    ./citygrid db up|down|status|psql [args]   the private PostgreSQL + PostGIS cluster
    ./citygrid db backup FILE                   pg_dump of the store (custom format), never overwriting FILE
    ./citygrid db restore FILE DBNAME           pg_restore of FILE into a new database DBNAME, all or nothing
    ./citygrid store upgrade [--srid 4544]      create or upgrade the store (migrations + code tables)
    ./citygrid store status                     version, CRS and counts
    ./citygrid serve open311 [--host H] [--port 8311] [--threads 8] [--jurisdiction ID]
                                                the Open311 GeoReport v2 HTTP service
    ./citygrid open311 add-client NAME [--rate 60] [--disable] [--keep-key]
                                                add or change a client app (its API key shown once)
    ./citygrid open311 add-login LOGIN           the service's own login (password from
                                                $CITYGRID_OPEN311_PASSWORD or asked)
    ./citygrid open311 clients                  the client apps

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


def cmd_serve(args) -> int:
    from .open311.server import check_login, make_server

    dsn = _dsn(args)
    for warning in check_login(dsn):
        print(f"citygrid: {warning}", file=sys.stderr)
    server, pool = make_server(dsn, host=args.host, port=args.port, threads=args.threads,
                               jurisdiction=args.jurisdiction)
    print(tr("Open311 GeoReport v2 service on http://{host}:{port}/ (services.json, requests.json); "
             "Ctrl+C stops it").format(host=args.host, port=server.effective_port), flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        pool.close()
    return 0


def cmd_open311(args) -> int:
    from .store import open311

    conn = db.connect(_dsn(args))
    try:
        if args.action == "add-client":
            if not args.name:
                raise db.StoreError(tr("usage: citygrid open311 add-client NAME [--rate N]"))
            key = open311.save_client(conn, args.name, rate_per_minute=args.rate, enabled=not args.disable,
                                      new_key=not args.keep_key)
            print(tr("client app {name}: {rate} new reports per minute, {state}").format(
                name=args.name, rate=args.rate, state=tr("disabled") if args.disable else tr("enabled")))
            if key:
                print(tr("API key (shown once, the store keeps only its SHA-256): {key}").format(key=key))
        elif args.action == "add-login":
            if not args.name:
                raise db.StoreError(tr("usage: citygrid open311 add-login LOGIN"))
            import getpass

            password = os.environ.get("CITYGRID_OPEN311_PASSWORD") or getpass.getpass(tr("password: "))
            open311.save_service_login(conn, args.name, password)
            print(tr("login {login} is the Open311 service's (citygrid_open311 only)").format(login=args.name))
        else:
            for c in open311.clients(conn):
                print(f"{c.name:30s} {c.rate_per_minute:6d}/min {'on ' if c.enabled else 'off'} "
                      f"{c.created_by} {c.created_at:%Y-%m-%d %H:%M}")
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
    p_serve = sub.add_parser("serve", help="run a service over the store")
    p_serve.add_argument("what", choices=["open311"])
    p_serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p_serve.add_argument("--port", type=int, default=8311, help="port (default 8311; 0: a free one)")
    p_serve.add_argument("--threads", type=int, default=8, help="worker threads = store connections (default 8)")
    p_serve.add_argument("--jurisdiction", default=None, help="the jurisdiction_id this service answers for")
    p_serve.set_defaults(func=cmd_serve)
    p_o311 = sub.add_parser("open311", help="Open311 client apps and the service's login")
    p_o311.add_argument("action", choices=["add-client", "add-login", "clients"])
    p_o311.add_argument("name", nargs="?", help="client app name or login")
    p_o311.add_argument("--rate", type=int, default=60, help="new reports per minute (default 60)")
    p_o311.add_argument("--disable", action="store_true", help="block the app's key")
    p_o311.add_argument("--keep-key", action="store_true", help="change the app, keep its key")
    p_o311.set_defaults(func=cmd_open311)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (ClusterError, db.StoreError, migrate.MigrationError) as exc:
        print(f"citygrid: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
