-- The supervisor whose task a case's verify (核实) or check (核查) is: the one responsible for the
-- case's grid on p_day (citygrid.supervisor_grid, with its validity), else the fallback login of the
-- store setting task_fallback, else NULL (every supervisor may take it).
CREATE OR REPLACE FUNCTION citygrid.case_assignee(p_grid text, p_day date) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE(
        (SELECT s.login FROM citygrid.supervisor_grid s
          WHERE s.grid_code = p_grid AND s.valid_from <= p_day AND (s.valid_to IS NULL OR s.valid_to >= p_day)
          ORDER BY s.valid_from DESC, s.login LIMIT 1),
        NULLIF((SELECT value FROM citygrid.store_setting WHERE key = 'task_fallback'), '')) $$;
