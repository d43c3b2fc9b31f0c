-- Keep a report of a problem already reported as an additional report of case p_case (并案), as
-- the logged-in user at the server's clock; returns its id. The same checks as a new report (the
-- login may report, the source and its reporter, sizes); the case must be open (a closed case's
-- problem that comes back is a new case). The audit gets a 'report_again' row; the case's
-- state, deadlines and version do not change. A known external id of that source adds nothing
-- and returns the additional report (or 0 when the id is a case's own).
CREATE OR REPLACE FUNCTION citygrid.case_attach_report(p_case bigint, p_source text, p_description text,
        p_geom geometry, p_address text DEFAULT NULL, p_reporter text DEFAULT NULL, p_reporter_phone text DEFAULT NULL,
        p_observed_at timestamptz DEFAULT NULL, p_external_id text DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    me text := citygrid.actor();
    c citygrid.work_case;
    src citygrid.case_source;
    new_id bigint;
BEGIN
    IF NOT COALESCE(citygrid.user_acts_as(me, 'operator') OR citygrid.user_acts_as(me, 'supervisor')
                    OR citygrid.user_acts_as(me, 'shift_leader'), false) THEN
        RAISE EXCEPTION 'user % may not attach reports to cases (operator, supervisor or shift leader)', me
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_external_id IS NOT NULL THEN
        SELECT id INTO new_id FROM citygrid.case_extra_report WHERE source = p_source AND external_id = p_external_id;
        IF FOUND THEN
            RETURN new_id;
        END IF;
        IF EXISTS (SELECT 1 FROM citygrid.work_case WHERE source = p_source AND external_id = p_external_id) THEN
            RETURN 0;
        END IF;
    END IF;
    src := citygrid.case_check_report(me, p_source, p_description, p_address, p_reporter, p_reporter_phone, p_geom);
    SELECT * INTO c FROM citygrid.work_case WHERE id = p_case FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'case % does not exist', p_case USING ERRCODE = 'no_data_found';
    END IF;
    IF c.state IN ('closed', 'cancelled') THEN
        RAISE EXCEPTION 'case % is finished (%); report the problem as a new case', c.case_no, c.state
            USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO citygrid.case_extra_report (case_id, source, description, address, reporter, phone, geom,
                                            observed_at, external_id, actor)
    VALUES (c.id, p_source, p_description, p_address, CASE WHEN btrim(COALESCE(p_reporter, '')) <> '' THEN p_reporter END,
            CASE WHEN btrim(COALESCE(p_reporter_phone, '')) <> '' THEN p_reporter_phone END,
            ST_SetSRID(p_geom, citygrid.store_srid()),
            LEAST(p_observed_at, clock_timestamp()), p_external_id, me)
    RETURNING id INTO new_id;
    PERFORM citygrid.set_internal(true);
    INSERT INTO citygrid.case_action (case_id, action, from_state, to_state, actor, role, at, data)
    VALUES (c.id, 'report_again', c.state, c.state, me, 'system', clock_timestamp(),
            jsonb_build_object('source', p_source, 'extra_report', new_id));
    PERFORM citygrid.set_internal(false);
    PERFORM pg_notify('qgis', 'case:' || c.id);
    RETURN new_id;
END $$;
