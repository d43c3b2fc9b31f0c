-- Deleting a component retires it (the row and its code stay: a code is never reused).
CREATE OR REPLACE FUNCTION citygrid.component_before_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
BEGIN
    IF citygrid.internal_on() THEN
        RETURN OLD;
    END IF;
    IF OLD.retired_at IS NOT NULL THEN
        RAISE EXCEPTION 'component % is retired; history cannot be deleted', OLD.code USING ERRCODE = 'check_violation';
    END IF;
    PERFORM citygrid.set_internal(true);
    UPDATE citygrid.component SET retired_at = now(), retired_by = citygrid.actor(), version = version + 1,
                                  change_date = current_date, updated_at = now(), updated_by = citygrid.actor()
     WHERE id = OLD.id;
    PERFORM citygrid.set_internal(false);
    RETURN NULL;  -- retired, not deleted: the code is never reused
END $$;
