"""The case desk's search tab (查询): any case the login may see, closed and cancelled ones too,
by number (whole or its last digits), address or description text, class, source, state(s), area
(street, community or grid code) and the dates it was reported between (store.desk.search).

The form sits above the results, in rows that wrap at the dock's width; Enter in a text field or
the 查询 button searches; the results are a table like the queue's (with the state), and a
selected case opens in the detail below like any other.
"""
from __future__ import annotations

from datetime import date

from qgis.PyQt.QtCore import QDate, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ...core.workflow import OPEN_STATES, state_label
from ..widgets import FlowLayout


def state_choices() -> list[tuple[str, list[str] | None]]:
    """The state filter: every case, the open ones, the finished ones, each state."""
    return ([(tr("all states"), None), (tr("open cases"), list(OPEN_STATES)), (tr("closed"), ["closed"]),
             (tr("cancelled"), ["cancelled"])] + [(state_label(s), [s]) for s in OPEN_STATES])


class SearchPanel(QWidget):
    """The search form above *table*. ``search_requested`` when the person asks; :meth:`criteria`
    gives the keyword arguments of store.desk.search as the form holds them.
    *classes*: dicts with kind, code, name (store.intake.class_table); *sources*: names."""

    search_requested = pyqtSignal()

    def __init__(self, table, classes: list[dict], sources: list[str], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("search_page")
        self.table = table
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        self.number = QLineEdit()
        self.number.setObjectName("search_number")
        self.number.setPlaceholderText(tr("case number or its last digits"))
        self.text = QLineEdit()
        self.text.setObjectName("search_text")
        self.text.setPlaceholderText(tr("address or description"))
        self.area = QLineEdit()
        self.area.setObjectName("search_area")
        self.area.setPlaceholderText(tr("street / community / grid code"))
        for edit in (self.number, self.text, self.area):
            edit.setClearButtonEnabled(True)
            edit.setToolTip(edit.placeholderText())
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 14)
            edit.returnPressed.connect(self.search_requested)
        self.class_box = QComboBox()
        self.class_box.setObjectName("search_class")
        self.class_box.addItem(tr("all classes"), None)
        for c in classes:
            kind = tr("component") if c.get("kind") == "component" else tr("event")
            self.class_box.addItem(f"{c['name']} ({kind} {c['code']})", c["code"])
        self.class_box.setEditable(True)
        self.class_box.setInsertPolicy(QComboBox.NoInsert)
        completer = self.class_box.completer()
        completer.setFilterMode(Qt.MatchContains)
        completer.setCompletionMode(QCompleter.PopupCompletion)
        self.source_box = QComboBox()
        self.source_box.setObjectName("search_source")
        self.source_box.addItem(tr("all sources"), None)
        for source in sources:
            self.source_box.addItem(source, source)
        self.state_box = QComboBox()
        self.state_box.setObjectName("search_states")
        for label, states in state_choices():
            self.state_box.addItem(label, states)
        for combo in (self.class_box, self.source_box, self.state_box):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(7)
        self.class_box.setMinimumContentsLength(12)
        self.dated = QCheckBox(tr("reported from"))
        self.dated.setObjectName("search_dated")
        self.start = QDateEdit(QDate.currentDate().addMonths(-1))
        self.end = QDateEdit(QDate.currentDate())
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            self.dated.toggled.connect(edit.setEnabled)
        dates = QWidget()
        row = QHBoxLayout(dates)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        row.addWidget(self.dated)
        row.addWidget(self.start)
        row.addWidget(QLabel(tr("to")))
        row.addWidget(self.end)
        row.addStretch(1)
        self.search_button = QPushButton(tr("Search"))
        self.search_button.setObjectName("search_button")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search_requested)
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.clicked.connect(self.clear)
        flow = FlowLayout(spacing=4, justify=True)
        for widget in (self.number, self.text, self.class_box, self.source_box, self.state_box, self.area, dates,
                       self.search_button, self.clear_button):
            flow.addWidget(widget)
        layout.addLayout(flow)
        layout.addWidget(table, 1)

    def criteria(self) -> dict:
        """The form as store.desk.search's keyword arguments (None: not asked)."""
        class_code = self.class_box.currentData()
        typed = self.class_box.currentText().strip()
        if self.class_box.currentIndex() <= 0 or typed != self.class_box.itemText(self.class_box.currentIndex()):
            # a code typed by hand, or the first entry (every class)
            class_code = typed if typed and typed != self.class_box.itemText(0) else None
        start = end = None
        if self.dated.isChecked():
            start = date(self.start.date().year(), self.start.date().month(), self.start.date().day())
            end = date(self.end.date().year(), self.end.date().month(), self.end.date().day())
        return {"number": self.number.text().strip() or None, "text": self.text.text().strip() or None,
                "class_code": class_code, "source": self.source_box.currentData(),
                "states": self.state_box.currentData(), "area": self.area.text().strip() or None,
                "start": start, "end": end}

    def clear(self) -> None:
        for edit in (self.number, self.text, self.area):
            edit.clear()
        for combo in (self.class_box, self.source_box, self.state_box):
            combo.setCurrentIndex(0)
        self.dated.setChecked(False)
