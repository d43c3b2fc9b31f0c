-- A district's divisions (district, street, community) into its feed (citygrid_feed.division),
-- by full code. One function for the three tables (TG_TABLE_NAME tells which).
CREATE OR REPLACE FUNCTION citygrid.feed_division() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    d text := citygrid.platform_feed_code();
    old_code text;
    new_code text;
    new_row jsonb;
BEGIN
    IF d IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        old_code := CASE TG_TABLE_NAME WHEN 'district' THEN to_jsonb(OLD) ->> 'code'
                                       ELSE to_jsonb(OLD) ->> 'full_code' END;
        DELETE FROM citygrid_feed.division WHERE district_code = d AND level = TG_TABLE_NAME AND code = old_code;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        new_row := to_jsonb(NEW);
        new_code := CASE TG_TABLE_NAME WHEN 'district' THEN new_row ->> 'code'
                    WHEN 'street' THEN (new_row ->> 'district_code') || (new_row ->> 'code')
                    ELSE (new_row ->> 'district_code') || (new_row ->> 'street_code') || (new_row ->> 'code') END;
        INSERT INTO citygrid_feed.division (district_code, level, code, name, boundary)
        VALUES (d, TG_TABLE_NAME, new_code, new_row ->> 'name', NEW.boundary)
        ON CONFLICT (district_code, level, code) DO UPDATE SET name = EXCLUDED.name, boundary = EXCLUDED.boundary;
    END IF;
    RETURN NULL;
END $$;
