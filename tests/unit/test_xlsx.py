"""The pure-Python XLSX writer and reader: a round trip of every kind of value, gaps placed by
their cell references, the print setup a printer needs, and two peers — GDAL/OGR's XLSX driver
reads our workbook with the same headers and values, and our reader reads a workbook GDAL wrote."""
from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

import pytest

from citygrid_plugin.core.xlsx import (
    MAIN_NS,
    Sheet,
    XlsxError,
    column_index,
    column_letter,
    read_xlsx,
    write_xlsx,
)

NS = {"m": MAIN_NS}
ROWS = [
    ["类别代码", "类别名称", "情形", "处置时限", "数量", "有效"],
    ["0102", "暴露垃圾", None, "4工作时", 3, True],
    ["0102", None, "5吨以上", "24小时", 2.5, False],
    ["0101", "  前后空格 ", "多行\n第二行", "=1+1", -7, None],
]


@pytest.mark.parametrize("shared", [True, False])
def test_round_trip_keeps_texts_numbers_booleans_and_empty_cells(tmp_path, shared):
    path = write_xlsx(tmp_path / "m.xlsx", [Sheet("事件", ROWS), Sheet("部件", [["类别代码"], ["0101"]])],
                      shared_strings=shared)
    book = read_xlsx(path)
    assert list(book) == ["事件", "部件"]
    expected = [r[:] for r in ROWS]
    expected[3] = expected[3][:-1]     # a trailing empty cell is not kept
    assert book["事件"] == expected
    assert isinstance(book["事件"][1][4], int) and isinstance(book["事件"][2][4], float)
    assert book["事件"][3][3] == "=1+1"    # text, never a formula
    assert book["部件"] == [["类别代码"], ["0101"]]
    with zipfile.ZipFile(path) as zf:
        assert ("xl/sharedStrings.xml" in zf.namelist()) is shared
        sheet = ET.fromstring(zf.read("xl/worksheets/sheet1.xml"))
    assert sheet.findall(".//m:f", NS) == []
    kinds = {c.get("t") for c in sheet.iterfind(".//m:c", NS) if c.find("m:v", NS) is not None
             or c.find("m:is", NS) is not None}
    assert kinds == ({"s", "b", None} if shared else {"inlineStr", "b", None})


def test_the_header_is_bold_filled_frozen_and_repeated_and_the_page_is_landscape_a4_fit_to_width(tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [Sheet("事件", ROWS, widths=[9, 16, 11, 10, 8, 6])])
    with zipfile.ZipFile(path) as zf:
        sheet = ET.fromstring(zf.read("xl/worksheets/sheet1.xml"))
        styles = ET.fromstring(zf.read("xl/styles.xml"))
        book = ET.fromstring(zf.read("xl/workbook.xml"))
    pane = sheet.find(".//m:sheetView/m:pane", NS)
    assert (pane.get("ySplit"), pane.get("topLeftCell"), pane.get("state")) == ("1", "A2", "frozen")
    setup = sheet.find("m:pageSetup", NS)
    assert (setup.get("paperSize"), setup.get("orientation"), setup.get("fitToWidth"), setup.get("fitToHeight")) == \
        ("9", "landscape", "1", "0")
    assert sheet.find("m:sheetPr/m:pageSetUpPr", NS).get("fitToPage") == "1"
    widths = [float(c.get("width")) for c in sheet.iterfind("m:cols/m:col", NS)]
    assert widths == [9, 16, 11, 10, 8, 6]
    titles = book.find("m:definedNames/m:definedName", NS)
    assert (titles.get("name"), titles.get("localSheetId"), titles.text) == ("_xlnm.Print_Titles", "0", "'事件'!$1:$1")
    xfs = styles.findall("m:cellXfs/m:xf", NS)
    header_style = int(sheet.find(".//m:row[@r='1']/m:c", NS).get("s"))
    body_style = int(sheet.find(".//m:row[@r='2']/m:c", NS).get("s"))
    header = xfs[header_style]
    fonts = styles.findall("m:fonts/m:font", NS)
    fills = styles.findall("m:fills/m:fill", NS)
    assert fonts[int(header.get("fontId"))].find("m:b", NS) is not None
    assert fills[int(header.get("fillId"))].find("m:patternFill", NS).get("patternType") == "solid"
    assert xfs[body_style].find("m:alignment", NS).get("wrapText") == "1"


def test_measured_widths_count_a_chinese_character_twice(tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [Sheet("s", [["code", "名称"], ["0102", "暴露垃圾暴露垃圾暴露垃圾"]])])
    with zipfile.ZipFile(path) as zf:
        sheet = ET.fromstring(zf.read("xl/worksheets/sheet1.xml"))
    widths = [float(c.get("width")) for c in sheet.iterfind("m:cols/m:col", NS)]
    assert widths[0] < 10 and widths[1] >= 24


