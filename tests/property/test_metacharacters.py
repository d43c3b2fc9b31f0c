"""SQL metacharacters and hostile text in every field a user types, property-based, against a
real store: quotes, backslashes, semicolons, ``--``, ``$$``, ``%s`` and ``{0}``, injection
attempts, NUL bytes, very long strings, Chinese, emoji and invisible characters.

Component free text (through ``citygrid:importcomponents``), case description, address,
reporter and action notes (``report_case``/``act``), the case filters (``CaseFilter`` and the
case queue's ``queue_rows``) and grid codes typed into the census progress and the field package
export are each either stored verbatim (free text trimmed at its ends, as the import does) or
refused with a message — never an SQL error, never a change to anything else.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import processing
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer

from citygrid_plugin.core.casefilter import CST, KINDS, SOURCES, STATES, CaseFilter, FilterError
from citygrid_plugin.store.cases import CaseRefused, act, queue_rows, report_case
from tests.helpers.faults import fingerprint, tables
from tests.helpers.property import X0, Y0

DB = settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")   # the 100,000-character strings
FRAGMENTS = ["'", "''", '"', "\\", "\\'", ";", "--", "/*", "*/", "$$", "$cg$", "\\N", "\t", "\n", "\r\n", "　",
             "中文", "部件", "😀", "👩‍🚒", "\u200b", "\u202e", "%s", "%(x)s", "{0}", "{}", "NULL",
             "' OR '1'='1", "'); DROP TABLE citygrid.work_case; --", "$$; DELETE FROM citygrid.case_action; $$",
             "E'\\x27'", "<script>alert(1)</script>"]
WILDCARDS = ["%", "_", "\\"]      # LIKE metacharacters: taken literally (test at the end)
ANY_CHAR = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")


def hostile(fragments=FRAGMENTS + WILDCARDS):
    """Text built from metacharacters and arbitrary characters, or a very long string."""
    pieces = st.lists(st.one_of(st.sampled_from(fragments), st.text(ANY_CHAR, max_size=6)), min_size=1, max_size=8)
    return st.one_of(pieces.map("".join), st.integers(5_000, 120_000).map(lambda n: ("长'\\;" * n)[:n]))


def case_tables(fp):
    """The fingerprint without what a report and its actions legitimately change."""
    return {k: v for k, v in tables(fp).items() if k not in ("work_case", "case_action", "case_reporter")}


@DB
@given(hostile(), hostile(), hostile(), hostile())
def test_case_text_is_stored_verbatim_and_touches_nothing_else(prop_conn, description, address, reporter, note):
    """Description, address, reporter and note come back exactly as sent; a blank description
    (the store requires one) or a text over its limit (description and note 4,000 characters,
    address 500, reporter 200) is refused, named, and changes nothing."""
    before = fingerprint(prop_conn)
    too_long = next((name for name, text, limit in (("description", description, 4000), ("address", address, 500),
                                                     ("reporter", reporter, 200)) if len(text) > limit), None)
    if description.strip(" ") == "" or too_long:
        blank = description.strip(" ") == ""   # checked first
        with pytest.raises(CaseRefused, match="description" if blank else f"the {too_long} has"):
            report_case(prop_conn, "监督员上报", "event", "0102", description, X0 + 50, Y0 + 150, address=address,
                        reporter=reporter)
        assert tables(fingerprint(prop_conn)) == tables(before)   # (the refused insert drew a case number: a gap)
        return
    case = report_case(prop_conn, "监督员上报", "event", "0102", description, X0 + 50, Y0 + 150, address=address,
                       reporter=reporter)
    if len(note) > 4000:
        with pytest.raises(CaseRefused, match=f"the note has {len(note)} characters; at most 4000"):
            act(prop_conn, case.id, "accept", "operator", case.version, note=note)
        note = None
    case = act(prop_conn, case.id, "accept", "operator", case.version, note=note)
    with prop_conn.cursor() as cur:
        cur.execute("SELECT description, address, r.name, state FROM citygrid.work_case c "
                    "LEFT JOIN citygrid.case_reporter r ON r.case_id = c.id WHERE id = %s", (case.id,))
        assert cur.fetchone() == (description, address, reporter if reporter.strip(" ") else None, "accepted")
        cur.execute("SELECT note FROM citygrid.case_action WHERE case_id = %s ORDER BY id", (case.id,))
        assert [r[0] for r in cur.fetchall()] == [None, note]
    prop_conn.rollback()
    assert case_tables(fingerprint(prop_conn)) == case_tables(before)


TEXT_FIELDS = ("note", "spec", "material", "site_name", "stop_name", "sculpture_name", "photo")


@DB
@given(st.lists(st.tuples(*[hostile() for _ in TEXT_FIELDS]), min_size=1, max_size=3), st.booleans())
def test_component_text_is_stored_verbatim_or_the_row_refused(prop_qgis, prop_conn, rows, with_nul):
    """Every free-text column of the import; a NUL character (which PostgreSQL cannot store)
    rejects just its row, with the field named."""
    layer = QgsVectorLayer("Point?crs=EPSG:4544&field=class_code:string&field=dept1_code:string&field=uid:string&"
                           + "&".join(f"field={f}:string(0)" for f in TEXT_FIELDS),  # (0): no length limit
                           "hostile", "memory")
    uids, features = [], []
    for i, values in enumerate(rows):
        uid = str(uuid.uuid4())
        values = list(values)
        if with_nul and i == 0:
            values[0] = values[0] + "\x00" + "尾"
        feature = QgsFeature(layer.fields())
        feature.setAttributes(["0101", "SZ", uid, *values])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + 1 + (hash(uid) % 29_000) / 100, Y0 + 150)))
        features.append(feature)
        uids.append((uid, values))
    assert layer.dataProvider().addFeatures(features)[0] and layer.featureCount() == len(rows)
    res = processing.run("citygrid:importcomponents", {"CONNECTION": prop_qgis, "INPUT": layer, "REJECTED": "memory:",
                                                       "IMPORT_DUPLICATES": True})
    reasons = [f["reason"] for f in res["REJECTED"].getFeatures()]
    assert res["IMPORTED"] + res["REJECTED_COUNT"] == len(rows)
    assert reasons == (["note contains a NUL character (\\0), which the store cannot hold; remove it"]
                       if with_nul else [])
    with prop_conn.cursor() as cur:
        for i, (uid, values) in enumerate(uids):
            cur.execute(f"SELECT {', '.join(TEXT_FIELDS)} FROM citygrid.component WHERE uid = %s", (uid,))
            stored = cur.fetchone()
            if with_nul and i == 0:
                assert stored is None
            else:
                assert stored == tuple(v.strip() or None for v in values)
    prop_conn.rollback()


VALID = {"kinds": list(KINDS), "classes": ["01", "0102", "0505", "01001"], "sources": list(SOURCES),
         "states": list(STATES)}
AREAS = ["", "001", "510104001", "510104001001", "510104001001002"]


@DB
@given(st.fixed_dictionaries({key: st.lists(st.sampled_from(values), max_size=3) for key, values in VALID.items()}),
       st.sampled_from(AREAS), st.one_of(st.none(), st.tuples(st.sampled_from([*VALID, "area"]), hostile())))
def test_case_filters_refuse_what_is_not_a_value_and_run_what_is(prop_conn, values, area, spoil):
    """Any value outside the vocabularies is refused by name before any SQL exists; a filter that
    validates runs as bound SQL and as a QGIS subset string (literals) with the same count."""
    now = datetime.now(CST)
    if spoil is not None:
        key, text = spoil
        if key == "area":
            area = text
        else:
            values = dict(values, **{key: [*values[key], text]})
        bad = text.strip() and text.strip() not in (AREAS if key == "area" else VALID[key])
    else:
        bad = False
    try:
        flt = CaseFilter(now - timedelta(days=30), now + timedelta(days=1), area=area,
                         **{k: tuple(v) for k, v in values.items()})
    except FilterError as exc:
        assert bad, exc
        assert spoil[1].strip()[:50] in str(exc)
        return
    assert not bad
    where, args = flt.where("c")
    with prop_conn.cursor() as cur:
        cur.execute(f"SELECT count(*) FROM citygrid.work_case c WHERE {where}", args)
        bound = cur.fetchone()[0]
        cur.execute(f"SELECT count(*) FROM citygrid.work_case WHERE {flt.subset()}")
        assert cur.fetchone()[0] == bound
    prop_conn.rollback()


@pytest.fixture(scope="module")
def queued(prop_conn):
    """Open cases of two classes, sources and states, one dispatched to HW."""
    a = report_case(prop_conn, "监督员上报", "event", "0102", "暴露垃圾", X0 + 20, Y0 + 120)
    for action, role in (("accept", "operator"), ("register", "shift_leader"), ("dispatch", "dispatcher")):
        a = act(prop_conn, a.id, action, role, a.version)
    report_case(prop_conn, "领导批办", "event", "0505", "机动车乱停放", X0 + 250, Y0 + 50)
    assert {r["department_code"] for r in queue_rows(prop_conn)} >= {"HW", None}


def queue_all(conn) -> list[dict]:
    return queue_rows(conn)


@DB
@given(st.sampled_from(["class_text", "source", "area", "department"]), hostile(FRAGMENTS))
@example("source", "12319热线'; --")
@example("area", "510104001001' OR '1'='1")
@example("class_text", "01")
@example("class_text", "\t")           # only spaces in a typed box: filters nothing (found by CI, stop 25)
@example("class_text", "乱停")
@example("source", "12319热线")
@example("area", "510104001001")
@example("area", "001")
@example("department", "HW")
def test_queue_filters_match_literally_and_never_fail(prop_conn, queued, field, text):
    """The case queue's filter boxes: any text (LIKE wildcards aside, see below) selects only the
    cases that match it literally — an injection attempt matches nothing — and never errors."""
    everything = queue_all(prop_conn)
    got = queue_rows(prop_conn, **{field: text})
    ids = {r["id"] for r in got}
    if field in ("class_text", "area"):
        text = text.strip()  # typed boxes: spaces around the text are not part of it (store.cases.filter_terms)
    if text == "":
        expected = {r["id"] for r in everything}    # an empty box (or only spaces in a typed box) filters nothing
    elif field == "class_text":
        expected = {r["id"] for r in everything
                    if r["class_code"].startswith(text) or text in (r["class_name"] or "")}
    elif field == "source":
        expected = {r["id"] for r in everything if r["source"] == text}
    elif field == "area":
        expected = {r["id"] for r in everything if r["grid_code"].startswith(text) or r["street_code"] == text}
    else:
        expected = {r["id"] for r in everything if r["department_code"] == text}
    assert ids == expected


@settings(DB, max_examples=25)
@given(st.lists(st.one_of(st.sampled_from(["510104001001001", "510104001001006", "510104001001999"]),
                          hostile(FRAGMENTS + ["\x00", "５１０１０４００１００１００１"])), min_size=1, max_size=4,
                unique_by=lambda t: t.strip()),   # the same code twice: tested below
       st.sampled_from([",", "，", ";"]))
def test_grid_codes_typed_into_census_progress_and_exports_are_checked_first(prop_qgis, prop_conn, tmp_path_factory,
                                                                            tokens, separator):
    """Marking grids surveyed: the codes are validated before any SQL, an unknown grid refuses
    the whole mark, and a refusal changes nothing; the same text as a field package's grids is
    refused without writing a file."""
    text = separator.join(tokens)
    marked = [t.strip() for t in text.replace("，", ",").replace(";", ",").split(",") if t.strip()]
    valid = all(t in ("510104001001001", "510104001001006") for t in marked)   # nothing to mark is fine too
    before = fingerprint(prop_conn)
    try:
        res = processing.run("citygrid:censusprogress", {"CONNECTION": prop_qgis, "MARK_SURVEYED": text})
    except QgsProcessingException as exc:
        assert not valid, str(exc)
        message = str(exc)
        assert "Traceback" not in message and "\x00" not in message, message   # whole, NULs shown as \x00
        assert any(label in message for label in ("grid code", "county code", "street code", "community code",
                                                  "grid serial", "not active unit grids: 510104001001999")), message
        assert fingerprint(prop_conn) == before
    else:
        assert valid and res["SURVEYED"] >= len(set(marked))
    folder = tmp_path_factory.mktemp("pkg")
    try:
        processing.run("citygrid:exportpackage", {"CONNECTION": prop_qgis, "GRIDS": text, "OUTPUT_DIR": str(folder),
                                                  "NAME": "p"})
    except QgsProcessingException as exc:
        assert "Traceback" not in str(exc)
        assert list(folder.iterdir()) == []
    else:
        assert all(t.isdigit() and len(t) in (6, 9, 12, 15) for t in marked)


@pytest.mark.parametrize("field, text", [("class_text", "%"), ("class_text", "0_0"), ("area", "5101%"),
                                         ("class_text", "0\\1")])
def test_queue_filters_treat_like_wildcards_literally(prop_conn, field, text):
    report_case(prop_conn, "监督员上报", "event", "0102", "暴露垃圾", X0 + 50, Y0 + 50)
    assert queue_rows(prop_conn, **{field: text}) == []


@pytest.mark.parametrize("call", ["report", "act", "queue"])
def test_a_nul_character_in_case_text_is_refused_clearly(prop_conn, call):
    from citygrid_plugin.store.db import StoreError

    case = report_case(prop_conn, "监督员上报", "event", "0102", "暴露垃圾", X0 + 150, Y0 + 50)
    with pytest.raises(StoreError, match="NUL"):
        if call == "report":
            report_case(prop_conn, "监督员上报", "event", "0102", "暴露\x00垃圾", X0 + 150, Y0 + 50)
        elif call == "act":
            act(prop_conn, case.id, "accept", "operator", case.version, note="受\x00理")
        else:
            queue_rows(prop_conn, class_text="01\x00")


def test_a_grid_code_typed_twice_is_marked_once(prop_qgis, prop_conn):
    res = processing.run("citygrid:censusprogress", {"CONNECTION": prop_qgis,
                                                     "MARK_SURVEYED": "510104001001002, 510104001001002"})
    assert res["SURVEYED"] >= 1


def test_a_blank_case_description_is_refused_in_words(prop_conn):
    with pytest.raises(CaseRefused, match="^a case needs a description"):
        report_case(prop_conn, "监督员上报", "event", "0102", "   ", X0 + 50, Y0 + 150)
