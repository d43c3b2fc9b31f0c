-- start + amount in a unit: 'hours' (clock hours), 'work_hours' (only inside working periods),
-- 'work_days' (the end of the amount-th working day after the start's day).
CREATE OR REPLACE FUNCTION citygrid.add_work_time(start timestamptz, amount numeric, unit text) RETURNS timestamptz
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    d date := (start AT TIME ZONE 'Asia/Shanghai')::date;
    left_s numeric := amount * 3600;
    p record;
    n integer := 0;
    guard integer := 0;
BEGIN
    IF amount IS NULL OR amount < 0 OR amount = 'NaN'::numeric OR amount > 87600 THEN
        RAISE EXCEPTION 'time limit must be a finite amount from 0 to 87600 (ten years of hours), got %', amount
            USING ERRCODE = 'check_violation';
    END IF;
    IF unit = 'hours' THEN
        RETURN start + make_interval(secs => amount * 3600);
    ELSIF unit = 'work_days' THEN
        WHILE n < amount LOOP
            d := d + 1;
            guard := guard + 1;
            IF guard > 3700 THEN RAISE EXCEPTION 'no working day within ten years of %', start; END IF;
            IF citygrid.is_workday(d) THEN n := n + 1; END IF;
        END LOOP;
        RETURN (SELECT max(p_end) FROM citygrid.work_periods(d));
    ELSIF unit = 'work_hours' THEN
        LOOP
            FOR p IN SELECT * FROM citygrid.work_periods(d) LOOP
                IF p.p_end > start THEN
                    IF extract(epoch FROM p.p_end - greatest(p.p_start, start)) >= left_s THEN
                        RETURN greatest(p.p_start, start) + make_interval(secs => left_s);
                    END IF;
                    left_s := left_s - extract(epoch FROM p.p_end - greatest(p.p_start, start));
                END IF;
            END LOOP;
            d := d + 1;
            guard := guard + 1;
            IF guard > 3700 THEN RAISE EXCEPTION 'no working time within ten years of %', start; END IF;
        END LOOP;
    END IF;
    RAISE EXCEPTION 'unknown time unit %; use hours, work_hours or work_days', unit USING ERRCODE = 'check_violation';
END $$;
