"""The command centre's screens at the CITY platform (issue 19): the big screen and the city's
queue (全市案件) over every district, read-only and live, against a real city store linked by real
logical replication to two real district stores of the private cluster.

金牛区 (grids at x 0..300) and 武侯区 (grids at x 1000..1300) are linked to 成都市 (510100) once for
the module. Their division codes are drawn at random for each run: replication slots are named by
code in the whole cluster (citygrid_feed_<code>), and other tests, benchmarks and a second run of
the suite link real codes (510104, Chengdu's districts) in the same cluster at the same time.
Everything is unlinked before the databases are dropped. What replication brings is waited for
with a deadline, never timed.
"""
from __future__ import annotations

import contextlib
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

from citygrid_plugin.connections import StoreTarget
from citygrid_plugin.store import db, platform
from citygrid_plugin.store.cases import act, report_case
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.platforms import drop_roles, make_district_store, new_store
from tests.helpers.platforms import wait_until as wait_for
from tests.helpers.qt import wait_until

_N = random.SystemRandom().randrange(5000, 9998, 2)
CITY, DA, DB = "510100", f"51{_N:04d}", f"51{_N + 1:04d}"   # codes no other test links
XA, XB = 0.0, 1000.0
CST = timezone(timedelta(hours=8))
PASSWORD = "Funan-River-19"


@dataclass
class City:
    cluster: object
    dbname: dict[str, str]
    conns: dict[str, object]
    logins: dict[str, str]     # the city's logins by role (password PASSWORD)
    cases: dict[str, object]   # name -> CaseRow at the district (the latest version this module made)

    @property
    def target(self) -> StoreTarget:
        return StoreTarget("private", self.dbname["city"])

    def move(self, name: str, action: str, role: str, note: str | None = None) -> None:
        """Act on a case at its district (as the district's staff would)."""
        conn = self.conns["a" if name.startswith("a") else "b"]
        case = self.cases[name]
        self.cases[name] = act(conn, case.id, action, role, case.version, note=note)


def _close(conn) -> None:
    if conn is not None and not conn.closed:
        conn.close()



def _city_cases(conn) -> int:
    with db.reading(conn) as cur:
        cur.execute("SELECT count(*) FROM citygrid.city_case")
        return cur.fetchone()[0]


@pytest.fixture(scope="module")
def city(cluster):
    """成都市 with 金牛区 and 武侯区 linked. At 金牛区: a1 dispatched today (to 环卫所 by the routing
    rule), a2 accepted nine days ago (its register deadline long past: overdue). At 武侯区: b1
    reported today, urgent; b2 reported and cancelled (not open)."""
    with contextlib.ExitStack() as stack:
        tag = uuid.uuid4().hex[:6]
        logins = {role: f"cgt_{tag}_city_{role}" for role in ("bigscreen", "leader")}
        # and the replication logins link() makes: the city's per district, the district's feed login
        stack.callback(drop_roles, cluster, [*logins.values(), *(f"citygrid_{kind}_{code}"
                                                                  for kind in ("repl", "feed") for code in (DA, DB))])
        dbname, conns = {}, {}
        for key in ("city", "a", "b"):
            dbname[key], dsn = new_store(cluster)
            stack.callback(cluster.drop_database, dbname[key])
            if key == "a":
                make_district_store(dsn, DA, "金牛区", XA)
            elif key == "b":
                make_district_store(dsn, DB, "武侯区", XB)
            conns[key] = db.connect(dsn)
            stack.callback(_close, conns[key])
        setup_roles(conns["city"])
        a, b = conns["a"], conns["b"]
        cases = {}
        cases["a1"] = report_case(a, "监督员上报", "event", "0102", "金牛区：一环路北暴露垃圾", XA + 50, 50)
        for action, role in (("accept", "operator"), ("register", "shift_leader"), ("dispatch", "dispatcher")):
            cases["a1"] = act(a, cases["a1"].id, action, role, cases["a1"].version)
        long_ago = datetime.now(CST) - timedelta(days=9)
        a2 = report_case(a, "监督员上报", "event", "0102", "金牛区：沙湾路暴露垃圾", XA + 250, 150, at=long_ago)
        cases["a2"] = act(a, a2.id, "accept", "operator", a2.version, at=long_ago + timedelta(minutes=5))
        cases["b1"] = report_case(b, "监督员上报", "event", "0102", "武侯区：锦里古街暴露垃圾", XB + 150, 50,
                                  address="武侯祠大街231号", urgent=True)
        b2 = report_case(b, "监督员上报", "event", "0102", "武侯区：重复上报", XB + 50, 150)
        cases["b2"] = act(b, b2.id, "cancel", "operator", b2.version, note="重复上报")
        platform.init(conns["city"], "city", CITY, "成都市")
        platform.init(a, "district", DA, "金牛区")
        platform.init(b, "district", DB, "武侯区")
        for role, login in logins.items():
            save_user(conns["city"], login, [role], f"市平台{role}", password=PASSWORD)
        for code, district in ((DA, a), (DB, b)):
            stack.callback(platform.unlink, conns["city"], code, district)   # before the databases go (LIFO)
            platform.link(conns["city"], district)
        assert _city_cases(conns["city"]) == 4
        yield City(cluster, dbname, conns, logins, cases)


