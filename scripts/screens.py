#!/usr/bin/env python3
"""`make screens`: every screen of CityGrid as a person sees it, as PNGs in docs/screens/.

Starts real QGIS desktop under Xvfb (a 1920 × 1080 screen) with the CityGrid profile of `make
qgis` (the plugin from the source tree, the private store, Chinese) and the demo project, then
runs scripts/screens_inside.py inside it: it opens each screen through the plugin's own actions
and widgets (main window, case queue per role, case detail, action dialog, big screen, heatmap
views, evaluation with a drill-down, settings, census form new and edit, grid split, toolbox) and
grabs it. Runs `make demo` first if the demo project is missing.

    scripts/screens.py [--out docs/screens] [--language zh_CN|en]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import qgis_profile  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screens"))
    parser.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"))
    args = parser.parse_args(argv)
    project = ROOT / "output" / "demo" / "citygrid_demo.qgz"
    if not project.exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "demo.py")], check=True)  # noqa: S603
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print("xvfb-run not found: run `make setup`", file=sys.stderr)
        return 2
    profiles = ROOT / ".citygrid" / "screens-profiles"
    if profiles.exists():
        shutil.rmtree(profiles)   # a fresh profile: the screens show what a new user sees
    folder = qgis_profile.write_profile(profiles)
    if args.language == "en":
        from qgis.PyQt.QtCore import QSettings

        settings = QSettings(str(folder / "QGIS" / "QGIS3.ini"), QSettings.IniFormat)
        settings.setValue("citygrid/language", "en")
        settings.setValue("locale/userLocale", "en_US")
        settings.sync()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env.update(CITYGRID_SCREENS_OUT=str(out.resolve()), PYTHONPATH=str(ROOT))
    cmd = [xvfb, "-a", "-s", "-screen 0 1920x1080x24", "qgis", "--profiles-path", str(profiles),
           "--profile", qgis_profile.PROFILE, "--noversioncheck", "--nologo",
           "--code", str(ROOT / "scripts" / "screens_inside.py"), str(project)]
    proc = subprocess.run(cmd, env=env, timeout=300)  # noqa: S603
    written = sorted(out.glob("*.png"))
    report = out / "screens.log"
    if report.exists():
        print(report.read_text(encoding="utf-8"))
    print(f"{len(written)} screens in {out}")
    return 0 if written and proc.returncode in (0, None) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
