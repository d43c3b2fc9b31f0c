-- 008 the audit records its verdicts. Every action of citygrid.case_act now writes into
-- case_action.data, besides the inputs it was given:
--   version          the case's version after the action;
--   department       the responsible department after the action (NULL before dispatch);
--   due              the deadline in force before the action, i.e. of the stage the action
--                    completes (verify, register, dispatch, handle, check, close), or NULL;
--   on_time          at <= due (NULL when no deadline ran: deferred, or a stage without limit);
--   stage_deadline   the deadline of the stage the case is in after the action;
--   handle_deadline  the department's handling deadline after the action (extensions included);
--   close_category   on close: 正常结案 or 超时结案, as decided at that moment.
-- So the evaluation (综合评价) reads every verdict from the append-only audit as it was given
-- at the time, and no later change of a case, a time limit or the calendar rewrites a past
-- month's figures. The function is otherwise unchanged.

-- Act on a case. p_version is the version the client saw; p_data carries the inputs the
-- action needs (department, hours). p_at lets a generator replay history (NULL: now).
CREATE OR REPLACE FUNCTION citygrid.case_act(p_case bigint, p_action text, p_role text, p_version integer,
                                  p_note text DEFAULT NULL, p_data jsonb DEFAULT '{}', p_at timestamptz DEFAULT NULL)
    RETURNS citygrid.work_case
    LANGUAGE plpgsql AS $$
DECLARE
    c citygrid.work_case;
    t citygrid.case_transition;
    last citygrid.case_action;
    trusted text[] := string_to_array((SELECT value FROM citygrid.store_setting WHERE key = 'trusted_sources'), ',');
    allowed text;
    at timestamptz := COALESCE(p_at, now());
    dept text;
    due timestamptz;      -- the deadline in force before this action (of the stage it completes)
