"""审批权限: who may approve what the seeds give to the 数字城管办 — 缓办 (defer), its release, 延期
(approve an extension, up to a number of hours, or refuse it) and 作废 (cancel) — as data: a grid
of action × role, and for extensions the most hours each role may grant (0: any). Saving replaces
the whole table (store.admin.save_authorities); the workflow checks it at every approval.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ...core.i18n import tr
from ...core.workflow import CASE_ROLES
from ...store import admin, roles
from .common import AdminTab, hint

ACTIONS = admin.AUTHORITY_ACTIONS   # the store module names them once
MAX_HOURS = 2160     # an extension is at most 90 days (the store's bound)


def authority_roles() -> tuple[str, ...]:
    """The roles that may hold an authority: the 数字城管办 first, then the case roles."""
    return tuple(r for r in dict.fromkeys(("office", *CASE_ROLES)) if r in roles.ROLES)


def action_title(action: str) -> str:
    return {"defer": tr("Defer (缓办)"), "release": tr("Release a deferral"),
            "approve_extension": tr("Approve an extension (延期)"), "refuse_extension": tr("Refuse an extension"),
            "cancel": tr("Cancel a case (作废)"),
            "reopen": tr("Reopen after a dissatisfied return visit (回访不满意重办)")}[action]


class AuthoritiesTab(AdminTab):
    key = "authorities"

    def title(self) -> str:
        return tr("Approvals")

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.rows: list[dict] = []
        self.roles = authority_roles()
        layout = QVBoxLayout(self)
        layout.addWidget(hint(tr("Who may approve: tick the roles for each action. An extension can be limited to a "
                                 "number of hours per role (0: any length).")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        self.checks: dict[tuple[str, str], QCheckBox] = {}
        self.hours: dict[str, QSpinBox] = {}
        for c, role in enumerate(self.roles, 1):
            head = QLabel(roles.ROLES[role])
            head.setTextFormat(Qt.PlainText)
            head.setAlignment(Qt.AlignCenter)
            head.setStyleSheet("font-weight: bold")
            grid.addWidget(head, 0, c)
        for r, action in enumerate(ACTIONS, 1):
            title = QLabel(action_title(action))
            title.setTextFormat(Qt.PlainText)
            grid.addWidget(title, r, 0)
            for c, role in enumerate(self.roles, 1):
                check = QCheckBox()
                check.setObjectName(f"authority_{action}_{role}")
                check.setToolTip(f"{action_title(action)} · {roles.ROLES[role]}")
                self.checks[(action, role)] = check
                grid.addWidget(check, r, c, Qt.AlignCenter)
        hours_row = len(ACTIONS) + 1
        hours_title = QLabel(tr("Most hours an extension may add"))
        hours_title.setTextFormat(Qt.PlainText)
        grid.addWidget(hours_title, hours_row, 0)
        for c, role in enumerate(self.roles, 1):
            spin = QSpinBox()
            spin.setObjectName(f"authority_hours_{role}")
            spin.setRange(0, MAX_HOURS)
            spin.setSpecialValueText(tr("no limit"))
            spin.setSuffix(tr(" h"))
            spin.setEnabled(False)
            self.hours[role] = spin
            self.checks[("approve_extension", role)].toggled.connect(spin.setEnabled)
            grid.addWidget(spin, hours_row, c)
        grid.setColumnStretch(len(self.roles) + 1, 1)
        holder = QWidget()
        holder.setLayout(grid)
        layout.addWidget(holder)
        layout.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = QPushButton(tr("Save the approvals"))
        self.save_button.setObjectName("save_authorities")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)

    def load(self) -> None:
        self.rows = admin.authorities(self.conn)
        held = {(r["action"], r["role"]): r for r in self.rows}
        for (action, role), check in self.checks.items():
            check.setChecked((action, role) in held)
        for role, spin in self.hours.items():
            row = held.get(("approve_extension", role))
            spin.setValue(int(row["max_hours"]) if row and row.get("max_hours") else 0)
            spin.setEnabled(row is not None)

    def authorities(self) -> list[dict]:
        """The grid as store.admin.save_authorities takes it (the notes kept as they were, and the
        rows of actions or roles the grid does not show kept whole)."""
        notes = {(r["action"], r["role"]): r.get("note") for r in self.rows}
        out = [dict(r) for r in self.rows if r["action"] not in ACTIONS or r["role"] not in self.roles]
        for action in ACTIONS:
            for role in self.roles:
                if self.checks[(action, role)].isChecked():
                    hours = self.hours[role].value() if action == "approve_extension" else 0
                    out.append({"action": action, "role": role, "max_hours": hours or None,
                                "note": notes.get((action, role))})
        return out

    def save(self) -> bool:
        rows = self.authorities()
        ok, _ = self.write(admin.save_authorities, rows, done=tr("Approvals saved ({n} granted).").format(n=len(rows)))
        if ok:
            self.reload()
        return ok
