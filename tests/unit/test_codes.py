"""Unit-grid and component codes: valid and invalid cases, builders, round trips, code lists."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from citygrid_plugin.core import codes as codes_module
from citygrid_plugin.core.classes import ClassTable
from citygrid_plugin.core.codes import (
    CodeError,
    CodeProblem,
    ComponentCode,
    GridCode,
    build_component_code,
    build_grid_code,
    grid_code_list,
    parse_component_code,
    parse_grid_code,
    validate_community_code,
    validate_component_code,
    validate_district_code,
    validate_grid_code,
    validate_street_code,
)
from citygrid_plugin.core.i18n import set_translator

C2013 = ClassTable.load("component", "2013")
C2026 = ClassTable.load("component", "2026")

# --- unit-grid codes -------------------------------------------------------------------------

VALID_GRIDS = [
    "510104001001001",
    "110101001001999",
    "320508003012045",
    "650102999999999",
    "820101001001001",
]


@pytest.mark.parametrize("code", VALID_GRIDS)
def test_valid_grid_codes(code):
    assert validate_grid_code(code) == []
    grid = parse_grid_code(code)
    assert grid.code == code
    assert (grid.district, grid.street, grid.community, grid.serial) == (code[:6], code[6:9], code[9:12], code[12:])


INVALID_GRIDS = [
    # code, part, key phrase
    ("51010400100101", "code", "grid code must be 15 digits, got 14 ('51010400100101')"),
    ("5101040010010011", "code", "must be 15 digits, got 16"),
    ("", "code", "grid code is empty"),
    (" 510104001001001", "code", "surrounding whitespace"),
    ("510104001001001\n", "code", "surrounding whitespace"),
    ("５１0104001001001", "code", "contains full-width digits; use ASCII 0-9"),
    ("51010A", ["code", "code"], "non-digit characters 'A'"),
    ("5101041A0001001", "street", "street code '1A0' must be 3 digits"),
    ("5101040010B1001", "community", "community code '0B1' must be 3 digits"),
    ("51010400100100X", "serial", "grid serial '00X' must be 3 digits"),
    ("51010400100100Ａ", "serial", "must be 3 digits"),
    ("510104001001000", "serial", "grid serial '000' is invalid; serials run 001–999"),
    ("990104001001001", "district", "99 is not a GB/T 2260 province code"),
    ("200104001001001", "district", "20 is not a GB/T 2260 province code"),
    ("510100001001001", "district", "denotes a prefecture or province, not a county-level division"),
    ("5101-4001001001", "district", "county code '5101-4' must be 6 digits"),
    ("510104000001001", "street", "street code '000' is not a street"),
    ("510104001000001", "community", "community code '000' is not a community"),
    (510104001001001, "code", "grid code must be text, got int"),
    (None, "code", "must be text"),
]


@pytest.mark.parametrize("code, part, phrase", INVALID_GRIDS)
def test_invalid_grid_codes(code, part, phrase):
    problems = validate_grid_code(code)
    assert [p.part for p in problems] == ([part] if isinstance(part, str) else part), problems
    assert phrase in problems[-1].message
    with pytest.raises(CodeError) as info:
        parse_grid_code(code)
    assert info.value.problems == problems
    assert phrase in str(info.value)


def test_grid_validation_collects_every_problem():
    problems = validate_grid_code("990100000000000")
    assert [p.part for p in problems] == ["district", "district", "street", "community", "serial"]
    assert "province code" in problems[0].message
    assert "prefecture" in problems[1].message


def test_whitespace_and_full_width_are_reported_with_the_rest():
    problems = validate_grid_code(" ５10104001001000 ")
    assert [p.part for p in problems] == ["code", "code", "serial"]
    assert "whitespace" in problems[0].message
    assert "full-width" in problems[1].message


def test_grid_code_error_joins_messages():
    with pytest.raises(CodeError) as info:
        parse_grid_code("510104000000000")
    err = info.value
    assert isinstance(err, ValueError)
    assert str(err) == "; ".join(p.message for p in err.problems)
    assert len(err.problems) == 3
    assert all(isinstance(p, CodeProblem) for p in err.problems)


def test_grid_code_properties():
    grid = parse_grid_code("510104003012045")
    assert grid.community_key == "510104003012"
    assert grid.serial_number == 45
    assert str(grid) == "510104003012045"
    with pytest.raises(AttributeError):
        grid.serial = "046"  # frozen


def test_grid_code_dataclass_validates_its_parts():
    with pytest.raises(CodeError) as info:
        GridCode("510104", "001", "1", "000")
    assert [p.part for p in info.value.problems] == ["community", "serial"]


@pytest.mark.parametrize("district, street, community, serial, expected", [
    ("510104", "001", "001", 1, "510104001001001"),
    ("510104", "001", "001", "001", "510104001001001"),
    ("110101", "014", "020", 999, "110101014020999"),
    ("320508", "003", "012", 45, "320508003012045"),
])
def test_build_grid_code_round_trip(district, street, community, serial, expected):
    code = build_grid_code(district, street, community, serial)
    assert code == expected
    grid = parse_grid_code(code)
    assert (grid.district, grid.street, grid.community) == (district, street, community)
    assert grid.serial_number == int(serial)


@pytest.mark.parametrize("args, part, phrase", [
    (("510104", "1A", "001", 1), "street", "street code '1A' must be 3 digits"),
    (("510104", "001", "1", 1), "community", "community code '1' must be 3 digits"),
    (("510104", "001", "001", 0), "serial", "grid serial 0 is out of range 001–999"),
    (("510104", "001", "001", 1000), "serial", "out of range 001–999"),
    (("510104", "001", "001", True), "serial", "must be text, got bool"),
    (("510104", "001", "001", "000"), "serial", "is invalid; serials run 001–999"),
    (("510104", "001", "001", "1"), "serial", "grid serial '1' must be 3 digits"),
    (("510104", " 001", "001", 1), "street", "surrounding whitespace"),
    (("５10104", "001", "001", 1), "district", "full-width digits"),
    (("510000", "001", "001", 1), "district", "prefecture or province"),
    ((510104, "001", "001", 1), "district", "county code must be text, got int"),
])
def test_build_grid_code_rejects(args, part, phrase):
    with pytest.raises(CodeError) as info:
        build_grid_code(*args)
    assert [p.part for p in info.value.problems] == [part]
    assert phrase in str(info.value)


def test_build_grid_code_reports_every_part():
    with pytest.raises(CodeError) as info:
        build_grid_code("5101", "1A", "0001", 1000)
    assert [p.part for p in info.value.problems] == ["district", "street", "community", "serial"]


# --- parts -------------------------------------------------------------------------------------

@pytest.mark.parametrize("func, value, ok", [
    (validate_district_code, "510104", True),
    (validate_district_code, "110000", False),
    (validate_district_code, "51010", False),
    (validate_district_code, "710101", True),
    (validate_district_code, "720101", False),
    (validate_street_code, "001", True),
    (validate_street_code, "000", False),
    (validate_street_code, "01", False),
    (validate_street_code, "0001", False),
    (validate_community_code, "399", True),
    (validate_community_code, "000", False),
    (validate_community_code, "1٣1", False),  # Arabic-Indic digit: isdigit() but not ASCII
])
def test_part_validators(func, value, ok):
    assert (func(value) == []) is ok


# --- component codes -----------------------------------------------------------------------------

VALID_COMPONENTS = [
    # code, profile argument, classes argument, profile, class code
    ("3205080101000001", None, None, "2013", "0101"),
    ("3205080101000001", "2013", None, "2013", "0101"),
    ("3205080101000001", None, C2013, "2013", "0101"),
    ("1101010606999999", None, C2013, "2013", "0606"),
    ("3205082199000001", "2013", None, "2013", "2199"),  # unknown class is fine without a table
    ("32050801001000001", None, None, "2026", "01001"),
    ("32050801001000001", "2026", C2026, "2026", "01001"),
    ("11010105009000123", None, C2026, "2026", "05009"),
]


@pytest.mark.parametrize("code, profile, classes, want_profile, class_code", VALID_COMPONENTS)
def test_valid_component_codes(code, profile, classes, want_profile, class_code):
    assert validate_component_code(code, profile, classes) == []
    parsed = parse_component_code(code, profile, classes)
    assert parsed.code == code
    assert parsed.profile == want_profile
    assert parsed.class_code == class_code
    assert parsed.district == code[:6]
    assert parsed.serial == code[-6:]


INVALID_COMPONENTS = [
    # code, profile, classes, part, key phrase
    ("320508010100001", None, None, "code",
     "component code must be 16 digits (profile 2013) or 17 digits (profile 2026), got 15"),
    ("3205080101000001", "2026", None, "code", "16 digits is the 2013 profile; this store uses 2026"),
    ("32050801001000001", "2013", None, "code", "17 digits is the 2026 profile; this store uses 2013"),
    ("320508010100000", "2013", None, "code", "must be 16 digits for profile 2013, got 15"),
    ("3205080101000001", "2020", None, "profile", "unknown profile '2020'"),
    ("3205080199000001", None, C2013, "minor", "minor class 0199 is not in profile 2013"),
    ("3205080701000001", None, C2013, "major", "major class 07 is not in profile 2013"),
    ("32050801016000001", None, C2026, "minor", "minor class 01016 is not in profile 2026"),
    ("32050806001000001", "2026", C2026, "major", "major class 06 is not in profile 2026"),
    ("3205080101000000", None, None, "serial", "component serial '000000' is invalid; serials run 000001–999999"),
    ("3205080001000001", None, None, "major", "major class 00 is not a class"),
    ("3205080100000001", None, None, "minor", "minor class 00 is not a class"),
    ("32050801000000001", None, None, "minor", "minor class 000 is not a class"),
    ("3205000101000001", None, None, "district", "prefecture or province"),
    ("0005080101000001", None, None, "district", "00 is not a GB/T 2260 province code"),
    ("320508010A000001", None, None, "minor", "minor class '0A' must be 2 digits"),
    ("3205080101００0001", None, None, "code", "contains full-width digits"),
    ("3205080101000001 ", "2013", None, "code", "surrounding whitespace"),
    (3205080101000001, None, None, "code", "component code must be text, got int"),
]


@pytest.mark.parametrize("code, profile, classes, part, phrase", INVALID_COMPONENTS)
def test_invalid_component_codes(code, profile, classes, part, phrase):
    problems = validate_component_code(code, profile, classes)
    assert [p.part for p in problems] == [part], problems
    assert phrase in problems[0].message
    with pytest.raises(CodeError) as info:
        parse_component_code(code, profile, classes)
    assert phrase in str(info.value)


def test_component_validation_collects_every_problem():
    problems = validate_component_code("9901000000000000")
    assert [p.part for p in problems] == ["district", "district", "major", "minor", "serial"]


def test_class_table_must_be_components_of_the_same_profile():
    with pytest.raises(ValueError, match="event class table"):
        validate_component_code("3205080101000001", classes=ClassTable.load("event", "2013"))
    with pytest.raises(ValueError, match="does not match"):
        validate_component_code("3205080101000001", "2026", C2013)


def test_component_code_properties():
    parsed = parse_component_code("32050801001000042")
    assert (parsed.major, parsed.minor, parsed.serial_number) == ("01", "001", 42)
    assert parsed.class_code == "01001"
    assert str(parsed) == "32050801001000042"
    with pytest.raises(CodeError) as info:
        ComponentCode("320508", "01", "01", "000001", "2026")
    assert [p.part for p in info.value.problems] == ["minor"]


@pytest.mark.parametrize("profile, classes", [("2013", C2013), ("2026", C2026)])
def test_every_class_round_trips(profile, classes):
    for serial, entry in enumerate(classes, start=1):
        code = build_component_code("320508", entry.code, serial, profile, classes)
        assert len(code) == {"2013": 16, "2026": 17}[profile]
        parsed = parse_component_code(code, classes=classes)
        assert (parsed.class_code, parsed.serial_number, parsed.profile) == (entry.code, serial, profile)
        assert classes.get(parsed.class_code) is entry


def test_build_component_code_defaults():
    assert build_component_code("320508", "0101", 1) == "3205080101000001"
    assert build_component_code("320508", "0101", "000001") == "3205080101000001"
    assert build_component_code("320508", "01001", 999999, classes=C2026) == "32050801001999999"


@pytest.mark.parametrize("args, kwargs, parts, phrase", [
    (("320508", "0101", 1), {"profile": "2026"}, ["class"], "class code '0101' must be 5 digits"),
    (("320508", "0199", 1), {"classes": C2013}, ["minor"], "minor class 0199 is not in profile 2013"),
    (("320508", "0799", 1), {"classes": C2013}, ["major"], "major class 07 is not in profile 2013"),
    (("320508", "0101", 1_000_000), {}, ["serial"], "out of range 000001–999999"),
    (("320508", "0101", "1"), {}, ["serial"], "component serial '1' must be 6 digits"),
    (("320500", "0001", 0), {}, ["district", "major", "serial"], "prefecture"),
    (("320508", "0101", 1), {"profile": "2030"}, ["profile"], "unknown profile '2030'"),
])
def test_build_component_code_rejects(args, kwargs, parts, phrase):
    with pytest.raises(CodeError) as info:
        build_component_code(*args, **kwargs)
    assert [p.part for p in info.value.problems] == parts
    assert phrase in str(info.value)


# --- lists -----------------------------------------------------------------------------------

def test_grid_code_list_reads_what_people_type():
    assert grid_code_list("") == []
    assert grid_code_list(" 510104001001001，510104001001002; 510104001001001 ,") == [
        "510104001001001", "510104001001002"]  # full-width commas, semicolons; a code typed twice once


def test_grid_code_list_names_every_bad_code():
    with pytest.raises(CodeError) as info:
        grid_code_list("51010400100100, 510104001001002, 51010400100100X")
    assert len(info.value.problems) >= 2
    assert all(p.message for p in info.value.problems)


# --- translation -----------------------------------------------------------------------------

def test_templates_are_translated_before_formatting():
    catalogue = {"street code": "街道代码",
                 "{label} '{value}' must be {width} digits": "{label}“{value}”应为{width}位数字"}
    set_translator(lambda text: catalogue.get(text, text))
    try:
        problems = validate_street_code("1A")
    finally:
        set_translator(None)
    assert problems[0].message == "街道代码“1A”应为3位数字"
    assert validate_street_code("1A")[0].message == "street code '1A' must be 3 digits"


@pytest.mark.parametrize("module", ["codes.py", "classes.py"])
def test_tr_is_only_called_with_literals(module):
    path = Path(codes_module.__file__).with_name(module)
    calls = [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"]
    assert calls
    for call in calls:
        assert len(call.args) == 1 and isinstance(call.args[0], ast.Constant), ast.unparse(call)
        assert isinstance(call.args[0].value, str)
