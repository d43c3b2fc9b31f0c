-- The working periods of one day, as (start, end) timestamps in Asia/Shanghai.
CREATE OR REPLACE FUNCTION citygrid.work_periods(d date) RETURNS TABLE (p_start timestamptz, p_end timestamptz)
    LANGUAGE sql STABLE AS $$
    SELECT (d + split_part(p, '-', 1)::time) AT TIME ZONE 'Asia/Shanghai',
           (d + split_part(p, '-', 2)::time) AT TIME ZONE 'Asia/Shanghai'
      FROM unnest(string_to_array((SELECT value FROM citygrid.store_setting WHERE key = 'work_periods'), ',')) p
     WHERE citygrid.is_workday(d)
     ORDER BY 1 $$;
