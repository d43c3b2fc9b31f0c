"""The big screen against the real store: today's figures from the audit, live updates on
NOTIFY, recovery after losing the connection, the street tour, and no connection left behind;
it fills its screen, shows a legend and a scale bar on the map, names the states in the
interface's language and fills its panel with figures a command centre reads (issue 13, item 11),
on the big screen's own read-only role too."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QImage
from qgis.PyQt.QtTest import QTest

from citygrid_plugin.connections import StoreTarget
from citygrid_plugin.gui.bigscreen import APPLICATION, BigScreen
from citygrid_plugin.layers import GRIDS, STORE_LAYERS, store_layer
from citygrid_plugin.store.cases import act, report_case
from citygrid_plugin.store.kpi import streets, today_kpis
from tests.helpers.qt import wait_until
from tests.stores import make_case_store

CST = timezone(timedelta(hours=8))


@pytest.fixture
def case_store(store_dsn):
    return make_case_store(store_dsn)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=CST)  # 2026-11-16 is a Monday


# the note an action of the history carries when the workflow asks for one (处置结果, 核查结果 …)
NOTES = {"feedback": "已清运", "check_ok": "现场已清理", "verify": "属实", "rework": "未处置到位"}


def run(conn, case, *steps):
    """Apply (action, role, at) steps to *case*; returns the case after the last one."""
    for action, role, when in steps:
        case = act(conn, case.id, action, role, case.version, at=when, note=NOTES.get(action))
    return case


def test_today_kpis_count_the_actions_of_the_day(case_store, conn_factory):
    conn = conn_factory(case_store)
    a = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 50, at=at(16, 9))
    a = run(conn, a, ("accept", "operator", at(16, 9, 5)), ("register", "shift_leader", at(16, 9, 20)),
            ("dispatch", "dispatcher", at(16, 9, 30)), ("feedback", "department", at(16, 14)),
            ("check_ok", "supervisor", at(16, 14, 20)), ("close", "shift_leader", at(16, 15)))
    b = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 150, 50, at=at(16, 10))
    b = run(conn, b, ("accept", "operator", at(16, 10, 5)), ("register", "shift_leader", at(16, 16, 50)))
    assert b.stage_deadline == at(17, 8, 50)  # 1 working hour: 16:50–17:30, then 08:30–08:50
    report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 250, 50, at=at(16, 11))
    # last Friday's case, accepted and then forgotten: its register deadline passed long ago
    d = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150, at=at(13, 9))
    d = run(conn, d, ("accept", "operator", at(13, 9, 5)))
    assert d.stage_deadline == at(13, 10, 5)

    now = at(16, 17, 45)
    k = today_kpis(conn, now=now)
    assert (k["reported"], k["registered"], k["closed"], k["closed_on_time"]) == (3, 2, 1, 1)
    assert k["on_time_rate"] == 1.0
    assert k["overdue"] == 1 and k["open"] == 3
    assert k["day_start"] == at(16, 0)
    by_state = {state: n for state, _name, n in k["by_state"]}
    assert by_state["reported"] == 1 and by_state["registered"] == 1 and by_state["accepted"] == 1
    assert sum(by_state.values()) == 3 and len(by_state) == 9  # every open state, zeros included
    assert ("accepted", "待立案", 1) in k["by_state"]
    assert conn.get_transaction_status() == 0  # idle: no snapshot kept open between refreshes

    # a case handled late (dispatched last Thursday, fed back today) closes 超时结案 today
    e = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 150, 150, at=at(12, 9))
    e = run(conn, e, ("accept", "operator", at(12, 9, 5)), ("register", "shift_leader", at(12, 9, 20)),
            ("dispatch", "dispatcher", at(12, 9, 30)), ("feedback", "department", at(16, 10)),
            ("check_ok", "supervisor", at(16, 10, 20)), ("close", "shift_leader", at(16, 17, 50)))
    assert today_kpis(conn, now=now)["closed"] == 1  # not yet at 17:45
    k = today_kpis(conn, now=at(16, 18))
    assert (k["closed"], k["closed_on_time"], k["on_time_rate"]) == (2, 1, 0.5)
    assert k["reported"] == 3 and k["overdue"] == 1

    # per street (3-digit or 9-digit code), and another day
    assert today_kpis(conn, now=at(16, 18), street_code="001") == k
    assert today_kpis(conn, now=at(16, 18), street_code="510104001") == k
    other = today_kpis(conn, now=at(16, 18), street_code="002")
    assert (other["reported"], other["closed"], other["on_time_rate"], other["open"]) == (0, 0, None, 0)
    friday = today_kpis(conn, now=at(13, 18))
    assert (friday["reported"], friday["registered"], friday["closed"]) == (1, 0, 0)

    assert streets(conn) == [{"code": "510104001", "name": "春熙路街道", "extent": (0.0, 0.0, 300.0, 200.0)}]


def screen_connections(conn) -> int:
    """The big screen's connections (its session's and its listener's)."""
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE %s AND datname = "
                    "current_database()", (APPLICATION + "%",))
        n = cur.fetchone()[0]
    conn.rollback()
    return n


