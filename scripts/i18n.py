#!/usr/bin/env python3
"""Translation catalogue (`make i18n`): extract, merge, compile.

Every literal passed to ``tr("...")`` in citygrid_plugin/ is a message in the Qt context
``CityGrid``. This script writes them into resources/i18n/citygrid_zh_CN.ts, keeping the
translations already there (new messages are marked unfinished, vanished ones obsolete), and
compiles the .qm with Qt's lrelease. Translators edit the .ts with Qt Linguist.

A unit test fails when a message has no finished translation or the .qm is stale.
"""
from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "citygrid_plugin"
I18N = PKG / "resources" / "i18n"
CONTEXT = "CityGrid"
LANGUAGES = ("zh_CN",)
LRELEASE_CANDIDATES = ("/usr/lib/qt5/bin/lrelease", "lrelease", "lrelease-qt5")


def extract(pkg: Path = PKG) -> dict[str, str]:
    """message -> first location (relative path:line) of every tr("literal") call."""
    found: dict[str, str] = {}
    for path in sorted(pkg.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def ts_path(lang: str) -> Path:
    return I18N / f"citygrid_{lang}.ts"


def read_ts(path: Path) -> dict[str, tuple[str, bool]]:
    """source -> (translation, finished) from a .ts file (missing file: empty)."""
    if not path.exists():
        return {}
    out = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        tnode = message.find("translation")
        text = (tnode.text or "") if tnode is not None else ""
        finished = tnode is not None and tnode.get("type") not in ("unfinished", "obsolete", "vanished") and bool(text)
        out[source] = (text, finished)
    return out


def write_ts(path: Path, lang: str, messages: dict[str, str], translations: dict[str, tuple[str, bool]]) -> None:
    ts = ET.Element("TS", version="2.1", language=lang)
    ctx = ET.SubElement(ts, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    for source, location in sorted(messages.items(), key=lambda kv: kv[0]):
        msg = ET.SubElement(ctx, "message")
        file, line = location.rsplit(":", 1)
        ET.SubElement(msg, "location", filename=file, line=line)
        ET.SubElement(msg, "source").text = source
        text, finished = translations.get(source, ("", False))
        t = ET.SubElement(msg, "translation")
        t.text = text
        if not finished:
            t.set("type", "unfinished")
    ET.indent(ts)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(ts, encoding="utf-8") + b"\n"
    path.write_bytes(data)


def lrelease() -> str:
    import shutil

    for candidate in LRELEASE_CANDIDATES:
        found = shutil.which(candidate) or (candidate if Path(candidate).exists() else None)
        if found:
            return found
    raise SystemExit("lrelease not found: install qttools5-dev-tools (make setup does)")


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run([lrelease(), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True)


def update(merge: dict[str, str] | None = None) -> list[str]:
    """Refresh every .ts (adding *merge* translations for zh_CN) and compile; return messages
    still untranslated."""
    messages = extract()
    missing = []
    for lang in LANGUAGES:
        path = ts_path(lang)
        translations = read_ts(path)
        for source, text in (merge or {}).items():
            translations[source] = (text, True)
        write_ts(path, lang, messages, translations)
        compile_qm(path, path.with_suffix(".qm"))
        missing += [m for m in messages if not translations.get(m, ("", False))[1]]
    return missing


if __name__ == "__main__":
    todo = update()
    for message in todo:
        print(f"untranslated: {message!r}")
    print(f"{len(extract())} messages, {len(todo)} untranslated")
    sys.exit(0)
