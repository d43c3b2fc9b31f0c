"""The PDF text repair (citygrid_plugin/layouts/pdftext.py) on PDFs built here byte by byte: the
radicals Qt writes into ToUnicode maps read as the characters printed, by an incremental update
that leaves the original bytes, and every file it cannot handle, untouched."""
from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PDFTEXT = ROOT / "citygrid_plugin" / "layouts" / "pdftext.py"


def load_pdftext():
    """The module loaded from its file, not through citygrid_plugin.layouts (whose __init__ imports
    QGIS): so these tests run without QGIS, and fail if the module ever needs more than Python."""
    spec = importlib.util.spec_from_file_location("citygrid_pdftext", PDFTEXT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pdftext = load_pdftext()
fix_pdf_text = pdftext.fix_pdf_text

# What Qt writes for Noto Sans CJK SC: the radical sharing a glyph with a common character
# (⽇ U+2F47 is 日, ⻚ U+2EDA is 页, ⽉ U+2F49 is 月, ⻔ U+2ED4 is 门), beside characters that are fine.
QT_CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfrange
<0000> <0000> <0000>
<0001> <0006> [<2F47> <2EDA> <2F49> <2ED4> <5DE5> <4EBA>]
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""
CLEAN_CMAP = QT_CMAP.replace(b"[<2F47> <2EDA> <2F49> <2ED4> <5DE5> <4EBA>]",
                             b"[<65E5> <9875> <6708> <95E8> <5DE5> <4EBA>]")


def cmap(body: bytes) -> bytes:
    """A ToUnicode CMap holding *body* (bfchar / bfrange blocks)."""
    head, _, tail = QT_CMAP.partition(b"2 beginbfrange")
    return head + body + tail.partition(b"endbfrange\n")[2]


def stream(data: bytes, *, flate: bool = False, extra: bytes = b"") -> bytes:
    if flate:
        data, extra = zlib.compress(data), extra + b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def make_pdf(*cmaps: bytes, flate: bool = False, ids: bool = True, maps: list[bytes] | None = None) -> bytes:
    """A one-page PDF with a classic xref table showing CIDs 1…6 in one Type0 font per CMap (the
    font program is not embedded: text extraction only needs the ToUnicode map). *maps* replaces
    the ToUnicode stream objects as written (for broken or unusual ones)."""
    maps = maps or [stream(c, flate=flate) for c in cmaps]
    n = len(maps)
    fonts = 5 + n  # objects: 1 catalog, 2 pages, 3 page, 4 content, 5 info, then per map: font, map
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << "
           + b" ".join(b"/F%d %d 0 R" % (i, 6 + i) for i in range(n)) + b" >> >> >>",
        4: stream(b"".join(b"BT /F%d 12 Tf 10 %d Td <000100020003000400050006> Tj ET\n" % (i, 80 - 15 * i)
                           for i in range(n))),
        5: b"<< /Producer (CityGrid test) >>",
    }
    descriptor = b"/FontDescriptor << /Type /FontDescriptor /FontName /NotoSansCJKsc-Regular /Flags 4 " \
                 b"/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    for i, data in enumerate(maps):
        objects[6 + i] = (b"<< /Type /Font /Subtype /Type0 /BaseFont /NotoSansCJKsc-Regular /Encoding /Identity-H "
                          b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSansCJKsc-Regular "
                          b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                          + descriptor + b" /DW 1000 >>] /ToUnicode %d 0 R >>" % (fonts + 1 + i))
        objects[fonts + 1 + i] = data
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[number] for number in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R" % size
    out += b" /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]" if ids else b""
    out += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def written(tmp_path: Path, data: bytes, name: str = "map.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def pdftotext(path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not found: install poppler-utils (scripts/bootstrap.sh does)")
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    assert "Syntax Error" not in done.stderr, done.stderr
    return re.sub(r"\s+", "", done.stdout)


def appended_maps(before: bytes, after: bytes) -> bytes:
    assert after.startswith(before), "the repair must append to the file, not rewrite it"
    return after[len(before):]


def test_module_needs_only_the_standard_library():
    tree = ast.parse(PDFTEXT.read_text(encoding="utf-8"))
    modules = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
               for alias in node.names}
    modules |= {node.module.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.level == 0}
    relative = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level]
    assert relative == [] and modules <= set(sys.stdlib_module_names), modules


def test_radicals_read_as_the_characters_printed(tmp_path):
    pdf = written(tmp_path, make_pdf(QT_CMAP))
    assert pdftotext(pdf) == "⽇⻚⽉⻔工人"  # what readers copied before the repair
    assert fix_pdf_text(pdf) == 1
    assert pdftotext(pdf) == "日页月门工人"


