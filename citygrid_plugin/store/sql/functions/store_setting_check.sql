-- The settings the workflow computes with are checked when written: work_periods (working hours
-- of a working day, "08:30-12:00,13:30-17:30": times, each period ending after it starts, in order,
-- not overlapping) and work_week (ISO weekdays 1–7 that are working days by default, "1,2,3,4,5").
-- A wrong value would stop every deadline; it is refused with what to write instead.
CREATE OR REPLACE FUNCTION citygrid.store_setting_check() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    p text;
    a time;
    b time;
    last time := NULL;
BEGIN
    IF NEW.key = 'work_periods' THEN
        IF NEW.value !~ '^\s*[0-9]{1,2}:[0-9]{2}\s*-\s*[0-9]{1,2}:[0-9]{2}\s*(,\s*[0-9]{1,2}:[0-9]{2}\s*-\s*[0-9]{1,2}:[0-9]{2}\s*)*$' THEN
            RAISE EXCEPTION 'working periods % are not periods like 08:30-12:00,13:30-17:30', quote_literal(NEW.value)
                USING ERRCODE = 'check_violation';
        END IF;
        FOREACH p IN ARRAY string_to_array(regexp_replace(NEW.value, '\s', '', 'g'), ',') LOOP
            BEGIN
                a := split_part(p, '-', 1)::time;
                b := split_part(p, '-', 2)::time;
            EXCEPTION WHEN others THEN
                RAISE EXCEPTION 'working period % is not a time range (HH:MM-HH:MM)', p USING ERRCODE = 'check_violation';
            END;
            IF b <= a OR (last IS NOT NULL AND a < last) THEN
                RAISE EXCEPTION 'working period % must end after it starts and after the period before it', p
                    USING ERRCODE = 'check_violation';
            END IF;
            last := b;
        END LOOP;
        NEW.value := regexp_replace(NEW.value, '\s', '', 'g');
    ELSIF NEW.key = 'work_week' THEN
        IF NEW.value !~ '^[1-7](,[1-7])*$' THEN
            RAISE EXCEPTION 'working week % is not a list of ISO weekdays like 1,2,3,4,5 (1 = Monday, 7 = Sunday)',
                quote_literal(NEW.value) USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END $$;
