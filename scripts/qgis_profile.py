#!/usr/bin/env python3
"""A dedicated QGIS profile with CityGrid installed, and launching QGIS desktop with it.

    scripts/qgis_profile.py launch      (make qgis) QGIS with the demo project open
    scripts/qgis_profile.py write DIR   just write a profile under DIR

The profile lives in .citygrid/qgis-profiles/citygrid; the plugin is linked from the source
tree (edits show after a plugin reload) or unpacked from a zip (tests use that to prove the
zip installs). The profile holds a PostgreSQL connection “CityGrid (private)” to the private
cluster (no password) and selects it as the plugin's store, so CityGrid's actions work at once.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PROFILE = "citygrid"
CONNECTION = "CityGrid (private)"


def write_profile(profiles_dir: Path, profile: str = PROFILE, plugin_zip: Path | None = None,
                  dbname: str = "citygrid", port: int | None = None) -> Path:
    """Create or refresh a QGIS profile; return its folder."""
    from citygrid_plugin.store.cluster import PrivateCluster

    folder = Path(profiles_dir) / "profiles" / profile
    plugins = folder / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    installed = plugins / "citygrid_plugin"
    if installed.is_symlink() or installed.is_file():
        installed.unlink()
    elif installed.exists():
        shutil.rmtree(installed)
    if plugin_zip is not None:
        with zipfile.ZipFile(plugin_zip) as zf:
            zf.extractall(plugins)
    else:
        installed.symlink_to(ROOT / "citygrid_plugin")  # layers.py finds ROOT/styles from there

    from qgis.PyQt.QtCore import QSettings

    cluster = PrivateCluster.default()
    port = port or cluster.port
    ini = folder / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(ini), QSettings.IniFormat)  # QSettings escapes keys as QGIS expects
    conn = f"PostgreSQL/connections/{CONNECTION}"
    values = {
        "PythonPlugins/citygrid_plugin": "true",
        "PostgreSQL/connections/selected": CONNECTION,
        f"{conn}/host": str(cluster.sockdir), f"{conn}/port": str(port), f"{conn}/database": dbname,
        f"{conn}/username": cluster.user, f"{conn}/saveUsername": "true",
        f"{conn}/savePassword": "false", f"{conn}/sslmode": "SslDisable",
        f"{conn}/service": "", f"{conn}/authcfg": "",
        "citygrid/target_kind": "connection", "citygrid/target_name": CONNECTION,
        "citygrid/language": "zh_CN",
        "qgis/checkVersion": "false", "qgis/showTips": "false",
        "locale/overrideFlag": "true", "locale/userLocale": "zh_CN",
    }
    for key, value in values.items():
        settings.setValue(key, value)
    settings.sync()
    return folder


def launch() -> int:
    from citygrid_plugin.store.cluster import PrivateCluster

    PrivateCluster.default().up()
    profiles = ROOT / ".citygrid" / "qgis-profiles"
    write_profile(profiles)
    project = ROOT / "output" / "demo" / "citygrid_demo.qgz"
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("make qgis needs a display (DISPLAY is not set); for a screenless check run "
              "`xvfb-run -a make qgis`", file=sys.stderr)
        return 2
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    cmd = ["qgis", "--profiles-path", str(profiles), "--profile", PROFILE, "--noversioncheck", str(project)]
    print(" ".join(cmd))
    return subprocess.call(cmd, env=env)


def main(argv: list[str]) -> int:
    if len(argv) >= 1 and argv[0] == "launch":
        return launch()
    if len(argv) >= 2 and argv[0] == "write":
        print(write_profile(Path(argv[1])))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
