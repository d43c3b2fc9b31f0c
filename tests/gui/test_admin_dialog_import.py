"""The 指挥手册 tab's file buttons as an administrator uses them (issue 16, item 3): 导出… writes
the manual in force as a workbook (which GDAL opens, as Excel and WPS do); edited in one cell and
brought back with 从文件导入…, it shows exactly that difference — 分类, 项目, 原值, 新值 — and
applied with a note, it is a new version recorded with that note; a file that holds the manual in
force applies nothing; a file with an unknown department and a negative limit shows both problems
with their sheet, row and column, and the store's manual stays as it was; 不应用 changes nothing;
打印手册… writes the PDF for the command centre's desk.

The file dialogs are the only thing stood in for (QFileDialog's static getters return the path a
person would choose); every other step is a click on the tab's buttons or the import windows'
buttons, and what is asserted is what a person reads in their tables and the status line."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from osgeo import ogr
from qgis.PyQt.QtCore import QRect, Qt
from qgis.PyQt.QtWidgets import QAbstractButton, QFileDialog, QHeaderView, QLabel

from citygrid_plugin.core.manual import Limit
from citygrid_plugin.core.xlsx import Sheet, read_xlsx, write_xlsx
from citygrid_plugin.store import manual as manual_store
from tests.helpers.admin import admin_logins, click, open_dialog
from tests.helpers.desk import answering, settle, type_text
from tests.helpers.pdf import pdf_pages, pdf_text, squash
from tests.helpers.sql import count

MANUAL_TABLES = ("manual_version", "manual_class", "manual_variant", "manual_limit")
LONG_STANDARD = ("接到派遣后 90 分钟内到场，先设置警示围挡，再清运全部暴露垃圾和渣土，清扫并冲洗地面，"
                 "不留残渣、污水和异味；大件垃圾当日运至指定消纳场，处置前后在同一位置拍照上传，照片须能看清周边参照物。")


@pytest.fixture
def logins(qgis_app, cluster, store_dsn, conn_factory):
    with admin_logins(cluster, store_dsn, conn_factory) as found:
        yield found


@pytest.fixture
def files(monkeypatch):
    """What the file dialogs answer: set ``files.open`` / ``files.save`` to the path a person
    picks (and ``files.save_filter`` to the filter they leave chosen); ``files.asked`` notes each
    dialog's title."""
    chosen = SimpleNamespace(open=None, save=None, save_filter="", asked=[])

    def get_open(parent, title="", folder="", filters="", *args, **kwargs):
        chosen.asked.append(title)
        return (str(chosen.open) if chosen.open else "", filters.split(";;")[0])

    def get_save(parent, title="", folder="", filters="", *args, **kwargs):
        chosen.asked.append(title)
        return (str(chosen.save) if chosen.save else "", chosen.save_filter or filters.split(";;")[0])

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    return chosen


def snapshot(conn) -> dict[str, int]:
    return {t: count(conn, f"SELECT count(*) FROM citygrid.{t}") for t in MANUAL_TABLES}


def texts(table) -> list[list[str]]:
    """A table as a person reads it, row by row."""
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def bar(dialog) -> str:
    return " ".join(dialog.messages())


def export(dialog, files, path: Path) -> Path:
    tab = dialog.page("manual")
    files.save = path
    click(tab.export_button)
    assert path.is_file(), bar(dialog)
    return path


def class_row(rows: list[list], code: str) -> int:
    """The index of *code*'s class row (情形 empty) in a sheet's rows."""
    header = rows[0]
    found = [i for i, r in enumerate(rows) if r and r[0] == code
             and (len(r) <= header.index("情形") or r[header.index("情形")] in (None, ""))]
    assert len(found) == 1, found
    return found[0]


def edited(source: Path, target: Path, **cells) -> tuple[Path, int]:
    """*source*'s workbook with 0102's class row given *cells* (header → value), saved as
    *target*; (target, the row's number as Excel shows it)."""
    book = read_xlsx(source)
    events = book["事件"]
    header = events[0]
    i = class_row(events, "0102")
    row = events[i] + [None] * (len(header) - len(events[i]))
    for name, value in cells.items():
        row[header.index(name)] = value
    events[i] = row
    write_xlsx(target, [Sheet(name, rows) for name, rows in book.items()], shared_strings=False)
    return target, i + 1


