"""City and district platforms (市、县分别建设; 一级监督、两级指挥): each district runs its own store,
the city store holds every district's public record, live and read-only, through PostgreSQL
logical replication, and hands cases to districts (市级转办) the same way. Migration 019 holds the
schema; this module makes the links (``./citygrid platform …``, ``citygrid:linkdistrict``).

One link between the city and district *D* is two subscriptions:

* at the city, ``citygrid_district_D`` to the district's publication ``citygrid_feed`` (schema
  citygrid_feed: divisions, grids, departments, cases, case actions and hand-over receipts, each
  row keyed by D; no reporter, phone, photo or note), through the district's slot
  ``citygrid_feed_D``, logged in as ``citygrid_feed_D`` on the district: REPLICATION and SELECT
  on the feed, nothing else;
* at the district, ``citygrid_city_handover`` to the city's publication ``citygrid_handover_D``
  (the hand-over rows of D only), through the city's slot ``citygrid_handover_D``, logged in as
  ``citygrid_repl_D`` on the city: REPLICATION and SELECT on the hand-overs, and a restrictive row
  policy to D's rows.

Both logins get a new random password at every link; it lives only in the subscriptions' connection
strings (pg_subscription, readable by superusers only). Logins and slots are server-wide, so they are
named by the district's code: several district stores (or a city and its districts) may share one
server, but one server cannot hold two links of the same district code (refused). Making a
subscription needs a superuser in PostgreSQL 15: the stores' owners run these functions.

A link (or ``resync``) starts clean: the old subscription and its slot go, the city deletes the
district's rows, and the subscription copies the district's feed whole, then streams. That is also
how a district restored from a backup comes back: no case is counted twice, and what the backup
lost is gone at the city too (the restored store is the district's record). Linking again a
district that is linked and healthy changes nothing.

Checked before anything is made: both stores are platforms of the right kind (``platform init``),
of the same schema version and CRS, with ``wal_level = logical``; no other store claims the
district's code at the city.
"""
from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass, field

import psycopg2
import psycopg2.errors
import psycopg2.extensions
from psycopg2 import sql
from psycopg2.extensions import make_dsn, parse_dsn

from ..core.i18n import tr
from ..core.storemessages import translate
from . import db
from .roles import scram_verifier

FEED_PUBLICATION = "citygrid_feed"
HANDOVER_SUBSCRIPTION = "citygrid_city_handover"
FEED_TABLES = ("division", "grid", "department", "work_case", "case_action", "handover_receipt")
_CODE = re.compile(r"^[0-9]{6}$")


class PlatformError(db.StoreError):
    """A platform cannot be set up or linked; the message says what and how to fix it."""


@dataclass(frozen=True)
class Platform:
    kind: str
    code: str
    name: str
    store_uid: str


@dataclass
class LinkResult:
    code: str
    name: str
    created: bool                      # False: it was linked and healthy, nothing changed
    cases: int = 0                     # the district's cases at the city after the first copy
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


@dataclass
class DistrictLink:
    code: str
    name: str
    conninfo: str
    linked_at: object
    enabled: bool | None               # None: the subscription is missing
    running: bool
    tables_ready: int
    tables: int
    last_message: object               # when the city last heard from the district
    cases: int
    open_cases: int


def _names(code: str) -> dict[str, str]:
    if not _CODE.match(code or ""):
        raise PlatformError(tr("division code {code!r} is not a 6-digit code (GB/T 2260)").format(code=code))
    return {"subscription": f"citygrid_district_{code}", "feed_slot": f"citygrid_feed_{code}",
            "handover_publication": f"citygrid_handover_{code}", "handover_slot": f"citygrid_handover_{code}",
            "city_login": f"citygrid_repl_{code}", "district_login": f"citygrid_feed_{code}"}


# -- reading -------------------------------------------------------------------------------------------
def identity(conn) -> Platform | None:
    """This store's platform (None: a store on its own)."""
    with db.reading(conn) as cur:
        cur.execute("SELECT to_regclass('citygrid.platform') IS NOT NULL")
        if not cur.fetchone()[0]:
            return None
        cur.execute("SELECT kind, code, name, store_uid::text FROM citygrid.platform")
        row = cur.fetchone()
    return Platform(*row) if row else None


