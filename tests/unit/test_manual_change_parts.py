"""Each difference an import of the command manual (指挥手册) shows, as a person reads it
(core.manual.change_parts, Change.describe): the class with its name, the field by its Chinese
name, a limit by its stage, a situation by its name (even one with a space in it), a department by
its name and code; added and removed said so."""
from __future__ import annotations

from dataclasses import replace

import pytest

from citygrid_plugin.core import i18n
from citygrid_plugin.core.manual import ClassEntry, Limit, Manual, Variant, change_parts, diff

CHINESE = {   # the catalogue's words for what change_parts says (as tr_import.json / the .ts give them)
    "{stage} time limit": "{stage}时限", "urgent {stage} time limit": "紧急{stage}时限",
    "situation {name} · {stage} time limit": "情形 {name} · {stage}时限", "situation {name}": "情形 {name}",
    "situation {name} · note": "情形 {name} · 说明", "class entry (分类条目)": "分类条目",
    "Handling department (专业部门)": "专业部门", "Handling standard (处置标准)": "处置标准", "Topology": "拓扑类型",
    "{kind} defaults": "{kind}默认时限", "added": "新增", "removed": "删除", "existing": "现有",
}
NAMES = {("event", "0102"): "暴露垃圾", ("component", "0101"): "上水井盖"}
DEPARTMENTS = {"HW": "环卫所", "SZ": "市政所"}


@pytest.fixture
def chinese():
    i18n.set_translator(lambda text: CHINESE.get(text, text))
    yield
    i18n.set_translator(None)


def manuals() -> tuple[Manual, Manual]:
    refuse = ClassEntry("event", "0102", department="HW", handling="清运", limits={"handle": Limit(4, "work_hours")},
                        variants=(Variant("5吨以下", {"handle": Limit(4, "work_hours")}),))
    old = Manual("2013", defaults={"event": {"handle": Limit(3, "work_days")}}, classes={("event", "0102"): refuse})
    new = Manual("2013", defaults={"event": {"handle": Limit(2, "work_days")}},
                 urgent_defaults={"event": {"handle": Limit(2, "hours")}},
                 classes={("event", "0102"): replace(
                     refuse, department="SZ", limits={"handle": Limit(24, "hours")},
                     variants=(Variant("5吨以下", {"handle": Limit(4, "work_hours")}, "小件"),
                               Variant("5吨 以上", {"handle": Limit(24, "hours")}))),
                     ("component", "0101"): ClassEntry("component", "0101", department="属地", topology="point")})
    return old, new


def test_every_difference_reads_in_chinese(chinese):
    old, new = manuals()
    rows = [change_parts(c, NAMES, DEPARTMENTS) for c in diff(old, new)]
    assert rows == [
        ("事件默认时限", "处置时限", "3 工作日", "2 工作日"),
        ("事件默认时限", "紧急处置时限", "—", "2 小时"),
        ("部件 0101 上水井盖", "分类条目", "—", "新增"),
        ("部件 0101 上水井盖", "专业部门", "—", "属地"),
        ("部件 0101 上水井盖", "拓扑类型", "—", "点"),
        ("事件 0102 暴露垃圾", "专业部门", "环卫所（HW）", "市政所（SZ）"),
        ("事件 0102 暴露垃圾", "处置时限", "4 工作时", "24 小时"),
        ("事件 0102 暴露垃圾", "情形 5吨以下 · 说明", "—", "小件"),
        ("事件 0102 暴露垃圾", "情形 5吨 以上", "—", "新增"),
        ("事件 0102 暴露垃圾", "情形 5吨 以上 · 处置时限", "—", "24 小时"),
    ]
    back = [change_parts(c, NAMES, DEPARTMENTS) for c in diff(new, old)]
    assert ("部件 0101 上水井盖", "分类条目", "现有", "删除") in back
    assert ("事件 0102 暴露垃圾", "情形 5吨 以上", "现有", "删除") in back
    line = [c for c in diff(old, new) if c.what == "limit handle" and c.code][0].describe(NAMES)
    assert line == "事件 0102 暴露垃圾 · 处置时限 · 4 工作时 → 24 小时"


def test_without_names_the_codes_are_shown_and_the_words_are_the_english_sources():
    old, new = manuals()
    lines = [c.describe() for c in diff(old, new)]
    assert "事件 0102 · Handling department (专业部门) · HW → SZ" in lines
    assert "事件 defaults · urgent 处置 time limit · — → 2 小时" in lines
    assert "事件 0102 · situation 5吨 以上 · 处置 time limit · — → 24 小时" in lines
