-- The deadline of stage p_stage for case c starting at start: the class-specific time limit, else
-- the default. An urgent case (紧急) runs on the urgent limit (class-specific, else the default
-- urgent one), and never longer than the normal one.
CREATE OR REPLACE FUNCTION citygrid.case_deadline(c citygrid.work_case, p_stage text, start timestamptz) RETURNS timestamptz
    LANGUAGE sql STABLE AS $$
    SELECT min(d) FROM (
        SELECT citygrid.add_work_time(start, l.amount, l.unit) AS d, l.urgent
          FROM (SELECT DISTINCT ON (l.urgent) l.*
                  FROM citygrid.case_time_limit l
                 WHERE l.kind = c.kind AND l.stage = p_stage AND (l.class_code = c.class_code OR l.class_code IS NULL)
                   AND (NOT l.urgent OR c.urgent)
                 ORDER BY l.urgent, l.class_code NULLS LAST) l) x $$;
