"""Unit-grid validation (gridcheck): each check fires on a crafted defect and stays silent on a
clean tiling; the report gates publishing on errors only; 10,000 grids validate."""
from __future__ import annotations

import re

import pytest
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from citygrid_plugin.core import gridcheck
from citygrid_plugin.core.codes import validate_grid_code
from citygrid_plugin.core.gridcheck import (
    CHECKS,
    CommunityRecord,
    GridCheckParams,
    GridRecord,
    validate,
)
from citygrid_plugin.core.i18n import set_translator

A = "510104001001"
B = "510104001002"
SIDE = 100.0


def tiling(keys: dict[str, tuple[float, float]], n: int = 3) -> tuple[list[GridRecord], list[CommunityRecord]]:
    """n×n grids of 100 m in each community (key → south-west corner), serials west→east, north→south."""
    grids, communities = [], []
    for key, (x0, y0) in keys.items():
        communities.append(CommunityRecord(key, box(x0, y0, x0 + n * SIDE, y0 + n * SIDE)))
        serial = 0
        for row in range(n - 1, -1, -1):
            for col in range(n):
                serial += 1
                code = f"{key}{serial:03d}"
                x, y = x0 + col * SIDE, y0 + row * SIDE
                grids.append(GridRecord(code, code, key, box(x, y, x + SIDE, y + SIDE)))
    return grids, communities


def two_communities() -> tuple[list[GridRecord], list[CommunityRecord]]:
    """Community A = [0,300]², B = [300,600]×[0,300], 9 grids each."""
    return tiling({A: (0.0, 0.0), B: (300.0, 0.0)})


def index_at(grids: list[GridRecord], x: float, y: float) -> int:
    """Position of the grid whose south-west corner is (x, y)."""
    return next(i for i, g in enumerate(grids) if g.geometry is not None and g.geometry.bounds[:2] == (x, y))


def replace(grids: list[GridRecord], i: int, **changes: object) -> None:
    fields = {"ref": grids[i].ref, "code": grids[i].code, "community_key": grids[i].community_key,
              "geometry": grids[i].geometry}
    fields.update(changes)
    grids[i] = GridRecord(**fields)  # type: ignore[arg-type]


def only(report: gridcheck.ValidationReport, check: str) -> list[gridcheck.Problem]:
    """The problems of *check*, asserting no other check fired."""
    assert {p.check for p in report.problems} == {check}, [p.message for p in report.problems]
    return [p for p in report.problems if p.check == check]


# --- clean -------------------------------------------------------------------------------------

def test_clean_tiling_of_two_communities_passes():
    grids, communities = two_communities()
    report = validate(grids, communities)
    assert report.problems == []
    assert report.passed is True
    assert report.grids_checked == 18
    assert report.checks_run == [c.id for c in CHECKS]
    assert set(report.counts().values()) == {0}
    assert report.summary_lines()[-1] == "PASSED"


def test_clean_tiling_with_unknown_community_keys_passes():
    grids, communities = two_communities()
    grids = [GridRecord(g.ref, g.code, None, g.geometry) for g in grids]
    assert validate(grids, communities).problems == []


def test_boundaries_within_tolerance_are_not_problems():
    """A grid shifted by 1 cm leaves a sliver gap and a sliver overlap: digitising noise, not defects."""
    grids, communities = two_communities()
    i = index_at(grids, 100.0, 100.0)
    replace(grids, i, geometry=box(100.01, 100.0, 200.01, 200.0))
    assert validate(grids, communities).problems == []


def test_registry_ids_are_unique_and_severities_known():
    ids = [c.id for c in CHECKS]
    assert len(ids) == len(set(ids))
    assert {c.severity for c in CHECKS} <= {"error", "warning"}
    assert {"overlap", "gap", "invalid", "multipart", "empty", "crosses_community", "outside_communities",
            "code_malformed", "code_duplicate", "code_community_mismatch", "code_missing", "area_small",
            "area_large", "isolated", "capacity"} == set(ids)
    assert all(c.title for c in CHECKS)


# --- geometry ----------------------------------------------------------------------------------

