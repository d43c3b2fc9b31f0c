"""The inputs of one action on a case, asked in one dialog: the department and the assisting
departments (派遣: 主办 / 协办), the supervisor who takes a verify or check task (改派), the hours
of an extension, the note (处置结果, 核实情况, 作废原因 …) and
the photos the action needs or may carry (处置后照片, 核实照片, 核查照片).

What is needed comes from the store (``citygrid.case_allowed_actions``: needs ``note``, ``photo``
with a stage, ``department``, ``hours``, ``supervisor``); the dialog's OK stays disabled, and says what is still
missing, until everything needed is there, so a person never sends an action the store must
refuse for a missing input. Photo files are checked when they are added (type by content, size,
count) and a refused file is named with the reason.

The command manual (指挥手册) is shown where the action is decided (*manual*: the case's page,
store.manual.case_entry): 立案 shows the 立案标准 and asks the situation (情形) the case is in,
each with its own limits ("5吨以上 · 处置 24 小时"; the general case takes the class's normal
ones); 派遣 and the department's 处置完成, 申请延期 and 退回 show the 处置标准 and the handling
limit in force for this case (its situation and urgency applied) with the deadline; 核查 and 结案
show the 结案标准. A standard the manual leaves empty says so.

A return visit (回访, needs ``reached``): whether the reporter was reached (chosen, never
preset), then his satisfaction (满意 / 基本满意 / 不满意), what he said (a note, required when he is
not satisfied) and, for 不满意, whether the case goes back to the department (重办).
"""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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

from ...core.casefilter import CST
from ...core.i18n import tr
from ..manual_view import (
    ACTION_STANDARD,
    HANDLING_ACTIONS,
    StandardBox,
    general_variant,
    limit_text,
    not_set,
    standard_title,
    variant_name,
    variant_text,
)
from ..photos import PhotoPicker, stage_label


def note_label(action: str) -> str:
    """What the note of *action* is, as the person writing it calls it."""
    return {
        "feedback": tr("Result of the handling"), "verify": tr("What was found on site"),
        "check_ok": tr("Result of the check"), "rework": tr("Why it must be redone"),
        "cancel": tr("Reason for cancelling"), "refuse_extension": tr("Why the extension is refused"),
        "return": tr("Why it is returned"), "defer": tr("Why it is deferred"),
        "request_extension": tr("Why more time is needed"), "assist_note": tr("What your department did"),
        "revisit": tr("What the reporter said"),
    }.get(action, tr("Note"))


