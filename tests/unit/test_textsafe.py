"""core.textsafe without QGIS (issue 12, items 5 and 6): user text escaped for rich-text views,
CSV cells that a spreadsheet would run as formulas neutralised, and only local images opened."""
from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from citygrid_plugin.core.textsafe import csv_cell, html_text, layout_text, local_image

PAYLOADS = ['<a href="file:///etc/passwd">点我</a>', '<img src="file:///etc/passwd">',
            "</table><tr><td>结案</td>", "<script>alert(1)</script>", "a & b \"q\" 'q'"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_text_leaves_no_markup(payload):
    out = html_text(payload)
    assert "<" not in out and ">" not in out and '"' not in out and "'" not in out
    import html

    assert html.unescape(out) == payload


def test_html_text_keeps_line_breaks_and_empties_none():
    assert html_text("第一行\n<b>二</b>\r\n三\r四") == "第一行<br>&lt;b&gt;二&lt;/b&gt;<br>三<br>四"
    assert html_text(None) == ""
    assert html_text(42) == "42"


@pytest.mark.parametrize("text", ["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "=1+1", "-"])
def test_csv_cell_neutralises_formula_text(text):
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("value", [-3, -3.5, 0, 12, 1.5, Decimal("-2.50"), True])
def test_csv_cell_keeps_numbers_as_numbers(value):
    assert csv_cell(value) is value


@pytest.mark.parametrize("text", ["环卫所", "春熙路街道", "a=b", "1-2", "", " =1", "'quoted", "中=文"])
def test_csv_cell_leaves_ordinary_text(text):
    assert csv_cell(text) == text


def test_csv_cell_of_none_and_objects():
    class Name:
        def __str__(self):
            return "=HYPERLINK(\"http://x\")"

    assert csv_cell(None) == ""
    assert csv_cell(Name()) == "'=HYPERLINK(\"http://x\")"


def test_csv_cells_read_back_as_text_with_the_quote():
    buf = io.StringIO()
    csv.writer(buf).writerow([csv_cell(v) for v in ["=cmd|' /C calc'!A0", "\t=1", -3, "环卫所"]])
    assert next(csv.reader(io.StringIO(buf.getvalue()))) == ["'=cmd|' /C calc'!A0", "'\t=1", "-3", "环卫所"]


def test_local_image_accepts_only_existing_local_images(tmp_path):
    photo = tmp_path / "现场照片 1.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    assert local_image(str(photo)) == photo.resolve()
    assert local_image(photo.as_uri()) == photo.resolve()
    assert local_image("file://localhost" + photo.as_uri()[len("file://"):]) == photo.resolve()
    script = tmp_path / "run.sh"
    script.write_text("#!/bin/sh\n")
    disguised = tmp_path / "photo.png"
    disguised.symlink_to(script)
    (tmp_path / "folder.jpg").mkdir()
    for link in [None, "", "file:///etc/passwd", "/etc/passwd", str(script), script.as_uri(), str(disguised),
                 str(tmp_path / "missing.jpg"), str(tmp_path / "folder.jpg"), "photo.jpg",
                 "http://example.com/p.jpg", "https://example.com/p.jpg", "javascript:alert(1)",
                 "data:image/png;base64,AAAA", "file://evil.example.com" + str(photo), photo.as_uri() + "?x=1",
                 str(photo) + "\x00.jpg"]:
        assert local_image(link) is None, link


def test_layout_text_turns_every_expression_start_into_a_literal():
    assert layout_text(None) == ""
    assert layout_text("环卫所") == "环卫所"
    assert layout_text("[% env('HOME') %]") == "[% '[' || '%' %] env('HOME') %]"
    assert layout_text("a[%b[%c") == "a[% '[' || '%' %]b[% '[' || '%' %]c"