def schema_version(conn) -> int:
    with db.reading(conn) as cur:
        cur.execute("SELECT COALESCE(max(version), 0) FROM citygrid.schema_migration")
        return cur.fetchone()[0]


def _setting(conn, name: str) -> str:
    with db.reading(conn) as cur:
        cur.execute("SELECT current_setting(%s)", (name,))
        return cur.fetchone()[0]


def server_address(conn) -> dict[str, str]:
    """How another server reaches this connection's server: its TCP host (127.0.0.1 for a Unix
    socket: the private cluster also listens there), port and database."""
    info = parse_dsn(conn.dsn)
    host = conn.info.host or info.get("host") or "127.0.0.1"
    if host.startswith("/"):
        host = "127.0.0.1"
    return {"host": host, "port": str(conn.info.port), "dbname": conn.info.dbname}


def address_of(conn, host: str | None = None, port: int | None = None) -> dict[str, str] | None:
    """:func:`server_address` of *conn* with the *host* and *port* another server uses instead (when
    it does not reach it as this computer does); None when neither is given (link's default)."""
    if not host and not port:
        return None
    address = server_address(conn)
    if host:
        address["host"] = host
    if port:
        address["port"] = str(int(port))
    return address


def _refusal(exc) -> str:
    """A store refusal as a person reads it: the message in the user's language and the store's hint,
    without the PL/pgSQL CONTEXT lines (where in which function: for the server log)."""
    diag = getattr(exc, "diag", None)
    if getattr(exc, "pgcode", None) is None or diag is None:
        return db.describe_error(exc)
    text = translate(db.primary_message(exc))
    hint = getattr(diag, "message_hint", None)
    return f"{text} ({translate(hint)})" if hint else text


def _public(address: dict[str, str]) -> str:
    return make_dsn(**{k: v for k, v in address.items() if k != "password"})


# -- setting up -----------------------------------------------------------------------------------------
def init(conn, kind: str, code: str, name: str) -> Platform:
    """Make this store the city platform or a district platform (the owner, once; again: renames).
    A district gets its publication ``citygrid_feed`` (inserts, updates, deletes: never a TRUNCATE,
    which would empty the other districts' rows at the city)."""
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT kind, code, name, store_uid::text FROM citygrid.platform_set(%s, %s, %s)",
                        (kind, code, name))
            platform = Platform(*cur.fetchone())
            if kind == "district":
                cur.execute("SELECT 1 FROM pg_publication WHERE pubname = %s", (FEED_PUBLICATION,))
                if not cur.fetchone():
                    cur.execute(sql.SQL("CREATE PUBLICATION {} FOR TABLES IN SCHEMA citygrid_feed "
                                        "WITH (publish = 'insert, update, delete')").format(
                                            sql.Identifier(FEED_PUBLICATION)))
        conn.commit()
    except Exception as exc:
        conn.rollback()
        if isinstance(exc, db.StoreError):
            raise
        raise PlatformError(_refusal(exc)) from exc
    return platform


