-- 018 Open311 GeoReport v2 (issue 19): public reporting apps and 12345 platforms talk to the store
-- through a small HTTP service (citygrid_plugin/open311, `./citygrid serve open311`). Schema only;
-- the functions' bodies are in store/sql/functions (open311_report, open311_client_save), the
-- grants and row policies in roles.sql (group role citygrid_open311).
--
--   * Each client app has an API key; the store keeps only its SHA-256 (the key is shown once, when
--     it is made) with a rate limit of new reports per minute and an enabled flag. Administrators
--     manage clients through open311_client_save only: who made a client and when is the store's.
--   * The service logs in as a member of citygrid_open311: it reads the public fields of cases
--     (open311_request_public: no reporter, no phone, no photo, no staff) and the services
--     (open311_service: the event and component classes of the districts' code profiles), and it
--     writes only through open311_report (key, rate limit, then case_report's checks, source
--     公众举报).
--   * The rate is counted in the store (open311_rate: per client and minute of the server's clock),
--     so several service processes share one limit.
--   * Each case an app reported remembers the app (open311_case): provenance, never personal data.

-- client apps -------------------------------------------------------------------------------------
CREATE TABLE citygrid.open311_client (
    id               serial PRIMARY KEY,
    name             text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$'),
    key_hash         text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    rate_per_minute  integer NOT NULL DEFAULT 60 CHECK (rate_per_minute BETWEEN 1 AND 100000),
    enabled          boolean NOT NULL DEFAULT true,
    created_by       text NOT NULL DEFAULT citygrid.actor(),
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
COMMENT ON TABLE citygrid.open311_client IS
    'Open311 client apps: SHA-256 of the API key (the key itself is shown once), rate limit, enabled; '
    'changed only through citygrid.open311_client_save';
ALTER TABLE citygrid.open311_client ENABLE ROW LEVEL SECURITY;
CREATE TRIGGER open311_client_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.open311_client
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('name');

-- the rate, counted per client and minute of the server's clock ------------------------------------
CREATE TABLE citygrid.open311_rate (
    client_id  integer NOT NULL REFERENCES citygrid.open311_client ON DELETE CASCADE,
    minute     timestamptz NOT NULL,
    n          integer NOT NULL,
    PRIMARY KEY (client_id, minute)
);
COMMENT ON TABLE citygrid.open311_rate IS 'New Open311 reports per client and minute (written by open311_report only)';
ALTER TABLE citygrid.open311_rate ENABLE ROW LEVEL SECURITY;

-- which app reported a case ------------------------------------------------------------------------
CREATE TABLE citygrid.open311_case (
    case_id    bigint PRIMARY KEY REFERENCES citygrid.work_case,
    client_id  integer NOT NULL REFERENCES citygrid.open311_client,
    login      text NOT NULL DEFAULT citygrid.actor(),      -- the service's login
    at         timestamptz NOT NULL DEFAULT clock_timestamp()
);
COMMENT ON TABLE citygrid.open311_case IS 'Cases reported through Open311: the client app and the service login';
CREATE INDEX open311_case_client ON citygrid.open311_case (client_id, at);
CREATE TRIGGER open311_case_append_only BEFORE UPDATE OR DELETE ON citygrid.open311_case
    FOR EACH ROW EXECUTE FUNCTION citygrid.refuse_change();
ALTER TABLE citygrid.open311_case ENABLE ROW LEVEL SECURITY;

-- what the service reads (security_invoker: the caller's column grants and row policies) -----------
-- services: the classes of the code profiles the districts use; service_code is the class code
-- prefixed with E (event) or C (component), as core/open311.service_code writes it: the two code
-- tables use the same digits (event 0101 私搭乱建, component 0101 上水井盖)
CREATE VIEW citygrid.open311_service WITH (security_invoker = true) AS
    SELECT 'E' || e.code AS service_code, e.name AS service_name, 'event'::text AS kind, e.code AS class_code,
           e.profile, e.major_name AS service_group, e.alt_names AS keywords
      FROM citygrid.event_class e
     WHERE e.active AND e.profile IN (SELECT d.profile FROM citygrid.district d)
    UNION ALL
    SELECT 'C' || c.code, c.name, 'component', c.code, c.profile, c.major_name, c.alt_names
      FROM citygrid.component_class c
     WHERE c.active AND c.profile IN (SELECT d.profile FROM citygrid.district d);
COMMENT ON VIEW citygrid.open311_service IS 'Open311 services: the active event and component classes in use';

-- requests: the public fields of every case, positions in WGS84, the deadline in force
CREATE VIEW citygrid.open311_request_public WITH (security_invoker = true) AS
    SELECT c.id, c.case_no AS service_request_id, c.state, c.kind, c.class_code,
           CASE c.kind WHEN 'event' THEN 'E' ELSE 'C' END || c.class_code AS service_code,
           COALESCE(e.name, k.name) AS service_name, c.description, c.address,
           ST_Y(ST_Transform(c.geom, 4326)) AS lat, ST_X(ST_Transform(c.geom, 4326)) AS long,
           c.reported_at AS requested_datetime, c.updated_at AS updated_datetime,
           CASE WHEN s.is_open THEN COALESCE(c.handle_deadline, c.stage_deadline) END AS expected_datetime,
           dp.name AS agency_responsible, c.district_code
      FROM citygrid.work_case c
      JOIN citygrid.case_state s ON s.state = c.state
      LEFT JOIN citygrid.event_class e ON c.kind = 'event' AND e.profile = c.profile AND e.code = c.class_code
      LEFT JOIN citygrid.component_class k ON c.kind = 'component' AND k.profile = c.profile AND k.code = c.class_code
      LEFT JOIN citygrid.department dp ON dp.code = c.department_code;
COMMENT ON VIEW citygrid.open311_request_public IS
    'Open311 requests: the public fields of cases (no reporter, phone, photo or staff), WGS84';