def poll(check, what: str, timeout: float = 30.0, pause: float = 0.3):
    """Run *check* (which may click buttons) until it returns something truthy, spinning the Qt
    event loop between tries; fail with *what* after *timeout* seconds."""
    from qgis.PyQt.QtTest import QTest

    return wait_for(check, what, timeout, pause=lambda s: QTest.qWait(int(s * 1000)), every=pause)


def shown_ranked(rows) -> list[tuple[str, str, str]]:
    return [(name.text(), number.text(), late.text()) for name, _bar, number, late in rows if name.isVisible()]


# -- the big screen ------------------------------------------------------------------------------------
def test_the_big_screen_at_the_city_shows_every_district_live(qgis_app, city):
    from citygrid_plugin.gui.bigscreen import BigScreen

    screen = BigScreen(city.target, [], refresh_s=1)
    try:
        screen.open(full_screen=False)
        screen.showNormal()
        screen.resize(1920, 1080)
        assert screen.city and screen.kpi_ok, screen.kpi_error
        assert "成都市" in screen.title_label.text()
        assert screen.scope_label.text() == "Whole city"
        assert screen.periodic.interval() == 1000

        # the live layer: the open cases of both districts (the cancelled one is not open)
        layer = screen.cases_layer
        assert layer.isValid() and layer.featureCount() == 3
        districts = {f["district_code"] for f in layer.getFeatures()}
        assert districts == {DA, DB}
        assert [f["case_no"] for f in layer.getFeatures() if f["overdue"] is True] == [city.cases["a2"].case_no]
        for (xmin, _ymin, xmax, _ymax) in ((XA, 0, XA + 300, 200), (XB, 0, XB + 300, 200)):
            assert screen.home_extent.xMinimum() <= xmin and screen.home_extent.xMaximum() >= xmax

        # the figures of every district: a1, b1, b2 reported today; a1 registered today
        texts = {key: label.text() for key, label in screen.values.items()}
        assert texts["open"] == "3" and texts["overdue"] == "1"
        assert texts["reported"] == "3" and texts["closed"] == "0"
        assert screen.state_labels["accepted"][1].text() == "1"
        # departments named with their district; the districts ranked by their open cases
        assert ("金牛区 环卫所", "1", "") in shown_ranked(screen.department_rows)
        assert shown_ranked(screen.district_rows) == [("金牛区", "2", "1 overdue"), ("武侯区", "1", "")]
        assert screen.district_section.isVisible()

        # the tour goes through the districts, then the whole city
        screen.next_street()
        assert screen.scope_label.text() == "金牛区" and screen.values["open"].text() == "2"
        screen.next_street()
        assert screen.scope_label.text() == "武侯区" and screen.values["open"].text() == "1"
        assert screen.values["overdue"].text() == "0"
        screen.next_street()
        assert screen.street is None and screen.scope_label.text() == "Whole city"

        # a district moves a case: the city's screen follows (the city's NOTIFY city:<district>, or its timer)
        before = int(screen.state_labels["accepted"][1].text())
        city.move("b1", "accept", "operator")
        assert wait_until(lambda: screen.state_labels["accepted"][1].text() == str(before + 1), 30.0), \
            screen.state_labels["accepted"][1].text()
        assert screen.state_labels["reported"][1].text() == "0"
    finally:
        screen.close()
    assert screen.cases_layer is None


