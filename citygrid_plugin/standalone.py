"""Headless QGIS for scripts (the demo, benchmarks, batch jobs): one call gives a running
QgsApplication with Processing and the CityGrid provider.

    from citygrid_plugin.standalone import start_qgis
    app = start_qgis()
    import processing
    processing.run("citygrid:createstore", {...})
"""
from __future__ import annotations

import os
import sys

_APP = None
_PLUGIN = None


def start_qgis():
    """Start (once) an offscreen QgsApplication with Processing and the CityGrid provider."""
    global _APP, _PLUGIN
    if _APP is not None:
        return _APP
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")  # nosec B108
    os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    plugins = "/usr/share/qgis/python/plugins"
    if plugins not in sys.path:
        sys.path.append(plugins)
    from qgis.core import QgsApplication

    app = QgsApplication.instance()
    if app is None:
        QgsApplication.setPrefixPath("/usr", True)
        app = QgsApplication([], False)
        app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from . import classFactory

    _PLUGIN = classFactory(None)
    _PLUGIN.initProcessing()
    _APP = app
    return app
