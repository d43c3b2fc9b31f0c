"""CityGrid: unit grids, component census, case workflow and evaluation for digital urban
management (数字城管) in QGIS, on a shared PostGIS store.

QGIS calls :func:`classFactory`; *iface* is None under ``qgis_process``, where only the
Processing provider is registered. Nothing here imports qgis, so the package's pure-Python
parts (core, store, the CLI) import without QGIS.
"""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin import CityGridPlugin

    return CityGridPlugin(iface)
