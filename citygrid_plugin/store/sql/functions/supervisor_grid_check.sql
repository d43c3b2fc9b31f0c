-- A supervisor's responsibility grid is an active unit grid and the login a supervisor.
CREATE OR REPLACE FUNCTION citygrid.supervisor_grid_check() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM citygrid.grid WHERE code = NEW.grid_code AND retired_at IS NULL) THEN
        RAISE EXCEPTION 'grid % is not an active unit grid; give the 15-digit code of a grid in use', NEW.grid_code
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF NOT COALESCE(citygrid.user_acts_as(NEW.login, 'supervisor'), false) THEN
        RAISE EXCEPTION 'user % is not a supervisor; responsibility grids are for supervisors (监督员)', NEW.login
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
