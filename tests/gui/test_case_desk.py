"""The case queue at a person's desk (issue 13): what a person sees at the dock's default width,
sorting, the countdown's colour on the selected row, the questions before irreversible actions,
the buttons the store allows, the history as a table in Chinese with people's names, the store's
refusals in Chinese, and a drill-down that shows its cases.

Every test drives the widgets a person uses (header clicks, row clicks, the action buttons, the
dialogs they open) and reads what is on screen and in the store."""
from __future__ import annotations

import re
import uuid
from contextlib import nullcontext
from datetime import datetime, timedelta

import pytest
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QPalette
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QLineEdit,
    QMessageBox,
    QStyle,
    QStyleOptionComboBox,
)

from citygrid_plugin.store.cases import act, report_case
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.desk import (
    CST,
    action_buttons,
    answering,
    cells,
    click_header,
    click_row,
    column,
    dispatched,
    dock_for,
    note,
    press,
    proceed,
    replay,
    settle,
    state_of,
)
from tests.helpers.zh import chinese


# -- defect 2: columns, filters, sorting, countdown ---------------------------------------------------
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_at_the_default_width_number_countdown_and_class_are_fully_visible(qgis_iface, case_store, language):
    conn, target = case_store
    for i in range(12):  # a full queue: the vertical scroll bar takes its share of the width
        dispatched(conn, f"乱停车 {i}", "0505", 50 + 20 * (i % 10), 150, days_ago=6 + i)  # 3 working days
        dispatched(conn, f"暴露垃圾 {i}", "0102", 50 + 20 * (i % 10), 50, days_ago=0)
    with chinese() if language == "zh_CN" else nullcontext():
        dock = dock_for(qgis_iface, target, ["department", "dispatcher"])
        try:
            for tab in ("handle", "overdue"):
                table = dock.tables[tab]
                dock.tabs.setCurrentWidget(table)
                settle()
                assert table.rowCount() >= 12
                if tab == "handle":
                    assert table.verticalScrollBar().isVisible()
                header = table.horizontalHeader()
                shown = [header.logicalIndex(v) for v in range(header.count())
                         if not header.isSectionHidden(header.logicalIndex(v))]
                assert shown[:3] == [column("case_no"), column("time_left"), column("class_name")]
                if tab == "overdue":
                    assert column("state") in shown  # cases in several states: say which
                    assert set(cells(table, "state")) == {"Being handled" if language == "en" else "处置中"}
                viewport = table.viewport().width()
                metrics = table.fontMetrics()
                for name in ("case_no", "time_left", "class_name"):
                    c = column(name)
                    left = header.sectionViewportPosition(c)
                    assert 0 <= left and left + header.sectionSize(c) <= viewport, (tab, name, left, viewport)
                    widest = max(metrics.horizontalAdvance(text) for text in cells(table, name))
                    assert header.sectionSize(c) >= table.sizeHintForColumn(c) >= widest, (tab, name)
            # the filters: every hint fully readable
            for edit in (dock.class_filter, dock.area_filter):
                assert isinstance(edit, QLineEdit) and edit.placeholderText()
                frame = edit.style().pixelMetric(QStyle.PM_DefaultFrameWidth)
                assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= edit.width() - 2 * frame - 4
            for combo in (dock.source_filter, dock.department_filter):
                assert isinstance(combo, QComboBox)
                option = QStyleOptionComboBox()
                combo.initStyleOption(option)
                field = combo.style().subControlRect(QStyle.CC_ComboBox, option, QStyle.SC_ComboBoxEditField, combo)
                assert combo.fontMetrics().horizontalAdvance(combo.currentText()) <= field.width()
            overdue = dock.overdue_filter
            assert overdue.x() + overdue.sizeHint().width() <= overdue.parentWidget().width()
        finally:
            dock.shutdown()


