"""指挥手册: the command manual's page of each class — 管理要点, 监管单位, 专业部门 (a department or
属地), 处置标准, 立案标准, 结案标准, topology, the time limit of every stage (normal and urgent, an
amount and a unit), and the situations (情形) with their own limits — edited one class at a time.

Each save makes a new version of the manual (store.manual.apply with only this class changed);
running cases keep the version they were reported under. The version in force and the list of
versions are shown beside the page.

The whole manual as a file, above the page (as citygrid:exportmanual / importmanual / printmanual
do it, with the same lookups of classes and departments): 从文件导入 reads a workbook or CSV and
checks all of it — every problem listed and nothing changed, or every difference with the version
in force shown and applied as a new version only when the person says so (the windows are in
:mod:`.manualfiles`); 导出 writes the manual in force as a workbook or CSV; 打印手册 as the PDF
for the command centre's desk.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ...core.manual import (
    STAGE_ZH,
    STAGES,
    TOPOLOGIES,
    TOPOLOGY_ZH,
    ClassEntry,
    Limit,
    Manual,
    ManualError,
    Variant,
    diff,
    field_label,
)
from ...core.manualsheet import ManualSheetError, department_lookup, read_manual, write_manual
from ...store import manual as manual_store
from ...store.db import StoreError
from .common import (
    DATA_ROLE,
    KINDS,
    AdminTab,
    cell,
    chosen,
    fill,
    fill_departments,
    hint,
    kind_label,
    label,
    row_data,
    select_row,
    set_chosen,
    table,
)
from .manualfiles import ManualDifferencesDialog, ManualProblemsDialog

FOLDER_SETTING = "citygrid/manual_folder"   # where the last manual file was read or written
UNIT_CHOICES = ("minutes", "hours", "work_hours", "work_days")   # 分钟 is typed as minutes, kept as hours
TEXTS = ("points", "register", "handling", "close")


def unit_label(unit: str) -> str:
    return {"minutes": tr("minutes"), "hours": tr("clock hours"), "work_hours": tr("work hours"),
            "work_days": tr("work days")}[unit]


def limit_text(limit: Limit | None) -> str:
    return limit.text() if limit is not None else "—"


class LimitsEditor(QWidget):
    """A time limit per stage, as an amount and a unit (— : none, the default applies); with
    *urgent*, a second pair per stage for the urgent limits. The defaults of the kind are shown
    beside each stage."""

    def __init__(self, urgent: bool, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        heads = [tr("Stage"), tr("Normal limit"), "", tr("Default")]
        if urgent:
            heads += [tr("Urgent limit"), "", tr("Default")]
        for c, text in enumerate(heads):
            head = QLabel(text)
            head.setStyleSheet("font-weight: bold")
            grid.addWidget(head, 0, c)
        self.pairs: dict[tuple[str, str], tuple[QDoubleSpinBox, QComboBox]] = {}
        self.defaults: dict[tuple[str, str], QLabel] = {}
        groups = ("normal", "urgent") if urgent else ("normal",)
        for r, stage in enumerate(STAGES, 1):
            grid.addWidget(QLabel(STAGE_ZH[stage]), r, 0)
            for g, group in enumerate(groups):
                spin = QDoubleSpinBox()
                spin.setObjectName(f"{name}_{group}_{stage}_amount")
                spin.setRange(0, 9999)
                spin.setDecimals(2)
                spin.setSpecialValueText("—")
                spin.setToolTip(tr("0 (—): no limit of its own; the default applies"))
                spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("9999.00") + 40)
                unit = QComboBox()
                unit.setObjectName(f"{name}_{group}_{stage}_unit")
                for choice in UNIT_CHOICES:
                    unit.addItem(unit_label(choice), choice)
                set_chosen(unit, "work_hours")
                default = QLabel()
                default.setStyleSheet("color: #666")
                grid.addWidget(spin, r, 1 + 3 * g)
                grid.addWidget(unit, r, 2 + 3 * g)
                grid.addWidget(default, r, 3 + 3 * g)
                self.pairs[(group, stage)] = (spin, unit)
                self.defaults[(group, stage)] = default
        grid.setColumnStretch(len(heads), 1)

    def set_limits(self, group: str, limits: dict, defaults: dict | None = None) -> None:
        for stage in STAGES:
            spin, unit = self.pairs[(group, stage)]
            limit = limits.get(stage)
            if limit is None:
                spin.setValue(0)
            elif limit.unit == "hours" and limit.text().endswith("分钟"):
                spin.setValue(round(limit.amount * 60, 2))
                set_chosen(unit, "minutes")
            else:
                spin.setValue(limit.amount)
                set_chosen(unit, limit.unit)
            if defaults is not None:
                self.defaults[(group, stage)].setText(limit_text(defaults.get(stage)))

    def limits(self, group: str) -> dict:
        """stage -> Limit of the stages given an amount (raises ManualError for a bad one)."""
        out = {}
        for stage in STAGES:
            spin, unit = self.pairs[(group, stage)]
            if spin.value() <= 0:
                continue
            u = unit.currentData()
            out[stage] = Limit(round(spin.value() / 60.0, 6), "hours") if u == "minutes" else Limit(spin.value(), u)
        return out

    def set_limit(self, group: str, stage: str, amount: float, unit: str) -> None:
        spin, combo = self.pairs[(group, stage)]
        spin.setValue(amount)
        set_chosen(combo, unit)


class ManualTab(AdminTab):
    key = "manual"

    def title(self) -> str:
        return tr("Command manual")

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.manual: Manual | None = None
        self.entry: ClassEntry | None = None      # the page as the store has it (None: no class chosen)
        self.variants: list[dict] = []            # name, limits, note, as edited
        self.variant_index = -1
        outer = QVBoxLayout(self)
        # the whole manual: its version, and the file it comes from or goes to
        top = QHBoxLayout()
        self.version_label = QLabel()
        self.version_label.setObjectName("manual_version")
        self.version_label.setTextFormat(Qt.PlainText)
        self.version_label.setStyleSheet("font-weight: bold")
        top.addWidget(self.version_label)
        top.addStretch(1)
        self.import_button = self._file_button(tr("Import from a file…"), "import_manual", self.import_file, tr(
            "Read a workbook (.xlsx) or CSV in the layout of the export, check all of it and show the differences "
            "with the manual in force before anything is applied"))
        self.export_button = self._file_button(tr("Export…"), "export_manual", self.export_file, tr(
            "The manual in force as a workbook (.xlsx) or CSV: every class of the code profile on a row, to edit "
            "and import again"))
        self.print_button = self._file_button(tr("Print the manual…"), "print_manual", self.print_file, tr(
            "The manual in force as a PDF for the command centre's desk: one section per class group"))
        for button in (self.import_button, self.export_button, self.print_button):
            top.addWidget(button)
        outer.addLayout(top)
        layout = QHBoxLayout()
        outer.addLayout(layout, 1)

        left = QVBoxLayout()
        search_row = QHBoxLayout()
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("manual_kind")
        self.kind_filter.addItem(tr("events and components"), None)
        for kind in KINDS:
            self.kind_filter.addItem(kind_label(kind), kind)
        self.kind_filter.currentIndexChanged.connect(self._filter)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("manual_search")
        self.search_edit.setPlaceholderText(tr("class code or name"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filter)
        search_row.addWidget(self.kind_filter)
        search_row.addWidget(self.search_edit, 1)
        left.addLayout(search_row)
        self.class_table = table([tr("Code"), tr("Class"), tr("Kind")], stretch=1, name="manual_classes")
        self.class_table.itemSelectionChanged.connect(self._class_selected)
        left.addWidget(self.class_table, 1)
        left.addWidget(hint(tr("Bold: the manual has a page for the class.")))
        layout.addLayout(left, 2)

        right = QVBoxLayout()
        self.class_label = QLabel(tr("Choose a class on the left."))
        self.class_label.setObjectName("manual_class")
        self.class_label.setTextFormat(Qt.PlainText)
        self.class_label.setStyleSheet("font-size: 11pt; font-weight: bold")
        right.addWidget(self.class_label)
        self.pages = QTabWidget()
        self.pages.setObjectName("manual_pages")
        self.pages.addTab(self._standards_page(), tr("Standards and departments"))
        self.pages.addTab(self._limits_page(), tr("Time limits"))
        self.pages.addTab(self._variants_page(), tr("Situations (情形)"))
        self.pages.addTab(self._versions_page(), tr("Versions"))
        right.addWidget(self.pages, 1)
        save_row = QHBoxLayout()
        save_row.addWidget(label(tr("Why (recorded with the version)")))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("manual_note")
        self.note_edit.setPlaceholderText(tr("e.g. 按2026年区城管委通知调整处置时限"))
        save_row.addWidget(self.note_edit, 1)
        self.save_button = QPushButton(tr("Save as a new version"))
        self.save_button.setObjectName("save_manual")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        right.addLayout(save_row)
        layout.addLayout(right, 5)
        self._enable()

    # -- building ------------------------------------------------------------------------------------
    def _file_button(self, text: str, name: str, slot, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _standards_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.text_edits: dict[str, QPlainTextEdit] = {}
        for field in TEXTS:
            edit = QPlainTextEdit()
            edit.setObjectName(f"manual_{field}")
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
            self.text_edits[field] = edit
            form.addRow(label(field_label(field)), edit)
        self.supervisor_combo = QComboBox()
        self.supervisor_combo.setObjectName("manual_supervisor")
        self.department_combo = QComboBox()
        self.department_combo.setObjectName("manual_department")
        for combo in (self.supervisor_combo, self.department_combo):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
        form.addRow(label(field_label("supervisor")), self.supervisor_combo)
        form.addRow(label(field_label("department")), self.department_combo)
        self.topology_combo = QComboBox()
        self.topology_combo.setObjectName("manual_topology")
        self.topology_combo.addItem("—", None)
        for topology in TOPOLOGIES:
            self.topology_combo.addItem(TOPOLOGY_ZH[topology], topology)
        form.addRow(label(field_label("topology")), self.topology_combo)
        return page

    def _limits_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(hint(tr("The limit of each stage for this class; — uses the default of its kind (shown "
                                 "beside). Urgent limits apply to cases marked 紧急 and are never longer than the "
                                 "normal ones. 90 分钟 = 1.5 小时.")))
        self.limits_editor = LimitsEditor(urgent=True, name="limits")
        layout.addWidget(self.limits_editor)
        layout.addStretch(1)
        return page

    def _variants_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        left = QVBoxLayout()
        left.addWidget(hint(tr("A situation is chosen by the shift leader when registering (e.g. 5吨以下 / 5吨以上); "
                               "its limits replace the class's for the stages it gives.")))
        self.variant_list = QListWidget()
        self.variant_list.setObjectName("variants")
        self.variant_list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.variant_list.currentRowChanged.connect(self._variant_selected)
        left.addWidget(self.variant_list, 1)
        add_row = QHBoxLayout()
        self.variant_name = QLineEdit()
        self.variant_name.setObjectName("variant_name")
        self.variant_name.setPlaceholderText(tr("name, e.g. 5吨以上"))
        self.variant_name.returnPressed.connect(self.add_variant)
        self.add_variant_button = QPushButton(tr("Add situation"))
        self.add_variant_button.setObjectName("add_variant")
        self.add_variant_button.setAutoDefault(False)
        self.add_variant_button.clicked.connect(self.add_variant)
        add_row.addWidget(self.variant_name, 1)
        add_row.addWidget(self.add_variant_button)
        left.addLayout(add_row)
        self.remove_variant_button = QPushButton(tr("Remove situation"))
        self.remove_variant_button.setObjectName("remove_variant")
        self.remove_variant_button.setAutoDefault(False)
        self.remove_variant_button.clicked.connect(self.remove_variant)
        left.addWidget(self.remove_variant_button)
        layout.addLayout(left, 2)
        right = QVBoxLayout()
        self.variant_editor = LimitsEditor(urgent=False, name="variant")
        right.addWidget(self.variant_editor)
        note_row = QFormLayout()
        self.variant_note = QLineEdit()
        self.variant_note.setObjectName("variant_note")
        note_row.addRow(label(tr("Note")), self.variant_note)
        right.addLayout(note_row)
        right.addStretch(1)
        layout.addLayout(right, 3)
        return page

    def _versions_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.versions_table = table([tr("Version"), tr("Time"), tr("By"), tr("Changed items"), tr("Note")], stretch=4,
                                    name="manual_versions")
        layout.addWidget(self.versions_table)
        return page

    # -- reading -------------------------------------------------------------------------------------
    def load(self) -> None:
        self.manual = manual_store.current(self.conn)
        departments = self.dialog.department_rows()
        for combo in (self.supervisor_combo, self.department_combo):
            fill_departments(combo, departments, first=("—", None), territorial=True)
        self._show_version()
        self._show_classes()
        self._show_versions()
        if self.entry is not None:   # the page shown, as the store has it now
            key = (self.entry.kind, self.entry.code)
            self.show_entry(self.manual.entry(*key) or self._blank(*key))

    def departments_changed(self) -> None:
        self.loaded = False

    def _show_version(self) -> None:
        if self.manual is None or self.manual.version is None:
            self.version_label.setText(tr("No manual in force yet"))
        else:
            self.version_label.setText(tr("Version in force: {version}").format(version=self.manual.version))

    def _show_classes(self) -> None:
        keep = row_data(self.class_table)
        rows, data = [], []
        for kind in KINDS:
            for c in self.dialog.class_rows(kind):
                key = (kind, c["code"])
                name = cell(c["name"], tooltip=f"{c.get('major_name') or ''} › {c['name']}")
                if self.manual is not None and key in self.manual.classes:
                    font = name.font()
                    font.setBold(True)
                    name.setFont(font)
                rows.append([c["code"], name, kind_label(kind)])
                data.append(key)
        self.class_table.blockSignals(True)
        fill(self.class_table, rows, data=data)
        if keep is not None:
            select_row(self.class_table, lambda key: key == keep)
        self.class_table.blockSignals(False)
        self._filter()

    def _show_versions(self) -> None:
        versions = self.read(manual_store.versions, default=[]) or []
        rows = []
        for v in sorted(versions, key=lambda v: v["version"], reverse=True):
            changes = v.get("changes")
            count = len(changes) if isinstance(changes, list | tuple) else changes
            at = v.get("created_at")
            rows.append([v["version"], f"{at:%Y-%m-%d %H:%M}" if at else "", v.get("created_by") or "",
                         "" if count is None else count, v.get("note") or ""])
        fill(self.versions_table, rows)

    def _filter(self) -> None:
        """Only the classes of the kind chosen whose code starts with, or name contains, the text."""
        text = self.search_edit.text().strip()
        kind = self.kind_filter.currentData()
        for r in range(self.class_table.rowCount()):
            row_kind, code = self.class_table.item(r, 0).data(DATA_ROLE)
            name = self.class_table.item(r, 1).text()
            shown = (kind is None or row_kind == kind) and (not text or code.startswith(text) or text in name)
            self.class_table.setRowHidden(r, not shown)

    # -- a class's page ------------------------------------------------------------------------------
    def _class_info(self, kind: str, code: str) -> dict:
        return next((c for c in self.dialog.class_rows(kind) if c["code"] == code), {})

    def _blank(self, kind: str, code: str) -> ClassEntry:
        info = self._class_info(kind, code)
        return ClassEntry(kind, code, name=info.get("name"), major_name=info.get("major_name"))

    def _class_selected(self) -> None:
        key = row_data(self.class_table)
        if key is None or self.manual is None:
            return
        if self.entry is not None and key != (self.entry.kind, self.entry.code) and self.edited():
            if not self._discard():
                self.class_table.blockSignals(True)
                select_row(self.class_table, lambda k: k == (self.entry.kind, self.entry.code))
                self.class_table.blockSignals(False)
                return
        self.show_entry(self.manual.entry(*key) or self._blank(*key))

    def _discard(self) -> bool:
        box = QMessageBox(QMessageBox.Question, tr("Command manual"),
                          tr("Discard the changes to {code}? They are not saved.").format(code=self.entry.code),
                          QMessageBox.Yes | QMessageBox.No, self)
        box.button(QMessageBox.Yes).setText(tr("Discard"))
        box.button(QMessageBox.No).setText(tr("Go back"))
        box.setDefaultButton(QMessageBox.No)
        box.setEscapeButton(QMessageBox.No)
        return box.exec() == QMessageBox.Yes

    def select_class(self, kind: str, code: str) -> bool:
        """Show the page of class *code* (as a click on its row does)."""
        self.search_edit.clear()
        set_chosen(self.kind_filter, None)
        return select_row(self.class_table, lambda key: key == (kind, code))

    def show_entry(self, entry: ClassEntry) -> None:
        self.entry = entry
        info = self._class_info(entry.kind, entry.code)
        name = entry.name or info.get("name") or ""
        major = entry.major_name or info.get("major_name") or ""
        self.class_label.setText(f"{kind_label(entry.kind)} {entry.code} · {major + ' › ' if major else ''}{name}")
        for field, edit in self.text_edits.items():
            edit.setPlainText(getattr(entry, field) or "")
        for combo, value in ((self.supervisor_combo, entry.supervisor), (self.department_combo, entry.department)):
            if value and combo.findData(value) < 0:   # a code the department list does not hold (any more)
                combo.addItem(value, value)
            set_chosen(combo, value)
        set_chosen(self.topology_combo, entry.topology)
        self.topology_combo.setEnabled(entry.kind == "component")
        defaults = self.manual.defaults.get(entry.kind, {}) if self.manual else {}
        urgent_defaults = self.manual.urgent_defaults.get(entry.kind, {}) if self.manual else {}
        self.limits_editor.set_limits("normal", entry.limits, defaults)
        self.limits_editor.set_limits("urgent", entry.urgent, urgent_defaults)
        self.variants = [{"name": v.name, "limits": dict(v.limits), "note": v.note} for v in entry.variants]
        self.variant_index = -1
        self.variant_list.blockSignals(True)
        self.variant_list.clear()
        for v in self.variants:
            self.variant_list.addItem(QListWidgetItem(v["name"]))
        self.variant_list.blockSignals(False)
        if self.variants:
            self.variant_list.setCurrentRow(0)
        else:
            self._variant_selected(-1)
        self._enable()

    def _enable(self) -> None:
        has = self.entry is not None
        self.pages.setEnabled(has)
        self.save_button.setEnabled(has)
        self.note_edit.setEnabled(has)
        self.remove_variant_button.setEnabled(has and self.variant_index >= 0)
        self.variant_editor.setEnabled(has and self.variant_index >= 0)
        self.variant_note.setEnabled(has and self.variant_index >= 0)

    # -- situations ----------------------------------------------------------------------------------
    def _keep_variant(self) -> None:
        """The situation's editor back into its entry (before another is shown or the page saved)."""
        if 0 <= self.variant_index < len(self.variants):
            variant = self.variants[self.variant_index]
            variant["limits"] = self.variant_editor.limits("normal")
            variant["note"] = self.variant_note.text().strip() or None

    def _variant_selected(self, row: int) -> None:
        try:
            self._keep_variant()
        except ManualError as exc:
            self.dialog.refuse(str(exc))
        self.variant_index = row
        if 0 <= row < len(self.variants):
            variant = self.variants[row]
            defaults = self.limits_editor.limits("normal") if self.entry is not None else {}
            self.variant_editor.set_limits("normal", variant["limits"], defaults)
            self.variant_note.setText(variant.get("note") or "")
        else:
            self.variant_editor.set_limits("normal", {}, {})
            self.variant_note.clear()
        self._enable()

    def add_variant(self) -> None:
        name = self.variant_name.text().strip()
        if not name:
            self.missing(tr("Type the situation's name, e.g. 5吨以上."), self.variant_name)
            return
        if any(v["name"] == name for v in self.variants):
            self.missing(tr("The situation {name} is there already.").format(name=name), self.variant_name)
            return
        self.variants.append({"name": name, "limits": {}, "note": None})
        self.variant_list.addItem(QListWidgetItem(name))
        self.variant_list.setCurrentRow(len(self.variants) - 1)
        self.variant_name.clear()

    def remove_variant(self) -> None:
        row = self.variant_list.currentRow()
        if not 0 <= row < len(self.variants):
            return
        self.variant_index = -1          # not kept back: it goes
        del self.variants[row]
        self.variant_list.takeItem(row)
        self._variant_selected(self.variant_list.currentRow())

    # -- saving --------------------------------------------------------------------------------------
    def page(self) -> ClassEntry:
        """The page as typed (raises ManualError for a limit that is not one)."""
        self._keep_variant()
        entry = self.entry
        texts = {field: edit.toPlainText().strip() or None for field, edit in self.text_edits.items()}
        return replace(entry, **texts, supervisor=chosen(self.supervisor_combo),
                       department=chosen(self.department_combo),
                       topology=self.topology_combo.currentData() if entry.kind == "component" else entry.topology,
                       limits=self.limits_editor.limits("normal"), urgent=self.limits_editor.limits("urgent"),
                       variants=tuple(Variant(v["name"], dict(v["limits"]), v.get("note")) for v in self.variants))

    def edited(self) -> bool:
        """Whether the page differs from the store's."""
        if self.entry is None:
            return False
        try:
            return self.page() != self.entry
        except ManualError:
            return True

    def save(self) -> bool:
        """A new version of the manual with this class's page as typed."""
        if self.entry is None:
            return False
        try:
            entry = self.page()
        except ManualError as exc:
            self.dialog.refuse(str(exc))
            return False
        note = self.note_edit.text().strip() or tr("{kind} {code} changed in the administration dialog").format(
            kind=kind_label(entry.kind), code=entry.code)
        try:
            current = manual_store.current(self.conn)   # as it is now: another administrator may have saved
        except StoreError as exc:
            self.dialog.refuse(self.dialog.explain(exc))
            return False
        ok, result = self.write(manual_store.apply, current.with_entry(entry), note, replace=False)
        if not ok:
            return False
        version, changes = result
        if changes:
            self.dialog.saved(tr("Saved: the command manual is now version {version} ({n} changes to {code}).").format(
                version=version, n=len(changes), code=entry.code))
            self.note_edit.clear()
        else:
            self.dialog.saved(tr("Nothing changed: version {version} stays in force.").format(version=version))
        self.reload()
        return True

    # -- the whole manual as a file ------------------------------------------------------------------
    def _lookups(self) -> tuple[dict, dict, dict, dict]:
        """What a manual file is read against and written with, from the store (the same as
        citygrid:importmanual's): (kind, code) → the class row (name, major_code, major_name) of the
        store's profile; department code → name; name → code for the names only one department
        has; (kind, code) → class name. Raises StoreError."""
        classes = {(kind, c["code"]): c for kind in KINDS for c in self.dialog.class_rows(kind)}
        names, by_name = department_lookup(self.dialog.department_rows())
        return classes, names, by_name, {k: c["name"] for k, c in classes.items()}

    @staticmethod
    def _folder() -> str:
        return QgsSettings().value(FOLDER_SETTING, "") or str(Path.home())

    @staticmethod
    def _keep_folder(path: Path) -> None:
        QgsSettings().setValue(FOLDER_SETTING, str(path.parent))

    def _save_path(self, title: str, name: str, filters: str, suffixes: dict[str, str]) -> Path | None:
        """The file a person chose to write (None: cancelled); the suffix of the filter chosen added
        when they typed a name without one (*suffixes*: a word of the filter → the suffix)."""
        path, chosen_filter = QFileDialog.getSaveFileName(self, title, str(Path(self._folder()) / name), filters)
        if not path:
            return None
        path = Path(path)
        if path.suffix.lower() not in suffixes.values():
            suffix = next((s for word, s in suffixes.items() if word in (chosen_filter or "")),
                          next(iter(suffixes.values())))
            path = path.with_name(path.name + suffix)
        self._keep_folder(path)
        return path

    def _ask_discard(self) -> bool:
        """Whether what is typed on the page may go (the file brings a new manual): yes when nothing
        is, else the person's answer."""
        return not self.edited() or self._discard()

    def import_file(self) -> bool:
        """从文件导入: choose a workbook or CSV, check all of it, show every problem or every
        difference; apply as a new version only when the person says so. True: applied."""
        if not self._ask_discard():
            return False
        name, _filter = QFileDialog.getOpenFileName(
            self, tr("Import the command manual"), self._folder(),
            tr("Command manual (*.xlsx *.csv);;Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not name:
            return False
        path = Path(name)
        self._keep_folder(path)
        try:
            before = manual_store.current(self.conn)
            _classes, names, by_name, class_names = self._lookups()
        except StoreError as exc:
            self.dialog.refuse(self.dialog.explain(exc))
            return False
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            manual = read_manual(path, before.profile, class_names, set(names), by_name)
        except ManualSheetError as exc:
            QGuiApplication.restoreOverrideCursor()
            self.dialog.refuse(tr("{file} was not imported: {n} problems (listed in the window); the manual in force "
                                  "is unchanged.").format(file=path.name, n=len(exc.problems)))
            self.problems_dialog = ManualProblemsDialog(path.name, exc.problems, self)
            self.problems_dialog.exec()
            return False
        except (ManualError, OSError) as exc:   # not a manual file at all: unreadable, another format
            QGuiApplication.restoreOverrideCursor()
            self.dialog.refuse(str(exc))
            return False
        QGuiApplication.restoreOverrideCursor()
        changes = diff(before, manual)
        if not changes:
            self.dialog.saved(tr("The file holds the manual in force (version {version}): nothing to change").format(
                version=before.version))
            return False
        self.differences_dialog = ManualDifferencesDialog(path.name, changes, before.version, class_names, names,
                                                          self)
        if self.differences_dialog.exec() != QDialog.Accepted:
            self.dialog.saved(tr("Not applied: version {version} stays in force.").format(version=before.version))
            return False
        ok, result = self.write(manual_store.apply, manual, self.differences_dialog.note(), replace=True)
        if not ok:
            return False
        version, applied = result
        self.dialog.saved(tr("Imported {file}: the command manual is now version {version} ({n} changes).").format(
            file=path.name, version=version, n=len(applied)))
        self.reload()
        return True

    def export_file(self) -> Path | None:
        """导出: the manual in force as a workbook or CSV where the person chooses; said in the
        status line."""
        try:
            manual = manual_store.current(self.conn)
            classes, names, _by_name, class_names = self._lookups()
        except StoreError as exc:
            self.dialog.refuse(self.dialog.explain(exc))
            return None
        path = self._save_path(tr("Export the command manual"), f"指挥手册_v{manual.version}.xlsx",
                               tr("Excel workbook (*.xlsx);;CSV (*.csv)"), {"xlsx": ".xlsx", "csv": ".csv"})
        if path is None:
            return None
        try:
            write_manual(path, manual, class_names, {k: c.get("major_name") for k, c in classes.items()}, names)
        except (ValueError, OSError) as exc:      # ManualError, XlsxError: a folder missing, a file locked
            self.dialog.refuse(str(exc))
            return None
        self.dialog.saved(tr("The command manual (version {version}) is written to {path}").format(
            version=manual.version, path=path))
        return path

    def print_file(self) -> Path | None:
        """打印手册: the manual in force as the PDF for the command centre's desk."""
        from ...layouts import LayoutError
        from ...layouts.manual import write_manual_pdf

        try:
            manual = manual_store.current(self.conn)
            classes, names, _by_name, _class_names = self._lookups()
        except StoreError as exc:
            self.dialog.refuse(self.dialog.explain(exc))
            return None
        path = self._save_path(tr("Print the command manual (PDF)"), f"指挥手册_v{manual.version}.pdf",
                               tr("PDF (*.pdf)"), {"pdf": ".pdf"})
        if path is None:
            return None
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            pages = write_manual_pdf(manual, path, classes, names)
        except (LayoutError, ValueError, OSError) as exc:
            self.dialog.refuse(str(exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.dialog.saved(tr("The printed manual (version {version}, {pages} pages) is written to {path}").format(
            version=manual.version, pages=pages, path=path))
        return path
