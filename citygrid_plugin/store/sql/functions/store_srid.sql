-- The store's CRS (EPSG code), chosen when the store was created.
CREATE OR REPLACE FUNCTION citygrid.store_srid() RETURNS integer
    LANGUAGE sql STABLE AS $$ SELECT value::integer FROM citygrid.store_setting WHERE key = 'srid' $$;
