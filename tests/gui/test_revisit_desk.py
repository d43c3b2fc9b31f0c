"""The operator's return visits (回访, issue 18) in the case queue: signed in with his password, the
operator finds the closed public reports in his 待回访 tab, calls the reporter and records the call
in the action dialog a person uses — not reached (the case stays in the tab), then reached and
不满意 with the reporter's words, sent back to the department (重办). Every step through widgets."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from citygrid_plugin.store.cases import act, report_case
from tests.helpers.coverage import patrol_people
from tests.helpers.desk import action_buttons, answering, cells, click_row, dock_for, settle, type_text
from tests.helpers.evaluation import CST
from tests.helpers.sql import one

SHOTS = Path("/tmp/issue18/shots")


@pytest.fixture
def people(qgis_app, cluster, store_dsn, conn_factory):
    with patrol_people(cluster, store_dsn, conn_factory, qgis=True) as found:
        yield found


def closed_call(owner, names, x: float, text: str):
    """A 12345 call taken three hours ago and replayed by the store owner to 结案."""
    start = datetime.now(CST) - timedelta(hours=3)
    c = report_case(owner, "12345热线", "event", "0102", text, x, 50, at=start, as_user=names["operator"],
                    reporter="王", reporter_phone="13800000000")
    notes = {"verify": "属实", "feedback": "已清运", "check_ok": "已到位"}
    for i, (action, role) in enumerate((("accept", "operator"), ("verify", "supervisor"),
                                        ("register", "shift_leader"), ("dispatch", "dispatcher"),
                                        ("feedback", "department"), ("check_ok", "supervisor"),
                                        ("close", "shift_leader")), 1):
        c = act(owner, c.id, action, role, c.version, at=start + timedelta(minutes=15 * i), note=notes.get(action))
    return c


def call(reached: bool, satisfaction: str | None = None, words: str = "", reopen: bool = False):
    """Answer the return visit's dialog as the operator does after the call."""
    def answer(dialog, dialogs):
        from citygrid_plugin.gui.dialogs.action_dialog import ActionDialog

        assert isinstance(dialog, ActionDialog), dialog
        assert not dialog.ok_button.isEnabled()          # nothing is preset: he says what happened
        dialog.reached_box.setCurrentIndex(dialog.reached_box.findData(reached))
        assert dialog.satisfaction_box.isEnabled() == reached
        if satisfaction:
            dialog.satisfaction_box.setCurrentIndex(dialog.satisfaction_box.findData(satisfaction))
        if satisfaction == "不满意":   # his words are needed before OK
            dialogs.asked.append(("missing", dialog.missing.text()))
            assert not dialog.ok_button.isEnabled()
        if words:
            type_text(dialog.note_edit, words)
        if reopen:
            assert dialog.reopen_check.isEnabled()
            dialog.reopen_check.setChecked(True)
        elif dialog.reopen_check is not None:
            assert dialog.reopen_check.isEnabled() == (satisfaction == "不满意")
        assert dialog.ok_button.isEnabled(), dialog.missing.text()
        settle()
        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(SHOTS / f"revisit_{'reached' if reached else 'not_reached'}.png"))
        dialog.ok_button.click()
    return answer


def test_the_operator_calls_back_from_his_queue_and_a_dissatisfied_reporter_sends_the_case_back(qgis_iface, people):
    owner, _connect, names, targets = people
    first = closed_call(owner, names, 50, "一号: 暴露垃圾")
    second = closed_call(owner, names, 150, "二号: 暴露垃圾")
    dock = dock_for(qgis_iface, targets["operator"], ["operator"])
    assert sorted(cells(dock.tables["revisit"], "case_no")) == sorted([first.case_no, second.case_no])
    assert dock.tabs.tabText(dock.tabs.indexOf(dock.pages["revisit"])) == "To call back (回访) (2)"

    # first call: nobody answers; the case waits in the tab
    row = cells(dock.tables["revisit"], "case_no").index(first.case_no)
    click_row(dock.tables["revisit"], row)
    buttons = action_buttons(dock)
    assert set(buttons) == {"revisit"}
    with answering(call(False, words="无人接听")):
        buttons["revisit"].click()
        settle()
    assert first.case_no in cells(dock.tables["revisit"], "case_no")

    # second call: reached, 不满意, back to the department
    row = cells(dock.tables["revisit"], "case_no").index(first.case_no)
    click_row(dock.tables["revisit"], row)
    with answering(call(True, "不满意", "垃圾又堆起来了", reopen=True)) as dialogs:
        action_buttons(dock)["revisit"].click()
        settle()
    assert "What the reporter said" in dialogs.asked[0][1]
    assert cells(dock.tables["revisit"], "case_no") == [second.case_no]
    assert one(owner, "SELECT state || ' ' || department_code || ' ' || rework_count FROM citygrid.work_case "
                      "WHERE id = %s", (first.id,))[0] == "dispatched HW 1"
    assert one(owner, "SELECT actor || ' ' || (data ->> 'satisfaction') || ' ' || note FROM citygrid.case_action "
                      "WHERE case_id = %s AND action = 'revisit' AND data ->> 'reached' = 'true'",
               (first.id,))[0] == f"{names['operator']} 不满意 垃圾又堆起来了"
