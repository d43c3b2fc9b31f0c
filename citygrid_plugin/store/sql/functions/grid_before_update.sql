-- A unit grid's update by a client: codes, history fields and who/when are the store's (created_*
-- are kept as they were); an attribute change is logged by grid_after_change; a reshape within
-- grid_keep_iou keeps the code (logged 'reshaped'), a larger one retires the grid and inserts the
-- new shape, which gets the next code at commit.
CREATE OR REPLACE FUNCTION citygrid.grid_before_update() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    keep double precision := citygrid.setting_float('grid_keep_iou', 0.9);
    iou double precision;
    new_id bigint;
BEGIN
    IF citygrid.internal_on() THEN
        RETURN NEW;
    END IF;
    IF OLD.retired_at IS NOT NULL THEN
        RAISE EXCEPTION 'grid % is retired (%); history cannot be edited', OLD.code, OLD.retired_at
            USING ERRCODE = 'check_violation';
    END IF;
    NEW.created_at := OLD.created_at;   -- who and when are the store's
    NEW.created_by := OLD.created_by;
    IF NEW.code IS DISTINCT FROM OLD.code OR NEW.serial IS DISTINCT FROM OLD.serial THEN
        RAISE EXCEPTION 'grid codes are issued by the store; grid % cannot be given code %', OLD.code, NEW.code
            USING ERRCODE = 'check_violation', HINT = 'edit the shape; the store re-codes changed grids on save';
    END IF;
    IF (NEW.retired_at, NEW.retired_by, NEW.retire_reason, NEW.predecessors, NEW.successors, NEW.successor_cover)
       IS DISTINCT FROM (OLD.retired_at, OLD.retired_by, OLD.retire_reason, OLD.predecessors, OLD.successors,
                         OLD.successor_cover) THEN
        RAISE EXCEPTION 'grid history fields are maintained by the store'
            USING ERRCODE = 'check_violation', HINT = 'delete a grid to retire it';
    END IF;
    IF (NEW.district_code, NEW.street_code, NEW.community_code) IS DISTINCT FROM
       (OLD.district_code, OLD.street_code, OLD.community_code) AND ST_Equals(NEW.geom, OLD.geom) THEN
        RAISE EXCEPTION 'grid % cannot move to another community without a new shape', OLD.code
            USING ERRCODE = 'check_violation';
    END IF;
    IF ST_Equals(NEW.geom, OLD.geom) THEN
        RETURN NEW;  -- attributes only (name, land use, note)
    END IF;
    IF OLD.code IS NULL THEN
        PERFORM citygrid.grid_check_community(NEW);
        RETURN NEW;  -- not coded yet: just a new shape
    END IF;
    iou := ST_Area(ST_Intersection(NEW.geom, OLD.geom)) / NULLIF(ST_Area(ST_Union(NEW.geom, OLD.geom)), 0);
    IF iou >= keep AND (NEW.district_code, NEW.street_code, NEW.community_code)
                       = (OLD.district_code, OLD.street_code, OLD.community_code) THEN
        PERFORM citygrid.grid_check_community(NEW);
        INSERT INTO citygrid.grid_history (grid_id, code, action, old_values, new_values)
        VALUES (OLD.id, OLD.code, 'reshaped', jsonb_build_object('area_m2', round(OLD.area_m2::numeric, 2), 'wkt', ST_AsText(OLD.geom)),
                jsonb_build_object('area_m2', round(ST_Area(NEW.geom)::numeric, 2), 'iou', round(iou::numeric, 4)));
        RETURN NEW;
    END IF;
    -- A new grid: the old row is retired with its code and shape; the new shape is inserted
    -- uncoded and receives the next serial at commit.
    INSERT INTO citygrid.grid (district_code, street_code, community_code, name, land_use, note, geom)
    VALUES (NEW.district_code, NEW.street_code, NEW.community_code, NEW.name, NEW.land_use, NEW.note, NEW.geom)
    RETURNING id INTO new_id;
    PERFORM citygrid.set_internal(true);
    UPDATE citygrid.grid SET retired_at = now(), retired_by = citygrid.actor(), retire_reason = 'reshaped'
     WHERE id = OLD.id;
    PERFORM citygrid.set_internal(false);
    RETURN NULL;  -- the row itself was retired above; skip the client's update
END $$;
