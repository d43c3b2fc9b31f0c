"""The case-queue dock against a real store: tabs and counts by role, actions through the
workflow, refusals and conflicts shown, filters, duplicates offered, live updates."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from qgis.PyQt.QtCore import QCoreApplication, QUrl

from citygrid_plugin.store.cases import act, report_case
from tests.helpers.qt import wait_until

PREFIX = "510104001001"


def tab_texts(dock):
    return [dock.tabs.tabText(i) for i in range(dock.tabs.count())]


def test_tabs_follow_roles_and_actions_go_through_the_workflow(qgis_iface, case_store):
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    conn, target = case_store
    a = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)
    report_case(conn, "12319热线", "event", "0505", "乱停车", 150, 150, reporter="刘先生",
                reporter_phone="13800138000")  # a public channel: who called
    operator = CaseQueueDock(qgis_iface, target, roles=["operator"], live=False)
    try:
        assert tab_texts(operator) == ["To accept (2)", "To call back (回访) (0)", "Search"]
    finally:
        operator.shutdown()
    dock = CaseQueueDock(qgis_iface, target, roles=["operator", "shift_leader", "dispatcher"], live=False)
    try:
        assert tab_texts(dock)[:4] == ["To accept (2)", "To register (0)", "To dispatch (0)", "To close (0)"]
        assert dock.select_case(a.id)
        assert {(act_, role) for act_, role, _n in dock.allowed()} == {("accept", "operator"), ("cancel", "operator")}
        assert dock.perform("accept", "operator")
        assert dock.select_case(a.id) and dock.perform("register", "shift_leader")
        assert dock.select_case(a.id) and dock.perform("dispatch", "dispatcher", data={"department": "HW"})
        assert "To accept (1)" in tab_texts(dock) and "To dispatch (0)" in tab_texts(dock)
        # a refusal is shown, not raised: registering a case still waiting for verification
        b = dock.rows["accept"][0]
        assert dock.select_case(b["id"]) and dock.perform("accept", "operator")
        assert dock.select_case(b["id"]) is False  # now waiting for a supervisor: not in this user's tabs
    finally:
        dock.shutdown()


def test_a_stale_view_gets_a_conflict_message_and_refreshes(qgis_iface, case_store):
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    conn, target = case_store
    c = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)
    dock = CaseQueueDock(qgis_iface, target, roles=["operator"], live=False)
    try:
        assert dock.select_case(c.id)
        act(conn, c.id, "accept", "operator", c.version)  # someone else, first
        assert dock.perform("accept", "operator") is False
        assert "was changed by" in dock.status.text() and "refresh" in dock.status.text()
        assert tab_texts(dock) == ["To accept (0)", "To call back (回访) (0)", "Search"]
    finally:
        dock.shutdown()


def test_filters_overdue_and_duplicates(qgis_iface, case_store):
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock
    from citygrid_plugin.store.cases import possible_duplicates

    conn, target = case_store
    past = datetime.now(timezone(timedelta(hours=8))) - timedelta(days=5)
    old = report_case(conn, "监督员上报", "event", "0102", "旧垃圾", 50, 150, at=past)
    old = act(conn, old.id, "accept", "operator", old.version, at=past + timedelta(minutes=5))
    report_case(conn, "监督员上报", "event", "0505", "乱停车", 250, 50)
    near = report_case(conn, "监督员上报", "event", "0102", "又有垃圾", 60, 150)
    assert [r[0] for r in possible_duplicates(conn, near.id)] == [old.case_no]
    dock = CaseQueueDock(qgis_iface, target, roles=["operator", "shift_leader"], live=False)
    try:
        assert "To register (1)" in tab_texts(dock) and "Overdue (1)" in tab_texts(dock)
        dock.class_filter.setText("0505")
        dock.refresh()
        assert "To accept (1)" in tab_texts(dock)
        assert dock.rows["accept"][0]["class_name"] == "机动车乱停放"
    finally:
        dock.shutdown()


def test_changes_by_another_user_arrive_live(qgis_iface, case_store):
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    conn, target = case_store
    dock = CaseQueueDock(qgis_iface, target, roles=["operator"], live=True)
    try:
        assert tab_texts(dock) == ["To accept (0)", "To call back (回访) (0)", "Search"]
        report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)  # another connection
        assert wait_until(lambda: tab_texts(dock) == ["To accept (1)", "To call back (回访) (0)", "Search"], 2.0)
    finally:
        dock.shutdown()


def test_the_plugin_opens_and_closes_the_dock(qgis_iface, case_store):
    from qgis.gui import QgsDockWidget

    import citygrid_plugin
    from citygrid_plugin.connections import configured_target, save_target

    _conn, target = case_store
    before = configured_target()
    save_target(target)
    plugin = citygrid_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.check_store()
        assert plugin.queue_action.isEnabled()
        plugin.queue_action.trigger()
        assert plugin.case_dock is not None and plugin.case_dock.objectName() == "CityGridCaseQueue"
        plugin.queue_action.trigger()
        assert plugin.case_dock is None
        plugin.queue_action.trigger()
    finally:
        plugin.unload()
        save_target(before)
    QCoreApplication.processEvents()
    assert plugin.case_dock is None
    assert not [d for d in qgis_iface.mainWindow().findChildren(QgsDockWidget)
                if d.objectName() == "CityGridCaseQueue" and d.isVisible()]


# -- issue 12, item 5: case text is shown, never rendered or followed -------------------------------
LINK = '<a href="file:///etc/passwd">查看详情</a>'
IMAGE = '<img src="file:///etc/passwd" width="1">'
FAKE_ROW = "</table><tr><td>结案</td>"


def detail_tables(browser):
    from qgis.PyQt.QtGui import QTextTable

    frames = browser.document().rootFrame().childFrames()
    return [f for f in frames if isinstance(f, QTextTable)]


def links_and_images(browser) -> tuple[list[str], list[str]]:
    """The anchors and images a person could click or the browser would load, as the document
    holds them (not as text)."""
    anchors, images = [], []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                anchors.append(fmt.anchorHref())
            if fmt.isImageFormat():
                images.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return anchors, images


MARKUP = re.compile(r"<(a|img)\s", re.IGNORECASE)


def test_case_text_with_html_is_shown_literally_and_no_link_is_opened(qgis_iface, case_store, tmp_path,
                                                                      monkeypatch):
    from citygrid_plugin.gui.docks import case_detail, case_queue
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    opened = []

    class Desktop:  # what QDesktopServices would hand to the desktop
        @staticmethod
        def openUrl(url):  # noqa: N802
            opened.append(url.toString())
            return True

    monkeypatch.setattr(case_detail, "QDesktopServices", Desktop)  # the detail pane opens the photo
    conn, target = case_store
    hostile = report_case(conn, "监督员上报", "event", "0102", f"垃圾 {LINK} {IMAGE}", 50, 150,
                          address=f"红星路 {FAKE_ROW}", photo="file:///etc/passwd")
    act(conn, hostile.id, "accept", "operator", hostile.version, note=f"已受理 {FAKE_ROW} {LINK}")
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0")
    genuine = report_case(conn, "监督员上报", "event", "0102", "井盖缺失", 150, 150, photo=str(photo))
    dock = CaseQueueDock(qgis_iface, target, roles=["operator", "shift_leader"], live=False)
    try:
        browser = dock.detail
        assert browser.openLinks() is False and browser.openExternalLinks() is False
        # the person opens the "To register" tab and clicks the case
        table = dock.tables["register"]
        dock.tabs.setCurrentWidget(table)
        description = case_queue.COLUMNS.index("description")
        assert table.rowCount() == 1 and table.item(0, description).text() == f"垃圾 {LINK} {IMAGE}"
        # its tooltip (rich text for Qt) shows the same text, with no link or image in it
        from qgis.PyQt.QtWidgets import QTextBrowser

        tip = QTextBrowser()
        tip.setHtml(table.item(0, description).toolTip())
        assert tip.toPlainText() == f"垃圾 {LINK} {IMAGE}" and links_and_images(tip) == ([], [])
        table.selectRow(0)
        assert dock.current["id"] == hostile.id
        text = browser.toPlainText()
        for payload in (LINK, IMAGE, FAKE_ROW, "file:///etc/passwd"):
            assert payload in text, payload
        assert links_and_images(browser) == ([], [])
        assert MARKUP.findall(browser.toHtml()) == []
        # one history table: a header row, then one row per action; the fake row is text inside the note's cell
        tables = detail_tables(browser)
        assert len(tables) == 1 and tables[0].rows() == 1 + 2
        cells = [tables[0].cellAt(r, c).firstCursorPosition().block().text()
                 for r in range(tables[0].rows()) for c in range(tables[0].columns())]
        assert "结案" not in cells and any(FAKE_ROW in cell for cell in cells)
        # a click on any link (as a crafted document would offer) opens nothing
        for url in ("file:///etc/passwd", "http://example.com/", case_queue.PHOTO_LINK):
            browser.anchorClicked.emit(QUrl(url))
        assert opened == []

        # a real photo: a link and thumbnail of that local file only, opened by the dock itself
        table = dock.tables["accept"]
        dock.tabs.setCurrentWidget(table)
        table.cellClicked.emit(0, 0)
        table.selectRow(0)
        assert dock.current["id"] == genuine.id
        photo_url = QUrl.fromLocalFile(str(photo.resolve())).toString()
        assert links_and_images(browser) == ([case_queue.PHOTO_LINK], [photo_url])
        browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
        assert opened == []
        browser.anchorClicked.emit(QUrl(case_queue.PHOTO_LINK))
        assert opened == [QUrl.fromLocalFile(str(photo.resolve())).toString()]
    finally:
        dock.shutdown()


def test_a_refusal_quoting_client_text_is_plain_in_the_dock_and_escaped_in_the_message_bar(qgis_iface, case_store):
    from qgis.core import Qgis
    from qgis.gui import QgsMessageBarItem
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QTextBrowser

    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    conn, target = case_store
    c = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)
    for action, role, data in (("accept", "operator", None), ("register", "shift_leader", None),
                               ("dispatch", "dispatcher", {"department": "HW"})):
        c = act(conn, c.id, action, role, c.version, data=data)
    dock = CaseQueueDock(qgis_iface, target, roles=["department"], live=False)
    bar = qgis_iface.messageBar()
    try:
        assert dock.status.textFormat() == Qt.PlainText and dock.drill_label.textFormat() == Qt.PlainText
        table = dock.tables["handle"]
        table.selectRow(0)
        assert dock.current["id"] == c.id
        bar.clear_messages()
        # the store refuses, quoting what it was sent ("… got <a href=…>")
        assert dock.perform("request_extension", "department", "需要更多时间", {"hours": LINK}) is False
        assert LINK in dock.status.text()
        title, _sep, text = bar.get_messages(Qgis.Warning)[-1].partition(":")
        assert title == "CityGrid" and LINK not in text
        item = QgsMessageBarItem(title, text, Qgis.Warning, 0)  # what QgsMessageBar shows of it
        browsers = item.findChildren(QTextBrowser)
        assert browsers and LINK in " ".join(b.toPlainText() for b in browsers)
        assert all(links_and_images(b) == ([], []) for b in browsers)
        # a drill-down title names departments and streets: plain text too
        dock.set_drill_down([c.id], f"部门 {LINK}")
        assert LINK in dock.drill_label.text()
    finally:
        dock.shutdown()
