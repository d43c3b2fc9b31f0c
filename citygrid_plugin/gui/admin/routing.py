"""派遣规则: which department a case of a class in an area goes to (the whole district, a street, or
one community of it), and a preview of the store's decision for a class at a grid — 先属主、后属地:
a component's owner first, then a routing rule, the manual's 专业部门, the territory.

Two rules that overlap with different departments are refused by the store (the message names
the rule already there).
"""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ...core.i18n import tr
from ...store import admin
from ...store.db import StoreError
from .common import (
    KINDS,
    AdminTab,
    chosen,
    fill,
    fill_departments,
    hint,
    kind_label,
    label,
    row_data,
    searchable,
    select_row,
    set_chosen,
    table,
)

COLUMNS = ("kind", "class", "area", "department")


def column_title(column: str) -> str:
    return {"kind": tr("Kind"), "class": tr("Class"), "area": tr("Area"), "department": tr("Department")}[column]


def reason_label(reason: str | None) -> str:
    """Why the store chose the department: 属主, 派遣规则, 指挥手册, 属地."""
    return {"owner": tr("the component's owner"), "rule": tr("a routing rule"), "manual": tr("the command manual"),
            "territory": tr("the territory")}.get(reason or "", reason or "")


def fill_classes(combo: QComboBox, classes: list[dict]) -> None:
    """Classes as "name（code）", the one shown kept when it is still offered."""
    keep = chosen(combo) if combo.count() else None
    combo.blockSignals(True)
    combo.clear()
    for c in classes:
        combo.addItem(f"{c['name']}（{c['code']}）", c["code"])
        combo.setItemData(combo.count() - 1, f"{c.get('major_name') or ''} › {c['name']}", Qt.ToolTipRole)
    combo.blockSignals(False)
    if keep is not None and combo.findData(keep) >= 0:
        set_chosen(combo, keep)
    else:
        combo.setCurrentIndex(-1)
        combo.setEditText("")


