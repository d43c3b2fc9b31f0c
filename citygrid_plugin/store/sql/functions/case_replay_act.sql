-- Replay an action of the past (the demo generator, a migration from a legacy system): the
-- store owner only, with the time it happened (not in the future, not before the case's last
-- change) and the login that acted (NULL: the owner). The audit row is marked replayed.
CREATE OR REPLACE FUNCTION citygrid.case_replay_act(p_actor text, p_at timestamptz, p_case bigint, p_action text,
        p_role text, p_version integer, p_note text DEFAULT NULL, p_data jsonb DEFAULT '{}')
    RETURNS citygrid.work_case
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
BEGIN
    PERFORM citygrid.check_replay(p_actor, p_at);
    RETURN citygrid.case_act_core(COALESCE(p_actor, citygrid.actor()), p_at, true, p_case, p_action, p_role,
                                  p_version, p_note, p_data);
END $$;
