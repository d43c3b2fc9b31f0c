"""The one-way layers of the plugin, read from the source with the ast module (no import runs):

    core  ←  store  ←  processing / QGIS-side modules  ←  gui

- core is pure Python: it imports only the standard library, numpy/scipy/shapely and core itself (no
  qgis, PyQt, psycopg2, no other part of the plugin);
- store talks SQL through psycopg2 and knows core; it imports neither processing, gui nor qgis
  (the command line and the benchmarks use it without QGIS);
- an algorithm module (processing/alg_*.py) never imports another algorithm module: shared code
  goes to processing/base.py, core, store or a QGIS-side module at the top of the package;
- gui imports no algorithm module;
- SQL lives in store/: no other module holds an SQL statement in a string.

The SQL rule is a heuristic, and documented as such: a string constant that starts with SELECT,
INSERT, UPDATE, DELETE, WITH, CREATE, ALTER, DROP, COPY or TRUNCATE (upper case, as this project
writes SQL) followed by FROM, INTO, SET, TABLE, VALUES or ON further on is a statement. QGIS
filter expressions (``"retired_at" IS NULL``) and messages in English prose do not match.
"""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "citygrid_plugin"
PURE_THIRD_PARTY = {"numpy", "scipy"}
FORBIDDEN_IN_CORE = {"qgis", "PyQt5", "PyQt6", "psycopg2", "osgeo", "processing"}  # shapely (GEOS) is fine
SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|COPY|TRUNCATE)\b[\s\S]*"
                 r"\b(FROM|INTO|SET|TABLE|VALUES|ON)\b")


def modules() -> list[Path]:
    return sorted(p for p in PKG.rglob("*.py") if "__pycache__" not in p.parts)


def package_of(path: Path) -> list[str]:
    """Dotted parts of the module's package, e.g. ['citygrid_plugin', 'processing']."""
    return ["citygrid_plugin", *path.relative_to(PKG).parent.parts]


def imported(path: Path) -> list[tuple[int, str]]:
    """(line, absolute dotted name) of every import in *path*, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_of(path)[: len(package_of(path)) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if node.module is None or node.level:  # "from . import x": x may be a module
                found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, module))
    return found


def part(name: str) -> str:
    """'core', 'store', 'processing', 'gui' or the top-level module of a plugin name."""
    bits = name.split(".")
    return bits[1] if len(bits) > 1 else ""


def violations() -> list[str]:
    out = []
    for path in modules():
        rel = path.relative_to(PKG)
        layer = rel.parts[0] if len(rel.parts) > 1 else ""
        for line, name in imported(path):
            top = name.split(".")[0]
            where = f"{rel}:{line} imports {name}"
            plugin = top == "citygrid_plugin"
            if layer == "core":
                if plugin and part(name) != "core":
                    out.append(f"{where}: core imports only core")
                elif top in FORBIDDEN_IN_CORE:
                    out.append(f"{where}: core is pure Python (no {top})")
            elif layer == "store":
                if plugin and part(name) not in ("core", "store"):
                    out.append(f"{where}: store imports only core and store")
                elif top in ("qgis", "processing"):
                    out.append(f"{where}: store runs without QGIS")
            elif layer == "processing" and rel.name.startswith("alg_"):
                if plugin and part(name) == "processing" and any(b.startswith("alg_") for b in name.split(".")[2:]):
                    out.append(f"{where}: an algorithm module never imports another")
                if plugin and part(name) == "gui":
                    out.append(f"{where}: processing does not import gui")
            elif layer == "gui":
                if plugin and part(name) == "processing" and ".alg_" in name:
                    out.append(f"{where}: gui imports no algorithm module")
    return out


def sql_outside_store() -> list[str]:
    out = []
    for path in modules():
        rel = path.relative_to(PKG)
        if rel.parts[0] == "store":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value):
                out.append(f"{rel}:{node.lineno}: {node.value.strip()[:60]!r}")
            elif isinstance(node, ast.JoinedStr):
                head = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
                if SQL.match(head):
                    out.append(f"{rel}:{node.lineno}: f-string {head.strip()[:60]!r}")
    return out


def test_the_layers_import_one_way():
    assert violations() == []


def test_sql_lives_in_the_store():
    assert sql_outside_store() == []


@pytest.mark.parametrize("source, rule", [
    ("core/x.py", "from qgis.core import QgsGeometry"),
    ("core/x.py", "from ..store import db"),
    ("store/x.py", "from ..processing import base"),
    ("store/x.py", "from qgis.core import QgsProject"),
    ("processing/alg_a.py", "from .alg_b import Thing"),
    ("processing/alg_a.py", "from . import alg_b"),
    ("gui/docks/x.py", "from ...processing.alg_maps import grouping_label"),
])
def test_the_rules_would_catch_each_kind_of_violation(tmp_path, monkeypatch, source, rule):
    """The test is not vacuous: a module breaking each rule is reported."""
    fake = tmp_path / "citygrid_plugin"
    path = fake / source
    path.parent.mkdir(parents=True)
    path.write_text(rule + "\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PKG", fake)
    assert len(violations()) == 1


def test_the_sql_heuristic_tells_statements_from_filters_and_prose():
    assert SQL.match("SELECT code FROM citygrid.grid")
    assert SQL.match("INSERT INTO citygrid.component (a) VALUES (%s)")
    assert SQL.match("UPDATE citygrid.grid SET name = %s")
    assert not SQL.match('"retired_at" IS NULL')
    assert not SQL.match("Select the grids to merge, then run the tool")
    assert not SQL.match("DELETE a grid to retire it")


def test_no_test_module_imports_another():
    """Fixtures live in conftest.py files and shared helpers in tests/helpers/: a test module
    importing another couples them (and runs its fixtures twice)."""
    tests = PKG.parent / "tests"
    found = []
    for path in sorted(tests.rglob("*.py")):
        if "helpers" in path.parts:
            continue
        for line, name in imported_in(path):
            if name.startswith("tests.") and any(part.startswith(("test_", "conftest")) for part in name.split(".")):
                found.append(f"{path.relative_to(tests)}:{line} imports {name}")
    assert found == []


def imported_in(path: Path) -> list[tuple[int, str]]:
    """(line, dotted module) of the absolute imports of *path*."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out.append((node.lineno, node.module))
    return out
