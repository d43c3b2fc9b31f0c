-- Why action p_action cannot be taken on case c at p_at, beyond its state and role (NULL: it
-- can): approving an extension needs a pending request, urging an overdue case, a return visit
-- (回访) a closed public case whose reporter was not reached yet. Used by
-- case_act_core (which refuses with this text) and case_allowed_actions (which leaves the action
-- out), so the dock offers exactly what the store accepts.
CREATE OR REPLACE FUNCTION citygrid.case_precondition(c citygrid.work_case, p_action text, p_at timestamptz)
    RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN p_action = 'approve_extension' AND c.extension_pending IS NULL THEN
            format('case %s has no extension request to approve', c.case_no)
        WHEN p_action = 'refuse_extension' AND c.extension_pending IS NULL THEN
            format('case %s has no extension request to refuse', c.case_no)
        WHEN p_action = 'revisit' AND NOT c.revisit_pending THEN
            format('case %s awaits no return visit: its reporter was reached already', c.case_no)
        WHEN p_action = 'urge' AND (c.stage_deadline IS NULL OR c.stage_deadline > p_at) THEN
            format('case %s is not overdue (deadline %s); urging is for overdue cases', c.case_no,
                   COALESCE(to_char(c.stage_deadline AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), 'none'))
        END $$;
