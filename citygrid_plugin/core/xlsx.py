"""Excel workbooks (.xlsx) written and read in pure Python (zipfile + xml), for files people
print and edit: the command manual (指挥手册, :mod:`.manualsheet`) and any sheet a city hands on.

Why not a library: openpyxl is not in users' QGIS (OSGeo4W, the QGIS macOS bundle, distribution
packages) and GDAL's XLSX driver (what :mod:`citygrid_plugin.tables` uses for report tables)
writes plain cells only — no bold header, no frozen row, no column widths, no print setup. A
manual handed to a printer needs those, and the OOXML parts that carry them are small.

Writer (:func:`write_xlsx`): several sheets (:class:`Sheet`); the first row of each is its header,
written bold on a grey fill, frozen while scrolling and repeated on every printed page
(``_xlnm.Print_Titles``); column widths in characters (given, or measured from the text with a
CJK character counted twice); text wrapped and top-aligned; landscape A4 (paperSize 9) fitted to
the page width (any number of pages down), page numbers in the footer. Text goes to the shared
string table (what Excel writes itself; the default) or inline (``shared_strings=False``);
numbers are numbers, booleans booleans, None an empty cell. A text is always a string cell, so
nothing a person typed ever becomes a formula. Characters that XML 1.0 cannot hold (control
characters other than tab and line breaks) are dropped. The file is written under a temporary
name beside the target and renamed when complete; its zip members carry a fixed time stamp, so the
same sheets give the same bytes (a sample workbook kept in git changes only with its content).

Reader (:func:`read_xlsx`): every sheet, in workbook order, as rows of Python values — shared and
inline strings (rich-text runs joined, phonetic runs 拼音/ruby left out), numbers (an integral
number as int), booleans, a formula's cached value, error cells as their text (``#N/A``), empty
cells None. Cells and rows are placed by their ``r`` reference (``C5``), so gaps stay where
they are: ``rows[i]`` is Excel's row ``i + 1`` and ``rows[i][j]`` its column ``j`` (A = 0);
trailing empty cells are not kept. Dates come back as Excel's serial numbers (styles are not
read; the manual has no dates). Both the transitional and the strict OOXML namespaces are read.
A file that is not an .xlsx workbook (an old .xls, a CSV renamed, a damaged zip) raises
:class:`XlsxError` with what to do. A workbook is untrusted input: a part declaring a document type
(entity expansion, external entities) is refused before parsing, and one that unpacks to more than
256 MB is refused before reading.
"""
from __future__ import annotations

import math
import os
import re
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree as ET  # nosec B405 - parts with a DTD are refused before parsing (_part)
from xml.sax.saxutils import escape, quoteattr  # nosec B406 - used to write XML, never to parse it

from .i18n import tr

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_NAME_MAX = 31
MAX_WIDTH = 60.0                 # a measured column is at most this many characters wide
MAX_UNPACKED = 256 * 1024 * 1024  # refuse a workbook that unpacks to more (a zip bomb)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
_BAD_NAME = re.compile(r"[\[\]:*?/\\]")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_REF = re.compile(r"^([A-Z]+)([0-9]+)$")


class XlsxError(ValueError):
    """A workbook that cannot be written or read; the message says which and what to do."""


@dataclass
class Sheet:
    """One worksheet: *rows* with the header first (``header=False``: no header styling, no
    frozen or repeated row); *widths* per column in characters (None: measured from the text)."""

    name: str
    rows: Sequence[Sequence] = field(default_factory=list)
    widths: Sequence[float] | None = None
    header: bool = True
    landscape: bool = True


# -- writing -----------------------------------------------------------------------------------
def column_letter(index: int) -> str:
    """The column letters of 0-based *index* (0 → A, 26 → AA)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def column_index(letters: str) -> int:
    """The 0-based index of column *letters* (A → 0, AA → 26)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def text_width(text: str) -> float:
    """Width of *text* in Excel's character units: a CJK (full-width) character counts 2; the
    widest line of a text with line breaks."""
    return max((sum(2.0 if ord(c) >= 0x1100 else 1.0 for c in line) for line in str(text).split("\n")),
               default=0.0)


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _check_names(sheets: Sequence[Sheet]) -> None:
    seen = set()
    for sheet in sheets:
        name = sheet.name
        if not name or len(name) > SHEET_NAME_MAX or _BAD_NAME.search(name) or name.startswith("'"):
            raise XlsxError(tr("'{name}' cannot be a sheet name: 1 to 31 characters, none of [ ] : * ? / \\")
                            .format(name=name))
        if name.lower() in seen:
            raise XlsxError(tr("two sheets are named '{name}'; give every sheet its own name").format(name=name))
        seen.add(name.lower())