def not_cut(window) -> list:
    """Labels and buttons of *window* whose text does not fit them (what a person sees cut)."""
    cut = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisible() or not widget.text() or getattr(widget, "wordWrap", lambda: False)():
            continue
        if widget.sizeHint().width() > widget.width() + 2 or widget.height() < widget.minimumSizeHint().height() - 1:
            cut.append((widget.text(), widget.size(), widget.sizeHint()))
    return cut


def test_an_edited_export_shows_exactly_its_difference_and_applies_as_a_new_version_with_the_note(
        logins, files, tmp_path):
    owner, targets, names = logins
    before = manual_store.current(owner)
    old = before.entry("event", "0102")
    old_text = old.limits["handle"].text() if old and "handle" in old.limits else "—"
    new_limit = "36小时" if old_text == "24 小时" else "24小时"
    dialog = open_dialog(targets["admin"], tab="manual")
    try:
        tab = dialog.page("manual")
        exported = export(dialog, files, tmp_path / "指挥手册.xlsx")
        assert str(exported) in dialog.status.text()
        files.open, _row = edited(exported, tmp_path / "指挥手册_修改.xlsx", 处置时限=new_limit)
        seen = {}

        def review_and_apply(window, dialogs):
            from citygrid_plugin.gui.admin.manualfiles import ManualDifferencesDialog

            assert isinstance(window, ManualDifferencesDialog), window
            seen["rows"] = texts(window.table)
            seen["head"] = window.head.text()
            seen["note"] = window.note_edit.text()
            seen["cut"] = not_cut(window)
            seen["size"] = (window.width(), window.height())
            window.note_edit.clear()
            type_text(window.note_edit, "按区城管委通知调整暴露垃圾处置时限")
            click(window.apply_button)

        with answering(review_and_apply):
            click(tab.import_button)

        want = Limit(36, "hours") if new_limit == "36小时" else Limit(24, "hours")
        assert seen["rows"] == [["事件 0102 暴露垃圾", "处置 time limit", old_text, want.text()]], seen["rows"]
        assert "指挥手册_修改.xlsx" in seen["head"] and f"version {before.version}" in seen["head"]
        assert seen["note"] == "Imported from 指挥手册_修改.xlsx", "the note starts as the file's name"
        assert seen["cut"] == [] and seen["size"][0] <= 1366 and seen["size"][1] <= 698, seen

        after = manual_store.current(owner)
        assert after.version == before.version + 1, bar(dialog)
        assert after.entry("event", "0102").limits["handle"] == want
        [newest] = [v for v in manual_store.versions(owner) if v["version"] == after.version]
        assert newest["note"] == "按区城管委通知调整暴露垃圾处置时限" and newest["created_by"] == names["admin"]
        # the tab shows the new version, and the class's page what the store holds now
        assert str(after.version) in tab.version_label.text() and str(after.version) in dialog.status.text()
        assert tab.versions_table.item(0, 0).text() == str(after.version)
        assert not dialog.messages()
    finally:
        dialog.done(0)


def test_a_file_that_holds_the_manual_in_force_applies_nothing_and_not_applying_changes_nothing(
        logins, files, tmp_path):
    owner, targets, _names = logins
    before = manual_store.current(owner)
    tables = snapshot(owner)
    dialog = open_dialog(targets["admin"], tab="manual")
    try:
        tab = dialog.page("manual")
        files.open = export(dialog, files, tmp_path / "指挥手册.xlsx")
        with answering():                     # no window: there is nothing to review
            click(tab.import_button)
        assert "nothing to change" in dialog.status.text() and str(before.version) in dialog.status.text()
        assert manual_store.current(owner).version == before.version and snapshot(owner) == tables

        # a long 处置标准: shown whole, wrapped in its column; 不应用 leaves the store as it was
        files.open, _row = edited(files.open, tmp_path / "长标准.xlsx", 处置标准=LONG_STANDARD)
        seen = {}

        def look_and_keep(window, dialogs):
            table = window.table
            [row] = texts(table)
            seen["row"] = row
            header = table.horizontalHeader()
            seen["modes"] = [header.sectionResizeMode(c) for c in range(table.columnCount())]
            seen["overflow"] = table.horizontalScrollBar().maximum()
            width = table.columnWidth(3)
            needed = table.fontMetrics().boundingRect(QRect(0, 0, width - 8, 100000), Qt.TextWordWrap,
                                                      LONG_STANDARD).height()
            seen["heights"] = (table.rowHeight(0), needed, table.fontMetrics().height())
            seen["keep_is_default"] = window.keep_button.isDefault()
            click(window.keep_button)

        with answering(look_and_keep):
            click(tab.import_button)
        assert seen["row"][:2] == ["事件 0102 暴露垃圾", "Handling standard (处置标准)"]
        assert seen["row"][3] == LONG_STANDARD, "the text whole, not cut"
        assert seen["modes"][2:] == [QHeaderView.Stretch, QHeaderView.Stretch] and seen["overflow"] == 0
        row_height, needed, line = seen["heights"]
        assert row_height >= needed and needed > 2 * line, seen["heights"]
        assert seen["keep_is_default"], "Enter does not apply by surprise"
        assert "Not applied" in dialog.status.text()
        assert manual_store.current(owner).version == before.version and snapshot(owner) == tables
    finally:
        dialog.done(0)


