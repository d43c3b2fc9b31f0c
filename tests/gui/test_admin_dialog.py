"""系统管理 as an administrator uses it (issue 16, item 4): signed in with a password, they fill a
department's fields and its territory and save it; mark a 调休 Saturday in the calendar; add a
routing rule and preview where a case would go; change a class's 处置时限 in the command manual;
give a supervisor responsibility grids. The store holds each change and audits it with the
administrator's login. A login without the admin role opens the same dialog, and the store — not
the dialog — refuses what it saves: the refusal is shown, what was typed stays, nothing changes.

Every step goes through the widgets a person uses (buttons, fields typed into, combo entries
chosen, check boxes, the calendar's date, table rows clicked)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QMessageBox

from citygrid_plugin.core.casefilter import centre_today
from citygrid_plugin.core.manual import Limit
from citygrid_plugin.store import admin
from citygrid_plugin.store import manual as manual_store
from tests.helpers.admin import admin_logins, choose, click, open_dialog
from tests.helpers.desk import answering, press, settle, type_text
from tests.helpers.sql import PASSWORD, count
from tests.stores import PREFIX


@pytest.fixture
def logins(qgis_app, cluster, store_dsn, conn_factory):
    """A case store with an administrator and an operator who sign in with passwords, and the
    store owner (tests.helpers.admin.admin_logins): (owner connection, targets, logins)."""
    with admin_logins(cluster, store_dsn, conn_factory) as found:
        yield found


def pick(combo, text: str) -> None:
    """Choose the entry of a plain combo whose text holds *text* (as its list's click does)."""
    entries = [combo.itemText(i) for i in range(combo.count())]
    found = [i for i, e in enumerate(entries) if e == text] or [i for i, e in enumerate(entries) if text in e]
    assert len(found) == 1, entries
    combo.setCurrentIndex(found[0])
    settle()


def type_lines(edit, lines: list[str]) -> None:
    """Type *lines* into a text box, Enter after each but the last."""
    for n, line in enumerate(lines):
        if n:
            QTest.keyClick(edit, Qt.Key_Return)
        type_text(edit, line)
    settle()


def click_row(table, row: int, column: int = 0) -> None:
    table.scrollToItem(table.item(row, column))
    rect = table.visualItemRect(table.item(row, column))
    QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    settle()


def row_of(table, text: str, column: int = 0) -> int:
    rows = [r for r in range(table.rowCount()) if not table.isRowHidden(r)
            and table.item(r, column) is not None and table.item(r, column).text() == text]
    assert len(rows) == 1, [table.item(r, column).text() for r in range(table.rowCount())]
    return rows[0]


def bar(dialog) -> str:
    return " ".join(dialog.messages())


def audited(owner, table: str, actor: str) -> int:
    return count(owner, "SELECT count(*) FROM citygrid.admin_audit WHERE table_name = %s AND actor = %s",
                 (table, actor))


def test_an_administrator_saves_a_department_and_its_territory_and_the_store_audits_it(logins):
    owner, targets, names = logins
    dialog = open_dialog(targets["admin"])
    try:
        assert not dialog.notice.isVisible(), "an administrator is not warned"
        tab = dialog.page("departments")
        assert dialog.tabs.currentWidget() is tab and tab.table.rowCount() == 3
        click(tab.new_button)
        type_text(tab.code_edit, "CGZF")
        type_text(tab.name_edit, "城管执法中队")
        pick(tab.kind_combo, "Street office")
        choose(tab.parent_combo, "环卫所")
        type_text(tab.phone_edit, "028-86660000")
        type_text(tab.contact_edit, "赵队长")
        choose(tab.area_combo, "红星路社区")
        click(tab.add_area_button)
        assert tab.territories() == ["510104001001"]
        click(tab.save_button)

        assert "CGZF" in dialog.status.text() and not dialog.messages()
        [saved] = [d for d in admin.departments(owner) if d["code"] == "CGZF"]
        assert (saved["name"], saved["kind"], saved["parent_code"], saved["phone"], saved["contact"]) == \
            ("城管执法中队", "street", "HW", "028-86660000", "赵队长")
        assert saved["territories"] == ["510104001001"]
        assert audited(owner, "department", names["admin"]) == 1
        assert count(owner, "SELECT count(*) FROM citygrid.admin_audit WHERE table_name = 'department' "
                            "AND new_row->>'code' = 'CGZF'") == 1
        row = row_of(tab.table, "CGZF")
        assert tab.table.item(row, 1).text() == "城管执法中队" and tab.table.selectionModel().isRowSelected(row)

        # a second department for the same community: the store refuses and names the holder
        click(tab.new_button)
        type_text(tab.code_edit, "JD01")
        type_text(tab.name_edit, "春熙路街道办")
        choose(tab.area_combo, "红星路社区")
        click(tab.add_area_button)
        click(tab.save_button)
        assert "510104001001" in bar(dialog) and "CGZF" in bar(dialog)
        assert "JD01" not in [d["code"] for d in admin.departments(owner)]
        assert tab.code_edit.text() == "JD01" and tab.name_edit.text() == "春熙路街道办", "what was typed stays"

        # the change log shows the administrator's change, newest first, the fields that changed
        audit = dialog.show_tab("audit")
        settle()
        texts = [audit.table.item(r, 5).text() for r in range(audit.table.rowCount())]
        actors = {audit.table.item(r, 1).text() for r in range(audit.table.rowCount())}
        assert names["admin"] in actors and any("城管执法中队" in t for t in texts)
    finally:
        dialog.done(0)


def test_a_working_saturday_marked_in_the_calendar_is_a_working_day(logins):
    owner, targets, _names = logins
    dialog = open_dialog(targets["admin"], tab="calendar")
    try:
        tab = dialog.page("calendar")
        year = centre_today().year + 1
        tab.year_spin.setValue(year)                      # the spin box's arrows, typed
        settle()
        saturday = date(year, 10, 1)
        saturday += timedelta(days=(5 - saturday.weekday()) % 7)
        assert saturday.isoweekday() == 6 and not admin.is_workday(owner, saturday)
        tab.calendar.setSelectedDate(tab.calendar.selectedDate().addDays((saturday - tab.selected_date()).days))
        settle()
        assert tab.selected_date() == saturday
        assert tab.workday_radio.isChecked(), "a weekend day is offered as a working day"
        type_text(tab.note_edit, "国庆调休")
        click(tab.set_button)
        holiday = date(year, 10, 6) if date(year, 10, 6).isoweekday() < 6 else date(year, 10, 7)
        tab.calendar.setSelectedDate(tab.calendar.selectedDate().addDays((holiday - saturday).days))
        settle()
        assert tab.holiday_radio.isChecked()
        click(tab.set_button)
        assert tab.table.rowCount() == 2
        click(tab.save_button)

        assert admin.is_workday(owner, saturday) and not admin.is_workday(owner, holiday)
        assert admin.calendar(owner, year) == [(saturday, True, "国庆调休"), (holiday, False, None)]
        assert str(year) in dialog.status.text()
        # the working hours, as typed, are the store's
        tab.periods_edit.clear()
        type_text(tab.periods_edit, "09:00-12:00,14:00-18:00")
        click(tab.save_button)
        assert admin.work_periods(owner) == "09:00-12:00,14:00-18:00"
        # a time that is not one: the store says why; the text stays
        tab.periods_edit.clear()
        type_text(tab.periods_edit, "9点到12点")
        click(tab.save_button)
        assert dialog.messages() and tab.periods_edit.text() == "9点到12点"
        assert admin.work_periods(owner) == "09:00-12:00,14:00-18:00"
    finally:
        dialog.done(0)


def test_a_routing_rule_added_decides_the_preview(logins):
    owner, targets, _names = logins
    dialog = open_dialog(targets["admin"], tab="routing")
    try:
        tab = dialog.page("routing")
        assert tab.table.rowCount() == 1 and "环卫所" in tab.table.item(0, 3).text()
        # the district-wide rule: 暴露垃圾 goes to 环卫所
        pick(tab.preview_kind, "Event")
        choose(tab.preview_class, "0102")
        type_text(tab.preview_grid, PREFIX + "001")
        click(tab.preview_button)
        assert "环卫所（HW）" in tab.preview_result.text() and "routing rule" in tab.preview_result.text()

        # a rule for the street of the same class: 市政所
        choose(tab.class_combo, "0102")
        choose(tab.street_combo, "春熙路街道")
        choose(tab.department_combo, "市政所")
        click(tab.add_button)
        assert tab.table.rowCount() == 2 and "added" in dialog.status.text()
        assert {(r["street_code"], r["department_code"]) for r in admin.rules(owner)} == {(None, "HW"), ("001", "SZ")}
        click(tab.preview_button)
        assert "市政所（SZ）" in tab.preview_result.text()

        # the same class and area twice: refused, naming the rule there
        click(tab.add_button)
        assert "already" in bar(dialog) and len(admin.rules(owner)) == 2

        # an unknown grid is named in the answer
        tab.preview_grid.clear()
        type_text(tab.preview_grid, PREFIX + "999")
        click(tab.preview_button)
        assert PREFIX + "999" in tab.preview_result.text()

        # the street rule deleted (after the question, answered Delete)
        click_row(tab.table, row_of(tab.table, "市政所（SZ）", 3), 3)
        with answering(press(QMessageBox.Yes)):
            click(tab.delete_button)
        assert [r["department_code"] for r in admin.rules(owner)] == ["HW"]
    finally:
        dialog.done(0)


def test_a_changed_handling_limit_makes_a_new_manual_version(logins):
    owner, targets, names = logins
    before = manual_store.current(owner)
    dialog = open_dialog(targets["admin"], tab="manual")
    try:
        tab = dialog.page("manual")
        assert str(before.version) in tab.version_label.text()
        pick(tab.kind_filter, "Event")
        type_text(tab.search_edit, "0102")
        row = row_of(tab.class_table, "0102")
        click_row(tab.class_table, row)
        assert "0102" in tab.class_label.text() and "暴露垃圾" in tab.class_label.text()
        tab.pages.setCurrentIndex(1)                         # 时限
        spin, unit = tab.limits_editor.pairs[("normal", "handle")]
        spin.clear()
        type_text(spin.lineEdit(), "4")
        spin.interpretText()
        pick(unit, "work hours")
        urgent, urgent_unit = tab.limits_editor.pairs[("urgent", "handle")]
        urgent.clear()
        type_text(urgent.lineEdit(), "90")
        urgent.interpretText()
        pick(urgent_unit, "minutes")
        # a situation with its own handling limit
        tab.pages.setCurrentIndex(2)
        type_text(tab.variant_name, "5吨以上")
        click(tab.add_variant_button)
        vspin, vunit = tab.variant_editor.pairs[("normal", "handle")]
        vspin.clear()
        type_text(vspin.lineEdit(), "24")
        vspin.interpretText()
        pick(vunit, "clock hours")
        type_text(tab.note_edit, "按通知调整暴露垃圾处置时限")
        click(tab.save_button)

        after = manual_store.current(owner)
        assert after.version == before.version + 1, bar(dialog)
        entry = after.entry("event", "0102")
        assert entry.limits["handle"] == Limit(4, "work_hours") and entry.urgent["handle"] == Limit(1.5, "hours")
        assert [(v.name, v.limits) for v in entry.variants] == [("5吨以上", {"handle": Limit(24, "hours")})]
        [newest] = [v for v in manual_store.versions(owner) if v["version"] == after.version]
        assert newest["created_by"] == names["admin"] and newest["note"] == "按通知调整暴露垃圾处置时限"
        assert str(after.version) in tab.version_label.text() and str(after.version) in dialog.status.text()
        assert tab.versions_table.item(0, 0).text() == str(after.version)

        # saving again unchanged: no new version
        click(tab.save_button)
        assert manual_store.current(owner).version == after.version
    finally:
        dialog.done(0)


def test_a_supervisor_gets_responsibility_grids_and_an_unknown_code_is_named(logins):
    """Logins are server roles: the store owner (the demo's connection) creates them."""
    owner, targets, names = logins
    dialog = open_dialog(targets["owner"], tab="staff")
    login = names["admin"].replace("_admin", "_super")
    try:
        tab = dialog.page("staff")
        click(tab.new_button)
        type_text(tab.login_edit, login)
        type_text(tab.name_edit, "张监督")
        click(tab.role_checks["supervisor"])
        assert tab.grid_box.isEnabled()
        type_text(tab.password_edit, PASSWORD)
        type_text(tab.password_again, PASSWORD)
        type_lines(tab.grid_edit, [f"{PREFIX}001", f"{PREFIX}002", f"{PREFIX}777"])
        click(tab.save_button)
        assert f"{PREFIX}777" in bar(dialog), "the unknown grid code is named"
        assert admin.supervisor_grids(owner, login) == []
        assert tab.grid_edit.toPlainText().endswith(f"{PREFIX}777"), "what was typed stays"
        assert tab.password_edit.text() == "", "the password is never kept in the form"

        tab.grid_edit.clear()
        type_lines(tab.grid_edit, [f"{PREFIX}001", f"{PREFIX}002"])
        click(tab.save_button)
        assert admin.supervisor_grids(owner, login) == [f"{PREFIX}001", f"{PREFIX}002"]
        assert login in dialog.status.text()
        row = row_of(tab.table, login)
        assert "监督员" in tab.table.item(row, 2).text()
    finally:
        dialog.done(0)


def test_sources_local_classes_approvals_and_weights_save_what_is_ticked_and_typed(logins):
    owner, targets, _names = logins
    dialog = open_dialog(targets["admin"], tab="sources")
    try:
        # 12345热线 becomes trusted (a tick in its row), the others stay as they are
        sources = dialog.page("sources")
        row = row_of(sources.table, "12345热线")
        sources.table.setCurrentCell(row, 3)
        QTest.keyClick(sources.table, Qt.Key_Space)
        click(sources.save_button)
        found = {s["name"]: s for s in admin.sources(owner)}
        assert found["12345热线"]["trusted"] and not found["12319热线"]["trusted"], bar(dialog)
        assert "1" in dialog.status.text()

        # a local event class under an existing major class
        classes = dialog.show_tab("classes")
        settle()
        click(classes.new_button)
        choose(classes.major_combo, "市容环境")
        assert classes.major_name_edit.text() == "市容环境"
        type_text(classes.minor_edit, "90")
        type_text(classes.name_edit, "共享单车乱停放")
        click(classes.save_button)
        local = {(c["kind"], c["code"]): c for c in admin.local_classes(owner)}
        assert local[("event", "0190")]["name"] == "共享单车乱停放", bar(dialog)
        assert row_of(classes.table, "0190", 1) >= 0

        # the shift leader may approve extensions of up to 72 hours; the operator may no longer cancel
        approvals = dialog.show_tab("authorities")
        settle()
        click(approvals.checks[("cancel", "operator")])
        assert approvals.hours["shift_leader"].isEnabled()
        approvals.hours["shift_leader"].clear()
        type_text(approvals.hours["shift_leader"].lineEdit(), "72")
        approvals.hours["shift_leader"].interpretText()
        click(approvals.save_button)
        held = {(r["action"], r["role"]): r for r in admin.authorities(owner)}
        assert ("cancel", "operator") not in held and held[("approve_extension", "shift_leader")]["max_hours"] == 72
        assert held[("approve_extension", "office")]["max_hours"] is None

        # the weights: the sum follows what is typed
        weights = dialog.show_tab("weights")
        settle()
        spin = weights.spins["handling_rate"]
        spin.clear()
        type_text(spin.lineEdit(), "40")
        spin.interpretText()
        extension = weights.spins["extension_rate"]
        extension.clear()
        type_text(extension.lineEdit(), "0")
        extension.interpretText()
        assert weights.sum_label.text() == "100"
        click(weights.save_button)
        assert admin.weights(owner)["handling_rate"] == 40 and admin.weights(owner)["extension_rate"] == 0
    finally:
        dialog.done(0)


def test_a_login_without_the_admin_role_is_refused_by_the_store_and_nothing_changes(logins):
    owner, targets, names = logins
    audit_before = count(owner, "SELECT count(*) FROM citygrid.admin_audit")
    version = manual_store.current(owner).version
    dialog = open_dialog(targets["operator"])
    try:
        assert dialog.notice.isVisible() and names["operator"] in dialog.notice.text()
        tab = dialog.page("departments")
        click(tab.new_button)
        type_text(tab.code_edit, "QT")
        type_text(tab.name_edit, "其他部门")
        click(tab.save_button)
        text = bar(dialog)
        assert "QT" in text and "permission denied" in text and "Only an administrator" in text, text
        assert "Traceback" not in text
        assert tab.code_edit.text() == "QT" and tab.name_edit.text() == "其他部门"
        assert "QT" not in [d["code"] for d in admin.departments(owner)]

        # nor a change of the manual
        manual = dialog.show_tab("manual")
        settle()
        pick(manual.kind_filter, "Event")
        type_text(manual.search_edit, "0102")
        click_row(manual.class_table, row_of(manual.class_table, "0102"))
        manual.pages.setCurrentIndex(1)
        spin, _unit = manual.limits_editor.pairs[("normal", "handle")]
        spin.clear()
        type_text(spin.lineEdit(), "2")
        spin.interpretText()
        click(manual.save_button)
        assert "not changed" in bar(dialog) or "permission denied" in bar(dialog), bar(dialog)
        assert spin.value() == 2
        assert manual_store.current(owner).version == version
        assert count(owner, "SELECT count(*) FROM citygrid.admin_audit") == audit_before
    finally:
        dialog.done(0)


def test_the_administration_action_is_for_administrators(qgis_iface):
    import citygrid_plugin

    plugin = citygrid_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        action = plugin.admin_action
        assert action in plugin.menu.actions() and action in plugin.toolbar.actions()
        assert action.objectName() == "CityGrid_show_admin" and not action.icon().isNull()
        plugin.store_version, plugin.my_roles = 15, ["operator", "shift_leader"]
        plugin.refresh_state()
        assert not action.isEnabled() and "admin" in action.toolTip()
        plugin.my_roles = ["admin"]
        plugin.refresh_state()
        assert action.isEnabled()
    finally:
        plugin.unload()


def test_the_action_opens_one_dialog_on_the_shared_session(qgis_iface, logins):
    from citygrid_plugin.connections import configured_target, save_target
    from citygrid_plugin.plugin import CityGridPlugin

    _owner, targets, _names = logins
    before = configured_target()
    save_target(targets["admin"])
    plugin = CityGridPlugin(qgis_iface)
    plugin.initGui()
    try:
        plugin.check_store()
        assert plugin.admin_action.isEnabled(), plugin.admin_action.toolTip()
        plugin.admin_action.trigger()
        settle()
        dialog = plugin.admin_dialog
        assert dialog is not None and dialog.isVisible() and not dialog.isModal()
        assert dialog.session is plugin.session
        plugin.show_admin("manual")          # asked again: the same window, on the tab asked for
        settle()
        assert plugin.admin_dialog is dialog and dialog.tabs.currentWidget() is dialog.page("manual")
        dialog.close()
        settle()
        assert plugin.admin_dialog is None and plugin.session is None
    finally:
        plugin.unload()
        save_target(before)


def test_the_dialog_fits_a_laptop_screen(logins):
    """1366 × 768: the window fits, and no label of any tab is cut short."""
    from qgis.PyQt.QtWidgets import QAbstractButton, QLabel

    _owner, targets, _names = logins
    dialog = open_dialog(targets["admin"])
    try:
        # the screen less a task bar (40 px) and the window's title bar (about 30 px)
        assert dialog.width() <= 1366 and dialog.height() <= 698, (dialog.width(), dialog.height())
        cut = []
        for index in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(index)
            settle()
            page = dialog.tabs.currentWidget()
            for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
                if not widget.isVisibleTo(page) or not widget.text() or getattr(widget, "wordWrap", lambda: False)():
                    continue
                if widget.sizeHint().width() > widget.width() + 2 \
                        or widget.height() < widget.minimumSizeHint().height() - 1:
                    cut.append((page.title(), widget.text(), widget.size(), widget.minimumSizeHint()))
        assert cut == [], "\n".join(map(str, cut))
    finally:
        dialog.done(0)
