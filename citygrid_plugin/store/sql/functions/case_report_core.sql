-- Report a case (上报): checked, located in its grid, numbered, audited, announced. The body of
-- citygrid.case_report (the logged-in user, the server's clock) and citygrid.case_replay_report
-- (the store owner replaying history: its own actor and time, marked replayed). Nobody but the
-- owner may call it directly (roles.sql grants it to no one).
--   p_actor        the login recorded as reporter (checked: a case role, or the Open311 service's for 公众举报;
--                  the source's role)
--   p_at           the report time (the server's clock, except in a replay)
--   p_observed_at  when the reporter saw the problem (a field report made offline): kept in
--                  observed_at, at most 5 minutes after p_at (clocks drift) and at most
--                  observed_max_days (store setting, default 3) before it; never a deadline
--   p_reporter, p_reporter_phone  the reporter's name and phone, kept in case_reporter (read by the
--                  supervision centre only); a source that needs_reporter refuses a report without both
--   p_urgent       紧急: the case runs on the urgent time limits
--   p_accuracy     the handheld's horizontal accuracy of the position, metres (0 to 10,000), kept
--   p_external_id  the case's number in the system it came from: a report whose source already holds
--                  that number (as a case or an additional report) adds nothing and returns that case
-- The case records the command manual's version in force (manual_version): its deadlines come from
-- that version for its whole life. When the manual gives a limit for 受理 (accept), it runs from now.
-- Texts have limits that fit the job: description and note 4,000 characters, address 500,
-- reporter 200, photo link 2,000.
CREATE OR REPLACE FUNCTION citygrid.case_report_core(p_actor text, p_at timestamptz, p_replayed boolean,
        p_source text, p_kind text, p_class text, p_description text, p_geom geometry,
        p_address text, p_reporter text, p_component text, p_photo text, p_observed_at timestamptz,
        p_reporter_phone text, p_urgent boolean, p_external_id text, p_accuracy real DEFAULT NULL)
    RETURNS citygrid.work_case
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    g record;
    c citygrid.work_case;
    src citygrid.case_source;
    known boolean;
    max_days double precision := citygrid.setting_float('observed_max_days', 3);
BEGIN
    IF NOT COALESCE(citygrid.user_acts_as(p_actor, 'operator') OR citygrid.user_acts_as(p_actor, 'supervisor')
                    OR citygrid.user_acts_as(p_actor, 'shift_leader') OR citygrid.user_acts_as(p_actor, 'dispatcher')
                    OR citygrid.user_acts_as(p_actor, 'department')
                    -- the Open311 service's login reports the public's reports (open311_report), nothing else
                    OR (p_source = '公众举报' AND citygrid.user_acts_as(p_actor, 'open311')), false) THEN
        RAISE EXCEPTION 'user % may not report cases (needs a case role: operator, supervisor, shift leader, dispatcher or department)',
            p_actor USING ERRCODE = 'insufficient_privilege';
    END IF;
    src := citygrid.case_check_report(p_actor, p_source, p_description, p_address, p_reporter, p_reporter_phone,
                                      p_geom);
    IF p_external_id IS NOT NULL THEN
        IF NOT COALESCE(citygrid.user_acts_as(p_actor, 'operator') OR citygrid.user_acts_as(p_actor, 'shift_leader')
                        OR citygrid.user_acts_as(p_actor, 'supervisor'), false) THEN
            RAISE EXCEPTION 'work-order numbers (external ids) are recorded by the supervision centre: operator, shift leader or supervisor'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF length(p_external_id) > 100 OR btrim(p_external_id) = '' THEN
            RAISE EXCEPTION 'the external id % is not usable: 1 to 100 characters', quote_literal(p_external_id)
                USING ERRCODE = 'check_violation';
        END IF;
        SELECT * INTO c FROM citygrid.work_case w
         WHERE w.source = p_source AND w.external_id = p_external_id
            OR w.id = (SELECT e.case_id FROM citygrid.case_extra_report e
                        WHERE e.source = p_source AND e.external_id = p_external_id);
        IF FOUND THEN
            RETURN c;    -- known already: a re-import adds nothing
        END IF;
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('event', 'component') THEN
        RAISE EXCEPTION 'a case is of kind event or component, got %', COALESCE(p_kind, 'nothing')
            USING ERRCODE = 'check_violation';
    END IF;
    IF p_accuracy IS NOT NULL AND NOT (p_accuracy >= 0 AND p_accuracy <= 10000) THEN
        RAISE EXCEPTION 'position accuracy % m is not plausible: 0 to 10000 metres', p_accuracy
            USING ERRCODE = 'check_violation';
    END IF;
    IF length(p_photo) > 2000 THEN
        RAISE EXCEPTION 'the photo link has % characters; at most 2000', length(p_photo) USING ERRCODE = 'check_violation';
    END IF;
    IF p_observed_at IS NOT NULL AND (p_observed_at > p_at + interval '5 minutes'
                                      OR p_observed_at < p_at - make_interval(secs => max_days * 86400)) THEN
        RAISE EXCEPTION 'observed time % is not plausible: it must lie between % days before the report and its time (%)',
            to_char(p_observed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), max_days,
            to_char(p_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') USING ERRCODE = 'check_violation',
            HINT = 'check the handheld''s clock';
    END IF;
    SELECT code INTO g FROM citygrid.grid WHERE retired_at IS NULL AND code IS NOT NULL
       AND ST_Intersects(geom, p_geom) LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'case at (%, %) lies outside every unit grid', citygrid.coord_text(ST_X(p_geom)),
            citygrid.coord_text(ST_Y(p_geom)) USING ERRCODE = 'check_violation',
            HINT = 'check the position and its CRS: cases are reported inside the unit grids';
    END IF;
    IF p_component IS NOT NULL AND (p_kind <> 'component' OR NOT EXISTS (
            SELECT 1 FROM citygrid.component WHERE code = p_component AND class_code = p_class AND retired_at IS NULL)) THEN
        RAISE EXCEPTION 'component % is not an active component of class % (a component case names its component and its class)',
            p_component, p_class USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF p_kind = 'event' THEN
        SELECT true INTO known FROM citygrid.event_class e JOIN citygrid.district d ON d.profile = e.profile
         WHERE d.code = left(g.code, 6) AND e.code = p_class;
    ELSE
        SELECT true INTO known FROM citygrid.component_class e JOIN citygrid.district d ON d.profile = e.profile
         WHERE d.code = left(g.code, 6) AND e.code = p_class;
    END IF;
    IF known IS NULL THEN
        RAISE EXCEPTION '% class % is not in the district''s code profile', p_kind, p_class
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    PERFORM citygrid.set_internal(true);
    INSERT INTO citygrid.work_case (case_no, source, kind, profile, class_code, component_code, description, address,
                                    photo, geom, grid_code, district_code, street_code, community_code,
                                    state, reported_at, updated_at, updated_by, trusted, replayed, observed_at,
                                    urgent, external_id, manual_version, accuracy_m)
    VALUES (to_char(p_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || citygrid.case_serial(),
            p_source, p_kind, (SELECT profile FROM citygrid.district WHERE code = left(g.code, 6)), p_class,
            p_component, p_description, p_address, p_photo, ST_SetSRID(p_geom, citygrid.store_srid()),
            g.code, left(g.code, 6), substr(g.code, 7, 3), substr(g.code, 10, 3), 'reported', p_at, p_at, p_actor,
            src.trusted, p_replayed, p_observed_at, COALESCE(p_urgent, false), p_external_id,
            (SELECT max(v.version) FROM citygrid.manual_version v), p_accuracy)
    RETURNING * INTO c;
    c.stage_deadline := citygrid.case_deadline(c, 'accept', p_at);
    IF c.stage_deadline IS NOT NULL THEN
        UPDATE citygrid.work_case SET stage = 'accept', stage_deadline = c.stage_deadline WHERE id = c.id
        RETURNING * INTO c;
    END IF;
    IF btrim(COALESCE(p_reporter, '')) <> '' OR btrim(COALESCE(p_reporter_phone, '')) <> '' THEN
        INSERT INTO citygrid.case_reporter (case_id, name, phone)
        VALUES (c.id, CASE WHEN btrim(COALESCE(p_reporter, '')) <> '' THEN p_reporter END,  -- kept verbatim
                CASE WHEN btrim(COALESCE(p_reporter_phone, '')) <> '' THEN p_reporter_phone END);
    END IF;
    INSERT INTO citygrid.case_action (case_id, action, from_state, to_state, actor, role, at, data, replayed)
    VALUES (c.id, 'report', NULL, 'reported', p_actor, 'system', p_at, jsonb_build_object('source', p_source) || CASE WHEN p_urgent THEN '{"urgent": true}'::jsonb ELSE '{}' END, p_replayed);
    PERFORM citygrid.set_internal(false);
    PERFORM pg_notify('qgis', 'case:' || c.id);
    RETURN c;
END $$;
