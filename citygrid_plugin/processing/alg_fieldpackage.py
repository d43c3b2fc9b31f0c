"""citygrid:exportpackage and citygrid:syncpackage — field-work packages for the component
census (部件普查外业数据包): a GeoPackage plus a QGIS project that open offline in QGIS or
QField, and the three-way sync that brings the field work back into the store."""
from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDefaultValue,
    QgsFieldConstraints,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ..core.i18n import tr
from ..forms import configure_component_layer
from ..layers import apply_style
from ..store import fieldwork
from ..store.db import StoreError
from .base import CityGridAlgorithm

FORBIDDEN_IN_PROJECT = ("host=", "password", "service=")


class ExportPackageAlgorithm(CityGridAlgorithm):
    _id = "exportpackage"
    _group_id = "census"
    GRIDS = "GRIDS"
    GRID_LAYER = "GRID_LAYER"
    GRID_FIELD = "GRID_FIELD"
    OUTPUT_DIR = "OUTPUT_DIR"
    NAME = "NAME"
    BASEMAP = "BASEMAP"

    def displayName(self) -> str:  # noqa: N802
        return tr("Export a census field package")

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Writes a field-work package for the component census of some unit grids: a GeoPackage with the "
            "components (points, lines, polygons), the grids for reference and a snapshot for the sync, and a QGIS "
            "project beside it (relative paths, forms and styles ready) that opens offline in QGIS or QField. "
            "Choose the grids by code (15-digit grid codes, or 12-digit communities, 9-digit streets, 6-digit "
            "districts, separated by commas) or by picking them on a grid layer (selected features only). "
            "New features get a uid in the form and no code: the store issues the code at the sync. Base map "
            "layers are copied, clipped to the grids, so the package needs no network. The project holds no "
            "reference to the store and no password. An existing package is never overwritten.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.GRIDS, tr("Unit grid codes (comma-separated; community, street or district codes take all their "
                           "grids)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.GRID_LAYER, tr("…or unit grids picked on a layer"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.GRID_FIELD, tr("Grid code field"), "code", self.GRID_LAYER, optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_DIR, tr("Package folder")))
        self.addParameter(QgsProcessingParameterString(
            self.NAME, tr("Package name (default: census_<first grid>_<date>)"), optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.BASEMAP, tr("Base map layers to copy into the package"), QgsProcessing.TypeMapLayer,
            optional=True))
        self.addOutput(QgsProcessingOutputFile("PACKAGE", tr("GeoPackage")))
        self.addOutput(QgsProcessingOutputFile("PROJECT", tr("QGIS project")))
        self.addOutput(QgsProcessingOutputNumber("COMPONENTS", tr("Components exported")))
        self.addOutput(QgsProcessingOutputNumber("GRID_COUNT", tr("Unit grids exported")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        text = self.parameterAsString(parameters, self.GRIDS, context) or ""
        try:
            tokens = fieldwork.parse_grid_selection(text)
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from exc
        source = self.parameterAsSource(parameters, self.GRID_LAYER, context)
        if source is not None:
            field = self.parameterAsString(parameters, self.GRID_FIELD, context) or "code"
            if source.fields().indexOf(field) < 0:
                raise QgsProcessingException(tr("the grid layer has no field '{field}'").format(field=field))
            picked = sorted({str(f[field]) for f in source.getFeatures() if f[field]})
            tokens += [c for c in picked if c not in tokens]
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_DIR, context))
        with self.store_session(parameters, context, feedback) as store:
            srid = store.srid
            first = fieldwork.select_grids(store.conn, tokens)[0][0] if tokens else ""
            name = (self.parameterAsString(parameters, self.NAME, context) or "").strip() or \
                f"census_{first}_{datetime.date.today():%Y%m%d}"
            if any(ch in name for ch in '/\\:*?"<>|'):
                raise QgsProcessingException(tr("the package name '{name}' contains a character not allowed in "
                                                "file names").format(name=name))
            gpkg = folder / f"{name}.gpkg"
            qgz = folder / f"{name}.qgz"
            if qgz.exists():
                raise QgsProcessingException(tr("{path} already exists; choose another name or folder").format(
                    path=qgz))
            report = fieldwork.export_package(store.conn, tokens, gpkg, store.target.describe(), srid)
        feedback.pushInfo(tr("{n} components in {grids} unit grids written to {path}").format(
            n=report.total, grids=len(report.grids), path=gpkg))
        try:
            basemaps = copy_basemaps(self.parameterAsLayerList(parameters, self.BASEMAP, context), gpkg, srid,
                                     context, feedback)
            write_project(gpkg, qgz, srid, basemaps)
        except BaseException as exc:
            message = fieldwork.write_failure(qgz, exc) if isinstance(
                exc, OSError | RuntimeError | zipfile.BadZipFile) else None
            qgz.unlink(missing_ok=True)
            fieldwork.remove_package_files(gpkg)
            for tif in (folder / "basemap").glob(f"{gpkg.stem}_basemap_*.tif"):
                tif.unlink(missing_ok=True)
            if message:
                raise QgsProcessingException(message) from exc
            raise
        feedback.pushInfo(tr("Project: {path}").format(path=qgz))
        return {"PACKAGE": str(gpkg), "PROJECT": str(qgz), "COMPONENTS": report.total,
                "GRID_COUNT": len(report.grids)}


# -- project -------------------------------------------------------------------------------------
def _titles() -> dict[str, str]:
    return {"point": tr("Components (points)"), "line": tr("Components (lines)"),
            "polygon": tr("Components (polygons)")}


def _package_layer(gpkg: Path, table: str, title: str, subset: str = "") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{gpkg}|layername={table}" + (f"|subset={subset}" if subset else ""), title, "ogr")
    if not layer.isValid():
        raise QgsProcessingException(tr("cannot open {layer} in {path}").format(layer=table, path=gpkg))
    return layer


def write_project(gpkg: Path, qgz: Path, srid: int, basemaps: list) -> QgsProject:
    """The package project: component layers with forms and styles, the grids read-only, the
    base maps; relative paths; CRS of the store; checked to hold no store reference. The class
    and department lists of the forms are tables of the package (in the project, not in the
    legend), so the forms work offline."""
    project = QgsProject()
    project.setFileName(str(qgz))
    project.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{srid}"))
    project.writeEntryBool("Paths", "/Absolute", False)
    project.setTitle(tr("Component census package {name}").format(name=gpkg.stem))
    root = project.layerTreeRoot()
    departments = _package_layer(gpkg, "lookup_department", tr("Departments"))
    lookups = [departments]
    for kind in ("point", "line", "polygon"):
        layer = _package_layer(gpkg, fieldwork.LAYERS[kind], _titles()[kind])
        majors = _package_layer(gpkg, "lookup_major", tr("Major classes ({kind})").format(kind=kind),
                                f"\"geometry_type\" = '{kind}'")
        classes = _package_layer(gpkg, "lookup_class", tr("Component classes ({kind})").format(kind=kind),
                                 f"\"geometry_type\" = '{kind}'")
        lookups += [majors, classes]
        apply_style(layer, fieldwork.LAYERS[kind])
        configure_forms(layer, majors, classes, departments)
        project.addMapLayer(layer, False)
        root.addLayer(layer)
    grids = QgsVectorLayer(f"{gpkg}|layername={fieldwork.GRIDS_LAYER}", tr("Unit grids"), "ogr")
    apply_style(grids, "grid")
    grids.setReadOnly(True)
    form = grids.editFormConfig()
    for i in range(grids.fields().count()):
        form.setReadOnly(i, True)
    grids.setEditFormConfig(form)
    project.addMapLayer(grids, False)
    root.addLayer(grids)
    for layer in basemaps:
        project.addMapLayer(layer, False)
        root.addLayer(layer)
    for layer in lookups:   # in the project for the forms, not in the legend
        layer.setReadOnly(True)
        project.addMapLayer(layer, False)
    if grids.extent() and not grids.extent().isEmpty():
        view = project.viewSettings()
        view.setDefaultViewExtent(QgsReferencedRectangle(grids.extent(), project.crs()))
    try:
        if not project.write():
            raise OSError(project.error() or tr("QGIS could not write the project"))
        # QGIS 3.22 reports success even when the zip could not be written whole (a full disk):
        # the project is trusted only once it reads back
        leaks = project_store_references(qgz)
    except BaseException:
        project.clear()  # let go of the package's files, so they can be removed
        raise
    if leaks:
        raise QgsProcessingException(tr("the package project would refer to the store ({found}); it must open "
                                        "offline").format(found=", ".join(leaks)))
    return project


def project_store_references(qgz: Path) -> list[str]:
    """Connection strings found in the project XML (host=, password, service=): none allowed."""
    with zipfile.ZipFile(qgz) as archive:
        xml = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith(".qgs"))
    return [s for s in FORBIDDEN_IN_PROJECT if s in xml.lower()]


