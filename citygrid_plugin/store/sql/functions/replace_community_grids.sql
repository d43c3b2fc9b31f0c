-- Replace the grids of one community by a new set of shapes (batch coding after partitioning): shapes
-- matching an active grid (IoU >= grid_keep_iou) keep its code, unmatched active grids are retired,
-- the rest are inserted and coded. One row per input shape: its index (1-based), code and status.
CREATE OR REPLACE FUNCTION citygrid.replace_community_grids(p_district text, p_street text, p_community text, shapes geometry[])
    RETURNS TABLE (idx integer, code text, status text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    keep double precision := citygrid.setting_float('grid_keep_iou', 0.9);
    i integer;
    best record;
    matched bigint[] := '{}';
    ids bigint[] := '{}';
    states text[] := '{}';
    new_id bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('citygrid.grid.' || p_district || p_street || p_community));
    FOR i IN 1 .. COALESCE(array_length(shapes, 1), 0) LOOP
        SELECT g.id, g.geom,
               ST_Area(ST_Intersection(g.geom, shapes[i])) / NULLIF(ST_Area(ST_Union(g.geom, shapes[i])), 0) AS iou
          INTO best
          FROM citygrid.grid g
         WHERE g.retired_at IS NULL AND g.code IS NOT NULL AND g.district_code = p_district
           AND g.street_code = p_street AND g.community_code = p_community
           AND g.geom && shapes[i] AND ST_Intersects(g.geom, shapes[i]) AND NOT (g.id = ANY (matched))
         ORDER BY 3 DESC NULLS LAST LIMIT 1;
        IF FOUND AND best.iou >= keep THEN
            matched := matched || best.id;
            ids := ids || best.id;
            IF ST_Equals(best.geom, shapes[i]) THEN
                states := states || 'kept'::text;
            ELSE
                UPDATE citygrid.grid SET geom = shapes[i] WHERE id = best.id;
                states := states || 'reshaped'::text;
            END IF;
        ELSE
            ids := ids || NULL::bigint;
            states := states || 'new'::text;
        END IF;
    END LOOP;
    PERFORM citygrid.set_internal(true);
    UPDATE citygrid.grid SET retired_at = now(), retired_by = citygrid.actor(), retire_reason = 'replaced'
     WHERE retired_at IS NULL AND code IS NOT NULL AND district_code = p_district AND street_code = p_street
       AND community_code = p_community AND NOT (id = ANY (matched));
    DELETE FROM citygrid.grid WHERE code IS NULL AND district_code = p_district AND street_code = p_street
       AND community_code = p_community;
    PERFORM citygrid.set_internal(false);
    FOR i IN 1 .. COALESCE(array_length(shapes, 1), 0) LOOP
        IF ids[i] IS NULL THEN
            INSERT INTO citygrid.grid (district_code, street_code, community_code, geom)
            VALUES (p_district, p_street, p_community, shapes[i]) RETURNING id INTO new_id;
            ids[i] := new_id;
        END IF;
    END LOOP;
    PERFORM citygrid.assign_grid_codes(p_district, p_street, p_community);
    RETURN QUERY SELECT s.i, g.code, states[s.i]
                   FROM generate_subscripts(ids, 1) AS s(i) JOIN citygrid.grid g ON g.id = ids[s.i]
                  ORDER BY s.i;
END $$;
