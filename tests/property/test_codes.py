"""Grid and component codes (core/codes.py) under arbitrary input, property-based.

Validation never crashes, whatever it is given (any text, any object); it accepts exactly the
codes that parse; every valid code round-trips build → parse → build; and a code with one part
broken is rejected with a problem that names that part (its ``part`` and its label in the
message), in both component profiles (2013: 16 digits, 2026: 17)."""
from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citygrid_plugin.core.classes import CLASS_DIGITS, PROFILES, ClassTable
from citygrid_plugin.core.codes import (
    PROVINCE_CODES,
    CodeError,
    CodeProblem,
    build_component_code,
    build_grid_code,
    parse_component_code,
    parse_grid_code,
    validate_component_code,
    validate_grid_code,
)

FAST = settings(max_examples=300, deadline=None, database=None)
CLASSES = {p: ClassTable.load("component", p) for p in PROFILES}
LABELS = {"district": "county code", "street": "street code", "community": "community code",
          "serial": "serial", "major": "major class", "minor": "minor class", "code": "code"}

# what a census sheet actually contains: digits, look-alikes, separators, Chinese, emoji
NOISE = st.text(alphabet=st.sampled_from(list(string.digits * 4 + string.ascii_letters + " -_/.,;'\"\\\t\n")
                                         + list("０１２３４５６７８９〇一二三号区－") + ["😀", "\x00", "\u200b"]),
                max_size=24)
ANY_TEXT = st.one_of(st.text(max_size=40), NOISE)
ANY_OBJECT = st.one_of(ANY_TEXT, st.none(), st.integers(), st.floats(), st.binary(max_size=20),
                       st.lists(st.integers(), max_size=3), st.booleans())


def digits(n: int, low: int = 1):
    return st.integers(low, 10 ** n - 1).map(lambda v: f"{v:0{n}d}")


districts = st.tuples(st.sampled_from(sorted(PROVINCE_CODES)), digits(2, 0), digits(2, 1)).map("".join)
grid_parts = st.tuples(districts, digits(3), digits(3), st.integers(1, 999))


def component_parts(profile: str):
    return st.tuples(districts, st.sampled_from([e.code for e in CLASSES[profile]]), st.integers(1, 999_999))


@FAST
@given(ANY_OBJECT)
def test_grid_validation_never_crashes_and_accepts_exactly_what_parses(value):
    problems = validate_grid_code(value)
    assert isinstance(problems, list) and all(isinstance(p, CodeProblem) and p.message for p in problems)
    if problems:
        with pytest.raises(CodeError) as err:
            parse_grid_code(value)
        assert err.value.problems == problems
    else:
        assert parse_grid_code(value).code == value


@FAST
@given(ANY_OBJECT, st.sampled_from((None, *PROFILES)), st.booleans())
def test_component_validation_never_crashes_and_accepts_exactly_what_parses(value, profile, with_table):
    classes = CLASSES[profile] if with_table and profile else None
    problems = validate_component_code(value, profile=profile, classes=classes)
    assert isinstance(problems, list) and all(isinstance(p, CodeProblem) and p.message for p in problems)
    if problems:
        with pytest.raises(CodeError):
            parse_component_code(value, profile=profile, classes=classes)
    else:
        assert parse_component_code(value, profile=profile, classes=classes).code == value


@FAST
@given(grid_parts)
def test_grid_codes_round_trip(parts):
    district, street, community, serial = parts
    code = build_grid_code(district, street, community, serial)
    parsed = parse_grid_code(code)
    assert (parsed.district, parsed.street, parsed.community, parsed.serial_number) == parts
    assert build_grid_code(parsed.district, parsed.street, parsed.community, parsed.serial) == code
    assert validate_grid_code(code) == [] and len(code) == 15


@FAST
@given(st.sampled_from(PROFILES).flatmap(lambda p: st.tuples(st.just(p), component_parts(p))))
def test_component_codes_round_trip_in_both_profiles(case):
    profile, (district, class_code, serial) = case
    code = build_component_code(district, class_code, serial, profile=profile, classes=CLASSES[profile])
    assert len(code) == 6 + sum(CLASS_DIGITS[profile]) + 6
    for kwargs in ({}, {"profile": profile}, {"classes": CLASSES[profile]}):
        parsed = parse_component_code(code, **kwargs)
        assert (parsed.district, parsed.class_code, parsed.serial_number, parsed.profile) == \
            (district, class_code, serial, profile)
    assert build_component_code(parsed.district, parsed.class_code, parsed.serial, profile=profile) == code


