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


STORE_LAYERS = [
    StoreLayer("community", "boundary", "full_code", "community", "Communities"),
    StoreLayer("street", "boundary", "full_code", "street", "Streets"),
    StoreLayer("district", "boundary", "code", "district", "Districts"),
]
# literals for the translation catalogue (tr() needs them verbatim)
_TITLES = (tr("Communities"), tr("Streets"), tr("Districts"))


def layer_title(spec: StoreLayer) -> str:
    return tr(spec.title_en)


def store_layer(target: StoreTarget, spec: StoreLayer) -> QgsVectorLayer:
    uri = target.layer_uri()
    uri.setDataSource("citygrid", spec.table, spec.geometry, "", spec.key)
    layer = QgsVectorLayer(uri.uri(False), layer_title(spec), "postgres")
    if layer.isValid():
        apply_style(layer, spec.style)
    return layer


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
