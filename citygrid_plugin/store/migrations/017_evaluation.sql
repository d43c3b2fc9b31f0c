-- 017 the external evaluation (外评价) and the leaders' view (issue 18). Schema only; the functions'
-- bodies are in store/sql/functions (case_act_core, case_precondition).
--
--   * Return visits (回访): an operator calls the reporter of a closed case from a public source
--     (a source that is not trusted) back and records whether he was reached and, if so, how
--     satisfied he is (满意 / 基本满意 / 不满意, with a note when not satisfied): action revisit,
--     closed -> closed. Attempts that do not reach the reporter are recorded too; the first one
--     that reaches him ends the visit. Its time limit is the manual's new stage revisit (回访),
--     counted from closing (work_case.revisit_due, set at closing); the audit row carries due and
--     on_time as every action's. 不满意 may reopen the case as rework (data.reopen: closed ->
--     dispatched to the same department, a fresh handling period) when the role holds the
--     authorisation reopen (case_authority, the administrators' 审批权限).
--   * The manual gets the stage revisit; a new manual version gives both kinds the default limit
--     of 2 working days.
--   * The composite score gets the term satisfaction_rate (满意率), 0 points until a city weights it.

-- the return visit ------------------------------------------------------------------------------
ALTER TABLE citygrid.work_case
    ADD COLUMN revisit_pending boolean NOT NULL DEFAULT false,
    ADD COLUMN revisit_due timestamptz;
COMMENT ON COLUMN citygrid.work_case.revisit_pending IS
    'closed, from a public source, and its reporter not yet reached by a return visit (回访)';
COMMENT ON COLUMN citygrid.work_case.revisit_due IS 'the return visit''s deadline (manual stage revisit, from closing)';
CREATE INDEX work_case_revisit ON citygrid.work_case (revisit_due) WHERE revisit_pending;

INSERT INTO citygrid.case_transition (from_state, action, to_state, role, condition, needs, stage) VALUES
    ('closed', 'revisit', 'closed', 'operator', 'public',
     '{"reached": true, "satisfaction": "optional", "reopen": "optional"}', NULL);

ALTER TABLE citygrid.case_authority DROP CONSTRAINT case_authority_action_check;
ALTER TABLE citygrid.case_authority ADD CONSTRAINT case_authority_action_check
    CHECK (action IN ('defer', 'release', 'approve_extension', 'refuse_extension', 'cancel', 'reopen'));
INSERT INTO citygrid.case_authority (action, role) VALUES ('reopen', 'operator');

-- the manual's stage revisit ----------------------------------------------------------------------
ALTER TABLE citygrid.manual_limit DROP CONSTRAINT manual_limit_stage_check;
ALTER TABLE citygrid.manual_limit ADD CONSTRAINT manual_limit_stage_check
    CHECK (stage IN ('accept', 'verify', 'register', 'dispatch', 'handle', 'check', 'close', 'revisit'));
DO $$
DECLARE
    v integer;
BEGIN
    INSERT INTO citygrid.manual_version (note, changes)
        SELECT '迁移：回访时限 2 工作日 (migration 017)', 2 * count(*) FROM citygrid.code_profile
        RETURNING version INTO v;
    INSERT INTO citygrid.manual_limit (kind, profile, class_code, urgent, stage, amount, unit, from_version)
        SELECT k.kind, p.profile, NULL, false, 'revisit', 2, 'work_days', v
          FROM citygrid.code_profile p CROSS JOIN (VALUES ('event'), ('component')) k(kind);
END $$;

-- the composite score's satisfaction term -----------------------------------------------------------
ALTER TABLE citygrid.evaluation_weight DROP CONSTRAINT evaluation_weight_term_check;
ALTER TABLE citygrid.evaluation_weight ADD CONSTRAINT evaluation_weight_term_check
    CHECK (term IN ('handling_rate', 'on_time_handling_rate', 'rework_rate', 'overdue_rate', 'extension_rate',
                    'satisfaction_rate'));
INSERT INTO citygrid.evaluation_weight (term, points) VALUES ('satisfaction_rate', 0);

-- the operators' queue of return visits (security_invoker: the caller's rights and row policies)
CREATE VIEW citygrid.revisit_queue WITH (security_invoker = true) AS
    SELECT c.id, c.case_no, c.source, c.kind, c.class_code, c.description, c.address, c.grid_code,
           c.street_code, c.community_code, c.department_code, c.revisit_due,
           extract(epoch FROM c.revisit_due - now()) / 3600.0 AS hours_left,
           c.revisit_due < now() AS overdue, c.version, c.geom, c.reported_at, c.updated_at AS closed_at,
           c.close_category,
           (SELECT count(*) FROM citygrid.case_action a
             WHERE a.case_id = c.id AND a.action = 'revisit'
               AND a.id > (SELECT max(b.id) FROM citygrid.case_action b WHERE b.case_id = c.id AND b.action = 'close'))
               AS attempts
      FROM citygrid.work_case c
     WHERE c.revisit_pending;
COMMENT ON VIEW citygrid.revisit_queue IS 'Closed public cases whose reporter a return visit (回访) has not reached yet';
