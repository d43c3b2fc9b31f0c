"""citygrid:setuproles and citygrid:saveuser — the store's roles and users (角色与用户).

Setting up the roles and adding people are database administration, so both run as the store
owner (a user with CREATEROLE). Passwords never pass through Processing parameters (they would
land in the Processing history and log): the password of a new user is read from a QGIS
authentication configuration (Basic method) by its id, and sent to the server only as a SCRAM
verifier (see :mod:`citygrid_plugin.store.roles`).
"""
from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
)

from ..core.admintables import AdminTableError, parse_grid_codes
from ..core.i18n import tr
from ..store import admin, roles
from ..store.db import StoreError
from .base import CityGridAlgorithm

ROLE_KEYS = list(roles.ROLES)


def role_label(role: str) -> str:
    return {
        "admin": tr("Administrator"), "gis_editor": tr("GIS editor (unit grids)"),
        "surveyor": tr("Surveyor (components)"), "operator": tr("Operator"), "shift_leader": tr("Shift leader"),
        "dispatcher": tr("Dispatcher"), "department": tr("Department handler"), "supervisor": tr("Supervisor"),
        "analyst": tr("Analyst (read-only)"), "bigscreen": tr("Big screen (read-only)"),
        "office": tr("Digital urban management office"), "leader": tr("Leader (read-only)"),
    }[role]


class SetupRolesAlgorithm(CityGridAlgorithm):
    _id = "setuproles"

    def displayName(self) -> str:  # noqa: N802
        return tr("Set up store roles and permissions")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Creates the CityGrid roles on the server (citygrid_admin, citygrid_gis_editor, citygrid_surveyor, "
            "citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_department, "
            "citygrid_supervisor, citygrid_analyst, citygrid_bigscreen) and grants each exactly what its job needs "
            "in this store, with row-level security so that a department handler sees only the cases dispatched "
            "to its department. Re-running it resets the permissions to this list. Run it as the store owner "
            "(a user allowed to create roles), after “Create or upgrade the CityGrid store”.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addOutput(QgsProcessingOutputNumber("ROLES", tr("Roles")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        with self.store_session(parameters, context, feedback) as store:
            roles.setup_roles(store.conn)
        for role, name in roles.ROLES.items():
            feedback.pushInfo(f"citygrid_{role}: {name}")
        return {"ROLES": len(roles.ROLES)}


class SaveUserAlgorithm(CityGridAlgorithm):
    _id = "saveuser"
    LOGIN = "LOGIN"
    NAME = "NAME"
    ROLES = "ROLES"
    DEPARTMENT = "DEPARTMENT"
    PASSWORD = "PASSWORD_AUTHCFG"  # nosec B105 - a parameter name, not a password
    GRIDS = "GRIDS"

    def displayName(self) -> str:  # noqa: N802
        return tr("Add or change a store user")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Creates a login for a person (or changes it): their roles, display name and, for a department "
            "handler, the department whose cases they handle. Roles not chosen are taken away.\n\n"
            "Password: create an authentication configuration (Basic: the user's login and password) in QGIS's "
            "authentication database and choose it here. The password is read from there and sent to the server "
            "only as a SCRAM-SHA-256 verifier; it never appears in the Processing history or log. Without one, "
            "the login exists but cannot sign in with a password until an administrator sets it.\n\n"
            "Responsibility grids (责任网格) of a supervisor: unit grid codes separated by commas; they replace the "
            "supervisor's grids. Left empty, the grids stay as they are.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterString(self.LOGIN, tr("Login (lower-case letters, digits, _)")))
        self.addParameter(QgsProcessingParameterString(self.NAME, tr("Display name")))
        self.addParameter(QgsProcessingParameterEnum(self.ROLES, tr("Roles"),
                                                     options=[role_label(r) for r in ROLE_KEYS], allowMultiple=True))
        self.addParameter(QgsProcessingParameterString(self.DEPARTMENT, tr("Department code (department handlers)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterAuthConfig(self.PASSWORD, tr("Password from an authentication "
                                                                             "configuration"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.GRIDS, tr("Responsibility grids of a supervisor (unit grid codes, comma separated; empty: "
                           "unchanged)"), optional=True))
        self.addOutput(QgsProcessingOutputString("LOGIN", tr("Login")))
        self.addOutput(QgsProcessingOutputString("ROLES_GRANTED", tr("Roles granted")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        login = self.parameterAsString(parameters, self.LOGIN, context).strip()
        chosen = [ROLE_KEYS[i] for i in self.parameterAsEnums(parameters, self.ROLES, context)]
        grids_text = (self.parameterAsString(parameters, self.GRIDS, context) or "").strip()
        try:
            grids = parse_grid_codes(grids_text) if grids_text else None
        except AdminTableError as exc:
            raise QgsProcessingException(str(exc)) from exc
        if grids is not None and "supervisor" not in chosen:
            raise QgsProcessingException(tr("responsibility grids are a supervisor's: choose the role Supervisor or "
                                            "leave GRIDS empty"))
        password = None
        authcfg = self.parameterAsString(parameters, self.PASSWORD, context)
        if authcfg:
            config = QgsAuthMethodConfig()
            if not QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True):
                raise QgsProcessingException(tr("authentication configuration '{id}' not found, or the "
                                                "authentication database is locked").format(id=authcfg))
            password = config.config("password")
            if not password:
                raise QgsProcessingException(tr("authentication configuration '{id}' holds no password "
                                                "(use the Basic method)").format(id=authcfg))
        with self.store_session(parameters, context, feedback) as store:
            user = roles.save_user(store.conn, login, chosen, self.parameterAsString(parameters, self.NAME, context),
                                   self.parameterAsString(parameters, self.DEPARTMENT, context).strip() or None,
                                   password=password)
            if grids is not None:
                try:
                    admin.set_supervisor_grids(store.conn, user.login, grids)
                except StoreError as exc:
                    raise QgsProcessingException(tr("{login} was saved, but not the responsibility grids: {error}")
                                                 .format(login=user.login, error=exc)) from exc
                feedback.pushInfo(tr("{login}: responsibility grids {grids}").format(
                    login=user.login, grids=", ".join(grids) or "—"))
        granted = ", ".join(f"citygrid_{r}" for r in user.roles)
        feedback.pushInfo(tr("{login}: {roles}; password {state}").format(
            login=user.login, roles=granted, state=tr("set") if password else tr("unchanged")))
        return {"LOGIN": user.login, "ROLES_GRANTED": granted}
