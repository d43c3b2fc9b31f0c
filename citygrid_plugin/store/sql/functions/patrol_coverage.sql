-- Patrol coverage (巡查覆盖) of day p_day (Asia/Shanghai): per supervisor and unit grid, the time
-- (seconds) and the distance (metres) his tracks of that day spent inside the grid, whether the grid
-- counts as visited (store settings patrol_visit_seconds, patrol_visit_metres) and whether it is one
-- of his responsibility grids that day. A track piece's time comes from the track's M (the time) at
-- the piece's two ends. Rows the caller may read (row-level security of the tracks).
CREATE OR REPLACE FUNCTION citygrid.patrol_coverage(p_day date)
    RETURNS TABLE (login text, grid_code text, seconds double precision, metres double precision,
                   visited boolean, mine boolean)
    LANGUAGE sql STABLE AS $$
    WITH day_tracks AS (
        SELECT t.login, t.geom FROM citygrid.patrol_track t
         WHERE t.started_at < ((p_day + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
           AND t.ended_at >= (p_day::timestamp AT TIME ZONE 'Asia/Shanghai')),
    pieces AS (
        SELECT d.login, g.code, p.geom AS piece, d.geom AS track
          FROM day_tracks d
          JOIN citygrid.grid g ON g.retired_at IS NULL AND g.code IS NOT NULL AND ST_Intersects(g.geom, d.geom),
               LATERAL ST_Dump(ST_CollectionExtract(ST_Intersection(ST_Force2D(d.geom), g.geom), 2)) p),
    per_grid AS (
        SELECT login, code AS grid_code,
               sum(abs(ST_InterpolatePoint(track, ST_EndPoint(piece)) - ST_InterpolatePoint(track, ST_StartPoint(piece))))
                   AS seconds,
               sum(ST_Length(piece)) AS metres
          FROM pieces GROUP BY 1, 2)
    SELECT p.login, p.grid_code, p.seconds, p.metres,
           p.seconds >= citygrid.setting_float('patrol_visit_seconds', 120)
               OR p.metres >= citygrid.setting_float('patrol_visit_metres', 50),
           EXISTS (SELECT 1 FROM citygrid.supervisor_grid s WHERE s.login = p.login AND s.grid_code = p.grid_code
                      AND s.valid_from <= p_day AND (s.valid_to IS NULL OR s.valid_to >= p_day))
      FROM per_grid p $$;