def _check_pair(city, district) -> tuple[Platform, Platform]:
    cv, dv = schema_version(city), schema_version(district)
    if cv != dv:
        older = tr("the district's store") if dv < cv else tr("the city's store")
        raise PlatformError(tr("the district's store ({target}) is at store version {dv}, the city's at {cv}: their "
                               "tables differ, so nothing is linked; upgrade {older} first (`./citygrid store "
                               "upgrade`)").format(target=_public(server_address(district)), dv=dv, cv=cv,
                                                   older=older))
    me, d = identity(city), identity(district)
    if me is None or me.kind != "city":
        raise PlatformError(tr("the city's store is not the city platform: run `./citygrid platform init city "
                               "CODE NAME` on it first"))
    if d is None or d.kind != "district":
        raise PlatformError(tr("the store at {target} is not a district platform: run `./citygrid platform init "
                               "district CODE NAME` on it first").format(target=_public(server_address(district))))
    cs, ds = _srid(city), _srid(district)
    if cs != ds:
        raise PlatformError(tr("district {code} keeps its geometries in EPSG:{ds}, the city in EPSG:{cs}: a city "
                               "and its districts share one CRS").format(code=d.code, ds=ds, cs=cs))
    for label, conn in ((tr("the city"), city), (tr("district {code}").format(code=d.code), district)):
        level = _setting(conn, "wal_level")
        if level != "logical":
            raise PlatformError(tr("{who}'s server runs with wal_level = {level}; replication needs wal_level = "
                                   "logical in postgresql.conf and a restart (the private cluster: "
                                   "`./citygrid db down` then `./citygrid db up`)").format(who=label, level=level))
    return me, d


def _srid(conn) -> int:
    with db.reading(conn) as cur:
        cur.execute("SELECT citygrid.store_srid()")
        return cur.fetchone()[0]


def _autocommit(conn):
    conn.rollback()
    conn.autocommit = True
    return conn.cursor()


def _end_autocommit(conn) -> None:
    """Back to psycopg2's transactions, rolling back a transaction a failure left open (an explicit
    BEGIN in autocommit mode)."""
    if conn is None or conn.closed:
        return
    try:
        if conn.info.transaction_status != psycopg2.extensions.TRANSACTION_STATUS_IDLE:
            with conn.cursor() as cur:
                cur.execute("ROLLBACK")
        conn.autocommit = False
    except psycopg2.Error:
        db.rollback(conn)


def _login(cur, login: str) -> str:
    """A REPLICATION login with a new random password (roles are server-wide). Only its SCRAM
    verifier reaches the server (never the password in clear: not in a statement log); the
    password itself goes only into the subscription's connection string."""
    password = secrets.token_urlsafe(24)
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,))
    verb = "ALTER" if cur.fetchone() else "CREATE"
    cur.execute(sql.SQL(verb + " ROLE {} LOGIN REPLICATION NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT "
                        "PASSWORD {}").format(sql.Identifier(login), sql.Literal(scram_verifier(password))))
    return password


def _drop_slot(cur, slot: str, timeout: float = 20.0) -> None:
    """Drop replication slot *slot* of this database once no walsender holds it (a subscriber's
    worker leaves within a second of being disabled; one that does not is terminated). A slot of
    that name in another database of the server is another link of the same district code: refused."""
    deadline = time.monotonic() + timeout
    while True:
        cur.execute("SELECT active_pid, database, database = current_database() FROM pg_replication_slots "
                    "WHERE slot_name = %s", (slot,))
        row = cur.fetchone()
        if row is None:
            return
        if not row[2]:
            raise PlatformError(tr("replication slot {slot} on this server belongs to database {db}: another link "
                                   "of the same district code; one server holds one link per district code "
                                   "(unlink the other first)").format(slot=slot, db=row[1]))
        if row[0] is None:
            cur.execute("SELECT pg_drop_replication_slot(%s)", (slot,))
            return
        if time.monotonic() > deadline:
            cur.execute("SELECT pg_terminate_backend(%s)", (row[0],))
        time.sleep(0.2)


def _create_slot(cur, slot: str, timeout: float, where: str) -> None:
    """Create logical replication slot *slot* (pgoutput). PostgreSQL makes it only once every
    transaction that was writing when it started has ended, anywhere on the server: a long import
    makes it wait. After *timeout* seconds it gives up and names what it waited for."""
    cur.execute("SELECT set_config('statement_timeout', %s, false)", (f"{int(timeout * 1000)}",))
    try:
        cur.execute("SELECT pg_create_logical_replication_slot(%s, 'pgoutput')", (slot,))
    except psycopg2.errors.QueryCanceled as exc:
        cur.execute("SELECT set_config('statement_timeout', '0', false)")
        cur.execute("""SELECT datname, usename, application_name, now() - xact_start
                         FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
                        ORDER BY xact_start LIMIT 3""")
        running = "; ".join(f"{r[1]} in {r[0]} ({r[2] or '-'}), {int(r[3].total_seconds())} s" for r in cur.fetchall())
        raise PlatformError(tr("the replication slot on {where}'s server waits for the transactions writing there to "
                               "end ({running}); the link is not made: try again when they are done").format(
                                   where=where, running=running or tr("none left now"))) from exc
    finally:
        if not cur.closed and not cur.connection.closed:
            cur.execute("SELECT set_config('statement_timeout', '0', false)")


