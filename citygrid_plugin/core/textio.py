"""Reading text tables from Chinese sources: UTF-8 (with or without BOM) and GBK/GB18030.

Files from Chinese offices are often GBK (Excel's "CSV" on a Chinese Windows). ``auto``
tries UTF-8 first (strict; a BOM is removed) and falls back to GB18030, a superset of GBK
and GB2312. A file that is neither fails with the byte offset, so nothing is silently
mis-decoded. Short GBK text can also be valid UTF-8 (the classic 联通 case: "一一" in GBK reads
as the Cyrillic "һһ"): a file without a BOM whose UTF-8 reading holds no Chinese character but
letters of other scripts, while its GBK reading is Chinese, is ambiguous, and ``auto`` asks
for the encoding instead of guessing.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
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
            if encoding == "auto" and not data.startswith(b"\xef\xbb\xbf"):
                _refuse_if_ambiguous(data, text, source)
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


def _refuse_if_ambiguous(data: bytes, text: str, source: str) -> None:
    """Raise when *data* reads as UTF-8 without any CJK character but with other non-ASCII
    letters, and as GBK with Chinese characters: only the person who made the file can say."""
    if not any("\u0080" <= c < "\u0800" for c in text) or any(c >= "\u0800" for c in text):
        return
    try:
        other = data.decode("gb18030")
    except UnicodeDecodeError:
        return
    if not any("\u4e00" <= c <= "\u9fff" for c in other):
        return
    at = next(i for i, c in enumerate(text) if c >= "\u0080")
    line_start = text.rfind("\n", 0, at) + 1
    sample_utf8 = text[line_start:].split("\n", 1)[0][:40].rstrip("\r")
    sample_gbk = other.split("\n")[text.count("\n", 0, at)][:40].rstrip("\r")  # newlines are the same bytes
    raise TextInputError(tr("{source}: the encoding cannot be told apart: read as UTF-8 the file says “{utf8}”, "
                            "read as GBK “{gbk}”; choose the encoding (UTF-8 or GBK) explicitly").format(
        source=source, utf8=sample_utf8, gbk=sample_gbk))


@dataclass
class CsvTable:
    """A CSV file read by :func:`read_table`: ``rows[i]`` starts on line ``lines[i]`` of the file
    (header = line 1; a quoted value may span lines, blank lines are skipped), keyed by ``columns``
    (the aliased headers)."""

    rows: list[dict[str, str]]
    lines: list[int]
    columns: list[str]
    encoding: str


def read_table(path: str | Path, encoding: str = "auto", aliases: dict[str, str] | None = None,
               required: tuple[str, ...] = ()) -> CsvTable:
    """Read a CSV file into dicts keyed by (aliased) header, with the line each row starts on.

    *aliases* maps header spellings (e.g. Chinese ``名称``) to canonical keys (``name``);
    *required* keys must all be present after aliasing, else a :class:`TextInputError`
    lists the missing ones and the headers found. A row with more or fewer values than the
    header, or a NUL character (a UTF-16 or binary file), rejects the file with its line.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TextInputError(tr("cannot read {path}: {error}").format(path=path, error=exc.strerror)) from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TextInputError(tr("{source} is UTF-16 (Excel's “Unicode text”); save it as “CSV UTF-8” or as GBK "
                                "CSV and try again").format(source=path.name))
    text, used = decode(data, encoding, source=path.name)
    if "\x00" in text:
        raise TextInputError(tr("{source} line {line} contains a NUL character (byte 0), so it is not a text file "
                                "(UTF-16 or binary?); save it as “CSV UTF-8” or as GBK CSV").format(
            source=path.name, line=text.count("\n", 0, text.index("\x00")) + 1))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration as exc:
        raise TextInputError(tr("{source}: the file is empty").format(source=path.name)) from exc
    except csv.Error as exc:
        raise TextInputError(tr("{source} line {line}: {error}").format(
            source=path.name, line=reader.line_num, error=exc)) from exc
    aliases = aliases or {}
    keys = [aliases.get(h.strip(), aliases.get(h.strip().lower(), h.strip().lower())) for h in header]
    missing = [k for k in required if k not in keys]
    if missing:
        raise TextInputError(tr("{source}: missing column(s) {missing}; found {found}").format(
            source=path.name, missing=", ".join(missing), found=", ".join(h.strip() for h in header)))
    table = CsvTable([], [], keys, used)
    end = reader.line_num
    while True:
        start = end + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise TextInputError(tr("{source} line {line}: {error}").format(
                source=path.name, line=start, error=exc)) from exc
        end = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(keys):
            raise TextInputError(tr("{source} line {line}: {got} values for {want} columns").format(
                source=path.name, line=start, got=len(values), want=len(keys)))
        table.rows.append(dict(zip(keys, values)))
        table.lines.append(start)
    return table


def read_csv(path: str | Path, encoding: str = "auto", aliases: dict[str, str] | None = None,
             required: tuple[str, ...] = ()) -> tuple[list[dict[str, str]], str]:
    """Read a CSV file into dicts keyed by (aliased) header; return (rows, encoding used).
    See :func:`read_table` (which also gives each row's line)."""
    table = read_table(path, encoding, aliases, required)
    return table.rows, table.encoding


def mixed_encoding(data: bytes) -> tuple[int, int] | None:
    """(first UTF-8 line, first GBK line) of a file that holds Chinese text in both encodings,
    else None. Decoded whole, such a file is garbage in one of its parts, whatever encoding is
    chosen. A line counts as UTF-8 only when it decodes so with a Chinese character (short GBK
    text can be valid UTF-8 of other scripts: see core.textio)."""
    utf8 = gbk = None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for number, raw in enumerate(data.split(b"\n"), 1):
        if raw.isascii():
            continue
        try:
            decoded = raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                raw.decode("gb18030")
            except UnicodeDecodeError:
                continue
            gbk = gbk or number
        else:
            if any(c >= "\u2e80" for c in decoded):
                utf8 = utf8 or number
        if utf8 and gbk:
            return utf8, gbk
    return None
