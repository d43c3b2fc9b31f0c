"""Store layers in QGIS: URIs (no passwords), Chinese layer names and the styles in styles/.

Used by the plugin's “Add store layers” action and by the demo's project writer, so a user
sees the same layers either way. Later capabilities append to :data:`STORE_LAYERS`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsLayerTreeGroup, QgsProject, QgsVectorLayer

from .connections import StoreTarget
from .core.i18n import tr

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


GRIDS = "grid"
STORE_LAYERS = [
    StoreLayer(GRIDS, "geom", "id", "grid", "Unit grids", subset='"retired_at" IS NULL', editable=True),
    StoreLayer("community", "boundary", "full_code", "community", "Communities"),
    StoreLayer("street", "boundary", "full_code", "street", "Streets"),
    StoreLayer("district", "boundary", "code", "district", "Districts"),
]
# literals for the translation catalogue (tr() needs them verbatim)
_TITLES = (tr("Unit grids"), tr("Communities"), tr("Streets"), tr("Districts"))
TABLE_PROPERTY = "citygrid/table"


def layer_title(spec: StoreLayer) -> str:
    return tr(spec.title_en)


def store_layer(target: StoreTarget, spec: StoreLayer) -> QgsVectorLayer:
    uri = target.layer_uri()
    uri.setDataSource("citygrid", spec.table, spec.geometry, spec.subset, spec.key)
    layer = QgsVectorLayer(uri.uri(False), layer_title(spec), "postgres")
    if layer.isValid():
        apply_style(layer, spec.style)
        layer.setCustomProperty(TABLE_PROPERTY, spec.table)
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
    assert isinstance(group, QgsLayerTreeGroup)
    layers = []
    for spec in STORE_LAYERS:
        layer = store_layer(target, spec)
        layers.append(layer)
        if layer.isValid():
            project.addMapLayer(layer, False)
            group.addLayer(layer)
    return layers
