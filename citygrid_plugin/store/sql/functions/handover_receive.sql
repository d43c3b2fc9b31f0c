-- Trigger on citygrid_handover.handover (ENABLE ALWAYS: it fires in the replication worker that
-- applies the city's rows): take the hand-over (handover_take) when this store is a district.
CREATE OR REPLACE FUNCTION citygrid.handover_receive() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
BEGIN
    PERFORM citygrid.handover_take(NEW.id);
    RETURN NULL;
END $$;
