"""CSV from Chinese sources: UTF-8, UTF-8 with BOM, GBK; clear errors otherwise."""
from __future__ import annotations

import pytest

from citygrid_plugin.core.textio import TextInputError, decode, read_csv

ALIASES = {"编码": "code", "名称": "name"}
TEXT = "编码,名称\r\nSZ,区市政设施管理所\r\nYL,园林绿化（二所）\r\n"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
    (TEXT.encode("gbk"), "gbk"),
])
def test_reads_utf8_bom_and_gbk_the_same(tmp_path, data, encoding):
    path = tmp_path / "d.csv"
    path.write_bytes(data)
    rows, used = read_csv(path, "auto", ALIASES, required=("code", "name"))
    assert used == encoding
    assert rows == [{"code": "SZ", "name": "区市政设施管理所"}, {"code": "YL", "name": "园林绿化（二所）"}]


def test_forcing_utf8_on_gbk_names_the_offset_and_suggests_gbk():
    with pytest.raises(TextInputError, match=r"not valid UTF-8 at byte \d+.*GBK"):
        decode("名称".encode("gbk"), "utf-8", source="x.csv")


def test_missing_columns_are_listed_with_what_was_found(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("代号,名字\nA,B\n", encoding="utf-8")
    with pytest.raises(TextInputError, match=r"missing column\(s\) code, name; found 代号, 名字"):
        read_csv(path, "auto", ALIASES, required=("code", "name"))


def test_short_row_is_an_error_with_its_line_not_a_dropped_row(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("编码,名称\nA,甲\nB\n", encoding="utf-8")
    with pytest.raises(TextInputError, match="line 3: 1 values for 2 columns"):
        read_csv(path, "auto", ALIASES)


def test_blank_lines_are_skipped_and_unknown_encoding_refused(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("编码,名称\n\nA,甲\n,\n", encoding="utf-8")
    rows, _ = read_csv(path, "auto", ALIASES)
    assert rows == [{"code": "A", "name": "甲"}]
    with pytest.raises(TextInputError, match="unknown encoding 'latin-1'"):
        read_csv(path, "latin-1")