def test_overlap_reports_both_grids_and_the_overlap_piece():
    grids, communities = two_communities()
    i = index_at(grids, 0.0, 0.0)
    j = index_at(grids, 100.0, 0.0)
    replace(grids, i, geometry=box(0.0, 0.0, 110.0, 100.0))  # 10 m into its east neighbour
    report = validate(grids, communities)
    [problem] = only(report, "overlap")
    assert problem.severity == "error"
    assert problem.refs == (grids[i].ref, grids[j].ref)
    assert problem.items == (i, j)
    assert problem.geometry.area == pytest.approx(1000.0)
    assert problem.geometry.equals(box(100.0, 0.0, 110.0, 100.0))
    assert "1000.0 m²" in problem.message and grids[i].ref in problem.message and grids[j].ref in problem.message
    assert report.passed is False


def test_removed_grid_leaves_a_gap_of_its_area_at_its_place():
    grids, communities = two_communities()
    i = index_at(grids, 100.0, 100.0)
    removed = grids.pop(i)
    report = validate(grids, communities)
    [problem] = only(report, "gap")
    assert problem.geometry.area == pytest.approx(10_000.0)
    assert problem.geometry.equals(removed.geometry)
    assert A in problem.message and "10000.0 m²" in problem.message
    x, y = (float(v) for v in re.search(r"at \((-?[\d.]+), (-?[\d.]+)\)", problem.message).groups())
    assert removed.geometry.contains(Point(x, y))
    assert len(problem.refs) == 8  # the ring of neighbours around the hole
    assert removed.ref not in problem.refs


def test_gap_at_a_community_edge_is_found_and_keyed_to_that_community():
    grids, communities = two_communities()
    grids.pop(index_at(grids, 500.0, 0.0))  # south-east corner of B
    [problem] = only(validate(grids, communities), "gap")
    assert B in problem.message and A not in problem.message
    assert problem.geometry.equals(box(500.0, 0.0, 600.0, 100.0))


def test_grid_claiming_another_community_leaves_a_gap_in_its_own_place():
    """A grid inside A that says it belongs to B does not cover A: A has a gap, the grid crosses B's edge."""
    grids, communities = two_communities()
    i = index_at(grids, 100.0, 100.0)
    replace(grids, i, ref=f"{B}010", code=f"{B}010", community_key=B)
    report = validate(grids, communities)
    assert sorted(p.check for p in report.problems) == ["crosses_community", "gap"]
    [gap] = [p for p in report.problems if p.check == "gap"]
    assert A in gap.message and gap.geometry.equals(grids[i].geometry)
    [crosses] = [p for p in report.problems if p.check == "crosses_community"]
    assert crosses.refs == (f"{B}010",) and f"{B} into {A}" in crosses.message
    assert crosses.geometry.area == pytest.approx(10_000.0)


def test_gap_with_unknown_keys_uses_the_grids_lying_in_the_community():
    grids, communities = two_communities()
    grids = [GridRecord(g.ref, g.code, None, g.geometry) for g in grids]
    grids.pop(index_at(grids, 400.0, 200.0))
    [problem] = only(validate(grids, communities), "gap")
    assert problem.geometry.area == pytest.approx(10_000.0) and B in problem.message


def test_without_communities_gaps_are_holes_enclosed_by_grids():
    grids, _ = two_communities()
    edge = list(grids)
    edge.pop(index_at(edge, 0.0, 0.0))  # an edge notch is not enclosed: not a gap
    assert validate(edge).problems == []
    grids.pop(index_at(grids, 100.0, 100.0))
    [problem] = only(validate(grids), "gap")
    assert problem.geometry.area == pytest.approx(10_000.0)


def test_grid_sticking_out_of_its_community_crosses_it():
    grids, communities = two_communities()
    i = index_at(grids, 0.0, 200.0)  # north-west grid of A, pushed 5 m north out of every community
    replace(grids, i, geometry=box(0.0, 200.0, 100.0, 305.0))
    report = validate(grids, communities)
    [problem] = only(report, "crosses_community")
    assert problem.refs == (grids[i].ref,)
    assert problem.geometry.area == pytest.approx(5.0 * 100.0)
    assert problem.geometry.equals(box(0.0, 300.0, 100.0, 305.0))
    assert A in problem.message and "500.0 m²" in problem.message