def test_in_a_wide_dock_the_description_takes_the_room(qgis_iface, case_store):
    conn, target = case_store
    dispatched(conn, "人行道上堆放建筑垃圾，影响通行", "0102", 50, 50, days_ago=0)
    # 1200 px: the time-left column's text depends on the day the test runs (a weekend makes it longer)
    dock = dock_for(qgis_iface, target, ["department"], width=1200)
    try:
        table = dock.tables["handle"]
        header = table.horizontalHeader()
        c = column("description")
        assert header.sectionViewportPosition(c) + header.sectionSize(c) == table.viewport().width()
        assert header.sectionSize(c) >= table.sizeHintForColumn(c)  # the whole description is readable
        others = [i for i in range(header.count()) if i != c and not header.isSectionHidden(i)]
        assert all(header.sectionSize(i) >= table.sizeHintForColumn(i) for i in others)
        assert header.sectionSize(c) > max(header.sectionSize(i) for i in others)
    finally:
        dock.shutdown()


def test_columns_sort_the_countdown_by_hours_and_a_refresh_keeps_sort_and_selection(qgis_iface, case_store):
    conn, target = case_store
    reported = datetime.now(CST) - timedelta(days=31)
    # reported together (so the case numbers follow this order), accepted at times that do not
    accepted_days_ago = [4, 0.003, 30, 2, 10]
    for i, days in enumerate(accepted_days_ago):
        replay(conn, f"暴露垃圾 {i}", "0102", 50 + 40 * i, 150, reported + timedelta(minutes=i),
               [("accept", "operator", datetime.now(CST) - timedelta(days=days))])
    dock = dock_for(qgis_iface, target, ["shift_leader"])
    try:
        table = dock.tables["register"]
        dock.tabs.setCurrentWidget(table)
        hours = {r["case_no"]: r["hours_left"] for r in dock.rows["register"]}
        # the countdown in words, never a signed clock
        assert all(re.fullmatch(r"overdue \d+ d \d+ h|.+ left", t) for t in cells(table, "time_left")), \
            cells(table, "time_left")
        assert not any("-" in t or ":" in t for t in cells(table, "time_left"))

        click_header(table, "case_no")
        assert cells(table, "case_no") == sorted(hours)
        click_header(table, "time_left")
        # by the hours left (two cases accepted out of working hours — on a weekend, say — may share
        # a deadline: they tie, in either order)
        assert [hours[c] for c in cells(table, "case_no")] == sorted(hours.values())
        assert cells(table, "time_left") != sorted(cells(table, "time_left"))  # not the order of the text
        click_header(table, "time_left")
        descending = cells(table, "case_no")
        assert [hours[c] for c in descending] == sorted(hours.values(), reverse=True)

        click_row(table, 2)
        chosen = dock.current["case_no"]
        assert chosen == descending[2]
        dock.refresh()  # what the ticker does every minute, and every change by anyone
        settle()
        assert cells(table, "case_no") == descending
        assert dock.current["case_no"] == chosen
        assert [table.item(i.row(), column("case_no")).text() for i in table.selectionModel().selectedRows()] \
            == [chosen]
    finally:
        dock.shutdown()


def test_the_countdown_keeps_its_colour_on_the_selected_row(qgis_iface, case_store):
    from citygrid_plugin.gui.docks.case_queue import URGENCY_COLOURS

    conn, target = case_store
    dispatched(conn, "暴露垃圾", "0102", 50, 50, days_ago=5)
    dispatched(conn, "乱停车", "0505", 150, 50, days_ago=0)
    dock = dock_for(qgis_iface, target, ["department"])
    try:
        table = dock.tables["handle"]
        row = next(r for r, text in enumerate(cells(table, "time_left")) if text.startswith("overdue"))
        click_row(table, row)
        assert table.selectionModel().isRowSelected(row, table.rootIndex())
        image = table.viewport().grab().toImage()
        text, pill = (QColor(c) for c in URGENCY_COLOURS["overdue"])
        highlights = [table.palette().color(g, QPalette.Highlight) for g in (QPalette.Active, QPalette.Inactive)]

        def count(rect, colour, tolerance=24):
            return sum(1 for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom())
                       if all(abs(a - b) <= tolerance for a, b in zip(QColor(image.pixel(x, y)).getRgb()[:3],
                                                                     colour.getRgb()[:3])))

        countdown = table.visualRect(table.model().index(row, column("time_left")))
        number = table.visualRect(table.model().index(row, column("case_no")))
        assert max(count(number, h) for h in highlights) > number.width() * number.height() // 3  # selected
        assert count(countdown, pill) > countdown.width() * countdown.height() // 4  # and the red pill stays
        assert count(countdown, text, tolerance=60) > 20                            # with its dark red text
    finally:
        dock.shutdown()


