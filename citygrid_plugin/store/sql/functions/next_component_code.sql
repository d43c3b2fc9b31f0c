-- The next component code of a district, profile and class: county (6) + class (4 or 5 digits)
-- + serial (6). Called by the component trigger only (roles.sql grants it to no one: a client
-- cannot draw serials without inserting a component). The fast path looks the sequence up by a
-- name made of digits only; anything else goes through component_sequence, which checks.
CREATE OR REPLACE FUNCTION citygrid.next_component_code(p_district text, p_profile text, p_class text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    seq regclass;
    serial bigint;
BEGIN
    IF p_district ~ '^[0-9]{6}$' AND p_profile ~ '^[0-9]{4}$' AND p_class ~ '^[0-9]{4,5}$' THEN
        seq := to_regclass('citygrid.component_seq_' || p_district || '_' || p_profile || '_' || p_class);
    END IF;
    IF seq IS NULL THEN
        seq := citygrid.component_sequence(p_district, p_profile, p_class);
    END IF;
    serial := nextval(seq);
    IF serial > 999999 THEN
        RAISE EXCEPTION 'district % has issued all 999999 serials of class %', p_district, p_class
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN p_district || p_class || lpad(serial::text, 6, '0');
END $$;