def test_grid_reaching_into_the_next_community_names_it():
    grids, communities = two_communities()
    i = index_at(grids, 200.0, 0.0)  # south-east grid of A, 5 m into B
    replace(grids, i, geometry=box(200.0, 0.0, 305.0, 100.0))
    report = validate(grids, communities)
    crosses = [p for p in report.problems if p.check == "crosses_community"]
    assert len(crosses) == 1 and crosses[0].geometry.area == pytest.approx(500.0)
    assert f"{A} into {B}" in crosses[0].message
    assert report.counts()["overlap"] == 1  # and it overlaps B's grid there


def test_grid_in_no_community_is_outside_communities():
    grids, communities = two_communities()
    grids.append(GridRecord(f"{A}010", f"{A}010", A, box(1000.0, 1000.0, 1100.0, 1100.0)))
    grids.append(GridRecord("feature 20", None, None, box(2000.0, 0.0, 2100.0, 100.0)))
    report = validate(grids, communities, checks=["crosses_community", "outside_communities"])
    problems = only(report, "outside_communities")
    assert [p.refs for p in problems] == [(f"{A}010",), ("feature 20",)]
    assert problems[0].geometry.area == pytest.approx(10_000.0)


def test_grid_with_unknown_key_straddling_two_communities_belongs_to_the_larger_share():
    grids, communities = two_communities()
    grids.append(GridRecord("feature 19", None, None, box(250.0, 0.0, 310.0, 50.0)))
    report = validate(grids, communities, checks=["crosses_community"])
    [problem] = only(report, "crosses_community")
    assert problem.refs == ("feature 19",) and f"{A} into {B}" in problem.message
    assert problem.geometry.area == pytest.approx(10.0 * 50.0)


def test_empty_geometries():
    grids, communities = two_communities()
    replace(grids, 0, geometry=None)
    replace(grids, 1, geometry=Polygon())
    report = validate(grids, communities, checks=["empty"])
    problems = only(report, "empty")
    assert [p.refs for p in problems] == [(grids[0].ref,), (grids[1].ref,)]
    assert all(p.severity == "error" for p in problems)
    # the rest of the run copes with them: their places are gaps, nothing crashes
    full = validate(grids, communities)
    assert full.counts()["empty"] == 2 and full.counts()["gap"] == 1


def test_invalid_geometry_is_explained():
    grids, communities = two_communities()
    i = index_at(grids, 100.0, 100.0)
    replace(grids, i, geometry=Polygon([(100, 100), (200, 200), (200, 100), (100, 200)]))  # bow-tie
    report = validate(grids, communities)
    [problem] = [p for p in report.problems if p.check == "invalid"]
    assert problem.refs == (grids[i].ref,)
    assert "Self-intersection" in problem.message and grids[i].ref in problem.message
    assert report.counts()["gap"] >= 1  # the repaired bow-tie leaves two triangles uncovered


def test_multipart_and_non_polygon_geometries():
    grids, communities = two_communities()
    replace(grids, 0, geometry=MultiPolygon([box(0, 200, 40, 300), box(60, 200, 100, 300)]))
    replace(grids, 1, geometry=LineString([(100, 200), (200, 300)]))
    replace(grids, 2, geometry=MultiPolygon([grids[2].geometry]))  # one part: fine
    problems = only(validate(grids, communities, checks=["multipart"]), "multipart")
    assert [p.refs for p in problems] == [(grids[0].ref,), (grids[1].ref,)]
    assert "2 separate parts" in problems[0].message and "LineString" in problems[1].message


# --- codes -------------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["51010400100101", "5101040010010AB"])
def test_malformed_codes_carry_the_code_librarys_messages(bad):
    grids, communities = two_communities()
    replace(grids, 4, ref=bad, code=bad)
    [problem] = only(validate(grids, communities), "code_malformed")
    assert problem.refs == (bad,) and problem.severity == "error"
    expected = validate_grid_code(bad)
    assert expected
    for code_problem in expected:
        assert code_problem.message in problem.message


