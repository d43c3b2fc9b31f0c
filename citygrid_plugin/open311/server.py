"""The Open311 GeoReport v2 HTTP service: a small falcon app served by waitress (both from
Debian: python3-falcon, python3-waitress), so that 12345 platforms and public reporting apps can
read and report cases.

    GET  /services.json|.xml                  the services (event and component classes in use)
    GET  /requests.json|.xml                  requests, with the spec's filters: service_request_id
                                              (comma-separated, overrides the rest), service_code,
                                              start_date, end_date, status; default the last 90
                                              days; at most 1,000, the newest first
    GET  /requests/{id}.json|.xml             one request (404 when unknown)
    POST /requests.json|.xml                  a new public report (form fields as the spec names
                                              them; api_key required; first_name/last_name and phone
                                              required: source 公众举报 is a public channel)

The format is the path's extension. Refusals are the spec's error list ``[{code, description}]``
with the HTTP status as code: 400 bad input, 403 missing or bad API key, 404 unknown request or
jurisdiction, 429 the app's rate limit, 503 the store unreachable. Times ISO 8601 at +08:00,
positions WGS84.

The service connects with its own login, a member of ``citygrid_open311`` (store/open311.py,
roles.sql): it can read only public fields and write only through ``citygrid.open311_report``.
Connections are pooled (one per worker thread) and replaced when the store drops them.
"""
from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable

import falcon
import psycopg2

from ..core import open311 as core
from ..core.i18n import tr
from ..store import db
from ..store import open311 as store

CONTENT_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
DEFAULT_PORT = 8311
DEFAULT_THREADS = 8


class Pool:
    """At most *size* store connections, handed to one request at a time; a connection the store
    dropped is closed and replaced on the next request (so a restarted store is picked up)."""

    def __init__(self, dsn: str, size: int = DEFAULT_THREADS, connect: Callable | None = None) -> None:
        self.dsn = dsn
        self._connect = connect or (lambda dsn: db.connect(dsn, application="CityGrid Open311", connect_timeout=5))
        self._idle: queue.LifoQueue = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(size)

    def get(self):
        self._slots.acquire()
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            try:
                conn = self._connect(self.dsn)
            except db.StoreError:
                self._slots.release()
                raise store.Open311Error(503, tr("the store is not reachable now; try again later")) from None
        return conn

    def put(self, conn) -> None:
        try:
            if conn.closed:
                return
            if conn.status != psycopg2.extensions.STATUS_READY:
                conn.rollback()
            self._idle.put(conn)
        except psycopg2.Error:
            conn.close()
        finally:
            self._slots.release()

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def _write(resp, fmt: str, status: int, body: str) -> None:
    resp.status = falcon.code_to_http_status(status)
    resp.content_type = CONTENT_TYPES[fmt]
    resp.text = body


def _error(resp, fmt: str, status: int, messages: list[str]) -> None:
    errors = [(status, m) for m in messages]
    _write(resp, fmt, status, core.errors_json(errors) if fmt == "json" else core.errors_xml(errors))


def _fmt(name: str) -> tuple[str, str] | None:
    """('stem', 'json'|'xml') of 'stem.json' / 'stem.xml', else None."""
    stem, dot, ext = name.rpartition(".")
    return (stem, ext) if dot and ext in CONTENT_TYPES else None


def _param(req, name: str) -> str | None:
    """A query parameter as text (repeated values joined with commas, as the spec's lists are)."""
    value = req.get_param_as_list(name) if name in req.params else None
    if value is None:
        return None
    return ",".join(v for v in value if v is not None)


