"""Faults of the city and district platforms (store/platform.py): servers that stop, restart and
are lost while a district reports and acts on cases and the city hands cases over.

What is simulated, exactly:

* separate PostgreSQL servers: one private cluster for the city and one for the district
  (PrivateCluster on their own ports under /var/tmp, made for this module and removed after it),
  linked by real logical replication over TCP, as two machines of a city would be;
* a server down: ``pg_ctl stop -m fast`` (an administrator, a power cut after which the machine
  comes back with its disk), for as long as the test works on the other side; up again on the
  same port (the other side's subscription reconnects by itself);
* restarts during bursts: ``pg_ctl restart -m fast`` of each server, twice, while one thread
  reports and acts on cases in the district at a steady rate and another hands 40 cases over from
  the city. Every session is terminated: the workers reconnect and retry what was cut off (a
  report carries an external id, a hand-over a reference, so a retry after a commit whose outcome
  is unknown adds nothing);
* the loss of the district's machine: its server stopped (its disk kept only to play the old
  machine coming back at the end), its backup (``backup_store``, taken before more work was done)
  restored (``restore_store``) on a new, empty server that has none of the old server's roles,
  and linked again with ``resync``; and, for the district and for the city, a linked store's
  backup restored on a new server as it is.

Asserted is what people rely on: the district works while the city is away and the city then
holds exactly the district's cases (same states and versions), a hand-over to an absent district
arrives once when it returns and its receipt reaches the city, no case is lost or counted twice
across restarts, a district restored from a backup is the record at the city too (what the backup
lost is gone there as well) and takes the hand-overs it lost exactly once, the old machine coming
back takes nothing, and a backup holds no replication password.

Not simulated: a network partition between live servers (no packet filter in a test; the
subscriptions see it as the other server being down, with wal_sender_timeout and
wal_receiver_timeout of 30 s to notice a silent one), a crash of the server process
(``-m immediate``: recovery from WAL is PostgreSQL's own business), a full disk on a server whose
slot keeps WAL for an absent subscriber (capped by max_slot_wal_keep_size), a city and district
of different schema versions (refused by link, see tests/db). Nothing here measures time:
waits poll with a deadline.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import psycopg2
import pytest
from psycopg2 import sql

from citygrid_plugin.store import backup, db, migrate, platform, reference
from citygrid_plugin.store.cluster import ClusterError, PrivateCluster, _pg_bindir
from tests.stores import make_case_store

CITY = "510100"
CODE = "510104"            # the district of tests/stores.make_case_store
TEMPLATE = "citygrid_template"   # each server's store as made: platform init (and the district's grids)
DEADLINE_S = 60.0          # how long the servers may take to catch up (polled, never asserted)
REPORT = ("SELECT id, state, version FROM citygrid.case_report(%s, 'event', '0102', %s, "
          "ST_SetSRID(ST_MakePoint(%s, %s), citygrid.store_srid()), p_external_id => %s)")


# -- servers -------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_cluster(base: Path, name: str) -> PrivateCluster:
    cluster = PrivateCluster(root=base / name / "pg", port=free_port())
    cluster.up()
    return cluster


def destroy_cluster(cluster: PrivateCluster) -> None:
    """Stop the server (even when pg_ctl fails: its postmaster, by the pid it wrote) and remove its folder."""
    try:
        cluster.down()
    except ClusterError:
        pidfile = cluster.datadir / "postmaster.pid"
        if pidfile.exists():
            try:
                os.kill(int(pidfile.read_text().split()[0]), signal.SIGQUIT)
            except (OSError, ValueError):
                pass
    shutil.rmtree(cluster.root.parent, ignore_errors=True)


@dataclass
class Servers:
    base: Path
    city: PrivateCluster
    district: PrivateCluster


@pytest.fixture(scope="module")
def servers():
    """A city server and a district server of their own, in a folder under /var/tmp (the server
    runs as postgres when the tests run as root, and must reach it); stopped and removed
    afterwards, whatever happens."""
    base = Path(tempfile.mkdtemp(prefix="citygrid-platforms-", dir="/var/tmp"))  # nosec B108 - postgres must reach it
    base.chmod(0o755)
    started: list[PrivateCluster] = []
    try:
        for name in ("city", "district"):
            started.append(start_cluster(base, name))
        for cluster, kind in zip(started, ("city", "district")):
            new_store(cluster, TEMPLATE, kind)  # copied for each test (CREATE DATABASE … TEMPLATE): quicker
        yield Servers(base, *started)
    finally:
        for cluster in started:
            destroy_cluster(cluster)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def spare_server(servers):
    """start() -> a new, empty server (another machine); removed after the test."""
    made: list[PrivateCluster] = []

    def start() -> PrivateCluster:
        made.append(start_cluster(servers.base, f"spare-{uuid.uuid4().hex[:6]}"))
        return made[-1]

    yield start
    for cluster in made:
        destroy_cluster(cluster)


def new_store(cluster: PrivateCluster, dbname: str, kind: str) -> str:
    cluster.ensure_database(dbname)
    dsn = cluster.dsn(dbname)
    conn = db.connect(dsn)
    try:
        migrate.upgrade(conn)
        reference.load_standard_classes(conn)
    finally:
        conn.close()
    if kind == "district":
        make_case_store(dsn)
    conn = db.connect(dsn)
    try:
        platform.init(conn, kind, CODE if kind == "district" else CITY, "锦江区" if kind == "district" else "成都市")
    finally:
        conn.close()
    return dsn


def copy_store(cluster: PrivateCluster, dbname: str) -> str:
    """A new database of *cluster*: a copy of its template store (the city's, or district 510104)."""
    admin = psycopg2.connect(cluster.dsn("postgres"))
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(dbname),
                                                                          sql.Identifier(TEMPLATE)))
    finally:
        admin.close()
    return cluster.dsn(dbname)


