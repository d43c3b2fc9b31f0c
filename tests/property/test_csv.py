"""CSV files as Chinese offices send them, property-based, through the real algorithms.

``citygrid:importcomponents`` and ``citygrid:importdepartments`` get GBK, UTF-8 and UTF-8-with-BOM
files (detected, or the encoding chosen), CRLF or LF line ends, blank lines, columns in any
order with Chinese or English headers and extra columns, and values with quotes, commas and line
breaks inside. Each row is either imported verbatim (free text only trimmed at its ends) or
rejected with a reason naming the line it starts on — imported + rejected + duplicates equals
the rows of the file, nothing silently dropped. Files that cannot be read as a table (missing
X/Y or name column, a row with too few values, a NUL byte, UTF-16) are refused whole, with the
reason, and change nothing.
"""
from __future__ import annotations

import csv
import io
import itertools
import re

import processing
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qgis.core import QgsProcessingException

from tests.helpers.faults import fingerprint
from tests.helpers.property import HEIGHT, WIDTH, X0, Y0

DB = settings(max_examples=60, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ENCODINGS = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "gbk": "gbk"}       # how written → what the import reports
PARAM = {"auto": 0, "utf-8": 1, "gbk": 2}                                 # the algorithm's ENCODING choices
HEADERS = {"class": ("部件名称", "class_code"), "dept": ("主管部门", "dept1_code"), "x": ("X", "x"), "y": ("Y", "y"),
           "note": ("备注", "note")}
GOOD_CLASSES = ["0101", "上水井盖", "0103", "雨水井盖", " 0105 "]
BAD_CLASSES = ["不存在的部件", "9999", "井盖'; DROP TABLE citygrid.component; --"]
GOOD_DEPTS = ["SZ", "区市政设施管理所", " HW ", "环卫所"]
BAD_DEPTS = ["不存在的部门", "S Z"]
_serial = itertools.count()


def free_text(codec: str):
    """Notes as people type them: quotes, separators, line breaks, Chinese (and emoji in UTF-8)."""
    chars = st.characters(codec=codec, exclude_categories=("Cs",), exclude_characters="\x00")
    pieces = st.sampled_from(['"', "'", ",", ";", "\n", "\r\n", "\\", "--", "$$", "中文", "  ", "“引号”", "，"])
    return st.lists(st.one_of(st.text(chars, max_size=8), pieces), max_size=5).map("".join)


@st.composite
def component_file(draw):
    written = draw(st.sampled_from(sorted(ENCODINGS)))
    codec = "gbk" if written == "gbk" else "utf-8"
    chinese = written == "gbk" or draw(st.booleans())    # a GBK file always has its Chinese headers
    keys = draw(st.permutations(["class", "dept", "x", "y", "note"]))
    extra = draw(st.lists(st.sampled_from(["备用", "extra", "编号"]), unique=True, max_size=2))
    rows = []
    for i in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["good", "good", "good", "class", "dept", "xy", "outside"]))
        n = next(_serial)
        x, y = X0 + 0.5 + (n * 7.3) % (WIDTH - 1), Y0 + 0.5 + (n * 3.1) % (HEIGHT - 1)
        row = {"class": draw(st.sampled_from(BAD_CLASSES if kind == "class" else GOOD_CLASSES)),
               "dept": draw(st.sampled_from(BAD_DEPTS if kind == "dept" else GOOD_DEPTS)),
               "x": draw(st.sampled_from(["abc", "", "1,5"])) if kind == "xy" else f" {x:.3f}",
               "y": f"{Y0 - 5000:.1f}" if kind == "outside" else f"{y:.3f} ",
               "note": f"#{n}#" + draw(free_text(codec))}
        if i == 0 and written == "utf-8":
            row["note"] += "中"   # Chinese text, as in any real file: UTF-8 and GBK readings cannot be confused
        rows.append((kind, row, [draw(st.text(st.characters(codec=codec, exclude_categories=("Cs",),
                                                             exclude_characters="\x00"), max_size=4))
                                 for _ in extra]))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    blanks = draw(st.lists(st.booleans(), min_size=len(rows), max_size=len(rows)))
    choose = draw(st.sampled_from(["auto", "gbk" if written == "gbk" else "utf-8"]))
    return written, choose, chinese, keys, extra, rows, ending, blanks


