"""CityGrid ▸ Settings: choose the store (a QGIS PostgreSQL connection or a pg_service name),
test it, create or upgrade it, and choose the plugin language."""
from __future__ import annotations

from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsSettings
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ... import i18n
from ...connections import StoreTarget, configured_target, connection_names, save_target
from ...core.i18n import tr
from ...core.labels import store_role_label
from ...core.workflow import CASE_ROLES, role_label
from ...store.db import StoreError, connect
from ...store.migrate import MigrationError, discover
from ...store.roles import login_of, my_roles
from ...store.summary import describe_store
from ..preferences import set_shown_roles, shown_roles


class SettingsDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("CityGridSettingsDialog")
        self.setWindowTitle(tr("CityGrid settings"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)

        box = QGroupBox(tr("Store"))
        form = QFormLayout(box)
        self.use_connection = QRadioButton(tr("QGIS PostgreSQL connection"))
        self.connection_combo = QComboBox()
        self.connection_combo.addItems(connection_names())
        self.use_service = QRadioButton(tr("pg_service name"))
        self.service_edit = QLineEdit()
        self.service_edit.setPlaceholderText("citygrid")
        group = QButtonGroup(self)
        group.addButton(self.use_connection)
        group.addButton(self.use_service)
        form.addRow(self.use_connection, self.connection_combo)
        form.addRow(self.use_service, self.service_edit)
        buttons = QHBoxLayout()
        self.test_button = QPushButton(tr("Test connection"))
        self.upgrade_button = QPushButton(tr("Create or upgrade the store"))
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.upgrade_button)
        form.addRow(buttons)
        self.status = QLabel()
        self.status.setTextFormat(Qt.PlainText)  # server messages quote names the user typed
        self.status.setWordWrap(True)
        self.status.setObjectName("status")
        form.addRow(self.status)
        layout.addWidget(box)

        roles_box = QGroupBox(tr("Case queue tabs"))
        roles_layout = QVBoxLayout(roles_box)
        self.login_label = QLabel(tr("Test the connection to see the login and the roles it holds."))
        self.login_label.setTextFormat(Qt.PlainText)
        self.login_label.setWordWrap(True)
        self.login_label.setObjectName("login")
        roles_layout.addWidget(self.login_label)
        checks = QHBoxLayout()
        self.role_checks = {}
        mine = set(shown_roles())
        for role in CASE_ROLES:
            check = QCheckBox(role_label(role))
            check.setChecked(role in mine)
            check.setToolTip(tr("Show this role's tabs in the case queue (if the login holds the role)"))
            self.role_checks[role] = check
            checks.addWidget(check)
        roles_layout.addLayout(checks)
        layout.addWidget(roles_box)

        lang_box = QGroupBox(tr("Language"))
        lang_form = QFormLayout(lang_box)
        self.language_combo = QComboBox()
        for key, label in i18n.LANGUAGES.items():
            self.language_combo.addItem(label, key)
        current = QgsSettings().value(i18n.SETTING, "zh_CN")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(current)))
        lang_form.addRow(tr("Plugin language (applies after restarting QGIS)"), self.language_combo)
        layout.addWidget(lang_box)

        self.button_box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)

        self.test_button.clicked.connect(self.test_connection)
        self.upgrade_button.clicked.connect(self.create_or_upgrade)
        self._load(configured_target())

    def _load(self, target: StoreTarget | None) -> None:
        if target is not None and target.kind == "service":
            self.use_service.setChecked(True)
            self.service_edit.setText(target.name)
        else:
            self.use_connection.setChecked(True)
            if target is not None and target.kind == "connection":
                index = self.connection_combo.findText(target.name)
                if index < 0:
                    self.connection_combo.addItem(target.name)
                    index = self.connection_combo.count() - 1
                self.connection_combo.setCurrentIndex(index)

    def target(self) -> StoreTarget:
        if self.use_service.isChecked():
            return StoreTarget("service", self.service_edit.text().strip())
        return StoreTarget("connection", self.connection_combo.currentText())

    def test_connection(self) -> bool:
        """Connect and describe the store in the status line; return True when it is usable."""
        try:
            conn = connect(self.target().dsn())
            try:
                info = describe_store(conn)
                conn_roles = (login_of(conn), *my_roles(conn)) if info["version"] else None
            finally:
                conn.close()
        except (StoreError, MigrationError) as exc:
            self.status.setText(tr("Error: {error}").format(error=exc))
            return False
        latest = discover()[-1].version
        if not info["version"]:
            self.status.setText(tr("Connected. This database holds no CityGrid store yet: "
                                   "click “Create or upgrade the store”."))
            return False
        self._show_login(conn_roles)
        counts = info.get("counts", {})
        text = tr("Connected: store version {version} (plugin {latest}), EPSG:{srid}, {communities} "
                  "communities, {departments} departments.").format(
            version=info["version"], latest=latest, srid=info["srid"],
            communities=counts.get("communities", 0), departments=counts.get("departments", 0))
        if info["version"] < latest:
            text += " " + tr("The store is older than the plugin: upgrade it.")
        self.status.setText(text)
        return info["version"] == latest

    def _show_login(self, roles) -> None:
        """Who is logged in and which store roles the login holds; the tabs of roles it does not
        hold are not offered."""
        if roles is None:
            return
        login, held, department = roles
        names = "、".join(store_role_label(r) for r in held) or tr("none")
        text = tr("Login {login}: roles {roles}").format(login=login, roles=names)
        if department:
            text += tr("; department {department}").format(department=department)
        self.login_label.setText(text)
        for role, check in self.role_checks.items():
            check.setEnabled(role in held)

    def create_or_upgrade(self) -> bool:
        import processing

        target = self.target()
        params = {"CONNECTION": target.name} if target.kind == "connection" else {"SERVICE": target.name}
        try:
            result = processing.run("citygrid:createstore", params, feedback=QgsProcessingFeedback())
        except QgsProcessingException as exc:
            self.status.setText(tr("Error: {error}").format(error=exc))
            return False
        self.status.setText(tr("Store at version {version} ({applied} migrations applied).").format(
            version=int(result["VERSION"]), applied=int(result["APPLIED"])))
        return True

    def accept(self) -> None:
        try:
            save_target(self.target())
        except StoreError as exc:
            self.status.setText(tr("Error: {error}").format(error=exc))
            return
        QgsSettings().setValue(i18n.SETTING, self.language_combo.currentData())
        set_shown_roles([r for r, c in self.role_checks.items() if c.isChecked()])
        super().accept()