@pytest.fixture
def target(case_store, fresh_db):
    return StoreTarget("private", fresh_db)


def test_big_screen_shows_live_figures_and_leaves_nothing_open(qgis_app, case_store, target, conn_factory,
                                                               tmp_path):
    conn = conn_factory(case_store)
    admin = conn_factory(case_store)
    first = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 50)
    first = run(conn, first, ("accept", "operator", None), ("register", "shift_leader", None))
    second = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 250, 150)
    second = run(conn, second, ("accept", "operator", None))

    grids = store_layer(target, next(s for s in STORE_LAYERS if s.table == GRIDS))
    assert grids.isValid()
    screen = BigScreen(target, [grids])
    try:
        screen.open(full_screen=False)
        screen.showNormal()
        screen.resize(1600, 900)
        assert screen.cases_layer.isValid() and screen.cases_layer.featureCount() == 2
        assert [layer.id() for layer in screen.canvas.layers()] == [screen.cases_layer.id(), grids.id()]
        texts = {key: label.text() for key, label in screen.values.items()}
        assert texts == {"reported": "2", "registered": "1", "closed": "0", "on_time_rate": "—", "overdue": "0",
                         "open": "2"}
        assert screen.state_labels["registered"][1].text() == "1"
        assert screen.state_labels["accepted"][0].text() == "Awaiting registration"  # the interface's language
        assert screen.values["reported"].font().pixelSize() >= 48
        assert screen.status_label.text().startswith("Connected")
        assert screen_connections(admin) == 2  # the listener and the figures, nothing else

        # an action on another connection: the figures follow within the debounce
        run(conn, second, ("register", "shift_leader", None))
        assert wait_until(lambda: screen.values["registered"].text() == "2", 3.0)
        assert screen.state_labels["accepted"][1].text() == "0"
        assert screen_connections(admin) == 2  # the same connections, reused

        assert wait_until(lambda: not screen.canvas.isDrawing(), 10.0)
        png = tmp_path / "bigscreen.png"
        assert screen.grab().save(str(png))
        image = QImage(str(png))
        assert not image.isNull() and image.width() >= 1000 and png.stat().st_size > 10_000
        colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}
        assert len(colours) > 5

        # the street tour: the street's figures and extent, then the whole district again
        screen.next_street()
        assert screen.scope_label.text() == "春熙路街道" and screen.street["code"] == "510104001"
        assert screen.canvas.extent().contains(screen.canvas.extent().center())
        assert screen.values["registered"].text() == "2"
        screen.next_street()
        assert screen.street is None and screen.scope_label.text() == "Whole district"
        screen.set_cycling(30)
        assert screen.tour.isActive() and screen.tour.interval() == 30_000
        screen.set_cycling(0)
        assert not screen.tour.isActive()
    finally:
        screen.close()
    assert screen.cases_layer is None and (screen.listener is None or not screen.listener.running)
    assert wait_until(lambda: screen_connections(admin) == 0, 3.0)


def test_big_screen_recovers_when_its_connections_are_killed(qgis_app, case_store, target, conn_factory):
    conn = conn_factory(case_store)
    admin = conn_factory(case_store)
    admin.autocommit = True
    screen = BigScreen(target, [])
    try:
        screen.retry.setInterval(300)  # 5 s in service
        screen.open(full_screen=False)
        assert screen.values["reported"].text() == "0"
        with admin.cursor() as cur:  # what a database restart does to every session
            cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE %s "
                        "AND datname = current_database()", (APPLICATION + "%",))
            assert len(cur.fetchall()) == 2
        assert wait_until(lambda: "reconnecting" in screen.status_label.text(), 5.0)
        screen.refresh()  # the figures' connection is found dead on its next use, and retried
        assert wait_until(lambda: screen.status_label.text().startswith("Connected"), 15.0), \
            screen.status_label.text()
        report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 50)
        assert wait_until(lambda: screen.values["reported"].text() == "1", 3.0)
    finally:
        screen.close()
    assert wait_until(lambda: screen_connections(admin) == 0, 3.0)