def test_duplicate_codes_list_every_grid():
    grids, communities = two_communities()
    code = grids[0].code
    replace(grids, 5, ref=f"{code} (feature 6)", code=code)
    replace(grids, 7, ref=f"{code} (feature 8)", code=code)
    [problem] = only(validate(grids, communities), "code_duplicate")
    assert problem.items == (0, 5, 7)
    assert problem.refs == (code, f"{code} (feature 6)", f"{code} (feature 8)")
    assert problem.geometry.area == pytest.approx(30_000.0)
    assert code in problem.message and "3 grids" in problem.message


def test_code_of_another_community_is_a_mismatch():
    grids, communities = two_communities()
    wrong = f"{B}010"
    replace(grids, 3, ref=wrong, code=wrong)  # a grid of A coded as B's
    [problem] = only(validate(grids, communities), "code_community_mismatch")
    assert problem.refs == (wrong,) and B in problem.message and A in problem.message


def test_missing_code_is_a_warning_only():
    grids, communities = two_communities()
    replace(grids, 3, ref="feature 4", code=None)
    replace(grids, 4, ref="feature 5", code="")
    report = validate(grids, communities)
    problems = only(report, "code_missing")
    assert [p.refs for p in problems] == [("feature 4",), ("feature 5",)]
    assert all(p.severity == "warning" for p in problems)
    assert report.passed is True and report.warnings() == 2 and report.errors() == 0


# --- areas -------------------------------------------------------------------------------------

def test_area_outliers_are_warnings_and_do_not_fail_the_gate():
    grids, communities = two_communities()
    # A's south row: a 30 m sliver grid and a 170 m one; A's north row merged into one 30,000 m² grid
    replace(grids, index_at(grids, 0.0, 0.0), geometry=box(0, 0, 30, 100))
    replace(grids, index_at(grids, 100.0, 0.0), geometry=box(30, 0, 200, 100))
    north = [index_at(grids, x, 200.0) for x in (0.0, 100.0, 200.0)]
    replace(grids, north[0], geometry=box(0, 200, 300, 300))
    for i in sorted(north[1:], reverse=True):
        grids.pop(i)
    report = validate(grids, communities)
    assert {p.check for p in report.problems} == {"area_small", "area_large"}
    small = [p for p in report.problems if p.check == "area_small"]
    large = [p for p in report.problems if p.check == "area_large"]
    assert len(small) == 1 and "3000.0 m²" in small[0].message and "4000.0" in small[0].message
    assert len(large) == 1 and "30000.0 m²" in large[0].message and "20000.0" in large[0].message
    assert all(p.severity == "warning" for p in report.problems)
    assert report.passed is True
    assert report.summary_lines()[-1] == "PASSED with 2 warnings"
    # explicit bounds override the defaults
    strict = validate(grids, communities, GridCheckParams(min_area=1000.0, max_area=40_000.0))
    assert strict.problems == []


# --- report, selection, progress, translation --------------------------------------------------

def test_summary_lines_per_check_and_final_verdict():
    grids, communities = two_communities()
    replace(grids, 0, geometry=box(0, 200, 110, 300))
    replace(grids, 3, ref="feature 4", code=None)
    report = validate(grids, communities)
    lines = report.summary_lines()
    assert "overlaps: 1 (error)" in lines
    assert "grids without a code: 1 (warning)" in lines
    assert "gaps: 0 (error)" in lines
    assert lines[-1] == "FAILED: 1 error, 1 warning"
    assert report.errors() == 1 and report.warnings() == 1 and report.passed is False
    assert report.counts()["overlap"] == 1 and report.counts()["code_missing"] == 1


def test_checks_subset_runs_only_those_in_registry_order():
    grids, communities = two_communities()
    replace(grids, 0, geometry=box(0, 200, 110, 300))  # an overlap
    replace(grids, 3, ref="feature 4", code=None)
    report = validate(grids, communities, checks=["code_missing", "gap"])
    assert report.checks_run == ["gap", "code_missing"]
    assert [p.check for p in report.problems] == ["code_missing"]
    assert set(report.counts()) == {"gap", "code_missing"}
    assert report.passed is True  # the overlap was not looked for
    with pytest.raises(ValueError, match="no_such_check"):
        validate(grids, communities, checks=["overlap", "no_such_check"])


