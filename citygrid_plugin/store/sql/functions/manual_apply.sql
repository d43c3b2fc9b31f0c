-- Apply a command manual (指挥手册) — the one way to change it, for the administration dialog and
-- the import alike. p_manual is core.manual.Manual.to_json(): {"profile", "defaults": {kind: {stage:
-- {amount, unit}}}, "urgent_defaults": {…}, "classes": [{kind, code, points, supervisor, department,
-- handling, register, close, topology, limits, urgent, variants: [{name, note, limits}]}]}.
-- p_replace: the manual is the whole manual (classes not in it lose their page, defaults not in it are
-- removed); otherwise only the classes given change (and the defaults, when given).
--
-- Everything is checked before anything is written, and the first problem refuses the whole manual
-- with what and where (the import has told the person every problem before, with sheet and row):
-- the class exists in the profile, the departments (专业部门, 监管单位) exist or say 属地, stages,
-- units and amounts (more than 0, at most 8760 hours / 365 working days), a situation has a name
-- other than 紧急 and at least one limit, topology is point/line/polygon.
-- Nothing changed: no new version (returns the version in force and 0). Otherwise a new version
-- (manual_version: who, when, p_note, how many classes changed); the pages that changed are closed
-- (to_version) and written anew, the others stay as they are. Running cases keep the version they
-- were reported under. Administrators only.
CREATE OR REPLACE FUNCTION citygrid.manual_apply(p_manual jsonb, p_note text DEFAULT NULL, p_replace boolean DEFAULT true)
    RETURNS TABLE (version integer, changes integer)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    prof text := p_manual ->> 'profile';
    cur integer;
    newv integer;
    c jsonb;
    nj jsonb;
    kind_ text;
    code_ text;
    where_ text;
    seen text[] := '{}';
    changed jsonb := '[]';          -- [{kind, code, page (NULL: removed)}]
    defaults_changed text[] := '{}';
    k text;
    e record;
    v record;
    dep text;
    f text;
    ord_ integer;
