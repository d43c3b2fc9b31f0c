"""CRS helpers: the CGCS2000 3-degree Gauss-Krüger zone (without zone prefix) of a longitude.

China stores large-scale urban data in CGCS2000 Gauss-Krüger projections; a city picks the
3-degree zone whose central meridian is nearest (EPSG:4534 = CM 75°E … EPSG:4554 = CM 135°E,
false easting 500 km, no zone number in the easting). Chengdu (104.07°E) → CM 105°E → EPSG:4544.
"""
from __future__ import annotations

from .i18n import tr

GK3_FIRST_EPSG = 4534  # CGCS2000 / 3-degree Gauss-Kruger CM 75E
GK3_FIRST_CM = 75
GK3_LAST_CM = 135


def gk3_central_meridian(longitude: float) -> int:
    cm = int(round(longitude / 3.0)) * 3
    if not GK3_FIRST_CM <= cm <= GK3_LAST_CM:
        raise ValueError(tr("longitude {lon:.3f}° is outside China's Gauss-Krüger zones (73.5°E–136.5°E)").format(
            lon=longitude))
    return cm


def gk3_epsg(longitude: float) -> int:
    """EPSG code of the CGCS2000 3-degree GK zone (CM notation) for *longitude*."""
    return GK3_FIRST_EPSG + (gk3_central_meridian(longitude) - GK3_FIRST_CM) // 3
