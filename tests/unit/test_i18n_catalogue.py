"""Chinese first: every user-facing message has a finished zh_CN translation with the same
placeholders, and the shipped .qm is compiled from the current .ts."""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import i18n  # noqa: E402

PLACEHOLDER = re.compile(r"\{[^}]*\}")


def test_every_message_is_translated_with_the_same_placeholders():
    messages = i18n.extract()
    translations = i18n.read_ts(i18n.ts_path("zh_CN"))
    untranslated = [m for m in messages if not translations.get(m, ("", False))[1]]
    assert untranslated == [], "run `make i18n` and translate these in the .ts"
    for message in messages:
        text = translations[message][0]
        assert sorted(PLACEHOLDER.findall(message)) == sorted(PLACEHOLDER.findall(text)), message
        words = PLACEHOLDER.sub("", message).replace("pg_service", "").replace("CityGrid", "")
        assert re.search(r"[\u4e00-\u9fff]", text) or not re.search(r"[a-z]{4,}", words), message


def test_shipped_qm_matches_the_ts(tmp_path):
    if not any(shutil.which(c) or Path(c).exists() for c in i18n.LRELEASE_CANDIDATES):
        pytest.skip("lrelease not installed")
    fresh = tmp_path / "fresh.qm"
    i18n.compile_qm(i18n.ts_path("zh_CN"), fresh)
    shipped = i18n.ts_path("zh_CN").with_suffix(".qm")
    assert fresh.read_bytes() == shipped.read_bytes(), "the .qm is stale: run `make i18n`"


def test_tr_is_only_called_with_literals():
    """A computed tr(...) argument can't be extracted; only layers.py's table titles do it,
    and their literals are listed beside them."""
    import ast

    offenders = []
    for path in (ROOT / "citygrid_plugin").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and not isinstance(node.args[0], ast.Constant)):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert [o for o in offenders if not o.startswith("citygrid_plugin/layers.py:")] == []