def test_a_file_with_an_unknown_department_and_a_negative_limit_shows_both_problems_and_changes_nothing(
        logins, files, tmp_path):
    owner, targets, _names = logins
    before = manual_store.current(owner)
    tables = snapshot(owner)
    dialog = open_dialog(targets["admin"], tab="manual")
    try:
        tab = dialog.page("manual")
        exported = export(dialog, files, tmp_path / "指挥手册.xlsx")
        files.open, row = edited(exported, tmp_path / "错误.xlsx", 专业部门="环卫处", 处置时限="-3小时")
        seen = {}

        def read_and_close(window, dialogs):
            from citygrid_plugin.gui.admin.manualfiles import ManualProblemsDialog

            assert isinstance(window, ManualProblemsDialog), window
            seen["titles"] = [window.table.horizontalHeaderItem(c).text() for c in range(window.table.columnCount())]
            seen["rows"] = texts(window.table)
            seen["head"] = window.head.text()
            seen["cut"] = not_cut(window)
            click(window.close_button)

        with answering(read_and_close):
            click(tab.import_button)
        assert seen["titles"] == ["Sheet", "Row", "Column", "Value", "What to do"]
        found = {tuple(r[:4]): r[4] for r in seen["rows"]}
        assert set(found) == {("事件", str(row), "专业部门", "环卫处"), ("事件", str(row), "处置时限", "-3小时")}, \
            seen["rows"]
        assert "unknown department" in found[("事件", str(row), "专业部门", "环卫处")]
        assert "HW" in found[("事件", str(row), "专业部门", "环卫处")], "what to write instead"
        assert "positive" in found[("事件", str(row), "处置时限", "-3小时")]
        assert "错误.xlsx" in seen["head"] and "2 problems" in seen["head"] and seen["cut"] == []
        assert "错误.xlsx" in bar(dialog) and "Traceback" not in bar(dialog)
        assert manual_store.current(owner).version == before.version and snapshot(owner) == tables
    finally:
        dialog.done(0)


def test_export_writes_a_workbook_gdal_opens_and_print_writes_the_pdf(logins, files, tmp_path):
    _owner, targets, _names = logins
    dialog = open_dialog(targets["admin"], tab="manual")
    try:
        tab = dialog.page("manual")
        # typed without its extension, the workbook filter left chosen
        files.save, files.save_filter = tmp_path / "手册", "Excel workbook (*.xlsx)"
        click(tab.export_button)
        path = tmp_path / "手册.xlsx"
        assert path.is_file() and str(path) in dialog.status.text(), bar(dialog)
        source = ogr.Open(str(path))
        assert source is not None and source.GetDriver().GetName() == "XLSX"
        layers = [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())]
        assert layers == ["事件", "部件", "默认时限", "说明"]
        events = source.GetLayerByName("事件")
        values = {str(f.GetField(i)) for f in events for i in range(f.GetFieldCount()) if f.IsFieldSet(i)}
        assert "0102" in values and "暴露垃圾" in values
        source = None

        files.save, files.save_filter = tmp_path / "指挥手册", ""
        click(tab.print_button)
        pdf = tmp_path / "指挥手册.pdf"
        assert pdf.is_file() and str(pdf) in dialog.status.text(), bar(dialog)
        pages, (width, height) = pdf_pages(pdf)
        assert pages >= 2 and width > height                  # a cover and the default limits, landscape
        assert "Commandmanual" in squash(pdf_text(pdf, 1))
        assert f"{pages} pages" in dialog.status.text()

        # a folder that does not exist: said in the message bar, no traceback
        files.save = tmp_path / "没有的文件夹" / "手册.xlsx"
        click(tab.export_button)
        assert "没有的文件夹" in bar(dialog) and "Traceback" not in bar(dialog)
        assert files.asked == ["Export the command manual", "Print the command manual (PDF)",
                               "Export the command manual"]
        settle()
    finally:
        dialog.done(0)
