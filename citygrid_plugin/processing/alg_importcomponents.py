"""citygrid:importcomponents — Import components (导入部件) from any OGR source or CSV."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..core.columns import COMPONENT_ALIASES, STORE_FIELD, ColumnError, find_column, normalise_date, text
from ..core.i18n import tr
from ..core.textio import ENCODINGS, TextInputError, read_table
from ..features import make_fields
from ..store.components import (
    ComponentRow,
    ImportReport,
    import_components,
    store_class_table,
    store_departments,
    store_profile,
)
from .base import CityGridAlgorithm


def census_date(value) -> str | None:
    """A census date as YYYY-MM-DD: a layer's QDate or QDateTime as it is, anything else read by
    :func:`~citygrid_plugin.core.columns.normalise_date`."""
    if isinstance(value, QDateTime):
        value = value.date()
    if isinstance(value, QDate):
        return None if value.isNull() else value.toString("yyyy-MM-dd")
    return normalise_date(value)


def _reprojected(geom: QgsGeometry, xform, src, dst) -> tuple[bytes | None, str | None]:
    """(WKB in the store CRS, None), or (None, why) when the coordinates cannot be reprojected —
    typically metres in a layer that says it is in degrees."""
    if xform is not None:
        try:
            geom.transform(xform)
        except QgsCsException as exc:
            return None, tr("cannot be reprojected from {src} to {dst} ({error}); are the coordinates really in "
                            "{src}?").format(src=src.authid(), dst=dst.authid(), error=" ".join(str(exc).split()))
    return bytes(geom.asWkb()), None


class ImportComponentsAlgorithm(CityGridAlgorithm):
    _id = "importcomponents"
    _group_id = "census"
    CSV = "CSV"
    ENCODING = "ENCODING"
    CSV_CRS = "CSV_CRS"
    CLASS_FIELD = "CLASS_FIELD"
    DEPT1_FIELD = "DEPT1_FIELD"
    X_FIELD = "X_FIELD"
    Y_FIELD = "Y_FIELD"
    DEFAULT_DEPT1 = "DEFAULT_DEPT1"
    DUPLICATE_M = "DUPLICATE_M"
    IMPORT_DUPLICATES = "IMPORT_DUPLICATES"
    ALL_OR_NOTHING = "ALL_OR_NOTHING"
    REJECTED = "REJECTED"
    DUPLICATES = "DUPLICATES"

    def displayName(self) -> str:  # noqa: N802
        return tr("Import components")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Imports components (管理部件) from a layer (any OGR source: GeoPackage, shapefile, …) or from a CSV "
            "file with X/Y columns (UTF-8 or GBK, detected). Columns are found by name — class_code or 部件名称/"
            "部件代码 (a class code or a Chinese class name), 主管部门/权属单位/养护单位 (department codes or names), "
            "状态, 数据来源, 普查日期, 备注 … — or chosen explicitly. Geometries are reprojected to the store CRS. "
            "The store issues every code and assigns the unit grid by location.\n\n"
            "Every row ends in exactly one place: imported (with its new code), rejected (with the reason, in the "
            "rejects layer) or a suspected duplicate (same class within the tolerance of a component already in "
            "the store or of an earlier row; held back unless “Import suspected duplicates” is on). With “All or "
            "nothing” one rejected row rejects the whole file. Nothing is written when the import fails.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Components layer"), [QgsProcessing.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.CSV, tr("…or a CSV file with X/Y columns"), extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.ENCODING, tr("CSV encoding"), options=list(ENCODINGS),
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterCrs(self.CSV_CRS, tr("CRS of the CSV coordinates"), optional=True))
        for key, label in ((self.CLASS_FIELD, tr("Class column (code or Chinese name)")),
                           (self.DEPT1_FIELD, tr("Responsible department column (主管部门)")),
                           (self.X_FIELD, tr("X column (CSV)")), (self.Y_FIELD, tr("Y column (CSV)"))):
            self.addParameter(QgsProcessingParameterString(key, label, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DEFAULT_DEPT1, tr("Responsible department when the row has none (code or name)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DUPLICATE_M, tr("Duplicate tolerance (m)"), QgsProcessingParameterNumber.Double, 1.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(self.IMPORT_DUPLICATES, tr("Import suspected duplicates"),
                                                        False))
        self.addParameter(QgsProcessingParameterBoolean(self.ALL_OR_NOTHING, tr("All or nothing"), False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REJECTED, tr("Rejected rows"), QgsProcessing.TypeVectorPoint, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.DUPLICATES, tr("Suspected duplicates"), QgsProcessing.TypeVectorPoint, optional=True))
        for key, label in (("IMPORTED", tr("Imported")), ("REJECTED_COUNT", tr("Rejected")),
                           ("DUPLICATE_COUNT", tr("Suspected duplicates"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        with self.store_session(parameters, context, feedback, errors=(TextInputError, ColumnError)) as store:
            conn = store.conn
            store_crs = QgsCoordinateReferenceSystem(f"EPSG:{store.srid}")
            profile = store_profile(conn)
            classes = store_class_table(conn, profile)
            departments = store_departments(conn)
            default_dept = text(self.parameterAsString(parameters, self.DEFAULT_DEPT1, context))
            if default_dept and default_dept not in departments:
                raise QgsProcessingException(tr("department '{value}' is not in the store").format(value=default_dept))
            records = list(self._records(parameters, context, feedback, store_crs))
            rows, early = [], []
            for ref, values, geom, problem in records:
                if problem:
                    early.append((ref, problem, None))
                    continue
                row, reason = self._map_row(ref, values, geom, classes, departments, default_dept, profile)
                if reason:
                    early.append((ref, reason, geom))
                else:
                    rows.append(row)
            feedback.pushInfo(tr("{n} rows read; {bad} rejected before the store").format(
                n=len(records), bad=len(early)))
            all_or_nothing = self.parameterAsBoolean(parameters, self.ALL_OR_NOTHING, context)
            if all_or_nothing and early:
                report = ImportReport()
            else:
                report = import_components(
                    conn, rows, self.parameterAsDouble(parameters, self.DUPLICATE_M, context),
                    self.parameterAsBoolean(parameters, self.IMPORT_DUPLICATES, context), all_or_nothing)
            rejected = early + report.rejected
            if all_or_nothing and rejected:
                report.imported = []
        if all_or_nothing and rejected:
            feedback.reportError(tr("“All or nothing”: {n} rows rejected, so nothing was imported").format(
                n=len(rejected)))
        for ref, reason, _g in rejected[:50]:
            feedback.pushWarning(f"{ref}: {reason}")
        if len(rejected) > 50:
            feedback.pushWarning(tr("… and {n} more rejected rows (see the rejects layer)").format(
                n=len(rejected) - 50))
        feedback.pushInfo(tr("imported {imported}, rejected {rejected}, suspected duplicates {dups}").format(
            imported=len(report.imported), rejected=len(rejected), dups=len(report.duplicates)))
        out = {"IMPORTED": len(report.imported), "REJECTED_COUNT": len(rejected),
               "DUPLICATE_COUNT": len(report.duplicates)}
        out.update(self._write(parameters, context, self.REJECTED, store_crs,
                               [(ref, reason, g) for ref, reason, g in rejected], ("reason",)))
        out.update(self._write(parameters, context, self.DUPLICATES, store_crs,
                               [(ref, f"{near} ({metres:.2f} m)", g) for ref, near, metres, g in report.duplicates],
                               ("near",)))
        return out

    # -- reading ----------------------------------------------------------------------------
    def _records(self, parameters, context, feedback, store_crs):
        """(ref, {column: value}, geometry WKB in the store CRS or None, a problem or None) for
        every input row; a geometry that cannot be reprojected is that row's problem."""
        csv_path = self.parameterAsFile(parameters, self.CSV, context)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if bool(csv_path) == (source is not None):
            raise QgsProcessingException(tr("give either a components layer or a CSV file"))
        if csv_path:
            encoding = ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)]
            table = read_table(csv_path, encoding)
            rows = table.rows
            feedback.pushInfo(tr("Read {n} rows ({encoding})").format(n=len(rows), encoding=table.encoding))
            names = table.columns
            xcol = find_column(names, "x", self.parameterAsString(parameters, self.X_FIELD, context))
            ycol = find_column(names, "y", self.parameterAsString(parameters, self.Y_FIELD, context))
            if not xcol or not ycol:
                raise QgsProcessingException(tr("the CSV has no X/Y columns (columns: {columns}); choose them "
                                                "in the parameters").format(columns=", ".join(names)))
            crs = self.parameterAsCrs(parameters, self.CSV_CRS, context)
            crs = crs if crs.isValid() else store_crs
            xform = None if crs == store_crs else QgsCoordinateTransform(crs, store_crs, context.transformContext())
            if xform is not None:
                feedback.pushInfo(tr("CSV coordinates: reprojecting from {src} to {dst}").format(
                    src=crs.authid(), dst=store_crs.authid()))
            for line, row in zip(table.lines, rows):   # the line the row starts on, as an editor shows it
                ref = tr("line {line}").format(line=line)
                try:
                    point = QgsGeometry.fromPointXY(QgsPointXY(float(row[xcol]), float(row[ycol])))
                except (TypeError, ValueError):
                    yield ref, row, None, None
                    continue
                yield ref, row, *_reprojected(point, xform, crs, store_crs)
            return
        xform = None
        if source.sourceCrs() != store_crs:
            feedback.pushInfo(tr("{layer}: reprojecting from {src} to {dst}").format(
                layer=source.sourceName(), src=source.sourceCrs().authid(), dst=store_crs.authid()))
            xform = QgsCoordinateTransform(source.sourceCrs(), store_crs, context.transformContext())
        names = source.fields().names()
        request = QgsFeatureRequest().setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
        for feature in source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("canceled; nothing was written"))
            geom = feature.geometry()
            wkb, problem = None, None
            if not geom.isNull() and not geom.isEmpty():
                wkb, problem = _reprojected(geom, xform, source.sourceCrs(), store_crs)
            yield (tr("feature {fid}").format(fid=feature.id()),
                   {name: feature[name] for name in names}, wkb, problem)

    def _map_row(self, ref, values, wkb, classes, departments, default_dept, profile):
        """Map one source row to store columns; return (ComponentRow, None) or (None, reason)."""
        names = list(values.keys())
        params = getattr(self, "_explicit", {})
        mapped = {}
        for key in COMPONENT_ALIASES:
            if key in ("x", "y"):
                continue
            column = find_column(names, key, params.get(key, ""))
            if column is not None:
                mapped[STORE_FIELD.get(key, key)] = values.get(column)
        raw_class = text(mapped.get("class_code"))
        if raw_class is None:
            return None, tr("no class (give a class code or a Chinese class name)")
        entry = classes.get(raw_class) or classes.lookup_name(raw_class)
        if entry is None:
            return None, tr("class '{value}' is neither a class code nor a class name of profile {profile}").format(
                value=raw_class, profile=profile)
        mapped["class_code"] = entry.code
        for field in ("dept1_code", "dept2_code", "dept3_code"):
            value = text(mapped.get(field))
            if value is None and field == "dept1_code":
                value = default_dept
            if value is not None:
                code = departments.get(value)
                if code is None:
                    return None, tr("department '{value}' is not in the store (by code or name)").format(value=value)
                value = code
            mapped[field] = value
        mapped["census_date"] = census_date(mapped.get("census_date"))
        for key in ("state", "data_source", "accuracy", "material", "site_name", "stop_name", "sculpture_name",
                    "equipment_count", "spec", "photo", "note", "uid"):
            if key in mapped:
                mapped[key] = text(mapped[key])
        if wkb is None:
            return None, tr("no geometry (or coordinates that are not numbers)")
        return ComponentRow(ref, mapped, wkb), None

    def _write(self, parameters, context, key, crs, items, extra):
        fields = make_fields([("ref", QVariant.String)] + [(name, QVariant.String) for name in extra])
        # one point per row, where it is (the representative point of a line or polygon)
        sink, dest = self.parameterAsSink(parameters, key, context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            return {}
        for ref, message, wkb in items:
            feature = QgsFeature(fields)
            feature.setAttributes([ref, message])
            if wkb:
                geom = QgsGeometry()
                geom.fromWkb(wkb)
                if not geom.isEmpty():
                    feature.setGeometry(geom if geom.type() == QgsWkbTypes.PointGeometry and not geom.isMultipart()
                                        else geom.pointOnSurface())
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return {key: dest}

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._explicit = {"class": self.parameterAsString(parameters, self.CLASS_FIELD, context) or "",
                          "dept1": self.parameterAsString(parameters, self.DEPT1_FIELD, context) or ""}
        return True
