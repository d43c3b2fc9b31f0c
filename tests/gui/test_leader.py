"""The leaders' view (领导视窗) on the leaders' morning (tests/helpers/leader.py): thirteen cases
acted in the names of real staff logins, each figure known by hand. A leader signs in with his
password (a QGIS connection whose password sits in QGIS's authentication database), opens the dock
at the size it has docked in QGIS and reads:

- today's and this month's figures, each equal to the hand count, with the change against the
  same point of October, the month's equal to the evaluation's (same definitions);
- the overdue and urged lists and the lowest-scoring departments;
- a click on any figure lists exactly its cases; a double-click in a list opens the case;
- nothing personal anywhere (the store refuses him the reporters; the dock never asks), and the
  same for an analyst, an administrator and even the store's owner, who could read them;
- live: a report by a supervisor, with her password, shows in "reported today" without a click.

Everything is clicked as a person clicks and read back from the widgets."""
from __future__ import annotations

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QLabel, QMainWindow, QTableWidget, QTextBrowser, QWidget

from citygrid_plugin.connections import StoreTarget, delete_connection, save_connection
from citygrid_plugin.core.casefilter import CST
from citygrid_plugin.store import db
from tests.helpers.leader import EXPECTED, EXPECTED_THEN, NOW, REPORTERS, THEN, leader_store, letters
from tests.helpers.qgis import auth_config
from tests.helpers.qt import wait_until
from tests.helpers.sql import PASSWORD, denied

DOCK_SIZE = (420, 900)   # the dock on the right of QGIS's main window
PERSONAL = [text for pair in REPORTERS.values() for text in pair]


@pytest.fixture(scope="module")
def morning(cluster):
    yield from leader_store(cluster)


@pytest.fixture(scope="module")
def targets(qgis_app, morning, cluster):
    """A QGIS connection per login, each with its password in QGIS's authentication database."""
    _ids, logins, dsn = morning
    p = cluster.client_params(dsn.split("dbname=")[1].split()[0])
    out = {}
    for key in ("leader", "analyst", "admin", "sup"):
        name = f"citygrid-leader-{key}-{logins[key]}"
        save_connection(name, p["host"], p["port"], p["dbname"], logins[key],
                        authcfg=auth_config(logins[key], PASSWORD))
        out[key] = StoreTarget("connection", name)
    name = f"citygrid-leader-owner-{logins['leader']}"   # the store's owner: he may read the reporters
    save_connection(name, p["host"], p["port"], p["dbname"], p["user"])
    out["owner"] = StoreTarget("connection", name)
    yield out
    for target in out.values():
        delete_connection(target.name)


@pytest.fixture
def window(qgis_app):
    main = QMainWindow()
    main.setCentralWidget(QWidget())
    main.resize(1400, DOCK_SIZE[1])
    yield main
    main.close()
    main.deleteLater()


def login_dsn(cluster, dsn: str, login: str) -> str:
    """A libpq DSN to the store as *login*, with the password (a person's own connection)."""
    p = cluster.client_params(dsn.split("dbname=")[1].split()[0])
    return f"host={p['host']} port={p['port']} dbname={p['dbname']} user={login} password={PASSWORD}"


def open_dock(window, target, clock=lambda: NOW, live=False):
    from citygrid_plugin.gui.docks.leader import LeaderDock

    dock = LeaderDock(None, target, live=live, clock=clock)
    window.addDockWidget(Qt.RightDockWidgetArea, dock)
    window.show()
    window.resizeDocks([dock], [DOCK_SIZE[0]], Qt.Horizontal)
    QTest.qWait(200)
    assert dock.view is not None, dock.status.text()
    return dock


@pytest.fixture
def leader_dock(window, targets):
    dock = open_dock(window, targets["leader"])
    yield dock
    dock.shutdown()


