"""City and district platforms (issue 19, store/platform.py, migration 019) on real stores of the
private cluster linked by real logical replication: what the city sees of its districts, what it
never sees (personal data), hand-overs (市级转办) delivered exactly once, the refusals that leave
nothing written, and who may do what with real password logins.

One city and two districts (龙泉驿区 510112 with grids at x 0..300, 青白江区 510113 at x 1000..1300)
are linked once for the module; tests that need a store of their own make it and drop it. Division
codes of their own: slots are named by code in the whole cluster, so a test never links the code of
another store of the cluster (tests/stores.make_case_store's 510104 may be linked by someone else).
Replication is waited for with a deadline (tests/helpers/platforms.wait_until), never timed.
"""
from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass, field

import psycopg2
import pytest
from psycopg2 import sql

from citygrid_plugin.store import db, platform
from citygrid_plugin.store.cases import act, report_case
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.platforms import drop_roles, make_district_store, new_store, wait_until
from tests.helpers.sql import PASSWORD, count, denied, one

CITY, DA, DB = "510100", "510112", "510113"
XA, XB = 0.0, 1000.0            # where each district's grids begin (x, store CRS); y 0..200
NOWHERE = (5000.0, 5000.0)      # in no district's grids
HANDED = "市级转办"


@dataclass
class Platforms:
    """The module's city and districts: owner connections, DSNs and the city's logins."""
    cluster: object
    city: object
    a: object
    b: object
    dsn: dict[str, str]
    dbname: dict[str, str]
    logins: dict[str, str]
    links: dict[str, platform.LinkResult]
    first_case: dict[str, tuple[int, str]]          # district code -> (id, description) of a case older than the link
    opened: list = field(default_factory=list)

    def login(self, role: str):
        """A password login of *role* at the city (closed with the module)."""
        conn = psycopg2.connect(f"host={self.cluster.sockdir} port={self.cluster.port} dbname={self.dbname['city']} "
                                f"user={self.logins[role]} password={PASSWORD}")
        self.opened.append(conn)
        return conn


def _close(conn) -> None:
    if conn is not None and not conn.closed:
        conn.close()


@pytest.fixture(scope="module")
def world(cluster):
    """The city 成都市 (510100) with districts 510112 and 510113 linked, each with a case reported
    before it became a platform (both case id 1); logins of the city per role. Everything is
    unlinked, dropped and removed afterwards, whatever happened."""
    with contextlib.ExitStack() as stack:
        tag = uuid.uuid4().hex[:6]
        logins = {role: f"cgt_{tag}_{role}" for role in ("operator", "dispatcher", "analyst", "bigscreen", "admin")}
        stack.callback(drop_roles, cluster, [*logins.values(), *(f"citygrid_{kind}_{code}" for kind in ("repl", "feed")
                                                                   for code in (DA, DB))])
        dbname, dsn, conns = {}, {}, {}
        for key in ("city", "a", "b"):
            dbname[key], dsn[key] = new_store(cluster)
            stack.callback(cluster.drop_database, dbname[key])
        make_district_store(dsn["a"], DA, "龙泉驿区", XA)
        make_district_store(dsn["b"], DB, "青白江区", XB)
        for key in ("city", "a", "b"):
            conns[key] = db.connect(dsn[key])
            stack.callback(_close, conns[key])
            setup_roles(conns[key])
        city, a, b = conns["city"], conns["a"], conns["b"]
        first = {}
        for code, conn, x0, text in ((DA, a, XA, "龙泉驿区：驿都大道井盖缺失"),
                                     (DB, b, XB, "青白江区：凤凰湖路暴露垃圾")):
            c = report_case(conn, "监督员上报", "event", "0102", text, x0 + 50, 50)
            first[code] = (c.id, text)
        platform.init(city, "city", CITY, "成都市")
        platform.init(a, "district", DA, "龙泉驿区")
        platform.init(b, "district", DB, "青白江区")
        for role, login in logins.items():
            save_user(city, login, [role], f"市平台{role}", password=PASSWORD)
        links = {}
        for code, district in ((DA, a), (DB, b)):
            stack.callback(platform.unlink, city, code, district)   # before the databases go (LIFO)
            links[code] = platform.link(city, district)
        w = Platforms(cluster, city, a, b, dsn, dbname, logins, links, first)
        stack.callback(lambda: [_close(c) for c in w.opened])
        yield w



