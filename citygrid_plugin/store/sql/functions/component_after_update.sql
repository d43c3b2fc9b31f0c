-- Component history: every new version (and retirement) appends the old row to component_history.
CREATE OR REPLACE FUNCTION citygrid.component_after_update() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
BEGIN
    IF NEW.version <> OLD.version OR NEW.retired_at IS DISTINCT FROM OLD.retired_at THEN
        INSERT INTO citygrid.component_history (component_id, code, action, old_values)
        VALUES (OLD.id, OLD.code,
                CASE WHEN NEW.retired_at IS NOT NULL AND OLD.retired_at IS NULL THEN 'retired'
                     WHEN NEW.code IS DISTINCT FROM OLD.code THEN 'recoded' ELSE 'updated' END,
                to_jsonb(OLD) - 'geom' || jsonb_build_object('wkt', ST_AsText(OLD.geom)));
    END IF;
    RETURN NULL;
END $$;
