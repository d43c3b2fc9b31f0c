-- Patrol coverage (巡查覆盖) of day p_day (Asia/Shanghai): per supervisor and unit grid, the time
-- (seconds) and the distance (metres) his tracks of that day spent inside the grid — summed from
-- patrol_track_grid, computed when each track was stored — whether the grid counts as visited (store
-- settings patrol_visit_seconds, patrol_visit_metres) and whether it is one of his responsibility
-- grids that day. A track counts for the days it overlaps. Rows the caller may read (row-level
-- security of the tracks).
CREATE OR REPLACE FUNCTION citygrid.patrol_coverage(p_day date)
    RETURNS TABLE (login text, grid_code text, seconds double precision, metres double precision,
                   visited boolean, mine boolean)
    LANGUAGE sql STABLE AS $$
    WITH per_grid AS (
        SELECT t.login, tg.grid_code, sum(tg.seconds) AS seconds, sum(tg.metres) AS metres
          FROM citygrid.patrol_track t JOIN citygrid.patrol_track_grid tg ON tg.track_id = t.id
         WHERE t.started_at < ((p_day + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
           AND t.ended_at >= (p_day::timestamp AT TIME ZONE 'Asia/Shanghai')
         GROUP BY 1, 2)
    SELECT p.login, p.grid_code, p.seconds, p.metres,
           p.seconds >= citygrid.setting_float('patrol_visit_seconds', 120)
               OR p.metres >= citygrid.setting_float('patrol_visit_metres', 50),
           EXISTS (SELECT 1 FROM citygrid.supervisor_grid s WHERE s.login = p.login AND s.grid_code = p.grid_code
                      AND s.valid_from <= p_day AND (s.valid_to IS NULL OR s.valid_to >= p_day))
      FROM per_grid p $$;