@contextlib.contextmanager
def logged_in(city, role: str):
    """The city's login of *role* as a QGIS connection with its password in QGIS's authentication
    database (as a command centre sets it up)."""
    from citygrid_plugin.connections import delete_connection, save_connection
    from tests.helpers.qgis import auth_config

    login = city.logins[role]
    p = city.cluster.client_params(city.dbname["city"])
    name = f"citygrid-city-{role}-{uuid.uuid4().hex[:6]}"
    save_connection(name, p["host"], p["port"], p["dbname"], login, authcfg=auth_config(login, PASSWORD))
    try:
        yield StoreTarget("connection", name)
    finally:
        delete_connection(name)


@pytest.fixture
def screen_login(qgis_app, city):
    with logged_in(city, "bigscreen") as target:
        yield target


def test_the_big_screen_at_the_city_reads_everything_on_its_read_only_role(screen_login):
    from citygrid_plugin.gui.bigscreen import BigScreen

    screen = BigScreen(screen_login, [])
    try:
        screen.open(full_screen=False)
        assert screen.city
        assert screen.kpi_ok, screen.kpi_error
        assert screen.status_label.text().startswith("Connected")
        assert screen.values["open"].text() == "3" and screen.values["overdue"].text() == "1"
        assert screen.cases_layer.isValid() and screen.cases_layer.featureCount() == 3
        assert [name for name, _n, _late in shown_ranked(screen.district_rows)] == ["金牛区", "武侯区"]
        screen.next_street()
        assert screen.scope_label.text() == "金牛区" and screen.kpi_ok, screen.kpi_error
    finally:
        screen.close()


# -- the city's queue ------------------------------------------------------------------------------------
def table_rows(dock) -> list[dict[str, str]]:
    from citygrid_plugin.gui.docks.city_queue import COLUMNS

    return [{column: dock.table.item(r, c).text() for c, column in enumerate(COLUMNS)}
            for r in range(dock.table.rowCount())]


def row_of(dock, district: str, case_no: str) -> int:
    """The table row of a case (case numbers are a district's own: two districts may share one)."""
    return next(i for i, r in enumerate(table_rows(dock))
                if r["district"] == district and r["case_no"].startswith(case_no))


def test_the_city_queue_lists_every_district_filters_and_follows_them(qgis_iface, city):
    from citygrid_plugin.gui.docks.city_queue import COLUMNS, CityQueueDock
    from citygrid_plugin.layers import store_info

    canvas = qgis_iface.mapCanvas()
    dock = CityQueueDock(qgis_iface, city.target, live=False)
    try:
        dock.resize(900, 500)
        dock.show()
        rows = table_rows(dock)
        assert {r["district"] for r in rows} == {"金牛区", "武侯区"} and len(rows) == 3
        assert [dock.district_filter.itemText(i) for i in range(dock.district_filter.count())] == \
            ["All districts", "金牛区", "武侯区"]
        a2, b1 = city.cases["a2"].case_no, city.cases["b1"].case_no
        assert (rows[0]["district"], rows[0]["case_no"]) == ("金牛区", a2)   # the first deadline first: overdue
        assert rows[row_of(dock, "武侯区", b1)]["case_no"] == f"{b1} [Urgent]"
        assert rows[0]["class_name"] == "暴露垃圾"
        late = dock.table.item(0, COLUMNS.index("deadline"))
        assert late.foreground().color().name() == "#a3161b"
        assert dock.count_label.text() == "3 open cases, 1 overdue"

        # one district; overdue only; a typed filter
        dock.district_filter.setCurrentIndex(dock.district_filter.findText("武侯区"))
        assert [r["case_no"] for r in table_rows(dock)] == [f"{b1} [Urgent]"]
        dock.district_filter.setCurrentIndex(0)
        dock.overdue_filter.click()
        assert [(r["district"], r["case_no"]) for r in table_rows(dock)] == [("金牛区", a2)]
        dock.overdue_filter.click()
        assert len(table_rows(dock)) == 3
        dock.text_filter.setText("锦里")
        assert [r["district"] for r in table_rows(dock)] == ["武侯区"]
        dock.text_filter.setText("武侯祠大街")   # the address
        assert len(table_rows(dock)) == 1
        dock.text_filter.clear()
        assert len(table_rows(dock)) == 3

        # a double-click shows the case on the map, from the store's CRS into the map's
        canvas.resize(600, 400)
        web = QgsCoordinateReferenceSystem("EPSG:3857")
        canvas.setDestinationCrs(web)
        dock.table.cellDoubleClicked.emit(row_of(dock, "武侯区", b1), COLUMNS.index("case_no"))
        store_crs = QgsCoordinateReferenceSystem.fromEpsgId(store_info(city.target)["srid"])
        there = QgsCoordinateTransform(store_crs, web, QgsProject.instance()).transform(QgsPointXY(XB + 150, 50))
        assert canvas.extent().contains(there) and canvas.extent().width() < 2000

        # a district moves a case: the city's queue shows its new state after a refresh
        a1 = city.cases["a1"].case_no
        assert table_rows(dock)[row_of(dock, "金牛区", a1)]["state"] == "Being handled"
        city.move("a1", "return", "department", note="不属本部门职责")

        def moved():
            dock.refresh_button.click()
            return table_rows(dock)[row_of(dock, "金牛区", a1)]["state"] == "Returned for dispatch"

        poll(moved, "the city's queue shows a1 returned")
        assert dock.conn.get_transaction_status() == 0  # no snapshot kept open between refreshes
        assert dock.ticker.isActive() and dock.ticker.interval() == 30_000
    finally:
        dock.shutdown()
        canvas.setDestinationCrs(QgsCoordinateReferenceSystem())


