#!/usr/bin/env python3
"""Build the installable plugin zip (`make zip`): dist/citygrid_plugin-<version>.zip.

The zip holds one folder, citygrid_plugin/, with the package, its resources (icons, class
tables, compiled translations), the styles (copied from styles/ into citygrid_plugin/styles)
and the licence; no tests, caches or .ts sources. Install it with Plugins ▸ Manage and
Install Plugins ▸ Install from ZIP.
"""
from __future__ import annotations

import configparser
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "citygrid_plugin"
SKIP_SUFFIXES = {".pyc", ".ts", ".pro"}


def version() -> str:
    cfg = configparser.ConfigParser()
    cfg.read(PKG / "metadata.txt", encoding="utf-8")
    return cfg["general"]["version"]


def build(dest_dir: Path = ROOT / "dist") -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / f"citygrid_plugin-{version()}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(PKG.rglob("*")):
            if path.is_dir() or "__pycache__" in path.parts or path.suffix in SKIP_SUFFIXES:
                continue
            zf.write(path, Path("citygrid_plugin") / path.relative_to(PKG))
        for path in sorted((ROOT / "styles").glob("*")):
            if path.is_file():
                zf.write(path, Path("citygrid_plugin") / "styles" / path.name)
        zf.write(ROOT / "LICENSE", "citygrid_plugin/LICENSE")
    return target


if __name__ == "__main__":
    print(build())
    sys.exit(0)
