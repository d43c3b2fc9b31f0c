-- Deleting a coded grid retires it (its code is never reused) and links it to the grids now covering it;
-- uncoded grids were never published and are really deleted.
CREATE OR REPLACE FUNCTION citygrid.grid_before_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
BEGIN
    IF citygrid.internal_on() OR OLD.code IS NULL THEN
        RETURN OLD;  -- uncoded grids were never published: really delete
    END IF;
    IF OLD.retired_at IS NOT NULL THEN
        RAISE EXCEPTION 'grid % is retired; history cannot be deleted', OLD.code USING ERRCODE = 'check_violation';
    END IF;
    PERFORM citygrid.set_internal(true);
    UPDATE citygrid.grid SET retired_at = now(), retired_by = citygrid.actor(), retire_reason = 'deleted'
     WHERE id = OLD.id;
    -- merged away: the active grids now covering it are its successors (QGIS commits the merged
    -- shape before the deletes, so the survivor already exists)
    PERFORM citygrid.link_to_active(OLD.id);
    PERFORM citygrid.set_internal(false);
    RETURN NULL;  -- retired instead of deleted: a code is never reused
END $$;