# where a subscription being dropped is pointed first: a Unix socket folder that does not exist, so
# DROP SUBSCRIPTION (slot_name NONE) never waits on a publisher (see _drop_subscription)
_NOWHERE = "host=/nonexistent/citygrid dbname=none connect_timeout=1"


def _drop_subscription(cur, name: str) -> int | None:
    """Drop subscription *name* of this database without touching the publisher, reachable or not:
    disabled, its slot unset and its connection pointed nowhere first (with tables still in their
    first copy, DROP SUBSCRIPTION would otherwise connect to the publisher to drop their copy slots
    and wait there for as long as the publisher's writers make it wait). Returns its oid (the
    caller drops its slots on the publisher: :func:`_drop_slot`, :func:`_drop_copy_slots`), None
    when there was none."""
    cur.execute("SELECT oid FROM pg_subscription WHERE subname = %s AND subdbid = "
                "(SELECT oid FROM pg_database WHERE datname = current_database())", (name,))
    row = cur.fetchone()
    if not row:
        return None
    ident = sql.Identifier(name)
    cur.execute(sql.SQL("ALTER SUBSCRIPTION {} DISABLE").format(ident))
    cur.execute(sql.SQL("ALTER SUBSCRIPTION {} SET (slot_name = NONE)").format(ident))
    cur.execute(sql.SQL("ALTER SUBSCRIPTION {} CONNECTION {}").format(ident, sql.Literal(_NOWHERE)))
    cur.execute(sql.SQL("DROP SUBSCRIPTION {}").format(ident))
    return row[0]


def _drop_copy_slots(cur, subscription_oid: int | None) -> None:
    """Drop the first-copy slots (pg_<oid>_sync_…) a dropped subscription left on this publisher."""
    if subscription_oid is None:
        return
    cur.execute("SELECT slot_name FROM pg_replication_slots WHERE database = current_database() "
                "AND slot_name LIKE %s", (rf"pg\_{int(subscription_oid)}\_sync\_%",))
    for (slot,) in cur.fetchall():
        _drop_slot(cur, slot)


def _healthy(city, names: dict[str, str]) -> bool:
    with db.reading(city) as cur:
        cur.execute("""SELECT s.subenabled,
                              (SELECT count(*) FILTER (WHERE r.srsubstate <> 'r') FROM pg_subscription_rel r
                                WHERE r.srsubid = s.oid)
                         FROM pg_subscription s WHERE s.subname = %s""", (names["subscription"],))
        row = cur.fetchone()
    return bool(row and row[0] and row[1] == 0)