BEGIN
    SELECT * INTO c FROM citygrid.work_case WHERE id = p_case FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'case % does not exist', p_case USING ERRCODE = 'no_data_found';
    END IF;
    due := c.stage_deadline;
    IF c.version <> p_version THEN
        SELECT * INTO last FROM citygrid.case_action WHERE case_id = p_case ORDER BY id DESC LIMIT 1;
        RAISE EXCEPTION 'case % was changed by % at % (%); refresh and try again', c.case_no, last.actor,
            to_char(last.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS'), last.action
            USING ERRCODE = 'serialization_failure', HINT = 'version ' || c.version || ', you saw ' || p_version;
    END IF;
    SELECT * INTO t FROM citygrid.case_transition
     WHERE from_state = c.state AND action = p_action AND role = p_role
       AND (condition IS NULL
            OR (condition = 'public' AND NOT (c.source = ANY (trusted)))
            OR (condition = 'trusted' AND c.source = ANY (trusted)))
     LIMIT 1;
    IF NOT FOUND THEN
        SELECT string_agg(DISTINCT action || ' (' || role || ')', ', ') INTO allowed
          FROM citygrid.case_transition WHERE from_state = c.state;
        RAISE EXCEPTION 'case % is %: % by % is not allowed; allowed: %', c.case_no, c.state, p_action, p_role,
            COALESCE(allowed, 'none (the case is finished)') USING ERRCODE = 'check_violation';
    END IF;
    IF (t.needs ? 'note') AND btrim(COALESCE(p_note, '')) = '' THEN
        RAISE EXCEPTION '% needs a note (why)', p_action USING ERRCODE = 'not_null_violation';
    END IF;
    IF t.needs ? 'department' THEN
        dept := COALESCE(p_data ->> 'department', citygrid.suggest_department(p_case));
        IF dept IS NULL OR NOT EXISTS (SELECT 1 FROM citygrid.department WHERE code = dept AND active) THEN
            RAISE EXCEPTION 'dispatch needs a department (none given and no routing rule for class % in street %)',
                c.class_code, c.street_code USING ERRCODE = 'not_null_violation';
        END IF;
        c.department_code := dept;
    END IF;
    IF (t.needs ? 'hours') AND COALESCE((p_data ->> 'hours')::numeric, 0) <= 0 THEN
        RAISE EXCEPTION 'an extension request needs the hours asked for' USING ERRCODE = 'not_null_violation';
    END IF;

    CASE p_action
        WHEN 'request_extension' THEN c.extension_pending := (p_data ->> 'hours')::numeric;
        WHEN 'approve_extension' THEN
            IF c.extension_pending IS NULL THEN
                RAISE EXCEPTION 'case % has no extension request to approve', c.case_no USING ERRCODE = 'check_violation';
            END IF;
            c.extension_hours := c.extension_hours + c.extension_pending;
            c.handle_deadline := c.handle_deadline + make_interval(secs => c.extension_pending * 3600);
            c.stage_deadline := c.handle_deadline;
            c.extension_pending := NULL;
        WHEN 'urge' THEN
            IF c.stage_deadline IS NULL OR c.stage_deadline > at THEN
                RAISE EXCEPTION 'case % is not overdue (deadline %); urging is for overdue cases', c.case_no,
                    to_char(c.stage_deadline AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')
                    USING ERRCODE = 'check_violation';
            END IF;
            c.urge_count := c.urge_count + 1;
        WHEN 'rework' THEN c.rework_count := c.rework_count + 1;
        WHEN 'defer' THEN
            c.stage := 'deferred';     -- 挂账: no deadline runs while deferred; release starts a new one
            c.stage_deadline := NULL;
        WHEN 'close' THEN
            c.close_category := CASE WHEN c.handle_deadline IS NULL OR
                (SELECT max(a.at) FROM citygrid.case_action a WHERE a.case_id = c.id AND a.action = 'feedback')
                <= c.handle_deadline THEN '正常结案' ELSE '超时结案' END;
        ELSE NULL;
    END CASE;
    IF t.stage IS NOT NULL THEN
        c.stage := t.stage;
        c.stage_deadline := citygrid.case_deadline(c, t.stage, at);
        IF t.stage = 'handle' THEN
            -- dispatch, release and rework each give the department a fresh handling period;
            -- an approved extension lengthens the period it was approved in
            c.handle_deadline := c.stage_deadline;
        END IF;
    ELSIF t.to_state IN ('closed', 'cancelled') THEN
        c.stage := NULL;
        c.stage_deadline := NULL;
    END IF;
    c.state := t.to_state;
    c.version := c.version + 1;
    c.updated_at := at;
    c.updated_by := current_user;
    PERFORM set_config('citygrid.case_fn', 'on', true);
    UPDATE citygrid.work_case SET state = c.state, stage = c.stage, stage_deadline = c.stage_deadline,
           handle_deadline = c.handle_deadline, department_code = c.department_code,
           extension_hours = c.extension_hours, extension_pending = c.extension_pending,
           rework_count = c.rework_count, urge_count = c.urge_count, close_category = c.close_category,
           updated_at = c.updated_at, updated_by = c.updated_by, version = c.version
     WHERE id = c.id;
    INSERT INTO citygrid.case_action (case_id, action, from_state, to_state, role, at, note, data)
    VALUES (c.id, p_action, t.from_state, t.to_state, p_role, at, p_note,
            p_data || jsonb_build_object(
                'version', c.version,
                'department', c.department_code,
                'due', due,
                'on_time', CASE WHEN due IS NULL THEN NULL ELSE at <= due END,
                'stage_deadline', c.stage_deadline,
                'handle_deadline', c.handle_deadline)
                   || CASE WHEN p_action = 'close' THEN jsonb_build_object('close_category', c.close_category)
                           ELSE '{}' END);
    PERFORM set_config('citygrid.case_fn', 'off', true);
    PERFORM pg_notify('qgis', 'case:' || c.id);
    RETURN c;
END $$;

