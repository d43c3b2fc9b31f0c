-- The checks every report makes, a new case's (case_report_core) and an additional report's
-- (case_attach_report): the source is known and active and, when it belongs to one role
-- (监督员上报: supervisors), p_actor holds it; a public channel (needs_reporter) has the caller's
-- name and phone; the phone is a phone number; description, address and reporter fit their limits
-- (4,000, 500, 200 characters); the place is one point. Returns the source. The owner's alone
-- (called inside the workflow functions).
CREATE OR REPLACE FUNCTION citygrid.case_check_report(p_actor text, p_source text, p_description text,
        p_address text, p_reporter text, p_reporter_phone text, p_geom geometry)
    RETURNS citygrid.case_source
    LANGUAGE plpgsql STABLE SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    src citygrid.case_source;
BEGIN
    SELECT * INTO src FROM citygrid.case_source WHERE name = p_source AND active;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown case source %; the store knows: %', COALESCE(quote_literal(p_source), 'NULL'),
            (SELECT string_agg(name, '、' ORDER BY ord) FROM citygrid.case_source WHERE active)
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF src.reporter_role IS NOT NULL AND NOT COALESCE(citygrid.user_acts_as(p_actor, src.reporter_role), false) THEN
        RAISE EXCEPTION 'source % is for a % report; user % is not a %: choose the channel the report came through',
            src.name, (SELECT name_zh FROM citygrid.case_role WHERE role = src.reporter_role), p_actor,
            (SELECT name_zh FROM citygrid.case_role WHERE role = src.reporter_role)
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF src.needs_reporter AND (btrim(COALESCE(p_reporter, '')) = '' OR btrim(COALESCE(p_reporter_phone, '')) = '') THEN
        RAISE EXCEPTION 'a report through % needs the reporter''s name and phone (a public channel): ask the caller for them',
            src.name USING ERRCODE = 'not_null_violation';
    END IF;
    IF p_reporter_phone IS NOT NULL AND p_reporter_phone !~ '^[0-9+() -]{3,40}$' THEN
        RAISE EXCEPTION 'the phone number % is not a phone number: digits, spaces, + - ( ) only, 3 to 40 characters',
            quote_literal(left(p_reporter_phone, 50)) USING ERRCODE = 'check_violation';
    END IF;
    IF btrim(COALESCE(p_description, '')) = '' THEN
        RAISE EXCEPTION 'a case needs a description (what is wrong, where)' USING ERRCODE = 'check_violation';
    END IF;
    IF length(p_description) > 4000 THEN
        RAISE EXCEPTION 'the description has % characters; at most 4000: shorten it', length(p_description)
            USING ERRCODE = 'check_violation';
    END IF;
    IF length(p_address) > 500 THEN
        RAISE EXCEPTION 'the address has % characters; at most 500', length(p_address) USING ERRCODE = 'check_violation';
    END IF;
    IF length(p_reporter) > 200 THEN
        RAISE EXCEPTION 'the reporter has % characters; at most 200 (name and phone)', length(p_reporter)
            USING ERRCODE = 'check_violation';
    END IF;
    IF p_geom IS NULL OR ST_IsEmpty(p_geom) OR GeometryType(p_geom) <> 'POINT' THEN
        RAISE EXCEPTION 'a case is located by one point, got %', COALESCE(GeometryType(p_geom), 'nothing')
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN src;
END $$;
