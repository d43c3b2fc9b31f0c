"""Store layers in QGIS: URIs (no passwords), Chinese layer names and the styles in styles/.

Used by the plugin's “Add store layers” action and by the demo's project writer, so a user
sees the same layers either way. Later capabilities append to :data:`STORE_LAYERS`.

Adding the store layers is idempotent: a layer already in the project for the same database,
table, subset and geometry type is found, not added again. The windows' own layers (a dock's
heatmap, a drill-down) are *temporary*: shown below the layers people edit while their window is
open, never marking the project changed, removed when the window closes.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsDataSourceUri,
    QgsLayerTreeGroup,
    QgsLayerTreeLayer,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from .connections import StoreTarget
from .core.i18n import tr
from .store.summary import layer_settings, readable

STYLES_DIR = Path(__file__).resolve().parent / "styles"
if not STYLES_DIR.exists():  # running from the source tree: styles/ sits beside the package
    STYLES_DIR = Path(__file__).resolve().parents[1] / "styles"


@dataclass(frozen=True)
class StoreLayer:
    table: str
    geometry: str
    key: str
    style: str
    title_en: str  # translated with tr() at use; literals listed below for extraction
    subset: str = ""
    editable: bool = False
    wkb_type: str = ""      # for tables with a generic geometry column: Point, LineString, Polygon
    role: str = ""          # 'components' layers get the census form; 'lookup' tables feed it
    key_unique: bool = False  # a view whose key is unique by construction: QGIS need not check it
    visible_from: int = 0   # shown from 1:visible_from in (0: at every scale)


GRIDS = "grid"
COMPONENTS = "component"
ACTIVE = '"retired_at" IS NULL'
PROFILE = "\"profile\" = '{profile}'"  # filled with the store's default code profile
# Census scale limits (部件普查). A district holds tens of thousands of components (the sample
# 21,560 points, about 26 per unit grid of one hectare): at 1:10,000 a grid is 1 cm across on the
# screen and its 26 symbols of 2.6 mm pile into a carpet that hides the grids and costs a full
# fetch at every pan. From 1:5,000 in a grid is 2 cm across and its components can be told apart
# (codes are labelled from 1:1,000, the surveyors work at 1:500 – 1:2,000). Lines and areas
# (guard rails, green belts) are few and long, readable from 1:10,000.
COMPONENT_POINTS_FROM = 5000
COMPONENT_SHAPES_FROM = 10000
STORE_LAYERS = [
    StoreLayer("case_queue", "geom", "id", "cases_live", "Open cases (live)", wkb_type="Point", role="cases_live",
               key_unique=True),
    StoreLayer(COMPONENTS, "geom", "id", "components_point", "Components (points)", subset=ACTIVE,
               editable=True, wkb_type="Point", role="components", visible_from=COMPONENT_POINTS_FROM),
    StoreLayer(COMPONENTS, "geom", "id", "components_line", "Components (lines)", subset=ACTIVE,
               editable=True, wkb_type="LineString", role="components", visible_from=COMPONENT_SHAPES_FROM),
    StoreLayer(COMPONENTS, "geom", "id", "components_polygon", "Components (polygons)", subset=ACTIVE,
               editable=True, wkb_type="Polygon", role="components", visible_from=COMPONENT_SHAPES_FROM),
    StoreLayer("grid_census_progress", "geom", "id", "census_progress", "Census progress", role="progress",
               key_unique=True),
    StoreLayer(GRIDS, "geom", "id", "grid", "Unit grids", subset=ACTIVE, editable=True),
    StoreLayer("community", "boundary", "full_code", "community", "Communities"),
    StoreLayer("street", "boundary", "full_code", "street", "Streets"),
    StoreLayer("district", "boundary", "code", "district", "Districts"),
    StoreLayer("basemap_text", "geom", "id", "basemap_text", "Base map annotations"),
    StoreLayer("basemap_line", "geom", "id", "basemap_line", "Base map lines"),
    StoreLayer("basemap_polygon", "geom", "id", "basemap_polygon", "Base map areas"),
    StoreLayer("component_major", "", "major_code", "", "Major classes", subset=PROFILE, role="lookup",
               key_unique=True),
    StoreLayer("component_class", "", "code", "", "Component classes", subset=PROFILE + " AND \"active\"",
               role="lookup"),
    StoreLayer("department", "", "code", "", "Departments", role="lookup"),
]
# literals for the translation catalogue (tr() needs them verbatim)
_TITLES = (tr("Open cases (live)"), tr("Unit grids"), tr("Communities"), tr("Streets"), tr("Districts"),
           tr("Components (points)"),
           tr("Components (lines)"), tr("Components (polygons)"), tr("Census progress"), tr("Major classes"),
           tr("Component classes"), tr("Departments"), tr("Base map annotations"), tr("Base map lines"),
           tr("Base map areas"))
TABLE_PROPERTY = "citygrid/table"
ROLE_PROPERTY = "citygrid/role"
TEMPORARY_PROPERTY = "citygrid/temporary"   # the owner of a window's own layer (see add_temporary_layer)


def store_info(target: StoreTarget) -> dict:
    """The store's CRS and default code profile, looked up once per target (layers with a
    generic geometry column need the CRS; the class pickers need the profile)."""
    if target not in _INFO:
        from .store.db import connect

        conn = connect(target.dsn())
        try:
            values = layer_settings(conn)
        finally:
            conn.close()
        _INFO[target] = {"srid": int(values.get("srid", 0)), "profile": values.get("default_profile", "2013")}
    return _INFO[target]


_INFO: dict = {}


def layer_title(spec: StoreLayer) -> str:
    return tr(spec.title_en)


def store_uri(target: StoreTarget, table: str, geometry: str | None, key: str, subset: str = "",
              wkb_type: str = "", key_unique: bool = False) -> str:
    """The postgres layer URI of store table *table* (or of a query in parentheses), without a
    password; with *wkb_type* (Point, LineString, Polygon) also the geometry type and the
    store's CRS, which a table with a generic geometry column needs. With *key_unique* (a view
    or query whose key is unique by construction) QGIS skips its primary-key uniqueness check,
    a ``count(DISTINCT key)`` over the whole view at every load.

    (The "PostGIS: NOTICE: row number 0 is out of range 0..-1" logged four times when the first
    layer without geometry opens in a QGIS process is QGIS 3.22's own: it looks up SRID 0 in
    ``spatial_ref_sys`` and reads the empty result; later QGIS checks the row count first.)"""
    uri = target.layer_uri()
    uri.setDataSource("" if table.startswith("(") else "citygrid", table, geometry or None, subset, key)
    if wkb_type:
        uri.setWkbType(getattr(QgsWkbTypes, wkb_type))
        uri.setSrid(str(store_info(target)["srid"]))
    if key_unique:
        uri.setParam("checkPrimaryKeyUnicity", "0")
    return uri.uri(False)


def spec_uri(target: StoreTarget, spec: StoreLayer) -> str:
    """The URI of the store layer *spec* (its subset filled in)."""
    subset = spec.subset.replace("{profile}", store_info(target)["profile"])
    return store_uri(target, spec.table, spec.geometry, spec.key, subset, spec.wkb_type, spec.key_unique)


def store_layer(target: StoreTarget, spec: StoreLayer) -> QgsVectorLayer:
    layer = QgsVectorLayer(spec_uri(target, spec), layer_title(spec), "postgres")
    if layer.isValid():
        if spec.style:
            apply_style(layer, spec.style)
        if spec.visible_from:
            layer.setScaleBasedVisibility(True)
            layer.setMinimumScale(spec.visible_from)  # QGIS: the most zoomed-out scale shown
            layer.setMaximumScale(0)
        layer.setCustomProperty(TABLE_PROPERTY, spec.table)
        layer.setCustomProperty(ROLE_PROPERTY, spec.role)
        if spec.editable:
            watch_commits(layer)
    return layer


def watch_commits(layer) -> None:
    """The store re-codes and retires grids when edits are saved: reload to show the result."""
    layer.afterCommitChanges.connect(lambda: (layer.reload(), layer.triggerRepaint()))


def find_store_layer(project: QgsProject, table: str):
    """The first layer of *project* showing store table *table* (None if absent)."""
    for layer in project.mapLayers().values():
        if layer.customProperty(TABLE_PROPERTY) == table:
            return layer
    return None


def apply_style(layer, style: str) -> bool:
    qml = STYLES_DIR / f"{style}.qml"
    if not qml.exists():
        return False
    _msg, ok = layer.loadNamedStyle(str(qml))
    return ok


class StoreLayers(list):
    """The store layers of :func:`add_store_layers`, in :data:`STORE_LAYERS` order (invalid ones
    too, so the caller can report them): ``added`` those added now, ``found`` those already in
    the project and left as they were."""

    def __init__(self, layers=(), added=(), found=()) -> None:
        super().__init__(layers)
        self.added = list(added)
        self.found = list(found)

    def message(self) -> str:
        """What a person is told (empty when every layer was added now)."""
        if not self.found:
            return ""
        if not self.added:
            return tr("The {n} store layers are already in the project; none added.").format(n=len(self.found))
        return tr("{added} store layers added; {found} were already in the project.").format(
            added=len(self.added), found=len(self.found))


def _layer_key(uri: QgsDataSourceUri) -> tuple:
    """What makes two postgres layers show the same store rows: database, table, subset."""
    where = (uri.service(),) if uri.service() else (uri.host(), uri.port())
    return (*where, uri.database(), uri.schema(), uri.table(), uri.geometryColumn(), uri.sql().strip())


def find_existing(project: QgsProject, target: StoreTarget, spec: StoreLayer):
    """The layer of *project* already showing store layer *spec* (same database, table, subset and
    geometry type), or None."""
    key = _layer_key(QgsDataSourceUri(spec_uri(target, spec)))
    wanted = QgsWkbTypes.geometryType(getattr(QgsWkbTypes, spec.wkb_type)) if spec.wkb_type else None
    for layer in project.mapLayers().values():
        if layer.providerType() != "postgres" or layer.customProperty(TEMPORARY_PROPERTY):
            continue
        if _layer_key(QgsDataSourceUri(layer.source())) != key:
            continue
        if wanted is not None and isinstance(layer, QgsVectorLayer) and layer.geometryType() != wanted:
            continue
        return layer
    return None


def add_store_layers(project: QgsProject, target: StoreTarget, group_name: str | None = None) -> StoreLayers:
    """Add the store layers to *project* in a group and return them (:class:`StoreLayers`). A
    layer already in the project for the same table and subset (wherever it sits, however it is
    styled) is not added again but returned as found, so running this twice, or on a project
    that already holds the store (the demo's), adds nothing; ``message()`` says so."""
    root = project.layerTreeRoot()
    name = group_name or tr("CityGrid store")
    groups: dict[str, QgsLayerTreeGroup] = {}

    def group_for(lookup: bool) -> QgsLayerTreeGroup:
        if "store" not in groups:
            group = root.findGroup(name) or root.insertGroup(0, name)
            if not isinstance(group, QgsLayerTreeGroup):
                raise TypeError(f"layer tree node {name!r} is not a group")
            groups["store"] = group
        if not lookup:
            return groups["store"]
        if "lookup" not in groups:
            store = groups["store"]
            groups["lookup"] = store.findGroup(tr("Lookup tables")) or store.addGroup(tr("Lookup tables"))
            groups["lookup"].setItemVisibilityChecked(False)
        return groups["lookup"]

    layers, added, found = [], [], []
    readable = readable_tables(target)
    for spec in STORE_LAYERS:
        if readable is not None and spec.table not in readable:
            continue  # the login's roles do not cover this table (e.g. the big screen: no components)
        existing = find_existing(project, target, spec)
        if existing is not None:
            layers.append(existing)
            found.append(existing)
            continue
        layer = store_layer(target, spec)
        layers.append(layer)
        if layer.isValid():
            project.addMapLayer(layer, False)
            node = group_for(spec.role == "lookup").addLayer(layer)
            if spec.role == "progress":
                node.setItemVisibilityChecked(False)  # a thematic view, switched on when wanted
            added.append(layer)
    configure_forms(layers, only=added)
    return StoreLayers(layers, added, found)


def readable_tables(target: StoreTarget) -> set[str] | None:
    """The store tables and views of STORE_LAYERS the login may read (None when that cannot be
    told, e.g. an old server: then every layer is tried)."""
    from .store.db import StoreError, connect

    try:
        conn = connect(target.dsn())
    except StoreError:
        return None
    try:
        return readable(conn, [s.table for s in STORE_LAYERS])
    except Exception:  # noqa: BLE001 - any doubt: try every layer and report the ones that fail
        return None
    finally:
        conn.close()


def configure_forms(layers: list, only: list | None = None) -> None:
    """Give the component layers their census form, using the lookup tables among *layers*
    (with *only*: just those component layers, e.g. the ones added now)."""
    from .forms import configure_component_layer

    by_table = {layer.customProperty(TABLE_PROPERTY): layer for layer in layers if layer.isValid()}
    for layer in (layers if only is None else only):
        if layer.isValid() and layer.customProperty(ROLE_PROPERTY) == "components":
            configure_component_layer(layer, by_table.get("component_major"), by_table.get("component_class"),
                                      by_table.get("department"))


# -- layers a window shows while it is open ---------------------------------------------------------
@contextmanager
def project_unchanged(project: QgsProject) -> Iterator[None]:
    """Changes made inside (a window's own layers: added, restyled, re-filtered, shown, hidden,
    removed) leave the project's changed flag as it was: they are not the user's work."""
    was_dirty = project.isDirty()
    try:
        yield
    finally:
        project.setDirty(was_dirty)


def add_temporary_layer(project: QgsProject, layer, owner: str):
    """Show *layer* (a dock's heatmap, drill-down…) while its window is open: at the top of the
    layer tree, but below the layers people edit (store layers and any editable group stay on
    top), outside every group (whatever group is selected in the layers panel), marked as
    *owner*'s; the project is not marked changed by it (it is not part of the user's work, and
    :func:`remove_temporary_layers` takes it away)."""
    with project_unchanged(project):
        layer.setCustomProperty(TEMPORARY_PROPERTY, owner)
        project.addMapLayer(layer, False)
        root = project.layerTreeRoot()
        index = 0
        for i, node in enumerate(root.children()):   # below the groups and layers holding editable store layers
            if _holds_editable(node):
                index = i + 1
        root.insertLayer(index, layer)
    return layer


def temporary_layers(project: QgsProject, owner: str | None = None) -> list:
    """The temporary layers of *project* (of *owner* only, when given)."""
    return [layer for layer in project.mapLayers().values()
            if layer.customProperty(TEMPORARY_PROPERTY) and owner in (None, layer.customProperty(TEMPORARY_PROPERTY))]


def remove_temporary_layers(project: QgsProject, owner: str) -> None:
    """Take away the layers *owner* added with :func:`add_temporary_layer` (the project's
    changed flag is left as it was)."""
    with project_unchanged(project):
        ids = [layer.id() for layer in temporary_layers(project, owner)]
        if ids:
            project.removeMapLayers(ids)


def _holds_editable(node) -> bool:
    if isinstance(node, QgsLayerTreeLayer):
        layer = node.layer()
        return layer is not None and layer.customProperty(ROLE_PROPERTY) in ("components", "grids") or (
            layer is not None and layer.customProperty(TABLE_PROPERTY) == GRIDS)
    return any(_holds_editable(child) for child in node.children())
