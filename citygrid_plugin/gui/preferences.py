"""The user's preferences of the plugin's windows, kept in QGIS's settings (per profile)."""
from __future__ import annotations

from qgis.core import QgsSettings

from ..core.workflow import CASE_ROLES

# The case roles whose tabs the case queue hides ("not my roles today"). The hidden ones are kept,
# not the shown ones, so a role added to CityGrid later (数字城管办, issue 16) shows by default.
HIDDEN_SETTING = "citygrid/hidden_roles"
ROLES_SETTING = "citygrid/roles"   # before issue 16: the shown roles, read once and replaced
_ROLES_BEFORE = ("operator", "supervisor", "shift_leader", "dispatcher", "department")


def shown_roles() -> list[str]:
    """The case roles the user chose to see in the case queue (default: all of them; the store
    still decides which of them the login holds)."""
    settings = QgsSettings()
    hidden = settings.value(HIDDEN_SETTING, None)
    if hidden is None:
        old = settings.value(ROLES_SETTING, None)
        hidden = "" if old is None else ",".join(r for r in _ROLES_BEFORE if r not in str(old).split(","))
    hidden_set = set(str(hidden).split(","))
    return [r for r in CASE_ROLES if r not in hidden_set]


def set_shown_roles(roles: list[str]) -> None:
    settings = QgsSettings()
    settings.setValue(HIDDEN_SETTING, ",".join(r for r in CASE_ROLES if r not in roles))
    settings.remove(ROLES_SETTING)
