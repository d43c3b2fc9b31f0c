"""Base maps that stay outside the store: GeoTIFF orthophotos (正射影像) and tile services (瓦片服务).

Cities hold their 1:500 base map in three forms: CAD drawings (imported into the store by
``citygrid:importdxf``), orthophotos as GeoTIFF, and tiles from the city's own map server (often
an intranet XYZ service; Tianditu and other internet services need a key and a connection the
census laptops may not have). These helpers build the QGIS raster layers for the last two, so the
plugin and the demo open them the same way.
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsDataSourceUri, QgsRasterLayer

from .core.i18n import tr


class BasemapLayerError(ValueError):
    """A base map source cannot be opened; the message says what to check."""


def raster_layer(path: str | Path, name: str | None = None) -> QgsRasterLayer:
    """A GeoTIFF (or any GDAL raster) orthophoto as a QGIS layer; an unreadable file is an error."""
    path = Path(path)
    if not path.is_file():
        raise BasemapLayerError(tr("{file} does not exist").format(file=str(path)))
    layer = QgsRasterLayer(str(path), name or path.stem, "gdal")
    if not layer.isValid():
        raise BasemapLayerError(tr("{file} cannot be opened as a raster (GeoTIFF) image: {error}").format(
            file=path.name, error=layer.error().summary() or tr("unknown format")))
    if not layer.crs().isValid():
        raise BasemapLayerError(tr("{file} has no CRS; add a .prj/.aux.xml or georeference it first").format(
            file=path.name))
    return layer


def xyz_uri(url: str, zmin: int = 0, zmax: int = 20, referer: str = "") -> str:
    """The wms-provider URI QGIS uses for an XYZ tile URL with {x}, {y}, {z} placeholders."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://", "file://")):
        raise BasemapLayerError(tr("tile URL '{url}' must start with http://, https:// or file://").format(url=url))
    if not all(p in url for p in ("{x}", "{y}", "{z}")) and "{q}" not in url:
        raise BasemapLayerError(tr("tile URL '{url}' needs the {{x}}, {{y}} and {{z}} placeholders").format(url=url))
    uri = QgsDataSourceUri()  # encoded as QGIS's own XYZ connections are
    uri.setParam("type", "xyz")
    uri.setParam("url", url)
    uri.setParam("zmin", str(int(zmin)))
    uri.setParam("zmax", str(int(zmax)))
    if referer:
        uri.setParam("referer", referer)
    return bytes(uri.encodedUri()).decode("utf-8")


def xyz_layer(url: str, name: str, zmin: int = 0, zmax: int = 20, referer: str = "") -> QgsRasterLayer:
    """An XYZ tile service (e.g. the city's own tile server) as a QGIS layer. The layer object is
    built without fetching a tile; whether the server answers shows when the map is drawn."""
    return QgsRasterLayer(xyz_uri(url, zmin, zmax, referer), name, "wms")
