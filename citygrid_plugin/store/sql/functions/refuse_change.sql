-- The append-only audit lets the break-glass procedure through (internal mode), nothing else.
CREATE OR REPLACE FUNCTION citygrid.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND citygrid.internal_on() THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
