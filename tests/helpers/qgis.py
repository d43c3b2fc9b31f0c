"""Helpers for tests that use QGIS (import only from tests that run with QGIS)."""
from __future__ import annotations

from qgis.core import QgsApplication, QgsAuthMethodConfig


def auth_config(login: str, password: str) -> str:
    """Store *login*/*password* in QGIS's authentication database (as a person does in the
    connection dialog); return the configuration id a connection refers to."""
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("citygrid-tests-master", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName(f"CityGrid {login}")
    config.setConfig("username", login)
    config.setConfig("password", password)
    ok, stored = manager.storeAuthenticationConfig(config)
    assert ok
    return stored.id()
