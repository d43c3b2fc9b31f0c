-- A new unit grid: codes and history fields are the store's (cleared unless internal or an
-- administrator's legacy import); its community from its location; who and when from the store.
CREATE OR REPLACE FUNCTION citygrid.grid_before_insert() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    IF NOT citygrid.internal_on() AND NOT citygrid.import_codes_on() THEN
        -- codes are issued by the store (at commit); copies made by split tools lose theirs
        NEW.code := NULL;
        NEW.serial := NULL;
        NEW.retired_at := NULL;
        NEW.retired_by := NULL;
        NEW.retire_reason := NULL;
        NEW.successors := '{}';
        NEW.successor_cover := 0;
        NEW.predecessors := '{}';
    END IF;
    IF NEW.district_code IS NULL OR NEW.street_code IS NULL OR NEW.community_code IS NULL THEN
        SELECT district_code, street_code, code INTO c FROM citygrid.community
         WHERE ST_Intersects(boundary, ST_PointOnSurface(NEW.geom)) LIMIT 1;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'grid at (%, %) lies in no community', round(ST_X(ST_PointOnSurface(NEW.geom))::numeric, 1),
                round(ST_Y(ST_PointOnSurface(NEW.geom))::numeric, 1) USING ERRCODE = 'check_violation';
        END IF;
        NEW.district_code := c.district_code;
        NEW.street_code := c.street_code;
        NEW.community_code := c.code;
    END IF;
    PERFORM citygrid.grid_check_community(NEW);
    NEW.created_at := now();
    NEW.created_by := citygrid.actor();
    RETURN NEW;
END $$;
