-- Is d a working day? Monday–Friday unless the working calendar says otherwise (holidays, 调休).
CREATE OR REPLACE FUNCTION citygrid.is_workday(d date) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE((SELECT is_workday FROM citygrid.work_calendar WHERE day = d),
                    extract(isodow FROM d) < 6) $$;