def click(widget) -> None:
    """A mouse click in the middle of *widget*, brought into view first (the page scrolls)."""
    dock = widget.window().findChild(QWidget, "CityGridLeader") or widget
    scroll = getattr(dock, "scroll", None)
    if scroll is not None and scroll.isAncestorOf(widget):
        scroll.ensureWidgetVisible(widget)
        QTest.qWait(30)
    assert widget.isVisible()
    QTest.mouseClick(widget, Qt.LeftButton, Qt.NoModifier, widget.rect().center())
    QTest.qWait(50)


def click_cell(table: QTableWidget, row: int, column: int, double: bool = False) -> None:
    dock = table.window().findChild(QWidget, "CityGridLeader")
    dock.scroll.ensureWidgetVisible(table)
    QTest.qWait(30)
    rect = table.visualRect(table.model().index(row, column))
    assert table.viewport().rect().contains(rect.center()), "the cell is not on screen"
    QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    if double:   # a double-click is a click, then the second press (Qt's view needs both)
        QTest.mouseDClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    QTest.qWait(50)


def listed(dock) -> list[int]:
    """The case ids the drill-down page lists, as its table shows them."""
    from citygrid_plugin.gui.docks.case_table import ID_ROLE

    assert dock.pages.currentIndex() == 1, "the cases are listed"
    table = dock.case_table
    return [table.item(r, 0).data(ID_ROLE) for r in range(table.rowCount())]


def shown_value(expected) -> str:
    if isinstance(expected, tuple):
        hits, ids = expected
        return f"{100 * len(hits) / len(ids):.1f}%" if ids else "—"
    return str(len(expected))


def value_of(expected) -> float | None:
    if isinstance(expected, tuple):
        return len(expected[0]) / len(expected[1]) if expected[1] else None
    return float(len(expected))


def shown_change(key: str) -> str:
    now, then = value_of(EXPECTED[key]), value_of(EXPECTED_THEN[key])
    if now is None or then is None:
        return "no figure a month ago"
    change = now - then
    if abs(change) < 1e-9:
        return "level with a month ago"
    sign = "+" if change > 0 else "−"
    return f"{sign}{abs(change) * 100:.1f} pts" if isinstance(EXPECTED[key], tuple) else f"{sign}{abs(change):.0f}"


# -- the figures ------------------------------------------------------------------------------------
def test_every_figure_is_the_hand_count_and_lists_exactly_its_cases(leader_dock, morning):
    ids, _logins, _dsn = morning
    dock = leader_dock
    assert "2026-11-20 16:00" in dock.as_of.text()
    for key, expected in EXPECTED.items():
        tile = dock.tiles[key]
        assert tile.value.text() == shown_value(expected), key
        assert tile.change.text() == shown_change(key), key
        click(tile)
        cases = expected[1] if isinstance(expected, tuple) else expected   # a rate: the cases it is computed over
        assert letters(ids, listed(dock)) == cases, key
        assert f"— {len(cases)} cases" in dock.drill_label.text(), dock.drill_label.text()
        click(dock.back_button)
        assert dock.pages.currentIndex() == 0


def test_the_month_is_the_evaluation_of_the_month(leader_dock, morning):
    """The month's figures are the evaluation's own (store.evaluation.evaluate_period, the
    district's row), the same cases behind each."""
    from citygrid_plugin.core.periods import parse_period
    from citygrid_plugin.store.evaluation import evaluate_period

    _ids, _logins, dsn = morning
    conn = db.connect(dsn)
    try:
        month = parse_period("2026-11")
        row = evaluate_period(conn, month.start, month.end, now=NOW).figures("district")["510104"]
    finally:
        conn.close()
    for key in ("reported", "closed", "on_time_handling_rate", "on_time_closing_rate", "satisfaction_rate"):
        tally = leader_dock.view.month_figures[key]
        figure = row[key]
        if figure.denominator is None:
            assert tally.ids == figure.numerator and leader_dock.tiles[key].value.text() == str(figure.count)
        else:
            assert (tally.hits, tally.ids) == (figure.numerator, figure.denominator), key
            assert leader_dock.tiles[key].value.text() == f"{100 * figure.value:.1f}%"


