"""The user's preferences of the plugin's windows, kept in QGIS's settings (per profile)."""
from __future__ import annotations

from qgis.core import QgsSettings

from ..core.workflow import CASE_ROLES

ROLES_SETTING = "citygrid/roles"   # the case roles whose tabs the case queue shows ("my roles today")


def shown_roles() -> list[str]:
    """The case roles the user chose to see in the case queue (default: all of them; the store
    still decides which of them the login holds)."""
    value = QgsSettings().value(ROLES_SETTING, ",".join(CASE_ROLES)) or ""
    return [r for r in str(value).split(",") if r in CASE_ROLES]


def set_shown_roles(roles: list[str]) -> None:
    QgsSettings().setValue(ROLES_SETTING, ",".join(r for r in CASE_ROLES if r in roles))