def test_the_hand_over_button_says_when_its_algorithm_is_missing(qgis_iface, city):
    from qgis.core import QgsApplication

    from citygrid_plugin.gui.docks.city_queue import HANDOVER_ALGORITHM, CityQueueDock

    if QgsApplication.processingRegistry().algorithmById(HANDOVER_ALGORITHM) is not None:
        pytest.skip("the hand-over algorithm is registered: clicking would open its dialog")
    dock = CityQueueDock(qgis_iface, city.target, live=False)
    try:
        assert dock.handover_button.isEnabled()   # the owner acts in every role
        dock.handover_button.click()
        assert HANDOVER_ALGORITHM in dock.status.text()
    finally:
        dock.shutdown()


def test_the_city_queue_at_a_district_says_it_lists_nothing(qgis_iface, city):
    from citygrid_plugin.gui.docks.city_queue import CityQueueDock

    dock = CityQueueDock(qgis_iface, StoreTarget("private", city.dbname["a"]), live=False)
    try:
        assert dock.city is False and dock.table.rowCount() == 0
        assert "not the city platform" in dock.status.text()
    finally:
        dock.shutdown()


@pytest.mark.parametrize("role", ["bigscreen", "leader"])
def test_the_city_queue_opens_on_the_read_only_roles(qgis_iface, city, role):
    """The big screen's and a leader's logins read the city's queue; neither hands cases over."""
    from citygrid_plugin.gui.docks.city_queue import CityQueueDock

    with logged_in(city, role) as target:
        dock = CityQueueDock(qgis_iface, target, live=False)
        try:
            assert dock.city and dock.status.text() == ""
            assert {r["district"] for r in table_rows(dock)} == {"金牛区", "武侯区"}
            assert dock.district_filter.count() == 3 and table_rows(dock)[0]["class_name"] == "暴露垃圾"
            assert not dock.handover_button.isEnabled()
        finally:
            dock.shutdown()


def test_the_plugin_offers_the_city_queue_at_the_city(qgis_iface, city):
    """The menu's 全市案件 is enabled for the city's logins at the city platform's store (a district's
    store disables it and says why: tests/gui/test_credentials.py)."""
    import citygrid_plugin
    from citygrid_plugin.connections import configured_target, save_target

    before = configured_target()
    with logged_in(city, "leader") as target:
        save_target(target)
        plugin = citygrid_plugin.classFactory(qgis_iface)
        plugin.initGui()
        try:
            plugin.check_store()
            assert plugin.platform_kind == "city"
            assert plugin.city_queue_action.isEnabled(), plugin.city_queue_action.toolTip()
        finally:
            plugin.unload()
            save_target(before)
