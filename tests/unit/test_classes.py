"""Component and event class tables: shipped data, lookups, validation, local extensions."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from citygrid_plugin.core.classes import (
    CLASS_DIGITS,
    DEFAULT_PROFILE,
    PROFILES,
    ClassEntry,
    ClassTable,
    ClassTableError,
    shipped_path,
)
from citygrid_plugin.core.codes import CodeError, parse_component_code

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO.parent / "shared" / "reference"


def test_constants():
    assert PROFILES == ("2013", "2026")
    assert DEFAULT_PROFILE == "2013"
    assert CLASS_DIGITS == {"2013": (2, 2), "2026": (2, 3)}


@pytest.mark.parametrize("kind, profile, count, majors", [
    ("component", "2013", 85, 6),
    ("event", "2013", 54, 5),
    ("component", "2026", 153, 5),
    ("event", "2026", 250, 10),
])
def test_shipped_table_counts(kind, profile, count, majors):
    table = ClassTable.load(kind, profile)
    assert (table.kind, table.profile) == (kind, profile)
    assert len(table) == count
    assert len(list(table)) == count
    assert len(table.majors()) == majors
    assert sum(len(table.minors(code)) for code, _ in table.majors()) == count
    width = sum(CLASS_DIGITS[profile])
    assert all(len(e.code) == width and e.code == e.major_code + e.minor_code for e in table)


@pytest.mark.parametrize("kind, profile", [(k, p) for k in ("component", "event") for p in PROFILES])
def test_shipped_files_are_clean(kind, profile):
    data = shipped_path(kind, profile).read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    text = data.decode("utf-8")
    for line in text.splitlines()[1:]:
        assert all(cell == cell.strip() for cell in line.split(",")), line
    assert "（" not in "".join(e.name for e in ClassTable.load(kind, profile))


def test_load_is_cached_and_rejects_unknowns():
    assert ClassTable.load("component", "2013") is ClassTable.load("component", "2013")
    assert ClassTable.load("component") is ClassTable.load("component", DEFAULT_PROFILE)
    with pytest.raises(ClassTableError, match="unknown profile '2020'"):
        ClassTable.load("component", "2020")
    with pytest.raises(ClassTableError, match="unknown class table kind 'matter'"):
        ClassTable.load("matter", "2026")


def test_get_contains_iter_majors_minors():
    table = ClassTable.load("component", "2013")
    entry = table.get("0101")
    assert entry is not None and entry.name == "上水井盖" and entry.major_name == "公用设施"
    assert "0101" in table and "0199" not in table and table.get("0199") is None
    codes = [e.code for e in table]
    assert codes == sorted(codes)
    assert table.majors() == [("01", "公用设施"), ("02", "道路交通"), ("03", "市容环境"), ("04", "园林绿化"),
                              ("05", "房屋土地"), ("06", "其他设施")]
    assert [e.code for e in table.minors("05")] == ["0501", "0502", "0503"]
    assert table.minors("99") == []
    events = ClassTable.load("event", "2013")
    assert [e.code for e in events.minors("03")][-1] == "0399"


@pytest.mark.parametrize("kind, profile, name, code", [
    ("component", "2013", "上水井盖", "0101"),
    ("component", "2013", "电信井盖", "0107"),          # alt name
    ("component", "2013", "输油(气)井盖", "0129"),
    ("component", "2013", "输油（气）井盖", "0129"),     # full-width parentheses
    ("component", "2013", " 变压器 （箱） ", "0134"),    # whitespace anywhere
    ("component", "2013", "防汛墙", "0606"),            # alt name of 防洪墙
    ("event", "2013", "道路撒遗", "0112"),               # source spelling from the notes
    ("event", "2013", "焚烧树叶，垃圾", "0115"),
    ("event", "2013", "焚烧树叶,垃圾", "0115"),          # half-width comma for 、
    ("component", "2026", "车辆加油（气、电）站", "05003"),
    ("component", "2026", "车辆加油(气、电)站", "05003"),
    ("event", "2026", "道路遗撒（洒）", "06014"),
])
def test_lookup_name(kind, profile, name, code):
    entry = ClassTable.load(kind, profile).lookup_name(name)
    assert entry is not None and entry.code == code


def test_lookup_name_unknown():
    table = ClassTable.load("component", "2013")
    assert table.lookup_name("不存在的部件") is None
    assert table.lookup_name("") is None


def test_full_width_spelling_kept_as_alt_name():
    entry = ClassTable.load("component", "2026").get("01021")
    assert entry.name == "输油(气)井盖"
    assert "输油（气）井盖" in entry.alt_names


@pytest.mark.parametrize("profile, code, geometry, accuracy", [
    ("2013", "0101", "point", "A"),    # 上水井盖
    ("2013", "0118", "point", "A"),    # 路灯
    ("2013", "0305", "point", "B"),    # 垃圾箱
    ("2013", "0307", "point", "B"),    # 广告牌匾
    ("2013", "0211", "line", "B"),     # 交通护栏
    ("2013", "0604", "line", "B"),     # 水域护栏
    ("2013", "0606", "line", "B"),     # 防洪墙
    ("2013", "0216", "line", "B"),     # 道路隔音屏
    ("2013", "0201", "polygon", "C"),  # 停车场
    ("2013", "0405", "polygon", "C"),  # 绿地
    ("2013", "0602", "polygon", "C"),  # 工地
    ("2013", "0205", "polygon", "C"),  # 过街天桥
    ("2013", "0306", "point", "B"),    # 灯箱霓虹灯: exception, a sign not a lamp
    ("2026", "02043", "line", "B"),    # 减速带: exception
    ("2026", "04013", "polygon", "C"),
    ("2026", "04008", "line", "B"),    # 绿地护栏: a line, not green space
    ("2026", "04009", "point", "B"),   # 绿地附属设施
])
def test_geometry_and_accuracy(profile, code, geometry, accuracy):
    entry = ClassTable.load("component", profile).get(code)
    assert (entry.geometry_type, entry.accuracy_class) == (geometry, accuracy)


def test_every_component_has_geometry_and_events_none():
    for profile in PROFILES:
        assert all(e.geometry_type in ("point", "line", "polygon") and e.accuracy_class in ("A", "B", "C")
                   for e in ClassTable.load("component", profile))
        assert all(e.geometry_type is None and e.accuracy_class is None and e.extra_fields == ()
                   for e in ClassTable.load("event", profile))


@pytest.mark.parametrize("profile, code, fields", [
    ("2013", "0602", ("site_name",)),
    ("2013", "0203", ("stop_name", "material")),
    ("2013", "0406", ("sculpture_name", "material")),
    ("2013", "0126", ("equipment_count", "material")),
    ("2013", "0403", ("spec", "material")),
    ("2013", "0101", ("material",)),
    ("2013", "0402", ()),                      # 行道树: a tree has no material
    ("2026", "02004", ("stop_name", "material")),
    ("2026", "04006", ("sculpture_name", "material")),
    ("2026", "01046", ("equipment_count", "material")),
    ("2026", "04004", ("spec", "material")),
])
def test_extra_fields(profile, code, fields):
    assert ClassTable.load("component", profile).get(code).extra_fields == fields


def test_confidence():
    assert ClassTable.load("component", "2013").get("0110").confidence == "one source"
    assert ClassTable.load("component", "2013").get("0606").confidence == "sources differ in wording"
    for kind in ("component", "event"):
        assert {e.confidence for e in ClassTable.load(kind, "2026")} == {"unverified"}


LOCAL = ClassEntry("2101", "21", "扩展部件", "01", "共享单车停放点", geometry_type="polygon", accuracy_class="C")


def test_extend_with_a_local_class():
    base = ClassTable.load("component", "2013")
    local = base.extend([LOCAL, ClassEntry("2102", "21", "扩展部件", "02", "智能垃圾箱",
                                           geometry_type="point", accuracy_class="B")])
    assert len(local) == 87 and len(base) == 85
    assert local.get("2101") is LOCAL and "2101" not in base
    assert local.majors()[-1] == ("21", "扩展部件")
    assert local.lookup_name("共享单车停放点") is LOCAL
    assert parse_component_code("3205082101000001", classes=local).class_code == "2101"
    with pytest.raises(CodeError, match="major class 21 is not in profile 2013"):
        parse_component_code("3205082101000001", classes=base)


@pytest.mark.parametrize("entry, phrase", [
    (ClassEntry("21001", "21", "扩展部件", "001", "x", geometry_type="point", accuracy_class="B"),
     "minor code '001' must be 2 digits"),
    (ClassEntry("2101", "21", "扩展部件", "02", "x", geometry_type="point", accuracy_class="B"),
     "is not major code + minor code"),
    (ClassEntry("0101", "01", "公用设施", "01", "新井盖", geometry_type="point", accuracy_class="A"),
     "duplicate code"),
    (ClassEntry("0199", "01", "别的名字", "99", "x", geometry_type="point", accuracy_class="B"),
     "major 01 is named '别的名字' here but '公用设施'"),
    (ClassEntry("2101", "21", "扩展部件", "01", "路 灯", geometry_type="point", accuracy_class="A"),
     "name '路 灯' is already used by class 0118"),
    (ClassEntry("2101", "21", "扩展部件", "01", "x", geometry_type="area", accuracy_class="B"),
     "geometry type 'area'"),
    (ClassEntry("2101", "21", "扩展部件", "01", "x", geometry_type="point"), "accuracy class ''"),
    (ClassEntry("2100", "21", "扩展部件", "00", "x", geometry_type="point", accuracy_class="B"), "not all zero"),
])
def test_extend_rejects(entry, phrase):
    with pytest.raises(ClassTableError) as info:
        ClassTable.load("component", "2013").extend([entry])
    assert phrase in str(info.value)
    assert f"code '{entry.code}'" in str(info.value)


def test_event_class_may_not_have_geometry():
    with pytest.raises(ClassTableError, match="event class has no geometry"):
        ClassTable.load("event", "2013").extend([LOCAL])


ROWS = [
    {"code": "0101", "major_code": "01", "major_name": "公用设施", "minor_code": "01", "name": "上水井盖",
     "alt_names": "给水井盖; 自来水井盖", "geometry_type": "point", "accuracy_class": "A",
     "extra_fields": "material", "confidence": "two sources agree"},
    {"code": "01x2", "major_code": "01", "major_name": "公用设施", "minor_code": "x2", "name": "污水井盖",
     "alt_names": "", "geometry_type": "point", "accuracy_class": "A", "extra_fields": "", "confidence": ""},
]


def test_from_rows():
    table = ClassTable.from_rows("component", "2013", ROWS[:1])
    entry = table.get("0101")
    assert entry.alt_names == ("给水井盖", "自来水井盖")
    assert entry.extra_fields == ("material",)
    assert table.lookup_name("自来水井盖") is entry


def test_from_rows_error_names_the_row():
    with pytest.raises(ClassTableError) as info:
        ClassTable.from_rows("component", "2013", ROWS, source="city.csv")
    message = str(info.value)
    assert "city.csv row 2 (code '01x2')" in message
    assert "minor code 'x2'" in message
    assert "row 1" not in message


def test_from_rows_missing_column():
    with pytest.raises(ClassTableError, match="row 1: missing column"):
        ClassTable.from_rows("event", "2013", [{"code": "0101", "name": "x"}])


@pytest.mark.parametrize("kind, profile", [(k, p) for k in ("component", "event") for p in PROFILES])
def test_to_rows_round_trip(kind, profile):
    table = ClassTable.load(kind, profile)
    again = ClassTable.from_rows(kind, profile, table.to_rows())
    assert again.entries == table.entries


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="reference tables not available")
def test_shipped_tables_match_the_cleaning_script(tmp_path):
    spec = importlib.util.spec_from_file_location("clean_class_tables", REPO / "scripts" / "clean_class_tables.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main([str(REFERENCE), "--check"]) == 0
    assert script.main([str(REFERENCE), "--out", str(tmp_path)]) == 0
    for kind in ("component", "event"):
        for profile in PROFILES:
            name = shipped_path(kind, profile).name
            assert (tmp_path / name).read_bytes() == shipped_path(kind, profile).read_bytes()


def test_cleaning_script_fails_loudly(tmp_path):
    spec = importlib.util.spec_from_file_location("clean_class_tables", REPO / "scripts" / "clean_class_tables.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    rows = [{"code": "0101", "major_code": "01", "major_name": "公用设施", "minor_code": "01", "name": "a",
             "confidence": "x"},
            {"code": "0102", "major_code": "01", "major_name": "公共设施", "minor_code": "03", "name": "b",
             "confidence": "x"},
            {"code": "0101", "major_code": "01", "major_name": "公用设施", "minor_code": "01", "name": "c",
             "confidence": "x"}]
    with pytest.raises(script.CleaningError) as info:
        script.clean_rows("t.csv", "event", "2013", rows, None)
    message = str(info.value)
    assert "line 3 (code '0102'): code is not major_code + minor_code" in message
    assert "line 4 (code '0101'): duplicate of line 2" in message
    assert "major 01 has several names" in message