@contextlib.contextmanager
def extra_store(cluster, target: int | None = None):
    """An owner connection to a store of its own (closed and dropped afterwards)."""
    name, dsn = new_store(cluster, target=target)
    conn = None
    try:
        conn = db.connect(dsn)
        yield conn
    finally:
        _close(conn)
        cluster.drop_database(name)


def city_row(city, code: str, case_id: int):
    return one(city, "SELECT state, case_no, description, source, external_id FROM citygrid.city_case "
                     "WHERE district_code = %s AND id = %s", (code, case_id))


def case_state(conn, case_id: int) -> str:
    return one(conn, "SELECT state FROM citygrid.work_case WHERE id = %s", (case_id,))[0]


def personal_data_rows(conn, needles: list[str]) -> list[str]:
    """Every table of every schema of *conn*'s database (not the catalogues) with a row whose JSON
    text holds one of *needles*: '<schema>.<table>' once per such table."""
    patterns = [f"%{n}%" for n in needles]
    with conn.cursor() as cur:
        cur.execute("SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', "
                    "'information_schema') UNION ALL SELECT schemaname, matviewname FROM pg_matviews")
        hits = []
        for schema, table in cur.fetchall():
            cur.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {}.{} t WHERE row_to_json(t)::text LIKE ANY (%s))")
                        .format(sql.Identifier(schema), sql.Identifier(table)), (patterns,))
            if cur.fetchone()[0]:
                hits.append(f"{schema}.{table}")
    conn.rollback()
    return hits


# a hand-over's case at the district: external id city:<hand-over id>, or city:<id>/<start of its uid>
HANDED_AS = "(external_id = %s OR external_id LIKE %s)"


def handed_as(hid: int) -> tuple[str, str]:
    return f"city:{hid}", f"city:{hid}/%"


def handovers_to(city, code: str) -> int:
    return count(city, "SELECT count(*) FROM citygrid_handover.handover WHERE district_code = %s", (code,))


# -- 1. the link ------------------------------------------------------------------------------------------
def test_link_brings_the_district_record_to_the_city_and_keeps_it_live(world):
    """A district's cases older than the link are at the city at once; a case reported and acted on
    afterwards arrives with its new state and its actions; grids, departments and divisions are
    there under the district's code; the city's status shows the link healthy."""
    city, a = world.city, world.a
    assert world.links[DA].created and world.links[DA].cases == count(a, "SELECT count(*) FROM citygrid.work_case")
    old_id, old_text = world.first_case[DA]
    state, case_no, text, _, _ = city_row(city, DA, old_id)
    assert (state, case_no, text) == (case_state(a, old_id), one(a, "SELECT case_no FROM citygrid.work_case "
                                                                    "WHERE id = %s", (old_id,))[0], old_text)

    c = report_case(a, "监督员上报", "event", "0102", "龙泉驿区：垃圾桶满溢", XA + 250, 150)
    c = act(a, c.id, "accept", "operator", c.version)
    c = act(a, c.id, "register", "shift_leader", c.version)
    c = act(a, c.id, "dispatch", "dispatcher", c.version)
    assert c.state == "dispatched"
    row = wait_until(lambda: (r := city_row(city, DA, c.id)) and r[0] == "dispatched" and r,
                     "the dispatched case at the city")
    assert row[1] == c.case_no
    assert one(city, "SELECT department_code, department_name FROM citygrid.city_case WHERE district_code = %s "
                     "AND id = %s", (DA, c.id)) == ("HW", "环卫所")
    actions = "SELECT array_agg(action ORDER BY id) FROM {} WHERE case_id = %s"
    here = one(a, actions.format("citygrid.case_action"), (c.id,))[0]
    assert here == ["report", "accept", "register", "dispatch"]
    wait_until(lambda: one(city, actions.format("citygrid_feed.case_action") + " AND district_code = %s",
                           (c.id, DA))[0] == here, "the case's four actions at the city")

    grids = "SELECT array_agg(code ORDER BY code) FROM {} WHERE retired_at IS NULL"
    assert one(city, grids.format("citygrid_feed.grid") + " AND district_code = %s", (DA,))[0] == \
        one(a, grids.format("citygrid.grid"))[0]
    assert count(city, "SELECT count(*) FROM citygrid_feed.grid WHERE district_code = %s", (DA,)) == 6
    assert one(city, "SELECT array_agg(code ORDER BY code) FROM citygrid_feed.department WHERE district_code = %s",
               (DA,))[0] == ["HW", "JG", "SZ"]
    assert one(city, "SELECT array_agg(level || ':' || code ORDER BY code) FROM citygrid_feed.division "
                     "WHERE district_code = %s", (DA,))[0] == \
        [f"district:{DA}", f"street:{DA}001", f"community:{DA}001001"]
    link = {s.code: s for s in platform.status(city)}[DA]
    assert link.enabled and link.running and link.tables_ready == link.tables == len(platform.FEED_TABLES)
    assert link.cases == count(a, "SELECT count(*) FROM citygrid.work_case")