class Open311App:
    """The falcon resources over a pool of store connections; *jurisdiction*: when set, a request
    naming another jurisdiction_id is refused (404)."""

    def __init__(self, pool: Pool, jurisdiction: str | None = None) -> None:
        self.pool = pool
        self.jurisdiction = jurisdiction

    # -- helpers --
    def _run(self, resp, fmt: str, work: Callable) -> None:
        conn = None
        try:
            conn = self.pool.get()
            work(conn)
        except store.Open311Error as exc:
            _error(resp, fmt, exc.status, [str(exc)])
        except (psycopg2.Error, db.StoreError) as exc:
            _error(resp, fmt, 503, [tr("the store is not reachable now; try again later")])
            print(f"open311: {exc}", file=sys.stderr)
        finally:
            if conn is not None:
                self.pool.put(conn)

    def _jurisdiction_ok(self, req, resp, fmt: str, form: dict | None = None) -> bool:
        given = (form or {}).get("jurisdiction_id") or req.get_param("jurisdiction_id")
        if given and self.jurisdiction and given != self.jurisdiction:
            _error(resp, fmt, 404, [tr("unknown jurisdiction_id '{value}'; this service is {ours}").format(
                value=str(given)[:40], ours=self.jurisdiction)])
            return False
        return True

    # -- GET services --
    def services(self, req, resp, fmt: str) -> None:
        if not self._jurisdiction_ok(req, resp, fmt):
            return

        def work(conn):
            found = store.services(conn)
            _write(resp, fmt, 200, core.services_json(found) if fmt == "json" else core.services_xml(found))
        self._run(resp, fmt, work)

    # -- GET requests --
    def requests(self, req, resp, fmt: str) -> None:
        if not self._jurisdiction_ok(req, resp, fmt):
            return

        def work(conn):
            found = store.find_requests(conn, service_request_id=_param(req, "service_request_id"),
                                        service_code=_param(req, "service_code"),
                                        start_date=req.get_param("start_date"), end_date=req.get_param("end_date"),
                                        status=_param(req, "status"))
            _write(resp, fmt, 200, core.requests_json(found) if fmt == "json" else core.requests_xml(found))
        self._run(resp, fmt, work)

    def one_request(self, req, resp, rid: str, fmt: str) -> None:
        if not self._jurisdiction_ok(req, resp, fmt):
            return

        def work(conn):
            found = [store.get_request(conn, rid)]
            _write(resp, fmt, 200, core.requests_json(found) if fmt == "json" else core.requests_xml(found))
        self._run(resp, fmt, work)

    # -- POST requests --
    def post(self, req, resp, fmt: str) -> None:
        try:
            form = req.get_media(default_when_empty={}) if req.content_length else {}
        except falcon.HTTPError:
            form = None
        if not isinstance(form, dict):
            _error(resp, fmt, 400, [tr("send the request as a form (application/x-www-form-urlencoded)")])
            return
        if not self._jurisdiction_ok(req, resp, fmt, form):
            return
        key = form.get("api_key") or req.get_param("api_key")
        if isinstance(key, list) or not (key or "").strip():
            _error(resp, fmt, 403, [tr("an API key is required (api_key): ask the city for one")])
            return
        new, errors = core.parse_post(form, require_reporter=True)
        if new is None:
            _error(resp, fmt, 400, [message for _code, message in errors])
            return

        def work(conn):
            case_no = store.report(conn, key, new)
            _write(resp, fmt, 200, core.created_json(case_no) if fmt == "json" else core.created_xml(case_no))
        self._run(resp, fmt, work)


class _Collection:
    def __init__(self, app: Open311App, kind: str, fmt: str) -> None:
        self.app, self.kind, self.fmt = app, kind, fmt

    def on_get(self, req, resp) -> None:
        (self.app.services if self.kind == "services" else self.app.requests)(req, resp, self.fmt)

    def on_post(self, req, resp) -> None:
        if self.kind != "requests":
            _error(resp, self.fmt, 405, [tr("services are read-only")])
            return
        self.app.post(req, resp, self.fmt)


class _One:
    def __init__(self, app: Open311App) -> None:
        self.app = app

    def on_get(self, req, resp, name: str) -> None:
        parts = _fmt(name)
        if parts is None:
            _error(resp, "json", 404, [tr("ask for requests/{id}.json or requests/{id}.xml")])
            return
        self.app.one_request(req, resp, parts[0], parts[1])


def make_app(pool: Pool, jurisdiction: str | None = None) -> falcon.App:
    """The WSGI application of the service over *pool*."""
    app = Open311App(pool, jurisdiction)
    wsgi = falcon.App()
    wsgi.req_options.strip_url_path_trailing_slash = True
    for fmt in CONTENT_TYPES:
        wsgi.add_route(f"/services.{fmt}", _Collection(app, "services", fmt))
        wsgi.add_route(f"/requests.{fmt}", _Collection(app, "requests", fmt))
    wsgi.add_route("/requests/{name}", _One(app))

    def not_found(req, resp, ex, params):
        fmt = "xml" if req.path.endswith(".xml") else "json"
        _error(resp, fmt, ex.status_code if hasattr(ex, "status_code") else 404,
               [tr("no such resource: {path} (see services.json, requests.json)").format(path=req.path[:100])])
    wsgi.add_error_handler(falcon.HTTPNotFound, not_found)
    wsgi.add_error_handler(falcon.HTTPMethodNotAllowed, not_found)
    return wsgi


def make_server(dsn: str, host: str = "127.0.0.1", port: int = DEFAULT_PORT, threads: int = DEFAULT_THREADS,
                jurisdiction: str | None = None):
    """A waitress server (not yet running: call ``.run()``; ``.close()`` stops it) and its pool.
    Port 0 takes a free port (``server.effective_port``)."""
    from waitress.server import create_server

    pool = Pool(dsn, size=threads)
    server = create_server(make_app(pool, jurisdiction), host=host, port=port, threads=threads,
                           ident="CityGrid Open311")
    return server, pool


def check_login(dsn: str) -> list[str]:
    """Warnings about the login the service would use (a superuser or a staff role is more than it
    needs, no citygrid_open311 is less); raises StoreError when the store cannot be reached."""
    conn = db.connect(dsn, application="CityGrid Open311")
    try:
        return store.login_warnings(conn)
    finally:
        conn.close()