def configure_forms(layer, majors, classes, departments) -> None:
    """The census form (:func:`citygrid_plugin.forms.configure_component_layer`, the same as on
    the store's layers, with the package's lookup tables), then the rules the sync relies on: a
    fresh uid for every new feature (unique, so a pasted copy gets its own) and the
    store-maintained fields read-only."""
    configure_component_layer(layer, majors_layer=majors, classes_layer=classes, departments_layer=departments)
    fields = layer.fields()
    form = layer.editFormConfig()
    for name in fieldwork.READ_ONLY:
        idx = fields.indexOf(name)
        if idx >= 0:
            form.setReadOnly(idx, True)
    layer.setEditFormConfig(form)
    uid = fields.indexOf("uid")
    layer.setDefaultValueDefinition(uid, QgsDefaultValue("uuid('WithoutBraces')", False))
    layer.setFieldConstraint(uid, QgsFieldConstraints.ConstraintUnique, QgsFieldConstraints.ConstraintStrengthHard)
    layer.setFieldConstraint(uid, QgsFieldConstraints.ConstraintNotNull, QgsFieldConstraints.ConstraintStrengthHard)


# -- base maps -----------------------------------------------------------------------------------
def copy_basemaps(layers, gpkg: Path, srid: int, context, feedback) -> list:
    """Copy base map layers next to the components, clipped to the grids (+100 m): vector layers
    into the GeoPackage, file rasters to GeoTIFFs in ``basemap/``. Online layers are skipped
    (the package must work without network)."""
    if not layers:
        return []
    grids = QgsVectorLayer(f"{gpkg}|layername={fieldwork.GRIDS_LAYER}", "grids", "ogr")
    extent = QgsRectangle(grids.extent())
    extent.grow(100)
    store_crs = QgsCoordinateReferenceSystem(f"EPSG:{srid}")
    copied = []
    for i, layer in enumerate(layers, start=1):
        xform = QgsCoordinateTransform(store_crs, layer.crs(), context.transformContext())
        try:
            local_extent = xform.transformBoundingBox(extent)
        except Exception:  # noqa: BLE001 — a CRS without a transformation: copy the whole layer
            local_extent = None
        table = f"basemap_{i}"
        if layer.type() == QgsMapLayer.VectorLayer:
            options = QgsVectorFileWriter.SaveVectorOptions()
            options.driverName = "GPKG"
            options.layerName = table
            options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
            if local_extent is not None:
                options.filterExtent = local_extent
            error, message, *_rest = QgsVectorFileWriter.writeAsVectorFormatV3(
                layer, str(gpkg), context.transformContext(), options)
            if error != QgsVectorFileWriter.NoError:
                feedback.pushWarning(tr("base map {layer} not copied: {error}").format(layer=layer.name(),
                                                                                       error=message))
                continue
            copy = QgsVectorLayer(f"{gpkg}|layername={table}", layer.name(), "ogr")
        elif layer.type() == QgsMapLayer.RasterLayer and layer.providerType() == "gdal" and \
                Path(layer.source()).exists():
            out = gpkg.parent / "basemap" / f"{gpkg.stem}_{table}.tif"
            out.parent.mkdir(exist_ok=True)
            kwargs = {}
            if local_extent is not None:
                kwargs["projWin"] = [local_extent.xMinimum(), local_extent.yMaximum(), local_extent.xMaximum(),
                                     local_extent.yMinimum()]
            if gdal.Translate(str(out), layer.source(), creationOptions=["COMPRESS=DEFLATE", "TILED=YES"],
                              **kwargs) is None:
                out.unlink(missing_ok=True)
                raise OSError(tr("cannot write {path}: {error}").format(path=out, error=gdal.GetLastErrorMsg()))
            copy = QgsRasterLayer(str(out), layer.name(), "gdal")
        else:
            feedback.pushWarning(tr("base map {layer} is not a local file and was not copied; the package must "
                                    "work offline").format(layer=layer.name()))
            continue
        doc = QDomDocument()
        layer.exportNamedStyle(doc)
        copy.importNamedStyle(doc)
        copied.append(copy)
    return copied