def test_overdue_and_urged_cases_most_overdue_first_and_a_double_click_opens_one(leader_dock, morning):
    ids, _logins, _dsn = morning
    dock = leader_dock
    table = dock.overdue_table

    def rows(t):
        return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]

    assert dock.lists.tabText(0) == "Overdue now (3)" and dock.lists.tabText(1) == "Urged now (2)"
    assert [r[1:] for r in rows(table)] == [["暴露垃圾", "环卫所", "23 d 1 h"], ["暴露垃圾", "环卫所", "4 d 1 h"],
                                          ["暴露垃圾", "环卫所", "50 min"]]
    numbers = [r[0] for r in rows(table)]
    assert letters(ids, [dock.view.overdue[i].id for i in range(3)]) == "BDG" and len(set(numbers)) == 3
    assert table.item(0, 3).foreground().color().name() == "#c62828", "overdue in red"
    bar = dock.lists.tabBar()
    QTest.mouseClick(bar, Qt.LeftButton, Qt.NoModifier, bar.tabRect(1).center())
    QTest.qWait(50)
    assert dock.lists.currentWidget() is dock.urged_table
    assert [(r[2], r[3], r[4]) for r in rows(dock.urged_table)] == [("环卫所", "4 d 1 h", "2"),
                                                                    ("环卫所", "50 min", "1")]
    click_cell(dock.urged_table, 0, 0, double=True)   # D, urged twice
    assert letters(ids, listed(dock)) == "BD"
    html = dock.case_view.browser.toPlainText()
    assert dock.urged_table.item(0, 0).text() in html and "案件 D" in html
    assert not any(text in html for text in PERSONAL)


def test_the_lowest_scoring_departments_and_their_cases(leader_dock, morning):
    """环卫所: handled 1 of 3 due (A on time; B, D overdue): 30/3 + 20/3 + 20 + 20/3 + 10 = 53.3;
    市政所: E on time, F late: 30 + 10 + 20 + 20 + 10 = 90; 交管 had nothing due: no score."""
    ids, _logins, _dsn = morning
    dock = leader_dock
    table = dock.worst_table
    assert [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())] == [
        ["环卫所", "53.3", "33.3%", "2"], ["市政所", "90.0", "50.0%", "0"]]
    click_cell(table, 0, 3)
    assert letters(ids, listed(dock)) == "BD"
    assert "环卫所 · Overdue, not handled" in dock.drill_label.text()
    layer = dock.drill_layer   # on the map too, read over the leader's own login
    assert layer.isValid() and sorted(f["id"] for f in layer.getFeatures()) == sorted([ids["B"], ids["D"]])
    click(dock.back_button)
    click_cell(table, 0, 2)   # the on-time rate: the cases due for handling it is computed over
    assert letters(ids, listed(dock)) == "ABD" and layer.featureCount() == 3
    layer_id = layer.id()
    dock.shutdown()
    assert QgsProject.instance().mapLayer(layer_id) is None, "the layer goes with the dock"


def test_at_the_docked_size_every_figure_and_case_number_is_whole(leader_dock):
    dock = leader_dock
    assert dock.width() == DOCK_SIZE[0]
    for key, tile in dock.tiles.items():
        if tile.isVisible():
            assert tile.value.width() >= tile.value.sizeHint().width(), key
            assert tile.caption.height() >= tile.caption.heightForWidth(tile.caption.width()), key   # wrapped, whole
            assert tile.change.height() >= tile.change.heightForWidth(tile.change.width()), key
    table = dock.overdue_table
    metrics = table.fontMetrics()
    assert table.columnWidth(0) >= metrics.horizontalAdvance(table.item(0, 0).text())
    assert dock.scroll.horizontalScrollBar().maximum() == 0, "nothing to scroll sideways"


# -- nothing personal -------------------------------------------------------------------------------
def everything_shown(dock) -> str:
    """Every text the dock shows or offers (labels, cells, tooltips, the case detail), every page."""
    texts = [w.text() for w in dock.findChildren(QLabel)] + [w.toolTip() for w in dock.findChildren(QWidget)]
    for table in dock.findChildren(QTableWidget):
        texts += [table.item(r, c).text() + table.item(r, c).toolTip()
                  for r in range(table.rowCount()) for c in range(table.columnCount()) if table.item(r, c)]
    texts += [b.toPlainText() for b in dock.findChildren(QTextBrowser)]
    return "\n".join(texts)