def test_compressed_maps_and_several_fonts(tmp_path):
    pdf = written(tmp_path, make_pdf(QT_CMAP, CLEAN_CMAP, QT_CMAP, flate=True))
    assert fix_pdf_text(pdf) == 2  # the clean map is left as it is
    assert pdftotext(pdf) == "日页月门工人" * 3


def test_the_repair_is_an_incremental_update(tmp_path):
    before = make_pdf(QT_CMAP)
    pdf = written(tmp_path, before)
    fix_pdf_text(pdf)
    after = pdf.read_bytes()
    update = appended_maps(before, after)
    old_xref = int(re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", before).group(1))
    new_xref = int(re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", after).group(1))
    assert after[new_xref:].startswith(b"xref\n0 1\n0000000000 65535 f \n7 1\n")
    offset = int(re.search(rb"\n7 1\n(\d{10}) 00000 n \n", update).group(1))
    assert after[offset:].startswith(b"7 0 obj\n<< /Length ")  # the xref points at the new map
    trailer = re.search(rb"trailer\n<<(.*?)>>\nstartxref", update, re.S).group(1)
    assert b"/Size 8 /Root 1 0 R /Info 5 0 R" in trailer and b"/Prev %d" % old_xref in trailer
    assert b"/ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]" in trailer
    # ranges become single entries; characters already right keep their code points
    for line in (b"<0000> <0000>", b"<0001> <65E5>", b"<0002> <9875>", b"<0003> <6708>", b"<0004> <95E8>",
                 b"<0005> <5DE5>", b"<0006> <4EBA>"):
        assert line + b"\n" in update
    assert b"beginbfrange" not in update and b"6 beginbfchar\n" not in update and b"7 beginbfchar\n" in update


def test_a_second_pass_and_a_clean_file_change_nothing(tmp_path):
    pdf = written(tmp_path, make_pdf(QT_CMAP, ids=False))
    assert fix_pdf_text(pdf) == 1
    repaired = pdf.read_bytes()
    assert b"/ID" not in repaired
    assert fix_pdf_text(pdf) == 0 and pdf.read_bytes() == repaired
    clean = written(tmp_path, make_pdf(CLEAN_CMAP), "clean.pdf")
    data = clean.read_bytes()
    assert fix_pdf_text(clean) == 0 and clean.read_bytes() == data


def test_range_forms_and_text_outside_the_radicals(tmp_path):
    body = (b"1 beginbfchar\n<0005> <D840DC00>\nendbfchar\n"  # 𠀀 U+20000, a surrogate pair: kept
            b"2 beginbfrange\n<0001> <0003> <2F47>\n<0004> <0004> <F900>\nendbfrange\n")
    before = make_pdf(cmap(body))
    pdf = written(tmp_path, before)
    assert fix_pdf_text(pdf) == 1
    update = appended_maps(before, pdf.read_bytes())
    # Kangxi radicals ⽇⽈⽉ and the compatibility ideograph 豈 (U+F900) fold to 日曰月 and 豈 (U+8C48)
    for line in (b"<0001> <65E5>", b"<0002> <66F0>", b"<0003> <6708>", b"<0004> <8C48>", b"<0005> <D840DC00>"):
        assert line + b"\n" in update


@pytest.mark.parametrize("case", ["indirect length", "other filter", "broken flate", "no cmap blocks"])
def test_maps_it_cannot_read_are_skipped(tmp_path, case):
    bad = {"indirect length": b"<< /Length 99 0 R >>\nstream\n" + QT_CMAP + b"\nendstream",
           "other filter": stream(QT_CMAP.hex().encode() + b">", extra=b" /Filter /ASCIIHexDecode"),
           "broken flate": b"<< /Length 9 /Filter /FlateDecode >>\nstream\nnot zlib!\nendstream",
           "no cmap blocks": stream(cmap(b""))}[case]
    data = make_pdf(maps=[bad, stream(QT_CMAP)])
    pdf = written(tmp_path, data)
    assert fix_pdf_text(pdf) == 1  # only the readable map is repaired
    assert pdf.read_bytes().startswith(data)


def test_files_without_a_classic_xref_table_are_left_alone(tmp_path):
    data = make_pdf(QT_CMAP)
    no_trailer = re.sub(rb"trailer\n<<.*?>>\n", b"", data, flags=re.S)  # as with a cross-reference stream
    for name, content in (("xref-stream.pdf", no_trailer), ("truncated.pdf", data[:-6]),
                          ("no-root.pdf", data.replace(b"/Root 1 0 R ", b""))):
        pdf = written(tmp_path, content, name)
        assert fix_pdf_text(pdf) == 0 and pdf.read_bytes() == content, name