# -- defect 3: confirmations, destructive actions apart, the buttons the store allows -------------------
def test_irreversible_actions_are_confirmed_and_cancel_stands_apart(qgis_iface, case_store):
    from citygrid_plugin.core.workflow import confirm_text

    conn, target = case_store
    a = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)
    b = report_case(conn, "监督员上报", "event", "0505", "乱停车", 250, 50)
    dock = dock_for(qgis_iface, target, ["operator", "shift_leader"])
    try:
        table = dock.tables["accept"]
        dock.tabs.setCurrentWidget(table)
        click_row(table, cells(table, "case_no").index(a.case_no))
        buttons = action_buttons(dock)
        assert set(buttons) == {"accept", "cancel"}
        accept, cancel = buttons["accept"], buttons["cancel"]
        # 作废, then "No": nothing happens
        with answering(note("重复上报"), press(QMessageBox.No)) as dialogs:
            cancel.click()
        assert dialogs.asked[1] == ("question", confirm_text("cancel", a.case_no))
        assert state_of(conn, a.id) == ("reported", 1)
        # 作废 is apart: on the right, after a gap, styled as destructive; 受理 on the left
        left = accept.mapTo(dock, accept.rect().topRight()).x()
        right = cancel.mapTo(dock, cancel.rect().topLeft()).x()
        assert right - left > 40 and cancel.mapTo(dock, cancel.rect().topRight()).x() > dock.width() - 40
        assert "color" in cancel.styleSheet() and not accept.styleSheet()
        # 作废, then "Yes": cancelled, with the note
        with answering(note("重复上报"), press(QMessageBox.Yes)):
            action_buttons(dock)["cancel"].click()
        assert state_of(conn, a.id) == ("cancelled", 2)

        # 受理 is not irreversible: no question
        click_row(table, cells(table, "case_no").index(b.case_no))
        with answering() as dialogs:
            action_buttons(dock)["accept"].click()
        assert dialogs.asked == [] and state_of(conn, b.id) == ("accepted", 2)

        # 立案 asks, No by default
        table = dock.tables["register"]
        dock.tabs.setCurrentWidget(table)
        click_row(table, 0)
        assert set(action_buttons(dock)) == {"register", "cancel"}
        # (the dialog before it shows the manual's 立案标准 and the situations: the general case here)
        with answering(proceed, press(QMessageBox.No)):
            action_buttons(dock)["register"].click()
        assert state_of(conn, b.id) == ("accepted", 2)
        with answering(proceed, press(QMessageBox.Yes)) as dialogs:
            action_buttons(dock)["register"].click()
        assert dialogs.asked[1:] == [("question", confirm_text("register", b.case_no))]
        assert state_of(conn, b.id) == ("registered", 3)
        assert b.case_no in dock.status.text()
    finally:
        dock.shutdown()


def test_an_action_applies_to_the_case_as_the_person_saw_it(qgis_iface, case_store):
    """While the person writes the reason, someone else accepts the case and the dock hears of it:
    the cancel that follows is refused as a conflict, not applied to a case the person never saw."""
    conn, target = case_store
    c = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)
    dock = dock_for(qgis_iface, target, ["operator"])
    try:
        click_row(dock.tables["accept"], 0)

        def meanwhile(dialog, dialogs):
            act(conn, c.id, "accept", "operator", c.version)  # another desk
            dock.refresh()                                     # what the notification does
            note("重复上报")(dialog, dialogs)

        with answering(meanwhile, press(QMessageBox.Yes)):
            action_buttons(dock)["cancel"].click()
        assert state_of(conn, c.id) == ("accepted", 2)
        assert "was changed by" in dock.status.text()
        assert dock.tabs.tabText(0) == "To accept (0)"
    finally:
        dock.shutdown()


