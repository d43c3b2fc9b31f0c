-- Break glass: an administrator amends an audit note (e.g. to redact personal data), with a reason;
-- the old and new note and who/when/why are kept in the append-only audit_override.
CREATE OR REPLACE FUNCTION citygrid.break_glass_amend(p_action bigint, p_note text, p_reason text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    old text;
BEGIN
    IF NOT citygrid.acts_as('admin') THEN
        RAISE EXCEPTION 'only an administrator (citygrid_admin) may amend the audit' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF btrim(COALESCE(p_reason, '')) = '' THEN
        RAISE EXCEPTION 'amending the audit needs a reason' USING ERRCODE = 'not_null_violation';
    END IF;
    SELECT note INTO old FROM citygrid.case_action WHERE id = p_action FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'audit row % does not exist', p_action USING ERRCODE = 'no_data_found';
    END IF;
    INSERT INTO citygrid.audit_override (reason, case_action_id, old_note, new_note) VALUES (p_reason, p_action, old, p_note);
    PERFORM citygrid.set_internal(true);
    UPDATE citygrid.case_action SET note = p_note WHERE id = p_action;
    PERFORM citygrid.set_internal(false);
END $$;
