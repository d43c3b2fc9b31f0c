"""What QField could not use in a QGIS project (QField 检查), the way QFieldSync checks a project
before it packages it: every patrol package (``citygrid:patrolpackage``) is checked before it
leaves the building, and ``citygrid:checkqfield`` checks any project.

The checks are data: :data:`PROJECT_CHECKS` and :data:`LAYER_CHECKS` list functions that each
yield :class:`Problem` (which layer, what is wrong, how to fix it), so a new rule is one entry.

What QField supports comes from its documentation (docs.qfield.org, "Attribute form", "Tracking",
"Expression variables") and its editor widgets (``src/qml/editorwidgets``):

* **Data**: a handheld works offline, so every layer must be a file in the package folder, saved
  with a relative path: vector layers in a GeoPackage (OGR), rasters as files (GDAL). Server
  layers (PostgreSQL, WFS…), web maps (WMS/XYZ, which also need the network and often a
  password), memory layers (empty once QGIS closes) and virtual layers are refused.
* **Forms**: only the core widgets of :data:`SUPPORTED_WIDGETS`; no Python (init code, a Qt
  Designer form file, macros) and no layer actions (QField runs neither).
* **Attachments** (photos): the attachment widget must store paths relative to the project
  (QField's camera writes under ``DCIM/``); values already in the data must be relative and the
  files present.
* **Expressions** (default values, constraints, value-relation filters): they must parse with
  QGIS's own functions; functions defined in Python (user or plugin expression functions) and
  the few of :data:`DENIED_FUNCTION_GROUPS` / :data:`DENIED_VARIABLES` do not exist on the handheld.
* **Tracks**: the layer QField's position tracking writes (``tracks``, or any layer with a
  tracking session configured) must be a line layer with M, measuring the time
  (QFieldSync's tracking measurement "Timestamp": seconds since 1970, UTC).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # nosec B405 - the project file the plugin itself wrote or was given to check
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsEditFormConfig,
    QgsExpression,
    QgsFeatureRequest,
    QgsMapLayer,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from .core.i18n import tr
from .core.patrolformat import TRACKS

# Editor widgets QField's forms show (docs "Attribute form"; src/qml/editorwidgets). An empty type
# is QGIS's automatic choice (a text edit). Color, Binary, List, KeyValue, UniqueValues, JsonEdit,
# Classification and Enumeration are not supported: QField would show a plain text box or nothing.
SUPPORTED_WIDGETS = frozenset({"", "TextEdit", "CheckBox", "ValueMap", "Hidden", "ExternalResource", "DateTime",
                               "Range", "RelationReference", "ValueRelation", "UuidGenerator"})
# Expression functions the handheld does not have: Processing's parameter() (only inside a model);
# and any function defined in Python (QGIS's user expressions, plugins), found by its Python class.
DENIED_FUNCTION_GROUPS = frozenset({"Processing"})
# Variables only the desktop sets (the canvas under the mouse): NULL on a handheld.
DENIED_VARIABLES = frozenset({"canvas_cursor_point", "layer_cursor_point"})
# QFieldSync's per-layer tracking measurement: 1 = Timestamp (seconds since 1970, UTC), QField's
# Tracker::Timestamp; its default 0 counts seconds since the session started, which has no date.
TRACKING_MEASUREMENT_TIMESTAMP = 1
SERVER_PROVIDERS = frozenset({"postgres", "mssql", "oracle", "hana", "DB2", "wfs", "oapif", "arcgisfeatureserver",
                              "afs", "sensorthings"})
WEB_MAP_PROVIDERS = frozenset({"wms", "wcs", "arcgismapserver", "ams", "vectortile", "xyzvectortiles"})
FORBIDDEN_IN_XML = ("password=", "host=", "service=", "authcfg=")
MAX_SCANNED_FEATURES = 10000      # attachment values checked per layer
_ABSOLUTE = re.compile(r"^(/|\\\\|[A-Za-z]:[\\/]|file:///?[A-Za-z]:|file:///)")


@dataclass(frozen=True)
class Problem:
    """Something QField could not use: the layer ('' for the project), what and how to fix it."""

    layer: str
    what: str
    fix: str

    def __str__(self) -> str:
        return tr("{layer}: {what}; {fix}").format(layer=self.layer or tr("the project"), what=self.what,
                                                   fix=self.fix)


@dataclass
class Checked:
    """The project being checked: the QgsProject, its folder and, per layer id, the datasource
    as the project file keeps it (relative or absolute), plus the project XML."""

    project: QgsProject
    folder: Path
    saved_sources: dict[str, str]
    xml: str


def check_project(path: str | Path) -> list[Problem]:
    """Read the project at *path* (.qgz or .qgs) in a project of its own and list every problem
    QField would have with it (empty: QField can use all of it)."""
    path = Path(path)
    project = QgsProject()
    try:
        xml = _project_xml(path)
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        return [Problem("", tr("the project file {path} cannot be read ({error})").format(path=path, error=exc),
                        tr("give a .qgz or .qgs project file"))]
    try:
        if not project.read(str(path)):
            return [Problem("", tr("QGIS cannot open the project ({error})").format(error=project.error()),
                            tr("open it in QGIS and save it again"))]
        checked = Checked(project, path.resolve().parent, _saved_sources(xml), xml)
        problems: list[Problem] = []
        for check in PROJECT_CHECKS:
            problems.extend(check(checked))
        for layer in project.mapLayers().values():
            for check in LAYER_CHECKS:
                problems.extend(check(checked, layer))
        return problems
    finally:
        project.clear()


def _project_xml(path: Path) -> str:
    if path.suffix.lower() == ".qgz":
        with zipfile.ZipFile(path) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".qgs"))
            return archive.read(name).decode("utf-8", "replace")
    return path.read_text(encoding="utf-8", errors="replace")


def _saved_sources(xml: str) -> dict[str, str]:
    try:
        root = ET.fromstring(xml)  # nosec B314 - a local project file, parsed to read its layer sources
    except ET.ParseError:
        return {}
    out = {}
    for element in root.iter("maplayer"):
        layer_id, source = element.findtext("id"), element.findtext("datasource")
        if layer_id and source is not None:
            out[layer_id] = source
    return out


def _file_of(layer: QgsMapLayer) -> str:
    """The file a file-based layer reads ('' for other providers)."""
    provider = layer.providerType()
    source = layer.source()
    if provider == "ogr":
        return source.split("|", 1)[0]
    if provider == "gdal":
        return "" if source.lower().startswith(("/vsicurl", "http://", "https://")) else source
    if provider == "delimitedtext":
        return re.sub(r"^file://", "", source.split("?", 1)[0])
    if provider == "spatialite":
        match = re.search(r"dbname='([^']+)'", source)
        return match.group(1) if match else ""
    return ""


def _table_of(layer: QgsMapLayer) -> str:
    match = re.search(r"layername=([^|]+)", layer.source())
    return match.group(1) if match else ""


# -- the project --------------------------------------------------------------------------------
def _absolute_paths(c: Checked) -> Iterator[Problem]:
    if c.project.readBoolEntry("Paths", "/Absolute", False)[0]:
        yield Problem("", tr("the project saves absolute paths, which do not exist on the handheld"),
                      tr("save it with relative paths (Project ▸ Properties ▸ General ▸ Save paths: relative)"))


def _home_path(c: Checked) -> Iterator[Problem]:
    if c.project.presetHomePath():
        yield Problem("", tr("the project has a preset home path ({path})").format(path=c.project.presetHomePath()),
                      tr("clear it (Project ▸ Properties ▸ General ▸ Project home)"))


def _project_crs(c: Checked) -> Iterator[Problem]:
    if not c.project.crs().isValid():
        yield Problem("", tr("the project has no coordinate reference system"),
                      tr("set the store's CRS (Project ▸ Properties ▸ CRS)"))


def _macros(c: Checked) -> Iterator[Problem]:
    code = c.project.readEntry("Macros", "/pythonCode", "")[0]
    if code.strip():
        yield Problem("", tr("the project has Python macros; QField runs no Python"),
                      tr("remove them (Project ▸ Properties ▸ Macros)"))


def _server_references(c: Checked) -> Iterator[Problem]:
    found = [s.rstrip("=") for s in FORBIDDEN_IN_XML if s in c.xml.lower()]
    if found:
        yield Problem("", tr("the project refers to a database server or a password ({found}); the handheld works "
                             "offline and must carry no password").format(found=", ".join(found)),
                      tr("copy the data into the package's GeoPackage and leave the server out"))


# -- each layer -----------------------------------------------------------------------------------
def _invalid(c: Checked, layer: QgsMapLayer) -> Iterator[Problem]:
    if not layer.isValid():
        error = layer.error().summary() if layer.error() and not layer.error().isEmpty() else layer.source()
        yield Problem(layer.name(), tr("the layer cannot be opened ({error})").format(error=error),
                      tr("put its file into the package folder, or remove the layer"))


def _provider(c: Checked, layer: QgsMapLayer) -> Iterator[Problem]:
    provider = layer.providerType()
    name = layer.name()
    if provider == "memory":
        yield Problem(name, tr("a temporary (memory) layer: its features live only in this QGIS session, QField "
                               "shows it empty"), tr("save it into the package's GeoPackage"))
    elif provider in SERVER_PROVIDERS:
        yield Problem(name, tr("the layer reads from a server ({provider}); the handheld works offline, without "
                               "the store or its passwords").format(provider=provider),
                      tr("copy the layer into the package's GeoPackage"))
    elif provider in WEB_MAP_PROVIDERS:
        secret = "password=" in layer.source().lower() or "authcfg=" in layer.source().lower()
        yield Problem(name, (tr("a web map ({provider}) that needs the network and a password") if secret else
                             tr("a web map ({provider}) that needs the network")).format(provider=provider),
                      tr("copy the base map into the package (GeoTIFF), or remove the layer"))
    elif provider == "ogr":
        storage = layer.dataProvider().storageType() if layer.isValid() and layer.dataProvider() else ""
        if storage != "GPKG" and not _file_of(layer).lower().endswith(".gpkg"):
            yield Problem(name, tr("stored as {storage}, not in a GeoPackage").format(storage=storage or "?"),
                          tr("copy it into the package's GeoPackage"))
    elif provider != "gdal" and layer.type() in (QgsMapLayer.VectorLayer, QgsMapLayer.RasterLayer):
        yield Problem(name, tr("the {provider} provider, which the package does not carry").format(provider=provider),
                      tr("copy the layer into the package's GeoPackage (or a GeoTIFF for an image)"))


def _location(c: Checked, layer: QgsMapLayer) -> Iterator[Problem]:
    file = _file_of(layer)
    if not file:
        return
    try:
        inside = c.folder in Path(file).resolve().parents
    except (OSError, ValueError):
        inside = False
    if not inside:
        yield Problem(layer.name(), tr("its file {file} is outside the package folder").format(file=file),
                      tr("copy it into the package folder ({folder})").format(folder=c.folder))
    saved = c.saved_sources.get(layer.id(), "")
    if saved and _ABSOLUTE.match(saved):
        yield Problem(layer.name(), tr("the project keeps its path as an absolute path ({path})").format(
            path=saved.split("|", 1)[0]), tr("save the project with relative paths"))


def _crs(c: Checked, layer: QgsMapLayer) -> Iterator[Problem]:
    spatial = layer.type() == QgsMapLayer.RasterLayer or (
        isinstance(layer, QgsVectorLayer) and layer.isSpatial())
    if spatial and not layer.crs().isValid():
        yield Problem(layer.name(), tr("the layer has no coordinate reference system"),
                      tr("set the layer's CRS (the store's)"))


def _python_forms(c: Checked, layer: QgsMapLayer) -> Iterator[Problem]:
    if not isinstance(layer, QgsVectorLayer):
        return
    form = layer.editFormConfig()
    if form.initCodeSource() != QgsEditFormConfig.CodeSourceNone:
        yield Problem(layer.name(), tr("its form runs Python init code ({function}); QField runs no Python").format(
            function=form.initFunction() or "-"),
            tr("remove the Python init code (Layer Properties ▸ Attributes Form ▸ Python Init Code)"))
    if form.layout() == QgsEditFormConfig.UiFileLayout or form.uiForm():
        yield Problem(layer.name(), tr("its form is a Qt Designer file ({file})").format(file=form.uiForm() or "-"),
                      tr("lay the form out with the drag and drop designer"))


def _actions(c: Checked, layer: QgsMapLayer) -> Iterator[Problem]:
    if not isinstance(layer, QgsVectorLayer):
        return
    actions = layer.actions().actions()
    if actions:
        yield Problem(layer.name(), tr("the layer has actions ({names}); QField runs none").format(
            names=", ".join(a.name() for a in actions)), tr("remove them (Layer Properties ▸ Actions)"))


def _widgets(c: Checked, layer: QgsMapLayer) -> Iterator[Problem]:
    if not isinstance(layer, QgsVectorLayer):
        return
    allowed = ", ".join(sorted(w for w in SUPPORTED_WIDGETS if w))
    for index, field in enumerate(layer.fields()):
        kind = layer.editorWidgetSetup(index).type()
        if kind not in SUPPORTED_WIDGETS:
            yield Problem(layer.name(), tr("field {field}: QField has no {widget} widget").format(
                field=field.name(), widget=kind), tr("use one of {widgets}").format(widgets=allowed))


def _attachments(c: Checked, layer: QgsMapLayer) -> Iterator[Problem]:
    if not isinstance(layer, QgsVectorLayer):
        return
    attachment_fields = []
    for index, field in enumerate(layer.fields()):
        setup = layer.editorWidgetSetup(index)
        if setup.type() != "ExternalResource":
            continue
        config = setup.config()
        attachment_fields.append(field.name())
        if int(config.get("RelativeStorage", 0) or 0) != 1:
            yield Problem(layer.name(), tr("field {field}: the attachment widget stores absolute paths").format(
                field=field.name()), tr("store paths relative to the project (attachment widget ▸ Relative path: "
                                        "project path)"))
        if config.get("StorageType"):
            yield Problem(layer.name(), tr("field {field}: the attachment widget stores files on {storage}").format(
                field=field.name(), storage=config.get("StorageType")), tr("store the files in the package folder"))
    if not attachment_fields or not layer.isValid():
        return
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setLimit(MAX_SCANNED_FEATURES)
    request.setSubsetOfAttributes(attachment_fields, layer.fields())
    absolute: dict[str, list[str]] = {}
    missing: dict[str, list[str]] = {}
    for feature in layer.getFeatures(request):
        for name in attachment_fields:
            value = feature[name]
            if value is None or not str(value).strip() or str(value) == "NULL":
                continue
            value = str(value)
            if _ABSOLUTE.match(value):
                absolute.setdefault(name, []).append(value)
            elif not (c.folder / value).exists():
                missing.setdefault(name, []).append(value)
    for name, values in absolute.items():
        yield Problem(layer.name(), tr("field {field}: {n} features hold an absolute path (such as {value})").format(
            field=name, n=len(values), value=values[0]),
            tr("keep the files in the package folder (DCIM/) and store paths relative to the project"))
    for name, values in missing.items():
        yield Problem(layer.name(), tr("field {field}: {n} files are missing from the package (such as {value})")
                      .format(field=name, n=len(values), value=values[0]),
                      tr("copy them into the package folder or clear the field"))


def _expressions(c: Checked, layer: QgsMapLayer) -> Iterator[Problem]:
    if not isinstance(layer, QgsVectorLayer):
        return
    for index, field in enumerate(layer.fields()):
        texts = [(tr("default value"), layer.defaultValueDefinition(index).expression()),
                 (tr("constraint"), layer.constraintExpression(index))]
        setup = layer.editorWidgetSetup(index)
        if setup.type() == "ValueRelation":
            texts.append((tr("value list filter"), setup.config().get("FilterExpression") or ""))
        for what, text in texts:
            if text and text.strip():
                yield from _expression_problems(layer.name(), field.name(), what, text)


def _expression_problems(layer: str, field: str, what: str, text: str) -> Iterator[Problem]:
    expression = QgsExpression(text)
    if expression.hasParserError():
        yield Problem(layer, tr("field {field}: the {what} expression does not parse ({error})").format(
            field=field, what=what, error=expression.parserErrorString().strip()),
            tr("correct the expression with QGIS's own functions"))
        return
    functions = QgsExpression.Functions()
    for name in sorted(expression.referencedFunctions()):
        index = QgsExpression.functionIndex(name)
        if index < 0:
            continue
        function = functions[index]
        python = not type(function).__module__.startswith("qgis._core")
        if python or DENIED_FUNCTION_GROUPS.intersection(function.groups()):
            yield Problem(layer, tr("field {field}: the {what} expression uses {name}(), which QField does not "
                                    "have").format(field=field, what=what, name=name),
                          tr("rewrite it with QGIS's own functions (no Python or Processing functions)"))
    for name in sorted(DENIED_VARIABLES.intersection(expression.referencedVariables())):
        yield Problem(layer, tr("field {field}: the {what} expression uses @{name}, which only the desktop "
                                "sets").format(field=field, what=what, name=name),
                      tr("rewrite it without that variable"))


def _value_relations(c: Checked, layer: QgsMapLayer) -> Iterator[Problem]:
    if not isinstance(layer, QgsVectorLayer):
        return
    for index, field in enumerate(layer.fields()):
        setup = layer.editorWidgetSetup(index)
        if setup.type() != "ValueRelation":
            continue
        config = setup.config()
        source = c.project.mapLayer(config.get("Layer") or "")
        if source is None and config.get("LayerName"):
            source = next(iter(c.project.mapLayersByName(config["LayerName"])), None)
        if source is None:
            yield Problem(layer.name(), tr("field {field}: its value list comes from layer {source}, which is not in "
                                           "the project").format(field=field.name(),
                                                                 source=config.get("LayerName") or config.get("Layer")),
                          tr("add that table to the project (it may stay out of the legend)"))


def _tracks(c: Checked, layer: QgsMapLayer) -> Iterator[Problem]:
    if not isinstance(layer, QgsVectorLayer):
        return
    tracking = bool(layer.customProperty("QFieldSync/tracking_session_active", False))
    if _table_of(layer) != TRACKS and layer.name() != TRACKS and not tracking:
        return
    if layer.geometryType() != QgsWkbTypes.LineGeometry:
        yield Problem(layer.name(), tr("the track layer is not a line layer"),
                      tr("make it a LineStringM layer: QField's tracking draws one line per session"))
        return
    if not QgsWkbTypes.hasM(layer.wkbType()):
        yield Problem(layer.name(), tr("the track layer has no M values; QField's position tracking keeps each "
                                       "point's time in M"), tr("make it a LineStringM layer"))
    measurement = layer.customProperty("QFieldSync/tracking_measurement_type", None)
    if measurement is not None and int(measurement) != TRACKING_MEASUREMENT_TIMESTAMP:
        yield Problem(layer.name(), tr("the track layer's M measures something other than the time (QField "
                                       "measurement {n})").format(n=measurement),
                      tr("set the tracking measurement to Timestamp (Layer Properties ▸ QField ▸ Tracking)"))


PROJECT_CHECKS: tuple[Callable[[Checked], Iterable[Problem]], ...] = (
    _absolute_paths, _home_path, _project_crs, _macros, _server_references)
LAYER_CHECKS: tuple[Callable[[Checked, QgsMapLayer], Iterable[Problem]], ...] = (
    _invalid, _provider, _location, _crs, _python_forms, _actions, _widgets, _attachments, _expressions,
    _value_relations, _tracks)