def test_the_buttons_are_what_the_store_allows_one_per_action(qgis_iface, case_store):
    conn, target = case_store
    late = dispatched(conn, "暴露垃圾", "0102", 50, 50, days_ago=6)     # overdue: may be urged
    fresh = dispatched(conn, "乱停车", "0505", 150, 50, days_ago=0)    # not overdue: no urging
    both = dock_for(qgis_iface, target, ["shift_leader", "dispatcher"])
    try:
        table = both.tables["overdue"]
        both.tabs.setCurrentWidget(table)
        click_row(table, 0)
        # 督办 may be taken as shift leader or as dispatcher: one button
        assert set(action_buttons(both)) == {"defer", "urge"}
    finally:
        both.shutdown()
    dispatcher = dock_for(qgis_iface, target, ["dispatcher"])
    try:
        table = dispatcher.tables["overdue"]
        click_row(table, 0)
        assert dispatcher.current["id"] == late.id
        buttons = action_buttons(dispatcher)
        assert set(buttons) == {"urge"} and buttons["urge"].property("citygrid_role") == "dispatcher"
        with answering():  # 督办 takes nothing back: no question
            buttons["urge"].click()
        with conn.cursor() as cur:
            cur.execute("SELECT action, role FROM citygrid.case_action WHERE case_id = %s ORDER BY id DESC LIMIT 1",
                        (late.id,))
            assert cur.fetchone() == ("urge", "dispatcher")
        conn.rollback()
    finally:
        dispatcher.shutdown()
    leader = dock_for(qgis_iface, target, ["shift_leader"])
    try:
        assert leader.select_case(fresh.id) is False  # not in a shift leader's tabs (not overdue)
        table = leader.tables["overdue"]
        click_row(table, 0)
        assert set(action_buttons(leader)) == {"defer", "urge"}
    finally:
        leader.shutdown()


# -- defect 4: the history in words, people by name; refusals in Chinese -----------------------------------
def history_cells(browser) -> list[list[str]]:
    from qgis.PyQt.QtGui import QTextTable

    tables = [f for f in browser.document().rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) == 1
    t = tables[0]
    return [[t.cellAt(r, c).firstCursorPosition().block().text() for c in range(t.columns())] for r in range(t.rows())]


@pytest.fixture
def staff(case_store):
    conn, _target = case_store
    setup_roles(conn)
    tag = uuid.uuid4().hex[:4]
    logins = {"op": f"cgd_{tag}_op", "sl": f"cgd_{tag}_sl"}
    save_user(conn, logins["op"], ["operator"], "王受理")
    save_user(conn, logins["sl"], ["shift_leader"], "李值班")
    yield logins
    conn.rollback()
    with conn.cursor() as cur:
        for login in logins.values():
            cur.execute(f'DROP ROLE IF EXISTS "{login}"')
    conn.commit()


def test_the_history_is_a_table_in_chinese_with_people_by_name(qgis_iface, case_store, staff):
    conn, target = case_store
    at = datetime.now(CST) - timedelta(hours=2)
    c = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150, at=at)   # by the owner (no name)
    c = act(conn, c.id, "accept", "operator", c.version, at=at + timedelta(minutes=5), as_user=staff["op"],
            note="已受理 <b>注意</b>")
    with chinese():
        dock = dock_for(qgis_iface, target, ["shift_leader"])
        try:
            table = dock.tables["register"]
            click_row(table, 0)
            rows = history_cells(dock.detail)
            assert rows[0] == ["时间", "操作", "状态", "处理人", "角色", "备注"]
            owner = conn.info.user
            assert [r[1:] for r in rows[1:]] == [
                ["上报", "待受理", owner, "系统", ""],
                ["受理", "待立案", "王受理", "受理员", "已受理 <b>注意</b>"],
            ]
            accepted = at + timedelta(minutes=5)
            assert rows[2][0].replace("\xa0", " ") == (f"{accepted:%m-%d %H:%M}" if accepted.year == datetime.now().year
                                  else f"{accepted:%Y-%m-%d %H:%M}")
            text = dock.detail.toPlainText()
            for raw in ("reported", "accepted", "operator", "(shift_leader)", staff["op"]):
                assert raw not in text, raw
            assert "待立案" in text  # the case's state above the history
        finally:
            dock.shutdown()


