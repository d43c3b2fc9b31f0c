"""The workflow's vocabulary (core.workflow) as a person reads it: deadlines in words, never a
signed clock; every state, action and role by its Chinese name; a question for every
irreversible action."""
from __future__ import annotations

import re

import pytest

from citygrid_plugin.core.workflow import (
    ACTIONS,
    CASE_ROLES,
    DESTRUCTIVE,
    IRREVERSIBLE,
    STATES,
    action_label,
    confirm_text,
    format_time_left,
    role_label,
    state_label,
    urgency,
)
from tests.helpers.zh import chinese

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(("hours", "english", "zh"), [
    (-62.383, "overdue 2 d 14 h", "超时 2天14小时"),
    (3 + 5 / 60, "3 h 05 min left", "剩余 3小时05分"),
    (-0.25, "overdue 15 min", "超时 15分钟"),
    (49.5, "2 d 1 h left", "剩余 2天1小时"),  # minutes are left out once it is days
    (None, "—", "—"),
])
def test_time_left_reads_in_words(hours, english, zh):
    assert format_time_left(hours) == english
    with chinese():
        assert format_time_left(hours) == zh
    assert "-" not in format_time_left(hours) and ":" not in format_time_left(hours)


def test_urgency_follows_the_time_left():
    assert [urgency(h) for h in (None, -0.01, 0.5, 3.9, 4.0, 100)] == \
        ["none", "overdue", "urgent", "soon", "ok", "ok"]


def test_every_state_action_and_role_has_a_chinese_name():
    with chinese():
        for code, label in [*((s, state_label(s)) for s in STATES),
                            *((a, action_label(a)) for a in (*ACTIONS, "report")),
                            *((r, role_label(r)) for r in (*CASE_ROLES, "system"))]:
            assert label != code and CJK.search(label), (code, label)
        # the history's first row is the report, not the evaluation's count of reports (上报数)
        assert action_label("report") == "上报"
        assert (action_label("cancel"), action_label("close"), action_label("register")) == ("作废", "结案", "立案")


def test_every_irreversible_action_has_its_question():
    assert DESTRUCTIVE <= IRREVERSIBLE
    with chinese():
        for action in IRREVERSIBLE:
            text = confirm_text(action, "2026120600000001")
            assert "2026120600000001" in text and CJK.search(text) and "？" in text, text
