-- At the city platform: a district's case arrived or changed (replication applies it; the trigger
-- is ENABLE ALWAYS): NOTIFY qgis 'city:<district code>', as the workflow notifies 'case:<id>' at a
-- desk, so the big screen and the city's docks refresh at once instead of by their timers. One
-- payload per district and transaction (PostgreSQL folds equal notifications of a transaction): a
-- first copy of 200,000 cases is one notification. Nothing at a district (its feed is its own).
CREATE OR REPLACE FUNCTION citygrid.feed_notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM citygrid.platform WHERE kind = 'city') THEN
        PERFORM pg_notify('qgis', 'city:' || NEW.district_code);
    END IF;
    RETURN NULL;
END $$;
