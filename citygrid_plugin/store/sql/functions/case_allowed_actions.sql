-- What the logged-in user may do to case p_case now: one row per action (in workflow order),
-- with the role it is taken in (the first of the user's roles that may take it) and the inputs it
-- needs. The same rules as case_act_core: the user's roles, the case's state and trust, a
-- department only on its own cases, the authorisations (case_authority) (an assisting department: only its notes), the evidence
-- the class asks for (a feedback's "photo"), and the preconditions (case_precondition). A case the user
-- may not see gives no rows.
CREATE OR REPLACE FUNCTION citygrid.case_allowed_actions(p_case bigint)
    RETURNS TABLE (action text, role text, needs jsonb)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    c citygrid.work_case;
    me text := citygrid.actor();
BEGIN
    SELECT * INTO c FROM citygrid.work_case w WHERE w.id = p_case;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT DISTINCT ON (t.action) t.action, t.role,
               CASE WHEN t.action = 'feedback' AND EXISTS (
                        SELECT 1 FROM citygrid.case_class_rule r
                         WHERE r.kind = c.kind AND r.class_code = c.class_code AND r.after_photo)
                    THEN t.needs || '{"photo": "handle"}' ELSE t.needs END
          FROM citygrid.case_transition t
          JOIN citygrid.case_role r ON r.role = t.role
         WHERE t.from_state = c.state
           AND (t.condition IS NULL OR (t.condition = 'public' AND NOT c.trusted) OR (t.condition = 'trusted' AND c.trusted))
           AND COALESCE(citygrid.user_acts_as(me, t.role), false)
           AND (t.role <> 'department'
                OR (t.action <> 'assist_note' AND (citygrid.user_is_superuser(me)
                                                   OR c.department_code IS NOT DISTINCT FROM citygrid.department_of(me)))
                OR (t.action = 'assist_note' AND EXISTS (
                        SELECT 1 FROM citygrid.case_assist a WHERE a.case_id = c.id AND a.done_at IS NULL
                           AND a.department_code = citygrid.department_of(me))))
           AND citygrid.case_precondition(c, t.action, clock_timestamp()) IS NULL
           AND (t.role <> 'supervisor' OR c.state NOT IN ('to_verify', 'handled') OR c.assignee IS NULL
                OR c.assignee = me OR citygrid.user_is_superuser(me))
           AND (t.action NOT IN ('defer', 'release', 'approve_extension', 'refuse_extension', 'cancel')
                OR EXISTS (SELECT 1 FROM citygrid.case_authority a WHERE a.action = t.action AND a.role = t.role
                              AND (t.action <> 'approve_extension' OR a.max_hours IS NULL
                                   OR a.max_hours >= c.extension_pending)))
         ORDER BY t.action, array_position(ARRAY['operator', 'supervisor', 'shift_leader', 'office', 'dispatcher', 'department'],
                                           t.role);
END $$;
