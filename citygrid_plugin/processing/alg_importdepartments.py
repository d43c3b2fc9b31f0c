"""citygrid:importdepartments — Import departments from a CSV file (导入部门)."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
)

from ..core.i18n import tr
from ..core.textio import ENCODINGS, TextInputError, read_table
from ..store.db import StoreError
from ..store.reference import upsert_departments
from .base import CityGridAlgorithm

HEADER_ALIASES = {
    "编码": "code", "代码": "code", "部门编码": "code", "部门代码": "code",
    "名称": "name", "部门名称": "name",
    "类型": "kind", "部门类型": "kind",
    "上级": "parent_code", "上级编码": "parent_code", "上级部门编码": "parent_code", "parent": "parent_code",
    "电话": "phone", "联系电话": "phone",
    "备注": "note",
}


class ImportDepartmentsAlgorithm(CityGridAlgorithm):
    _id = "importdepartments"
    INPUT = "INPUT"
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
            table = read_table(path, encoding, HEADER_ALIASES, required=("code", "name"))
            rows, used = table.rows, table.encoding
        except TextInputError as exc:
            raise QgsProcessingException(str(exc)) from exc
        feedback.pushInfo(tr("Read {n} rows ({encoding})").format(n=len(rows), encoding=used))
        _target, conn = self.open_store(parameters, context, feedback)
        try:
            report = upsert_departments(conn, rows, source=path, lines=table.lines)
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        feedback.pushInfo(tr("{new} new, {updated} updated, {same} unchanged").format(
            new=report.inserted, updated=report.updated, same=report.unchanged))
        return {"INSERTED": report.inserted, "UPDATED": report.updated}
