-- A supervisor's responsibility grid is an active unit grid, the login a supervisor, and one
-- supervisor answers for a grid on any day: a period that overlaps another supervisor's period of
-- the same grid is refused (end that one first: set its valid_to).
CREATE OR REPLACE FUNCTION citygrid.supervisor_grid_check() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    other record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM citygrid.grid WHERE code = NEW.grid_code AND retired_at IS NULL) THEN
        RAISE EXCEPTION 'grid % is not an active unit grid; give the 15-digit code of a grid in use', NEW.grid_code
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF NOT COALESCE(citygrid.user_acts_as(NEW.login, 'supervisor'), false) THEN
        RAISE EXCEPTION 'user % is not a supervisor; responsibility grids are for supervisors (监督员)', NEW.login
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT s.login, s.valid_from, s.valid_to INTO other FROM citygrid.supervisor_grid s
     WHERE s.grid_code = NEW.grid_code AND s.login <> NEW.login
       AND daterange(s.valid_from, s.valid_to, '[]') && daterange(NEW.valid_from, NEW.valid_to, '[]')
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'grid % already has supervisor % from % to %; one supervisor answers for a grid at a time: end that period first',
            NEW.grid_code, other.login, other.valid_from, COALESCE(other.valid_to::text, 'open')
            USING ERRCODE = 'exclusion_violation';
    END IF;
    RETURN NEW;
END $$;
