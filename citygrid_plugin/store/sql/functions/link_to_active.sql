-- Link a retired grid to the coded active grids overlapping it (>= 1 m²). Caller sets internal.
CREATE OR REPLACE FUNCTION citygrid.link_to_active(retired_id bigint) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    r citygrid.grid;
    a record;
BEGIN
    SELECT * INTO r FROM citygrid.grid WHERE id = retired_id;
    FOR a IN
        SELECT g.id, g.code, ST_Area(ST_Intersection(g.geom, r.geom)) AS shared
          FROM citygrid.grid g
         WHERE g.retired_at IS NULL AND g.code IS NOT NULL AND g.id <> r.id
           AND g.geom && r.geom AND ST_Intersects(g.geom, r.geom)
    LOOP
        IF a.shared >= 1.0 AND NOT (a.code = ANY (r.successors)) THEN
            UPDATE citygrid.grid SET successors = array_append(successors, a.code),
                                     successor_cover = successor_cover + a.shared WHERE id = r.id;
            UPDATE citygrid.grid SET predecessors = array_append(predecessors, r.code) WHERE id = a.id;
            r.successors := array_append(r.successors, a.code);
        END IF;
    END LOOP;
END $$;