def test_a_refusal_of_the_store_is_shown_in_chinese(qgis_iface, case_store):
    from qgis.core import Qgis

    conn, target = case_store
    c = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)
    with chinese():
        dock = dock_for(qgis_iface, target, ["operator"])
        try:
            table = dock.tables["accept"]
            click_row(table, 0)
            accept = action_buttons(dock)["accept"]
            assert accept.text() == "受理"
            act(conn, c.id, "accept", "operator", c.version)  # someone else, first
            bar = qgis_iface.messageBar()
            bar.clear_messages()
            with answering():
                accept.click()
            status = dock.status.text()
            assert status.startswith(f"案件 {c.case_no} 已被 ") and status.endswith("（受理）；请刷新后重试"), status
            assert not re.search(r"[a-z]{4,}", status.replace(conn.info.user, "")), status
            assert "请刷新后重试" in bar.get_messages(Qgis.Warning)[-1]
            assert dock.tabs.tabText(0) == "待受理 (0)"  # and the queue was read again
        finally:
            dock.shutdown()


# -- the drill-down from the evaluation ---------------------------------------------------------------------
def test_a_drill_down_opens_a_tab_with_its_cases_whatever_their_state(qgis_iface, case_store):
    conn, target = case_store
    open_case = dispatched(conn, "暴露垃圾", "0102", 50, 50, days_ago=0)
    done = report_case(conn, "监督员上报", "event", "0505", "乱停车", 150, 50)
    done = act(conn, done.id, "cancel", "operator", done.version, note="重复上报")
    other = report_case(conn, "监督员上报", "event", "0102", "别的案件", 250, 50)
    dock = dock_for(qgis_iface, target, ["operator"])  # no tab of its own holds either case
    try:
        title = "环卫所 · 超期案件 <b>11 月</b>"
        dock.set_drill_down([open_case.id, done.id], title)
        settle()
        table = dock.tabs.currentWidget()
        assert table is dock.tables["drill"] and dock.tabs.tabText(dock.tabs.currentIndex()) == "Drill-down (2)"
        assert sorted(cells(table, "case_no")) == sorted([open_case.case_no, done.case_no])
        assert not table.isColumnHidden(column("state"))
        assert sorted(cells(table, "state")) == ["Being handled", "Case cancelled"]
        assert other.case_no not in cells(table, "case_no")
        assert dock.drill_label.isVisible() and title in dock.drill_label.text()
        assert dock.drill_label.textFormat() == Qt.PlainText
        # a person can open a drilled case and read its history
        click_row(table, cells(table, "case_no").index(done.case_no))
        assert dock.current["id"] == done.id and "重复上报" in dock.detail.toPlainText()
        assert action_buttons(dock) == {}  # a cancelled case offers nothing
        dock.drill_clear.click()
        settle()
        assert "drill" not in dock.tables and not dock.drill_label.isVisible()
        assert dock.tabs.tabText(dock.tabs.currentIndex()) == "To accept (1)"
    finally:
        dock.shutdown()


def test_the_roles_worked_today_choose_the_tabs(qgis_iface, case_store):
    conn, target = case_store
    report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)
    dock = dock_for(qgis_iface, target, None)  # the settings: every role the login holds
    try:
        dock.show_roles(["operator"])
        assert [dock.tabs.tabText(i) for i in range(dock.tabs.count())] == \
            ["To accept (1)", "To call back (回访) (0)", "Search"]
        dock.show_roles(["dispatcher", "department"])
        assert [dock.tabs.tabText(i) for i in range(dock.tabs.count())] == \
            ["To dispatch (0)", "To handle (0)", "Overdue (0)", "Search"]
        dock.show_roles(["shift_leader"])
        assert [dock.tabs.tabText(i) for i in range(dock.tabs.count())] == \
            ["To register (0)", "To close (0)", "Overdue (0)", "Deferred (挂账) (0)", "Extension requests (0)",
             "Search"]
    finally:
        dock.shutdown()


def test_the_queue_opens_on_the_first_tab_that_holds_work(qgis_iface, case_store):
    """A new user should not land on an empty 待受理 tab when the work waits elsewhere."""
    conn, target = case_store
    dispatched(conn, "暴露垃圾", "0102", 50, 50, days_ago=0.5)
    dock = dock_for(qgis_iface, target, None)
    try:
        current = dock.tabs.tabText(dock.tabs.currentIndex())
        assert current.endswith("(1)") and dock.tabs.tabText(0).endswith("(0)")
        table = dock.tabs.currentWidget()
        assert table.rowCount() == 1
    finally:
        dock.shutdown()
