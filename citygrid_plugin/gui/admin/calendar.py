"""工作日历: the working calendar that working-hour and working-day limits count in — the working
periods of a day (08:30-12:00,13:30-17:30), the weekdays that work by default, and per year the
holidays (休) and the weekends that China's holiday schedule turns into working days (调休上班).

The year's entries are edited here and saved at once: saving replaces that year's entries in
the store (store.admin.save_calendar); the store refuses a date outside the year.
"""
from __future__ import annotations

from datetime import date

from qgis.PyQt.QtCore import QDate, QLocale, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QTextCharFormat
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from ...core.i18n import tr
from ...core.textsafe import html_text
from ...i18n import wanted_language
from ...store import admin
from .common import AdminTab, fill, hint, label, row_data, select_row, table

HOLIDAY_COLOUR = ("#b03a2e", "#fadbd8")     # text, background of 休
WORKDAY_COLOUR = ("#1f5f99", "#d6eaf8")     # of 调休上班


def weekday_label(iso: int) -> str:
    return {1: tr("Mon"), 2: tr("Tue"), 3: tr("Wed"), 4: tr("Thu"), 5: tr("Fri"), 6: tr("Sat"),
            7: tr("Sun")}[iso]


def entry_label(workday: bool) -> str:
    return tr("Working day (调休上班)") if workday else tr("Holiday (休)")


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class CalendarTab(AdminTab):
    key = "calendar"

    def title(self) -> str:
        return tr("Working calendar")

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.year = date.today().year
        self.entries: dict[date, tuple[bool, str | None]] = {}
        self.saved_entries: dict[date, tuple[bool, str | None]] = {}
        self.saved_periods = ""
        self.saved_week: list[int] = []
        layout = QHBoxLayout(self)

        left = QVBoxLayout()
        year_row = QHBoxLayout()
        year_row.addWidget(label(tr("Year")))
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("calendar_year")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(self.year)
        self.year_spin.valueChanged.connect(self._year_changed)
        year_row.addWidget(self.year_spin)
        year_row.addStretch(1)
        legend = QLabel(f"<span style='background:{HOLIDAY_COLOUR[1]};color:{HOLIDAY_COLOUR[0]}'>&nbsp;休&nbsp;</span>"
                        f" {html_text(tr('holiday'))} &nbsp; <span style='background:{WORKDAY_COLOUR[1]};"
                        f"color:{WORKDAY_COLOUR[0]}'>&nbsp;班&nbsp;</span> {html_text(tr('working weekend'))}")
        legend.setTextFormat(Qt.RichText)
        year_row.addWidget(legend)
        left.addLayout(year_row)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("calendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.NoVerticalHeader)
        self.calendar.setFirstDayOfWeek(Qt.Monday)
        if wanted_language() == "zh_CN":   # month and weekday names as the rest of the plugin speaks
            self.calendar.setLocale(QLocale(QLocale.Chinese, QLocale.China))
        self.calendar.selectionChanged.connect(self._date_selected)
        left.addWidget(self.calendar, 1)

        day_box = QGroupBox(tr("The day selected"))
        day_form = QFormLayout(day_box)
        self.day_label = QLabel()
        self.day_label.setObjectName("calendar_day")
        self.day_label.setTextFormat(Qt.PlainText)
        day_form.addRow(label(tr("Date")), self.day_label)
        kinds = QHBoxLayout()
        self.holiday_radio = QRadioButton(entry_label(False))
        self.holiday_radio.setObjectName("calendar_holiday")
        self.workday_radio = QRadioButton(entry_label(True))
        self.workday_radio.setObjectName("calendar_workday")
        group = QButtonGroup(self)
        group.addButton(self.holiday_radio)
        group.addButton(self.workday_radio)
        self.holiday_radio.setChecked(True)
        kinds.addWidget(self.holiday_radio)
        kinds.addWidget(self.workday_radio)
        kinds.addStretch(1)
        day_form.addRow(label(tr("Kind")), kinds)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("calendar_note")
        self.note_edit.setPlaceholderText(tr("e.g. 国庆节, 国庆调休"))
        day_form.addRow(label(tr("Note")), self.note_edit)
        day_buttons = QHBoxLayout()
        self.set_button = QPushButton(tr("Set this day"))
        self.set_button.setObjectName("calendar_set")
        self.set_button.setAutoDefault(False)
        self.set_button.clicked.connect(self.set_day)
        self.clear_button = QPushButton(tr("Back to the weekly rule"))
        self.clear_button.setObjectName("calendar_clear")
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_day)
        day_buttons.addWidget(self.set_button)
        day_buttons.addWidget(self.clear_button)
        day_buttons.addStretch(1)
        day_form.addRow(day_buttons)
        left.addWidget(day_box)
        layout.addLayout(left, 3)

        right = QVBoxLayout()
        right.addWidget(label(tr("Holidays and working weekends of the year")))
        self.table = table([tr("Date"), tr("Weekday"), tr("Kind"), tr("Note")], stretch=3, name="calendar_entries")
        self.table.itemSelectionChanged.connect(self._entry_selected)
        right.addWidget(self.table, 1)
        week_box = QGroupBox(tr("Every week"))
        week_form = QFormLayout(week_box)
        self.periods_edit = QLineEdit()
        self.periods_edit.setObjectName("work_periods")
        self.periods_edit.setPlaceholderText("08:30-12:00,13:30-17:30")
        week_form.addRow(label(tr("Working hours")), self.periods_edit)
        days = QHBoxLayout()
        self.day_checks: dict[int, QCheckBox] = {}
        for iso in range(1, 8):
            check = QCheckBox(weekday_label(iso))
            check.setObjectName(f"workweek_{iso}")
            check.toggled.connect(lambda _on: self._show_year())
            self.day_checks[iso] = check
            days.addWidget(check)
        days.addStretch(1)
        week_form.addRow(label(tr("Working weekdays")), days)
        week_form.addRow(hint(tr("Working hours and working days count the limits given in 工作时 and 工作日.")))
        right.addWidget(week_box)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = QPushButton(tr("Save the calendar"))
        self.save_button.setObjectName("save_calendar")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        right.addLayout(save_row)
        layout.addLayout(right, 2)

    # -- reading -------------------------------------------------------------------------------------
    def load(self) -> None:
        rows = admin.calendar(self.conn, self.year)
        self.saved_entries = {d: (bool(w), note) for d, w, note in rows}
        self.entries = dict(self.saved_entries)
        self.saved_periods = admin.work_periods(self.conn) or ""
        self.saved_week = sorted(admin.work_week(self.conn))
        self.periods_edit.setText(self.saved_periods)
        for iso, check in self.day_checks.items():
            check.setChecked(iso in self.saved_week)
        self._show_year()

    def _show_year(self) -> None:
        self.calendar.blockSignals(True)
        self.calendar.setDateRange(QDate(self.year, 1, 1), QDate(self.year, 12, 31))
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())   # clears every date's format
        week = self.work_week()
        for iso in range(1, 8):   # the days off of the weekly rule in red, as a printed calendar has them
            day_format = QTextCharFormat()
            day_format.setForeground(QBrush(QColor("#000000" if iso in week else "#c0392b")))
            self.calendar.setWeekdayTextFormat(Qt.DayOfWeek(iso), day_format)
        for d, (workday, note) in self.entries.items():
            fmt = QTextCharFormat()
            text, background = WORKDAY_COLOUR if workday else HOLIDAY_COLOUR
            fmt.setForeground(QBrush(QColor(text)))
            fmt.setBackground(QBrush(QColor(background)))
            fmt.setFontWeight(75)
            fmt.setToolTip(f"{entry_label(workday)}{' · ' + note if note else ''}")
            self.calendar.setDateTextFormat(qdate(d), fmt)
        if self.calendar.selectedDate().year() != self.year:
            today = date.today()
            self.calendar.setSelectedDate(qdate(today) if today.year == self.year else QDate(self.year, 1, 1))
        self.calendar.blockSignals(False)
        keep = pydate(self.calendar.selectedDate())
        self.table.blockSignals(True)
        days = sorted(self.entries)
        fill(self.table, [[d.isoformat(), weekday_label(d.isoweekday()), entry_label(self.entries[d][0]),
                           self.entries[d][1] or ""] for d in days], data=days)
        select_row(self.table, lambda d: d == keep)
        self.table.blockSignals(False)
        self._date_selected()

    def changed(self) -> bool:
        return (self.entries != self.saved_entries or self.periods_edit.text().strip() != self.saved_periods
                or self.work_week() != self.saved_week)

    def _year_changed(self, year: int) -> None:
        if year == self.year:
            return
        if self.entries != self.saved_entries:
            box = QMessageBox(QMessageBox.Question, tr("Working calendar"),
                              tr("Discard the unsaved changes of {year}?").format(year=self.year),
                              QMessageBox.Yes | QMessageBox.No, self)
            box.button(QMessageBox.Yes).setText(tr("Discard"))
            box.button(QMessageBox.No).setText(tr("Go back"))
            box.setDefaultButton(QMessageBox.No)
            box.setEscapeButton(QMessageBox.No)
            if box.exec() != QMessageBox.Yes:
                self.year_spin.blockSignals(True)
                self.year_spin.setValue(self.year)
                self.year_spin.blockSignals(False)
                return
        self.year = year
        self.calendar.blockSignals(True)
        self.calendar.setDateRange(QDate(year, 1, 1), QDate(year, 12, 31))
        self.calendar.setSelectedDate(QDate(year, 1, 1))
        self.calendar.blockSignals(False)
        self.reload()

    # -- a day ---------------------------------------------------------------------------------------
    def selected_date(self) -> date:
        return pydate(self.calendar.selectedDate())

    def select_date(self, d: date) -> None:
        """Show *d* (of the year shown) in the calendar and the day's form."""
        self.calendar.setSelectedDate(qdate(d))
        self.calendar.setCurrentPage(d.year, d.month)

    def _date_selected(self) -> None:
        d = self.selected_date()
        entry = self.entries.get(d)
        default = d.isoweekday() in self.work_week()
        state = (tr("working day") if default else tr("day off")) if entry is None else entry_label(entry[0])
        self.day_label.setText(f"{d.isoformat()} {weekday_label(d.isoweekday())} · {state}")
        if entry is not None:
            (self.workday_radio if entry[0] else self.holiday_radio).setChecked(True)
            self.note_edit.setText(entry[1] or "")
        else:   # the likely change: a weekend worked, a weekday off
            (self.holiday_radio if default else self.workday_radio).setChecked(True)
            self.note_edit.clear()
        self.clear_button.setEnabled(entry is not None)

    def _entry_selected(self) -> None:
        d = row_data(self.table)
        if d is not None:
            self.select_date(d)

    def set_day(self) -> None:
        """The selected day becomes a holiday or a working day, as chosen (saved with the calendar)."""
        d = self.selected_date()
        self.entries[d] = (self.workday_radio.isChecked(), self.note_edit.text().strip() or None)
        self._show_year()
        self.dialog.saved(tr("{day} set; save the calendar to keep it.").format(day=d.isoformat()))

    def clear_day(self) -> None:
        d = self.selected_date()
        if self.entries.pop(d, None) is not None:
            self._show_year()
            self.dialog.saved(tr("{day} follows the weekly rule again; save the calendar to keep it.").format(
                day=d.isoformat()))

    def work_week(self) -> list[int]:
        return [iso for iso, check in self.day_checks.items() if check.isChecked()]

    # -- saving --------------------------------------------------------------------------------------
    def save(self) -> bool:
        """The year's entries (replacing the store's), and the working hours and weekdays when
        changed; each in one transaction of the store."""
        periods = self.periods_edit.text().strip()
        week = self.work_week()
        if not week:
            self.missing(tr("Tick the weekdays that work."))
            return False
        done = []
        if periods != self.saved_periods:
            ok, _ = self.write(admin.set_work_periods, periods)
            if not ok:
                return False
            self.saved_periods = periods
            done.append(tr("the working hours"))
        if week != self.saved_week:
            ok, _ = self.write(admin.set_work_week, week)
            if not ok:
                return False
            self.saved_week = week
            done.append(tr("the working weekdays"))
        entries = [(d, workday, note) for d, (workday, note) in sorted(self.entries.items())]
        if self.entries != self.saved_entries:
            ok, _ = self.write(admin.save_calendar, self.year, entries)
            if not ok:
                return False
            self.saved_entries = dict(self.entries)
            done.insert(0, tr("the days of {year} ({n} set)").format(year=self.year, n=len(entries)))
        if not done:
            self.dialog.saved(tr("Nothing changed."))
            return True
        self.dialog.saved(tr("Calendar saved: {what}.").format(what="、".join(done)))
        self.reload()
        return True