def test_progress_reports_each_check_and_can_cancel():
    grids, communities = two_communities()
    seen: list[float] = []
    report = validate(grids, communities, progress=seen.append)  # None: carry on
    assert report.cancelled is False and report.passed is True
    assert len(seen) == len(CHECKS) + 1
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)

    calls = []

    def stop_at_third(fraction: float) -> bool:
        calls.append(fraction)
        return len(calls) < 3

    report = validate(grids, communities, progress=stop_at_third)
    assert report.cancelled is True and report.passed is False
    assert len(report.checks_run) == 2
    assert report.summary_lines()[-1].startswith("CANCELLED")


def test_messages_and_summaries_go_through_the_translator():
    grids, communities = two_communities()
    replace(grids, 0, geometry=box(0, 200, 110, 300))
    set_translator(lambda text: "«" + text + "»")
    try:
        report = validate(grids, communities, checks=["overlap"])
        lines = report.summary_lines()
        titles = [c.title for c in CHECKS]
    finally:
        set_translator(None)
    assert report.problems[0].message.startswith("«grid ")
    assert lines[-1].startswith("«FAILED")
    assert all(t.startswith("«") for t in titles)
    assert CHECKS[0].title == "empty geometries"  # titles are translated when read, not at import


# --- scale -------------------------------------------------------------------------------------

def test_ten_thousand_grids():
    """100×100 grids in 100 communities of 10×10; one grid removed, one code duplicated."""
    keys = {f"510104{street:03d}{community:03d}": ((community - 1) * 1000.0, (street - 1) * 1000.0)
            for street in range(1, 11) for community in range(1, 11)}
    grids, communities = tiling(keys, n=10)
    assert len(grids) == 10_000 and len({g.code for g in grids}) == 10_000
    removed = grids.pop(index_at(grids, 5500.0, 7300.0))
    replace(grids, 0, code=grids[1].code)
    report = validate(grids, communities)
    assert report.grids_checked == 9_999
    assert sorted(p.check for p in report.problems) == ["code_duplicate", "gap"]
    [gap] = [p for p in report.problems if p.check == "gap"]
    assert gap.geometry.equals(removed.geometry) and removed.code[:12] in gap.message
    [duplicate] = [p for p in report.problems if p.check == "code_duplicate"]
    assert duplicate.items == (0, 1)


# --- issue 20: separate parts and capacity ---------------------------------------------------------

def test_small_grid_sharing_no_edge_is_reported_with_its_fix():
    grids, communities = tiling({A: (0.0, 0.0)})
    island = box(500, 0, 530, 40)  # 1,200 m², a separate part of community A
    communities = [CommunityRecord(A, MultiPolygon([communities[0].geometry, island]))]
    grids.append(GridRecord(f"{A}010", f"{A}010", A, island))
    report = validate(grids, communities, GridCheckParams(target_area=10_000))
    assert {p.check for p in report.problems} == {"isolated", "area_small"}  # small, and why it stays small
    [problem] = [p for p in report.problems if p.check == "isolated"]
    assert problem.severity == "warning" and problem.refs == (f"{A}010",)
    assert "1200 m²" in problem.message and "fix:" in problem.message and A in problem.message


def test_a_community_with_more_than_999_grids_is_an_error():
    n = 32  # 1,024 grids of 10 m
    community = CommunityRecord(A, box(0, 0, n * 10, n * 10))
    grids = [GridRecord(f"g{i}-{j}", None, A, box(i * 10, j * 10, i * 10 + 10, j * 10 + 10))
             for i in range(n) for j in range(n)]
    report = validate(grids, [community], GridCheckParams(target_area=100), checks=["capacity"])
    [problem] = report.problems
    assert problem.severity == "error" and not report.passed
    assert problem.message == f"community {A} has 1024 grids; at most 999 per community: split it"
    fewer = validate(grids[:999], [community], GridCheckParams(target_area=100), checks=["capacity"])
    assert fewer.problems == []