def scrub(cluster: PrivateCluster) -> None:
    """Drop every subscription and replication slot of *cluster*, whatever state a test left (a
    database holding either cannot be dropped, and a leftover would read the next test's slot)."""
    cluster.up()
    admin = psycopg2.connect(cluster.dsn("postgres"))
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute("SELECT s.subname, d.datname FROM pg_subscription s JOIN pg_database d ON d.oid = s.subdbid")
            for name, dbname in cur.fetchall():
                conn = psycopg2.connect(cluster.dsn(dbname))
                conn.autocommit = True
                try:
                    with conn.cursor() as sub:
                        ident = sql.Identifier(name)
                        sub.execute(sql.SQL("ALTER SUBSCRIPTION {} DISABLE").format(ident))
                        sub.execute(sql.SQL("ALTER SUBSCRIPTION {} SET (slot_name = NONE)").format(ident))
                        sub.execute(sql.SQL("DROP SUBSCRIPTION {}").format(ident))
                finally:
                    conn.close()
            deadline = time.monotonic() + DEADLINE_S
            while True:
                cur.execute("SELECT slot_name, active_pid FROM pg_replication_slots")
                slots = cur.fetchall()
                if not slots:
                    break
                for slot, pid in slots:
                    if pid is None:
                        cur.execute("SELECT pg_drop_replication_slot(%s)", (slot,))
                    else:
                        cur.execute("SELECT pg_terminate_backend(%s)", (pid,))
                if time.monotonic() > deadline:
                    raise AssertionError(f"replication slots left on {cluster.root}: {slots}")
                time.sleep(0.2)
    finally:
        admin.close()


@dataclass
class Pair:
    """A city store and a district store (510104: 6 grids, 0..300 × 0..200) on the two servers."""
    servers: Servers
    city_dsn: str
    district_dsn: str
    opened: list = field(default_factory=list)

    def owner(self, dsn: str):
        conn = db.connect(dsn, application="CityGrid platform drill")
        self.opened.append(conn)
        return conn

    def link(self, district_dsn: str | None = None, resync: bool = False) -> platform.LinkResult:
        city, district = self.owner(self.city_dsn), self.owner(district_dsn or self.district_dsn)
        return platform.link(city, district, resync=resync, timeout=DEADLINE_S)


@pytest.fixture
def pair(servers):
    tag = uuid.uuid4().hex[:8]
    made = [(servers.city, f"city_{tag}"), (servers.district, f"district_{tag}")]
    p = Pair(servers, servers.city.dsn(made[0][1]), servers.district.dsn(made[1][1]))
    try:
        for cluster, dbname in made:
            copy_store(cluster, dbname)
        yield p
    finally:
        for conn in p.opened:
            conn.close()
        try:
            for cluster, _ in made:
                cluster.up()
            with db.connection(p.city_dsn) as city, db.connection(p.district_dsn) as district:
                platform.unlink(city, CODE, district)
        except Exception as exc:  # reported, then cleaned up below
            warnings.warn(f"platform.unlink failed in teardown: {exc}", stacklevel=1)
        for cluster, _ in made:
            scrub(cluster)      # whatever a failed test (or a link to another store) left
        for cluster, dbname in made:
            cluster.drop_database(dbname)


