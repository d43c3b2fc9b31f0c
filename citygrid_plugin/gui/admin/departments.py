"""部门: the departments (委办局, 街道, 社区, 企业, …) that own, handle and supervise, and the
territory (属地范围) of each: the streets and communities whose cases go to it when no owner and
no routing rule decides (先属主、后属地). One department per area: the store refuses a second and
names the department that holds it.
"""
from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ...core.i18n import tr
from ...store import admin
from .common import (
    DATA_ROLE,
    DEPARTMENT_KINDS,
    AdminTab,
    chosen,
    department_kind_label,
    department_text,
    fill,
    fill_departments,
    hint,
    label,
    row_data,
    searchable,
    select_row,
    set_chosen,
    yes_no,
)

COLUMNS = ("code", "name", "kind", "parent", "phone", "contact", "active")


def column_title(column: str) -> str:
    return {"code": tr("Code"), "name": tr("Name"), "kind": tr("Kind"), "parent": tr("Parent department"),
            "phone": tr("Phone"), "contact": tr("Contact person"), "active": tr("In use")}[column]


class DepartmentsTab(AdminTab):
    key = "departments"

    def title(self) -> str:
        return tr("Departments")

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.rows: list[dict] = []
        self.areas: list[tuple[str, str]] = []
        self.area_names: dict[str, str] = {}
        layout = QHBoxLayout(self)

        left = self.list_column([column_title(c) for c in COLUMNS], COLUMNS.index("name"), "departments",
                                tr("New department"), "new_department")
        layout.addLayout(left, 3)

        right = QVBoxLayout()
        box = QGroupBox(tr("Department details"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("department_code")
        self.code_edit.setMaxLength(32)
        self.code_edit.setPlaceholderText(tr("letters and digits, e.g. HW"))
        form.addRow(label(tr("Code"), True), self.code_edit)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("department_name")
        self.name_edit.setPlaceholderText(tr("e.g. 区环卫所"))
        form.addRow(label(tr("Name"), True), self.name_edit)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("department_kind")
        for kind in DEPARTMENT_KINDS:
            self.kind_combo.addItem(department_kind_label(kind), kind)
        form.addRow(label(tr("Kind")), self.kind_combo)
        self.parent_combo = searchable(QComboBox(), 14)
        self.parent_combo.setObjectName("department_parent")
        form.addRow(label(tr("Parent department")), self.parent_combo)
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("department_phone")
        form.addRow(label(tr("Phone")), self.phone_edit)
        self.contact_edit = QLineEdit()
        self.contact_edit.setObjectName("department_contact")
        form.addRow(label(tr("Contact person")), self.contact_edit)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("department_note")
        form.addRow(label(tr("Note")), self.note_edit)
        self.active_check = QCheckBox(tr("In use (offered for dispatch)"))
        self.active_check.setObjectName("department_active")
        self.active_check.setChecked(True)
        form.addRow("", self.active_check)
        right.addWidget(box)

        area_box = QGroupBox(tr("Territory (属地范围)"))
        area_layout = QVBoxLayout(area_box)
        # two lines of their own (no word wrap: a wrapping label beside a form squeezes the form's rows)
        area_layout.addWidget(hint(tr("The streets and communities whose cases this department handles\nwhen no "
                                      "owner and no routing rule decides. One department per area."), wrap=False))
        self.area_list = QListWidget()
        self.area_list.setObjectName("territories")
        self.area_list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.area_list.setMinimumHeight(self.fontMetrics().height() * 3)
        area_layout.addWidget(self.area_list, 1)
        pick = QHBoxLayout()
        self.area_combo = searchable(QComboBox(), 18)
        self.area_combo.setObjectName("area_picker")
        self.area_combo.lineEdit().setPlaceholderText(tr("street or community: name or code"))
        self.add_area_button = QPushButton(tr("Add area"))
        self.add_area_button.setObjectName("add_area")
        self.add_area_button.setAutoDefault(False)
        self.add_area_button.clicked.connect(self.add_area)
        self.remove_area_button = QPushButton(tr("Remove area"))
        self.remove_area_button.setObjectName("remove_area")
        self.remove_area_button.setAutoDefault(False)
        self.remove_area_button.clicked.connect(self.remove_areas)
        pick.addWidget(self.area_combo, 1)
        pick.addWidget(self.add_area_button)
        pick.addWidget(self.remove_area_button)
        area_layout.addLayout(pick)
        right.addWidget(area_box, 1)

        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = QPushButton(tr("Save department"))
        self.save_button.setObjectName("save_department")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        right.addLayout(save_row)
        layout.addLayout(right, 2)

    # -- reading -------------------------------------------------------------------------------------
    def load(self) -> None:
        self.rows = admin.departments(self.conn)
        self.areas = admin.areas(self.conn)
        self.area_names = dict(self.areas)
        self.dialog.set_departments(self.rows)
        self._show_table()
        fill_departments(self.parent_combo, self.rows, first=(tr("— none —"), None), skip=self._code())
        self._fill_area_picker()

    def _code(self) -> str:
        return self.code_edit.text().strip()

    def _show_table(self) -> None:
        names = {d["code"]: d["name"] for d in self.rows}
        keep = self._code()
        self.table.blockSignals(True)
        fill(self.table, [[d["code"], d["name"], department_kind_label(d.get("kind")),
                           department_text(d.get("parent_code"), names), d.get("phone") or "",
                           d.get("contact") or "", yes_no(d.get("active", True))] for d in self.rows],
             data=[d["code"] for d in self.rows])
        if keep:
            select_row(self.table, lambda code: code == keep)
        self.table.blockSignals(False)

    def _owner_of(self) -> dict[str, str]:
        return {area: d["code"] for d in self.rows for area in d.get("territories") or ()}

    def _fill_area_picker(self) -> None:
        """Every street and community, with the department that holds it now."""
        owners = self._owner_of()
        self.area_combo.clear()
        for code, name in self.areas:
            owner = owners.get(code)
            text = f"{name}（{code}）"
            if owner:
                text += " · " + tr("now {department}").format(department=owner)
            self.area_combo.addItem(text, code)
        self.area_combo.setCurrentIndex(-1)
        self.area_combo.setEditText("")

    def _area_text(self, code: str) -> str:
        name = self.area_names.get(code)
        return f"{name}（{code}）" if name else code

    # -- the form ------------------------------------------------------------------------------------
    def _selected(self) -> None:
        code = row_data(self.table)
        found = next((d for d in self.rows if d["code"] == code), None)
        if found is not None:
            self.show_department(found)

    def show_department(self, d: dict) -> None:
        self.code_edit.setText(d["code"])
        self.name_edit.setText(d.get("name") or "")
        set_chosen(self.kind_combo, d.get("kind") or "agency")
        fill_departments(self.parent_combo, self.rows, first=(tr("— none —"), None), skip=d["code"])
        set_chosen(self.parent_combo, d.get("parent_code"))
        self.phone_edit.setText(d.get("phone") or "")
        self.contact_edit.setText(d.get("contact") or "")
        self.note_edit.setText(d.get("note") or "")
        self.active_check.setChecked(bool(d.get("active", True)))
        self.area_list.clear()
        for code in d.get("territories") or ():
            self._add_area_item(code)

    def new(self) -> None:
        """An empty form for a new department."""
        self.table.clearSelection()
        for edit in (self.code_edit, self.name_edit, self.phone_edit, self.contact_edit, self.note_edit):
            edit.clear()
        self.kind_combo.setCurrentIndex(0)
        fill_departments(self.parent_combo, self.rows, first=(tr("— none —"), None))
        self.parent_combo.setCurrentIndex(0)
        self.active_check.setChecked(True)
        self.area_list.clear()
        self.code_edit.setFocus()

    def territories(self) -> list[str]:
        return [self.area_list.item(i).data(DATA_ROLE) for i in range(self.area_list.count())]

    def _add_area_item(self, code: str) -> None:
        item = QListWidgetItem(self._area_text(code))
        item.setData(DATA_ROLE, code)
        self.area_list.addItem(item)

    def add_area(self) -> None:
        code = chosen(self.area_combo)
        if code is None:
            self.missing(tr("Choose a street or community from the list (type part of its name or code)."),
                         self.area_combo)
            return
        if code not in self.territories():
            self._add_area_item(code)
        self.area_combo.setCurrentIndex(-1)
        self.area_combo.setEditText("")

    def remove_areas(self) -> None:
        for item in self.area_list.selectedItems():
            self.area_list.takeItem(self.area_list.row(item))

    def department(self) -> dict:
        """The form as store.admin.save_department takes it."""
        def text(edit):
            return edit.text().strip() or None
        return {"code": self._code(), "name": self.name_edit.text().strip(), "kind": self.kind_combo.currentData(),
                "parent_code": chosen(self.parent_combo), "phone": text(self.phone_edit),
                "contact": text(self.contact_edit), "note": text(self.note_edit),
                "active": self.active_check.isChecked(), "territories": self.territories()}

    def save(self) -> bool:
        d = self.department()
        if not d["code"]:
            self.missing(tr("Give the department a code (letters and digits)."), self.code_edit)
            return False
        if not d["name"]:
            self.missing(tr("Give the department a name."), self.name_edit)
            return False
        ok, _ = self.write(admin.save_department, d,
                           done=tr("Department {name} ({code}) saved.").format(name=d["name"], code=d["code"]))
        if ok:
            self.reload()
            self.dialog.departments_saved()
        return ok

    def departments_changed(self) -> None:
        """This tab is where they change."""