def test_cells_are_placed_by_their_references_with_gaps_kept(tmp_path):
    """A workbook as Excel writes it after edits: rows and cells skipped, a rich-text shared string
    with a phonetic guide, a formula with its cached value, an error cell, the strict namespace."""
    path = tmp_path / "excel.xlsx"
    main = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    rel = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                    'relationships"><Relationship Id="r1" Type="x/officeDocument" Target="/xl/workbook.xml"/>'
                    '</Relationships>')
        zf.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                    '<sheet name="部件" sheetId="3" r:id="rIdB"/><sheet name="事件" sheetId="1" r:id="rIdA"/>'
                    '</sheets></workbook>')
        zf.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                    '2006/relationships"><Relationship Id="rIdA" Type="x/worksheet" Target="worksheets/a.xml"/>'
                    '<Relationship Id="rIdB" Type="x/worksheet" Target="/xl/worksheets/b.xml"/>'
                    '<Relationship Id="rIdS" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        zf.writestr("xl/sharedStrings.xml", f'<sst xmlns="{main}"><si><t>暴露垃圾</t></si><si><r><t>上水</t></r>'
                    '<r><rPr><b/></rPr><t>井盖</t></r><rPh sb="0" eb="2"><t>shangshui</t></rPh></si></sst>')
        zf.writestr("xl/worksheets/a.xml", f'<worksheet xmlns="{main}"><sheetData>'
                    '<row r="2"><c r="C2" t="s"><v>0</v></c><c r="E2"><v>102</v></c></row>'
                    '<row r="5"><c r="B5" t="str"><f>A1&amp;"x"</f><v>x</v></c><c r="D5" t="e"><v>#N/A</v></c>'
                    '<c r="F5" t="b"><v>1</v></c><c r="G5" t="inlineStr"><is><t>行内</t></is></c></row>'
                    '</sheetData></worksheet>')
        zf.writestr("xl/worksheets/b.xml", f'<worksheet xmlns="{main}"><sheetData>'
                    '<row><c t="s"><v>1</v></c><c><v>1.25</v></c></row></sheetData></worksheet>')
    book = read_xlsx(path)
    assert list(book) == ["部件", "事件"]
    assert book["部件"] == [["上水井盖", 1.25]]
    assert book["事件"] == [[], [None, None, "暴露垃圾", None, 102], [], [],
                          [None, "x", None, "#N/A", None, True, "行内"]]


def test_gdal_reads_our_workbook_with_the_same_headers_and_values(tmp_path):
    ogr = pytest.importorskip("osgeo.ogr")
    gdal = pytest.importorskip("osgeo.gdal")
    rows = [["类别代码", "类别名称", "情形", "处置时限", "数量"],
            ["0102", "暴露垃圾", None, "4工作时", 3],
            ["0102", "暴露垃圾", "5吨以上", "24小时", 2.5],
            ["0101", "上水井盖", "施工条件受限", "36 小时", 7]]
    path = write_xlsx(tmp_path / "manual.xlsx", [Sheet("事件", rows), Sheet("部件", rows[:2])])
    gdal.SetConfigOption("OGR_XLSX_HEADERS", "FORCE")
    try:
        ds = ogr.Open(str(path))
        assert ds is not None, gdal.GetLastErrorMsg()
        assert [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())] == ["事件", "部件"]
        layer = ds.GetLayerByName("事件")
        names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
        assert names == rows[0]
        got = [[f.GetField(i) for i in range(len(names))] for f in layer]
        assert got == [list(r) for r in rows[1:]]
        ds = None
    finally:
        gdal.SetConfigOption("OGR_XLSX_HEADERS", None)


def test_our_reader_reads_a_workbook_gdal_wrote(tmp_path):
    ogr = pytest.importorskip("osgeo.ogr")
    path = tmp_path / "gdal.xlsx"
    ds = ogr.GetDriverByName("XLSX").CreateDataSource(str(path))
    layer = ds.CreateLayer("部件", geom_type=ogr.wkbNone)
    layer.CreateField(ogr.FieldDefn("类别名称", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("数量", ogr.OFTReal))
    for name, n in (("上水井盖", 1.5), ("路灯", 12.0)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField(0, name)
        feature.SetField(1, n)
        layer.CreateFeature(feature)
    ds = None
    assert read_xlsx(path) == {"部件": [["类别名称", "数量"], ["上水井盖", 1.5], ["路灯", 12]]}


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]
    assert all(column_index(column_letter(i)) == i for i in range(2000))


@pytest.mark.parametrize("name", ["", "a/b", "x" * 32, "a[1]"])
def test_a_sheet_name_excel_refuses_is_refused(tmp_path, name):
    with pytest.raises(XlsxError, match="cannot be a sheet name"):
        write_xlsx(tmp_path / "m.xlsx", [Sheet(name, [["a"]])])
    assert not (tmp_path / "m.xlsx").exists()


def test_two_sheets_of_one_name_are_refused(tmp_path):
    with pytest.raises(XlsxError, match="two sheets are named"):
        write_xlsx(tmp_path / "m.xlsx", [Sheet("事件", [["a"]]), Sheet("事件", [["b"]])])


def test_control_characters_are_dropped_not_written_as_broken_xml(tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [Sheet("s", [["a\x01b\x0bc", "tab\there"]])])
    assert read_xlsx(path) == {"s": [["abc", "tab\there"]]}


@pytest.mark.parametrize("content", [b"code,name\n0102,x\n", b"PK\x03\x04 broken", b""])
def test_a_file_that_is_not_a_workbook_says_so(tmp_path, content):
    path = tmp_path / "manual.xlsx"
    path.write_bytes(content)
    with pytest.raises(XlsxError, match="not an .xlsx workbook"):
        read_xlsx(path)


def test_a_part_with_a_document_type_is_refused_before_parsing(tmp_path):
    """An entity expansion bomb ("billion laughs") or an external entity needs a DTD; no Excel or
    WPS part has one."""
    path = write_xlsx(tmp_path / "m.xlsx", [Sheet("s", [["a"]])])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bomb, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":
                dtd = b'<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                data = data.replace(b"<sst ", dtd + b"<sst ", 1).replace(b"<t>a</t>", b"<t>&b;</t>")
            dst.writestr(item, data)
    with pytest.raises(XlsxError, match="declares a document type"):
        read_xlsx(bomb)
