"""The store's refusals in Chinese (core.storemessages), with the zh_CN catalogue installed as
the plugin installs it: the refusals exactly as the store words them, and every refusal the
workflow functions can raise, read from their SQL."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from citygrid_plugin.core.storemessages import translate
from tests.helpers.zh import chinese

ROOT = Path(__file__).resolve().parents[2]
FUNCTIONS = ROOT / "citygrid_plugin" / "store" / "sql" / "functions"
CJK = re.compile(r"[\u4e00-\u9fff]")
IDENTIFIER = re.compile(r"\b\w*_\w*\b")        # case_report, citygrid_operator: names, not words
ENGLISH_WORD = re.compile(r"\b[a-z]{4,}\b")

# refusals as the store raised them in the tests of tests/db (copied from real runs)
REAL = [
    ("case 2026120600000003 is to_verify: register by shift_leader is not allowed; allowed: cancel (supervisor), "
     "verify (supervisor)",
     "案件 2026120600000003 当前为“待核实”：值班长现在不能执行“立案”；可执行：作废（监督员）、核实属实（监督员）"),
    ("case 2026120600000001 was changed by cgt_1a2b_op1 at 2026-12-06 10:31:02 (accept); refresh and try again",
     "案件 2026120600000001 已被 cgt_1a2b_op1 于 2026-12-06 10:31:02 修改（受理）；请刷新后重试"),
    ("case 2026120600000001 is closed: urge by dispatcher is not allowed; allowed: none (the case is finished)",
     "案件 2026120600000001 当前为“已结案”：派遣员现在不能执行“督办”；可执行：无（案件已办结）"),
    ("return needs a note (why)", "“退回派遣”需要填写备注（原因）"),
    ("user cgt_1a2b_op1 may not act as shift_leader (not a member of role citygrid_shift_leader)",
     "用户 cgt_1a2b_op1 没有“值班长”角色（由管理员授予角色）"),
    ("case 2026120600000002 is not overdue (deadline 2026-12-07 10:00); urging is for overdue cases",
     "案件 2026120600000002 未超时（时限 2026-12-07 10:00）；只有超时案件才能督办"),
    ("event class 9999 is not in the district's code profile", "事件类别 9999 不在本区所用的编码表中"),
]


@pytest.mark.parametrize(("store", "zh"), REAL)
def test_real_refusals_come_out_in_chinese(store, zh):
    with chinese():
        assert translate(store) == zh
    assert translate(store) == store  # English: the store's own words, unchanged


def sql_refusals() -> list[str]:
    """Every refusal the workflow functions raise, with each % (a value) filled in."""
    texts = []
    for name in ("case_act_core.sql", "case_report_core.sql", "case_precondition.sql", "case_guard.sql"):
        sql = (FUNCTIONS / name).read_text(encoding="utf-8")
        for literal in re.findall(r"RAISE EXCEPTION\s+'((?:[^']|'')*)'", sql) + \
                re.findall(r"format\(\s*'((?:[^']|'')*)'", sql):
            if literal == "%":  # re-raises case_precondition's text, read from there
                continue
            texts.append(literal.replace("''", "'").replace("%s", "7").replace("%", "7"))
    return texts


def test_every_refusal_of_the_workflow_functions_comes_out_in_chinese():
    texts = sql_refusals()
    assert len(texts) >= 25
    with chinese():
        for text in texts:
            shown = translate(text)
            assert shown != text and CJK.search(shown), text
            assert not ENGLISH_WORD.search(IDENTIFIER.sub("", shown)), (text, shown)


def test_an_unknown_message_is_never_lost():
    with chinese():
        assert translate("could not serialize access due to concurrent update") == \
            "could not serialize access due to concurrent update"
        assert translate("") == ""
