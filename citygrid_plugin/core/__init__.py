"""Pure-Python domain logic of CityGrid: codes, class tables, text input, CRS helpers.

Nothing in this package imports qgis, Qt or a database driver, so it runs (and is
unit-tested) anywhere. User-facing messages go through :func:`citygrid_plugin.core.i18n.tr`.
"""
