"""Shared plumbing of CityGrid algorithms: names, groups, help and the store target."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtGui import QIcon

from ..connections import StoreTarget
from ..core.i18n import tr
from ..store.db import StoreError, connect

CONNECTION = "CONNECTION"
SERVICE = "SERVICE"
# group id → translated group name (read when asked, so the installed translator applies)
GROUPS = {
    "store": lambda: tr("Store"),
    "grids": lambda: tr("Unit grids"),
    "census": lambda: tr("Component census"),
    "basemap": lambda: tr("Base map"),
    "hotspots": lambda: tr("Hot spots"),
    "evaluation": lambda: tr("Evaluation and reports"),
}


class CityGridAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set ``_id``, ``_name``, ``_group``/``_group_id`` and ``_help``
    (translatable English literals passed through tr() in the subclass)."""

    _id = ""
    _group_id = "store"

    def createInstance(self):  # noqa: N802
        return type(self)()

    def name(self) -> str:
        return self._id

    def groupId(self) -> str:  # noqa: N802
        return self._group_id

    def group(self) -> str:
        return GROUPS[self._group_id]()

    def icon(self) -> QIcon:
        from .provider import ICON

        return QIcon(str(ICON))

    # -- store target ---------------------------------------------------------------------
    def add_store_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterProviderConnection(
            CONNECTION, tr("PostgreSQL connection of the store"), "postgres", optional=True))
        service = QgsProcessingParameterString(
            SERVICE, tr("…or pg_service name (instead of a QGIS connection)"), optional=True)
        service.setFlags(service.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(service)

    def store_target(self, parameters, context) -> StoreTarget:
        connection = self.parameterAsConnectionName(parameters, CONNECTION, context) or ""
        service = self.parameterAsString(parameters, SERVICE, context) or ""
        if connection and service:
            raise QgsProcessingException(tr("give either a PostgreSQL connection or a pg_service name, not both"))
        if not connection and not service:
            raise QgsProcessingException(tr("no store given: choose a PostgreSQL connection or a pg_service name"))
        try:
            return StoreTarget("connection", connection) if connection else StoreTarget("service", service)
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from exc

    def open_store(self, parameters, context, feedback):
        target = self.store_target(parameters, context)
        try:
            dsn = target.dsn()
            conn = connect(dsn)
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from exc
        feedback.pushInfo(tr("Store: {target}").format(target=target.label))
        return target, conn

    def datetime_parameter(self, parameters, name: str, context):
        """A date-time parameter as an aware datetime (None when not given); a time without a
        zone is Asia/Shanghai wall time, as the centres write it."""
        from datetime import datetime

        from qgis.PyQt.QtCore import Qt

        from ..core.casefilter import CST

        value = self.parameterAsDateTime(parameters, name, context)
        if value is None or not value.isValid():
            return None
        if value.timeSpec() == Qt.LocalTime:
            return value.toPyDateTime().replace(tzinfo=CST)
        return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000.0, CST)

    def store_srid(self, conn, target) -> int:
        """The store's CRS (EPSG code); a database without a store is a clear error."""
        from ..store.migrate import store_srid

        srid = store_srid(conn)
        if srid is None:
            conn.close()
            raise QgsProcessingException(tr("{target} holds no CityGrid store; run “Create or upgrade the "
                                            "CityGrid store” first").format(target=target.label))
        return srid
