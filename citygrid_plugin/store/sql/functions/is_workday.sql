-- Is d a working day? The days of the working week (store setting work_week, ISO weekdays,
-- default 1,2,3,4,5 = Monday–Friday) unless the working calendar says otherwise (holidays, and the
-- weekend days China's holiday schedule makes working days: 调休).
CREATE OR REPLACE FUNCTION citygrid.is_workday(d date) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE((SELECT is_workday FROM citygrid.work_calendar WHERE day = d),
                    extract(isodow FROM d)::integer = ANY (string_to_array(COALESCE(
                        (SELECT value FROM citygrid.store_setting WHERE key = 'work_week'), '1,2,3,4,5'), ',')::integer[])) $$;
