-- Every change of a unit grid leaves a history row: created, retired, coded, or the old and new
-- values of whatever else changed (attributes; the shape of an uncoded grid). Reshapes of coded
-- grids are logged by grid_before_update (with the intersection over union).
CREATE OR REPLACE FUNCTION citygrid.grid_after_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    old_v jsonb;
    new_v jsonb;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO citygrid.grid_history (grid_id, code, action, new_values)
        VALUES (NEW.id, NEW.code, 'created', jsonb_build_object('community', NEW.district_code || NEW.street_code || NEW.community_code,
                'area_m2', round(NEW.area_m2::numeric, 2)));
    ELSIF TG_OP = 'DELETE' THEN
        RETURN OLD;
    ELSIF OLD.retired_at IS NULL AND NEW.retired_at IS NOT NULL THEN
        INSERT INTO citygrid.grid_history (grid_id, code, action, new_values)
        VALUES (NEW.id, NEW.code, 'retired', jsonb_build_object('reason', NEW.retire_reason));
    ELSIF OLD.code IS NULL AND NEW.code IS NOT NULL THEN
        INSERT INTO citygrid.grid_history (grid_id, code, action, new_values)
        VALUES (NEW.id, NEW.code, 'coded', jsonb_build_object('serial', NEW.serial));
    ELSE
        -- any other change of a column (the shape's reshape is logged by grid_before_update): the
        -- old and new values of what changed
        SELECT jsonb_object_agg(o.key, o.value), jsonb_object_agg(o.key, n.value) INTO old_v, new_v
          FROM jsonb_each(to_jsonb(OLD) - 'geom' - 'area_m2') o
          JOIN jsonb_each(to_jsonb(NEW) - 'geom' - 'area_m2') n ON n.key = o.key
         WHERE o.value IS DISTINCT FROM n.value;
        IF old_v IS NOT NULL THEN
            INSERT INTO citygrid.grid_history (grid_id, code, action, old_values, new_values)
            VALUES (NEW.id, NEW.code, 'attributes', old_v, new_v);
        ELSIF NOT ST_Equals(OLD.geom, NEW.geom) AND OLD.code IS NULL THEN
            INSERT INTO citygrid.grid_history (grid_id, code, action, old_values, new_values)
            VALUES (NEW.id, NEW.code, 'reshaped', jsonb_build_object('area_m2', round(OLD.area_m2::numeric, 2)),
                    jsonb_build_object('area_m2', round(NEW.area_m2::numeric, 2)));
        END IF;
    END IF;
    RETURN NEW;
END $$;
