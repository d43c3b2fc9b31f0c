"""Write the sample district's command manual (指挥手册) as manual_sample.xlsx.

Usage (from the repository root)::

    python data_samples/make_manual.py [--out data_samples/manual_sample.xlsx]

The demo imports the workbook with ``citygrid:importmanual`` (the layout of
:mod:`citygrid_plugin.core.manualsheet`: sheets 事件, 部件, 默认时限, 说明). It lists every class of the
code profile 2013 and gives a page to the classes the demo's cases use (``generate_cases.py``:
EVENTS, COMPONENTS), with the seeds' two examples exactly:

- 事件 0102 暴露垃圾 (市容环境 01-02): 管理要点 as the seeds' example page, 监管单位 属地 (管辖范围), 专业部门
  the sanitation office (HW 区环境卫生管理所), 处置标准 "接到通知后 90 分钟内派人到现场，迅速组织清理…", and
  two situations (情形): 5吨以下 handled in 4 工作时, 5吨以上 in 24 小时;
- 部件 0101 上水井盖 (公共设施 01-01, the standard's 公用设施): topology 点, 管理要点 "无缺失、损坏、盖框不平整、
  下陷、锁具损坏现象", 监管单位 the city management bureau (CGJ; in a district sample the district's
  bureau plays the 市城管局's part), 专业部门 the water company (ZLS), handling in 6 小时, situation
  施工条件受限 in 36 小时.

The other pages are plausible for a Chinese district, not a real city's manual. The default
limits are the store's (migrations 007, 014 and 017): 核实 30 分钟, 立案 1 工作时, 派遣 1 工作时,
处置 3 工作日, 核查 30 分钟, 结案 2 工作时, 回访 2 工作日; urgent 核实 15 分钟, 立案 and 派遣 30 分钟,
处置 2 小时, 核查 15 分钟, 结案 1 小时. Departments print by name from departments_gbk.csv (a code
the file lacks prints as the code). The workbook's bytes depend only on this script (core.xlsx
writes fixed time stamps).
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from citygrid_plugin.core.manual import ClassEntry, Manual, Variant, parse_limit  # noqa: E402
from citygrid_plugin.core.manualsheet import write_manual_xlsx  # noqa: E402
from citygrid_plugin.core.textio import read_csv  # noqa: E402

HERE = Path(__file__).resolve().parent
DATA = ROOT / "citygrid_plugin" / "resources" / "data"
OUT = HERE / "manual_sample.xlsx"
PROFILE = "2013"
WATER_COMPANY = "ZLS"    # 自来水公司: not in departments_gbk.csv yet (the import needs it in the store)


def limits(**stages: str) -> dict:
    """stage → Limit from texts as a person writes them (handle="4工作时")."""
    return {stage: parse_limit(text) for stage, text in stages.items()}


DEFAULTS = limits(verify="30分钟", register="1工作时", dispatch="1工作时", handle="3工作日", check="30分钟",
                  close="2工作时", revisit="2工作日")
URGENT_DEFAULTS = limits(verify="15分钟", register="30分钟", dispatch="30分钟", handle="2小时", check="15分钟",
                         close="1小时")

# the seeds' example pages (../shared/reference/seeds/004: 指挥手册的编制, 事件类 / 部件类问题处置标准实例)
EXPOSED_REFUSE = ClassEntry(
    "event", "0102",
    points="主干道路、各类桥梁（含人行天桥）、重点地区、次干道路、支路和居民区内的胡同里巷、楼群、甬路路面净、人行道净、"
           "绿地净、树穴净、排水口净；无乱堆乱放，无白色污染，无垃圾堆存，垃圾收集、清运及时，无运输洒漏。其中，主干道路、"
           "立交桥和重点地区保持 20 小时，次干道路、支路和人行天桥、跨河桥梁保持 16 小时，"
           "里巷道路保持 12 小时以上清扫保洁作业，清扫保洁率达 100%。",
    supervisor="属地", department="HW",
    handling="接到通知后 90 分钟内派人到现场，迅速组织清理。对明确承办主体的，应实施宣传教育，督促整改，并依法实施行政"
             "处罚。5 吨以下的暴露垃圾 4 小时内清除，5 吨以上的暴露垃圾应在 24 小时内协调清理完毕，"
             "并将处理情况报城市管理指挥中心。",
    register="道路、广场、绿地、居民区等公共区域有暴露的生活垃圾或废弃物，即予立案。",
    close="现场无暴露垃圾和残留物，地面整洁，核查照片与处置照片一致。",
    limits=limits(handle="4工作时"),
    variants=(Variant("5吨以下", limits(handle="4工作时"), "5 吨以下的暴露垃圾 4 小时内清除"),
              Variant("5吨以上", limits(handle="24小时"), "5 吨以上的暴露垃圾 24 小时内协调清理完毕")))
WATER_COVER = ClassEntry(
    "component", "0101",
    points="无缺失、损坏、盖框不平整、下陷、锁具损坏现象",
    supervisor="CGJ", department=WATER_COMPANY, topology="point",
    handling="井盖缺失、破损的，接到通知后立即设置警示标志，6 小时内补装或更换；施工条件受限的，36 小时内修复。",
    register="标有“供水、给水、自来水公司、水闸、水门、水表”等字样的井盖缺失、破损、移位、下陷或盖框不平整。",
    close="井盖完好、盖框平整、锁具有效，警示标志已撤除。",
    limits=limits(handle="6小时"),
    variants=(Variant("施工条件受限", limits(handle="36小时"), "需占道施工或夜间施工的"),))


def event(code, department, handle, points, handling, register, close, supervisor="属地", **extra) -> ClassEntry:
    return ClassEntry("event", code, points=points, supervisor=supervisor, department=department, handling=handling,
                      register=register, close=close, limits=limits(handle=handle), **extra)


def component(code, department, handle, points, handling, supervisor="CGJ", **extra) -> ClassEntry:
    return ClassEntry("component", code, points=points, supervisor=supervisor, department=department,
                      handling=handling, register=f"{points.split('，')[0]}的要求未达到，即予立案。",
                      close="设施恢复完好，现场整洁。", topology="point", limits=limits(handle=handle), **extra)


ENTRIES = [
    EXPOSED_REFUSE,
    event("0101", "CGJ", "15工作日", "公共区域、道路两侧无违法搭建的建筑物、构筑物。",
          "查实后下达限期拆除通知书；逾期不拆除的，依法组织强制拆除。", "未经批准在公共区域搭建建筑物、构筑物。",
          "违法建筑已拆除，场地清理干净。"),
    event("0103", "HW", "1工作日", "无积存的垃圾、渣土。", "接到通知后 1 个工作日内清运完毕，查明倾倒者依法处罚。",
          "积存垃圾或渣土体积 0.5 立方米以上。", "垃圾渣土清运干净，无残留。"),
    event("0104", "HW", "5工作时", "路面、人行道无废弃物、污水、泥沙。", "组织清扫保洁，5 个工作小时内路面恢复整洁。",
          "道路上有明显废弃物、污迹或泥沙。", "路面整洁，无明显废弃物。"),
    event("0106", "YL", "1工作日", "绿地内无垃圾、杂物，无践踏损毁。", "1 个工作日内清理绿地并补植损毁苗木。",
          "绿地内有垃圾杂物或明显损毁。", "绿地整洁，损毁已修复。"),
    event("0108", "HW", "1工作日", "公共区域无废弃家具、设施。", "1 个工作日内清运废弃家具设施。",
          "公共区域有废弃的家具或设施。", "废弃物已清运。"),
    event("0201", "CGJ", "4工作时", "建筑物、设施上无非法小广告。", "4 个工作小时内清除，查处张贴者。",
          "建筑物、设施上有非法张贴、涂写、刻画的小广告。", "小广告清除干净，无明显痕迹。"),
    event("0202", "CGJ", "3工作日", "无未经审批或破损的广告牌匾。", "责令限期整改，逾期依法拆除。",
          "违章设置或破损、污损的广告牌匾。", "广告牌匾已整改或拆除。"),
    event("0301", "ZJ", "1工作日", "施工不得在禁止时段作业、噪声不超标。", "核查施工许可，责令停止违规作业并依法处罚。",
          "施工噪声、粉尘影响居民，群众反映。", "违规施工已停止，现场符合规定。",
          urgent=limits(handle="2小时")),
    event("0501", "CGJ", "2工作时", "无占道无照经营的流动摊贩。", "劝离或依法查处，2 个工作小时内处置完毕。",
          "道路、广场有流动摊贩占道经营。", "摊贩已离开，现场无遗留物。"),
    event("0505", "JG", "2工作时", "机动车按规定停放，不占用人行道、消防通道。", "通知车主驶离或依法拖移、处罚。",
          "机动车占用人行道、消防通道或禁停区域停放。", "车辆已驶离，通道畅通。",
          variants=(Variant("占用消防通道", limits(dispatch="30分钟", handle="1小时")),)),
    event("0507", "CGJ", "1工作日", "公共区域无乱堆物料。", "责令当事人清理，逾期组织清运并依法处罚。",
          "道路、广场等公共区域堆放物料。", "物料已清理，现场整洁。"),
    WATER_COVER,
    component("0102", "SW", "6小时", "污水井盖无缺失、损坏、移位，盖框平整", "立即设置警示标志，6 小时内补装或修复。"),
    component("0103", "SW", "6小时", "雨水井盖无缺失、损坏、移位，盖框平整", "立即设置警示标志，6 小时内补装或修复。"),
    component("0104", "SW", "1工作日", "雨水箅子无缺失、损坏、堵塞", "1 个工作日内疏通或更换。"),
    component("0105", "GD", "6小时", "电力井盖无缺失、损坏、移位", "立即设置警示标志，6 小时内补装或修复。"),
    component("0107", "TX", "1工作日", "通讯井盖无缺失、损坏、移位", "1 个工作日内补装或复位。"),
    component("0118", "SZ", "2工作日", "路灯完好，按时亮灯，无倾斜、破损", "2 个工作日内修复。"),
    component("0209", "JG", "3工作日", "交通标志牌完好、清晰、无倾斜", "3 个工作日内扶正或更换。"),
    component("0210", "JG", "4小时", "交通信号灯工作正常", "4 小时内恢复正常，期间安排人员疏导交通。",
              urgent=limits(dispatch="15分钟", handle="1小时")),
    component("0213", "SZ", "5工作日", "路名牌完好、清晰", "5 个工作日内补装或更换。"),
    component("0305", "HW", "2工作日", "垃圾箱完好、整洁、无满溢", "2 个工作日内修复或更换；满溢的当日清运。",
              variants=(Variant("满溢", limits(handle="4工作时")),)),
    component("0402", "YL", "1工作日", "行道树无倒伏、枯死、缺株", "倒伏的立即清理扶正，1 个工作日内处置完毕。",
              supervisor="属地", urgent=limits(dispatch="15分钟", handle="2小时")),
]


def sample_manual() -> Manual:
    """The sample district's manual (profile 2013, no version: the store gives one)."""
    return Manual(PROFILE, defaults={"event": dict(DEFAULTS), "component": dict(DEFAULTS)},
                  urgent_defaults={"event": dict(URGENT_DEFAULTS), "component": dict(URGENT_DEFAULTS)},
                  classes={(e.kind, e.code): e for e in ENTRIES})


def class_table() -> tuple[dict, dict]:
    """((kind, code) → name, (kind, code) → major name) of the profile's shipped class tables."""
    names, majors = {}, {}
    for kind in ("event", "component"):
        with open(DATA / f"{kind}_classes_{PROFILE}.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                names[(kind, row["code"])] = row["name"]
                majors[(kind, row["code"])] = row["major_name"]
    return names, majors


def departments() -> dict[str, str]:
    """code → name of the sample's departments (departments_gbk.csv)."""
    rows, _encoding = read_csv(HERE / "departments_gbk.csv", "gbk")
    return {r["编码"]: r["名称"] for r in rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    names, majors = class_table()
    path = write_manual_xlsx(args.out, sample_manual(), names, majors, departments())
    print(f"{path}: {len(ENTRIES)} classes with a page of {len(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
