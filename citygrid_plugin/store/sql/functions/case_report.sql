-- Report a case (上报) as the logged-in user, at the server's clock. p_observed_at: when the
-- reporter saw the problem, for a report made offline; p_reporter / p_reporter_phone: who called
-- (public channels need both); p_urgent: 紧急; p_external_id: its number in the system it came
-- from (a re-import adds nothing); p_accuracy: the handheld's horizontal accuracy of the position
-- (metres). See case_report_core.
CREATE OR REPLACE FUNCTION citygrid.case_report(p_source text, p_kind text, p_class text, p_description text,
        p_geom geometry, p_address text DEFAULT NULL, p_reporter text DEFAULT NULL, p_component text DEFAULT NULL,
        p_photo text DEFAULT NULL, p_observed_at timestamptz DEFAULT NULL, p_reporter_phone text DEFAULT NULL,
        p_urgent boolean DEFAULT false, p_external_id text DEFAULT NULL, p_accuracy real DEFAULT NULL)
    RETURNS citygrid.work_case
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
    SELECT * FROM citygrid.case_report_core(citygrid.actor(), clock_timestamp(), false, p_source, p_kind, p_class,
                                            p_description, p_geom, p_address, p_reporter, p_component, p_photo,
                                            p_observed_at, p_reporter_phone, p_urgent, p_external_id, p_accuracy) $$;