# -- 2. no personal data leaves a district ---------------------------------------------------------------
def test_no_reporter_phone_or_note_reaches_the_city(world):
    """A public report's reporter name and phone and the note of an action stay in the district:
    once the action is at the city, no table of the city's database holds any of them."""
    city, a = world.city, world.a
    name, phone, note = "欧阳秀英", "13987654321", "回访备注：住龙泉驿区某小区3栋2单元"
    c = report_case(a, "公众举报", "event", "0102", "小区门口垃圾无人清运", XA + 150, 150, reporter=name,
                    reporter_phone=phone)
    c = act(a, c.id, "accept", "operator", c.version, note=note)
    assert personal_data_rows(a, [name]) and personal_data_rows(a, [phone]) and personal_data_rows(a, [note]), \
        "the district keeps them (else this test proves nothing)"
    wait_until(lambda: count(city, "SELECT count(*) FROM citygrid_feed.case_action WHERE district_code = %s "
                                   "AND case_id = %s AND action = 'accept'", (DA, c.id)),
               "the accept action at the city")
    assert city_row(city, DA, c.id)[0] == c.state
    assert personal_data_rows(city, [name, phone, note]) == []


# -- 3. two districts ---------------------------------------------------------------------------------------
def test_two_districts_share_the_city_without_collision(world):
    """Both districts' cases are at the city, each under its own code: the same case id in both is
    two cases, each with its own district's description; the status lists both links."""
    city = world.city
    (id_a, text_a), (id_b, text_b) = world.first_case[DA], world.first_case[DB]
    assert id_a == id_b
    assert city_row(city, DA, id_a)[2] == text_a and city_row(city, DB, id_b)[2] == text_b
    assert one(city, "SELECT array_agg(DISTINCT district_code ORDER BY district_code) FROM citygrid.city_case")[0] \
        == [DA, DB]
    for code in (DA, DB):
        assert count(city, "SELECT count(*) FROM citygrid_feed.grid WHERE district_code = %s", (code,)) == 6
    assert count(city, "SELECT count(*) FROM citygrid.city_case WHERE district_code = %s", (DB,)) == \
        count(world.b, "SELECT count(*) FROM citygrid.work_case")
    assert one(city, "SELECT district_name FROM citygrid.city_case WHERE district_code = %s LIMIT 1", (DB,)) == \
        ("青白江区",)
    assert [s.code for s in platform.status(city)] == [DA, DB]