@pytest.mark.parametrize("who", ["leader", "analyst", "admin", "owner"])
def test_no_reporter_anywhere_and_the_dock_works_for_each_reader(window, targets, morning, cluster, who):
    from citygrid_plugin.store.roles import ROLES

    ids, logins, dsn = morning
    if who == "leader":
        assert "leader" in ROLES
        conn = db.connect(login_dsn(cluster, dsn, logins["leader"]))
        try:   # the store refuses him the reporters: the dock must not even ask
            denied(conn, "SELECT name, phone FROM citygrid.case_reporter")
        finally:
            conn.close()
    dock = open_dock(window, targets[who])
    try:
        assert dock.tiles["reported_today"].value.text() == "5", dock.status.text()
        for key in EXPECTED:
            click(dock.tiles[key])
            for r in range(dock.case_table.rowCount()):   # every case of every figure, opened
                dock.case_table.selectRow(r)
                QTest.qWait(10)
                assert dock.case_view.case is not None, dock.status.text()
                shown = everything_shown(dock)
                assert not any(text in shown for text in PERSONAL), (key, r)
            click(dock.back_button)
        assert "denied" not in dock.status.text() and "拒绝" not in dock.status.text(), dock.status.text()
        assert not any(text in everything_shown(dock) for text in PERSONAL)
    finally:
        dock.shutdown()


# -- live -------------------------------------------------------------------------------------------
def test_a_report_shows_at_once_and_the_button_reads_again(window, targets, morning, cluster):
    """On the real clock: a supervisor reports a case with her own login (the store's workflow
    function); the store's NOTIFY refreshes the leader's dock, which lists the new case."""
    from datetime import datetime

    from citygrid_plugin.store.cases import report_case

    ids, logins, dsn = morning
    dock = open_dock(window, targets["leader"], clock=lambda: datetime.now(CST), live=True)
    try:
        assert wait_until(lambda: dock.listener is not None and dock.listener.connected, 10)
        before = int(dock.tiles["reported_today"].value.text())
        supervisor = db.connect(login_dsn(cluster, dsn, logins["sup"]))
        try:
            case = report_case(supervisor, "监督员上报", "event", "0102", "垃圾桶满溢", 120, 40)
        finally:
            supervisor.close()
        assert wait_until(lambda: dock.tiles["reported_today"].value.text() == str(before + 1), 15), \
            dock.status.text()
        click(dock.tiles["reported_today"])
        assert case.id in listed(dock)
        click(dock.back_button)
        dock.status.clear()
        click(dock.refresh_button)
        assert "cases of" in dock.status.text() and "live" in dock.status.text()
    finally:
        dock.shutdown()


def test_a_live_refresh_reads_last_month_again_only_once_its_point_moved(morning):
    """The past does not change: a live dock reuses last month's evaluation for a few minutes (a
    large district's month takes seconds to evaluate); the figures are the same either way."""
    from datetime import timedelta

    from citygrid_plugin.store.leader import leader_view

    _ids, _logins, dsn = morning
    conn = db.connect(dsn)
    try:
        first = leader_view(conn, now=NOW)
        # (before 16:05, when C's verification falls overdue)
        soon = leader_view(conn, now=NOW + timedelta(seconds=50), before=first.before, reuse=timedelta(minutes=1))
        later = leader_view(conn, now=NOW + timedelta(minutes=3), before=first.before, reuse=timedelta(minutes=1))
    finally:
        conn.close()
    assert soon.before is first.before and soon.then == first.then == THEN
    assert later.before is not first.before and later.then == THEN + timedelta(minutes=3)
    for view in (soon, later):
        assert {k: (t.value, t.before) for k, t in view.today.items()} == \
            {k: (t.value, t.before) for k, t in first.today.items()}
