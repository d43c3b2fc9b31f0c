"""责任网格: who answers for a unit grid — its supervisor (监督员) with the period he answers for it
(from a day, to a day or with no end), and its roster (一格六员: 领导员, 城管员, 环卫员, 社区员, 巡查员,
志愿员, with names and phones) — and the login that gets the verify and check tasks of grids nobody
answers for (the store setting task_fallback).

A grid is picked from the list on the left (typed code, part of a code, a community or a
supervisor filters it; Enter on a whole code picks that grid). One supervisor answers for a grid on
any day: the store refuses a period that overlaps another supervisor's and names him and his
period (a handover ends his period first, then adds the new one). A period that happened is ended,
not removed: the tasks of its days were his. "Show on the map" adds the map of who covers which
grid today (patrolmaps.add_responsibility_layer). Everything goes through store.admin.
"""
from __future__ import annotations

from datetime import date, timedelta

from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ...core.casefilter import centre_today
from ...core.i18n import tr
from ...core.roster import DUTIES
from ...store import admin, patrol
from ...store.db import StoreError
from .common import AdminTab, cell, chosen, fill, hint, row_data, searchable, select_row, set_chosen, table

GRID_COLUMNS = ("code", "supervisor", "roster", "community")
PERIOD_COLUMNS = ("person", "from", "to")
ROSTER_COLUMNS = ("duty", "name", "phone", "note")


def column_title(column: str) -> str:
    return {"code": tr("Grid code"), "community": tr("Community"), "supervisor": tr("Supervisor today"),
            "person": tr("Supervisor"), "roster": tr("Roster"), "from": tr("From"), "to": tr("To"), "duty": tr("Duty"),
            "name": tr("Full name"), "phone": tr("Phone"), "note": tr("Note")}[column]