def link(city, district, *, district_address: dict[str, str] | None = None,
         city_address: dict[str, str] | None = None, resync: bool = False, timeout: float = 120.0) -> LinkResult:
    """Link district store *district* to city store *city* (both connections as their stores'
    owners). *district_address*: how the city's server reaches the district's (host, port, dbname;
    default: this connection's server over TCP); *city_address*: how the district's server reaches
    the city's. *resync*: start again from a whole copy even when the link is healthy (a district
    restored from a backup). Waits until both first copies are done (at most *timeout* seconds)."""
    started = time.monotonic()
    me, d = _check_pair(city, district)
    names = _names(d.code)
    with db.reading(city) as cur:
        cur.execute("SELECT name, store_uid::text, linked_at, linked_by FROM citygrid.platform_district "
                    "WHERE code = %s", (d.code,))
        claimed = cur.fetchone()
    if claimed and claimed[1] != d.store_uid:
        raise PlatformError(tr("division code {code} is already linked to the city by another store ({name}, linked "
                               "{at:%Y-%m-%d %H:%M} by {by}); two districts cannot claim one code: check the code "
                               "given to `platform init district`, or unlink the other store first").format(
                                   code=d.code, name=claimed[0], at=claimed[2], by=claimed[3]))
    if claimed and not resync and _healthy(city, names):
        return LinkResult(d.code, d.name, created=False, seconds=time.monotonic() - started)
    district_address = dict(district_address or server_address(district))
    city_address = dict(city_address or server_address(city))
    result = LinkResult(d.code, d.name, created=True)
    try:
        # the district: its feed login, publication (init made it; again in case), a fresh slot
        dcur = _autocommit(district)
        dpass = _login(dcur, names["district_login"])
        dcur.execute(sql.SQL("GRANT USAGE ON SCHEMA citygrid_feed TO {0}; "
                             "GRANT SELECT ON ALL TABLES IN SCHEMA citygrid_feed TO {0}").format(
                                 sql.Identifier(names["district_login"])))
        dcur.execute("SELECT 1 FROM pg_publication WHERE pubname = %s", (FEED_PUBLICATION,))
        if not dcur.fetchone():
            dcur.execute(sql.SQL("CREATE PUBLICATION {} FOR TABLES IN SCHEMA citygrid_feed "
                                 "WITH (publish = 'insert, update, delete')").format(sql.Identifier(FEED_PUBLICATION)))
        # the city: the old subscription and the district's rows go, a fresh slot at the district
        ccur = _autocommit(city)
        _drop_copy_slots(dcur, _drop_subscription(ccur, names["subscription"]))
        _drop_slot(dcur, names["feed_slot"])
        # the slot first: when it cannot be made, the city's rows of the district stay as they were
        _create_slot(dcur, names["feed_slot"], timeout, tr("district {code}").format(code=d.code))
        ccur.execute("BEGIN")
        for table in reversed(FEED_TABLES):
            ccur.execute(sql.SQL("DELETE FROM citygrid_feed.{} WHERE district_code = %s").format(
                sql.Identifier(table)), (d.code,))
        ccur.execute("""INSERT INTO citygrid.platform_district (code, name, store_uid, conninfo, subscription,
                                                                 publication, schema_version)
                        VALUES (%s, %s, %s, %s, %s, %s, %s)
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, conninfo = EXCLUDED.conninfo,
                            schema_version = EXCLUDED.schema_version, linked_at = clock_timestamp(),
                            linked_by = citygrid.actor()""",
                     (d.code, d.name, d.store_uid, _public(district_address), names["subscription"],
                      names["handover_publication"], schema_version(district)))
        ccur.execute("COMMIT")
        feed_conn = make_dsn(**district_address, user=names["district_login"], password=dpass,
                             application_name=names["subscription"], connect_timeout="10")
        ccur.execute(sql.SQL("CREATE SUBSCRIPTION {} CONNECTION {} PUBLICATION {} WITH (create_slot = false, "
                             "slot_name = {}, copy_data = true)").format(
                                 sql.Identifier(names["subscription"]), sql.Literal(feed_conn),
                                 sql.Identifier(FEED_PUBLICATION), sql.Literal(names["feed_slot"])))
        # the city's hand-overs to this district: its login, row policy, publication and a fresh slot
        cpass = _login(ccur, names["city_login"])
        login = sql.Identifier(names["city_login"])
        ccur.execute(sql.SQL("GRANT USAGE ON SCHEMA citygrid_handover TO {0}; "
                             "GRANT SELECT ON citygrid_handover.handover TO {0}").format(login))
        policy = sql.Identifier(f"cg_handover_to_{d.code}")
        ccur.execute(sql.SQL("DROP POLICY IF EXISTS {} ON citygrid_handover.handover").format(policy))
        ccur.execute(sql.SQL("CREATE POLICY {} ON citygrid_handover.handover AS RESTRICTIVE FOR SELECT TO {} "
                             "USING (district_code = {})").format(policy, login, sql.Literal(d.code)))
        ccur.execute("SELECT 1 FROM pg_publication WHERE pubname = %s", (names["handover_publication"],))
        if not ccur.fetchone():
            ccur.execute(sql.SQL("CREATE PUBLICATION {} FOR TABLE citygrid_handover.handover WHERE "
                                 "(district_code = {}) WITH (publish = 'insert')").format(
                                     sql.Identifier(names["handover_publication"]), sql.Literal(d.code)))
        _drop_copy_slots(ccur, _drop_subscription(dcur, HANDOVER_SUBSCRIPTION))
        _drop_slot(ccur, names["handover_slot"])
        # the district's copy of the hand-overs comes again whole; receipts say which it took already
        dcur.execute("DELETE FROM citygrid_handover.handover")
        _create_slot(ccur, names["handover_slot"], timeout, tr("the city"))
        hand_conn = make_dsn(**city_address, user=names["city_login"], password=cpass,
                             application_name=HANDOVER_SUBSCRIPTION, connect_timeout="10")
        dcur.execute(sql.SQL("CREATE SUBSCRIPTION {} CONNECTION {} PUBLICATION {} WITH (create_slot = false, "
                             "slot_name = {}, copy_data = true)").format(
                                 sql.Identifier(HANDOVER_SUBSCRIPTION), sql.Literal(hand_conn),
                                 sql.Identifier(names["handover_publication"]), sql.Literal(names["handover_slot"])))
    except db.StoreError:
        raise
    except Exception as exc:
        raise PlatformError(tr("linking district {code} failed: {error}").format(
            code=d.code, error=db.describe_error(exc))) from exc
    finally:
        for conn in (city, district):
            _end_autocommit(conn)
    _wait_ready(city, names["subscription"], timeout, tr("the city's copy of district {code}").format(code=d.code))
    _wait_ready(district, HANDOVER_SUBSCRIPTION, timeout,
                tr("district {code}'s copy of the city's hand-overs").format(code=d.code))
    swept = handover_sweep(district)
    if swept:
        result.notes.append(tr("{n} hand-overs taken by the district after the copy").format(n=swept))
    with db.reading(city) as cur:
        cur.execute("SELECT count(*) FROM citygrid_feed.work_case WHERE district_code = %s", (d.code,))
        result.cases = cur.fetchone()[0]
    result.seconds = time.monotonic() - started
    return result


