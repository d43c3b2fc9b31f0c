-- Report a case (上报) as the logged-in user, at the server's clock. p_observed_at: when the
-- reporter saw the problem, for a report made offline (see case_report_core for its bounds).
CREATE OR REPLACE FUNCTION citygrid.case_report(p_source text, p_kind text, p_class text, p_description text,
        p_geom geometry, p_address text DEFAULT NULL, p_reporter text DEFAULT NULL, p_component text DEFAULT NULL,
        p_photo text DEFAULT NULL, p_observed_at timestamptz DEFAULT NULL)
    RETURNS citygrid.work_case
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
    SELECT * FROM citygrid.case_report_core(citygrid.actor(), clock_timestamp(), false, p_source, p_kind, p_class,
                                            p_description, p_geom, p_address, p_reporter, p_component, p_photo,
                                            p_observed_at) $$;
