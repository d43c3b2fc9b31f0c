"""The zh_CN catalogue as a person at a Chinese desk gets it, for tests that check what they read.

The translations come from ``resources/i18n/citygrid_zh_CN.ts`` (read with scripts/i18n.py),
plus the messages queued for the next ``make i18n`` in ``/tmp/i18n_queue.json`` when that file
exists (new messages waiting to be merged into the .ts). No Qt: usable from tests/unit.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUEUE = Path("/tmp/i18n_queue.json")


def zh_catalogue() -> dict[str, str]:
    """English source → Chinese, the finished translations only."""
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    import i18n

    catalogue = {source: text for source, (text, finished) in i18n.read_ts(i18n.ts_path("zh_CN")).items()
                 if finished}
    if QUEUE.exists():
        catalogue.update(json.loads(QUEUE.read_text(encoding="utf-8")))
    return catalogue


@contextmanager
def chinese() -> Iterator[dict[str, str]]:
    """core.i18n's tr() speaks Chinese inside the block (as the plugin's translator makes it)."""
    from citygrid_plugin.core.i18n import set_translator

    catalogue = zh_catalogue()
    set_translator(lambda text: catalogue.get(text, text))
    try:
        yield catalogue
    finally:
        set_translator(None)
