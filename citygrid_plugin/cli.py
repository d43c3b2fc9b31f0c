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
    ./citygrid platform init city|district CODE NAME
                                                make this store the city platform or a district platform
    ./citygrid platform link (--district-dsn DSN | --district-dbname DB) [--district-host H] [--district-port P]
                             [--city-host H] [--city-port P] [--resync]
                                                link a district to this city store (two subscriptions)
    ./citygrid platform unlink CODE [--district-dsn DSN | --district-dbname DB]
    ./citygrid platform status                  the city's districts (or, at a district, its link to the city)
    ./citygrid platform handover CODE event|component CLASS X Y DESCRIPTION [--address A] [--urgent]
                             [--reference NO]   hand a case to a district (市级转办)

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


def _district_dsn(args) -> str:
    if args.district_dsn:
        return args.district_dsn
    if args.district_dbname:
        return db.default_dsn(args.district_dbname)
    raise db.StoreError(tr("which district? --district-dsn DSN (a libpq connection string) or --district-dbname "
                           "NAME (a database of the private cluster)"))


def cmd_platform(args) -> int:
    from .store import platform

    rest = args.rest
    conn = db.connect(_dsn(args))
    try:
        if args.action == "init":
            if len(rest) != 3 or rest[0] not in ("city", "district"):
                raise db.StoreError(tr("usage: citygrid platform init city|district CODE NAME"))
            p = platform.init(conn, rest[0], rest[1], rest[2])
            print(tr("this store is now the {kind} platform {code} {name}").format(
                kind=tr("city") if p.kind == "city" else tr("district"), code=p.code, name=p.name))
        elif args.action == "link":
            district = db.connect(_district_dsn(args))
            try:
                result = platform.link(
                    conn, district, resync=args.resync,
                    district_address=platform.address_of(district, args.district_host, args.district_port),
                    city_address=platform.address_of(conn, args.city_host, args.city_port))
            finally:
                district.close()
            if result.created:
                print(tr("district {code} {name} linked in {s:.1f} s: {n} cases at the city").format(
                    code=result.code, name=result.name, s=result.seconds, n=result.cases))
            else:
                print(tr("district {code} {name} is linked and up to date; nothing changed (--resync copies it "
                         "again)").format(code=result.code, name=result.name))
            for note in result.notes:
                print(f"  {note}")
        elif args.action == "unlink":
            if len(rest) != 1:
                raise db.StoreError(tr("usage: citygrid platform unlink CODE [--district-dsn DSN]"))
            district = db.connect(_district_dsn(args)) if (args.district_dsn or args.district_dbname) else None
            try:
                had = platform.unlink(conn, rest[0], district)
            finally:
                if district is not None:
                    district.close()
            print(tr("district {code} unlinked; the city keeps its cases").format(code=rest[0]) if had
                  else tr("district {code} was not linked").format(code=rest[0]))
        elif args.action == "status":
            me = platform.identity(conn)
            if me is None:
                print(tr("this store is on its own (neither the city nor a district platform)"))
            elif me.kind == "district":
                swept = platform.handover_sweep(conn)
                st = platform.feed_slot_status(conn)
                print(tr("district platform {code} {name}").format(code=me.code, name=me.name))
                if not st["slot"]:
                    print(tr("  not linked to a city (no replication slot)"))
                else:
                    print(tr("  the city is {state}; WAL kept for it: {mb:.1f} MB ({wal})").format(
                        state=tr("reading now") if st["active"] else tr("not connected"),
                        mb=(st["retained_bytes"] or 0) / 1e6, wal=st["wal_status"]))
                    heard = st["city_last_heard"]
                    print(tr("  last heard from the city: {at}").format(
                        at=f"{heard:%Y-%m-%d %H:%M:%S}" if heard else tr("never")))
                if swept:
                    print(tr("  {n} hand-overs taken now").format(n=swept))
                for other in st["other_slots"]:
                    print(tr("  WARNING: replication slot {slot} is not the city's: whoever reads it reads every "
                             "change of this store, personal data included; drop it unless you know it "
                             "(SELECT pg_drop_replication_slot('…'))").format(slot=other))
            else:
                links = platform.status(conn)
                print(tr("city platform {code} {name}: {n} districts").format(code=me.code, name=me.name,
                                                                             n=len(links)))
                for d in links:
                    state = (tr("missing subscription") if d.enabled is None else tr("disabled") if not d.enabled
                             else tr("streaming") if d.running and d.tables_ready == d.tables
                             else tr("copying {ready}/{total}").format(ready=d.tables_ready, total=d.tables)
                             if d.running else tr("not connected"))
                    heard = f"{d.last_message:%m-%d %H:%M:%S}" if d.last_message else "-"
                    print(f"  {d.code} {d.name:12s} {state:14s} {heard:15s} "
                          + tr("{n} cases, {o} open").format(n=d.cases, o=d.open_cases))
        elif args.action == "handover":
            if len(rest) != 6:
                raise db.StoreError(tr("usage: citygrid platform handover CODE event|component CLASS X Y DESCRIPTION"))
            try:
                x, y = float(rest[3]), float(rest[4])
            except ValueError as exc:
                raise db.StoreError(tr("X and Y must be numbers in the store's CRS, got {x} {y}").format(
                    x=rest[3], y=rest[4])) from exc
            hid = platform.handover(conn, rest[0], rest[1], rest[2], rest[5], x, y, address=args.address,
                                    urgent=args.urgent, reference=args.reference)
            print(tr("hand-over {id} to district {code} written; the district takes it when it is reached "
                     "(`./citygrid platform status`)").format(id=hid, code=rest[0]))
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
    p_plat = sub.add_parser("platform", help="city and district platforms (logical replication)")
    p_plat.add_argument("action", choices=["init", "link", "unlink", "status", "handover"])
    p_plat.add_argument("rest", nargs="*", help="init: city|district CODE NAME; unlink: CODE; handover: CODE KIND "
                                                "CLASS X Y DESCRIPTION")
    p_plat.add_argument("--district-dsn", default=None, help="the district store (libpq connection string)")
    p_plat.add_argument("--district-dbname", default=None, help="the district store: a database of the private cluster")
    p_plat.add_argument("--district-host", default=None, help="how the city's server reaches the district's")
    p_plat.add_argument("--district-port", type=int, default=None)
    p_plat.add_argument("--city-host", default=None, help="how the district's server reaches the city's")
    p_plat.add_argument("--city-port", type=int, default=None)
    p_plat.add_argument("--resync", action="store_true", help="copy the district again whole (after a restore)")
    p_plat.add_argument("--address", default=None)
    p_plat.add_argument("--urgent", action="store_true")
    p_plat.add_argument("--reference", default=None, help="the hand-over's number (e.g. the 12345 work order)")
    p_plat.set_defaults(func=cmd_platform)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (ClusterError, db.StoreError, migrate.MigrationError) as exc:
        print(f"citygrid: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
