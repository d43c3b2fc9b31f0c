"""人员: the staff's logins — roles, department (required for a department handler), display name,
password (set or changed, never shown or read back), and for a supervisor (监督员) the unit grids
they are responsible for (typed one per line, or taken from the grids selected on the map).

Logins are server roles: store.roles.save_user creates or changes one (the password only as its
SCRAM verifier); the supervisor's grids are store.admin's. The store refuses a login that is not
an administrator.
"""
from __future__ import annotations

import re

from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ...core.textsafe import html_text
from ...store import admin, roles
from ...store.db import StoreError
from .common import (
    REQUIRED,
    AdminTab,
    chosen,
    department_text,
    fill,
    fill_departments,
    label,
    row_data,
    searchable,
    select_row,
    set_chosen,
)

COLUMNS = ("login", "name", "roles", "department")
ROLE_COLUMNS = 4     # role check boxes per row


def column_title(column: str) -> str:
    return {"login": tr("Login"), "name": tr("Display name"), "roles": tr("Roles"),
            "department": tr("Belongs to department")}[column]


def role_text(role: str) -> str:
    """A store role by its Chinese name (数字城管办, 监督员 …)."""
    return roles.ROLES.get(role, role)


def grid_codes(text: str) -> list[str]:
    """Grid codes typed one per line (or separated by spaces, commas or 、), each once, in order."""
    return list(dict.fromkeys(c for c in re.split(r"[\s,，、;；]+", text or "") if c))


