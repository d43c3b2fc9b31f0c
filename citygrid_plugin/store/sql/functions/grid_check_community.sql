-- The community a grid lies in, checked against the community boundary (5 cm tolerance).
CREATE OR REPLACE FUNCTION citygrid.grid_check_community(g citygrid.grid) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    boundary geometry;
    outside double precision;
BEGIN
    SELECT c.boundary INTO boundary FROM citygrid.community c
     WHERE c.district_code = g.district_code AND c.street_code = g.street_code AND c.code = g.community_code;
    IF boundary IS NULL THEN
        RAISE EXCEPTION 'community % has no boundary; import it before its grids',
            g.district_code || g.street_code || g.community_code USING ERRCODE = 'check_violation';
    END IF;
    IF NOT ST_CoveredBy(g.geom, ST_Buffer(boundary, 0.05)) THEN
        outside := ST_Area(ST_Difference(g.geom, boundary));
        IF outside > 0.5 THEN
            RAISE EXCEPTION 'grid % crosses the boundary of community %: % m² lie outside it',
                COALESCE(g.code, 'id ' || g.id), g.district_code || g.street_code || g.community_code,
                round(outside::numeric, 1)
                USING ERRCODE = 'check_violation',
                      HINT = 'a grid must lie inside one community; split it along the community boundary';
        END IF;
    END IF;
END $$;