BAD_CHARS = st.sampled_from(list(string.ascii_letters + "-_/.,;'\"\\#*") + ["号", "〇", "😀", "\x00"])
GRID_SPANS = {"district": (0, 6), "street": (6, 9), "community": (9, 12), "serial": (12, 15)}


@FAST
@given(grid_parts, st.sampled_from(sorted(GRID_SPANS)), st.data())
def test_a_grid_code_with_one_broken_part_names_that_part(parts, part, data):
    """One character of one part replaced by a non-digit (the length stays 15): a problem with that
    part and its label; the other parts are not blamed."""
    code = build_grid_code(*parts)
    start, end = GRID_SPANS[part]
    i = data.draw(st.integers(start, end - 1))
    broken = code[:i] + data.draw(BAD_CHARS) + code[i + 1:]
    problems = validate_grid_code(broken)
    named = [p for p in problems if p.part == part]
    assert named and all(LABELS[part] in p.message for p in named), problems
    assert {p.part for p in problems} <= {part, "code"}


@FAST
@given(grid_parts, st.sampled_from(["street", "community", "serial", "district-00", "province"]))
def test_a_grid_code_with_an_impossible_part_names_that_part(parts, flaw):
    district, street, community, serial = parts
    if flaw == "street":
        street = "000"
    elif flaw == "community":
        community = "000"
    elif flaw == "serial":
        serial = 0
    elif flaw == "district-00":
        district = district[:4] + "00"
    else:
        district = "99" + district[2:]
    code = f"{district}{street}{community}{serial:03d}"
    part = flaw.split("-")[0] if flaw != "province" else "district"
    problems = validate_grid_code(code)
    assert [p.part for p in problems] == [part], problems
    assert LABELS[part] in problems[0].message and code[GRID_SPANS[part][0]:GRID_SPANS[part][1]] in problems[0].message
    with pytest.raises(CodeError):
        build_grid_code(district, street, community, serial)


@FAST
@given(st.sampled_from(PROFILES).flatmap(lambda p: st.tuples(st.just(p), component_parts(p))),
       st.sampled_from(["district", "major", "minor", "serial"]), st.data())
def test_a_component_code_with_one_broken_part_names_that_part(case, part, data):
    profile, (district, class_code, serial) = case
    major_digits, minor_digits = CLASS_DIGITS[profile]
    code = build_component_code(district, class_code, serial, profile=profile)
    spans = {"district": (0, 6), "major": (6, 6 + major_digits),
             "minor": (6 + major_digits, 6 + major_digits + minor_digits), "serial": (6 + major_digits + minor_digits,
                                                                                     len(code))}
    start, end = spans[part]
    i = data.draw(st.integers(start, end - 1))
    broken = code[:i] + data.draw(BAD_CHARS) + code[i + 1:]
    for kwargs in ({"profile": profile}, {"classes": CLASSES[profile]}):
        problems = validate_component_code(broken, **kwargs)
        named = [p for p in problems if p.part == part]
        assert named and all(LABELS[part] in p.message for p in named), (kwargs, problems)
        assert {p.part for p in problems} <= {part, "code"}


@FAST
@given(st.sampled_from(PROFILES).flatmap(lambda p: st.tuples(st.just(p), component_parts(p))),
       st.sampled_from(["unknown class", "other profile", "whitespace", "full-width"]))
def test_component_codes_that_are_almost_right_are_refused_with_the_reason(case, flaw):
    """A class the profile lacks, a code of the other profile's length, surrounding whitespace,
    full-width digits: refused (never trimmed or converted silently), the reason says which."""
    profile, (district, class_code, serial) = case
    code = build_component_code(district, class_code, serial, profile=profile)
    other = next(p for p in PROFILES if p != profile)
    if flaw == "unknown class":
        minor_digits = CLASS_DIGITS[profile][1]
        code = code[:6] + code[6:8] + "9" * minor_digits + code[6 + 2 + minor_digits:]
        expected = ("major", "minor")
        problems = validate_component_code(code, classes=CLASSES[profile])
        assert problems and problems[0].part in expected and f"not in profile {profile}" in problems[0].message
        return
    if flaw == "other profile":
        code = code + "1" if profile == "2013" else code[:-1]
        problems = validate_component_code(code, profile=profile)
        assert problems[0].part == "code" and f"the {other} profile" in problems[0].message
        return
    if flaw == "whitespace":
        code = f" {code}\t"
        message = "surrounding whitespace"
    else:
        code = code.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        message = "full-width digits"
    problems = validate_component_code(code, profile=profile)
    assert [p.part for p in problems] == ["code"] and message in problems[0].message