class StaffTab(AdminTab):
    key = "staff"

    def title(self) -> str:
        return tr("Staff")

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.users: list = []
        self.existing: str | None = None    # the login shown, when it exists in the store
        layout = QHBoxLayout(self)

        left = self.list_column([column_title(c) for c in COLUMNS], COLUMNS.index("roles"), "staff",
                                tr("New login"), "new_login")
        layout.addLayout(left, 1)

        right = QVBoxLayout()
        box = QGroupBox(tr("Login"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("login")
        self.login_edit.setMaxLength(63)
        self.login_edit.setPlaceholderText(tr("lower-case letters, digits and _, e.g. wang_li"))
        form.addRow(label(tr("Login"), True), self.login_edit)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("display_name")
        form.addRow(label(tr("Display name"), True), self.name_edit)
        self.role_checks: dict[str, QCheckBox] = {}
        roles_widget = QWidget()
        grid = QGridLayout(roles_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, role in enumerate(roles.ROLES):
            check = QCheckBox(role_text(role), roles_widget)
            check.setObjectName(f"role_{role}")
            check.setToolTip(f"citygrid_{role}")
            check.toggled.connect(self._roles_changed)
            self.role_checks[role] = check
            grid.addWidget(check, n // ROLE_COLUMNS, n % ROLE_COLUMNS)
        form.addRow(label(tr("Roles"), True), roles_widget)
        self.department_label = label(tr("Belongs to department"))
        self.department_combo = searchable(QComboBox(), 14)
        self.department_combo.setObjectName("staff_department")
        form.addRow(self.department_label, self.department_combo)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.Password)
        self.password_again = QLineEdit()
        self.password_again.setObjectName("password_again")
        self.password_again.setEchoMode(QLineEdit.Password)
        self.password_label = label(tr("Password"))
        form.addRow(self.password_label, self.password_edit)
        form.addRow(label(tr("Password again")), self.password_again)
        right.addWidget(box)

        self.grid_box = QGroupBox(tr("Responsibility grids (supervisors)"))
        self.grid_box.setToolTip(tr("The grids he answers for from today on; periods with dates, handovers and the "
                                    "grids' rosters are in the tab Responsibility grids"))
        grid_layout = QVBoxLayout(self.grid_box)
        self.grid_edit = QPlainTextEdit()
        self.grid_edit.setPlaceholderText(tr("Unit grid codes (15 digits), one per line; or select grids on the map "
                                             "and add them."))
        self.grid_edit.setObjectName("supervisor_grids")
        self.grid_edit.setTabChangesFocus(True)
        self.grid_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        grid_layout.addWidget(self.grid_edit, 1)
        map_row = QHBoxLayout()
        self.map_grids_button = QPushButton(tr("Add the grids selected on the map"))
        self.map_grids_button.setObjectName("add_map_grids")
        self.map_grids_button.setAutoDefault(False)
        self.map_grids_button.clicked.connect(self.add_map_grids)
        map_row.addWidget(self.map_grids_button)
        map_row.addStretch(1)
        grid_layout.addLayout(map_row)
        right.addWidget(self.grid_box, 1)

        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = QPushButton(tr("Save login"))
        self.save_button.setObjectName("save_login")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        right.addLayout(save_row)
        layout.addLayout(right, 1)
        self._roles_changed()
        self._show_password_hint()

    # -- reading -------------------------------------------------------------------------------------
    def load(self) -> None:
        departments = self.dialog.department_rows()
        fill_departments(self.department_combo, departments, first=(tr("— none —"), None))
        self.users = roles.users(self.conn)
        names = {d["code"]: d["name"] for d in departments}
        keep = self.login_edit.text().strip()
        self.table.blockSignals(True)
        fill(self.table, [[u.login, u.name, "、".join(role_text(r) for r in u.roles),
                           department_text(u.department_code, names)] for u in self.users],
             data=[u.login for u in self.users])
        if keep:
            select_row(self.table, lambda login: login == keep)
        self.table.blockSignals(False)

    def departments_changed(self) -> None:
        self.loaded = False

    # -- the form ------------------------------------------------------------------------------------
    def _selected(self) -> None:
        login = row_data(self.table)
        user = next((u for u in self.users if u.login == login), None)
        if user is not None:
            self.show_user(user)

    def show_user(self, user) -> None:
        self.existing = user.login
        self.login_edit.setText(user.login)
        self.login_edit.setReadOnly(True)   # a login is a server role: it is not renamed
        self.name_edit.setText(user.name or "")
        for role, check in self.role_checks.items():
            check.setChecked(role in user.roles)
        set_chosen(self.department_combo, user.department_code)
        self.password_edit.clear()
        self.password_again.clear()
        codes = self.read(admin.supervisor_grids, user.login, default=[]) if "supervisor" in user.roles else []
        self.grid_edit.setPlainText("\n".join(codes))
        self._show_password_hint()

    def new(self) -> None:
        self.existing = None
        self.table.clearSelection()
        self.login_edit.setReadOnly(False)
        for edit in (self.login_edit, self.name_edit, self.password_edit, self.password_again):
            edit.clear()
        for check in self.role_checks.values():
            check.setChecked(False)
        self.department_combo.setCurrentIndex(0)
        self.grid_edit.clear()
        self._show_password_hint()
        self.login_edit.setFocus()

    def _show_password_hint(self) -> None:
        if self.existing:
            self.password_edit.setPlaceholderText(tr("leave empty to keep the password"))
        else:
            self.password_edit.setPlaceholderText(tr("the new login's password"))
        self.password_label.setText(html_text(tr("Password")) + ("" if self.existing else REQUIRED))

    def _roles_changed(self) -> None:
        """The department is required for a department handler; grids belong to supervisors."""
        department = self.role_checks["department"].isChecked()
        self.department_label.setText(html_text(tr("Belongs to department")) + (REQUIRED if department else ""))
        self.grid_box.setEnabled(self.role_checks["supervisor"].isChecked())

    def add_map_grids(self) -> None:
        """Grid codes of the unit grids selected in the project's grid layer."""
        from qgis.core import QgsProject

        from ...layers import GRIDS, find_store_layer

        layer = find_store_layer(QgsProject.instance(), GRIDS)
        if layer is None:
            self.dialog.warn(tr("Add the store layers first (CityGrid ▸ Add store layers), then select grids on "
                                "the map."))
            return
        codes = [str(f["code"]) for f in layer.selectedFeatures() if f["code"]]
        if not codes:
            self.dialog.warn(tr("No grid is selected on the map: select unit grids in the grid layer."))
            return
        merged = grid_codes(self.grid_edit.toPlainText()) + codes
        self.grid_edit.setPlainText("\n".join(dict.fromkeys(merged)))

    def save(self) -> bool:
        login = self.login_edit.text().strip()
        name = self.name_edit.text().strip()
        wanted = [r for r, check in self.role_checks.items() if check.isChecked()]
        department = chosen(self.department_combo)
        password = self.password_edit.text()
        if not login:
            self.missing(tr("Give the login a name: lower-case letters, digits and _."), self.login_edit)
            return False
        if not name:
            self.missing(tr("Give the person's display name."), self.name_edit)
            return False
        if not wanted:
            self.missing(tr("Tick at least one role."))
            return False
        if password != self.password_again.text():
            self.missing(tr("The two passwords differ: type the same password twice."), self.password_again)
            return False
        if not self.existing and not password and login not in {u.login for u in self.users}:
            self.missing(tr("A new login needs a password."), self.password_edit)
            return False
        ok, _ = self.write(roles.save_user, login, wanted, name, department, password or None)
        if not ok:
            return False
        self.password_edit.clear()
        self.password_again.clear()
        done = tr("Login {login} saved.").format(login=login)
        if "supervisor" in wanted:
            codes = grid_codes(self.grid_edit.toPlainText())
            ok, _ = self.write(admin.set_supervisor_grids, login, codes,
                               refused=tr("Login {login} saved, but its grids were not: {error}").format(
                                   login=login, error="{error}"))
            if not ok:   # the login is saved; the grids stay as typed (the message names the codes)
                self.existing = login
                self.login_edit.setReadOnly(True)
                self.load_quietly()
                return False
            done = tr("Login {login} saved with {n} responsibility grids.").format(login=login, n=len(codes))
        self.dialog.saved(done)
        self.existing = login
        self.login_edit.setReadOnly(True)
        self.reload()
        self._show_password_hint()
        return True

    def load_quietly(self) -> None:
        """Re-read the table after a partly refused save without touching the message bar."""
        try:
            self.load()
        except StoreError:
            self.loaded = False   # read again when next shown