def test_escape_leaves_full_screen_then_closes(qgis_app, target):
    screen = BigScreen(target, [])
    closed = []
    screen.closed.connect(lambda: closed.append(True))
    screen.open(full_screen=True)
    assert screen.isFullScreen()
    QTest.keyClick(screen, Qt.Key_Escape)
    assert not screen.isFullScreen() and screen.isVisible() and not closed
    QTest.keyClick(screen, Qt.Key_Escape)
    assert closed == [True] and not screen.isVisible()


def test_names_from_the_store_are_shown_as_text_not_markup(qgis_app, case_store, target, conn_factory):
    """Issue 12, item 5: a street or department name holding HTML is shown as it is written, in
    plain labels (a QLabel would otherwise render it, links and images included)."""
    from qgis.PyQt.QtWidgets import QLabel

    street = '<a href="file:///etc/passwd">春熙路</a><img src="file:///etc/passwd">'
    department = "<b>环卫所</b></td><td>结案"
    admin = conn_factory(case_store)
    with admin.cursor() as cur:
        cur.execute("UPDATE citygrid.street SET name = %s WHERE code = '001'", (street,))
        cur.execute("UPDATE citygrid.department SET name = %s WHERE code = 'HW'", (department,))
    admin.commit()
    case = report_case(admin, "监督员上报", "event", "0102", "暴露垃圾", 50, 50)
    run(admin, case, ("accept", "operator", None), ("register", "shift_leader", None),
        ("dispatch", "dispatcher", None))
    screen = BigScreen(target, [], cycle_s=1)  # the street tour, as the command centre runs it
    try:
        screen.open(full_screen=False)
        assert screen.department_rows[0][0].text() == department
        assert wait_until(lambda: screen.scope_label.text() == street, 3.0), screen.scope_label.text()
        labels = screen.findChildren(QLabel)
        assert labels and all(label.textFormat() == Qt.PlainText for label in labels)
    finally:
        screen.close()


