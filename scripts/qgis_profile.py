#!/usr/bin/env python3
"""A dedicated QGIS profile with CityGrid installed, and launching QGIS desktop with it.

    scripts/qgis_profile.py launch      (make qgis) QGIS with the demo project open
    scripts/qgis_profile.py write DIR   just write a profile under DIR
    scripts/qgis_profile.py process …   (./citygrid process …) qgis_process with CityGrid, e.g.
        ./citygrid process run citygrid:monthlyreport -- SERVICE=citygrid_citygrid MONTH=2026-11 OUTPUT=r.pdf

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
QGIS_CHINESE = "zh-Hans"   # the locale of QGIS's own Simplified Chinese translation (/usr/share/qgis/i18n)


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
        "qgis/checkVersion": "false", "qgis/showTips": "false",
    }
    for key, value in values.items():
        settings.setValue(key, value)
    # The languages are the user's once chosen: set on the profile's first launch only, so a switch
    # to English (CityGrid ▸ Settings, or QGIS's own options) survives `make qgis`. QGIS 3.22 ships
    # its Chinese translation as "zh-Hans" (qgis_zh-Hans.qm): "zh_CN" left its menus in English,
    # and a profile written that way by an older CityGrid is corrected.
    first = {"citygrid/language": "zh_CN", "locale/overrideFlag": "true", "locale/userLocale": QGIS_CHINESE}
    for key, value in first.items():
        if not settings.contains(key) or (key == "locale/userLocale" and settings.value(key) == "zh_CN"):
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


QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # Debian's qgis_process wrapper passes a flag 3.22 rejects


def process(args: list[str]) -> int:
    """Run qgis_process with CityGrid from this checkout, from any shell: a QGIS profile of its own
    (.citygrid/qgis-process, the plugin linked from the source tree and enabled), no display
    needed (offscreen), the demo's pg_service entries (.citygrid/pg_service.conf, unless
    PGSERVICEFILE is set) and the private cluster started."""
    from citygrid_plugin.store.cluster import PrivateCluster, default_home

    PrivateCluster.default().up()
    config = default_home() / "qgis-process"
    write_profile(config, "default")
    env = dict(os.environ)
    env.pop("QGIS_PLUGINPATH", None)
    env.update(QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(config))
    services = default_home() / "pg_service.conf"
    if "PGSERVICEFILE" not in env and services.exists():
        env["PGSERVICEFILE"] = str(services)
    if not Path(QGIS_PROCESS).exists():
        print(f"{QGIS_PROCESS} not found: run `make setup` (installs QGIS)", file=sys.stderr)
        return 2
    sys.stdout.flush()
    os.execve(QGIS_PROCESS, [QGIS_PROCESS, *args], env)  # nosec B606 - fixed program, arguments of the user
    return 0  # not reached


def main(argv: list[str]) -> int:
    if len(argv) >= 1 and argv[0] == "launch":
        return launch()
    if len(argv) >= 1 and argv[0] == "process":
        return process(argv[1:])
    if len(argv) >= 2 and argv[0] == "write":
        print(write_profile(Path(argv[1])))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