# -- 4. hand-over ----------------------------------------------------------------------------------------------
def test_handover_becomes_one_district_case_followed_by_the_city(world):
    """The city hands a case to a district: the district gets exactly one case with source 市级转办
    and external id city:<id>; the city sees it accepted with the case number, then the case's
    state as the district moves it. The same reference handed again, a sweep and a resync of the
    link add nothing."""
    city, a = world.city, world.a
    ref = f"12345-{uuid.uuid4().hex[:8]}"
    hid = platform.handover(city, DA, "event", "0102", "12345热线：龙泉驿区路边垃圾堆积", XA + 150, 50,
                            address="驿都大道100号", reference=ref)
    mine = "SELECT id, case_no, source, state, version FROM citygrid.work_case WHERE " + HANDED_AS
    case = wait_until(lambda: one(a, mine, handed_as(hid)), "the hand-over as a case of the district")
    case_id, case_no, source, state, version = case
    assert source == HANDED
    assert count(a, "SELECT count(*) FROM citygrid.work_case WHERE " + HANDED_AS, handed_as(hid)) == 1
    view = "SELECT status, case_no, case_state FROM citygrid.city_handover WHERE id = %s"
    wait_until(lambda: one(city, view, (hid,)) == ("accepted", case_no, state), "the city sees it accepted")

    moved = act(a, case_id, "accept", "operator", version)
    assert moved.state != state
    wait_until(lambda: one(city, view, (hid,)) == ("accepted", case_no, moved.state),
               "the city sees the district's new state")

    before = handovers_to(city, DA)
    assert platform.handover(city, DA, "event", "0102", "同一工单再次转办", XA + 150, 50, reference=ref) == hid
    assert handovers_to(city, DA) == before
    assert platform.handover_sweep(a) == 0

    result = platform.link(city, a, resync=True)
    assert result.created and result.notes == []
    assert count(a, "SELECT count(*) FROM citygrid.work_case WHERE " + HANDED_AS, handed_as(hid)) == 1
    assert count(a, "SELECT count(*) FROM citygrid.work_case WHERE source = %s", (HANDED,)) == handovers_to(city, DA)
    wait_until(lambda: one(city, view, (hid,)) == ("accepted", case_no, moved.state),
               "the hand-over still accepted after the resync")
    assert count(city, "SELECT count(*) FROM citygrid.city_case WHERE district_code = %s", (DA,)) == \
        count(a, "SELECT count(*) FROM citygrid.work_case")


def test_handover_the_district_cannot_take_comes_back_refused(world):
    """A hand-over of a class the city knows but the district's code profile has not (the city on the
    2026 standard, the district on 2013) makes no case: the city sees it refused with the district's
    reason, and the link goes on (the next hand-over is accepted)."""
    city, a = world.city, world.a
    profile = one(a, "SELECT profile FROM citygrid.district WHERE code = %s", (DA,))[0]
    cls = one(city, "SELECT min(code) FROM citygrid.event_class e WHERE active AND NOT EXISTS (SELECT 1 FROM "
                    "citygrid.event_class f WHERE f.profile = %s AND f.code = e.code)", (profile,))[0]
    hid = platform.handover(city, DA, "event", cls, "另一标准的类别", XA + 250, 50)
    view = "SELECT status, case_no, message FROM citygrid.city_handover WHERE id = %s"
    status, case_no, message = wait_until(lambda: (r := one(city, view, (hid,))) and r[0] != "sent" and r,
                                          "the district's answer at the city")
    assert (status, case_no) == ("refused", None)
    assert f"class {cls} is not in the district's code profile" in message
    assert count(a, "SELECT count(*) FROM citygrid.work_case WHERE " + HANDED_AS, handed_as(hid)) == 0
    ok = platform.handover(city, DA, "event", "0102", "拒收之后的下一件", XA + 250, 50)
    wait_until(lambda: one(city, view, (ok,))[0] == "accepted", "the next hand-over accepted")