# -- reading and waiting --------------------------------------------------------------------------------
def query(dsn: str, text: str, args: tuple = ()) -> list[tuple]:
    """Rows of one read on a connection of its own (servers come and go in these tests)."""
    conn = psycopg2.connect(dsn, connect_timeout=5)
    try:
        with conn.cursor() as cur:
            cur.execute(text, args)
            return cur.fetchall()
    finally:
        conn.close()


def district_cases(dsn: str) -> set[tuple]:
    return set(query(dsn, "SELECT id, state, version FROM citygrid.work_case"))


def city_copy(dsn: str) -> set[tuple]:
    return set(query(dsn, "SELECT id, state, version FROM citygrid_feed.work_case WHERE district_code = %s",
                     (CODE,)))


def wait_until(check, what: str, timeout: float = DEADLINE_S):
    """Poll *check* (a server being away counts as not yet) until it returns a true value."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            last = check()
            if last:
                return last
        except psycopg2.OperationalError as exc:
            last = exc
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:.0f} s: {what} (last: {last!r})")
        time.sleep(0.25)


def wait_same_cases(p: Pair, district_dsn: str | None = None) -> set[tuple]:
    """Wait until the city's copy of the district's cases is exactly the district's; return them."""
    district_dsn = district_dsn or p.district_dsn
    seen: dict[str, object] = {}

    def same() -> bool:
        mine, copy = district_cases(district_dsn), city_copy(p.city_dsn)
        seen.update(district=len(mine), city=len(copy), only_district=sorted(mine - copy)[:5],
                    only_city=sorted(copy - mine)[:5])
        return bool(mine) and mine == copy

    try:
        wait_until(same, "the city's copy equals the district's cases")
    except AssertionError as exc:
        raise AssertionError(f"{exc}; {seen}") from None
    return district_cases(district_dsn)


# the hand-over a district's case came from: its external id is city:<id> (then /<the start of
# the hand-over's uid>, telling it from a later hand-over with the same id after a city's restore)
HANDOVER_OF = r"substring(external_id from '^city:([0-9]+)(/|$)')::bigint"


def handover_cases(dsn: str) -> Counter:
    """How many cases the district holds for each city hand-over id."""
    return Counter(dict(query(dsn, f"SELECT {HANDOVER_OF}, count(*) FROM citygrid.work_case "  # nosec B608
                                   "WHERE source = '市级转办' GROUP BY 1")))


def handover_status(city_dsn: str, ids) -> dict[int, tuple]:
    return {row[0]: row[1:] for row in query(
        city_dsn, "SELECT id, status, case_no FROM citygrid.city_handover WHERE id = ANY(%s)", (list(ids),))}


def wait_all_accepted(p: Pair, ids, district_dsn: str | None = None) -> None:
    """Every hand-over of *ids* became exactly one case at the district, and the city shows it
    accepted with that case's number."""
    district_dsn = district_dsn or p.district_dsn
    wanted = set(ids)
    wait_until(lambda: wanted <= set(handover_cases(district_dsn)), "every hand-over is a case at the district")
    counts = handover_cases(district_dsn)
    assert {k: counts[k] for k in wanted} == dict.fromkeys(wanted, 1), "a hand-over became more than one case"
    numbers = dict(query(district_dsn, f"SELECT {HANDOVER_OF}, case_no FROM citygrid.work_case "  # nosec B608
                                       "WHERE source = '市级转办'"))
    expected = {i: ("accepted", numbers[i]) for i in ids}
    wait_until(lambda: handover_status(p.city_dsn, ids) == expected,
               "the city shows every hand-over accepted with the district's case number")


# -- working on the stores ------------------------------------------------------------------------------
def position(i: int) -> tuple[float, float]:
    """A point inside the district's grids (0..300 × 0..200)."""
    return 10.0 + (i * 37) % 280, 10.0 + (i * 53) % 180


def report(conn, ref: str, i: int) -> tuple:
    with conn.cursor() as cur:
        cur.execute(REPORT, ("领导批办", f"暴露垃圾 {ref}", *position(i), ref))
        return cur.fetchone()


