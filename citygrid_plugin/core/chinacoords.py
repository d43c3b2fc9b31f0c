"""The coordinates Chinese map apps emit: WGS84 ↔ GCJ-02 (国测局坐标, "Mars coordinates": Amap/高德,
Tencent/腾讯 and WeChat) ↔ BD-09 (百度坐标: Baidu), in degrees (longitude, latitude).

A hotline or 12345 platform export often carries the position a citizen's phone app picked on its
map, so in GCJ-02 or BD-09, not in WGS84. Taken as WGS84 such a point lies 300–700 m off in
Chengdu — in the wrong unit grid (单元网格). These functions undo the offset explicitly, before a
QGIS transform takes the WGS84 position to the store CRS.

Accuracy (say it when you report positions):

- ``wgs84_to_gcj02`` is the published approximation of the official obfuscation (the well-known
  public algorithm on the Krasovsky ellipsoid, a = 6378245.0, e² = 0.00669342162296594323); the
  official algorithm is not public, so a position converted to WGS84 here is typically within
  1–2 m of the true WGS84 position (sometimes a few metres) — plenty for a unit grid of ~100 m,
  not survey grade.
- ``gcj02_to_wgs84`` inverts that formula by fixed-point iteration (not the one-step
  approximation ``2·g − f(g)``, which is off by decimetres, up to ~3 m in the far west); it
  converges to < 1 mm relative to the forward formula (the loop stops below 1e-9° ≈ 0.1 mm).
  ``bd09_to_gcj02`` likewise iterates the BD-09 formula, so every round trip here closes to
  < 1 mm.
- Outside China (the usual rough box, :func:`out_of_china`) GCJ-02 equals WGS84, as the apps do;
  the BD-09 offset is a formula on GCJ-02 applied everywhere, as the public implementations do.

Pure Python (no QGIS), unit-tested in tests/unit/test_chinacoords.py.
"""
from __future__ import annotations

import math

from .i18n import tr

A = 6378245.0                        # Krasovsky 1940 semi-major axis (m), as the GCJ-02 formula uses
EE = 0.00669342162296594323          # Krasovsky 1940 first eccentricity squared
X_PI = math.pi * 3000.0 / 180.0      # the BD-09 formula's constant
SYSTEMS = ("wgs84", "gcj02", "bd09")
TOLERANCE_DEG = 1e-9                 # ≈ 0.1 mm: the iterative inverses stop below it
MAX_ITERATIONS = 30


class CoordinateSystemError(ValueError):
    """A coordinate system name this module does not know."""


def out_of_china(lon: float, lat: float) -> bool:
    """True outside the rough box of China (72.004–137.8347° E, 0.8293–55.8271° N), where the
    apps leave WGS84 unchanged."""
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def _dlat(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _dlon(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    """WGS84 → GCJ-02 by the published formula (identity outside China)."""
    if out_of_china(lon, lat):
        return lon, lat
    dlat = _dlat(lon - 105.0, lat - 35.0)
    dlon = _dlon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - EE * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((A * (1 - EE)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (A / sqrtmagic * math.cos(radlat) * math.pi)
    return lon + dlon, lat + dlat


def _invert(forward, lon: float, lat: float) -> tuple[float, float]:
    """The point p with forward(p) = (lon, lat), by fixed-point iteration from (lon, lat): the
    offsets change slowly with position, so each step gains about five orders of magnitude."""
    x, y = lon, lat
    for _ in range(MAX_ITERATIONS):
        fx, fy = forward(x, y)
        dx, dy = lon - fx, lat - fy
        x, y = x + dx, y + dy
        if abs(dx) < TOLERANCE_DEG and abs(dy) < TOLERANCE_DEG:
            break
    return x, y


def gcj02_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    """GCJ-02 → WGS84: the exact inverse of :func:`wgs84_to_gcj02` to < 1 mm (iterated; identity
    outside China)."""
    if out_of_china(lon, lat):
        return lon, lat
    return _invert(wgs84_to_gcj02, lon, lat)


def gcj02_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    """GCJ-02 → BD-09 (Baidu's published offset)."""
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * X_PI)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


def bd09_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    """BD-09 → GCJ-02: the published approximate inverse, refined by iteration to invert
    :func:`gcj02_to_bd09` to < 1 mm."""
    x, y = lon - 0.0065, lat - 0.006
    z = math.sqrt(x * x + y * y) - 0.00002 * math.sin(y * X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * X_PI)
    gx, gy = z * math.cos(theta), z * math.sin(theta)
    for _ in range(MAX_ITERATIONS):
        bx, by = gcj02_to_bd09(gx, gy)
        dx, dy = lon - bx, lat - by
        gx, gy = gx + dx, gy + dy
        if abs(dx) < TOLERANCE_DEG and abs(dy) < TOLERANCE_DEG:
            break
    return gx, gy


def bd09_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    """BD-09 → WGS84 (through GCJ-02)."""
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


def wgs84_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    """WGS84 → BD-09 (through GCJ-02)."""
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


_TO_WGS84 = {"wgs84": lambda lon, lat: (lon, lat), "gcj02": gcj02_to_wgs84, "bd09": bd09_to_wgs84}


def to_wgs84(lon: float, lat: float, system: str) -> tuple[float, float]:
    """(lon, lat) in *system* (one of :data:`SYSTEMS`: "wgs84", "gcj02", "bd09") as WGS84."""
    try:
        convert = _TO_WGS84[system]
    except (KeyError, TypeError):
        raise CoordinateSystemError(tr("unknown coordinate system '{system}'; use one of {allowed}").format(
            system=system, allowed=", ".join(SYSTEMS))) from None
    return convert(float(lon), float(lat))
