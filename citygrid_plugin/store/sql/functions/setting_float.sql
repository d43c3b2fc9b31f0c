-- A numeric store setting, or fallback when it is not set.
CREATE OR REPLACE FUNCTION citygrid.setting_float(k text, fallback double precision) RETURNS double precision
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE((SELECT value::double precision FROM citygrid.store_setting WHERE key = k), fallback) $$;