def accept_and_maybe_cancel(conn, case_id: int, cancel: bool) -> None:
    """The operator accepts a reported case (to_verify), the supervisor cancels some; reads the
    state first, so doing it again after a lost commit does nothing twice."""
    with conn.cursor() as cur:
        cur.execute("SELECT state, version FROM citygrid.work_case WHERE id = %s FOR UPDATE", (case_id,))
        state, version = cur.fetchone()
        if state == "reported":
            cur.execute("SELECT state, version FROM citygrid.case_act(%s, 'accept', 'operator', %s)",
                        (case_id, version))
            state, version = cur.fetchone()
        if cancel and state == "to_verify":
            cur.execute("SELECT state FROM citygrid.case_act(%s, 'cancel', 'supervisor', %s, %s)",
                        (case_id, version, "重复上报"))


def hand_over(conn, i: int, ref: str) -> int:
    return platform.handover(conn, CODE, "event", "0102", f"市级转办 {ref}", *position(i), reference=ref)


class Retrying:
    """One worker's owner connection: reconnects and runs the work again when the connection is
    lost (a restart terminates every session), as a client of the store must. The work must be
    safe to run again after a commit whose outcome is unknown."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.conn = None
        self.retries = 0

    def run(self, work, *args):
        deadline = time.monotonic() + DEADLINE_S
        while True:
            try:
                if self.conn is None:
                    self.conn = db.connect(self.dsn, application="CityGrid platform drill", connect_timeout=5)
                result = work(self.conn, *args)
                self.conn.commit()
                return result
            except (psycopg2.Error, db.StoreError) as exc:
                cause = exc.__cause__ if isinstance(exc, db.StoreError) and exc.__cause__ is not None else exc
                lost = self.conn is None or db.connection_lost(cause, self.conn)
                if not lost or time.monotonic() > deadline:
                    raise
                self.retries += 1
                self.close()
                time.sleep(0.2)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.conn = None


class Worker(threading.Thread):
    """Runs *step(client, i)* for i = 0, 1, … at a steady pace until *count* steps are done or
    stop() is called (and at least *count* when count is a minimum); keeps the first error."""

    def __init__(self, dsn: str, step, count: int, pace: float, until_stopped: bool = False) -> None:
        super().__init__(daemon=True)
        self.client = Retrying(dsn)
        self.step, self.count, self.pace, self.until_stopped = step, count, pace, until_stopped
        self.done = 0
        self.results: list = []
        self.error: BaseException | None = None
        self.stopping = threading.Event()

    def run(self) -> None:
        try:
            while self.done < self.count or (self.until_stopped and not self.stopping.is_set()):
                self.results.append(self.step(self.client, self.done))
                self.done += 1
                time.sleep(self.pace)
        except BaseException as exc:  # reported by the test
            self.error = exc
        finally:
            self.client.close()

    def stop(self) -> None:
        self.stopping.set()


def progressed(reporter: Worker, handing: Worker, reports: int, handovers: int) -> bool:
    """Both workers went on since a restart (or one failed: the test reports it)."""
    return bool(reporter.error or handing.error or (
        reporter.done >= reports + 5 and (handing.done >= handovers + 3 or not handing.is_alive())))


def refuses_connections(cluster: PrivateCluster) -> bool:
    try:
        psycopg2.connect(cluster.dsn("postgres"), connect_timeout=3).close()
    except psycopg2.OperationalError:
        return True
    return False


# -- the drills -------------------------------------------------------------------------------------------
def test_a_district_works_on_while_the_city_is_down_and_the_city_catches_up(servers, pair):
    """City down during a burst: the district reports 30 cases and works on some; when the city
    is back it holds exactly the district's cases, with their states and versions."""
    pair.link()
    servers.city.down()
    try:
        assert refuses_connections(servers.city)
        conn = pair.owner(pair.district_dsn)
        for i in range(30):
            case_id = report(conn, f"down-{i}", i)[0]
            if i % 2 == 0:
                accept_and_maybe_cancel(conn, case_id, cancel=i % 4 == 0)
            conn.commit()
        mine = district_cases(pair.district_dsn)
        assert len(mine) == 30 and {s for _, s, _ in mine} == {"reported", "to_verify", "cancelled"}
        # the district sees that the city is not reading its feed (`platform status` there)
        wait_until(lambda: not platform.feed_slot_status(conn)["active"], "the district's slot shows the city away")
    finally:
        servers.city.up()
    assert wait_same_cases(pair) == mine
    # what the city's users read: the view over every district
    shown = set(query(pair.city_dsn, "SELECT id, state FROM citygrid.city_case WHERE district_code = %s", (CODE,)))
    assert shown == {(i, s) for i, s, _ in mine}


