"""pb_tool.cfg ships what `make zip` ships: every top-level module and folder of the package."""
from __future__ import annotations

import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "citygrid_plugin"


def test_pb_tool_lists_every_module_and_folder_of_the_package():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "pb_tool.cfg", encoding="utf-8")
    files = cfg["files"]
    assert set(files["python_files"].split()) == {p.name for p in PKG.glob("*.py")}
    assert set(files["extra_dirs"].split()) == {p.name for p in PKG.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert set(files["extras"].split()) == {p.name for p in PKG.iterdir() if p.is_file() and p.suffix != ".py"}