def test_the_same_reference_with_spaces_is_the_same_hand_over(world):
    """A reference typed with a space before or after it (a work order pasted from 12345) is the
    same reference: handing it again returns the first hand-over, without an error."""
    city = world.city
    ref = f"12345-{uuid.uuid4().hex[:8]}"
    hid = platform.handover(city, DA, "event", "0102", "工单号前后带空格", XA + 250, 150, reference=f" {ref}")
    assert one(city, "SELECT reference FROM citygrid_handover.handover WHERE id = %s", (hid,)) == (ref,)
    assert platform.handover(city, DA, "event", "0102", "工单号前后带空格", XA + 250, 150, reference=f"{ref} ") == hid


# -- 5. bad input: a clear message and nothing written ------------------------------------------------------
def _links(city) -> tuple:
    """The city's links and rows, once every hand-over is answered (nothing is on its way then)."""
    wait_until(lambda: count(city, "SELECT count(*) FROM citygrid.city_handover WHERE status = 'sent'") == 0,
               "every hand-over answered")
    return (one(city, "SELECT array_agg(code || ' ' || store_uid ORDER BY code) FROM citygrid.platform_district"),
            count(city, "SELECT count(*) FROM pg_subscription"),
            count(city, "SELECT count(*) FROM citygrid_feed.work_case"))


def test_link_refuses_a_district_at_an_older_store_version(world):
    """A district store at an older version (18: no platform yet) is not linked; the message gives
    both versions and says to upgrade it."""
    before = _links(world.city)
    version = platform.schema_version(world.city)
    with extra_store(world.cluster, target=18) as old:
        with pytest.raises(platform.PlatformError, match=rf"is at store version 18, the city's at {version}: .*"
                                                         r"upgrade the district's store first"):
            platform.link(world.city, old)
        assert count(old, "SELECT count(*) FROM pg_subscription WHERE subdbid = (SELECT oid FROM pg_database "
                          "WHERE datname = current_database())") == 0
    assert _links(world.city) == before


def test_link_refuses_a_second_store_claiming_a_linked_code(world):
    """A second store made district 510112 cannot take the place of the linked one: refused with
    who holds the code, and the first district's rows, slot and link stay as they were."""
    city = world.city
    before = _links(city)
    slot = "SELECT database, active FROM pg_replication_slots WHERE slot_name = %s"
    with extra_store(world.cluster) as second:
        make_district_store(second.dsn, DA, "龙泉驿区（另一库）", XA)
        platform.init(second, "district", DA, "龙泉驿区（另一库）")
        with pytest.raises(platform.PlatformError, match=rf"division code {DA} is already linked to the city by "
                                                         r"another store \(龙泉驿区, linked .*two districts cannot"):
            platform.link(city, second)
        assert count(second, "SELECT count(*) FROM pg_replication_slots WHERE database = current_database()") == 0
    assert _links(city) == before
    assert one(city, slot, (f"citygrid_feed_{DA}",)) == (world.dbname["a"], True)
    link = {s.code: s for s in platform.status(city)}[DA]
    assert link.enabled and link.tables_ready == link.tables


def test_handover_refuses_a_position_outside_the_district(world):
    """A hand-over whose position is not in the district's grids is refused; the message names the
    linked district the position lies in, or says it lies in none; nothing is written."""
    city = world.city
    before = handovers_to(city, DA)
    with pytest.raises(db.StoreError, match=rf"lies outside district {DA} \(龙泉驿区\)'s unit grids; it lies in "
                                            rf"district {DB} 青白江区"):
        platform.handover(city, DA, "event", "0102", "位置在青白江区", XB + 150, 50)
    with pytest.raises(db.StoreError, match=rf"outside district {DA} .*it lies in no linked district"):
        platform.handover(city, DA, "event", "0102", "位置不在任何区", *NOWHERE)
    assert handovers_to(city, DA) == before


