-- Replay a report of the past (the demo generator, a migration from a legacy system): the store
-- owner only, with the time it happened (not in the future) and the login that reported it
-- (NULL: the owner). The case and its audit row are marked replayed.
CREATE OR REPLACE FUNCTION citygrid.case_replay_report(p_actor text, p_at timestamptz, p_source text, p_kind text,
        p_class text, p_description text, p_geom geometry, p_address text DEFAULT NULL, p_reporter text DEFAULT NULL,
        p_component text DEFAULT NULL, p_photo text DEFAULT NULL, p_observed_at timestamptz DEFAULT NULL,
        p_reporter_phone text DEFAULT NULL, p_urgent boolean DEFAULT false, p_external_id text DEFAULT NULL,
        p_accuracy real DEFAULT NULL)
    RETURNS citygrid.work_case
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
BEGIN
    PERFORM citygrid.check_replay(p_actor, p_at);
    RETURN citygrid.case_report_core(COALESCE(p_actor, citygrid.actor()), p_at, true, p_source, p_kind, p_class,
                                     p_description, p_geom, p_address, p_reporter, p_component, p_photo, p_observed_at,
                                     p_reporter_phone, p_urgent, p_external_id, p_accuracy);
END $$;
