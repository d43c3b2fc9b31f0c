-- A district receives every hand-over it holds without a receipt (one that arrived with the
-- subscription's first copy, or while the store was not yet a district platform), as
-- the trigger handover_receive does for each new row (handover_take). Returns how many it received. The owner calls it
-- (`./citygrid platform link` and `platform status` do).
CREATE OR REPLACE FUNCTION citygrid.handover_sweep() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    d text := citygrid.platform_feed_code();
    h record;
    n integer := 0;
BEGIN
    IF d IS NULL THEN
        RETURN 0;
    END IF;
    FOR h IN SELECT x.* FROM citygrid_handover.handover x
              WHERE NOT EXISTS (SELECT 1 FROM citygrid_feed.handover_receipt r
                                 WHERE r.district_code = d AND r.handover_uid = x.uid)
              ORDER BY x.id LOOP
        PERFORM citygrid.handover_take(h.id);
        n := n + 1;
    END LOOP;
    RETURN n;
END $$;