def test_handover_refuses_an_unlinked_district_and_an_unknown_class(world):
    """A hand-over to a district the city is not linked to, or of a class not in the code tables,
    is refused with a message saying so; nothing is written."""
    city = world.city
    total = count(city, "SELECT count(*) FROM citygrid_handover.handover")
    with pytest.raises(db.StoreError, match=rf"district 510199 is not linked to the city \(linked: {DA} 龙泉驿区, "
                                            rf"{DB} 青白江区\)"):
        platform.handover(city, "510199", "event", "0102", "未接入的区", XA + 150, 50)
    with pytest.raises(db.StoreError, match=r"event class 9999 is not in the code tables"):
        platform.handover(city, DA, "event", "9999", "未知类别", XA + 150, 50)
    assert count(city, "SELECT count(*) FROM citygrid_handover.handover") == total


def test_platform_set_is_the_store_owners_only(world):
    """A city login, even an administrator's, cannot make the store a platform or rename it."""
    admin = world.login("admin")
    before = platform.identity(world.city)
    denied(admin, "SELECT citygrid.platform_set('city', %s, '改名')", (CITY,),
           match=r"permission denied|only the store's owner")
    denied(admin, "UPDATE citygrid.platform SET name = '改名'", match=r"permission denied|row-level security")
    assert platform.identity(world.city) == before


def test_init_refuses_a_district_store_holding_two_districts(world):
    """A store holding two districts cannot become a district platform: refused, naming the other
    district; it stays a store on its own (no platform, no publication)."""
    with extra_store(world.cluster) as both:
        with both.cursor() as cur:
            cur.execute("INSERT INTO citygrid.district (code, name) VALUES (%s, '龙泉驿区'), (%s, '青白江区')",
                        (DA, DB))
        both.commit()
        with pytest.raises(platform.PlatformError, match=rf"holds districts {DB} besides {DA}: a district platform "
                                                         r"is one district"):
            platform.init(both, "district", DA, "龙泉驿区")
        assert platform.identity(both) is None
        assert count(both, "SELECT count(*) FROM pg_publication") == 0
        assert count(both, "SELECT count(*) FROM citygrid_feed.division") == 0


def test_a_platform_keeps_its_kind_and_code(world):
    """A district platform's code and a platform's kind never change (the city keys every row by
    them): refused with what the store is; nothing changes."""
    a_before, city_before = platform.identity(world.a), platform.identity(world.city)
    with pytest.raises(platform.PlatformError, match=rf"already the district platform {DA} \(龙泉驿区\); a platform's "
                                                     r"kind and code do not change"):
        platform.init(world.a, "district", "510114", "新都区")
    with pytest.raises(platform.PlatformError, match=rf"already the city platform {CITY}"):
        platform.init(world.city, "district", CITY, "成都市")
    with pytest.raises(platform.PlatformError, match=r"not a 6-digit code"):
        platform.init(world.city, "city", "5101", "成都市")
    assert (platform.identity(world.a), platform.identity(world.city)) == (a_before, city_before)


# -- 6. roles ------------------------------------------------------------------------------------------------
def test_city_operators_hand_over_dispatchers_and_analysts_cannot(world):
    """At the city an operator's login hands a case to a district (recorded in its name); a
    dispatcher's or an analyst's login cannot, and nothing is written."""
    city = world.city
    hid = platform.handover(world.login("operator"), DA, "component", "0101", "井盖破损（市平台受理）", XA + 50, 150)
    assert one(city, "SELECT created_by FROM citygrid.city_handover WHERE id = %s", (hid,)) == \
        (world.logins["operator"],)
    before = handovers_to(city, DA)
    for role in ("dispatcher", "analyst"):
        with pytest.raises(db.StoreError, match=r"permission denied|may not hand cases"):
            platform.handover(world.login(role), DA, "event", "0102", "无权转办", XA + 50, 150)
    assert handovers_to(city, DA) == before
    wait_until(lambda: one(city, "SELECT status FROM citygrid.city_handover WHERE id = %s", (hid,)) == ("accepted",),
               "the operator's hand-over accepted by the district")


