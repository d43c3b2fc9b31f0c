-- Codes for grids inserted by a client are issued at commit (deferred constraint trigger).
CREATE OR REPLACE FUNCTION citygrid.grid_assign_at_commit() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM citygrid.grid WHERE id = NEW.id AND code IS NULL) THEN
        PERFORM citygrid.assign_grid_codes(NEW.district_code, NEW.street_code, NEW.community_code);
    END IF;
    RETURN NULL;
END $$;
