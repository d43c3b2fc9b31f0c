"""citygrid:exportmanual / importmanual / printmanual through processing.run on a real QGIS
connection to a real store: the exported workbook, edited as a city would, shows its differences in a
dry run that changes nothing, then applies as a new version; a bad workbook changes nothing and names
every problem; a GBK CSV comes back the same; the printed manual holds the classes and their
situations, each class group from a new page."""
from __future__ import annotations

import processing
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from citygrid_plugin.core.manual import ClassEntry, Limit, Manual, Variant
from citygrid_plugin.core.manualsheet import write_manual
from citygrid_plugin.core.xlsx import Sheet, read_xlsx, write_xlsx
from citygrid_plugin.store import db
from citygrid_plugin.store import manual as manual_store
from tests.helpers.pdf import pdf_pages, pdf_text, squash
from tests.helpers.sql import count

TABLES = ("manual_version", "manual_class", "manual_variant", "manual_limit")


class Log(QgsProcessingFeedback):
    """A feedback that keeps what the algorithm says."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.errors: list[str] = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.errors.append(error)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def store(provider, qgis_connection, store_dsn):
    """A store with the sample's departments (HW the sanitation office, ZLS the water company);
    (the QGIS connection name, an owner connection)."""
    conn = db.connect(store_dsn)
    with conn.cursor() as cur:
        cur.execute("""
            INSERT INTO citygrid.district (code, name) VALUES ('510104', '锦江区');
            INSERT INTO citygrid.department (code, name) VALUES ('HW', '区环境卫生管理所'), ('CGJ', '锦江区城市管理局'),
                ('ZLS', '自来水公司'), ('SZ', '区市政设施管理所');""")
    conn.commit()
    yield qgis_connection, conn
    conn.close()


def snapshot(conn) -> dict[str, int]:
    return {t: count(conn, f"SELECT count(*) FROM citygrid.{t}") for t in TABLES}


def run(alg: str, connection: str, feedback=None, **params) -> dict:
    return processing.run(f"citygrid:{alg}", {"CONNECTION": connection, **params}, feedback=feedback)


def edit(book: dict[str, list[list]]) -> dict[str, list[list]]:
    """The workbook as a city edits it: 暴露垃圾 gets its standards, departments by name and code, two
    situations and urgent limits; 上水井盖 its page and a situation; the default handling limit 2 days."""
    events, parts = book["事件"], book["部件"]
    h, hp = events[0], parts[0]

    def put(row, header, **values):
        row.extend([None] * (len(header) - len(row)))
        for key, value in values.items():
            row[header.index(key)] = value

    i = next(i for i, r in enumerate(events) if r and r[0] == "0102" and (len(r) < 4 or r[3] is None))
    put(events[i], h, 管理要点="主干道路无乱堆乱放，无运输洒漏。", 监管单位="属地", 专业部门="区环境卫生管理所",
        处置标准="接到通知后 90 分钟内派人到现场，迅速组织清理。")
    situations = [["0102", None, None, "5吨以下"], ["0102", None, None, "5吨以上"], ["0102", None, None, "紧急"]]
    for row, limit in zip(situations, ("4工作时", "24小时", "2小时")):
        put(row, h, 处置时限=limit)
    events[i + 1:i + 1] = situations
    j = next(j for j, r in enumerate(parts) if r and r[0] == "0101")
    put(parts[j], hp, 管理要点="无缺失、损坏、盖框不平整、下陷、锁具损坏现象", 监管单位="CGJ",
        专业部门="自来水公司", 拓扑类型="点", 处置时限="6小时")
    parts.insert(j + 1, ["0101", None, None, "施工条件受限"])
    put(parts[j + 1], hp, 处置时限="36小时")
    defaults = book["默认时限"]
    put(defaults[1], defaults[0], 处置时限="2工作日")
    return book


def save(path, book) -> str:
    write_xlsx(path, [Sheet(name, rows) for name, rows in book.items()], shared_strings=False)
    return str(path)


def test_an_edited_export_shows_its_differences_in_a_dry_run_then_applies_as_a_new_version(store, tmp_path):
    connection, conn = store
    exported = run("exportmanual", connection, OUTPUT=str(tmp_path / "指挥手册.xlsx"))
    assert exported["MANUAL_VERSION"] == 2   # 1: migration 015, 2: 017 (回访 limits)
    book = read_xlsx(exported["OUTPUT"])
    assert list(book) == ["事件", "部件", "默认时限", "说明"]
    assert book["事件"][0][:4] == ["类别代码", "大类名称", "类别名称", "情形"] and "拓扑类型" in book["部件"][0]
    assert any(r[:3] == ["0102", "市容环境", "暴露垃圾"] for r in book["事件"])
    path = save(tmp_path / "edited.xlsx", edit(book))
    before = snapshot(conn)

    log = Log()
    dry = run("importmanual", connection, log, INPUT=path, DRY_RUN=True)
    assert dry["VERSION"] == 2 and dry["CHANGES"] >= 10
    assert snapshot(conn) == before and manual_store.current(conn).version == 2
    # each difference worded as the administration dialog shows it (core.manual.change_parts): the
    # class's name, the field by its Chinese name, a department by its name and code
    for expected in ("事件 0102 暴露垃圾 · Handling department (专业部门) · — → 区环境卫生管理所（HW）",
                     "事件 0102 暴露垃圾 · situation 5吨以上 · 处置 time limit · — → 24 小时",
                     "事件 0102 暴露垃圾 · urgent 处置 time limit · — → 2 小时",
                     "· Handling department (专业部门) · — → 自来水公司（ZLS）",
                     "· situation 施工条件受限 · 处置 time limit · — → 36 小时",
                     "事件 defaults · 处置 time limit · 3 工作日 → 2 工作日",
                     "Dry run: nothing was changed"):
        assert expected in log.text, expected
    assert any(line.startswith("  部件 0101 ") and "自来水公司（ZLS）" in line for line in log.lines), log.text

    applied = run("importmanual", connection, INPUT=path, NOTE="2026 年版指挥手册")
    assert (applied["VERSION"], applied["CHANGES"]) == (3, dry["CHANGES"])
    manual = manual_store.current(conn)
    assert manual.version == 3
    entry = manual.entry("event", "0102")
    assert (entry.department, entry.supervisor) == ("HW", "属地")
    assert [(v.name, v.limits) for v in entry.variants] == [("5吨以下", {"handle": Limit(4, "work_hours")}),
                                                           ("5吨以上", {"handle": Limit(24, "hours")})]
    assert entry.urgent == {"handle": Limit(2, "hours")}
    assert manual.entry("component", "0101").topology == "point"
    assert manual_store.versions(conn)[0]["note"] == "2026 年版指挥手册"

    again = run("importmanual", connection, INPUT=path)
    assert (again["VERSION"], again["CHANGES"]) == (3, 0)


def test_a_bad_workbook_changes_nothing_and_names_every_problem(store, tmp_path):
    connection, conn = store
    book = edit(read_xlsx(run("exportmanual", connection, OUTPUT=str(tmp_path / "m.xlsx"))["OUTPUT"]))
    events, parts = book["事件"], book["部件"]
    h = events[0]
    i = next(i for i, r in enumerate(events) if r and r[0] == "0102" and r[3] is None)
    events[i][h.index("专业部门")] = "环卫处"                     # a department the store does not have
    events[i + 2][h.index("处置时限")] = "0小时"                  # 5吨以上: not positive
    events.append(["0999", None, "不存在的类别"])                 # not in the profile
    events.append(["0104", None, None, "大面积"])                 # a situation without limits
    parts.append(["0101"])                                        # a second row for 上水井盖
    path = save(tmp_path / "bad.xlsx", book)
    before = snapshot(conn)
    log = Log()
    with pytest.raises(QgsProcessingException) as info:
        run("importmanual", connection, log, INPUT=path)
    message = str(info.value)
    assert "the command manual was not imported, nothing was changed" in message
    n = len(events)
    for expected in (f"事件, row {i + 1}, column 专业部门 “环卫处”: unknown department",
                     f"事件, row {i + 3}, column 处置时限 “0小时”: a time limit must be a positive number",
                     f"事件, row {n - 1}, column 类别代码 “0999”: no 事件 class 0999 in the code profile 2013",
                     f"事件, row {n}, column 情形 “大面积”: the situation “大面积” of class 0104 has no time limit",
                     f"部件, row {len(parts)}, column 类别代码 “0101”: class 0101 has a row already"):
        assert expected in message, expected
        assert any(expected in e for e in log.errors), expected
    assert snapshot(conn) == before and manual_store.current(conn).version == 2


def test_a_gbk_csv_export_comes_back_unchanged_and_an_edited_one_applies(store, tmp_path):
    connection, conn = store
    exported = run("exportmanual", connection, OUTPUT=str(tmp_path / "m.csv"))["OUTPUT"]
    text = open(exported, encoding="utf-8-sig").read()
    assert text.startswith("类型,类别代码,大类名称") and "\n事件,默认,,,," in text
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(text.encode("gbk"))
    same = run("importmanual", connection, INPUT=str(gbk))
    assert (same["VERSION"], same["CHANGES"]) == (2, 0)
    edited = tmp_path / "edited.csv"
    edited.write_bytes(text.replace("事件,0102,市容环境,暴露垃圾,,,", "事件,0102,市容环境,暴露垃圾,,城市道路保洁,")
                       .encode("gbk"))
    done = run("importmanual", connection, INPUT=str(edited))
    assert (done["VERSION"], done["CHANGES"]) == (3, 1)
    assert manual_store.current(conn).entry("event", "0102").points == "城市道路保洁"


def test_the_printed_manual_holds_the_classes_with_their_situations_each_group_from_a_new_page(store, tmp_path):
    connection, conn = store
    L = Limit
    page = Manual("2013", classes={
        ("event", "0102"): ClassEntry("event", "0102", points="主干道路无运输洒漏", supervisor="属地", department="HW",
                                      handling="接到通知后 90 分钟内派人到现场", limits={"handle": L(4, "work_hours")},
                                      urgent={"handle": L(2, "hours")},
                                      variants=(Variant("5吨以下", {"handle": L(4, "work_hours")}),
                                                Variant("5吨以上", {"handle": L(24, "hours")}))),
        ("event", "0505"): ClassEntry("event", "0505", department="SZ", limits={"handle": L(2, "work_hours")}),
        ("component", "0101"): ClassEntry("component", "0101", supervisor="CGJ", department="ZLS", topology="point",
                                          limits={"handle": L(6, "hours")},
                                          variants=(Variant("施工条件受限", {"handle": L(36, "hours")}),)),
    })
    version, _changes = manual_store.apply(conn, page, "测试", replace=False)
    result = run("printmanual", connection, OUTPUT=str(tmp_path / "指挥手册.pdf"))
    path = tmp_path / "指挥手册.pdf"
    pages, (w, h) = pdf_pages(path)
    assert result["PAGES"] == pages and w > h                    # landscape
    text = squash(pdf_text(path))
    for expected in ("暴露垃圾", "5吨以上", "5吨以下", "24小时", "区环境卫生管理所", "自来水公司", "施工条件受限",
                     "36小时", f"version{version}"):
        assert expected in text, expected
    assert "ZLS" not in text                                       # departments by name
    groups = ["Event01市容环境", "Event05街面秩序", "Component01公用设施"]
    first_pages = []
    for title in groups:
        on = [p for p in range(1, pages + 1) if title in squash(pdf_text(path, p))]
        assert on, title
        first_pages.append(on[0])
    assert first_pages == sorted(set(first_pages))                 # each group on a page of its own, in order
    for p in first_pages:
        assert sum(g in squash(pdf_text(path, p)) for g in groups) == 1


def test_write_manual_refuses_other_files(tmp_path):
    from citygrid_plugin.core.manual import ManualError

    with pytest.raises(ManualError):
        write_manual(tmp_path / "m.txt", Manual("2013"), {})


def test_the_sample_manual_imports_into_a_store_of_the_sample_departments(store, tmp_path):
    """data_samples/manual_sample.xlsx, as the demo loads it: every department of
    departments_gbk.csv (and the water company, ZLS, that the 上水井盖 example needs)."""
    from pathlib import Path

    from citygrid_plugin.core.textio import read_csv

    connection, conn = store
    root = Path(__file__).resolve().parents[2] / "data_samples"
    rows, _encoding = read_csv(root / "departments_gbk.csv", "gbk")
    with conn.cursor() as cur:
        for r in rows:
            cur.execute("INSERT INTO citygrid.department (code, name) VALUES (%s, %s) "
                        "ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name",
                        (r["编码"], r["名称"]))
    conn.commit()
    result = run("importmanual", connection, INPUT=str(root / "manual_sample.xlsx"))
    assert result["VERSION"] == 3
    manual = manual_store.current(conn)
    assert len(manual.classes) == 24
    assert [v.name for v in manual.entry("event", "0102").variants] == ["5吨以下", "5吨以上"]
    assert manual.entry("component", "0101").variant("施工条件受限").limits == {"handle": Limit(36, "hours")}
