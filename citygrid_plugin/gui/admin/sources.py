"""问题来源: the channels cases come through (监督员上报, 12345热线 …): which are trusted (a case from
a trusted source is accepted without verification on site), which need the reporter's name and
phone, which are in use, which role reports under one (监督员上报: the supervisors), and their order
in the report dialog. A new source can be added.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QPushButton, QTableWidgetItem, QVBoxLayout

from ...core.i18n import tr
from ...core.workflow import CASE_ROLES, role_label
from ...store import admin
from .common import DATA_ROLE, AdminTab, fit, hint, set_chosen, table

COLUMNS = ("name", "name_en", "ord", "trusted", "needs_reporter", "active", "reporter_role")
CHECKS = ("trusted", "needs_reporter", "active")


def column_title(column: str) -> str:
    return {"name": tr("Source"), "name_en": tr("English name"), "ord": tr("Order"), "trusted": tr("Trusted"),
            "needs_reporter": tr("Needs the reporter"), "active": tr("In use"),
            "reporter_role": tr("Reported by role")}[column]


class SourcesTab(AdminTab):
    key = "sources"

    def title(self) -> str:
        return tr("Case sources")

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.rows: list[dict] = []
        layout = QVBoxLayout(self)
        layout.addWidget(hint(tr("Trusted: a case from the source is accepted without verification on site. Needs the "
                                 "reporter: the operator must take the caller's name and phone. Reported by role: "
                                 "only that role reports under the source (监督员上报: supervisors). Tick or type in "
                                 "the table, then save.")))
        self.table = table([column_title(c) for c in COLUMNS], stretch=COLUMNS.index("name_en"), name="sources")
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.AnyKeyPressed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectItems)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add a source"))
        self.add_button.setObjectName("add_source")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        self.save_button = QPushButton(tr("Save the sources"))
        self.save_button.setObjectName("save_sources")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def load(self) -> None:
        self.rows = admin.sources(self.conn)
        self.table.setRowCount(0)
        for source in self.rows:
            self._add_row(source, new=False)
        fit(self.table)

    def _add_row(self, source: dict, new: bool) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for c, column in enumerate(COLUMNS):
            if column == "reporter_role":
                combo = QComboBox()
                combo.addItem(tr("any case role"), None)
                for role in CASE_ROLES:
                    combo.addItem(role_label(role), role)
                if source.get("reporter_role") not in (None, *CASE_ROLES):
                    # the store's own source (系统: the city's hand-overs, 市级转办): shown, never changed
                    combo.addItem(role_label(source["reporter_role"]), source["reporter_role"])
                    combo.setEnabled(False)
                    combo.setToolTip(tr("Only the store itself reports under this source (the city's hand-overs); "
                                        "its role does not change."))
                set_chosen(combo, source.get("reporter_role"))
                self.table.setCellWidget(row, c, combo)
                continue
            if column in CHECKS:
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsSelectable)
                item.setCheckState(Qt.Checked if source.get(column, column == "active") else Qt.Unchecked)
            else:
                value = source.get(column)
                item = QTableWidgetItem("" if value is None else str(value))
                if column == "name":
                    item.setData(DATA_ROLE, None if new else dict(source))   # as the store has it
                    if not new:   # the key: cases name their source, so it is never renamed
                        item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                        item.setToolTip(tr("The name identifies the source in every case; it is not changed."))
            self.table.setItem(row, c, item)
        return row

    def add(self) -> None:
        """A new row to fill in (saved with the others)."""
        row = self._add_row({"name": "", "ord": self._next_ord(), "active": True}, new=True)
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def _next_ord(self) -> int:
        known = [s.get("ord") or 0 for s in self.rows]
        return (max(known) if known else 0) + 10

    def source(self, row: int) -> dict:
        """Row *row* as store.admin.save_source takes it."""
        out = {}
        for c, column in enumerate(COLUMNS):
            if column == "reporter_role":
                out[column] = self.table.cellWidget(row, c).currentData()
            elif column in CHECKS:
                out[column] = self.table.item(row, c).checkState() == Qt.Checked
            else:
                out[column] = self.table.item(row, c).text().strip() or None
        return out

    def save(self) -> bool:
        """Every changed or new row, one by one (each in its own transaction); the first refusal
        stops and names the source."""
        changed = []
        for row in range(self.table.rowCount()):
            source = self.source(row)
            old = self.table.item(row, 0).data(DATA_ROLE)
            if old is not None and all(_same(old.get(k), source[k]) for k in COLUMNS):
                continue
            if not source["name"]:
                self.missing(tr("Row {row}: give the new source a name.").format(row=row + 1))
                return False
            ord_text = source["ord"]
            try:
                source["ord"] = int(ord_text) if ord_text is not None else None
            except ValueError:
                self.missing(tr("Row {row}: the order is a whole number, got {value}.").format(
                    row=row + 1, value=ord_text))
                return False
            changed.append((row, source))
        if not changed:
            self.dialog.saved(tr("Nothing changed."))
            return True
        for row, source in changed:
            ok, _ = self.write(admin.save_source, source, refused=tr("Source {name} not saved: {error}").format(
                name=source["name"], error="{error}"))
            if not ok:   # the rows before it are saved: they compare as the store has them now
                return False
            name = self.table.item(row, 0)
            name.setData(DATA_ROLE, source)
            name.setFlags(name.flags() & ~Qt.ItemIsEditable)
        self.dialog.saved(tr("{n} sources saved.").format(n=len(changed)))
        self.reload()
        return True


def _same(old, new) -> bool:
    if isinstance(old, bool) or isinstance(new, bool):
        return bool(old) == bool(new)
    return ("" if old is None else str(old)) == ("" if new is None else str(new))
