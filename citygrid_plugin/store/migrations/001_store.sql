-- 001 store: PostGIS, store settings and shared helpers.
-- {{srid}} is the store's working CRS (CGCS2000 3-degree Gauss-Krüger, metres), chosen when
-- the store is created and fixed for its life: every geometry column uses it, so the
-- database itself refuses a geometry in another CRS.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE citygrid.store_setting (
    key   text PRIMARY KEY,
    value text NOT NULL
);
COMMENT ON TABLE citygrid.store_setting IS 'Store-wide settings (srid, default code profile). 库级设置';

INSERT INTO citygrid.store_setting (key, value) VALUES
    ('srid', '{{srid}}'),
    ('default_profile', '2013');

CREATE FUNCTION citygrid.store_srid() RETURNS integer
    LANGUAGE sql STABLE AS $$ SELECT value::integer FROM citygrid.store_setting WHERE key = 'srid' $$;

-- Keeps updated_at true for every client (plugin, psql, qgis_process, a future web app).
CREATE FUNCTION citygrid.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;
