-- Class codes must follow their profile's digit structure; checked from the profile row so
-- that the rule is data, with a message that says which part is wrong.
CREATE OR REPLACE FUNCTION citygrid.check_class_code() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    p citygrid.code_profile;
BEGIN
    SELECT * INTO p FROM citygrid.code_profile WHERE profile = NEW.profile;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown code profile %', NEW.profile
            USING ERRCODE = 'foreign_key_violation', HINT = 'use 2013 or 2026';
    END IF;
    IF NEW.major_code !~ ('^[0-9]{' || p.major_digits || '}$') THEN
        RAISE EXCEPTION 'major class % must be % digits in profile %', quote_literal(NEW.major_code), p.major_digits, NEW.profile
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.minor_code !~ ('^[0-9]{' || p.minor_digits || '}$') THEN
        RAISE EXCEPTION 'minor class % must be % digits in profile %', quote_literal(NEW.minor_code), p.minor_digits, NEW.profile
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.code IS DISTINCT FROM NEW.major_code || NEW.minor_code THEN
        RAISE EXCEPTION 'class code % must be major % followed by minor %', quote_literal(NEW.code), NEW.major_code, NEW.minor_code
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