def test_big_screen_fills_its_screen_with_a_legend_a_scale_bar_and_figures(qgis_app, case_store, target,
                                                                          conn_factory):
    """Issue 13, item 11: without a window manager the window used to open at 720 × 820 with a
    100 px map; it now takes its screen (the available area, or all of it in full screen), the
    map carries a legend of the layers shown and a scale bar, and the panel's figures reach down
    its height: the open cases by state as bars, the departments holding the most open cases."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtGui import QGuiApplication

    from citygrid_plugin.layers import TEMPORARY_PROPERTY

    conn = conn_factory(case_store)
    steps = (("accept", "operator", None), ("register", "shift_leader", None), ("dispatch", "dispatcher", None))
    for x, done in ((50, 3), (150, 2), (250, 1)):  # dispatched (to 环卫所 by the routing rule), registered, accepted
        run(conn, report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", x, 50), *steps[:done])
    days_ago = datetime.now(CST) - timedelta(days=9)
    late = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 250, 150, at=days_ago)
    run(conn, late, ("accept", "operator", days_ago))  # its register deadline passed long ago
    grids = store_layer(target, next(s for s in STORE_LAYERS if s.table == GRIDS))
    heat = store_layer(target, next(s for s in STORE_LAYERS if s.table == GRIDS))
    heat.setCustomProperty(TEMPORARY_PROPERTY, "heatmap")  # another window's layer: not on the big screen
    screen = BigScreen(target, [heat, grids])
    try:
        assert screen.canvas.layers()[1:] == [grids]
        area = QGuiApplication.primaryScreen()
        screen.open(full_screen=False)
        assert screen.size() == area.availableGeometry().size()
        screen.open(full_screen=True)
        assert screen.geometry() == area.geometry()
        screen.showNormal()
        screen.resize(1920, 1080)  # the command centre's wall
        assert wait_until(lambda: screen.canvas.width() >= 1000 and not screen.canvas.isDrawing(), 5.0)
        assert screen.canvas.height() >= 1000

        # the legend names what is on the map; the scale bar's length is what it says
        legend = screen.legend.texts()
        assert legend[:2] == ["Open case, coloured by state", "Overdue (red ring)"] and "Unit grids" in legend
        bar = screen.scale_bar
        assert bar.text.endswith((" m", " km")) and bar.isVisible()
        metres_per_pixel = screen.canvas.mapUnitsPerPixel()  # the store's CRS is in metres
        assert abs(bar.bar_pixels * metres_per_pixel - bar.metres) < 1e-6 * bar.metres
        assert screen.canvas.width() / 10 <= bar.bar_pixels <= screen.canvas.width() / 4
        before = screen.canvas.mapUnitsPerPixel()
        screen.next_street()  # the tour zooms to the street: the bar follows the new scale
        assert screen.canvas.mapUnitsPerPixel() != before
        assert abs(bar.bar_pixels * screen.canvas.mapUnitsPerPixel() - bar.metres) < 1e-6 * bar.metres
        screen.set_cycling(0)

        # the panel: today's tiles, every open state with its bar, the departments
        states = {state: (name.text(), count.text(), bar.value()) for state, (name, count, bar)
                  in screen.state_labels.items()}
        assert states["dispatched"] == ("Being handled", "1", 1) and states["registered"][1] == "1"
        assert states["accepted"] == ("Awaiting registration", "2", 2) and states["handled"][1:] == ("0", 0)
        shown = [(name.text(), number.text(), late.text()) for name, _bar, number, late in screen.department_rows
                 if name.isVisible()]
        assert shown == [("环卫所", "1", "")]
        assert screen.values["overdue"].text() == "1" and screen.values["reported"].text() == "3"
        assert screen.values["reported"].font().pixelSize() >= 48
        lowest = max(w.mapTo(screen.panel, w.rect().bottomLeft()).y() for name, *_rest in screen.department_rows
                     for w in (name,) if w.isVisible())
        assert lowest > 0.7 * screen.panel.height(), (lowest, screen.panel.height())
        assert screen.panel.geometry().bottom() < 1080
    finally:
        screen.close()
        QgsProject.instance().clear()


@pytest.fixture
def screen_login(qgis_app, cluster, fresh_db):
    """The command centre's own login (role bigscreen, password in QGIS's authentication
    database, as tests/gui/test_credentials.py sets it up) and two cases dispatched today, one to
    环卫所 (HW), one to 交管 (JG)."""
    import uuid

    from citygrid_plugin.connections import delete_connection, save_connection
    from citygrid_plugin.store import db, migrate, reference
    from citygrid_plugin.store.roles import save_user, setup_roles
    from tests.helpers.qgis import auth_config

    dsn = cluster.dsn(fresh_db)
    conn = db.connect(dsn)
    migrate.upgrade(conn)
    reference.load_standard_classes(conn)
    make_case_store(dsn)
    setup_roles(conn)
    tag = uuid.uuid4().hex[:6]
    login, password = f"cgt_{tag}_screen", "Jinjiang-River-7"
    save_user(conn, login, ["bigscreen"], "指挥大厅大屏", password=password)
    for cls, x, department in (("0102", 50, None), ("0505", 250, "JG")):
        case = report_case(conn, "监督员上报", "event", cls, "测试", x, 50)
        for action, role in (("accept", "operator"), ("register", "shift_leader"), ("dispatch", "dispatcher")):
            case = act(conn, case.id, action, role, case.version,
                       data={"department": department} if department and action == "dispatch" else None)
    p = cluster.client_params(fresh_db)
    name = f"citygrid-bigscreen-{tag}"
    save_connection(name, p["host"], p["port"], p["dbname"], login, authcfg=auth_config(login, password))
    yield StoreTarget("connection", name)
    delete_connection(name)
    conn.rollback()
    with conn.cursor() as cur:
        cur.execute(f'DROP ROLE IF EXISTS "{login}"')
    conn.commit()
    conn.close()


def test_the_big_screen_shows_every_figure_on_its_read_only_role(screen_login):
    """Issue 13, item 11: the panel's figures (today's, by state, by department) and the live
    layer read only what the big screen's login may read (no reporter, actor or note)."""
    screen = BigScreen(screen_login, [])
    try:
        screen.open(full_screen=False)
        assert screen.kpi_ok, screen.kpi_error
        assert screen.status_label.text().startswith("Connected")
        assert screen.values["open"].text() == "2" and screen.values["reported"].text() == "2"
        assert screen.state_labels["dispatched"][:2] and screen.state_labels["dispatched"][1].text() == "2"
        shown = {name.text(): number.text() for name, _bar, number, _late in screen.department_rows
                 if name.isVisible()}
        assert shown == {"环卫所": "1", "交管": "1"}
        assert screen.cases_layer.isValid() and screen.cases_layer.featureCount() == 2
    finally:
        screen.close()