def _wait_ready(conn, subscription: str, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while True:
        with db.reading(conn) as cur:
            cur.execute("""SELECT count(*), count(*) FILTER (WHERE r.srsubstate = 'r')
                             FROM pg_subscription s JOIN pg_subscription_rel r ON r.srsubid = s.oid
                            WHERE s.subname = %s""", (subscription,))
            total, ready = cur.fetchone()
        if total and total == ready:
            return
        if time.monotonic() > deadline:
            raise PlatformError(tr("{what} is not done after {s:.0f} s ({ready} of {total} tables): the link is "
                                   "made and goes on by itself; see `./citygrid platform status` and the servers' "
                                   "logs").format(what=what, s=timeout, ready=ready, total=total))
        time.sleep(0.2)


def handover_sweep(district) -> int:
    """Take every hand-over the district holds without a receipt (citygrid.handover_sweep)."""
    with db.transaction(district, tr("taking the city's hand-overs failed")) as cur:
        cur.execute("SELECT citygrid.handover_sweep()")
        return cur.fetchone()[0]


def unlink(city, code: str, district=None) -> bool:
    """End the link of district *code*: the city's subscription, publication, slot and login; the
    district's subscription, slot and login when *district* (its owner's connection) is given, else
    the district's slot is left for its administrator (`SELECT pg_drop_replication_slot('citygrid_feed_<code>')`
    there: a slot nobody reads keeps WAL). The logins lose LOGIN and their grants. The city keeps the
    district's rows. True when it was linked."""
    names = _names(code)
    try:
        ccur = _autocommit(city)
        had = _drop_subscription(ccur, names["subscription"])
        if district is not None:
            dcur = _autocommit(district)
            _drop_copy_slots(ccur, _drop_subscription(dcur, HANDOVER_SUBSCRIPTION))
            _drop_copy_slots(dcur, had)
            _drop_slot(dcur, names["feed_slot"])
            _retire_login(dcur, names["district_login"], "citygrid_feed")
        ccur.execute(sql.SQL("DROP PUBLICATION IF EXISTS {}").format(sql.Identifier(names["handover_publication"])))
        _drop_slot(ccur, names["handover_slot"])
        ccur.execute(sql.SQL("DROP POLICY IF EXISTS {} ON citygrid_handover.handover").format(
            sql.Identifier(f"cg_handover_to_{code}")))
        _retire_login(ccur, names["city_login"], "citygrid_handover")
        ccur.execute("DELETE FROM citygrid.platform_district WHERE code = %s", (code,))
        return had is not None or bool(ccur.rowcount)
    finally:
        for conn in (city, district):
            _end_autocommit(conn)


def _retire_login(cur, login: str, schema: str) -> None:
    """A replication login that no link uses any more: no login, nothing to read in this store."""
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,))
    if cur.fetchone():
        ident, schema_ident = sql.Identifier(login), sql.Identifier(schema)
        cur.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {0} FROM {1}; "
                            "REVOKE ALL ON SCHEMA {0} FROM {1}").format(schema_ident, ident))
        cur.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(ident))


