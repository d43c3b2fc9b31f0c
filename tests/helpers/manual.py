"""The command manual (指挥手册) page of the issue's example, 暴露垃圾 (event 0102), put into a test
store through store.manual.apply as an administrator would: its standards, a dispatch limit of
90 分钟, handling in 4 工作时, and two situations (情形) — 5吨以下 handled in 4 工作时, 5吨以上
dispatched in 30 分钟 and handled in 24 小时 (clock hours, so a test checks deadlines exactly)."""
from __future__ import annotations

POINTS = "道路、广场、绿地等公共区域无暴露垃圾、无积存渣土；垃圾日产日清。"
REGISTER = "公共区域内有暴露垃圾或渣土堆积，面积 0.5 平方米以上或体积 0.1 立方米以上，即予立案。"
HANDLING = "专业部门接单后到场清运暴露垃圾，清扫并冲洗地面，不留残渣、污水；处置后拍照反馈。"
CLOSE = "现场无暴露垃圾和残留物，地面整洁，核查照片与处置照片一致，方可结案。"
LARGE, SMALL = "5吨以上", "5吨以下"


def example_entry():
    from citygrid_plugin.core.manual import ClassEntry, Limit, Variant

    return ClassEntry(
        kind="event", code="0102", name="暴露垃圾", points=POINTS, department="HW", handling=HANDLING,
        register=REGISTER, close=CLOSE,
        limits={"dispatch": Limit(1.5, "hours"), "handle": Limit(4, "work_hours")},
        variants=(Variant(SMALL, {"handle": Limit(4, "work_hours")}),
                  Variant(LARGE, {"dispatch": Limit(0.5, "hours"), "handle": Limit(24, "hours")})))


def apply_example_manual(conn) -> int:
    """Put the example's page into the store's manual (the other classes kept); the version in force."""
    from citygrid_plugin.core.manual import Manual
    from citygrid_plugin.store import manual

    profile = manual.current(conn).profile
    page = Manual(profile=profile, classes={("event", "0102"): example_entry()})
    version, _changes = manual.apply(conn, page, "测试：暴露垃圾的指挥手册", replace=False)
    conn.commit()
    return version