def render(written, chinese, keys, extra, rows, ending, blanks) -> tuple[bytes, list[int]]:
    """The file's bytes and the line each data row starts on (counted as an editor does)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=ending)
    writer.writerow([HEADERS[k][0 if chinese else 1] for k in keys] + extra)
    starts = []
    for (_kind, row, extras), blank in zip(rows, blanks):
        if blank:
            out.write(ending)
        starts.append(len(re.findall(r"\r\n|\r|\n", out.getvalue())) + 1)
        values = [row[k] for k in keys] + extras
        # Python's writer quotes only the line terminator's characters: a lone CR in an LF file
        # needs all fields quoted (as Excel does), or the file itself would be broken
        quoting = csv.QUOTE_ALL if any("\r" in v for v in values) else csv.QUOTE_MINIMAL
        csv.writer(out, lineterminator=ending, quoting=quoting).writerow(values)
    return out.getvalue().encode(written), starts


def notes_since(conn, last_id: int) -> list[str | None]:
    with conn.cursor() as cur:
        cur.execute("SELECT note FROM citygrid.component WHERE id > %s ORDER BY id", (last_id,))
        notes = [r[0] for r in cur.fetchall()]
    conn.rollback()
    return notes


def last_component(conn) -> int:
    with conn.cursor() as cur:
        cur.execute("SELECT COALESCE(max(id), 0) FROM citygrid.component")
        n = cur.fetchone()[0]
    conn.rollback()
    return n


@DB
@given(component_file())
def test_every_csv_row_is_imported_verbatim_or_rejected_with_its_line(prop_qgis, prop_conn, tmp_path_factory, case):
    written, choose, chinese, keys, extra, rows, ending, blanks = case
    data, starts = render(written, chinese, keys, extra, rows, ending, blanks)
    path = tmp_path_factory.mktemp("csv") / "部件.csv"
    path.write_bytes(data)
    last = last_component(prop_conn)
    res = processing.run("citygrid:importcomponents", {
        "CONNECTION": prop_qgis, "CSV": str(path), "ENCODING": PARAM[choose], "REJECTED": "memory:",
        "DUPLICATES": "memory:"})
    assert res["IMPORTED"] + res["REJECTED_COUNT"] + res["DUPLICATE_COUNT"] == len(rows)   # nothing dropped
    rejected = {int(f["ref"].split()[-1]): f["reason"] for f in res["REJECTED"].getFeatures()}
    duplicates = {int(f["ref"].split()[-1]) for f in res["DUPLICATES"].getFeatures()}
    imported = []
    for (kind, row, _extras), line in zip(rows, starts):
        if kind == "good":
            assert line not in rejected, (line, rejected.get(line), row)
            if line not in duplicates:
                imported.append(row["note"].strip() or None)
        else:
            assert line in rejected, (line, kind, row, rejected)   # the reason sits on the row's own line
            reason = rejected[line]
            if kind == "class":
                assert row["class"].strip() in reason and "neither a class code nor a class name" in reason
            elif kind == "dept":
                assert row["dept"].strip() in reason and "is not in the store" in reason
            elif kind == "xy":
                assert "coordinates that are not numbers" in reason
            else:
                assert "outside every unit grid" in reason
    assert notes_since(prop_conn, last) == imported                # stored exactly as written (trimmed)


@DB
@given(st.sampled_from(sorted(ENCODINGS)).flatmap(lambda w: st.tuples(st.just(w), st.lists(
    st.tuples(free_text("gbk" if w == "gbk" else "utf-8"), free_text("gbk" if w == "gbk" else "utf-8")),
    min_size=1, max_size=5))), st.booleans())
def test_department_files_in_every_encoding_store_names_verbatim(prop_qgis, prop_conn, tmp_path_factory, case,
                                                                 chinese_headers):
    written, people = case
    people = [(name, note) for name, note in people if name.strip()]
    codes = [f"D{next(_serial)}" for _ in people] or [f"D{next(_serial)}"]
    rows = [(code, f"中心{code}" + name, note) for code, (name, note) in zip(codes, people)] or \
        [(codes[0], f"中心{codes[0]}", "")]   # names are unique in the store
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["编码", "名称", "备注"] if chinese_headers or written == "gbk" else ["code", "name", "note"])
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("dept") / "部门.csv"
    path.write_bytes(out.getvalue().encode(written))
    res = processing.run("citygrid:importdepartments", {"CONNECTION": prop_qgis, "INPUT": str(path)})
    assert res["INSERTED"] == len(rows)
    with prop_conn.cursor() as cur:
        cur.execute("SELECT code, name, note FROM citygrid.department WHERE code = ANY(%s) ORDER BY code",
                    ([r[0] for r in rows],))
        stored = cur.fetchall()
    prop_conn.rollback()
    assert stored == sorted((code, name.strip(), note.strip() or None) for code, name, note in rows)


def write(tmp_path, name: str, text: str | bytes, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
    return path


INSIDE = f"{X0 + 50},{Y0 + 50}"
UNREADABLE = [
    ("no X/Y", f"class_code,dept1_code,lon_x\n0101,SZ,{X0 + 50}\n", r"the CSV has no X/Y columns \(columns: "
     r"class_code, dept1_code, lon_x\)"),
    ("short row", f"class_code,dept1_code,x,y\n0101,SZ,{INSIDE}\n0101,SZ,{X0}\n",
     r"部件\.csv line 3: 3 values for 4 columns"),
    ("long row in quotes", f'class_code,dept1_code,x,y,note\n0101,SZ,{INSIDE},"两行\n备注"\n0101,SZ,{INSIDE},a,b\n',
     r"部件\.csv line 4: 6 values for 5 columns"),
    ("NUL byte", f"class_code,dept1_code,x,y\n0101,SZ,{INSIDE}\n0101,S\x00Z,{INSIDE}\n",
     r"部件\.csv line 3 contains a NUL character"),
    ("UTF-16", b"\xff\xfe" + f"class_code,dept1_code,x,y\n0101,SZ,{INSIDE}\n".encode("utf-16-le"),
     r"部件\.csv is UTF-16"),
    ("UTF-16 without BOM", f"class_code,dept1_code,x,y\n0101,SZ,{INSIDE}\n".encode("utf-16-le"),
     r"部件\.csv line 1 contains a NUL character"),
    ("empty", "", r"部件\.csv: the file is empty"),
]


@pytest.mark.parametrize("label, text, message", UNREADABLE, ids=[u[0] for u in UNREADABLE])
def test_a_component_file_that_is_not_a_table_is_refused_whole(prop_qgis, prop_conn, tmp_path, label, text, message):
    path = write(tmp_path, "部件.csv", text)
    before = fingerprint(prop_conn)
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("citygrid:importcomponents", {"CONNECTION": prop_qgis, "CSV": str(path)})
    assert fingerprint(prop_conn) == before


@pytest.mark.parametrize("header, reason", [
    ("dept1_code,x,y,note", "no class (give a class code or a Chinese class name)"),
    ("部件名称,x,y,note", "no responsible department (主管部门)"),
])
def test_a_missing_class_or_department_column_rejects_each_row_with_the_reason(prop_qgis, prop_conn, tmp_path,
                                                                              header, reason):
    values = "SZ" if header.startswith("dept1") else "上水井盖"
    path = write(tmp_path, "c.csv", f"{header}\n{values},{INSIDE},一\n{values},{X0 + 60},{Y0 + 50},二\n")
    before = fingerprint(prop_conn)
    res = processing.run("citygrid:importcomponents", {"CONNECTION": prop_qgis, "CSV": str(path),
                                                       "REJECTED": "memory:"})
    assert (res["IMPORTED"], res["REJECTED_COUNT"]) == (0, 2)
    assert sorted((f["ref"], f["reason"]) for f in res["REJECTED"].getFeatures()) == [
        ("line 2", reason), ("line 3", reason)]
    assert fingerprint(prop_conn) == before


def test_a_header_only_file_imports_nothing_without_complaint(prop_qgis, prop_conn, tmp_path):
    path = write(tmp_path, "c.csv", "部件名称,主管部门,X,Y\r\n", "gbk")
    res = processing.run("citygrid:importcomponents", {"CONNECTION": prop_qgis, "CSV": str(path)})
    assert (res["IMPORTED"], res["REJECTED_COUNT"], res["DUPLICATE_COUNT"]) == (0, 0, 0)


def test_a_department_file_without_names_is_refused_whole(prop_qgis, prop_conn, tmp_path):
    path = write(tmp_path, "部门.csv", "编码,电话\r\nXX,028-1\r\n", "gbk")
    before = fingerprint(prop_conn)
    with pytest.raises(QgsProcessingException, match=r"部门\.csv: missing column\(s\) name; found 编码, 电话"):
        processing.run("citygrid:importdepartments", {"CONNECTION": prop_qgis, "INPUT": str(path)})
    assert fingerprint(prop_conn) == before


def test_gbk_text_that_is_also_valid_utf8_is_not_guessed(prop_qgis, prop_conn, tmp_path):
    """The classic 联通 case: short GBK text whose bytes are valid UTF-8 too ("一一" reads as the
    Cyrillic "һһ"). Auto-detection refuses to guess, showing both readings, and stores nothing;
    with GBK chosen the names are right."""
    data = "code,name\r\nYY,一一\r\n".encode("gbk")
    assert data.decode("utf-8") == "code,name\r\nYY,һһ\r\n"   # valid UTF-8 as well
    path = write(tmp_path, "d.csv", data)
    before = fingerprint(prop_conn)
    with pytest.raises(QgsProcessingException, match="d.csv: the encoding cannot be told apart: read as UTF-8 the "
                                                     "file says “YY,һһ”, read as GBK “YY,一一”; choose the encoding"):
        processing.run("citygrid:importdepartments", {"CONNECTION": prop_qgis, "INPUT": str(path)})
    assert fingerprint(prop_conn) == before
    processing.run("citygrid:importdepartments", {"CONNECTION": prop_qgis, "INPUT": str(path),
                                                  "ENCODING": PARAM["gbk"]})
    with prop_conn.cursor() as cur:
        cur.execute("SELECT name FROM citygrid.department WHERE code = 'YY'")
        assert cur.fetchone()[0] == "一一"
    prop_conn.rollback()


def test_a_bad_department_row_is_named_by_the_line_it_is_on(prop_qgis, prop_conn, tmp_path):
    path = write(tmp_path, "部门.csv", "code,name,note\r\nA1,甲,\r\n\r\nA2,,空名称\r\n")
    with pytest.raises(QgsProcessingException, match=r"部门\.csv line 4: department name is empty"):
        processing.run("citygrid:importdepartments", {"CONNECTION": prop_qgis, "INPUT": str(path)})
