-- The deadline of stage p_stage for case c starting at start: the class-specific time limit, else the default.
CREATE OR REPLACE FUNCTION citygrid.case_deadline(c citygrid.work_case, p_stage text, start timestamptz) RETURNS timestamptz
    LANGUAGE sql STABLE AS $$
    SELECT citygrid.add_work_time(start, l.amount, l.unit)
      FROM citygrid.case_time_limit l
     WHERE l.kind = c.kind AND l.stage = p_stage AND (l.class_code = c.class_code OR l.class_code IS NULL)
     ORDER BY l.class_code NULLS LAST LIMIT 1 $$;
