-- Act on a case as the logged-in user, at the server's clock (see case_act_core). p_version is
-- the version the client saw; p_data carries the inputs the action needs (department, hours).
CREATE OR REPLACE FUNCTION citygrid.case_act(p_case bigint, p_action text, p_role text, p_version integer,
        p_note text DEFAULT NULL, p_data jsonb DEFAULT '{}')
    RETURNS citygrid.work_case
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
    SELECT * FROM citygrid.case_act_core(citygrid.actor(), clock_timestamp(), false, p_case, p_action, p_role,
                                         p_version, p_note, p_data) $$;
