-- A district takes one hand-over from the city (citygrid_handover.handover, arrived by its
-- subscription): a case with source 市级转办 and the external id city:<id>/<first 8 digits of its
-- uid> (the uid tells a hand-over from a later one with the same id, made after the city's store
-- was restored from a backup), reported in the store's
-- own name (the source's reporter role is system: nobody can forge a city hand-over from a desk),
-- and a receipt in the feed for the city: accepted with the case, or refused with the reason
-- (outside every unit grid, an unknown class…). Exactly once: a hand-over with a receipt is not
-- taken again, and case_report_core returns the existing case for a known external id. A refusal
-- is a receipt, never an error: it must not stop the replication. Returns the receipt's status
-- (NULL: this store is not a district platform).
CREATE OR REPLACE FUNCTION citygrid.handover_take(p_id bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    d text := citygrid.platform_feed_code();
    h citygrid_handover.handover;
    c citygrid.work_case;
    msg text;
    done text;
    mode text := current_setting('session_replication_role');
BEGIN
    IF d IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT * INTO h FROM citygrid_handover.handover WHERE id = p_id;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock(7410223, hashtext(h.uid::text));
    SELECT status INTO done FROM citygrid_feed.handover_receipt WHERE district_code = d AND handover_uid = h.uid;
    IF FOUND THEN
        RETURN done;
    END IF;
    IF h.district_code IS DISTINCT FROM d THEN
        INSERT INTO citygrid_feed.handover_receipt (district_code, handover_uid, handover_id, status, message)
        VALUES (d, h.uid, p_id, 'refused', format('handed to district %s; this is district %s', h.district_code, d));
        RETURN 'refused';
    END IF;
    -- the replication worker applies in replica mode, where the store's own triggers (guards, the
    -- feed, foreign keys) do not fire: the case is made as at a desk, then the mode is restored
    IF mode <> 'origin' THEN
        PERFORM set_config('session_replication_role', 'origin', true);
    END IF;
    BEGIN
        c := citygrid.case_report_core(session_user::text, clock_timestamp(), false, '市级转办', h.kind, h.class_code,
                                       h.description, h.geom, h.address, NULL, NULL, NULL, NULL, NULL, h.urgent,
                                       'city:' || p_id || '/' || left(h.uid::text, 8), NULL);
        INSERT INTO citygrid_feed.handover_receipt (district_code, handover_uid, handover_id, status, case_id, case_no)
        VALUES (d, h.uid, p_id, 'accepted', c.id, c.case_no);
        IF mode <> 'origin' THEN
            PERFORM set_config('session_replication_role', mode, true);
        END IF;
        RETURN 'accepted';
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
        INSERT INTO citygrid_feed.handover_receipt (district_code, handover_uid, handover_id, status, message)
        VALUES (d, h.uid, p_id, 'refused', msg);
        IF mode <> 'origin' THEN
            PERFORM set_config('session_replication_role', mode, true);
        END IF;
        RETURN 'refused';
    END;
END $$;