class _Strings:
    """The shared string table: each distinct text once, in order of first use."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def add(self, text: str) -> int:
        self.count += 1
        return self.index.setdefault(text, len(self.index))

    def xml(self) -> str:
        items = "".join(f"<si>{_t(s)}</si>" for s in self.index)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN_NS}" '
                f'count="{self.count}" uniqueCount="{len(self.index)}">{items}</sst>')


def _t(text: str) -> str:
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f"<t{space}>{escape(text)}</t>"


# cell styles (cellXfs): 0 default, 1 header, 2 body text, 3 body number
STYLE_HEADER, STYLE_TEXT, STYLE_NUMBER = 1, 2, 3
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN_NS}">
<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>\
<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
<border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right>\
<top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom>\
<diagonal/></border>\
</borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" \
applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" \
applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">\
<alignment vertical="top"/></xf></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def _cell(ref: str, value, style: int, strings: _Strings | None) -> str:
    if value is None:
        return f'<c r="{ref}" s="{style}"/>' if style else ""
    if isinstance(value, bool):
        return f'<c r="{ref}" s="{style}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float) and not (isinstance(value, float) and not math.isfinite(value)):
        number = STYLE_NUMBER if style == STYLE_TEXT else style
        return f'<c r="{ref}" s="{number}"><v>{value!r}</v></c>'
    text = _clean(str(value))
    if strings is not None:
        return f'<c r="{ref}" s="{style}" t="s"><v>{strings.add(text)}</v></c>'
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is>{_t(text)}</is></c>'


def _widths(sheet: Sheet, ncols: int) -> list[float]:
    if sheet.widths is not None:
        given = [float(w) for w in sheet.widths]
        return (given + [10.0] * ncols)[:ncols]
    out = []
    for j in range(ncols):
        texts = [r[j] for r in sheet.rows[:1000] if j < len(r) and r[j] is not None]
        widest = max((text_width(_cell_text(v)) for v in texts), default=8.0)
        out.append(min(MAX_WIDTH, max(6.0, widest + 2)))
    return out


def _cell_text(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _worksheet(sheet: Sheet, strings: _Strings | None) -> str:
    rows = [list(r) for r in sheet.rows]
    ncols = max((len(r) for r in rows), default=0)
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
             f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">',
             '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>']
    last = f"{column_letter(max(ncols, 1) - 1)}{max(len(rows), 1)}"
    parts.append(f'<dimension ref="A1:{last}"/>' if rows else '<dimension ref="A1"/>')
    if sheet.header and rows:
        parts.append('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                     'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" '
                     'sqref="A2"/></sheetView></sheetViews>')
    else:
        parts.append('<sheetViews><sheetView workbookViewId="0"/></sheetViews>')
    parts.append('<sheetFormatPr defaultRowHeight="15"/>')
    if ncols:
        cols = "".join(f'<col min="{j + 1}" max="{j + 1}" width="{w:.2f}" customWidth="1"/>'
                       for j, w in enumerate(_widths(sheet, ncols)))
        parts.append(f"<cols>{cols}</cols>")
    parts.append("<sheetData>")
    for i, row in enumerate(rows):
        style = STYLE_HEADER if sheet.header and i == 0 else STYLE_TEXT
        cells = "".join(_cell(f"{column_letter(j)}{i + 1}", v, style, strings) for j, v in enumerate(row))
        parts.append(f'<row r="{i + 1}">{cells}</row>')
    parts.append("</sheetData>")
    parts.append('<printOptions gridLines="0"/>')
    parts.append('<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>')
    orientation = "landscape" if sheet.landscape else "portrait"
    parts.append(f'<pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1" fitToHeight="0"/>')
    parts.append("<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>")
    parts.append("</worksheet>")
    return "".join(parts)


def workbook_bytes(sheets: Sequence[Sheet], shared_strings: bool = True) -> dict[str, str]:
    """The parts (zip member name → XML text) of a workbook of *sheets*."""
    if not sheets:
        raise XlsxError(tr("a workbook needs at least one sheet"))
    _check_names(sheets)
    strings = _Strings() if shared_strings else None
    parts: dict[str, str] = {}
    for n, sheet in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{n}.xml"] = _worksheet(sheet, strings)
    entries = "".join(f'<sheet name={quoteattr(s.name)} sheetId="{n}" r:id="rId{n}"/>'
                      for n, s in enumerate(sheets, 1))
    titles = "".join(
        f'<definedName name="_xlnm.Print_Titles" localSheetId="{n}">{escape(_quoted(s.name))}!$1:$1</definedName>'
        for n, s in enumerate(sheets) if s.header and s.rows)
    defined = f"<definedNames>{titles}</definedNames>" if titles else ""
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN_NS}" '
        f'xmlns:r="{REL_NS}"><bookViews><workbookView/></bookViews><sheets>{entries}</sheets>{defined}</workbook>')
    rels = [f'<Relationship Id="rId{n}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, len(sheets) + 1)]
    k = len(sheets)
    rels.append(f'<Relationship Id="rId{k + 1}" Type="{REL_NS}/styles" Target="styles.xml"/>')
    overrides = [f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
                 f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for n in range(1, k + 1)]
    if strings is not None:
        parts["xl/sharedStrings.xml"] = strings.xml()
        rels.append(f'<Relationship Id="rId{k + 2}" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>')
        overrides.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
        f'{"".join(rels)}</Relationships>')
    parts["xl/styles.xml"] = STYLES
    parts["_rels/.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
        f'<Relationship Id="rId2" Type="{REL_NS}/extended-properties" Target="docProps/app.xml"/>'
        f'</Relationships>')
    parts["docProps/app.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.'
        'openxmlformats.org/officeDocument/2006/extended-properties"><Application>CityGrid</Application>'
        '</Properties>')
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        f'{"".join(overrides)}</Types>')
    return parts


def _quoted(name: str) -> str:
    """A sheet name as a formula refers to it: quoted, a quote doubled."""
    return "'" + name.replace("'", "''") + "'"


ORDER = ("[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
         "xl/styles.xml", "xl/sharedStrings.xml")


def write_xlsx(path: str | os.PathLike, sheets: Sequence[Sheet], shared_strings: bool = True) -> Path:
    """Write *sheets* as the workbook *path* (see the module's docstring); returns *path*."""
    path = Path(path)
    parts = workbook_bytes(sheets, shared_strings)
    names = [n for n in ORDER if n in parts] + sorted(n for n in parts if n not in ORDER)
    if not path.parent.is_dir():
        raise XlsxError(tr("the folder of {path} does not exist").format(path=path))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in names:   # a fixed time stamp: the same sheets give the same bytes
                info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, parts[name].encode("utf-8"))
        os.replace(tmp, path)
    except OSError as exc:
        raise XlsxError(tr("cannot write {path}: {error}").format(path=path, error=exc.strerror or exc)) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