class RoutingTab(AdminTab):
    key = "routing"

    def title(self) -> str:
        return tr("Routing rules")

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.rules: list[dict] = []
        self.streets: dict[str, str] = {}                 # street code (3) -> name
        self.communities: dict[tuple[str, str], str] = {}   # (street, community) -> "街道 / 社区"
        layout = QVBoxLayout(self)
        layout.addWidget(hint(tr("先属主、后属地: a component case goes to the component's owner; otherwise the most "
                                 "precise rule below (community, street, whole district) decides, then the command "
                                 "manual's department, then the territory.")))
        self.table = table([column_title(c) for c in COLUMNS], stretch=COLUMNS.index("class"), name="rules")
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        box = QGroupBox(tr("Rule"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("rule_kind")
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed(self.kind_combo, self.class_combo))
        form.addRow(label(tr("Kind"), True), self.kind_combo)
        self.class_combo = searchable(QComboBox(), 18)
        self.class_combo.setObjectName("rule_class")
        self.class_combo.lineEdit().setPlaceholderText(tr("type a Chinese name or code, then pick"))
        form.addRow(label(tr("Class"), True), self.class_combo)
        self.street_combo = searchable(QComboBox(), 12)
        self.street_combo.setObjectName("rule_street")
        self.street_combo.currentIndexChanged.connect(self._street_changed)
        self.community_combo = searchable(QComboBox(), 12)
        self.community_combo.setObjectName("rule_community")
        places = QHBoxLayout()
        places.addWidget(self.street_combo, 1)
        places.addWidget(self.community_combo, 1)
        form.addRow(label(tr("Area")), places)
        self.department_combo = searchable(QComboBox(), 14)
        self.department_combo.setObjectName("rule_department")
        form.addRow(label(tr("Department"), True), self.department_combo)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add as a new rule"))
        self.add_button.setObjectName("add_rule")
        self.change_button = QPushButton(tr("Change the selected rule"))
        self.change_button.setObjectName("change_rule")
        self.delete_button = QPushButton(tr("Delete the selected rule"))
        self.delete_button.setObjectName("delete_rule")
        for button, slot in ((self.add_button, self.add), (self.change_button, self.change),
                             (self.delete_button, self.delete)):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow(buttons)
        row.addWidget(box, 3)

        preview = QGroupBox(tr("Where would a case go?"))
        pform = QFormLayout(preview)
        pform.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.preview_kind = QComboBox()
        self.preview_kind.setObjectName("preview_kind")
        for kind in KINDS:
            self.preview_kind.addItem(kind_label(kind), kind)
        self.preview_kind.currentIndexChanged.connect(
            lambda _i: self._kind_changed(self.preview_kind, self.preview_class))
        pform.addRow(label(tr("Kind")), self.preview_kind)
        self.preview_class = searchable(QComboBox(), 16)
        self.preview_class.setObjectName("preview_class")
        pform.addRow(label(tr("Class")), self.preview_class)
        self.preview_grid = QLineEdit()
        self.preview_grid.setObjectName("preview_grid")
        self.preview_grid.setMaxLength(15)
        self.preview_grid.setPlaceholderText(tr("unit grid code (15 digits)"))
        self.preview_grid.returnPressed.connect(self.preview)
        pform.addRow(label(tr("Grid")), self.preview_grid)
        self.preview_component = QLineEdit()
        self.preview_component.setObjectName("preview_component")
        self.preview_component.setPlaceholderText(tr("component code (optional: its owner goes first)"))
        pform.addRow(label(tr("Component")), self.preview_component)
        self.preview_button = QPushButton(tr("Preview"))
        self.preview_button.setObjectName("preview")
        self.preview_button.setAutoDefault(False)
        self.preview_button.clicked.connect(self.preview)
        self.preview_result = QLabel()
        self.preview_result.setObjectName("preview_result")
        self.preview_result.setTextFormat(Qt.PlainText)
        self.preview_result.setWordWrap(True)
        self.preview_result.setTextInteractionFlags(Qt.TextSelectableByMouse)
        result_row = QHBoxLayout()
        result_row.addWidget(self.preview_button, 0, Qt.AlignTop)
        result_row.addWidget(self.preview_result, 1)
        pform.addRow(result_row)
        row.addWidget(preview, 2)
        layout.addLayout(row)
        self._selected()

    # -- reading -------------------------------------------------------------------------------------
    def load(self) -> None:
        departments = self.dialog.department_rows()
        fill_departments(self.department_combo, departments)
        self.streets, self.communities = {}, {}
        for code, name in self.dialog.area_rows():
            if len(code) == 9:
                self.streets[code[6:9]] = name
            elif len(code) == 12:
                self.communities[(code[6:9], code[9:12])] = name
        keep = chosen(self.street_combo) if self.street_combo.count() else None
        self.street_combo.blockSignals(True)
        self.street_combo.clear()
        self.street_combo.addItem(tr("Whole district"), None)
        for code, name in sorted(self.streets.items()):
            self.street_combo.addItem(f"{name}（{code}）", code)
        self.street_combo.blockSignals(False)
        set_chosen(self.street_combo, keep)
        self._street_changed()
        self._kind_changed(self.kind_combo, self.class_combo)
        self._kind_changed(self.preview_kind, self.preview_class)
        self.rules = admin.rules(self.conn)
        self._show_rules()

    def departments_changed(self) -> None:
        self.loaded = False

    def _area_text(self, rule: dict) -> str:
        street, community = rule.get("street_code"), rule.get("community_code")
        if not street:
            return tr("Whole district")
        if community:
            name = self.communities.get((street, community))
            return f"{name}（{street}{community}）" if name else f"{street}{community}"
        name = self.streets.get(street)
        return f"{name}（{street}）" if name else street

    def _show_rules(self, keep: int | None = None) -> None:
        if keep is None:
            keep = row_data(self.table)
        self.table.blockSignals(True)
        fill(self.table, [[kind_label(r.get("kind")), f"{r.get('class_name') or ''}（{r['class_code']}）",
                           self._area_text(r), f"{r.get('department_name') or ''}（{r['department_code']}）"]
                          for r in self.rules], data=[r["id"] for r in self.rules])
        if keep is not None:
            select_row(self.table, lambda rule_id: rule_id == keep)
        self.table.blockSignals(False)
        self._enable()

    def _kind_changed(self, kind_combo: QComboBox, class_combo: QComboBox) -> None:
        fill_classes(class_combo, self.dialog.class_rows(kind_combo.currentData()))

    def _street_changed(self, _index: int = 0) -> None:
        street = chosen(self.street_combo)
        keep = chosen(self.community_combo) if self.community_combo.count() else None
        self.community_combo.blockSignals(True)
        self.community_combo.clear()
        self.community_combo.addItem(tr("the whole street"), None)
        for (s, c), name in sorted(self.communities.items()):
            if s == street:
                self.community_combo.addItem(f"{name.split(' / ')[-1]}（{c}）", c)
        self.community_combo.blockSignals(False)
        set_chosen(self.community_combo, keep)
        self.community_combo.setEnabled(street is not None)

    # -- the form ------------------------------------------------------------------------------------
    def selected_rule(self) -> dict | None:
        rule_id = row_data(self.table)
        return next((r for r in self.rules if r["id"] == rule_id), None)

    def _enable(self) -> None:
        has = self.selected_rule() is not None
        self.change_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _selected(self) -> None:
        rule = self.selected_rule()
        self._enable()
        if rule is None:
            return
        set_chosen(self.kind_combo, rule.get("kind") or "event")
        set_chosen(self.class_combo, rule["class_code"])
        set_chosen(self.street_combo, rule.get("street_code"))
        self._street_changed()
        set_chosen(self.community_combo, rule.get("community_code"))
        set_chosen(self.department_combo, rule["department_code"])
        # the preview asks about the same class
        set_chosen(self.preview_kind, rule.get("kind") or "event")
        set_chosen(self.preview_class, rule["class_code"])

    def rule(self, rule_id: int | None) -> dict | None:
        """The form as store.admin.save_rule takes it; None (and what is missing) when incomplete."""
        class_code = chosen(self.class_combo)
        department = chosen(self.department_combo)
        if class_code is None:
            self.missing(tr("Choose the class: type its Chinese name or code and pick it from the list."),
                         self.class_combo)
            return None
        if department is None:
            self.missing(tr("Choose the department the cases go to."), self.department_combo)
            return None
        street = chosen(self.street_combo)
        return {"id": rule_id, "kind": self.kind_combo.currentData(), "class_code": class_code,
                "street_code": street, "community_code": chosen(self.community_combo) if street else None,
                "department_code": department}

    def add(self) -> bool:
        return self._save(None)

    def change(self) -> bool:
        current = self.selected_rule()
        if current is None:
            self.missing(tr("Select the rule to change in the table."))
            return False
        return self._save(current["id"])

    def _save(self, rule_id: int | None) -> bool:
        rule = self.rule(rule_id)
        if rule is None:
            return False
        ok, saved_id = self.write(admin.save_rule, rule,
                                  done=tr("Routing rule saved.") if rule_id else tr("Routing rule added."))
        if ok:
            self.rules = self.read(admin.rules, default=self.rules)
            self._show_rules(keep=saved_id if saved_id is not None else rule_id)
        return ok

    def delete(self) -> bool:
        rule = self.selected_rule()
        if rule is None:
            self.missing(tr("Select the rule to delete in the table."))
            return False
        box = QMessageBox(QMessageBox.Question, tr("Routing rules"),
                          tr("Delete the rule {class_name} ({code}) → {department}?").format(
                              class_name=rule.get("class_name") or "", code=rule["class_code"],
                              department=rule.get("department_name") or rule["department_code"]),
                          QMessageBox.Yes | QMessageBox.No, self)
        box.button(QMessageBox.Yes).setText(tr("Delete"))
        box.button(QMessageBox.No).setText(tr("Keep it"))
        box.setDefaultButton(QMessageBox.No)
        box.setEscapeButton(QMessageBox.No)
        if box.exec() != QMessageBox.Yes:
            return False
        ok, _ = self.write(admin.delete_rule, rule["id"], done=tr("Routing rule deleted."))
        if ok:
            self.rules = self.read(admin.rules, default=self.rules)
            self._show_rules()
        return ok

    # -- preview -------------------------------------------------------------------------------------
    def preview(self) -> dict | None:
        """The store's decision for the class chosen at the grid typed (its point)."""
        class_code = chosen(self.preview_class)
        code = self.preview_grid.text().strip()
        if class_code is None:
            self.missing(tr("Choose the class: type its Chinese name or code and pick it from the list."),
                         self.preview_class)
            return None
        if not code:
            self.missing(tr("Type the unit grid code (15 digits) of the place."), self.preview_grid)
            return None
        try:
            x, y = admin.grid_point(self.conn, code)
            found = admin.preview(self.conn, self.preview_kind.currentData(), class_code, x, y,
                                  self.preview_component.text().strip() or None)
        except StoreError as exc:   # an unknown grid, …: said where the answer would be
            self.preview_result.setText(self.dialog.explain(exc))
            return None
        if found.get("department_code"):
            text = tr("A case of this class here would go to {department} (by {reason})").format(
                department=f"{found.get('department_name') or ''}（{found['department_code']}）",
                reason=reason_label(found.get("reason")))
        else:
            text = tr("No department would be found for a case of this class here: dispatch would need one "
                      "chosen by hand.")
        if found.get("detail"):
            text += "\n" + found["detail"]
        self.preview_result.setText(text)
        return found
