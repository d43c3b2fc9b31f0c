-- A district's audit row into its feed (citygrid_feed.case_action): every action, the return
-- visits (revisit) included, without its free text (note, and a note inside data).
CREATE OR REPLACE FUNCTION citygrid.feed_action() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    d text := citygrid.platform_feed_code();
BEGIN
    IF d IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO citygrid_feed.case_action (district_code, id, case_id, action, from_state, to_state, actor, role, at,
                                           data)
    VALUES (d, NEW.id, NEW.case_id, NEW.action, NEW.from_state, NEW.to_state, NEW.actor, NEW.role, NEW.at,
            NEW.data - 'note' - 'reporter' - 'phone')
    ON CONFLICT (district_code, id) DO NOTHING;
    RETURN NULL;
END $$;
