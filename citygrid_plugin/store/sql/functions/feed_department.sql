-- A district's department into its feed (citygrid_feed.department): code, name, kind, active
-- (not its phone or contact).
CREATE OR REPLACE FUNCTION citygrid.feed_department() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    d text := citygrid.platform_feed_code();
BEGIN
    IF d IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        DELETE FROM citygrid_feed.department WHERE district_code = d AND code = OLD.code;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO citygrid_feed.department (district_code, code, name, kind, active)
        VALUES (d, NEW.code, NEW.name, NEW.kind, NEW.active)
        ON CONFLICT (district_code, code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                                                        active = EXCLUDED.active;
    END IF;
    RETURN NULL;
END $$;
