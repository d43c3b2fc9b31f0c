"""The Open311 GeoReport v2 service over real HTTP: a waitress server on a free port, logged in
to a real store with its own password login (a member of citygrid_open311 only)."""
from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
import xml.etree.ElementTree as ET

import pytest

from citygrid_plugin.open311.server import check_login, make_server
from citygrid_plugin.store import open311 as store
from tests.helpers.sql import PASSWORD, count, denied, one


@pytest.fixture
def service(cluster, secured, conn_factory):
    """(base URL, API key, owner connection, the service's password connection, its DSN, logins)."""
    owner, login, logins = secured
    dbname = owner.dsn.split("dbname=")[1].split()[0]
    svc_login = f"cgt_{uuid.uuid4().hex[:6]}_o311"
    store.save_service_login(owner, svc_login, PASSWORD)
    dsn = f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user={svc_login} password={PASSWORD}"
    key = store.save_client(owner, "demo-app", rate_per_minute=1000)
    server, pool = make_server(dsn, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield (f"http://127.0.0.1:{server.effective_port}", key, owner, conn_factory(dsn), dsn, login, logins)
    server.close()
    thread.join(5)
    pool.close()
    with owner.cursor() as cur:
        cur.execute(f'DROP OWNED BY "{svc_login}"; DROP ROLE IF EXISTS "{svc_login}"')
    owner.commit()


def http(method: str, url: str, form: dict | None = None) -> tuple[int, str]:
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:  # nosec B310 - a local test server
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wgs84(owner, x: float, y: float) -> tuple[float, float]:
    """(lat, long) of a point of the store's CRS."""
    lat, lon = one(owner, "SELECT ST_Y(p), ST_X(p) FROM ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), 4544), 4326) p",
                   (x, y))
    return lat, lon


def report_form(owner, key, **changes) -> dict:
    lat, lon = wgs84(owner, 150, 150)
    form = {"api_key": key, "service_code": "E0102", "lat": f"{lat:.9f}", "long": f"{lon:.9f}",
            "description": "路边垃圾堆积", "address_string": "红星路 1 号", "first_name": "三", "last_name": "张",
            "phone": "13800000000"}
    form.update(changes)
    return {k: v for k, v in form.items() if v is not None}


def test_services_in_json_and_xml(service):
    base, *_ = service
    status, body = http("GET", f"{base}/services.json")
    assert status == 200
    services = {s["service_code"]: s for s in json.loads(body)}
    assert services["E0102"]["service_name"] == "暴露垃圾"
    assert any(code.startswith("C") for code in services)
    status, body = http("GET", f"{base}/services.xml")
    assert status == 200
    root = ET.fromstring(body)
    assert root.tag == "services" and "E0102" in {s.findtext("service_code") for s in root}


def test_post_creates_a_public_report_and_get_reads_it_back(service):
    base, key, owner, svc, *_ = service
    status, body = http("POST", f"{base}/requests.json", report_form(owner, key))
    assert status == 200, body
    rid = json.loads(body)[0]["service_request_id"]
    source, kind, cls, reporter = one(owner, """SELECT c.source, c.kind, c.class_code, r.name || ' ' || r.phone
                                                  FROM citygrid.work_case c JOIN citygrid.case_reporter r
                                                    ON r.case_id = c.id WHERE c.case_no = %s""", (rid,))
    assert (source, kind, cls, reporter) == ("公众举报", "event", "0102", "张三 13800000000")
    assert count(owner, """SELECT count(*) FROM citygrid.open311_case o JOIN citygrid.work_case c ON c.id = o.case_id
                            JOIN citygrid.open311_client a ON a.id = o.client_id
                           WHERE c.case_no = %s AND a.name = 'demo-app'""", (rid,)) == 1
    status, body = http("GET", f"{base}/requests/{rid}.json")
    assert status == 200
    got = json.loads(body)[0]
    lat, lon = wgs84(owner, 150, 150)
    assert got["status"] == "open" and got["service_code"] == "E0102" and got["service_name"] == "暴露垃圾"
    assert abs(got["lat"] - lat) < 1e-7 and abs(got["long"] - lon) < 1e-7
    assert got["requested_datetime"].endswith("+08:00") and got["media_url"] is None
    assert "张三" not in body and "13800000000" not in body
    status, body = http("GET", f"{base}/requests/{rid}.xml")
    assert status == 200 and ET.fromstring(body).find("request/service_request_id").text == rid
    status, body = http("GET", f"{base}/requests/20990101999999.json")
    assert status == 404 and json.loads(body)[0]["code"] == 404


def test_get_requests_filters(service):
    base, key, owner, *_ = service
    ids = []
    for code in ("E0102", "E0102", "E0101"):
        status, body = http("POST", f"{base}/requests.json", report_form(owner, key, service_code=code))
        assert status == 200, body
        ids.append(json.loads(body)[0]["service_request_id"])

    def get(query: str) -> list[str]:
        status, body = http("GET", f"{base}/requests.json?{query}")
        assert status == 200, body
        return [r["service_request_id"] for r in json.loads(body)]

    assert set(get("")) == set(ids)                                     # the last 90 days
    assert set(get("service_code=E0102")) == set(ids[:2])
    assert set(get("service_code=E0101,E0102")) == set(ids)
    assert get("status=closed") == [] and set(get("status=open")) == set(ids)
    assert set(get(f"service_request_id={ids[0]},{ids[2]}&service_code=E0102")) == {ids[0], ids[2]}
    assert get("start_date=2001-01-01T00:00:00%2B08:00&end_date=2001-02-01T00:00:00Z") == []
    assert set(get("start_date=2001-01-01T00:00:00Z")) == set(ids)
    status, body = http("GET", f"{base}/requests.xml?status=open")
    assert status == 200 and {r.findtext("service_request_id") for r in ET.fromstring(body)} == set(ids)
    for query in ("start_date=yesterday", "status=pending", "service_code=0102",
                  "start_date=2024-02-01T00:00:00Z&end_date=2024-01-01T00:00:00Z"):
        status, body = http("GET", f"{base}/requests.json?{query}")
        assert status == 400, query
        assert json.loads(body)[0]["code"] == 400


def test_bad_posts_are_refused_with_the_right_status_and_nothing_written(service):
    base, key, owner, *_ = service
    before = count(owner, "SELECT count(*) FROM citygrid.work_case")
    cases = [
        (report_form(owner, key, api_key=None), 403, "API key is required"),
        (report_form(owner, "not-a-key"), 403, "not valid"),
        (report_form(owner, key, service_code="E9999"), 400, "unknown service_code 'E9999'"),
        (report_form(owner, key, service_code="X1"), 400, "service_code 'X1' is not a service"),
        (report_form(owner, key, lat="0.5", long="120.0"), 400, "outside every unit grid"),
        (report_form(owner, key, lat="95"), 400, "lat 95 is not a WGS84 degree"),
        (report_form(owner, key, phone=None), 400, "phone are required"),
        (report_form(owner, key, description=None), 400, "description is required"),
    ]
    for form, status, message in cases:
        got, body = http("POST", f"{base}/requests.json", form)
        assert got == status, (form, body)
        errors = json.loads(body)
        assert errors[0]["code"] == status and message in " ".join(e["description"] for e in errors), body
    got, body = http("POST", f"{base}/requests.xml", report_form(owner, key, service_code="E9999"))
    assert got == 400 and ET.fromstring(body).find("error/code").text == "400"
    assert count(owner, "SELECT count(*) FROM citygrid.work_case") == before


def test_a_disabled_app_is_refused(service):
    base, key, owner, *_ = service
    store.save_client(owner, "demo-app", rate_per_minute=1000, enabled=False, new_key=False)
    status, body = http("POST", f"{base}/requests.json", report_form(owner, key))
    assert status == 403 and "disabled" in body


def test_a_flood_is_refused_at_the_rate_limit(service):
    base, _key, owner, *_ = service
    key = store.save_client(owner, "small-app", rate_per_minute=3)
    statuses = [http("POST", f"{base}/requests.json", report_form(owner, key))[0] for _ in range(5)]
    # the limit counts per minute of the server's clock: a minute may turn between two posts
    assert statuses.count(200) in (3, 4, 5) and statuses[:3] == [200, 200, 200]
    if 429 in statuses:
        status, body = http("POST", f"{base}/requests.json", report_form(owner, key))
        assert status in (200, 429)
    n = count(owner, """SELECT count(*) FROM citygrid.open311_case o JOIN citygrid.open311_client a
                          ON a.id = o.client_id WHERE a.name = 'small-app'""")
    assert n == statuses.count(200) + (1 if 429 in statuses and status == 200 else 0)


def test_the_limit_is_exact_within_a_minute(service):
    """The rate counted in the store: with the minute fixed (the owner pre-fills the counter to one
    below the limit) exactly one more report passes, whichever connection posts it."""
    base, _key, owner, *_ = service
    key = store.save_client(owner, "edge-app", rate_per_minute=50)
    with owner.cursor() as cur:
        cur.execute("""INSERT INTO citygrid.open311_rate (client_id, minute, n)
                       SELECT id, date_trunc('minute', clock_timestamp()), 49 FROM citygrid.open311_client
                        WHERE name = 'edge-app'""")
        cur.execute("SELECT extract(second FROM clock_timestamp())")
        second = cur.fetchone()[0]
    owner.commit()
    if second > 55:
        pytest.skip("too close to the turn of the minute")
    first, _ = http("POST", f"{base}/requests.json", report_form(owner, key))
    second_, body = http("POST", f"{base}/requests.json", report_form(owner, key))
    assert first == 200 and second_ == 429, body
    assert json.loads(body)[0]["code"] == 429 and "50 new reports per minute" in body


def test_the_service_login_reads_only_public_fields(service):
    base, key, owner, svc, dsn, login, logins = service
    assert http("POST", f"{base}/requests.json", report_form(owner, key))[0] == 200
    assert check_login(dsn) == []
    assert count(svc, "SELECT count(*) FROM citygrid.open311_request_public") >= 1
    denied(svc, "SELECT * FROM citygrid.case_reporter")
    denied(svc, "SELECT updated_by FROM citygrid.work_case")
    denied(svc, "SELECT photo FROM citygrid.work_case")
    denied(svc, "SELECT * FROM citygrid.work_case")
    denied(svc, "SELECT * FROM citygrid.case_action")
    denied(svc, "SELECT reporter, phone FROM citygrid.case_extra_report")
    denied(svc, "SELECT * FROM citygrid.open311_client")
    denied(svc, "SELECT * FROM citygrid.open311_rate")
    denied(svc, "SELECT * FROM citygrid.staff")
    denied(svc, "INSERT INTO citygrid.open311_rate VALUES (1, now(), 0)")
    denied(svc, "SELECT citygrid.case_report('公众举报', 'event', '0102', 'x', "
                "ST_SetSRID(ST_MakePoint(150, 150), 4544), NULL, '张三', NULL, NULL, NULL, '13800000000')")
    denied(svc, "SELECT citygrid.open311_client_save('mine', repeat('a', 64), 100000, true)")
    # the superuser owner is more than the service needs: the command line warns
    assert check_login(owner.dsn) and "superuser" in check_login(owner.dsn)[0]


def test_clients_are_the_administrators(service):
    base, _key, owner, _svc, _dsn, login, _logins = service
    admin = login("admin")
    key = store.save_client(admin, "admin-app", rate_per_minute=10)
    assert len(key) >= 40
    stored = one(owner, "SELECT key_hash, created_by FROM citygrid.open311_client WHERE name = 'admin-app'")
    assert stored[0] == store.key_hash(key) and key not in stored[0] and stored[1].endswith("_admin")
    assert [c.name for c in store.clients(admin)] == ["admin-app", "demo-app"]
    assert count(owner, "SELECT count(*) FROM citygrid.admin_audit WHERE table_name = 'open311_client'") >= 2
    denied(admin, "INSERT INTO citygrid.open311_client (name, key_hash) VALUES ('x', repeat('b', 64))")
    denied(admin, "UPDATE citygrid.open311_client SET created_by = 'someone'")
    for role in ("operator", "analyst"):
        denied(login(role), "SELECT * FROM citygrid.open311_client")
        with pytest.raises(store.StoreError, match="permission denied"):
            store.save_client(login(role), "their-app")


def test_the_store_down_answers_503(cluster, service):
    from citygrid_plugin.open311.server import make_server

    _base, *_ = service
    server, pool = make_server(f"host=127.0.0.1 port={cluster.port + 17} dbname=x user=x password=x", port=0,
                               threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        status, body = http("GET", f"http://127.0.0.1:{server.effective_port}/requests.json")
        assert status == 503 and json.loads(body)[0]["code"] == 503
        status, body = http("GET", f"http://127.0.0.1:{server.effective_port}/nothing.json")
        assert status == 404
    finally:
        server.close()
        thread.join(5)


def test_the_command_line_makes_a_client_and_shows_its_key_once(service, capsys):
    from citygrid_plugin.cli import main

    _base, _key, owner, *_ = service
    assert main(["--dsn", owner.dsn, "open311", "add-client", "cli-app", "--rate", "5"]) == 0
    out = capsys.readouterr().out
    key = out.strip().splitlines()[-1].rsplit(" ", 1)[-1]
    assert one(owner, "SELECT key_hash FROM citygrid.open311_client WHERE name = 'cli-app'")[0] == store.key_hash(key)
    assert main(["--dsn", owner.dsn, "open311", "clients"]) == 0
    assert "cli-app" in capsys.readouterr().out and key not in out.split("\n")[0]
    assert main(["--dsn", owner.dsn, "open311", "add-client", "bad name!"]) == 2