def test_the_city_works_on_while_a_district_is_down_and_its_hand_over_arrives_once(servers, pair):
    """District down: the city reads its cases and hands a case to the absent district (sent);
    when the district is back the hand-over becomes one case there and the city shows it accepted."""
    conn = pair.owner(pair.district_dsn)
    for i in range(3):
        report(conn, f"before-{i}", i)
    conn.commit()
    pair.link()
    before = wait_same_cases(pair)
    servers.district.down()
    try:
        assert refuses_connections(servers.district)
        city = pair.owner(pair.city_dsn)
        with db.reading(city) as cur:
            cur.execute("SELECT id, state FROM citygrid.city_case WHERE district_code = %s", (CODE,))
            assert set(cur.fetchall()) == {(i, s) for i, s, _ in before}
        hid = hand_over(city, 1, "12345-20261206-0001")
        assert handover_status(pair.city_dsn, [hid]) == {hid: ("sent", None)}
        assert hand_over(city, 1, "12345-20261206-0001") == hid     # the same work order again: nothing new
        assert handover_status(pair.city_dsn, [hid]) == {hid: ("sent", None)}
    finally:
        servers.district.up()
    wait_all_accepted(pair, [hid])
    wait_same_cases(pair)
    assert handover_cases(pair.district_dsn) == Counter({hid: 1})


def test_restarts_of_both_servers_during_bursts_lose_and_double_nothing(servers, pair):
    """Restarts during bursts: both servers restarted twice while the district reports and acts
    and the city hands over 40 cases; every worker reconnects and retries. At the end each
    hand-over is exactly one case at the district and the city's copy is exactly the district's."""
    pair.link()
    run = uuid.uuid4().hex[:6]

    def district_step(client: Retrying, i: int) -> int:
        ref = f"burst-{run}-{i}"
        case_id = client.run(report, ref, i)[0]
        if i % 2 == 0:
            client.run(accept_and_maybe_cancel, case_id, i % 6 == 0)
        return case_id

    def city_step(client: Retrying, i: int) -> int:
        return client.run(hand_over, i, f"12345-{run}-{i:04d}")

    reporter = Worker(pair.district_dsn, district_step, count=40, pace=0.05, until_stopped=True)
    handing = Worker(pair.city_dsn, city_step, count=40, pace=0.1)
    reporter.start()
    handing.start()
    try:
        for cluster in (servers.city, servers.district, servers.city, servers.district):
            wait_until(partial(progressed, reporter, handing, reporter.done, handing.done),
                       "the workers make progress between restarts")
            assert reporter.error is None and handing.error is None, (reporter.error, handing.error)
            cluster.restart()
        wait_until(lambda: handing.error or not handing.is_alive(), "the 40 hand-overs are made")
        wait_until(lambda: reporter.error or reporter.done >= reporter.count, "the district's burst is done")
    finally:
        reporter.stop()
        reporter.join(DEADLINE_S)
        handing.join(DEADLINE_S)
    assert reporter.error is None and handing.error is None, (reporter.error, handing.error)
    # the drill really cut both workers' sessions
    assert reporter.client.retries >= 1 and handing.client.retries >= 1, \
        (reporter.client.retries, handing.client.retries)
    ids = handing.results
    assert len(ids) == 40 and len(set(ids)) == 40
    assert len(query(pair.city_dsn, "SELECT 1 FROM citygrid_handover.handover WHERE district_code = %s",
                     (CODE,))) == 40
    wait_all_accepted(pair, ids)
    reported = Counter(dict(query(pair.district_dsn, "SELECT external_id, count(*) FROM citygrid.work_case "
                                                     "WHERE source = '领导批办' GROUP BY external_id")))
    assert reported == Counter({f"burst-{run}-{i}": 1 for i in range(reporter.done)}), "a retried report doubled"
    cases = wait_same_cases(pair)
    assert len(cases) == reporter.done + 40
    assert handover_cases(pair.district_dsn) == Counter(dict.fromkeys(ids, 1))


def restore_on(server: PrivateCluster, path: Path) -> str:
    """Restore a backup as database citygrid of *server* (a new machine: none of the old server's
    roles; restore_store makes the CityGrid roles the backup's grants name)."""
    return backup.restore_store(server.dsn("postgres"), path, "citygrid")


