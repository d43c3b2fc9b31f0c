"""Store layers in QGIS: URIs (no passwords), Chinese layer names and the styles in styles/.

Used by the plugin's “Add store layers” action and by the demo's project writer, so a user
sees the same layers either way. Later capabilities append to :data:`STORE_LAYERS`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsLayerTreeGroup, QgsLayerTreeLayer, QgsProject, QgsVectorLayer, QgsWkbTypes

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


GRIDS = "grid"
COMPONENTS = "component"
ACTIVE = '"retired_at" IS NULL'
PROFILE = "\"profile\" = '{profile}'"  # filled with the store's default code profile
STORE_LAYERS = [
    StoreLayer("case_queue", "geom", "id", "cases_live", "Open cases (live)", wkb_type="Point", role="cases_live"),
    StoreLayer(COMPONENTS, "geom", "id", "components_point", "Components (points)", subset=ACTIVE,
               editable=True, wkb_type="Point", role="components"),
    StoreLayer(COMPONENTS, "geom", "id", "components_line", "Components (lines)", subset=ACTIVE,
               editable=True, wkb_type="LineString", role="components"),
    StoreLayer(COMPONENTS, "geom", "id", "components_polygon", "Components (polygons)", subset=ACTIVE,
               editable=True, wkb_type="Polygon", role="components"),
    StoreLayer("grid_census_progress", "geom", "id", "census_progress", "Census progress", role="progress"),
    StoreLayer(GRIDS, "geom", "id", "grid", "Unit grids", subset=ACTIVE, editable=True),
    StoreLayer("community", "boundary", "full_code", "community", "Communities"),
    StoreLayer("street", "boundary", "full_code", "street", "Streets"),
    StoreLayer("district", "boundary", "code", "district", "Districts"),
    StoreLayer("basemap_text", "geom", "id", "basemap_text", "Base map annotations"),
    StoreLayer("basemap_line", "geom", "id", "basemap_line", "Base map lines"),
    StoreLayer("basemap_polygon", "geom", "id", "basemap_polygon", "Base map areas"),
    StoreLayer("component_major", "", "major_code", "", "Major classes", subset=PROFILE, role="lookup"),
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
              wkb_type: str = "") -> str:
    """The postgres layer URI of store table *table* (or of a query in parentheses), without a
    password; with *wkb_type* (Point, LineString, Polygon) also the geometry type and the
    store's CRS, which a table with a generic geometry column needs."""
    uri = target.layer_uri()
    uri.setDataSource("" if table.startswith("(") else "citygrid", table, geometry or None, subset, key)
    if wkb_type:
        uri.setWkbType(getattr(QgsWkbTypes, wkb_type))
        uri.setSrid(str(store_info(target)["srid"]))
    return uri.uri(False)


def store_layer(target: StoreTarget, spec: StoreLayer) -> QgsVectorLayer:
    subset = spec.subset.replace("{profile}", store_info(target)["profile"])
    uri = store_uri(target, spec.table, spec.geometry, spec.key, subset, spec.wkb_type)
    layer = QgsVectorLayer(uri, layer_title(spec), "postgres")
    if layer.isValid():
        if spec.style:
            apply_style(layer, spec.style)
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


def add_store_layers(project: QgsProject, target: StoreTarget, group_name: str | None = None) -> list:
    """Add the store layers to *project* in a group; return the layers (invalid ones too, so
    the caller can report them)."""
    root = project.layerTreeRoot()
    name = group_name or tr("CityGrid store")
    group = root.findGroup(name) or root.insertGroup(0, name)
    if not isinstance(group, QgsLayerTreeGroup):
        raise TypeError(f"layer tree node {name!r} is not a group")
    lookups = group.findGroup(tr("Lookup tables")) or group.addGroup(tr("Lookup tables"))
    lookups.setItemVisibilityChecked(False)
    layers = []
    readable = readable_tables(target)
    for spec in STORE_LAYERS:
        if readable is not None and spec.table not in readable:
            continue  # the login's roles do not cover this table (e.g. the big screen: no components)
        layer = store_layer(target, spec)
        layers.append(layer)
        if layer.isValid():
            project.addMapLayer(layer, False)
            node = (lookups if spec.role == "lookup" else group).addLayer(layer)
            if spec.role == "progress":
                node.setItemVisibilityChecked(False)  # a thematic view, switched on when wanted
    configure_forms(layers)
    return layers


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


def configure_forms(layers: list) -> None:
    """Give the component layers their census form, using the lookup tables among *layers*."""
    from .forms import configure_component_layer

    by_table = {layer.customProperty(TABLE_PROPERTY): layer for layer in layers if layer.isValid()}
    for layer in layers:
        if layer.isValid() and layer.customProperty(ROLE_PROPERTY) == "components":
            configure_component_layer(layer, by_table.get("component_major"), by_table.get("component_class"),
                                      by_table.get("department"))


# -- layers a window shows while it is open ---------------------------------------------------------
TEMPORARY_PROPERTY = "citygrid/temporary"


def add_temporary_layer(project: QgsProject, layer, owner: str):
    """Show *layer* (a dock's heatmap, drill-down…) while its window is open: at the top of the
    layer tree, but below the layers people edit (store layers and any editable group stay on
    top), outside every group, marked as *owner*'s; the project is not marked changed by it (it
    is not part of the user's work, and :func:`remove_temporary_layers` takes it away)."""
    was_dirty = project.isDirty()
    layer.setCustomProperty(TEMPORARY_PROPERTY, owner)
    project.addMapLayer(layer, False)
    root = project.layerTreeRoot()
    index = 0
    for i, node in enumerate(root.children()):   # below the groups and layers holding editable store layers
        if _holds_editable(node):
            index = i + 1
    root.insertLayer(index, layer)
    project.setDirty(was_dirty)
    return layer


def remove_temporary_layers(project: QgsProject, owner: str) -> None:
    """Take away the layers *owner* added with :func:`add_temporary_layer` (the project's
    changed flag is left as it was)."""
    was_dirty = project.isDirty()
    ids = [lid for lid, layer in project.mapLayers().items() if layer.customProperty(TEMPORARY_PROPERTY) == owner]
    if ids:
        project.removeMapLayers(ids)
    project.setDirty(was_dirty)


def _holds_editable(node) -> bool:
    if isinstance(node, QgsLayerTreeLayer):
        layer = node.layer()
        return layer is not None and layer.customProperty(ROLE_PROPERTY) in ("components", "grids") or (
            layer is not None and layer.customProperty(TABLE_PROPERTY) == GRIDS)
    return any(_holds_editable(child) for child in node.children())
