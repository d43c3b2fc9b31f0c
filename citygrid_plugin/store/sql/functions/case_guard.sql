-- Cases change only through the workflow functions (internal mode); any other write is refused.
CREATE OR REPLACE FUNCTION citygrid.case_guard() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NOT citygrid.internal_on() THEN
        RAISE EXCEPTION 'cases change only through citygrid.case_report() and citygrid.case_act()'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN COALESCE(NEW, OLD);
END $$;