def status(city) -> list[DistrictLink]:
    """The city's links: subscription enabled and running, tables copied, when the district was last
    heard from, its cases at the city."""
    with db.reading(city) as cur:
        cur.execute("""
            SELECT d.code, d.name, d.conninfo, d.linked_at, s.subenabled,
                   EXISTS (SELECT 1 FROM pg_stat_subscription w WHERE w.subid = s.oid AND w.pid IS NOT NULL
                                                                 AND w.relid IS NULL),
                   (SELECT count(*) FILTER (WHERE r.srsubstate = 'r') FROM pg_subscription_rel r
                     WHERE r.srsubid = s.oid),
                   (SELECT count(*) FROM pg_subscription_rel r WHERE r.srsubid = s.oid),
                   (SELECT max(w.last_msg_receipt_time) FROM pg_stat_subscription w WHERE w.subid = s.oid),
                   (SELECT count(*) FROM citygrid_feed.work_case c WHERE c.district_code = d.code),
                   (SELECT count(*) FROM citygrid_feed.work_case c WHERE c.district_code = d.code
                                                                   AND c.state NOT IN ('closed', 'cancelled'))
              FROM citygrid.platform_district d
              LEFT JOIN pg_subscription s
                ON s.subname = d.subscription
               AND s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
             ORDER BY d.code""")
        return [DistrictLink(*row) for row in cur.fetchall()]


def feed_slot_status(district) -> dict | None:
    """At a district: its slot for the city (active: the city is reading now; retained_bytes: WAL
    kept for the city since it last confirmed), its hand-over subscription, and any other logical
    slot of this database (other_slots: each reads every change, personal data included)."""
    me = identity(district)
    if me is None or me.kind != "district":
        return None
    names = _names(me.code)
    with db.reading(district) as cur:
        cur.execute("""SELECT active, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint, wal_status
                         FROM pg_replication_slots WHERE slot_name = %s""", (names["feed_slot"],))
        slot = cur.fetchone()
        # any other logical slot in this database reads every change of it, personal data included
        # (a REPLICATION login can decode what its table rights do not show): named, to be explained
        cur.execute("""SELECT slot_name || ' (' || plugin || ')' FROM pg_replication_slots
                        WHERE database = current_database() AND slot_type = 'logical' AND slot_name <> %s
                          AND slot_name NOT LIKE 'pg\\_%%\\_sync\\_%%' ORDER BY 1""", (names["feed_slot"],))
        others = [r[0] for r in cur.fetchall()]
        cur.execute("""SELECT max(w.last_msg_receipt_time) FROM pg_subscription s
                         LEFT JOIN pg_stat_subscription w ON w.subid = s.oid WHERE s.subname = %s""",
                    (HANDOVER_SUBSCRIPTION,))
        heard = cur.fetchone()[0]
    return {"code": me.code, "name": me.name, "slot": slot is not None, "active": bool(slot and slot[0]),
            "retained_bytes": slot[1] if slot else 0, "wal_status": slot[2] if slot else None,
            "city_last_heard": heard, "other_slots": others}


