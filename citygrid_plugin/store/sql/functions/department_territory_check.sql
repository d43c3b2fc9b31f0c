-- A territory is a street (district + street code, 9 digits) or a community (12 digits) of the store.
CREATE OR REPLACE FUNCTION citygrid.department_territory_check() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF length(NEW.area_code) = 9 AND NOT EXISTS (
            SELECT 1 FROM citygrid.street WHERE full_code = NEW.area_code) THEN
        RAISE EXCEPTION 'there is no street % (district + street code, 9 digits)', NEW.area_code
            USING ERRCODE = 'foreign_key_violation';
    ELSIF length(NEW.area_code) = 12 AND NOT EXISTS (
            SELECT 1 FROM citygrid.community WHERE full_code = NEW.area_code) THEN
        RAISE EXCEPTION 'there is no community % (district + street + community code, 12 digits)', NEW.area_code
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END $$;
