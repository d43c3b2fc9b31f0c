"""A supervisor's tasks in the case queue (issue 17 item 1): signed in with his password, each
supervisor's 待核实 and 待核查 tabs list the cases of the grids he answers for (and those nobody
answers for), not his colleague's; the shift leader finds a case by its number and reassigns it
(改派) to the other supervisor in the action dialog's supervisor list; the case then waits in the
other's tab and leaves the first's. Every step through the dock's widgets."""
from __future__ import annotations

from pathlib import Path

import pytest
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from citygrid_plugin.store.cases import act, report_case
from tests.helpers.coverage import patrol_people
from tests.helpers.desk import action_buttons, answering, cells, click_row, dock_for, settle, type_text
from tests.helpers.sql import one


@pytest.fixture
def people(qgis_app, cluster, store_dsn, conn_factory):
    with patrol_people(cluster, store_dsn, conn_factory, qgis=True) as found:
        yield found


def hotline_call(connect, x: float, y: float, text: str):
    """A 12345 call at (x, y), accepted by the operator: it waits for verification on site."""
    operator = connect("operator")
    c = report_case(operator, "12345热线", "event", "0102", text, x, y, reporter="王", reporter_phone="13800000000")
    return act(operator, c.id, "accept", "operator", c.version)


def reassign_to(text: str):
    """In the action dialog of 改派: pick the supervisor whose entry holds *text*, press OK."""
    def answer(dialog, dialogs):
        from citygrid_plugin.gui.dialogs.action_dialog import ActionDialog

        assert isinstance(dialog, ActionDialog), dialog
        box = dialog.supervisor_box
        entries = [box.itemText(i) for i in range(box.count())]
        dialogs.asked.append(("supervisors", entries))
        box.setCurrentIndex(next(i for i, e in enumerate(entries) if text in e))
        assert dialog.ok_button.isEnabled(), dialog.missing.text()
        settle()
        Path("/tmp/issue17/shots").mkdir(parents=True, exist_ok=True)
        dialog.grab().save("/tmp/issue17/shots/reassign_dialog.png")
        dialog.ok_button.click()
    return answer


def test_each_supervisor_sees_his_tasks_and_the_shift_leader_reassigns_one(qgis_iface, people):
    owner, connect, names, targets = people
    mine = hotline_call(connect, 50, 150, "张的网格: 暴露垃圾")      # grid 001: 张巡查's
    theirs = hotline_call(connect, 150, 50, "李的网格: 暴露垃圾")    # grid 005: 李巡查's
    zhang = dock_for(qgis_iface, targets["zhang"], ["supervisor"])
    li = dock_for(qgis_iface, targets["li"], ["supervisor"])
    leader = dock_for(qgis_iface, targets["leader"], ["shift_leader"])
    try:
        assert cells(zhang.tables["verify"], "case_no") == [mine.case_no]
        assert cells(li.tables["verify"], "case_no") == [theirs.case_no]
        assert zhang.tabs.tabText(zhang.tabs.indexOf(zhang.pages["verify"])) == "To verify (1)"
        # his case offers him 核实; the case table of his colleague is not his to see in that tab
        click_row(zhang.tables["verify"], 0)
        assert set(action_buttons(zhang)) == {"verify", "cancel"}

        # the shift leader finds 张巡查's case by its number and reassigns it to 李巡查
        leader.tabs.setCurrentWidget(leader.pages["search"])
        panel = leader.search_panel
        type_text(panel.number, mine.case_no[-4:])
        QTest.mouseClick(panel.search_button, Qt.LeftButton)
        settle()
        assert cells(panel.table, "case_no") == [mine.case_no]
        click_row(panel.table, 0)
        buttons = action_buttons(leader)
        assert "reassign" in buttons and buttons["reassign"].text() == "Reassign"
        with answering(reassign_to("李巡查")) as dialogs:
            buttons["reassign"].click()
            settle()
        supervisors = dialogs.asked[0][1]
        assert supervisors[0] == f"李巡查（{names['li']}）" and len(supervisors) == 2
        assert one(owner, "SELECT assignee FROM citygrid.work_case WHERE id = %s", (mine.id,))[0] == names["li"]
        assert one(owner, "SELECT actor, role, data->>'supervisor' FROM citygrid.case_action WHERE case_id = %s "
                          "ORDER BY id DESC LIMIT 1", (mine.id,)) == (names["leader"], "shift_leader", names["li"])

        # the case moves: in 李巡查's tab, out of 张巡查's
        for dock in (zhang, li):
            dock.refresh()
            settle()
        assert sorted(cells(li.tables["verify"], "case_no")) == sorted([mine.case_no, theirs.case_no])
        assert cells(zhang.tables["verify"], "case_no") == []
        assert [r["assignee"] for r in li.rows["verify"]] == [names["li"], names["li"]]
    finally:
        for dock in (zhang, li, leader):
            dock.shutdown()


def test_a_task_nobody_answers_for_is_in_every_supervisors_tab(qgis_iface, people):
    owner, connect, names, targets = people
    with owner.cursor() as cur:
        cur.execute("DELETE FROM citygrid.supervisor_grid WHERE grid_code = %s", ("510104001001006",))
    owner.commit()
    nobodys = hotline_call(connect, 250, 50, "无人负责的网格")        # grid 006: nobody's now
    assert one(owner, "SELECT assignee FROM citygrid.work_case WHERE id = %s", (nobodys.id,))[0] is None
    docks = [dock_for(qgis_iface, targets[key], ["supervisor"]) for key in ("zhang", "li")]
    try:
        for dock in docks:
            assert cells(dock.tables["verify"], "case_no") == [nobodys.case_no]
    finally:
        for dock in docks:
            dock.shutdown()
