"""责任网格 in 系统管理 (issue 17 item 1) as an administrator uses it, signed in with a password: he
picks a grid by typing its code, gives it a supervisor from a day on, ends that period and hands
the grid over; a period overlapping another supervisor's is refused with the store's words (what
was chosen stays); he adds people to the grid's roster (一格六员), changes and removes one; sets the
login that gets the tasks of grids nobody answers for; and shows the map of who covers which grid.
Every step through the widgets a person uses; the store holds each change."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QMessageBox

from citygrid_plugin.core.casefilter import centre_today
from citygrid_plugin.store import admin
from citygrid_plugin.store.roles import save_user
from tests.helpers.admin import admin_logins, choose, click, open_dialog
from tests.helpers.desk import answering, press, settle, type_text
from tests.helpers.sql import PASSWORD
from tests.stores import PREFIX

SHOTS = "/tmp/issue17/shots"


@pytest.fixture
def logins(qgis_app, cluster, store_dsn, conn_factory):
    """The case store with an administrator (password login) and two supervisors, 张巡查 and 李巡查."""
    with admin_logins(cluster, store_dsn, conn_factory) as (owner, targets, names):
        tag = names["admin"].split("_")[1]
        for key, name in (("zhang", "张巡查"), ("li", "李巡查")):
            names[key] = f"cgt_{tag}_{key}"
            save_user(owner, names[key], ["supervisor"], name, password=PASSWORD)
        yield owner, targets, names
        owner.rollback()
        with owner.cursor() as cur:
            cur.execute("DELETE FROM citygrid.supervisor_grid WHERE login = ANY(%s)", ([names["zhang"], names["li"]],))
        owner.commit()


def set_day(edit, day: date) -> None:
    """Type a date into a date field as a person does (select all, type yyyy-MM-dd)."""
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClicks(edit, f"{day:%Y-%m-%d}")
    settle()
    assert edit.date() == QDate(day.year, day.month, day.day), edit.text()


def click_row(table, row: int, column: int = 0) -> None:
    table.scrollToItem(table.item(row, column))
    rect = table.visualItemRect(table.item(row, column))
    QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    settle()


def texts(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount()) if not table.isRowHidden(r)]


def bar(dialog) -> str:
    return "\n".join(dialog.messages())


def shoot(widget, name: str) -> None:
    from pathlib import Path

    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    widget.grab().save(f"{SHOTS}/{name}.png")


def test_an_administrator_gives_a_grid_its_supervisor_periods_and_roster(logins):
    owner, targets, names = logins
    zhang, li = names["zhang"], names["li"]
    grid, other = f"{PREFIX}001", f"{PREFIX}002"
    today = centre_today()
    dialog = open_dialog(targets["admin"], tab="responsibility")
    try:
        tab = dialog.page("responsibility")
        assert texts(tab.table, 0) == [f"{PREFIX}00{n}" for n in range(1, 7)]
        assert not tab.period_box.isEnabled(), "nothing to edit before a grid is picked"
        # the grid by its code: typing filters, Enter picks it
        type_text(tab.find_edit, grid)
        assert texts(tab.table, 0) == [grid]
        QTest.keyClick(tab.find_edit, Qt.Key_Return)
        settle()
        assert tab.grid == grid and tab.period_box.isEnabled()
        assert "红星路社区" in tab.grid_label.text()

        # 张巡查 answers for it from a month ago, with no end
        choose(tab.supervisor_combo, "张巡查")
        set_day(tab.from_edit, today - timedelta(days=30))
        assert tab.open_check.isChecked() and not tab.to_edit.isEnabled()
        click(tab.add_period_button)
        assert admin.supervisor_grids(owner, zhang) == [grid]
        assert zhang in dialog.status.text()
        assert texts(tab.table, 1) == [f"张巡查（{zhang}）"], "the list says who answers for it today"

        # 李巡查 from next week overlaps: the store refuses and names 张巡查's period; the form keeps what was chosen
        handover = today + timedelta(days=7)
        choose(tab.supervisor_combo, "李巡查")
        set_day(tab.from_edit, handover)
        click(tab.add_period_button)
        message = bar(dialog)
        assert f"grid {grid} already has supervisor {zhang} from {today - timedelta(days=30)} to open" in message
        assert "end that period first" in message
        assert tab.supervisor_combo.currentText() == f"李巡查（{li}）"
        assert admin.responsibility_periods(owner, grid, li) == []

        # so 张巡查's period ends the day before the handover, and 李巡查's is added again
        click_row(tab.period_table, 0)
        set_day(tab.end_edit, handover - timedelta(days=1))
        click(tab.end_button)
        click(tab.add_period_button)
        assert [(p["login"], p["valid_from"], p["valid_to"]) for p in admin.responsibility_periods(owner, grid)] == [
            (zhang, today - timedelta(days=30), handover - timedelta(days=1)), (li, handover, None)]
        assert texts(tab.period_table, 2) == [f"{handover - timedelta(days=1):%Y-%m-%d}", "no end"]
        assert tab.period_table.item(0, 0).font().bold(), "the period in force today stands out"

        # a period entered by mistake is removed (after a question whose default keeps it)
        tab.table.clearSelection()
        type_text(tab.find_edit, "")
        tab.find_edit.clear()
        click_row(tab.table, texts(tab.table, 0).index(other))
        assert tab.grid == other and tab.period_table.rowCount() == 0
        choose(tab.supervisor_combo, "李巡查")
        set_day(tab.from_edit, today)
        click(tab.add_period_button)
        assert admin.supervisor_grids(owner, li) == [other]
        click_row(tab.period_table, 0)
        with answering(press(QMessageBox.Yes)):
            click(tab.remove_period_button)
        assert admin.supervisor_grids(owner, li) == []

        # the roster: two people added, one changed, one removed
        click_row(tab.table, texts(tab.table, 0).index(grid))
        tab.duty_combo.setCurrentIndex(tab.duty_combo.findText("城管员"))
        type_text(tab.name_edit, "赵城管")
        type_text(tab.phone_edit, "138 0000 1111")
        click(tab.add_member_button)
        tab.duty_combo.setCurrentIndex(tab.duty_combo.findText("领导员"))
        tab.name_edit.clear()
        tab.phone_edit.clear()
        type_text(tab.name_edit, "钱书记")
        type_text(tab.phone_edit, "call me")
        click(tab.add_member_button)
        assert "phone" in bar(dialog) and tab.name_edit.text() == "钱书记", "refused, what was typed stays"
        tab.phone_edit.clear()
        type_text(tab.phone_edit, "028-8888 0000")
        click(tab.add_member_button)
        assert [(m["duty"], m["name"], m["phone"]) for m in admin.roster(owner, grid)] == [
            ("领导员", "钱书记", "028-8888 0000"), ("城管员", "赵城管", "138 0000 1111")]
        assert texts(tab.roster_table, 1) == ["钱书记", "赵城管"]
        click_row(tab.roster_table, 1)
        assert tab.name_edit.text() == "赵城管" and tab.duty_combo.currentText() == "城管员"
        type_text(tab.note_edit, "白班")
        click(tab.change_member_button)
        assert admin.roster(owner, grid)[1]["note"] == "白班"
        click_row(tab.roster_table, 0)
        click(tab.remove_member_button)
        assert [m["name"] for m in admin.roster(owner, grid)] == ["赵城管"]
        assert texts(tab.table, 2)[0] == "1 · 城管员"

        # the tasks of grids nobody answers for go to 李巡查
        choose(tab.fallback_combo, "李巡查")
        click(tab.fallback_button)
        assert admin.task_fallback(owner) == li
        # the change log holds the administrator's changes
        assert names["admin"] in {r["actor"] for r in admin.audit(owner, table="grid_roster")}

        # the map of who covers which grid today
        project = QgsProject.instance()
        layer = tab.show_map()
        try:
            assert layer is not None and project.mapLayer(layer.id()) is layer
            assert layer.featureCount() == 6
            by_code = {f["code"]: f["supervisor"] for f in layer.getFeatures()}
            assert by_code[grid] == zhang and by_code[other] == ""
            legend = [c.label() for c in layer.renderer().categories()]
            assert legend == [f"张巡查（{zhang}）: 1 grids", "no supervisor: 5 grids"]
            name = layer.name()
            again = tab.show_map()
            assert [lay for lay in project.mapLayers().values() if lay.name() == name] == [again], "replaced"
        finally:
            project.removeAllMapLayers()

        click_row(tab.table, texts(tab.table, 0).index(grid))
        dialog.resize(1240, 660)
        settle()
        shoot(dialog, "admin_responsibility")
    finally:
        dialog.done(0)


def test_a_login_without_the_admin_role_sees_the_refusal(logins):
    owner, targets, names = logins
    dialog = open_dialog(targets["operator"], tab="responsibility")
    try:
        tab = dialog.page("responsibility")
        click_row(tab.table, 0)
        choose(tab.supervisor_combo, "张巡查")
        click(tab.add_period_button)
        assert "permission denied" in bar(dialog) and "administrator" in bar(dialog)
        assert admin.responsibility_periods(owner) == []
    finally:
        dialog.done(0)


def test_a_code_that_is_no_grid_is_said(logins):
    _owner, targets, _names = logins
    dialog = open_dialog(targets["admin"], tab="responsibility")
    try:
        tab = dialog.page("responsibility")
        type_text(tab.find_edit, f"{PREFIX}777")
        QTest.keyClick(tab.find_edit, Qt.Key_Return)
        settle()
        assert f"No active unit grid {PREFIX}777" in bar(dialog)
        assert tab.grid is None
    finally:
        dialog.done(0)


def test_the_tab_fits_a_laptop_screen(logins):
    """At the dialog's own size (a 1366 × 768 screen) no label or button of the tab is cut short, in
    English and in Chinese."""
    from qgis.PyQt.QtWidgets import QAbstractButton, QLabel

    from citygrid_plugin.core.i18n import set_translator
    from tests.helpers.zh import zh_catalogue

    _owner, targets, _names = logins
    catalogue = zh_catalogue()
    for language in ("en", "zh"):
        if language == "zh":
            set_translator(lambda text: catalogue.get(text, text))
        dialog = open_dialog(targets["admin"], tab="responsibility")
        try:
            assert dialog.width() <= 1366 and dialog.height() <= 698
            page = dialog.page("responsibility")
            for pick in (False, True):
                if pick:
                    click_row(page.table, 0)
                cut = [(w.text(), w.size(), w.minimumSizeHint())
                       for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)
                       if w.isVisibleTo(page) and w.text() and not getattr(w, "wordWrap", lambda: False)()
                       and (w.sizeHint().width() > w.width() + 2 or w.height() < w.minimumSizeHint().height() - 1)]
                assert cut == [], (language, cut)
            if language == "en":
                shoot(dialog, "admin_responsibility_natural_size")
        finally:
            dialog.done(0)
            set_translator(None)