# -- sync ----------------------------------------------------------------------------------------
class SyncPackageAlgorithm(CityGridAlgorithm):
    _id = "syncpackage"
    _group_id = "census"
    PACKAGE = "PACKAGE"

    def displayName(self) -> str:  # noqa: N802
        return tr("Sync a census field package")

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Brings a field-work package back into the store and the store's changes into the package, by "
            "comparing three states of every component: the package as exported (or last synced), the package "
            "now and the store now. New features are inserted (the store issues their codes), changed features "
            "updated and deleted ones retired, when the store still holds the version the package started from; "
            "components changed in the store and untouched in the field are refreshed in the package. A component "
            "changed on both sides (or deleted on one and changed on the other) is a conflict: nothing is applied "
            "for it; it is listed in the output and in the package's table _citygrid_conflicts, where writing "
            "'local' or 'remote' in the resolution column decides it at the next sync. All store writes happen in "
            "one transaction: on any error nothing is written and the package is unchanged, and the message names "
            "the feature. Running the sync again changes nothing.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterFile(self.PACKAGE, tr("Field-work package (GeoPackage)"),
                                                     extension="gpkg"))
        for key, label in (("INSERTED", tr("Components inserted")), ("UPDATED", tr("Components updated")),
                           ("RETIRED", tr("Components retired")), ("REFRESHED", tr("Package rows refreshed")),
                           ("ALREADY_SYNCED", tr("Components already in the store (earlier interrupted sync)")),
                           ("CONFLICTS", tr("Conflicts left for a person to decide"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString("CONFLICT_LIST", tr("Conflicts")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", tr("Summary")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = Path(self.parameterAsFile(parameters, self.PACKAGE, context))
        open_layers = _package_layers(path, context)
        dirty = [layer.name() for layer in open_layers if layer.isEditable() and layer.isModified()]
        if dirty:
            raise QgsProcessingException(tr("save or discard the edits of {layers} before the sync").format(
                layers=", ".join(dirty)))
        with self.store_session(parameters, context, feedback) as store:
            report = fieldwork.sync_package(store.conn, path, store.srid)
        for layer in open_layers:
            layer.dataProvider().reloadData()
            layer.triggerRepaint()
        lines = []
        for c in report.conflicts:
            lines.append(tr("{code} (uid {uid}): package {local}, store {remote}: {differences}").format(
                code=c["code"] or "-", uid=c["uid"], local=c["local_change"], remote=c["remote_change"],
                differences=c["differences"] or c["detail"] or ""))
            feedback.pushWarning(tr("conflict: {line}").format(line=lines[-1]))
        for uid, code in sorted(report.codes.items(), key=lambda item: item[1] or ""):
            feedback.pushInfo(tr("new component {code} (uid {uid})").format(code=code, uid=uid))
        summary = tr("{inserted} inserted, {updated} updated, {retired} retired in the store; {refreshed} refreshed "
                     "in the package; {same} already synced; {conflicts} conflicts").format(
            inserted=report.inserted, updated=report.updated, retired=report.retired, refreshed=report.refreshed,
            same=report.already_synced, conflicts=len(report.conflicts))
        feedback.pushInfo(summary)
        return {"INSERTED": report.inserted, "UPDATED": report.updated, "RETIRED": report.retired,
                "REFRESHED": report.refreshed, "ALREADY_SYNCED": report.already_synced,
                "CONFLICTS": len(report.conflicts), "CONFLICT_LIST": "\n".join(lines), "SUMMARY": summary}


def _package_layers(path: Path, context) -> list:
    """Layers of the current project (and the context's) reading from the package file."""
    target = str(path.resolve())
    found = []
    projects = [QgsProject.instance()]
    if context.project() is not None and context.project() is not QgsProject.instance():
        projects.append(context.project())
    for project in projects:
        for layer in project.mapLayers().values():
            if layer.type() != QgsMapLayer.VectorLayer or layer.providerType() != "ogr":
                continue
            source = layer.source().split("|", 1)[0]
            try:
                if str(Path(source).resolve()) == target:
                    found.append(layer)
            except OSError:
                continue
    return found
