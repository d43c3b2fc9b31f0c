-- The division code under which this store feeds the city (its code when it is a district
-- platform), else NULL: the feed triggers do nothing in a store on its own or at the city.
CREATE OR REPLACE FUNCTION citygrid.platform_feed_code() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = citygrid, pg_temp AS $$
    SELECT code FROM citygrid.platform WHERE kind = 'district' $$;
