"""Repair of the text layer of the PDFs QGIS writes (Qt's ToUnicode maps and Noto's radicals).

Qt names each glyph in the PDF's ToUnicode map after the *lowest* code point using it, and Noto
Sans CJK maps 283 radicals (⽇ U+2F47, ⻚ U+2EDA …) to the same glyphs as common characters (日,
页, 月, 门, 长, 车 …): copied or searched text, and pdftotext, would get the radicals.
:func:`fix_pdf_text` (run by every PDF export of the package) repairs these maps with an
incremental update of the PDF; pages and georeferencing are not touched.

Pure bytes: standard library only (no QGIS, no Qt), so it is unit-tested on PDFs built in the
test (tests/unit/test_pdftext.py).
"""
from __future__ import annotations

import os
import re
import unicodedata
import zlib
from pathlib import Path

# Radicals whose Noto Sans CJK SC glyph is shared with an ideograph NFKC does not give (derived from
# the font's cmap; Kangxi radicals U+2F00–U+2FD5 and compatibility ideographs fold with NFKC).
_RADICAL_FIX = dict(zip(
    "⺂⺃⺅⺉⺋⺏⺐⺒⺓⺔⺕⺖⺘⺙⺛⺞⺠⺡⺣⺤⺦⺨⺭⺯⺰⺱⺳⺹⺺⺾⻂⻅⻆⻈⻉⻋⻌⻐⻑⻒⻓⻔⻖⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻮⻯⻰⻱⻲⼾",
    "乛乚亻刂㔾尣尢巳幺彑彐忄扌攵旡歺民氵灬爫丬犭礻糹纟罓㓁耂肀艹衤见角讠贝车辶钅長镸长门阝青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾斉齐齿竜龙龜亀户",
    strict=True))
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _fold(text: str) -> str:
    out = []
    for ch in text:
        cp = ord(ch)
        if ch in _RADICAL_FIX:
            ch = _RADICAL_FIX[ch]
        elif 0x2F00 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF:
            folded = unicodedata.normalize("NFKC", ch)
            ch = folded if len(folded) == 1 else ch
        out.append(ch)
    return "".join(out)


def _utf16(hexstr: bytes) -> str:
    return bytes.fromhex(hexstr.decode()).decode("utf-16-be", errors="surrogatepass")


def _cmap_entries(cmap: bytes) -> dict[int, str] | None:
    """CID → text of a ToUnicode CMap (bfchar and bfrange); None when it cannot be parsed."""
    entries: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        codes = _HEX.findall(block)
        if len(codes) % 2:
            return None
        for src, dst in zip(codes[::2], codes[1::2]):
            entries[int(src, 16)] = _utf16(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for line in re.finditer(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block):
            lo, hi, dst = int(line.group(1), 16), int(line.group(2), 16), line.group(3)
            if dst.startswith(b"["):
                for i, value in enumerate(_HEX.findall(dst)):
                    entries[lo + i] = _utf16(value)
            else:
                start = bytes.fromhex(dst[1:-1].decode())
                for i in range(hi - lo + 1):
                    last = int.from_bytes(start[-2:], "big") + i
                    entries[lo + i] = (start[:-2] + last.to_bytes(2, "big")).decode("utf-16-be", "surrogatepass")
    return entries


def _write_cmap(original: bytes, entries: dict[int, str]) -> bytes:
    body = re.sub(rb"\d+\s+beginbfchar.*?endbfchar\s*", b"", original, flags=re.S)
    body = re.sub(rb"\d+\s+beginbfrange.*?endbfrange\s*", b"", body, flags=re.S)
    blocks = []
    items = sorted(entries.items())
    for start in range(0, len(items), 100):
        chunk = items[start:start + 100]
        lines = [b"<%04X> <%s>" % (cid, text.encode("utf-16-be", "surrogatepass").hex().upper().encode())
                 for cid, text in chunk]
        blocks.append(b"%d beginbfchar\n" % len(chunk) + b"\n".join(lines) + b"\nendbfchar\n")
    at = body.find(b"endcmap")
    if at < 0:
        return original
    return body[:at] + b"".join(blocks) + body[at:]


def fix_pdf_text(path: str | os.PathLike) -> int:
    """Repair the ToUnicode maps of the PDF at *path* so radicals read as the characters shown
    (see the module docstring); appends an incremental update. Returns the number of maps fixed
    (0 leaves the file untouched, e.g. for PDFs without classic xref tables)."""
    path = Path(path)
    data = path.read_bytes()
    tail = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)
    trailers = list(re.finditer(rb"trailer\s*<<(.*?)>>\s*startxref", data, re.S))
    if not tail or not trailers:
        return 0
    trailer = trailers[-1].group(1)
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer)
    info = re.search(rb"/Info\s+(\d+\s+\d+\s+R)", trailer)
    size = re.search(rb"/Size\s+(\d+)", trailer)
    if not root or not size:
        return 0
    fixed: list[tuple[int, bytes]] = []
    for number in sorted({int(n) for n in re.findall(rb"/ToUnicode\s+(\d+)\s+0\s+R", data)}):
        heads = list(re.finditer(rb"(?<![0-9])%d\s+0\s+obj\s*<<(.*?)>>\s*stream\r?\n" % number, data, re.S))
        if not heads:
            continue
        head = heads[-1]
        length = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", head.group(1))
        if not length or length.group(2):
            continue
        raw = data[head.end():head.end() + int(length.group(1))]
        compressed = b"/FlateDecode" in head.group(1)
        if re.search(rb"/Filter", head.group(1)) and not compressed:
            continue
        try:
            cmap = zlib.decompress(raw) if compressed else raw
        except zlib.error:
            continue
        entries = _cmap_entries(cmap)
        if not entries:
            continue
        folded = {cid: _fold(text) for cid, text in entries.items()}
        if folded != entries:
            fixed.append((number, _write_cmap(cmap, folded)))
    if not fixed:
        return 0
    update = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets = []
    for number, cmap in fixed:
        offsets.append((number, len(update)))
        update += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (number, len(cmap)) + cmap + b"\nendstream\nendobj\n"
    xref = len(update)
    update += b"xref\n0 1\n0000000000 65535 f \n"
    for number, offset in offsets:
        update += b"%d 1\n%010d 00000 n \n" % (number, offset)
    new_size = max(int(size.group(1)), max(n for n, _ in fixed) + 1)
    update += b"trailer\n<< /Size %d /Root %s" % (new_size, root.group(1))
    if info:
        update += b" /Info " + info.group(1)
    ids = re.search(rb"/ID\s*(\[[^\]]*\])", trailer)
    if ids:
        update += b" /ID " + ids.group(1)
    update += b" /Prev %s >>\nstartxref\n%d\n%%%%EOF\n" % (tail.group(1), xref)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(bytes(update))
    os.replace(tmp, path)
    return len(fixed)