class ActionDialog(QDialog):
    """Asks what *action* (on *case_no*) needs. *departments*: (code, name) of the active
    departments, *suggested*: the department proposed first (routing rules); *photo_stage*: the
    stage of the photos the action may bring (store.cases.photo_stage), required when *needs*
    names it. *manual*: the case's page of the command manual (store.manual.case_entry: version,
    variant, entry, limits, variants; None: the manual has none), *deadline*: the case's
    handling deadline when it runs. *supervisors*: (login, name) of the supervisors who may take a
    task (改派), *assignee*: whose task it is now (offered last, marked). After ``exec()``:
    :attr:`note`, :attr:`data` (with ``variant`` when a situation was chosen at 立案, ``supervisor``
    for 改派), :attr:`photos`."""

    def __init__(self, title: str, case_no: str, action: str, needs: dict,
                 departments: list[tuple[str, str]] | None = None, suggested: str | None = None,
                 photo_stage: str | None = None, parent=None, manual: dict | None = None,
                 deadline=None, supervisors: list[tuple[str, str]] | None = None,
                 assignee: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CityGridActionDialog")
        self.setWindowTitle(f"{title} · {case_no}")
        self.action, self.needs = action, needs
        self.departments = departments or []
        self.department_box = self.assist_list = self.hours_box = self.note_edit = self.picker = None
        self.supervisor_box = self.reached_box = self.satisfaction_box = self.reopen_check = None
        self.standard_box = self.variant_box = self.limit_label = None
        self.manual = manual
        layout = QVBoxLayout(self)
        self._standard(layout)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        layout.addLayout(form)
        self._manual_rows(form, deadline)
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
        if needs.get("supervisor"):
            self.supervisor_box = QComboBox()
            self.supervisor_box.setObjectName("supervisor")
            # beside its label (a wrapped row would not get its height)
            self.supervisor_box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            self.supervisor_box.setMinimumContentsLength(12)
            # the others first (改派 moves the task), the one holding it now last and marked
            for login, name in sorted(supervisors or [], key=lambda s: (s[0] == assignee, s[0])):
                text = f"{name}（{login}）" if name else login
                if login == assignee:
                    text = tr("{who} — has the task now").format(who=text)
                self.supervisor_box.addItem(text, login)
            self.supervisor_box.currentIndexChanged.connect(self._check)
            form.addRow(tr("Supervisor who takes the task"), self.supervisor_box)
        if needs.get("hours"):
            self.hours_box = QDoubleSpinBox()
            self.hours_box.setObjectName("hours")
            self.hours_box.setRange(1, 2000)
            self.hours_box.setDecimals(1)
            self.hours_box.setValue(24)
            self.hours_box.setSuffix(" " + tr("hours"))
            form.addRow(tr("Extension (hours)"), self.hours_box)
        if needs.get("reached"):
            self._revisit_rows(form, bool(needs.get("reopen")))
        if needs.get("note") or needs.get("reached"):
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
        self.setMinimumWidth(520 if self.standard_box is not None else 420)
        self._check()

    def _standard(self, layout: QVBoxLayout) -> None:
        """The standard of the command manual the action is decided on, first."""
        field = ACTION_STANDARD.get(self.action)
        if field is None:
            return
        entry = (self.manual or {}).get("entry")
        self.standard_box = StandardBox(standard_title(field), "standard", lines=4)
        self.standard_box.set_text(getattr(entry, field, None) if entry is not None else None)
        layout.addWidget(self.standard_box)

    def _manual_rows(self, form: QFormLayout, deadline) -> None:
        """For 立案 the situation (情形); for the handling actions the limit in force for this case."""
        if self.standard_box is None:
            return
        entry = (self.manual or {}).get("entry")
        if self.action == "register":
            self.variant_box = QComboBox()
            self.variant_box.setObjectName("variant")
            self.variant_box.addItem(general_variant(), "")
            variants = [(v.name, v.limits) for v in entry.variants] if entry is not None else \
                list((self.manual or {}).get("variants") or [])
            for name, limits in variants:
                self.variant_box.addItem(variant_text(name, limits), name)
            self.variant_box.setEnabled(bool(variants))
            self.variant_box.setToolTip(tr("The situation the case is in, as the command manual lists them for "
                                           "its class: its time limits apply from now on.") if variants else
                                        tr("The command manual lists no situation for this class."))
            current = self.variant_box.findData((self.manual or {}).get("variant") or "")
            self.variant_box.setCurrentIndex(max(current, 0))
            form.addRow(tr("Situation"), self.variant_box)
        elif self.action in HANDLING_ACTIONS:
            self.limit_label = QLabel()
            self.limit_label.setObjectName("handling_limit")
            self.limit_label.setTextFormat(Qt.PlainText)
            self.limit_label.setWordWrap(True)
            self.limit_label.setText(self.handling_limit_text(deadline))
            self.limit_label.setStyleSheet("font-weight: bold")
            form.addRow(tr("Handling time limit"), self.limit_label)

    def handling_limit_text(self, deadline=None) -> str:
        """"24 小时（情形：5吨以上）, due 12-06 14:00" for the case's handling, from its manual page."""
        manual = self.manual or {}
        limit = limit_text((manual.get("limits") or {}).get("handle"))
        text = limit or not_set()
        if manual.get("variant"):
            text += " " + tr("(situation: {variant})").format(variant=variant_name(manual["variant"]))
        if deadline is not None:
            at = deadline.astimezone(CST) if deadline.tzinfo else deadline   # as the work form prints it
            text = tr("{limit}, due {at}").format(limit=text, at=f"{at:%Y-%m-%d %H:%M}")
        return text

    def _revisit_rows(self, form: QFormLayout, reopen: bool) -> None:
        """回访: reached? → satisfaction → 重办 (only for 不满意)."""
        self.reached_box = QComboBox()
        self.reached_box.setObjectName("reached")
        self.reached_box.addItem(tr("— choose —"), None)
        self.reached_box.addItem(tr("Reached the reporter"), True)
        self.reached_box.addItem(tr("Could not reach the reporter"), False)
        form.addRow(tr("Call"), self.reached_box)
        self.satisfaction_box = QComboBox()
        self.satisfaction_box.setObjectName("satisfaction")
        self.satisfaction_box.addItem(tr("— choose —"), None)
        for level in ("满意", "基本满意", "不满意"):
            self.satisfaction_box.addItem(level, level)
        form.addRow(tr("Satisfaction"), self.satisfaction_box)
        if reopen:
            self.reopen_check = QCheckBox(tr("Send the case back to the department (重办)"))
            self.reopen_check.setObjectName("reopen")
            form.addRow(tr("Follow-up"), self.reopen_check)
        self.reached_box.currentIndexChanged.connect(self._revisit_changed)
        self.satisfaction_box.currentIndexChanged.connect(self._revisit_changed)
        self._revisit_changed()

    def _revisit_changed(self) -> None:
        reached = self.reached_box.currentData() is True
        self.satisfaction_box.setEnabled(reached)
        if not reached:
            self.satisfaction_box.setCurrentIndex(0)
        if self.reopen_check is not None:
            unhappy = reached and self.satisfaction_box.currentData() == "不满意"
            self.reopen_check.setEnabled(unhappy)
            if not unhappy:
                self.reopen_check.setChecked(False)
        if hasattr(self, "ok_button"):
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
        if self.reached_box is not None:
            if self.reached_box.currentData() is None:
                missing.append(tr("whether the reporter was reached"))
            elif self.reached_box.currentData() and self.satisfaction_box.currentData() is None:
                missing.append(tr("the reporter's satisfaction"))
        note_needed = self.needs.get("note") or (self.satisfaction_box is not None
                                                 and self.satisfaction_box.currentData() == "不满意")
        if note_needed and self.note_edit is not None and not self.note_edit.toPlainText().strip():
            missing.append(note_label(self.action))
        if self.picker is not None and self.picker.required and not self.picker.photos:
            missing.append(tr("at least one photo"))
        if self.supervisor_box is not None and not self.supervisor_box.currentData():
            missing.append(tr("the supervisor who takes the task"))
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
        return (self.note_edit.toPlainText().strip() or None) if self.note_edit is not None else None

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
        if self.supervisor_box is not None:
            data["supervisor"] = self.supervisor_box.currentData()
        if self.variant_box is not None and self.variant_box.currentData():
            data["variant"] = self.variant_box.currentData()
        if self.reached_box is not None:
            data["reached"] = bool(self.reached_box.currentData())
            if data["reached"] and self.satisfaction_box.currentData():
                data["satisfaction"] = self.satisfaction_box.currentData()
            if self.reopen_check is not None and self.reopen_check.isChecked():
                data["reopen"] = True
        return data

    @property
    def variant(self) -> str:
        """The situation chosen at 立案 ('' for the general case, or no choice)."""
        return (self.variant_box.currentData() or "") if self.variant_box is not None else ""

    @property
    def photos(self) -> list:
        return list(self.picker.photos) if self.picker is not None else []