def handover(city, district_code: str, kind: str, class_code: str, description: str, x: float, y: float,
             address: str | None = None, urgent: bool = False, reference: str | None = None) -> int:
    """Hand a case to a district (citygrid.handover_create: checked there); returns the hand-over's id."""
    try:
        with city.cursor() as cur:
            cur.execute("SELECT citygrid.handover_create(%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                        (district_code, kind, class_code, description, x, y, address, urgent, reference))
            hid = cur.fetchone()[0]
        city.commit()
    except Exception as exc:
        db.rollback(city)
        raise PlatformError(tr("handing the case to district {code} failed: {error}").format(
            code=district_code, error=_refusal(exc))) from exc
    return hid


def district_at(city, x: float, y: float) -> str | None:
    """The linked district whose active unit grids hold (x, y) (store CRS), as the city holds them."""
    with db.reading(city) as cur:
        cur.execute("""SELECT g.district_code FROM citygrid_feed.grid g
                         JOIN citygrid.platform_district d ON d.code = g.district_code
                        WHERE g.retired_at IS NULL AND ST_Intersects(g.geom, ST_SetSRID(ST_MakePoint(%s, %s),
                                                                                         citygrid.store_srid()))
                        LIMIT 1""", (x, y))
        row = cur.fetchone()
    return row[0] if row else None


# the city's queue across districts: the open cases, the most urgent first (partial index feed_case_open)
_QUEUE_SQL = """
SELECT c.district_code, pd.name, c.id, c.case_no, c.source, c.kind, c.class_code, c.description, c.address,
       c.grid_code, c.department_code, dp.name, c.state, s.name_zh, c.stage, c.stage_deadline, c.handle_deadline,
       c.urgent, c.reported_at, c.updated_at, ST_X(c.geom), ST_Y(c.geom)
  FROM citygrid_feed.work_case c
  JOIN citygrid.case_state s ON s.state = c.state
  LEFT JOIN citygrid.platform_district pd ON pd.code = c.district_code
  LEFT JOIN citygrid_feed.department dp ON dp.district_code = c.district_code AND dp.code = c.department_code
 WHERE c.state NOT IN ('closed', 'cancelled') {where}
 ORDER BY c.stage_deadline NULLS LAST, c.reported_at
 LIMIT %(limit)s
"""


@dataclass(frozen=True)
class CityCase:
    district_code: str
    district_name: str | None
    id: int
    case_no: str
    source: str
    kind: str
    class_code: str
    description: str
    address: str | None
    grid_code: str
    department_code: str | None
    department_name: str | None
    state: str
    state_name: str
    stage: str | None
    stage_deadline: object
    handle_deadline: object
    urgent: bool
    reported_at: object
    updated_at: object
    x: float
    y: float


def city_queue(city, *, district: str | None = None, overdue: bool = False, limit: int = 500) -> list[CityCase]:
    """The city's queue (全市案件): the open cases of every district (or of *district*), the first
    deadline first; *overdue*: only those past their stage's deadline (the server's clock)."""
    where, params = [], {"limit": max(1, min(int(limit), 100_000))}
    if district:
        where.append("AND c.district_code = %(district)s")
        params["district"] = district
    if overdue:
        where.append("AND c.stage_deadline < now()")
    with db.reading(city) as cur:
        cur.execute(_QUEUE_SQL.format(where=" ".join(where)), params)  # nosec B608 - two constant fragments
        return [CityCase(*row) for row in cur.fetchall()]
