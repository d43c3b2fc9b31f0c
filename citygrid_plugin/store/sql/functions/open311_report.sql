-- A public report through Open311 (POST requests): the Open311 service's only way to write. Checks,
-- in this order: the API key (its SHA-256 names an enabled client app; otherwise
-- invalid_authorization_specification, HTTP 403), the service code (E<event class> or
-- C<component class> in use, else foreign_key_violation, HTTP 400), the position (WGS84 degrees);
-- then reports the case as case_report does, with source 公众举报 (case_report_core: every check of a
-- report, the position inside the unit grids, the class in the district's code profile, the
-- reporter's name and phone a public channel needs, numbered, audited, announced). The app's rate
-- limit (new reports per minute of the server's clock, counted in open311_rate so every service
-- process shares it) refuses with SQLSTATE CG429 (HTTP 429): looked at before the report and
-- counted after it, under the app's counter row lock, so the limit is exact however many processes
-- post at once. The case remembers the app and the service login (open311_case).
-- The report is recorded in the service login's name (case_report_core accepts a member of
-- citygrid_open311 as the reporter of a 公众举报 and of nothing else; the login holds no case role,
-- so it still reads no reporter).
-- Returns the case number, the request's service_request_id.
CREATE OR REPLACE FUNCTION citygrid.open311_report(p_key text, p_service_code text, p_lat double precision,
        p_long double precision, p_description text, p_address text DEFAULT NULL, p_media_url text DEFAULT NULL,
        p_reporter text DEFAULT NULL, p_reporter_phone text DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    app citygrid.open311_client;
    svc record;
    c citygrid.work_case;
    minute_ timestamptz := date_trunc('minute', clock_timestamp());
    used integer;
BEGIN
    IF btrim(COALESCE(p_key, '')) = '' THEN
        RAISE EXCEPTION 'an API key is required (api_key): ask the city for one'
            USING ERRCODE = 'invalid_authorization_specification';
    END IF;
    SELECT * INTO app FROM citygrid.open311_client
     WHERE key_hash = encode(sha256(convert_to(p_key, 'UTF8')), 'hex');
    IF NOT FOUND OR NOT app.enabled THEN
        RAISE EXCEPTION 'the API key is not valid or its app is disabled'
            USING ERRCODE = 'invalid_authorization_specification';
    END IF;
    SELECT n INTO used FROM citygrid.open311_rate WHERE client_id = app.id AND minute = minute_;
    IF used >= app.rate_per_minute THEN
        RAISE EXCEPTION 'app % has reached its limit of % new reports per minute: try again in a minute',
            app.name, app.rate_per_minute USING ERRCODE = 'CG429';
    END IF;
    SELECT * INTO svc FROM citygrid.open311_service WHERE service_code = p_service_code LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown service_code %: see services.json for the services of this city',
            quote_literal(left(COALESCE(p_service_code, ''), 40)) USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF p_lat IS NULL OR p_long IS NULL OR NOT (p_lat BETWEEN -90 AND 90) OR NOT (p_long BETWEEN -180 AND 180) THEN
        RAISE EXCEPTION 'lat % and long % are not WGS84 degrees', COALESCE(p_lat::text, 'NULL'),
            COALESCE(p_long::text, 'NULL') USING ERRCODE = 'check_violation';
    END IF;
    c := citygrid.case_report_core(citygrid.actor(), clock_timestamp(), false, '公众举报', svc.kind, svc.class_code,
                                   p_description,
                                   ST_Transform(ST_SetSRID(ST_MakePoint(p_long, p_lat), 4326), citygrid.store_srid()),
                                   p_address, p_reporter, NULL, p_media_url, NULL, p_reporter_phone, false, NULL, NULL);
    INSERT INTO citygrid.open311_case (case_id, client_id, login, at)
    VALUES (c.id, app.id, citygrid.actor(), clock_timestamp());
    INSERT INTO citygrid.open311_rate AS r (client_id, minute, n) VALUES (app.id, minute_, 1)
        ON CONFLICT (client_id, minute) DO UPDATE SET n = r.n + 1
        RETURNING n INTO used;
    IF used > app.rate_per_minute THEN
        RAISE EXCEPTION 'app % has reached its limit of % new reports per minute: try again in a minute',
            app.name, app.rate_per_minute USING ERRCODE = 'CG429';
    END IF;
    IF used = 1 THEN   -- a new minute: forget this app's minutes older than an hour
        DELETE FROM citygrid.open311_rate WHERE client_id = app.id AND minute < minute_ - interval '1 hour';
    END IF;
    RETURN c.case_no;
END $$;
