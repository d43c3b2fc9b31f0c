-- Refuse a manual's limits object (citygrid.manual_norm_limits form) that names an unknown stage
-- or unit, or an amount that is not a number more than 0 (at most 8760 hours, 365 working days).
-- p_where says which class and situation, for the message.
CREATE OR REPLACE FUNCTION citygrid.manual_check_limits(p_where text, p jsonb) RETURNS void
    LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    e record;
    a numeric;
BEGIN
    FOR e IN SELECT key, value FROM jsonb_each(COALESCE(p, '{}')) LOOP
        IF e.key NOT IN ('accept', 'verify', 'register', 'dispatch', 'handle', 'check', 'close', 'revisit') THEN
            RAISE EXCEPTION 'manual %: unknown stage % (accept, verify, register, dispatch, handle, check, close, revisit)',
                p_where, quote_literal(e.key) USING ERRCODE = 'check_violation';
        END IF;
        IF COALESCE(e.value ->> 'unit', '') NOT IN ('hours', 'work_hours', 'work_days') THEN
            RAISE EXCEPTION 'manual %: the % limit has unit %; use hours, work_hours or work_days', p_where, e.key,
                COALESCE(quote_literal(e.value ->> 'unit'), 'none') USING ERRCODE = 'check_violation';
        END IF;
        IF jsonb_typeof(e.value -> 'amount') IS DISTINCT FROM 'number' THEN
            RAISE EXCEPTION 'manual %: the % limit % is not a number', p_where, e.key, e.value -> 'amount'
                USING ERRCODE = 'check_violation';
        END IF;
        a := (e.value ->> 'amount')::numeric;
        IF a <= 0 OR a > 8760 OR (e.value ->> 'unit' = 'work_days' AND a > 365) THEN
            RAISE EXCEPTION 'manual %: the % limit must be more than 0 and at most a year, got % %', p_where, e.key, a,
                e.value ->> 'unit' USING ERRCODE = 'check_violation';
        END IF;
    END LOOP;
END $$;