BEGIN
    IF NOT citygrid.acts_as('admin') THEN
        RAISE EXCEPTION 'only an administrator may change the command manual' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF jsonb_typeof(p_manual) IS DISTINCT FROM 'object' OR prof IS NULL
       OR NOT EXISTS (SELECT 1 FROM citygrid.code_profile WHERE profile = prof) THEN
        RAISE EXCEPTION 'a manual names its code profile (one of %)',
            (SELECT string_agg(profile, ', ' ORDER BY profile) FROM citygrid.code_profile) USING ERRCODE = 'check_violation';
    END IF;
    IF length(p_note) > 500 THEN
        RAISE EXCEPTION 'the note has % characters; at most 500', length(p_note) USING ERRCODE = 'check_violation';
    END IF;
    PERFORM pg_advisory_xact_lock(7410316);    -- one manual change at a time
    SELECT max(mv.version) INTO cur FROM citygrid.manual_version mv;

    -- the classes: checked, compared with the version in force
    FOR c IN SELECT x FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p_manual -> 'classes') = 'array'
                                                     THEN p_manual -> 'classes' ELSE '[]' END) x LOOP
        kind_ := c ->> 'kind';
        code_ := c ->> 'code';
        where_ := COALESCE(kind_, '?') || ' ' || COALESCE(code_, '?');
        IF kind_ IS NULL OR kind_ NOT IN ('event', 'component') THEN
            RAISE EXCEPTION 'manual class %: kind must be event or component', where_ USING ERRCODE = 'check_violation';
        END IF;
        IF (kind_ = 'event' AND NOT EXISTS (SELECT 1 FROM citygrid.event_class ec WHERE ec.profile = prof AND ec.code = code_))
           OR (kind_ = 'component' AND NOT EXISTS (
                SELECT 1 FROM citygrid.component_class cc WHERE cc.profile = prof AND cc.code = code_)) THEN
            RAISE EXCEPTION 'manual class %: there is no % class % in profile %', where_, kind_, code_, prof
                USING ERRCODE = 'foreign_key_violation', HINT = 'add it as a local class first, or correct the code';
        END IF;
        IF (kind_ || ' ' || code_) = ANY (seen) THEN
            RAISE EXCEPTION 'manual class % is given twice', where_ USING ERRCODE = 'unique_violation';
        END IF;
        seen := seen || (kind_ || ' ' || code_);
        nj := citygrid.manual_norm_class(c);
        FOREACH f IN ARRAY ARRAY['points', 'handling', 'register', 'close'] LOOP
            IF length(nj ->> f) > 4000 THEN
                RAISE EXCEPTION 'manual class %: % has % characters; at most 4000', where_, f, length(nj ->> f)
                    USING ERRCODE = 'check_violation';
            END IF;
        END LOOP;
        FOREACH f IN ARRAY ARRAY['supervisor', 'department'] LOOP
            dep := nj ->> f;
            IF dep IS NOT NULL AND dep <> '属地' AND NOT EXISTS (SELECT 1 FROM citygrid.department d WHERE d.code = dep) THEN
                RAISE EXCEPTION 'manual class %: % % is not a department (give a department code, or 属地)', where_, f,
                    quote_literal(dep) USING ERRCODE = 'foreign_key_violation';
            END IF;
        END LOOP;
        IF nj ? 'topology' AND (kind_ <> 'component' OR nj ->> 'topology' NOT IN ('point', 'line', 'polygon')) THEN
            RAISE EXCEPTION 'manual class %: topology % (point, line or polygon, components only)', where_,
                quote_literal(nj ->> 'topology') USING ERRCODE = 'check_violation';
        END IF;
        PERFORM citygrid.manual_check_limits(where_, nj -> 'limits');
        PERFORM citygrid.manual_check_limits(where_ || ' (紧急)', nj -> 'urgent');
        FOR v IN SELECT key AS name, value FROM jsonb_each(COALESCE(nj -> 'variants', '{}')) LOOP
            IF v.name !~ '^\S(.{0,38}\S)?$' OR v.name = '紧急' THEN
                RAISE EXCEPTION 'manual class %: situation % needs a name of 1 to 40 characters other than 紧急', where_,
                    quote_literal(v.name) USING ERRCODE = 'check_violation';
            END IF;
            IF v.value -> 'limits' = '{}' THEN
                RAISE EXCEPTION 'manual class %: situation % has no time limit; give it at least one, or remove it',
                    where_, v.name USING ERRCODE = 'check_violation';
            END IF;
            PERFORM citygrid.manual_check_limits(where_ || ' (' || v.name || ')', v.value -> 'limits');
        END LOOP;
        IF citygrid.manual_class_json(kind_, prof, code_, cur) IS DISTINCT FROM nj THEN
            changed := changed || jsonb_build_object('kind', kind_, 'code', code_, 'page', nj);
        END IF;
    END LOOP;
    IF p_replace THEN     -- pages no longer in the manual
        FOR e IN SELECT mc.kind, mc.class_code FROM citygrid.manual_class mc
                  WHERE mc.profile = prof AND mc.to_version IS NULL
                    AND NOT ((mc.kind || ' ' || mc.class_code) = ANY (seen)) LOOP
            changed := changed || jsonb_build_object('kind', e.kind, 'code', e.class_code, 'page', NULL);
        END LOOP;
    END IF;
    -- the defaults
    FOREACH k IN ARRAY ARRAY['event', 'component'] LOOP
        IF NOT p_replace AND NOT (COALESCE(p_manual -> 'defaults', '{}') ? k)
           AND NOT (COALESCE(p_manual -> 'urgent_defaults', '{}') ? k) THEN
            CONTINUE;
        END IF;
        PERFORM citygrid.manual_check_limits(k || ' defaults', citygrid.manual_norm_limits(p_manual -> 'defaults' -> k));
        PERFORM citygrid.manual_check_limits(k || ' urgent defaults',
                                             citygrid.manual_norm_limits(p_manual -> 'urgent_defaults' -> k));
        IF citygrid.manual_norm_limits(p_manual -> 'defaults' -> k) IS DISTINCT FROM (
                SELECT jsonb_object_agg(l.stage, jsonb_build_object('amount', l.amount, 'unit', l.unit))
                  FROM citygrid.manual_limit l WHERE l.kind = k AND l.profile = prof AND l.class_code IS NULL
                   AND NOT l.urgent AND l.to_version IS NULL)
           OR citygrid.manual_norm_limits(p_manual -> 'urgent_defaults' -> k) IS DISTINCT FROM (
                SELECT jsonb_object_agg(l.stage, jsonb_build_object('amount', l.amount, 'unit', l.unit))
                  FROM citygrid.manual_limit l WHERE l.kind = k AND l.profile = prof AND l.class_code IS NULL
                   AND l.urgent AND l.to_version IS NULL) THEN
            defaults_changed := defaults_changed || k;
        END IF;
    END LOOP;

    IF jsonb_array_length(changed) = 0 AND cardinality(defaults_changed) = 0 THEN
        RETURN QUERY SELECT cur, 0;
        RETURN;
    END IF;

    -- a new version: close what changed, write it anew
    INSERT INTO citygrid.manual_version (note, changes)
    VALUES (NULLIF(btrim(p_note), ''), jsonb_array_length(changed) + cardinality(defaults_changed))
    RETURNING manual_version.version INTO newv;
    FOREACH k IN ARRAY defaults_changed LOOP
        UPDATE citygrid.manual_limit l SET to_version = newv
         WHERE l.kind = k AND l.profile = prof AND l.class_code IS NULL AND l.to_version IS NULL;
        INSERT INTO citygrid.manual_limit (kind, profile, class_code, variant, urgent, stage, amount, unit, from_version)
            SELECT k, prof, NULL, '', u, x.key, (x.value ->> 'amount')::numeric, x.value ->> 'unit', newv
              FROM (VALUES (false, p_manual -> 'defaults' -> k), (true, p_manual -> 'urgent_defaults' -> k)) AS d(u, j),
                   jsonb_each(COALESCE(citygrid.manual_norm_limits(d.j), '{}')) x;
    END LOOP;
    FOR c IN SELECT x FROM jsonb_array_elements(changed) x LOOP
        kind_ := c ->> 'kind';
        code_ := c ->> 'code';
        nj := c -> 'page';
        UPDATE citygrid.manual_class SET to_version = newv
         WHERE kind = kind_ AND profile = prof AND class_code = code_ AND to_version IS NULL;
        UPDATE citygrid.manual_variant SET to_version = newv
         WHERE kind = kind_ AND profile = prof AND class_code = code_ AND to_version IS NULL;
        UPDATE citygrid.manual_limit SET to_version = newv
         WHERE kind = kind_ AND profile = prof AND class_code = code_ AND to_version IS NULL;
        CONTINUE WHEN jsonb_typeof(nj) IS DISTINCT FROM 'object';
        INSERT INTO citygrid.manual_class (kind, profile, class_code, points, supervisor, department, handling, register,
                                           close, topology, from_version)
        VALUES (kind_, prof, code_, nj ->> 'points', nj ->> 'supervisor', nj ->> 'department', nj ->> 'handling',
                nj ->> 'register', nj ->> 'close', nj ->> 'topology', newv);
        INSERT INTO citygrid.manual_limit (kind, profile, class_code, variant, urgent, stage, amount, unit, from_version)
            SELECT kind_, prof, code_, '', u, x.key, (x.value ->> 'amount')::numeric, x.value ->> 'unit', newv
              FROM (VALUES (false, nj -> 'limits'), (true, nj -> 'urgent')) AS d(u, j),
                   jsonb_each(COALESCE(d.j, '{}')) x;
        FOR v IN SELECT key AS name, value FROM jsonb_each(COALESCE(nj -> 'variants', '{}')) LOOP
            INSERT INTO citygrid.manual_variant (kind, profile, class_code, name, note, ord, from_version)
            VALUES (kind_, prof, code_, v.name, v.value ->> 'note', COALESCE((v.value ->> 'ord')::integer, 0), newv);
            INSERT INTO citygrid.manual_limit (kind, profile, class_code, variant, urgent, stage, amount, unit, from_version)
                SELECT kind_, prof, code_, v.name, false, x.key, (x.value ->> 'amount')::numeric, x.value ->> 'unit', newv
                  FROM jsonb_each(v.value -> 'limits') x;
        END LOOP;
    END LOOP;
    RETURN QUERY SELECT newv, jsonb_array_length(changed) + cardinality(defaults_changed);
END $$;
