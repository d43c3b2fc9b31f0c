"""Rasters the plugin writes with GDAL: the kernel density grid (:mod:`citygrid_plugin.core.kde`)
as a GeoTIFF that QGIS opens like the output of its own heatmap algorithm."""
from __future__ import annotations

import numpy as np
from osgeo import gdal, osr

from .core.hotspots import HotspotError
from .core.i18n import tr
from .core.kde import NODATA


def write_geotiff(path: str, array: np.ndarray, geotransform: tuple[float, ...], epsg: int,
                  nodata: float = NODATA) -> None:
    """Write *array* (rows × cols, row 0 at the top) as a single-band float32 GeoTIFF in EPSG:*epsg*.

    DEFLATE-compressed and tiled, with *nodata* as the band's no-data value, so QGIS shows the
    heatmap exactly as its own algorithm's output.
    """
    arr = np.asarray(array, dtype=np.float32)
    if arr.ndim != 2:
        raise HotspotError(tr("a raster must be a 2-D array, got {ndim} dimensions").format(ndim=arr.ndim))
    srs = osr.SpatialReference()
    if srs.ImportFromEPSG(int(epsg)) != 0:
        raise HotspotError(tr("unknown coordinate reference system EPSG:{epsg}").format(epsg=epsg))
    driver = gdal.GetDriverByName("GTiff")
    rows, cols = arr.shape
    try:  # GDAL raises or returns None, depending on a process-wide setting other code may change
        ds = driver.Create(str(path), cols, rows, 1, gdal.GDT_Float32, ["COMPRESS=DEFLATE", "TILED=YES"])
    except RuntimeError:
        ds = None
    if ds is None:
        raise HotspotError(tr("cannot create the GeoTIFF '{path}': check that the folder exists and is writable")
                           .format(path=path))
    ds.SetGeoTransform(tuple(float(v) for v in geotransform))
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(float(nodata))
    try:
        written = band.WriteArray(arr) == 0
    except RuntimeError:
        written = False
    if not written:
        raise HotspotError(tr("cannot write the GeoTIFF '{path}' (disk full?)").format(path=path))
    band.FlushCache()
    ds.FlushCache()
    ds = None  # closes the file
