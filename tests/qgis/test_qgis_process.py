"""The real command-line entry point: qgis_process.bin with the plugin from the source tree
and from the built zip unpacked into a fresh QGIS profile; and QGIS desktop loading the zip."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # Debian's wrapper passes a flag 3.22 rejects

pytestmark = pytest.mark.slow


def qgis_process(args: list[str], config: Path, plugin_path: Path | None = None, timeout: int = 180):
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_PLUGINPATH", "PYTHONPATH")}
    env.update(QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(config))
    if plugin_path is not None:
        env["QGIS_PLUGINPATH"] = str(plugin_path)
    return subprocess.run([QGIS_PROCESS, *args], capture_output=True, text=True, env=env,
                          timeout=timeout, cwd=config)


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory):
    import build_zip

    return build_zip.build(tmp_path_factory.mktemp("dist"))


def test_zip_holds_the_plugin_and_nothing_else(plugin_zip):
    import zipfile

    names = zipfile.ZipFile(plugin_zip).namelist()
    assert all(n.startswith("citygrid_plugin/") for n in names)
    for needed in ("citygrid_plugin/metadata.txt", "citygrid_plugin/__init__.py", "citygrid_plugin/LICENSE",
                   "citygrid_plugin/resources/i18n/citygrid_zh_CN.qm",
                   "citygrid_plugin/resources/data/component_classes_2013.csv",
                   "citygrid_plugin/store/migrations/001_store.sql", "citygrid_plugin/store/roles.sql",
                   "citygrid_plugin/styles/community.qml", "citygrid_plugin/styles/thematic_a4_landscape.qpt"):
        assert needed in names
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".ts"))]


def test_source_tree_plugin_lists_and_creates_a_store(tmp_path, cluster, fresh_db):
    import qgis_profile

    qgis_profile.write_profile(tmp_path, "default", dbname=fresh_db)
    (tmp_path / "profiles" / "default" / "python" / "plugins" / "citygrid_plugin").unlink()
    listed = qgis_process(["list"], tmp_path, plugin_path=ROOT)
    assert "citygrid:createstore" in listed.stdout, listed.stderr[-2000:]
    assert "citygrid:importdivisions" in listed.stdout
    run = qgis_process(["run", "citygrid:createstore", "--", f"CONNECTION={qgis_profile.CONNECTION}",
                        "CRS=EPSG:4544"], tmp_path, plugin_path=ROOT)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    from citygrid_plugin.store import db, migrate

    conn = db.connect(cluster.dsn(fresh_db))
    try:
        assert migrate.store_version(conn) == migrate.discover()[-1].version
    finally:
        conn.close()


def test_zip_installed_in_a_fresh_profile_loads_in_qgis_process(tmp_path, plugin_zip, fresh_db):
    import qgis_profile

    qgis_profile.write_profile(tmp_path, "default", plugin_zip=plugin_zip, dbname=fresh_db)
    listed = qgis_process(["--json", "list"], tmp_path)
    data = json.loads(listed.stdout[listed.stdout.index("{"):])
    assert "citygrid" in data["providers"], listed.stderr[-2000:]
    run = qgis_process(["run", "citygrid:createstore", "--", f"CONNECTION={qgis_profile.CONNECTION}"], tmp_path)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "VERSION:" in run.stdout


CHECK = """
import json, qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QToolBar
from qgis.utils import iface
mw = iface.mainWindow()
menus = [a.text() for a in mw.menuBar().actions() if a.menu() and a.menu().objectName() == "CityGridMenu"]
json.dump({"active": list(qgis.utils.active_plugins),
           "provider": QgsApplication.processingRegistry().providerById("citygrid") is not None,
           "menus": menus,
           "toolbar": [t.windowTitle() for t in mw.findChildren(QToolBar) if t.objectName() == "CityGridToolbar"]},
          open(OUT, "w"), ensure_ascii=False)
from qgis.PyQt.QtCore import QTimer
QTimer.singleShot(0, QgsApplication.instance().quit)  # --code runs before the event loop starts
"""


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("qgis") is None, reason="needs xvfb and qgis")
def test_zip_loads_in_qgis_desktop(tmp_path, plugin_zip, fresh_db):
    import qgis_profile

    qgis_profile.write_profile(tmp_path, "citygrid", plugin_zip=plugin_zip, dbname=fresh_db)
    out = tmp_path / "result.json"
    script = tmp_path / "check.py"
    script.write_text(f"OUT = {str(out)!r}\n" + CHECK, encoding="utf-8")
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "QGIS_CUSTOM_CONFIG_PATH", "QGIS_PLUGINPATH", "PYTHONPATH")}
    proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", "qgis", "--profiles-path",
                           str(tmp_path), "--profile", "citygrid", "--noversioncheck", "--nologo",
                           "--code", str(script)], capture_output=True, text=True, env=env, timeout=180)
    assert out.exists(), proc.stdout[-2000:] + proc.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert "citygrid_plugin" in result["active"]
    assert result["provider"] is True
    assert len(result["menus"]) == 1
    assert len(result["toolbar"]) == 1