def test_a_district_restored_from_backup_is_the_record_at_the_city(servers, pair, spare_server, tmp_path):
    """District machine lost: its backup restored on a new server and linked again (resync). The
    city then holds exactly the restored district's cases (what was made after the backup is gone
    there too), and the hand-overs the restored district had not taken are taken once each."""
    conn = pair.owner(pair.district_dsn)
    for i in range(10):
        case_id = report(conn, f"kept-{i}", i)[0]
        if i % 3 == 0:
            accept_and_maybe_cancel(conn, case_id, cancel=False)
    conn.commit()
    pair.link()
    city = pair.owner(pair.city_dsn)
    taken = [hand_over(city, 20 + i, f"12345-kept-{i}") for i in range(3)]
    wait_all_accepted(pair, taken)
    wait_same_cases(pair)

    dump = backup.backup_store(pair.district_dsn, tmp_path / "district.backup")
    for i in range(5):
        report(conn, f"lost-{i}", 40 + i)
    conn.commit()
    after_backup = [hand_over(city, 30 + i, f"12345-after-{i}") for i in range(3)]
    wait_all_accepted(pair, after_backup)        # taken by the district that is about to be lost
    assert len(wait_same_cases(pair)) == 10 + 3 + 5 + 3

    servers.district.down()                      # the machine is lost (and stays away)
    try:
        while_lost = [hand_over(city, 40 + i, f"12345-lost-{i}") for i in range(2)]
        new_server = spare_server()
        restored = restore_on(new_server, dump)
        kept = district_cases(restored)
        assert len(kept) == 10 + 3
        result = pair.link(restored, resync=True)
        assert result.created
        now = wait_same_cases(pair, restored)
        everything = taken + after_backup + while_lost
        wait_all_accepted(pair, everything, restored)
        assert handover_cases(restored) == Counter(dict.fromkeys(everything, 1))
        assert {r[0] for r in query(restored, "SELECT external_id FROM citygrid.work_case")} >= \
            {f"kept-{i}" for i in range(10)}
        assert not query(restored, "SELECT 1 FROM citygrid.work_case WHERE external_id LIKE 'lost-%%'")
        assert len(now) == 10 + 3 + 3 + 2
        assert not query(pair.city_dsn, "SELECT 1 FROM citygrid_feed.work_case WHERE external_id LIKE 'lost-%%'")
        # one live hand-over subscription at the restored district, the one link made
        assert query(restored, "SELECT subname, subenabled FROM pg_subscription s JOIN pg_database d "
                               "ON d.oid = s.subdbid WHERE d.datname = current_database()") == \
            [("citygrid_city_handover", True)]
        links = platform.status(pair.owner(pair.city_dsn))
        assert [(lk.code, lk.enabled, lk.cases) for lk in links] == [(CODE, True, len(now))]
        assert f"port={new_server.port}" in links[0].conninfo
        # the lost machine comes back (its old link still configured): it reads nothing of the
        # city's any more (its login's password changed at the new link), the restored district does
        servers.district.up()
        later = hand_over(city, 50, "12345-zombie")
        wait_all_accepted(pair, [later], restored)
        assert later not in handover_cases(pair.district_dsn)
        assert wait_same_cases(pair, restored) == district_cases(restored)
    finally:
        servers.district.up()                    # the pair fixture drops the old database


def test_a_linked_districts_backup_holds_no_replication_password(pair, tmp_path):
    """A backup is the store's data: it must not carry the city's replication login and password
    (the hand-over subscription's connection string)."""
    pair.link()
    dump = backup.backup_store(pair.district_dsn, tmp_path / "district.backup")
    text = subprocess.run([str(_pg_bindir() / "pg_restore"), "--file", "-", str(dump)],
                          capture_output=True, text=True, check=True).stdout
    assert "CREATE SUBSCRIPTION" not in text and "password=" not in text


@pytest.mark.parametrize("side", ["district", "city"])
def test_a_linked_platforms_backup_restores_on_a_new_server(pair, spare_server, tmp_path, side):
    """The machine of a linked district (or of the city) is lost: its backup restores on a new
    server as it is, without the old server's roles (which went with the machine)."""
    conn = pair.owner(pair.district_dsn)
    report(conn, "before-backup", 1)
    conn.commit()
    pair.link()
    dsn = pair.district_dsn if side == "district" else pair.city_dsn
    dump = backup.backup_store(dsn, tmp_path / f"{side}.backup")
    restored = restore_on(spare_server(), dump)
    if side == "district":
        assert district_cases(restored) == district_cases(pair.district_dsn)
    else:
        assert city_copy(restored) == city_copy(pair.city_dsn) == district_cases(pair.district_dsn)
