-- Issue codes to a community's uncoded grids: serials west→east, north→south in bands of grid_band_m
-- metres from the community's northern edge, after the highest ever issued (a code is never reused);
-- links new grids to the retired grids they replace. Runs with the owner's rights (internal mode).
-- A community has at most 999 serials: when its uncoded grids and the serials it has already issued
-- (retired ones included) are more, nothing is coded and the refusal names the community and the count.
CREATE OR REPLACE FUNCTION citygrid.assign_grid_codes(p_district text, p_street text, p_community text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    band double precision := citygrid.setting_float('grid_band_m', 100);
    ymax double precision;
    next_serial integer;
    issued integer;
    uncoded integer;
    n integer := 0;
    g record;
    r record;
    shared double precision;
    full_code text := p_district || p_street || p_community;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('citygrid.grid.' || full_code));
    SELECT count(*) FILTER (WHERE code IS NULL), COALESCE(max(serial), 0) INTO uncoded, issued FROM citygrid.grid
     WHERE district_code = p_district AND street_code = p_street AND community_code = p_community;
    IF uncoded = 0 THEN
        RETURN 0;
    END IF;
    IF issued + uncoded > 999 THEN
        IF issued > 0 THEN
            RAISE EXCEPTION 'community % has % grids; at most 999 per community: split it (% serials already issued, codes are never reused)',
                full_code, issued + uncoded, issued
                USING ERRCODE = 'check_violation', HINT = 'split the community or renumber it as a new community';
        END IF;
        RAISE EXCEPTION 'community % has % grids; at most 999 per community: split it', full_code, uncoded
            USING ERRCODE = 'check_violation', HINT = 'split the community or renumber it as a new community';
    END IF;
    SELECT ST_YMax(boundary) INTO ymax FROM citygrid.community
     WHERE district_code = p_district AND street_code = p_street AND code = p_community;
    next_serial := issued + 1;
    PERFORM citygrid.set_internal(true);
    FOR g IN
        SELECT id, geom FROM citygrid.grid
         WHERE code IS NULL AND district_code = p_district AND street_code = p_street AND community_code = p_community
         ORDER BY floor((ymax - ST_Y(ST_Centroid(geom))) / band), ST_X(ST_Centroid(geom)),
                  ST_Y(ST_Centroid(geom)) DESC, id
    LOOP
        UPDATE citygrid.grid SET serial = next_serial, code = full_code || lpad(next_serial::text, 3, '0')
         WHERE id = g.id;
        -- link to retired grids of this community that this grid replaces (not yet fully succeeded)
        FOR r IN
            SELECT id, code, geom, area_m2, successor_cover FROM citygrid.grid
             WHERE retired_at IS NOT NULL AND district_code = p_district AND street_code = p_street
               AND community_code = p_community AND successor_cover < area_m2 - 1.0
               AND ST_Intersects(geom, g.geom)
        LOOP
            shared := ST_Area(ST_Intersection(r.geom, g.geom));
            IF shared >= 1.0 THEN
                UPDATE citygrid.grid SET successors = array_append(successors, full_code || lpad(next_serial::text, 3, '0')),
                                         successor_cover = successor_cover + shared
                 WHERE id = r.id;
                UPDATE citygrid.grid SET predecessors = array_append(predecessors, r.code) WHERE id = g.id;
            END IF;
        END LOOP;
        next_serial := next_serial + 1;
        n := n + 1;
    END LOOP;
    PERFORM citygrid.set_internal(false);
    RETURN n;
END $$;