def test_city_readers_read_every_district_but_cannot_write_the_feed(world):
    """The analyst's and the big screen's logins read the cases of every district (city_case) and
    cannot insert, change or delete a row of the feed: only replication writes it."""
    for role in ("analyst", "bigscreen"):
        conn = world.login(role)
        assert one(conn, "SELECT array_agg(DISTINCT district_code ORDER BY district_code) FROM citygrid.city_case")[0] \
            == [DA, DB]
        refused = r"permission denied|row-level security"
        denied(conn, "INSERT INTO citygrid_feed.work_case SELECT * FROM citygrid_feed.work_case LIMIT 1",
               match=refused)
        denied(conn, "UPDATE citygrid_feed.work_case SET state = 'closed'", match=refused)
        denied(conn, "DELETE FROM citygrid_feed.work_case", match=refused)
    assert count(world.city, "SELECT count(*) FROM citygrid_feed.work_case WHERE state = 'closed'") == 0


def test_district_replication_login_reads_only_the_feed(world):
    """At a district the city's replication login (citygrid_feed_<code>) reads the feed and nothing else: not
    the cases with their reporters; it may replicate and is no superuser. At the city the district's
    login reads the hand-overs only."""
    a, city = world.a, world.city
    login = f"citygrid_feed_{DA}"
    for table, allowed in (("citygrid.work_case", False), ("citygrid.case_reporter", False),
                           ("citygrid.case_action", False), ("citygrid_feed.work_case", True),
                           ("citygrid_feed.case_action", True)):
        assert one(a, "SELECT has_table_privilege(%s, %s, 'SELECT')", (login, table)) == (allowed,), table
    assert one(a, "SELECT rolreplication, rolsuper, rolcanlogin FROM pg_roles WHERE rolname = %s", (login,)) == \
        (True, False, True)
    back = f"citygrid_repl_{DA}"
    for table, allowed in (("citygrid_handover.handover", True), ("citygrid.work_case", False),
                           ("citygrid_feed.work_case", False)):
        assert one(city, "SELECT has_table_privilege(%s, %s, 'SELECT')", (back, table)) == (allowed,), table
    assert one(city, "SELECT rolreplication, rolsuper FROM pg_roles WHERE rolname = %s", (back,)) == (True, False)


# -- last: a failure leaves district 510112's feed down for the tests after it ----------------------------------
def test_a_district_feed_survives_a_reconnect_after_another_district_is_linked(world):
    """Two districts on one server, both linked: when the city's connection to the first district
    is made again (a network cut, a restart of either server), its new cases still reach the city
    (each district's feed has a login of its own: linking the second did not change the first's)."""
    city, a = world.city, world.a
    name = f"citygrid_district_{DA}"
    city.rollback()
    city.autocommit = True
    try:
        with city.cursor() as cur:
            cur.execute(sql.SQL("ALTER SUBSCRIPTION {} DISABLE").format(sql.Identifier(name)))
            wait_until(lambda: count(city, "SELECT count(*) FROM pg_stat_subscription WHERE subname = %s "
                                           "AND pid IS NOT NULL", (name,)) == 0, "the feed's worker gone")
            cur.execute(sql.SQL("ALTER SUBSCRIPTION {} ENABLE").format(sql.Identifier(name)))
    finally:
        city.autocommit = False
    c = report_case(a, "监督员上报", "event", "0102", "重连之后上报的案件", XA + 50, 150)
    wait_until(lambda: city_row(city, DA, c.id), "the case reported after the reconnect at the city")


def test_a_district_names_any_other_decoding_slot_as_a_risk(world):
    """A REPLICATION login can decode every change of a database, personal data included, whatever its
    table rights: the district's status names every logical slot that is not the city's, so an
    administrator sees one he did not make."""
    a = world.a
    status = platform.feed_slot_status(a)
    assert status["slot"] and status["other_slots"] == []
    slot = f"cgt_spy_{uuid.uuid4().hex[:8]}"
    with db.transaction(a, "{error}") as cur:
        cur.execute("SELECT pg_create_logical_replication_slot(%s, 'test_decoding')", (slot,))
    try:
        assert platform.feed_slot_status(a)["other_slots"] == [f"{slot} (test_decoding)"]
    finally:
        with db.transaction(a, "{error}") as cur:
            cur.execute("SELECT pg_drop_replication_slot(%s)", (slot,))