def person(login: str | None, name: str | None) -> str:
    """"张三（zhang_san）", the login alone without a name, "—" for nobody."""
    if not login:
        return "—"
    return f"{name}（{login}）" if name else login


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(name: str, day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ResponsibilityTab(AdminTab):
    key = "responsibility"

    def title(self) -> str:
        return tr("Responsibility grids")

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.grids: list[dict] = []
        self.supervisors: list[tuple[str, str]] = []
        self.periods: list[dict] = []
        self.members: list[dict] = []
        self.grid: str | None = None      # the grid shown on the right
        self.member_id: int | None = None  # the roster entry shown in the form
        layout = QHBoxLayout(self)

        # -- left: the grids, the map, the fallback --------------------------------------------------
        left = QVBoxLayout()
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("grid_find")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setPlaceholderText(tr("grid code, community or supervisor"))
        self.find_edit.textChanged.connect(self._filter)
        self.find_edit.returnPressed.connect(self.pick_typed)
        left.addWidget(self.find_edit)
        self.table = table([column_title(c) for c in GRID_COLUMNS], stretch=GRID_COLUMNS.index("supervisor"),
                           name="grids")
        self.table.itemSelectionChanged.connect(self._selected)
        left.addWidget(self.table, 1)
        map_row = QHBoxLayout()
        self.map_button = QPushButton(tr("Show on the map"))
        self.map_button.setObjectName("show_responsibility_map")
        self.map_button.setToolTip(tr("Add a layer of the unit grids coloured by the supervisor who answers for "
                                      "them today"))
        self.map_button.setAutoDefault(False)
        self.map_button.clicked.connect(self.show_map)
        map_row.addWidget(self.map_button)
        map_row.addStretch(1)
        left.addLayout(map_row)
        fallback = QGroupBox(tr("Tasks of grids nobody answers for"))
        fallback_layout = QVBoxLayout(fallback)
        fallback_row = QHBoxLayout()
        self.fallback_combo = searchable(QComboBox(), 14)
        self.fallback_combo.setObjectName("task_fallback")
        fallback_row.addWidget(self.fallback_combo, 1)
        self.fallback_button = QPushButton(tr("Save"))
        self.fallback_button.setObjectName("save_fallback")
        self.fallback_button.setAutoDefault(False)
        self.fallback_button.clicked.connect(self.save_fallback)
        fallback_row.addWidget(self.fallback_button)
        fallback_layout.addLayout(fallback_row)
        fallback_layout.addWidget(hint(tr("Verify (核实) and check (核查) tasks of a grid without a supervisor go to "
                                          "this supervisor; with nobody chosen every supervisor may take them.")))
        left.addWidget(fallback)
        layout.addLayout(left, 5)

        # -- right: the grid's supervisor periods and roster --------------------------------------------
        right = QVBoxLayout()
        self.grid_label = QLabel(tr("Pick a grid in the list."))
        self.grid_label.setObjectName("grid_shown")
        self.grid_label.setTextFormat(Qt.PlainText)
        self.grid_label.setWordWrap(True)
        font = self.grid_label.font()
        font.setBold(True)
        self.grid_label.setFont(font)
        right.addWidget(self.grid_label)

        self.period_box = QGroupBox(tr("Supervisor and the period he answers for the grid"))
        periods = QVBoxLayout(self.period_box)
        self.period_table = table([column_title(c) for c in PERIOD_COLUMNS], stretch=0, name="periods")
        self.period_table.setMinimumHeight(self.fontMetrics().height() * 6)
        periods.addWidget(self.period_table, 1)
        pick_row = QHBoxLayout()
        self.supervisor_combo = searchable(QComboBox(), 16)
        self.supervisor_combo.setObjectName("period_supervisor")
        pick_row.addWidget(self.supervisor_combo, 1)
        pick_row.addWidget(QLabel(tr("from")))
        self.from_edit = date_edit("period_from", centre_today())
        pick_row.addWidget(self.from_edit)
        periods.addLayout(pick_row)
        add_row = QHBoxLayout()
        add_row.addWidget(QLabel(tr("to")))
        self.to_edit = date_edit("period_to", centre_today())
        add_row.addWidget(self.to_edit)
        self.open_check = QCheckBox(tr("no end"))
        self.open_check.setObjectName("period_open")
        self.open_check.toggled.connect(lambda on: self.to_edit.setEnabled(not on))
        self.open_check.setChecked(True)
        add_row.addWidget(self.open_check)
        add_row.addStretch(1)
        self.add_period_button = QPushButton(tr("Add period"))
        self.add_period_button.setObjectName("add_period")
        self.add_period_button.setAutoDefault(False)
        self.add_period_button.clicked.connect(self.add_period)
        add_row.addWidget(self.add_period_button)
        periods.addLayout(add_row)
        end_row = QHBoxLayout()
        end_row.addWidget(QLabel(tr("Selected period:")))
        self.end_button = QPushButton(tr("End it on"))
        self.end_button.setObjectName("end_period")
        self.end_button.setAutoDefault(False)
        self.end_button.clicked.connect(self.end_period)
        end_row.addWidget(self.end_button)
        self.end_edit = date_edit("period_end", centre_today() - timedelta(days=1))
        end_row.addWidget(self.end_edit)
        end_row.addStretch(1)
        self.remove_period_button = QPushButton(tr("Remove"))
        self.remove_period_button.setObjectName("remove_period")
        self.remove_period_button.setToolTip(tr("Remove a period entered by mistake; a period that happened is "
                                                "ended instead"))
        self.remove_period_button.setAutoDefault(False)
        self.remove_period_button.clicked.connect(self.remove_period)
        end_row.addWidget(self.remove_period_button)
        periods.addLayout(end_row)
        right.addWidget(self.period_box, 2)

        self.roster_box = QGroupBox(tr("Grid roster (一格六员)"))
        roster = QVBoxLayout(self.roster_box)
        self.roster_table = table([column_title(c) for c in ROSTER_COLUMNS], stretch=ROSTER_COLUMNS.index("note"),
                                  name="roster")
        self.roster_table.itemSelectionChanged.connect(self._member_selected)
        roster.addWidget(self.roster_table, 1)
        member_row = QHBoxLayout()
        self.duty_combo = QComboBox()
        self.duty_combo.setObjectName("roster_duty")
        for duty in DUTIES:
            self.duty_combo.addItem(duty, duty)
        member_row.addWidget(self.duty_combo)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("roster_name")
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText(column_title("name"))
        member_row.addWidget(self.name_edit, 1)
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("roster_phone")
        self.phone_edit.setMaxLength(40)
        self.phone_edit.setPlaceholderText(column_title("phone"))
        member_row.addWidget(self.phone_edit, 1)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("roster_note")
        self.note_edit.setMaxLength(500)
        self.note_edit.setPlaceholderText(column_title("note"))
        member_row.addWidget(self.note_edit, 2)
        roster.addLayout(member_row)
        member_buttons = QHBoxLayout()
        member_buttons.addStretch(1)
        self.add_member_button = QPushButton(tr("Add person"))
        self.add_member_button.setObjectName("add_member")
        self.change_member_button = QPushButton(tr("Save changes"))
        self.change_member_button.setObjectName("change_member")
        self.change_member_button.setToolTip(tr("Save the changes to the person selected in the roster"))
        self.remove_member_button = QPushButton(tr("Remove"))
        self.remove_member_button.setToolTip(tr("Remove the person selected in the roster"))
        self.remove_member_button.setObjectName("remove_member")
        for button, slot in ((self.add_member_button, self.add_member), (self.change_member_button, self.change_member),
                             (self.remove_member_button, self.remove_member)):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            member_buttons.addWidget(button)
        roster.addLayout(member_buttons)
        right.addWidget(self.roster_box, 3)
        layout.addLayout(right, 6)
        self._grid_shown()

    # -- reading -------------------------------------------------------------------------------------
    def load(self) -> None:
        self.supervisors = patrol.supervisors(self.conn)
        self.grids = admin.grid_overview(self.conn)
        fallback = admin.task_fallback(self.conn)
        for combo, first in ((self.supervisor_combo, None), (self.fallback_combo, (tr("— nobody: every "
                                                                                       "supervisor —"), ""))):
            keep = chosen(combo) if combo.count() else None
            combo.blockSignals(True)
            combo.clear()
            if first is not None:
                combo.addItem(*first)
            for login, name in self.supervisors:
                combo.addItem(person(login, name), login)
            combo.blockSignals(False)
            if keep is not None:
                set_chosen(combo, keep)
            elif combo is self.supervisor_combo:   # nobody chosen for the person: he picks one
                combo.setCurrentIndex(-1)
                combo.setEditText("")
        set_chosen(self.fallback_combo, fallback or "")
        self.table.blockSignals(True)
        fill(self.table, [[g["code"], person(g["supervisor"], g["supervisor_name"]), self._roster_text(g),
                           g["community"] or ""] for g in self.grids], data=[g["code"] for g in self.grids])
        self.table.blockSignals(False)
        self._filter(self.find_edit.text())
        if self.grid:
            self.table.blockSignals(True)
            select_row(self.table, lambda code: code == self.grid)
            self.table.blockSignals(False)
            self._read_grid()

    @staticmethod
    def _roster_text(g: dict) -> str:
        """"4 · 领导员 城管员 …" (how many people, and the duties filled)."""
        if not g["roster"]:
            return "—"
        duties = [d for d in DUTIES if d in g["duties"]]
        return f"{g['roster']} · {' '.join(duties)}"

    def _filter(self, text: str) -> None:
        text = (text or "").strip()
        for r in range(self.table.rowCount()):
            shown = not text or any(text in (self.table.item(r, c).text() if self.table.item(r, c) else "")
                                    for c in range(self.table.columnCount()))
            self.table.setRowHidden(r, not shown)

    def pick_typed(self) -> bool:
        """Enter in the search field: the grid of the whole code typed, else the one grid listed."""
        text = self.find_edit.text().strip()
        if select_row(self.table, lambda code: code == text):
            return True
        shown = [r for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]
        if len(shown) == 1:
            self.table.selectRow(shown[0])
            return True
        self.missing(tr("No active unit grid {code}: type its 15-digit code or pick it in the list.").format(
            code=text) if not shown else tr("{n} grids match; pick one in the list.").format(n=len(shown)),
                     self.find_edit)
        return False

    def _selected(self) -> None:
        code = row_data(self.table)
        if code is not None and code != self.grid:
            self.grid = code
            self.member_id = None
            self._clear_member()
            self._read_grid()

    def _read_grid(self) -> None:
        self.periods = self.read(admin.responsibility_periods, self.grid, default=[])
        self.members = self.read(admin.roster, self.grid, default=[])
        self._grid_shown()

    def _grid_shown(self) -> None:
        grid = next((g for g in self.grids if g["code"] == self.grid), None)
        for widget in (self.period_box, self.roster_box):
            widget.setEnabled(grid is not None)
        if grid is None:
            self.grid_label.setText(tr("Pick a grid in the list."))
            fill(self.period_table, [])
            fill(self.roster_table, [])
            return
        self.grid_label.setText(tr("Grid {code} · {community} · supervisor today: {who}").format(
            code=grid["code"], community=grid["community"] or "—",
            who=person(grid["supervisor"], grid["supervisor_name"])))
        today = centre_today()
        rows = []
        for p in self.periods:
            current = p["valid_from"] <= today and (p["valid_to"] is None or p["valid_to"] >= today)
            items = [cell(person(p["login"], p["name"])), cell(f"{p['valid_from']:%Y-%m-%d}"),
                     cell(f"{p['valid_to']:%Y-%m-%d}" if p["valid_to"] else tr("no end"))]
            if current:
                for item in items:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                items[0].setToolTip(tr("answers for the grid today"))
            rows.append(items)
        fill(self.period_table, rows, data=[(p["login"], p["valid_from"]) for p in self.periods])
        keep = self.member_id
        self.roster_table.blockSignals(True)
        fill(self.roster_table, [[m["duty"], m["name"], m["phone"] or "", m["note"] or ""] for m in self.members],
             data=[m["id"] for m in self.members])
        if keep is not None:
            select_row(self.roster_table, lambda i: i == keep)
        self.roster_table.blockSignals(False)

    def _after_write(self) -> None:
        """The store changed: the list (supervisor today, roster) and the grid read again."""
        self.load_quietly()
        self._read_grid()

    def load_quietly(self) -> None:
        try:
            self.load()
        except StoreError as exc:
            self.dialog.warn(self.dialog.explain(exc))

    # -- supervisor periods ----------------------------------------------------------------------------
    def selected_period(self) -> tuple[str, date] | None:
        return row_data(self.period_table)

    def add_period(self) -> bool:
        login = chosen(self.supervisor_combo)
        if not login:
            self.missing(tr("Choose the supervisor who answers for the grid."), self.supervisor_combo)
            return False
        start = to_date(self.from_edit.date())
        end = None if self.open_check.isChecked() else to_date(self.to_edit.date())
        ok, _ = self.write(admin.add_responsibility, login, self.grid, start, end,
                           done=tr("Grid {grid}: {who} answers for it {period}.").format(
                               grid=self.grid, who=self.supervisor_combo.currentText(),
                               period=self._period_words(start, end)))
        if ok:
            self._after_write()
        return ok

    @staticmethod
    def _period_words(start: date, end: date | None) -> str:
        if end is None:
            return tr("from {start} on").format(start=f"{start:%Y-%m-%d}")
        return tr("from {start} to {end}").format(start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}")

    def end_period(self) -> bool:
        period = self.selected_period()
        if period is None:
            self.missing(tr("Select the period to end in the table."))
            return False
        login, start = period
        last = to_date(self.end_edit.date())
        ok, _ = self.write(admin.end_responsibility, login, self.grid, start, last,
                           done=tr("Grid {grid}: the period of {login} ends on {day}.").format(
                               grid=self.grid, login=login, day=f"{last:%Y-%m-%d}"))
        if ok:
            self._after_write()
        return ok

    def remove_period(self) -> bool:
        period = self.selected_period()
        if period is None:
            self.missing(tr("Select the period to remove in the table."))
            return False
        login, start = period
        box = QMessageBox(QMessageBox.Question, self.title(), tr(
            "Remove the period of {login} from {start} as entered by mistake? A period that happened is ended "
            "instead: the tasks of its days were his.").format(login=login, start=f"{start:%Y-%m-%d}"),
            QMessageBox.Yes | QMessageBox.No, self)
        box.setTextFormat(Qt.PlainText)
        box.button(QMessageBox.Yes).setText(tr("Remove"))
        box.button(QMessageBox.No).setText(tr("Keep it"))
        box.setDefaultButton(QMessageBox.No)
        box.setEscapeButton(QMessageBox.No)
        if box.exec() != QMessageBox.Yes:
            return False
        ok, _ = self.write(admin.remove_responsibility, login, self.grid, start,
                           done=tr("Grid {grid}: the period of {login} removed.").format(grid=self.grid, login=login))
        if ok:
            self._after_write()
        return ok

    # -- the roster ------------------------------------------------------------------------------------
    def _member_selected(self) -> None:
        member_id = row_data(self.roster_table)
        member = next((m for m in self.members if m["id"] == member_id), None)
        if member is None:
            return
        self.member_id = member_id
        set_chosen(self.duty_combo, member["duty"])
        self.name_edit.setText(member["name"])
        self.phone_edit.setText(member["phone"] or "")
        self.note_edit.setText(member["note"] or "")

    def _clear_member(self) -> None:
        for edit in (self.name_edit, self.phone_edit, self.note_edit):
            edit.clear()
        self.duty_combo.setCurrentIndex(0)

    def _member(self) -> dict | None:
        name = self.name_edit.text().strip()
        if not name:
            self.missing(tr("Give the person's name."), self.name_edit)
            return None
        return {"grid_code": self.grid, "duty": self.duty_combo.currentData(), "name": name,
                "phone": self.phone_edit.text().strip() or None, "note": self.note_edit.text().strip() or None}

    def add_member(self) -> bool:
        member = self._member()
        if member is None:
            return False
        ok, new_id = self.write(admin.save_roster_member, member, done=tr("{duty} {name} added to grid {grid}.").format(
            duty=member["duty"], name=member["name"], grid=self.grid))
        if ok:
            self.member_id = new_id
            self._after_write()
        return ok

    def change_member(self) -> bool:
        if self.member_id is None or row_data(self.roster_table) is None:
            self.missing(tr("Select the person to change in the roster."))
            return False
        member = self._member()
        if member is None:
            return False
        ok, _ = self.write(admin.save_roster_member, {**member, "id": self.member_id},
                           done=tr("{duty} {name} of grid {grid} saved.").format(
                               duty=member["duty"], name=member["name"], grid=self.grid))
        if ok:
            self._after_write()
        return ok

    def remove_member(self) -> bool:
        member_id = row_data(self.roster_table)
        member = next((m for m in self.members if m["id"] == member_id), None)
        if member is None:
            self.missing(tr("Select the person to remove in the roster."))
            return False
        ok, _ = self.write(admin.delete_roster_member, member_id, done=tr("{duty} {name} removed from grid "
                                                                          "{grid}.").format(
            duty=member["duty"], name=member["name"], grid=self.grid))
        if ok:
            self.member_id = None
            self._clear_member()
            self._after_write()
        return ok

    # -- the fallback and the map ------------------------------------------------------------------------
    def save_fallback(self) -> bool:
        login = chosen(self.fallback_combo)
        if login is None:
            self.missing(tr("Pick a supervisor in the list (or the first entry: nobody)."), self.fallback_combo)
            return False
        done = tr("Tasks of grids nobody answers for go to {who}.").format(who=self.fallback_combo.currentText()) \
            if login else tr("Tasks of grids nobody answers for go to every supervisor.")
        ok, _ = self.write(admin.set_task_fallback, login or None, done=done)
        return ok

    def show_map(self):
        """The map of who covers which grid today, in the project (the one added before replaced)."""
        from qgis.core import QgsProject

        from ...patrolmaps import add_responsibility_layer

        try:
            layer = add_responsibility_layer(QgsProject.instance(), self.conn)
        except StoreError as exc:
            self.dialog.warn(self.dialog.explain(exc))
            return None
        self.dialog.saved(tr("Layer “{name}” added to the map.").format(name=layer.name()))
        return layer
