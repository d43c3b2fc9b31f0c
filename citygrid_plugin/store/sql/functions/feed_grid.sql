-- A district's unit grid into its feed (citygrid_feed.grid): code, shape, retired or not.
CREATE OR REPLACE FUNCTION citygrid.feed_grid() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    d text := citygrid.platform_feed_code();
BEGIN
    IF d IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        DELETE FROM citygrid_feed.grid WHERE district_code = d AND id = OLD.id;
        RETURN NULL;
    END IF;
    INSERT INTO citygrid_feed.grid AS f (district_code, id, code, geom, retired_at)
    VALUES (d, NEW.id, NEW.code, NEW.geom, NEW.retired_at)
    ON CONFLICT (district_code, id) DO UPDATE SET code = EXCLUDED.code, geom = EXCLUDED.geom,
                                                  retired_at = EXCLUDED.retired_at;
    RETURN NULL;
END $$;
