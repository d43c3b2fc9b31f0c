"""The inputs of one action on a case, asked in one dialog: the department and the assisting
departments (派遣: 主办 / 协办), the hours of an extension, the note (处置结果, 核实情况, 作废原因 …) and
the photos the action needs or may carry (处置后照片, 核实照片, 核查照片).

What is needed comes from the store (``citygrid.case_allowed_actions``: needs ``note``, ``photo``
with a stage, ``department``, ``hours``); the dialog's OK stays disabled, and says what is still
missing, until everything needed is there, so a person never sends an action the store must
refuse for a missing input. Photo files are checked when they are added (type by content, size,
count) and a refused file is named with the reason.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from ...core.i18n import tr
from ..photos import PhotoPicker, stage_label


def note_label(action: str) -> str:
    """What the note of *action* is, as the person writing it calls it."""
    return {
        "feedback": tr("Result of the handling"), "verify": tr("What was found on site"),
        "check_ok": tr("Result of the check"), "rework": tr("Why it must be redone"),
        "cancel": tr("Reason for cancelling"), "refuse_extension": tr("Why the extension is refused"),
        "return": tr("Why it is returned"), "defer": tr("Why it is deferred"),
        "request_extension": tr("Why more time is needed"), "assist_note": tr("What your department did"),
    }.get(action, tr("Note"))


class ActionDialog(QDialog):
    """Asks what *action* (on *case_no*) needs. *departments*: (code, name) of the active
    departments, *suggested*: the department proposed first (routing rules); *photo_stage*: the
    stage of the photos the action may bring (store.cases.photo_stage), required when *needs*
    names it. After ``exec()``: :attr:`note`, :attr:`data`, :attr:`photos`."""

    def __init__(self, title: str, case_no: str, action: str, needs: dict,
                 departments: list[tuple[str, str]] | None = None, suggested: str | None = None,
                 photo_stage: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("CityGridActionDialog")
        self.setWindowTitle(f"{title} · {case_no}")
        self.action, self.needs = action, needs
        self.departments = departments or []
        self.department_box = self.assist_list = self.hours_box = self.note_edit = self.picker = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        layout.addLayout(form)
        if needs.get("department"):
            self.department_box = QComboBox()
            self.department_box.setObjectName("department")
            for code, name in self.departments:
                self.department_box.addItem(f"{name} ({code})", code)
            index = self.department_box.findData(suggested)
            self.department_box.setCurrentIndex(max(index, 0))
            form.addRow(tr("Department (suggested first)"), self.department_box)
            if action == "dispatch":
                self.assist_list = QListWidget()
                self.assist_list.setObjectName("assist")
                self.assist_list.setSelectionMode(QAbstractItemView.NoSelection)
                for code, name in self.departments:
                    item = QListWidgetItem(f"{name} ({code})")
                    item.setData(Qt.UserRole, code)
                    item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
                    item.setCheckState(Qt.Unchecked)
                    self.assist_list.addItem(item)
                rows = min(max(len(self.departments), 2), 5)
                self.assist_list.setFixedHeight(rows * self.assist_list.sizeHintForRow(0) + 6)
                self.assist_list.setToolTip(tr("They see the case and add notes; the lead department's "
                                               "feedback closes their part."))
                form.addRow(tr("Assisting departments"), self.assist_list)
                self.department_box.currentIndexChanged.connect(self._lead_changed)
                self._lead_changed()
        if needs.get("hours"):
            self.hours_box = QDoubleSpinBox()
            self.hours_box.setObjectName("hours")
            self.hours_box.setRange(1, 2000)
            self.hours_box.setDecimals(1)
            self.hours_box.setValue(24)
            self.hours_box.setSuffix(" " + tr("hours"))
            form.addRow(tr("Extension (hours)"), self.hours_box)
        if needs.get("note"):
            self.note_edit = QPlainTextEdit()
            self.note_edit.setObjectName("note")
            self.note_edit.setTabChangesFocus(True)
            self.note_edit.setFixedHeight(5 * self.note_edit.fontMetrics().lineSpacing() + 12)
            self.note_edit.textChanged.connect(self._check)
            form.addRow(note_label(action), self.note_edit)
        stage = needs.get("photo") or photo_stage
        if stage:
            self.picker = PhotoPicker(stage, required=bool(needs.get("photo")))
            self.picker.changed.connect(self._check)
            label = (tr("Photos ({stage}, at least one)") if self.picker.required
                     else tr("Photos ({stage}, optional)")).format(stage=stage_label(stage))
            form.addRow(label, self.picker)
        self.missing = QLabel()
        self.missing.setObjectName("missing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #6b4f00")
        layout.addWidget(self.missing)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(title)
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("Go back"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._check()

    def _lead_changed(self) -> None:
        """The lead department cannot assist itself: its line is disabled and unticked."""
        lead = self.department_box.currentData()
        for i in range(self.assist_list.count()):
            item = self.assist_list.item(i)
            if item.data(Qt.UserRole) == lead:
                item.setCheckState(Qt.Unchecked)
                item.setFlags(Qt.NoItemFlags)
            else:
                item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)

    def missing_inputs(self) -> list[str]:
        """What must still be given, in words."""
        missing = []
        if self.note_edit is not None and not self.note_edit.toPlainText().strip():
            missing.append(note_label(self.action))
        if self.picker is not None and self.picker.required and not self.picker.photos:
            missing.append(tr("at least one photo"))
        return missing

    def _check(self) -> None:
        missing = self.missing_inputs()
        self.ok_button.setEnabled(not missing)
        self.missing.setText(tr("Still needed: {what}").format(what="、".join(missing)) if missing else "")
        self.missing.setVisible(bool(missing))

    def accept(self) -> None:
        if self.missing_inputs():
            return
        super().accept()

    @property
    def note(self) -> str | None:
        return self.note_edit.toPlainText().strip() if self.note_edit is not None else None

    @property
    def data(self) -> dict:
        data: dict = {}
        if self.department_box is not None:
            data["department"] = self.department_box.currentData()
        if self.assist_list is not None:
            assist = [self.assist_list.item(i).data(Qt.UserRole) for i in range(self.assist_list.count())
                      if self.assist_list.item(i).checkState() == Qt.Checked]
            if assist:
                data["assist"] = assist
        if self.hours_box is not None:
            data["hours"] = self.hours_box.value()
        return data

    @property
    def photos(self) -> list:
        return list(self.picker.photos) if self.picker is not None else []
