-- When case c entered its current state (the last action that moved it there; its report time when
-- none did): the evidence an action needs is a photo added since then.
CREATE OR REPLACE FUNCTION citygrid.case_state_since(c citygrid.work_case) RETURNS timestamptz
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE((SELECT max(a.at) FROM citygrid.case_action a
                      WHERE a.case_id = c.id AND a.to_state = c.state AND a.from_state IS DISTINCT FROM a.to_state),
                    c.reported_at) $$;
