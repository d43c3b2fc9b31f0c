"""Reading text tables from Chinese sources: UTF-8 (with or without BOM) and GBK/GB18030.

Files from Chinese offices are often GBK (Excel's "CSV" on a Chinese Windows). ``auto``
tries UTF-8 first (strict; a BOM is removed) and falls back to GB18030, a superset of GBK
and GB2312. A file that is neither fails with the byte offset, so nothing is silently
mis-decoded.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from .i18n import tr

ENCODINGS = ("auto", "utf-8", "gbk", "gb18030")


class TextInputError(ValueError):
    """A text file could not be read; the message says where and how to fix it."""


def decode(data: bytes, encoding: str = "auto", source: str = "") -> tuple[str, str]:
    """Decode *data*; return (text, encoding used)."""
    encoding = (encoding or "auto").lower()
    if encoding not in ENCODINGS:
        raise TextInputError(tr("unknown encoding '{encoding}'; use one of {allowed}").format(
            encoding=encoding, allowed=", ".join(ENCODINGS)))
    if encoding in ("auto", "utf-8"):
        try:
            text = data.decode("utf-8-sig")
            return text, "utf-8"
        except UnicodeDecodeError as exc:
            if encoding == "utf-8":
                raise TextInputError(tr("{source}: not valid UTF-8 at byte {offset}; if the file comes "
                                        "from Excel on a Chinese Windows, choose GBK").format(
                    source=source, offset=exc.start)) from exc
    chosen = "gb18030" if encoding == "auto" else encoding
    try:
        return data.decode(chosen), "gbk" if chosen in ("gb18030", "gbk") else chosen
    except UnicodeDecodeError as exc:
        raise TextInputError(tr("{source}: neither UTF-8 nor GBK (undecodable byte at offset {offset}); "
                                "save it as UTF-8 and try again").format(source=source, offset=exc.start)) from exc


def read_csv(path: str | Path, encoding: str = "auto", aliases: dict[str, str] | None = None,
             required: tuple[str, ...] = ()) -> tuple[list[dict[str, str]], str]:
    """Read a CSV file into dicts keyed by (aliased) header; return (rows, encoding used).

    *aliases* maps header spellings (e.g. Chinese ``名称``) to canonical keys (``name``);
    *required* keys must all be present after aliasing, else a :class:`TextInputError`
    lists the missing ones and the headers found.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TextInputError(tr("cannot read {path}: {error}").format(path=path, error=exc.strerror)) from exc
    text, used = decode(data, encoding, source=path.name)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration as exc:
        raise TextInputError(tr("{source}: the file is empty").format(source=path.name)) from exc
    aliases = aliases or {}
    keys = [aliases.get(h.strip(), aliases.get(h.strip().lower(), h.strip().lower())) for h in header]
    missing = [k for k in required if k not in keys]
    if missing:
        raise TextInputError(tr("{source}: missing column(s) {missing}; found {found}").format(
            source=path.name, missing=", ".join(missing), found=", ".join(h.strip() for h in header)))
    rows = []
    for line, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(keys):
            raise TextInputError(tr("{source} line {line}: {got} values for {want} columns").format(
                source=path.name, line=line, got=len(values), want=len(keys)))
        rows.append(dict(zip(keys, values)))
    return rows, used