# -- the city's analyses read every district ------------------------------------------------------------------
def test_the_city_evaluates_ranks_and_maps_every_district(world):
    """At the city the evaluation ranks the districts by name and keys each department by its district
    (both districts have 环卫所 HW), the queue lists both districts' open cases, and hot spots count
    every district's cases in every district's grids — each equal to what the districts hold."""
    from datetime import datetime, timedelta

    from citygrid_plugin.core.casefilter import CST, CaseFilter
    from citygrid_plugin.store import analysis, evaluation

    city, a, b = world.city, world.a, world.b
    for conn, x0 in ((a, XA), (b, XB)):
        c = report_case(conn, "监督员上报", "event", "0102", "分析：垃圾桶满溢", x0 + 150, 50)
        c = act(conn, c.id, "accept", "operator", c.version)
        c = act(conn, c.id, "register", "shift_leader", c.version)
        act(conn, c.id, "dispatch", "dispatcher", c.version)
    total = {code: count(conn, "SELECT count(*) FROM citygrid.work_case") for code, conn in ((DA, a), (DB, b))}
    wait_until(lambda: all(count(city, "SELECT count(*) FROM citygrid_feed.work_case WHERE district_code = %s "
                                       "AND state = 'dispatched'", (code,)) >= 1 for code in (DA, DB))
               and all(count(city, "SELECT count(*) FROM citygrid_feed.work_case WHERE district_code = %s",
                             (code,)) == n for code, n in total.items()), "both districts' cases at the city")
    assert evaluation.is_city(city) and not evaluation.is_city(a)
    now = datetime.now(CST)
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    ev = evaluation.evaluate_period(city, start, start + timedelta(days=1), now=now)
    by_district = ev.figures("district")
    assert set(by_district) == {DA, DB}
    assert {ev.group_name("district", k) for k in by_district} == {"龙泉驿区", "青白江区"}
    for code, conn in ((DA, a), (DB, b)):   # the district's own figure of the day, seen from the city
        own = evaluation.evaluate_period(conn, start, start + timedelta(days=1), now=now).figures("district")
        assert by_district[code]["reported"].count == own[code]["reported"].count
    departments = ev.figures("department")
    assert {f"{DA}/HW", f"{DB}/HW"} <= set(departments)
    assert ev.group_name("department", f"{DB}/HW") == "青白江区 环卫所"

    queue = platform.city_queue(city)
    assert {q.district_code for q in queue} == {DA, DB}
    assert len(platform.city_queue(city, district=DB)) == count(
        b, "SELECT count(*) FROM citygrid.work_case WHERE state NOT IN ('closed', 'cancelled')")

    grids = analysis.active_grids(city)
    assert len(grids.codes) == 12 and {code[:6] for code in grids.codes} == {DA, DB}
    flt = CaseFilter(start=now - timedelta(days=1), end=now + timedelta(minutes=1))
    assert sum(analysis.counts_per_grid(city, flt, grids)) == analysis.case_total(city, flt) == \
        sum(analysis.case_total(conn, flt) for conn in (a, b))


def test_nobody_can_open_the_city_handover_source_to_a_desk(world):
    """市级转办 is reported by the store itself, from the city's hand-over: not even the owner can let a
    desk report under it (any role) or give another source the store's own role."""
    a = world.a
    for statement in ("UPDATE citygrid.case_source SET reporter_role = NULL WHERE name = '市级转办'",
                      "UPDATE citygrid.case_source SET reporter_role = 'operator' WHERE name = '市级转办'",
                      "UPDATE citygrid.case_source SET reporter_role = 'system' WHERE name = '12345热线'"):
        with pytest.raises(psycopg2.errors.CheckViolation):
            with a.cursor() as cur:
                cur.execute(statement)
        a.rollback()
    assert one(a, "SELECT reporter_role FROM citygrid.case_source WHERE name = '市级转办'") == ("system",)
