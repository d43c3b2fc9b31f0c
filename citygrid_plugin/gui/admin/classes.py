"""扩展分类: the city's own event and component classes (扩展事件/扩展部件) beside the standard ones —
a major class (大类: an existing one or a new code), a minor code, a name and, for a component, its
geometry (点/线/面). The standard classes (GB/T 30428) are not changed here: the store refuses.
"""
from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ...core.i18n import tr
from ...core.manual import TOPOLOGIES
from ...store import admin
from .common import (
    KINDS,
    AdminTab,
    fill,
    hint,
    kind_label,
    label,
    row_data,
    searchable,
    select_row,
    set_chosen,
    yes_no,
)

COLUMNS = ("kind", "code", "major", "minor_code", "name", "geometry_type", "active")


def column_title(column: str) -> str:
    return {"kind": tr("Kind"), "code": tr("Code"), "major": tr("Major class"), "minor_code": tr("Minor code"),
            "name": tr("Name"), "geometry_type": tr("Geometry"), "active": tr("In use")}[column]


def geometry_label(geometry: str | None) -> str:
    return {"point": tr("point"), "line": tr("line"), "polygon": tr("polygon")}.get(geometry or "", "")


class ClassesTab(AdminTab):
    key = "classes"

    def title(self) -> str:
        return tr("Local classes")

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.rows: list[dict] = []
        self.majors: dict[str, list[tuple[str, str]]] = {}
        layout = QHBoxLayout(self)
        left = self.list_column([column_title(c) for c in COLUMNS], COLUMNS.index("name"), "local_classes",
                                tr("New class"), "new_class",
                                above=hint(tr("The city's own classes (扩展事件 and 扩展部件) beside the standard "
                                              "ones; a standard class is not changed here.")))
        layout.addLayout(left, 3)

        right = QVBoxLayout()
        box = QGroupBox(tr("Class"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("class_kind")
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        form.addRow(label(tr("Kind"), True), self.kind_combo)
        self.major_combo = searchable(QComboBox(), 14)
        self.major_combo.setObjectName("class_major")
        self.major_combo.lineEdit().setPlaceholderText(tr("an existing major class, or a new code"))
        self.major_combo.currentIndexChanged.connect(self._major_chosen)
        form.addRow(label(tr("Major code"), True), self.major_combo)
        self.major_name_edit = QLineEdit()
        self.major_name_edit.setObjectName("class_major_name")
        form.addRow(label(tr("Major class name"), True), self.major_name_edit)
        self.minor_edit = QLineEdit()
        self.minor_edit.setObjectName("class_minor")
        self.minor_edit.setMaxLength(4)
        self.minor_edit.setPlaceholderText(tr("digits, e.g. 90"))
        form.addRow(label(tr("Minor code"), True), self.minor_edit)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("class_name")
        form.addRow(label(tr("Name"), True), self.name_edit)
        self.geometry_combo = QComboBox()
        self.geometry_combo.setObjectName("class_geometry")
        for geometry in TOPOLOGIES:
            self.geometry_combo.addItem(geometry_label(geometry), geometry)
        form.addRow(label(tr("Geometry (components)")), self.geometry_combo)
        self.active_check = QCheckBox(tr("In use (offered when reporting)"))
        self.active_check.setObjectName("class_active")
        self.active_check.setChecked(True)
        form.addRow("", self.active_check)
        self.geometry_combo.setEnabled(False)   # events have none
        right.addWidget(box)
        right.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = QPushButton(tr("Save class"))
        self.save_button.setObjectName("save_class")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        right.addLayout(save_row)
        layout.addLayout(right, 2)

    def load(self) -> None:
        self.rows = admin.local_classes(self.conn)
        self.majors = {}
        keep = row_data(self.table)
        self.table.blockSignals(True)
        fill(self.table, [[kind_label(c["kind"]), c["code"], f"{c.get('major_name') or ''}（{c['major_code']}）",
                           c.get("minor_code") or "", c["name"],
                           geometry_label(c.get("geometry_type")) if c["kind"] == "component" else "",
                           yes_no(c.get("active", True))] for c in self.rows],
             data=[(c["kind"], c["code"]) for c in self.rows])
        if keep is not None:
            select_row(self.table, lambda key: key == keep)
        self.table.blockSignals(False)
        self._kind_changed()

    def _majors(self, kind: str) -> list[tuple[str, str]]:
        """The major classes of *kind* in the store's profile (standard and local), (code, name)."""
        if kind not in self.majors:
            profile = self.dialog.profile()
            found = self.read(admin.majors, kind, profile, default=None) if profile else None
            self.majors[kind] = found or []
        return self.majors[kind]

    def _kind_changed(self, _index: int = 0) -> None:
        kind = self.kind_combo.currentData()
        typed = self.major_combo.currentText()
        self.major_combo.blockSignals(True)
        self.major_combo.clear()
        for code, name in self._majors(kind):
            self.major_combo.addItem(f"{code} {name}", (code, name))
        self.major_combo.setCurrentIndex(-1)
        self.major_combo.setEditText(typed)
        self.major_combo.blockSignals(False)
        self.geometry_combo.setEnabled(kind == "component")

    def _major_chosen(self, index: int) -> None:
        data = self.major_combo.itemData(index) if index >= 0 else None
        if data:
            self.major_name_edit.setText(data[1])

    def major_code(self) -> str:
        """The major code picked or typed (the digits before the name)."""
        index = self.major_combo.currentIndex()
        text = self.major_combo.currentText().strip()
        if index >= 0 and text == self.major_combo.itemText(index):
            return self.major_combo.itemData(index)[0]
        return text.split(" ")[0] if text else ""

    def _selected(self) -> None:
        key = row_data(self.table)
        found = next((c for c in self.rows if (c["kind"], c["code"]) == key), None)
        if found is None:
            return
        set_chosen(self.kind_combo, found["kind"])
        self._kind_changed()
        index = self.major_combo.findData((found["major_code"], found.get("major_name") or ""))
        if index >= 0:
            self.major_combo.setCurrentIndex(index)
        else:
            self.major_combo.setEditText(found["major_code"])
        self.major_name_edit.setText(found.get("major_name") or "")
        self.minor_edit.setText(found.get("minor_code") or "")
        self.name_edit.setText(found["name"])
        set_chosen(self.geometry_combo, found.get("geometry_type") or "point")
        self.active_check.setChecked(bool(found.get("active", True)))

    def new(self) -> None:
        self.table.clearSelection()
        self.major_combo.setCurrentIndex(-1)
        self.major_combo.setEditText("")
        for edit in (self.major_name_edit, self.minor_edit, self.name_edit):
            edit.clear()
        self.geometry_combo.setCurrentIndex(0)
        self.active_check.setChecked(True)
        self.major_combo.setFocus()

    def local_class(self) -> dict:
        """The form as store.admin.save_local_class takes it."""
        kind = self.kind_combo.currentData()
        major, minor = self.major_code(), self.minor_edit.text().strip()
        return {"kind": kind, "profile": self.dialog.profile(), "code": major + minor, "major_code": major,
                "major_name": self.major_name_edit.text().strip(), "minor_code": minor,
                "name": self.name_edit.text().strip(),
                "geometry_type": self.geometry_combo.currentData() if kind == "component" else None,
                "active": self.active_check.isChecked()}

    def save(self) -> bool:
        c = self.local_class()
        for value, text, widget in ((c["major_code"], tr("Choose a major class or type a new major code."),
                                     self.major_combo),
                                    (c["major_name"], tr("Give the major class a name."), self.major_name_edit),
                                    (c["minor_code"], tr("Give the minor code (digits)."), self.minor_edit),
                                    (c["name"], tr("Give the class a name."), self.name_edit)):
            if not value:
                self.missing(text, widget)
                return False
        ok, _ = self.write(admin.save_local_class, c, done=tr("{kind} class {name} ({code}) saved.").format(
            kind=kind_label(c["kind"]), name=c["name"], code=c["code"]))
        if ok:
            self.dialog.classes_saved()
            self.reload()
            select_row(self.table, lambda key: key == (c["kind"], c["code"]))
        return ok
