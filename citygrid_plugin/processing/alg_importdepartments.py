"""citygrid:importdepartments — Import departments from a CSV file (导入部门)."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
)

from ..core.columns import DEPARTMENT_ALIASES
from ..core.i18n import tr
from ..core.textio import ENCODINGS, TextInputError, read_table
from ..store.reference import upsert_departments
from .base import CityGridAlgorithm


class ImportDepartmentsAlgorithm(CityGridAlgorithm):
    _id = "importdepartments"
    ENCODING = "ENCODING"

    def displayName(self) -> str:  # noqa: N802
        return tr("Import departments")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Loads departments (专业部门, streets, communities, enterprises) from a CSV file with the "
            "columns code, name, kind, parent_code, phone, note (Chinese headers 编码, 名称, 类型, 上级编码, "
            "电话, 备注 also work). UTF-8 and GBK files are both read (auto-detected). Existing departments "
            "with the same code are updated. Every row is checked first; one bad row rejects the whole "
            "file with the line number, so the store never holds half a file.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterFile(self.INPUT, tr("Departments CSV"), extension="csv"))
        self.addParameter(QgsProcessingParameterEnum(
            self.ENCODING, tr("Encoding"), options=list(ENCODINGS), defaultValue=0))
        self.addOutput(QgsProcessingOutputNumber("INSERTED", tr("New departments")))
        self.addOutput(QgsProcessingOutputNumber("UPDATED", tr("Updated departments")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = self.parameterAsFile(parameters, self.INPUT, context)
        encoding = ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)]
        try:
            table = read_table(path, encoding, DEPARTMENT_ALIASES, required=("code", "name"))
            rows, used = table.rows, table.encoding
        except TextInputError as exc:
            raise QgsProcessingException(str(exc)) from exc
        feedback.pushInfo(tr("Read {n} rows ({encoding})").format(n=len(rows), encoding=used))
        with self.store_session(parameters, context, feedback, srid=False) as store:
            report = upsert_departments(store.conn, rows, source=path, lines=table.lines)
        feedback.pushInfo(tr("{new} new, {updated} updated, {same} unchanged").format(
            new=report.inserted, updated=report.updated, same=report.unchanged))
        return {"INSERTED": report.inserted, "UPDATED": report.updated}