# -- reading -----------------------------------------------------------------------------------
def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str):
    return [c for c in element if _local(c.tag) == name]


def _attr(element, name: str) -> str | None:
    """An attribute by local name, whatever its namespace (r:id in either OOXML flavour)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _text(element) -> str:
    """The text of a shared or inline string: its <t>, or its rich-text runs' <t> joined;
    phonetic runs (<rPh>, 拼音 guides) are not part of the text."""
    out = []
    for child in element:
        tag = _local(child.tag)
        if tag == "t":
            out.append(child.text or "")
        elif tag == "r":
            out.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return "".join(out)


def _number(text: str):
    value = float(text)
    if math.isfinite(value) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    return value


def read_xlsx(path: str | os.PathLike) -> dict[str, list[list]]:
    """Every sheet of the workbook *path*, in workbook order: name → rows of values (see the
    module's docstring)."""
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise XlsxError(tr("{path} does not exist").format(path=path)) from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise XlsxError(tr("{name} is not an .xlsx workbook (an old .xls, a CSV renamed, or a damaged file?); "
                           "save it from Excel or WPS as “Excel 工作簿 (*.xlsx)”").format(name=path.name)) from exc
    with zf:
        if sum(i.file_size for i in zf.infolist()) > MAX_UNPACKED:
            raise XlsxError(tr("{name} unpacks to more than 256 MB; this is not a workbook to import").format(
                name=path.name))
        try:
            return _read(zf)
        except (KeyError, IndexError, ET.ParseError, ValueError, zipfile.BadZipFile) as exc:
            if isinstance(exc, XlsxError):
                raise
            raise XlsxError(tr("{name} is a damaged .xlsx workbook ({error}); open it in Excel or WPS and save it "
                               "again").format(name=path.name, error=exc)) from exc


def _part(zf: zipfile.ZipFile, name: str):
    """A part of the package, parsed. OOXML parts never carry a document type declaration, so
    one with a DTD or an entity declaration (the way to an entity expansion bomb or an external
    entity) is refused before the parser sees it."""
    data = zf.read(name)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise XlsxError(tr("the workbook part {part} declares a document type, which no Excel or WPS file does; "
                           "this file is not imported").format(part=name))
    return ET.fromstring(data)  # nosec B314 - no DTD (checked above): no entity expansion, no external entity


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship id → zip member name, for the part *part*."""
    folder = PurePosixPath(part).parent
    rels_name = str(folder / "_rels" / (PurePosixPath(part).name + ".rels"))
    if rels_name not in zf.namelist():
        return {}
    out = {}
    for rel in _part(zf, rels_name):
        target = rel.get("Target") or ""
        if target.startswith("/"):
            member = target.lstrip("/")
        else:
            parts: list[str] = []
            for piece in (folder / target).parts:
                if piece == "..":
                    if parts:
                        parts.pop()
                elif piece != ".":
                    parts.append(piece)
            member = "/".join(parts)
        out[rel.get("Id")] = member
    return out


def _read(zf: zipfile.ZipFile) -> dict[str, list[list]]:
    names = set(zf.namelist())
    root = _part(zf, "_rels/.rels")
    workbook = next((r.get("Target").lstrip("/") for r in root if (r.get("Type") or "").endswith("/officeDocument")),
                    "xl/workbook.xml")
    if workbook not in names:
        raise XlsxError(tr("the file holds no workbook part; it is not an .xlsx workbook"))
    rels = _rels(zf, workbook)
    strings: list[str] = []
    shared = next((m for m in rels.values() if m.endswith("sharedStrings.xml")), None)
    if shared and shared in names:
        strings = [_text(si) for si in _part(zf, shared) if _local(si.tag) == "si"]
    book = _part(zf, workbook)
    out: dict[str, list[list]] = {}
    for sheets in _children(book, "sheets"):
        for sheet in _children(sheets, "sheet"):
            member = rels.get(_attr(sheet, "id") or "")
            if member is None or member not in names:
                continue   # a chart sheet or a dangling entry: no cells to read
            out[sheet.get("name")] = _sheet_rows(_part(zf, member), strings)
    return out


def _sheet_rows(root, strings: list[str]) -> list[list]:
    rows: list[list] = []
    for data in _children(root, "sheetData"):
        for row in _children(data, "row"):
            r = row.get("r")
            index = int(r) - 1 if r else len(rows)
            while len(rows) <= index:
                rows.append([])
            values = rows[index]
            for c in _children(row, "c"):
                ref = c.get("r")
                match = _REF.match(ref) if ref else None
                col = column_index(match.group(1)) if match else len(values)
                value = _value(c, strings)
                if value is None:
                    continue
                while len(values) <= col:
                    values.append(None)
                values[col] = value
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _value(c, strings: list[str]):
    kind = c.get("t") or "n"
    v = next((x.text for x in c if _local(x.tag) == "v"), None)
    if kind == "inlineStr":
        inline = next((x for x in c if _local(x.tag) == "is"), None)
        return _text(inline) if inline is not None else None
    if v is None:
        return None
    if kind == "s":
        return strings[int(v)]
    if kind == "b":
        return v.strip() in ("1", "true")
    if kind in ("str", "e"):
        return v
    if kind == "d":
        return v   # an ISO 8601 date cell (strict files): its text
    return _number(v)
