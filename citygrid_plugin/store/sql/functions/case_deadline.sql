-- The deadline of stage p_stage for case c starting at start, from the command manual's version
-- the case was reported under (c.manual_version; a later manual never moves it): the limit of the
-- case's situation (c.variant) for its class, else the class's limit, else the kind's default. An
-- urgent case (紧急) runs on the urgent limit (the class's, else the default urgent one), and never
-- longer than the normal one. NULL when the manual gives no limit for the stage.
CREATE OR REPLACE FUNCTION citygrid.case_deadline(c citygrid.work_case, p_stage text, start timestamptz) RETURNS timestamptz
    LANGUAGE sql STABLE AS $$
    SELECT min(d) FROM (
        SELECT citygrid.add_work_time(start, l.amount, l.unit) AS d
          FROM (SELECT DISTINCT ON (l.urgent) l.*
                  FROM citygrid.manual_limit l
                 WHERE l.kind = c.kind AND l.profile = c.profile AND l.stage = p_stage
                   AND l.from_version <= c.manual_version AND (l.to_version IS NULL OR l.to_version > c.manual_version)
                   AND (l.class_code = c.class_code OR l.class_code IS NULL)
                   AND (l.variant = '' OR l.variant = c.variant)
                   AND (NOT l.urgent OR c.urgent)
                 ORDER BY l.urgent, l.class_code NULLS LAST, (l.variant = '')) l) x $$;
