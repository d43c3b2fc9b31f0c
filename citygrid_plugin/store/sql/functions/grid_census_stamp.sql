-- The census progress flag of a grid: who last marked it surveyed and when are the store's
-- (session_user, the server's clock); clearing the flag clears them.
CREATE OR REPLACE FUNCTION citygrid.grid_census_stamp() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.surveyed THEN
        NEW.surveyed_at := now();
        NEW.surveyed_by := citygrid.actor();
    ELSE
        NEW.surveyed_at := NULL;
        NEW.surveyed_by := NULL;
    END IF;
    RETURN NEW;
END $$;
