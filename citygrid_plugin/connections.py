"""Where the store is: a QGIS PostgreSQL connection, a pg_service name, or the private cluster.

A :class:`StoreTarget` gives both what psycopg2 needs (:meth:`StoreTarget.dsn`, with the
password expanded from QGIS's authentication database in memory only) and what QGIS layers
need (:meth:`StoreTarget.layer_uri`, which keeps ``authcfg``/``service`` references and never
a password, so project files and logs stay clean).

The plugin's choice is stored in QgsSettings (``citygrid/connection`` or ``citygrid/service``).
"""
from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsDataSourceUri,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsSettings,
)

from .core.i18n import tr
from .store.db import StoreError, describe, service_dsn

SETTING_KIND = "citygrid/target_kind"
SETTING_NAME = "citygrid/target_name"
KINDS = ("connection", "service", "private")


@dataclass(frozen=True)
class StoreTarget:
    """``kind`` is 'connection' (QGIS connection name), 'service' (pg_service name) or
    'private' (database name in the private cluster)."""

    kind: str
    name: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise StoreError(tr("unknown store target kind '{kind}'").format(kind=self.kind))
        if not self.name.strip():
            raise StoreError(tr("no store connection chosen: pick a QGIS PostgreSQL connection or "
                                "enter a pg_service name in CityGrid ▸ Settings"))

    @property
    def label(self) -> str:
        if self.kind == "connection":
            return tr("QGIS connection '{name}'").format(name=self.name)
        if self.kind == "service":
            return tr("pg_service '{name}'").format(name=self.name)
        return tr("private cluster database '{name}'").format(name=self.name)

    def dsn(self) -> str:
        if self.kind == "service":
            return service_dsn(self.name)
        if self.kind == "private":
            from .store.cluster import PrivateCluster

            cluster = PrivateCluster.default()
            cluster.up()
            cluster.ensure_database(self.name)
            return cluster.dsn(self.name)
        uri = QgsDataSourceUri(_connection(self.name).uri())
        return uri.connectionInfo(True)

    def layer_uri(self) -> QgsDataSourceUri:
        """Base URI for layers (no table yet), without any password."""
        if self.kind == "service":
            return QgsDataSourceUri(f"service='{self.name}'")
        if self.kind == "private":
            from .store.cluster import PrivateCluster

            p = PrivateCluster.default().client_params(self.name)
            uri = QgsDataSourceUri()
            uri.setConnection(p["host"], p["port"], p["dbname"], p["user"], "")
            return uri
        uri = QgsDataSourceUri(_connection(self.name).uri())
        uri.setPassword("")
        return uri

    def describe(self) -> str:
        return f"{self.label} ({describe(self.dsn())})"


def _connection(name: str):
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        found = md.findConnection(name)  # 3.22 returns None, later versions raise
    except QgsProviderConnectionException:
        found = None
    if found is None:
        raise StoreError(tr("there is no QGIS PostgreSQL connection named '{name}'; create it in the "
                            "Browser panel (PostgreSQL ▸ New Connection) or pick another").format(name=name))
    return found


def connection_names() -> list[str]:
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(md.connections().keys())


def save_connection(name: str, host: str, port: int | str, dbname: str, user: str, authcfg: str = "") -> None:
    """Create or replace a QGIS PostgreSQL connection (no password stored; with *authcfg* the
    credentials come from that configuration of QGIS's authentication database)."""
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = QgsDataSourceUri()
    uri.setConnection(host, str(port), dbname, "" if authcfg else user, "", QgsDataSourceUri.SslPrefer, authcfg)
    conn = md.createConnection(uri.uri(False), {"saveUsername": True, "savePassword": False})
    md.saveConnection(conn, name)


def delete_connection(name: str) -> None:
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    if name in md.connections():
        md.deleteConnection(name)


def configured_target() -> StoreTarget | None:
    settings = QgsSettings()
    kind = settings.value(SETTING_KIND, "") or ""
    name = settings.value(SETTING_NAME, "") or ""
    if kind not in KINDS or not name:
        return None
    return StoreTarget(kind, name)


def save_target(target: StoreTarget | None) -> None:
    settings = QgsSettings()
    if target is None:
        settings.remove(SETTING_KIND)
        settings.remove(SETTING_NAME)
    else:
        settings.setValue(SETTING_KIND, target.kind)
        settings.setValue(SETTING_NAME, target.name)
