-- Store a patrol track of package p_package (QField's position tracking: a LineStringM whose M is
-- the time in seconds since 1970 UTC) in the name of the logged-in supervisor, who must be the
-- package's. Checked: at least two points, time never going backwards, no jump faster than
-- 300 km/h between two points (the sync splits a track at such places first and says where), the
-- store's CRS. Its time and distance in each unit grid are computed once, here (patrol_track_grid).
-- Idempotent: a track already stored for the package (its uid) is not added again;
-- the stored track's id is returned either way. Append-only.
CREATE OR REPLACE FUNCTION citygrid.patrol_track_add(p_package uuid, p_track_uid text, p_geom geometry)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    me text := citygrid.actor();
    pkg citygrid.patrol_package;
    found_id bigint;
    bad record;
    n integer;
BEGIN
    SELECT * INTO pkg FROM citygrid.patrol_package WHERE id = p_package;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'patrol package % was not built from this store; sync it against the store it came from',
            p_package USING ERRCODE = 'no_data_found';
    END IF;
    IF pkg.login <> me AND NOT citygrid.is_superuser() THEN
        RAISE EXCEPTION 'patrol package % is %''s; sync it with his login', p_package, pkg.login
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT id INTO found_id FROM citygrid.patrol_track WHERE package_id = p_package AND track_uid = p_track_uid;
    IF FOUND THEN
        RETURN found_id;
    END IF;
    IF p_geom IS NULL OR ST_GeometryType(p_geom) <> 'ST_LineString' OR ST_Zmflag(p_geom) NOT IN (1, 3) THEN
        RAISE EXCEPTION 'track %: a track is a line with the time as M, got %', p_track_uid,
            COALESCE(GeometryType(p_geom), 'nothing') USING ERRCODE = 'check_violation';
    END IF;
    n := ST_NPoints(p_geom);
    IF n < 2 THEN
        RAISE EXCEPTION 'track %: fewer than two points', p_track_uid USING ERRCODE = 'check_violation';
    END IF;
    SELECT i, t0, t1, metres INTO bad FROM (
        SELECT d.path[1] AS i, ST_M(lag(d.geom) OVER w) AS t0, ST_M(d.geom) AS t1,
               ST_Distance(lag(d.geom) OVER w, d.geom) AS metres
          FROM ST_DumpPoints(p_geom) d WINDOW w AS (ORDER BY d.path[1])) x
     WHERE t1 < t0 OR (t1 > t0 AND metres / (t1 - t0) * 3.6 > 300) OR (t1 = t0 AND metres > 50)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'track %: at point % the time goes from % to % over % m: time backwards or a jump faster than 300 km/h',
            p_track_uid, bad.i, to_timestamp(bad.t0), to_timestamp(bad.t1), round(bad.metres::numeric)
            USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO citygrid.patrol_track (package_id, track_uid, login, started_at, ended_at, points, length_m, geom)
    VALUES (p_package, p_track_uid, pkg.login, to_timestamp(ST_M(ST_StartPoint(p_geom))),
            to_timestamp(ST_M(ST_EndPoint(p_geom))), n, ST_Length(p_geom),
            ST_SetSRID(ST_Force3DM(p_geom), citygrid.store_srid()))
    RETURNING id INTO found_id;
    -- its time and distance in each grid, segment by segment (a segment's time shared by the length
    -- of it inside the grid): linear in the points, and a walk that retraces itself counts every pass
    INSERT INTO citygrid.patrol_track_grid (track_id, grid_code, seconds, metres)
        SELECT found_id, p.code, sum(CASE WHEN p.len > 0 THEN p.dt * p.inside / p.len ELSE p.dt END), sum(p.inside)
          FROM (SELECT g.code, s.len, s.dt,
                       CASE WHEN ST_Covers(g.geom, s.geom) THEN s.len
                            ELSE ST_Length(ST_Intersection(s.geom, g.geom)) END AS inside
                  FROM (SELECT ST_Force2D(d.geom) AS geom, ST_Length(d.geom) AS len,
                               ST_M(ST_EndPoint(d.geom)) - ST_M(ST_StartPoint(d.geom)) AS dt
                          FROM ST_DumpSegments(ST_SetSRID(p_geom, citygrid.store_srid())) d) s
                  JOIN citygrid.grid g ON g.retired_at IS NULL AND g.code IS NOT NULL
                                      AND ST_Intersects(g.geom, s.geom)) p
         GROUP BY p.code;
    -- its silences of a minute or more (the coverage shows those over patrol_gap_seconds)
    INSERT INTO citygrid.patrol_track_gap (track_id, gap_start, gap_end)
        SELECT found_id, to_timestamp(ST_M(ST_StartPoint(d.geom))), to_timestamp(ST_M(ST_EndPoint(d.geom)))
          FROM ST_DumpSegments(p_geom) d
         WHERE ST_M(ST_EndPoint(d.geom)) - ST_M(ST_StartPoint(d.geom)) >= 60;
    UPDATE citygrid.patrol_package SET synced_at = clock_timestamp(), syncs = syncs + 1 WHERE id = p_package;
    RETURN found_id;
END $$;
