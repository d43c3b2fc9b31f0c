"""core.open311: GeoReport v2 services, requests and errors written as JSON and XML in the spec's
shapes, read back the same, and every bad value of a file or a POST refused with a message naming it."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest

from citygrid_plugin.core import open311
from citygrid_plugin.core.open311 import CST, NewRequest, Service, ServiceRequest

T0 = datetime(2026, 5, 1, 8, 30, tzinfo=CST)


def request(**changes) -> ServiceRequest:
    values = dict(service_request_id="20260501000001", status="open", service_code="E0102", service_name="暴露垃圾",
                  description="小区门口垃圾 <三天> & \"无人\" 清理", lat=30.6512345678, long=104.0812345678,
                  requested_datetime=T0, updated_datetime=T0 + timedelta(hours=2),
                  expected_datetime=T0 + timedelta(days=1), agency_responsible="环卫所", address="红星路二段 8 号",
                  media_url=None, status_notes="处置中")
    values.update(changes)
    return ServiceRequest(**values)


# -- codes and states --------------------------------------------------------------------------------
def test_service_codes_keep_event_and_component_classes_apart():
    assert open311.service_code("event", "0101") == "E0101"
    assert open311.service_code("component", "0101") == "C0101"
    assert open311.service_class("E0101") == ("event", "0101")
    assert open311.service_class("C01012") == ("component", "01012")
    for bad in ("0101", "X0101", "E01", "E010123", "e0101", "", None, "E0101\n"):
        assert open311.service_class(bad) is None
    with pytest.raises(ValueError, match="unknown case kind"):
        open311.service_code("thing", "0101")


def test_closed_and_cancelled_cases_are_closed_requests_every_other_state_open():
    assert open311.case_status("closed") == open311.case_status("cancelled") == "closed"
    for state in ("reported", "to_verify", "accepted", "registered", "dispatched", "returned", "deferred",
                  "handled", "checked"):
        assert open311.case_status(state) == "open"


def test_external_ids_name_the_system_and_fit_the_store():
    assert open311.external_id("bj12345", "638344") == "open311:bj12345:638344"
    assert len(open311.external_id("s" * 24, "9" * open311.MAX_REQUEST_ID)) <= 100
    for bad in ("", "a b", "a:b", "s" * 25, "中文", "abc\n"):
        with pytest.raises(ValueError, match="system name"):
            open311.external_id(bad, "1")


# -- writing -------------------------------------------------------------------------------------------
def test_requests_json_has_the_spec_fields_times_at_plus_eight_and_null_for_missing_values():
    utc = request(requested_datetime=datetime(2026, 5, 1, 0, 30, tzinfo=UTC), expected_datetime=None)
    (row,) = json.loads(open311.requests_json([utc]))
    assert row["service_request_id"] == "20260501000001" and row["status"] == "open"
    assert row["requested_datetime"] == "2026-05-01T08:30:00+08:00"
    assert row["updated_datetime"] == "2026-05-01T10:30:00+08:00"
    assert row["expected_datetime"] is None and row["media_url"] is None and row["service_notice"] is None
    assert row["lat"] == pytest.approx(30.6512345678, abs=1e-8) and row["long"] == pytest.approx(104.0812345678,
                                                                                                  abs=1e-8)
    assert row["description"] == "小区门口垃圾 <三天> & \"无人\" 清理"
    assert set(row) >= {"service_request_id", "status", "status_notes", "service_name", "service_code",
                        "description", "agency_responsible", "service_notice", "requested_datetime",
                        "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long",
                        "media_url"}
    assert "reporter" not in json.dumps(row) and "phone" not in json.dumps(row)


def test_requests_xml_is_escaped_well_formed_and_drops_characters_xml_cannot_hold():
    text = open311.requests_xml([request(description="a<b>&c\x01\x0bd ]]> 引号\"'", address=None)])
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>')
    root = ET.fromstring(text)
    assert root.tag == "service_requests" and [e.tag for e in root] == ["request"]
    element = root[0]
    assert element.findtext("description") == "a<b>&cd ]]> 引号\"'"
    assert element.findtext("address") == "" and element.findtext("media_url") == ""
    assert element.findtext("requested_datetime") == "2026-05-01T08:30:00+08:00"


def test_a_time_without_a_zone_is_refused_when_writing():
    with pytest.raises(ValueError, match="time zone"):
        open311.requests_json([request(requested_datetime=datetime(2026, 5, 1, 8, 30))])


def test_services_in_json_and_xml():
    services = [Service("E0102", "暴露垃圾", "事件 · 市容环境 · 暴露垃圾", "市容环境", ("垃圾", "环卫")),
                Service("C0101", "上水井盖", "部件 · 公用设施 · 上水井盖", "公用设施")]
    rows = json.loads(open311.services_json(services))
    assert rows[0] == {"service_code": "E0102", "service_name": "暴露垃圾", "description": "事件 · 市容环境 · 暴露垃圾",
                       "metadata": False, "type": "realtime", "keywords": "垃圾,环卫", "group": "市容环境"}
    root = ET.fromstring(open311.services_xml(services))
    assert root.tag == "services" and [s.findtext("service_code") for s in root] == ["E0102", "C0101"]
    assert root[0].findtext("metadata") == "false" and root[1].findtext("keywords") == ""


def test_errors_are_a_list_of_code_and_description():
    assert json.loads(open311.errors_json([(400, "service_code E9999 was not found"), ("403", "api_key invalid"),
                                           ("rate", "x")])) == [
        {"code": 400, "description": "service_code E9999 was not found"},
        {"code": 403, "description": "api_key invalid"}, {"code": "rate", "description": "x"}]
    root = ET.fromstring(open311.errors_xml([(404, "请求 <1> 不存在")]))
    assert root.tag == "errors" and root[0].tag == "error"
    assert (root[0].findtext("code"), root[0].findtext("description")) == ("404", "请求 <1> 不存在")


def test_the_answer_to_a_post():
    assert json.loads(open311.created_json("20260501000002")) == [
        {"service_request_id": "20260501000002", "service_notice": None, "account_id": None}]
    root = ET.fromstring(open311.created_xml("20260501000002", "已受理"))
    assert root.tag == "service_requests" and root[0].findtext("service_notice") == "已受理"


# -- reading -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_requests_read_back_as_they_were_written(fmt):
    written = [request(), request(service_request_id="20260501000002", status="closed", service_code="C0101",
                                  expected_datetime=None, agency_responsible=None, address=None,
                                  media_url="https://example.org/p/1.jpg", status_notes=None,
                                  description="井盖\n缺失")]
    text = open311.requests_json(written) if fmt == "json" else open311.requests_xml(written)
    read, problems = open311.parse_requests(text, fmt)
    assert problems == []
    assert [(r.service_request_id, r.status, r.service_code, r.description, r.address, r.media_url,
             r.agency_responsible, r.status_notes) for r in read] == [
        (w.service_request_id, w.status, w.service_code, w.description, w.address, w.media_url,
         w.agency_responsible, w.status_notes) for w in written]
    for r, w in zip(read, written):
        assert (r.requested_datetime, r.updated_datetime, r.expected_datetime) == (
            w.requested_datetime, w.updated_datetime, w.expected_datetime)
        assert r.lat == pytest.approx(w.lat, abs=1e-8) and r.long == pytest.approx(w.long, abs=1e-8)


def test_another_systems_file_with_strings_z_times_and_a_bom_is_read():
    text = "\ufeff" + json.dumps([{"service_request_id": 638344, "status": "OPEN", "service_code": "E0102",
                                   "description": "垃圾", "lat": "30.65", "long": "104.08",
                                   "requested_datetime": "2026-05-01 00:30:00Z", "extra": {"x": 1}}])
    (r,), problems = open311.parse_requests(text, "json")
    assert problems == []
    assert (r.service_request_id, r.status, r.lat, r.long) == ("638344", "open", 30.65, 104.08)
    assert r.requested_datetime == T0 and r.updated_datetime is None and r.service_name == ""
    (r,), problems = open311.parse_requests(json.dumps({"service_requests": json.loads(text[1:])}), "json")
    assert problems == []


def test_every_bad_request_is_named_with_its_id_and_what_is_wrong():
    rows = [
        {"service_request_id": "ok1", "service_code": "E0102", "lat": 30.6, "long": 104.0,
         "requested_datetime": "2026-05-01T08:30:00+08:00", "description": "好的"},
        {"service_code": "E0102", "lat": 30.6, "long": 104.0, "requested_datetime": "2026-05-01T08:30:00+08:00"},
        {"service_request_id": "b2", "service_code": "E0102", "lat": "abc", "long": 200,
         "requested_datetime": "2026-05-01T08:30:00"},
        {"service_request_id": "b3", "status": "pending", "lat": True, "long": 104.0,
         "requested_datetime": "yesterday", "media_url": "javascript:alert(1)"},
        {"service_request_id": "ok1", "service_code": "E0102", "lat": 30.6, "long": 104.0,
         "requested_datetime": "2026-05-01T08:30:00+08:00", "description": "x" * 4001},
        {"service_request_id": "has space", "service_code": "E0102", "lat": float("nan"), "long": 104.0},
        "not an object",
    ]
    read, problems = open311.parse_requests(json.dumps(rows), "json")
    assert [r.service_request_id for r in read] == ["ok1"]
    text = "\n".join(problems)
    assert "request 2: service_request_id is missing" in text
    assert "request 3 (id b2): lat 'abc' is not a number" in text
    assert "request 3 (id b2): long 200 is not a WGS84 degree between -180.0 and 180.0" in text
    assert "request 3 (id b2): requested_datetime: the time '2026-05-01T08:30:00' has no time zone offset" in text
    assert "request 4 (id b3): status 'pending' is neither open nor closed" in text
    assert "request 4 (id b3): service_code is missing" in text
    assert "request 4 (id b3): lat 'True' is not a number" in text
    assert "request 4 (id b3): requested_datetime: 'yesterday' is not an ISO 8601 time" in text
    assert "request 4 (id b3): media_url 'javascript:alert(1)' is not an http or https link" in text
    assert "request 5 (id ok1): description has 4001 characters; at most 4000" in text
    assert "request 5 (id ok1): the id is already used by request 1" in text
    assert "request 6 (id has space): service_request_id 'has space' must be" in text
    assert "request 6 (id has space): lat nan is not a WGS84 degree" in text
    assert "request 6 (id has space): requested_datetime is missing" in text
    assert "request 7: not a request" in text
    _, problems = open311.parse_requests(json.dumps([{**rows[0], "lat": 104.08, "long": 30.65}]), "json")
    assert problems == ["request 1 (id ok1): lat 104.08 is not a WGS84 degree between -90.0 and 90.0",
                        "request 1 (id ok1): lat and long look exchanged: lat is the latitude (-90 to 90), long the "
                        "longitude"]


def test_bad_xml_files_are_refused_whole():
    def problems(text):
        read, found = open311.parse_requests(text, "xml")
        assert read == []
        return "\n".join(found)

    bomb = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            "<service_requests><request><description>&b;</description></request></service_requests>")
    assert "declares a document type or entities" in problems(bomb)
    assert "not well-formed XML" in problems("<service_requests><request></service_requests>")
    assert "root element <service_requests>, not <services>" in problems("<services/>")
    assert "error response, not requests: 403 api_key" in problems(
        "<errors><error><code>403</code><description>api_key missing</description></error></errors>")
    assert "request 1: not a request" in problems("<service_requests><service/></service_requests>")


def test_bad_json_files_are_refused_whole():
    assert "not JSON" in open311.parse_requests("[{", "json")[1][0]
    assert "JSON array of requests" in open311.parse_requests('{"a": 1}', "json")[1][0]
    assert "error response" in open311.parse_requests(open311.errors_json([(400, "bad")]), "json")[1][0]
    with pytest.raises(ValueError, match="unknown GeoReport format"):
        open311.parse_requests("[]", "csv")


def test_new_request_from_a_file_carries_its_external_id():
    new = open311.new_request(request(), "bj12345")
    assert new.external_id == "open311:bj12345:20260501000001" and new.service_code == "E0102"
    assert new.requested_datetime == T0 and new.reporter is None


# -- a POST ---------------------------------------------------------------------------------------------
def test_a_good_post():
    new, errors = open311.parse_post({"service_code": "E0102", "lat": "30.65", "long": "104.08",
                                      "description": " 垃圾 ", "address_string": "红星路", "first_name": "三",
                                      "last_name": "张", "phone": "138 0000 1111", "api_key": "k",
                                      "media_url": "http://example.org/a.jpg"})
    assert errors == []
    assert new == NewRequest(service_code="E0102", lat=30.65, long=104.08, description="垃圾", address="红星路",
                             media_url="http://example.org/a.jpg", reporter="张三", reporter_phone="138 0000 1111")
    assert open311.reporter_name("John", "Smith") == "John Smith"
    assert open311.reporter_name("", "") is None


def test_a_bad_post_lists_every_error_with_code_400():
    new, errors = open311.parse_post({"service_code": "0102", "lat": "abc", "phone": "call me",
                                      "media_url": "ftp://x/y"})
    assert new is None and {c for c, _ in errors} == {"400"}
    text = "\n".join(d for _, d in errors)
    assert "service_code '0102' is not a service of this city" in text
    assert "lat 'abc' is not a number" in text and "long is missing" in text
    assert "description is required" in text
    assert "phone 'call me' is not a phone number" in text
    assert "media_url 'ftp://x/y' is not an http or https link" in text
    _, errors = open311.parse_post({"address_string": "红星路", "description": "x" * 4001})
    text = "\n".join(d for _, d in errors)
    assert "service_code is required" in text and "lat and long are required" in text
    assert "description has 4001 characters" in text and "description is required" not in text
    _, errors = open311.parse_post({"service_code": ["E0102", "E0101"], "lat": "30", "long": "104",
                                    "description": "x"})
    assert [d for _, d in errors][0] == "service_code is given more than once"
    _, errors = open311.parse_post({"service_code": "E0102", "lat": "30", "long": "104", "description": "x"},
                                   require_reporter=True)
    assert errors == [("400", "first_name or last_name and phone are required for a public report")]
