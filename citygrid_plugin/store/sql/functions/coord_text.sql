-- A coordinate for a message: one decimal for plausible coordinates, the float's short form else.
CREATE OR REPLACE FUNCTION citygrid.coord_text(v double precision) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL THEN 'NULL' WHEN abs(v) < 1e12 THEN round(v::numeric, 1)::text ELSE v::text END $$;
