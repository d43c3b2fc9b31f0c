-- Act on a case: the one way to move it. The body of citygrid.case_act (the logged-in user, the
-- server's clock) and citygrid.case_replay_act (the store owner replaying history: its own actor
-- and time, marked replayed); nobody but the owner may call it directly (roles.sql).
--
-- Checks, in this order: p_actor holds the role it acts in (before anything about the case is
-- read, so a refusal tells nothing about it); the case exists and, for a department, is
-- dispatched to p_actor's department (one message for both, so a department cannot probe case
-- numbers); p_version is the version the client saw (of two users acting at once exactly one
-- succeeds); the transition exists for the case's state and trust; the inputs the action needs.
-- p_data carries only those inputs: "department" (a department code), "assist" (a list of
-- assisting departments' codes, dispatch only) and "hours" (a JSON number, more than 0 and at most
-- 2160, i.e. 90 days); any other key is refused.
--
-- Evidence (issue 15): an action whose needs hold "photo": "<stage>" (核实 verify, 核查 check_ok,
-- the supervisor's rework) needs a photo of that stage added to the case since the case entered
-- its state; 处置完成 (feedback) needs a note (the result) and, for classes whose case_class_rule
-- asks for it, a photo of stage 'handle' since the case was last dispatched. A replay of history
-- by the store owner needs no photo (the legacy record had none). The photos' ids go into the
-- audit row (data.photos).
-- Assisting departments (协办): named by dispatch, kept in case_assist; each may add notes
-- (assist_note) while the case is dispatched; the lead department's feedback closes their part.
--
-- The command manual (issue 16): registering may name the situation (data.variant, one of the
-- class's situations in the case's manual version; '' or absent: none); every deadline then comes
-- from that situation's limits. Deferral, release, extension approval and refusal and cancellation
-- also need an authorisation of the role (case_authority); an extension beyond the role's
-- max_hours is refused and says who may approve it.
-- Patrol (issue 17): a case entering 待核实 (to_verify) or 待核查 (handled) becomes the task of the
-- supervisor responsible for its grid (case_assignee); only he acts on it as a supervisor (replays
-- excepted) until the shift leader reassigns it (reassign, data.supervisor); leaving those states
-- clears the assignee. data.field_id (any action): the handheld's id of a verdict, kept in the audit
-- so a re-sync finds it.
-- Return visits (回访, issue 18): closing a case from a public source (not trusted) makes it await
-- a return visit (revisit_pending) with the deadline of the manual's stage revisit from closing
-- (revisit_due, also in the close row's data). revisit (operator, closed -> closed) records
-- data.reached (true/false) and, when reached, data.satisfaction (满意, 基本满意 or 不满意; 不满意
-- needs a note: the reporter's words); a reached visit ends the wait. data.reopen = true with
-- 不满意 reopens the case as rework (-> dispatched to the same department, a fresh handling
-- period, rework_count + 1) when the role holds the authorisation reopen (case_authority). Its
-- due/on_time are the return visit's deadline and whether it was met.
-- Every action writes into case_action.data, besides its inputs: version, department, due (the
-- deadline in force before the action, of the stage it completes), on_time (at <= due),
-- stage_deadline, handle_deadline and, on close, close_category: the evaluation reads every
-- verdict as it was given (migration 008).
CREATE OR REPLACE FUNCTION citygrid.case_act_core(p_actor text, p_at timestamptz, p_replayed boolean,
        p_case bigint, p_action text, p_role text, p_version integer, p_note text, p_data jsonb)
    RETURNS citygrid.work_case
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    c citygrid.work_case;
    t citygrid.case_transition;
    last citygrid.case_action;
    allowed text;
    at timestamptz := p_at;
    dept text;
    hours numeric;
    extra text;
    due timestamptz;      -- the deadline in force before this action (of the stage it completes)
    mine text;
    exists_ boolean;
    refusal text;
    assist text[];
    photo_stage text;
    since timestamptz;
    photo_ids jsonb;
    auth citygrid.case_authority;
    v_variant text;
BEGIN
    IF NOT COALESCE(citygrid.user_acts_as(p_actor, p_role), false) THEN
        RAISE EXCEPTION 'user % may not act as % (not a member of role citygrid_%)', p_actor, p_role, p_role
            USING ERRCODE = 'insufficient_privilege', HINT = 'an administrator grants roles with “Add or change a store user”';
    END IF;
    SELECT * INTO c FROM citygrid.work_case WHERE id = p_case FOR UPDATE;
    exists_ := FOUND;
    IF p_role = 'department' AND NOT citygrid.user_is_superuser(p_actor) THEN
        mine := citygrid.department_of(p_actor);
        IF NOT exists_ OR (p_action <> 'assist_note' AND c.department_code IS DISTINCT FROM mine)
           OR (p_action = 'assist_note' AND NOT EXISTS (
                SELECT 1 FROM citygrid.case_assist a WHERE a.case_id = c.id AND a.department_code = mine
                   AND a.done_at IS NULL)) THEN
            RAISE EXCEPTION 'case % does not exist or is not dispatched to your department (%)', p_case,
                COALESCE(mine, 'none: ask an administrator to set it') USING ERRCODE = 'no_data_found';
        END IF;
    ELSIF NOT exists_ THEN
        RAISE EXCEPTION 'case % does not exist', p_case USING ERRCODE = 'no_data_found';
    END IF;
    due := c.stage_deadline;
    IF c.version <> p_version THEN
        SELECT * INTO last FROM citygrid.case_action WHERE case_id = p_case ORDER BY id DESC LIMIT 1;
        RAISE EXCEPTION 'case % was changed by % at % (%); refresh and try again', c.case_no, last.actor,
            to_char(last.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS'), last.action
            USING ERRCODE = 'serialization_failure', HINT = 'version ' || c.version || ', you saw ' || p_version;
    END IF;
    IF p_replayed AND at < c.updated_at THEN  -- history is replayed in order
        RAISE EXCEPTION 'case % was last changed at %; an action cannot be recorded before that (%)', c.case_no,
            c.updated_at, at USING ERRCODE = 'check_violation';
    END IF;
    SELECT * INTO t FROM citygrid.case_transition
     WHERE from_state = c.state AND action = p_action AND role = p_role
       AND (condition IS NULL OR (condition = 'public' AND NOT c.trusted) OR (condition = 'trusted' AND c.trusted))
     LIMIT 1;
    IF NOT FOUND THEN
        SELECT string_agg(DISTINCT action || ' (' || role || ')', ', ') INTO allowed
          FROM citygrid.case_transition WHERE from_state = c.state;
        RAISE EXCEPTION 'case % is %: % by % is not allowed; allowed: %', c.case_no, c.state, p_action, p_role,
            COALESCE(allowed, 'none (the case is finished)') USING ERRCODE = 'check_violation';
    END IF;
    p_data := COALESCE(p_data, '{}');
    IF jsonb_typeof(p_data) <> 'object' THEN
        RAISE EXCEPTION 'the inputs of an action are a JSON object, got %', jsonb_typeof(p_data)
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT string_agg(k, ', ') INTO extra FROM jsonb_object_keys(p_data) k
     WHERE k IN ('note', 'photo', 'photos') OR (NOT (t.needs ? k) AND k <> 'field_id');
    IF extra IS NOT NULL THEN
        RAISE EXCEPTION '% takes no input %; its inputs: %', p_action, extra,
            COALESCE((SELECT string_agg(k, ', ') FROM jsonb_object_keys(t.needs) k WHERE k NOT IN ('note', 'photo')), 'none')
            USING ERRCODE = 'check_violation';
    END IF;
    IF (t.needs ? 'note') AND btrim(COALESCE(p_note, '')) = '' THEN
        RAISE EXCEPTION '% needs a note (why)', p_action USING ERRCODE = 'not_null_violation';
    END IF;
    IF length(p_note) > 4000 THEN
        RAISE EXCEPTION 'the note has % characters; at most 4000: shorten it', length(p_note) USING ERRCODE = 'check_violation';
    END IF;
    IF t.needs ? 'department' THEN
        IF p_data ? 'department' AND jsonb_typeof(p_data -> 'department') <> 'string' THEN
            RAISE EXCEPTION 'the department is given by its code (text)' USING ERRCODE = 'check_violation';
        END IF;
        dept := COALESCE(p_data ->> 'department', citygrid.suggest_department(p_case));
        IF dept IS NULL OR NOT EXISTS (SELECT 1 FROM citygrid.department WHERE code = dept AND active) THEN
            RAISE EXCEPTION 'dispatch needs a department (none given and no routing rule for class % in street %)',
                c.class_code, c.street_code USING ERRCODE = 'not_null_violation';
        END IF;
        c.department_code := dept;
    END IF;
    IF t.action IN ('defer', 'release', 'approve_extension', 'refuse_extension', 'cancel') THEN
        SELECT * INTO auth FROM citygrid.case_authority a WHERE a.action = t.action AND a.role = p_role;
        IF NOT FOUND THEN
            RAISE EXCEPTION '% is not authorised for %; authorised: %', p_role, p_action,
                COALESCE((SELECT string_agg(a.role, ', ' ORDER BY a.role) FROM citygrid.case_authority a
                           WHERE a.action = t.action), 'nobody') USING ERRCODE = 'insufficient_privilege',
                HINT = 'an administrator sets the authorisations (审批权限)';
        END IF;
        IF t.action = 'approve_extension' AND auth.max_hours IS NOT NULL AND c.extension_pending > auth.max_hours THEN
            RAISE EXCEPTION 'an extension of % hours is more than % may approve (at most % hours); authorised for more: %',
                c.extension_pending, p_role, auth.max_hours,
                COALESCE((SELECT string_agg(a.role, ', ' ORDER BY a.role) FROM citygrid.case_authority a
                           WHERE a.action = 'approve_extension' AND a.role <> p_role
                             AND (a.max_hours IS NULL OR a.max_hours >= c.extension_pending)), 'nobody')
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    IF p_data ? 'field_id' AND (jsonb_typeof(p_data -> 'field_id') <> 'string'
                                OR length(p_data ->> 'field_id') NOT BETWEEN 1 AND 100) THEN
        RAISE EXCEPTION 'a field id is a text of 1 to 100 characters (the handheld''s id of the verdict)'
            USING ERRCODE = 'check_violation';
    END IF;
    -- a verify or check task is its assignee's (the supervisor responsible for the grid), unless
    -- history is replayed; the shift leader reassigns it
    IF p_role = 'supervisor' AND c.state IN ('to_verify', 'handled') AND c.assignee IS NOT NULL
       AND c.assignee <> p_actor AND NOT p_replayed AND NOT citygrid.user_is_superuser(p_actor) THEN
        RAISE EXCEPTION 'case % is the task of supervisor %; the shift leader reassigns it', c.case_no, c.assignee
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF t.action = 'reassign' THEN
        IF jsonb_typeof(p_data -> 'supervisor') IS DISTINCT FROM 'string'
           OR NOT COALESCE(citygrid.user_acts_as(p_data ->> 'supervisor', 'supervisor'), false) THEN
            RAISE EXCEPTION 'reassign names the supervisor who takes the task (a supervisor''s login); % is not one',
                COALESCE(p_data ->> 'supervisor', 'nothing') USING ERRCODE = 'check_violation';
        END IF;
        c.assignee := p_data ->> 'supervisor';
    END IF;
    IF t.action = 'revisit' THEN
        IF jsonb_typeof(p_data -> 'reached') IS DISTINCT FROM 'boolean' THEN
            RAISE EXCEPTION 'a return visit says whether the reporter was reached (reached: true or false)'
                USING ERRCODE = 'check_violation';
        END IF;
        IF (p_data ->> 'reached')::boolean THEN
            IF jsonb_typeof(p_data -> 'satisfaction') IS DISTINCT FROM 'string'
               OR p_data ->> 'satisfaction' NOT IN ('满意', '基本满意', '不满意') THEN
                RAISE EXCEPTION 'a return visit that reached the reporter records his satisfaction: 满意, 基本满意 or 不满意; got %',
                    COALESCE(p_data ->> 'satisfaction', 'nothing') USING ERRCODE = 'check_violation';
            END IF;
            IF p_data ->> 'satisfaction' = '不满意' AND btrim(COALESCE(p_note, '')) = '' THEN
                RAISE EXCEPTION 'a dissatisfied reporter''s words go into the note (why he is not satisfied)'
                    USING ERRCODE = 'not_null_violation';
            END IF;
        ELSIF p_data ? 'satisfaction' THEN
            RAISE EXCEPTION 'a return visit that did not reach the reporter records no satisfaction'
                USING ERRCODE = 'check_violation';
        END IF;
        IF p_data ? 'reopen' AND jsonb_typeof(p_data -> 'reopen') <> 'boolean' THEN
            RAISE EXCEPTION 'reopen is true or false' USING ERRCODE = 'check_violation';
        END IF;
        IF COALESCE((p_data ->> 'reopen')::boolean, false) THEN
            IF p_data ->> 'satisfaction' IS DISTINCT FROM '不满意' THEN
                RAISE EXCEPTION 'only a return visit with 不满意 reopens a case' USING ERRCODE = 'check_violation';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM citygrid.case_authority a WHERE a.action = 'reopen' AND a.role = p_role) THEN
                RAISE EXCEPTION '% is not authorised for %; authorised: %', p_role, 'reopen',
                    COALESCE((SELECT string_agg(a.role, ', ' ORDER BY a.role) FROM citygrid.case_authority a
                               WHERE a.action = 'reopen'), 'nobody') USING ERRCODE = 'insufficient_privilege',
                    HINT = 'an administrator sets the authorisations (审批权限)';
            END IF;
            t.to_state := 'dispatched';     -- rework for the department that handled it
            t.stage := 'handle';
        END IF;
        due := c.revisit_due;
    END IF;
    IF p_data ? 'variant' THEN
        IF jsonb_typeof(p_data -> 'variant') <> 'string' THEN
            RAISE EXCEPTION 'the situation is given by its name (text)' USING ERRCODE = 'check_violation';
        END IF;
        v_variant := btrim(p_data ->> 'variant');
        IF v_variant <> '' AND NOT EXISTS (
                SELECT 1 FROM citygrid.manual_variant v
                 WHERE v.kind = c.kind AND v.profile = c.profile AND v.class_code = c.class_code AND v.name = v_variant
                   AND v.from_version <= c.manual_version
                   AND (v.to_version IS NULL OR v.to_version > c.manual_version)) THEN
            RAISE EXCEPTION 'class % has no situation %; its situations: %', c.class_code, quote_literal(v_variant),
                COALESCE((SELECT string_agg(v.name, ', ' ORDER BY v.ord, v.name) FROM citygrid.manual_variant v
                           WHERE v.kind = c.kind AND v.profile = c.profile AND v.class_code = c.class_code
                             AND v.from_version <= c.manual_version
                             AND (v.to_version IS NULL OR v.to_version > c.manual_version)), 'none')
                USING ERRCODE = 'check_violation';
        END IF;
        c.variant := v_variant;
        p_data := jsonb_set(p_data, '{variant}', to_jsonb(v_variant));
    END IF;
    IF p_data ? 'assist' THEN
        IF jsonb_typeof(p_data -> 'assist') <> 'array'
           OR EXISTS (SELECT 1 FROM jsonb_array_elements(p_data -> 'assist') e WHERE jsonb_typeof(e) <> 'string') THEN
            RAISE EXCEPTION 'assisting departments are given as a list of department codes' USING ERRCODE = 'check_violation';
        END IF;
        SELECT array_agg(DISTINCT e) INTO assist FROM jsonb_array_elements_text(p_data -> 'assist') e;
        IF cardinality(assist) > 10 THEN
            RAISE EXCEPTION 'at most 10 assisting departments; got %', cardinality(assist) USING ERRCODE = 'check_violation';
        END IF;
        SELECT string_agg(a, ', ') INTO extra FROM unnest(assist) a
         WHERE NOT EXISTS (SELECT 1 FROM citygrid.department d WHERE d.code = a AND d.active);
        IF extra IS NOT NULL THEN
            RAISE EXCEPTION 'unknown or inactive assisting department %', extra USING ERRCODE = 'foreign_key_violation';
        END IF;
        IF c.department_code = ANY (assist) THEN
            RAISE EXCEPTION 'department % leads the case; it cannot also assist it', c.department_code
                USING ERRCODE = 'check_violation';
        END IF;
        p_data := jsonb_set(p_data, '{assist}', to_jsonb(COALESCE(assist, '{}'::text[])));
    END IF;
    IF t.needs ? 'hours' THEN
        IF jsonb_typeof(p_data -> 'hours') = 'number' THEN
            hours := (p_data ->> 'hours')::numeric;
        END IF;
        IF hours IS NULL OR hours <= 0 OR hours > 2160 THEN
            RAISE EXCEPTION 'an extension is asked for in hours: a number more than 0 and at most 2160 (90 days); got %',
                COALESCE(p_data ->> 'hours', 'nothing') USING ERRCODE = 'check_violation';
        END IF;
        p_data := jsonb_set(p_data, '{hours}', to_jsonb(hours));
    END IF;

    photo_stage := t.needs ->> 'photo';
    IF photo_stage IS NULL AND p_action = 'feedback' AND EXISTS (
            SELECT 1 FROM citygrid.case_class_rule r WHERE r.kind = c.kind AND r.class_code = c.class_code
               AND r.after_photo) THEN
        photo_stage := 'handle';
    END IF;
    IF photo_stage IS NOT NULL THEN
        since := citygrid.case_state_since(c);
        SELECT jsonb_agg(p.id ORDER BY p.id) INTO photo_ids FROM citygrid.case_photo p
         WHERE p.case_id = c.id AND p.stage = photo_stage AND p.uploaded_at >= since;
        IF photo_ids IS NULL AND NOT p_replayed THEN
            RAISE EXCEPTION '% needs a photo of stage % taken for it (none added since %): add the photo with the action',
                p_action, photo_stage, to_char(since AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')
                USING ERRCODE = 'not_null_violation';
        END IF;
    END IF;
    refusal := citygrid.case_precondition(c, p_action, at);
    IF refusal IS NOT NULL THEN
        RAISE EXCEPTION '%', refusal USING ERRCODE = 'check_violation';
    END IF;
    CASE p_action
        WHEN 'request_extension' THEN c.extension_pending := hours;
        WHEN 'refuse_extension' THEN c.extension_pending := NULL;
        WHEN 'approve_extension' THEN
            c.extension_hours := c.extension_hours + c.extension_pending;
            c.handle_deadline := c.handle_deadline + make_interval(secs => c.extension_pending * 3600);
            c.stage_deadline := c.handle_deadline;
            c.extension_pending := NULL;
        WHEN 'urge' THEN
            c.urge_count := c.urge_count + 1;
        WHEN 'rework' THEN c.rework_count := c.rework_count + 1;
        WHEN 'revisit' THEN     -- reached: the wait ends; reopened: rework
            IF (p_data ->> 'reached')::boolean THEN
                c.revisit_pending := false;
            END IF;
            IF t.to_state = 'dispatched' THEN
                c.rework_count := c.rework_count + 1;
            END IF;
        WHEN 'defer' THEN
            c.stage := 'deferred';     -- 挂账: no deadline runs while deferred; release starts a new one
            c.stage_deadline := NULL;
        WHEN 'close' THEN
            c.close_category := CASE WHEN c.handle_deadline IS NULL OR
                (SELECT max(a.at) FROM citygrid.case_action a WHERE a.case_id = c.id AND a.action = 'feedback')
                <= c.handle_deadline THEN '正常结案' ELSE '超时结案' END;
            c.revisit_pending := NOT c.trusted;
            c.revisit_due := CASE WHEN c.trusted THEN NULL ELSE citygrid.case_deadline(c, 'revisit', at) END;
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
    IF t.to_state IN ('to_verify', 'handled') AND t.from_state <> t.to_state THEN
        c.assignee := citygrid.case_assignee(c.grid_code, (at AT TIME ZONE 'Asia/Shanghai')::date);
    ELSIF t.to_state NOT IN ('to_verify', 'handled') THEN
        c.assignee := NULL;
    END IF;
    c.state := t.to_state;
    c.version := c.version + 1;
    c.updated_at := at;
    c.updated_by := p_actor;
    PERFORM citygrid.set_internal(true);
    UPDATE citygrid.work_case SET state = c.state, stage = c.stage, stage_deadline = c.stage_deadline,
           handle_deadline = c.handle_deadline, department_code = c.department_code,
           extension_hours = c.extension_hours, extension_pending = c.extension_pending,
           rework_count = c.rework_count, urge_count = c.urge_count, close_category = c.close_category,
           variant = c.variant, assignee = c.assignee, revisit_pending = c.revisit_pending,
           revisit_due = c.revisit_due, updated_at = c.updated_at, updated_by = c.updated_by, version = c.version
     WHERE id = c.id;
    INSERT INTO citygrid.case_action (case_id, action, from_state, to_state, actor, role, at, note, data, replayed)
    VALUES (c.id, p_action, t.from_state, t.to_state, p_actor, p_role, at, p_note,
            p_data || jsonb_build_object(
                'version', c.version,
                'department', c.department_code,
                'due', due,
                'on_time', CASE WHEN due IS NULL THEN NULL ELSE at <= due END,
                'stage_deadline', c.stage_deadline,
                'handle_deadline', c.handle_deadline)
                   || CASE WHEN c.assignee IS NOT NULL THEN jsonb_build_object('assignee', c.assignee) ELSE '{}' END
                   || CASE WHEN p_action = 'close' THEN jsonb_build_object('close_category', c.close_category,
                                                                           'revisit_due', c.revisit_due)
                           ELSE '{}' END
                   || CASE WHEN photo_ids IS NOT NULL THEN jsonb_build_object('photos', photo_ids) ELSE '{}' END,
            p_replayed);
    IF p_action = 'dispatch' THEN   -- a new dispatch names its assisting departments anew
        DELETE FROM citygrid.case_assist WHERE case_id = c.id;
        INSERT INTO citygrid.case_assist (case_id, department_code, lead_department, assigned_at)
            SELECT c.id, a, c.department_code, at FROM unnest(assist) a;
    ELSIF p_action = 'feedback' THEN
        UPDATE citygrid.case_assist SET done_at = at WHERE case_id = c.id AND done_at IS NULL;
    END IF;
    PERFORM citygrid.set_internal(false);
    PERFORM pg_notify('qgis', 'case:' || c.id);
    RETURN c;
END $$;
