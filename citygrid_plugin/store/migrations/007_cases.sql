-- 007 cases (案件) and their workflow, held in the store for every client:
--   * a transition table (data): from state, action, to state, the role allowed, a named
--     condition (public reports need verifying on site) and which inputs the action needs;
--   * citygrid.case_act(): the one way to move a case — checks the actor's role, the current
--     state and the row version the client saw (so of two users acting at once exactly one
--     succeeds), sets deadlines from per-class time limits on the working calendar, appends to
--     the audit (append-only), and NOTIFYs channel `qgis` with 'case:<id>';
--   * routing: a component's owner first (先属主), an event by class and territory (先属地).

INSERT INTO citygrid.store_setting (key, value) VALUES
    ('work_periods', '08:30-12:00,13:30-17:30'),   -- working hours of a working day (Asia/Shanghai)
    ('trusted_sources', '监督员上报,视频监控');         -- sources that need no verification on site

-- Working calendar: Monday–Friday are working days unless listed here (holidays, and the
-- weekend days made working days by 调休).
CREATE TABLE citygrid.work_calendar (
    day         date PRIMARY KEY,
    is_workday  boolean NOT NULL,
    note        text
);

CREATE FUNCTION citygrid.is_workday(d date) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE((SELECT is_workday FROM citygrid.work_calendar WHERE day = d),
                    extract(isodow FROM d) < 6) $$;

-- The working periods of one day, as (start, end) timestamps in Asia/Shanghai.
CREATE FUNCTION citygrid.work_periods(d date) RETURNS TABLE (p_start timestamptz, p_end timestamptz)
    LANGUAGE sql STABLE AS $$
    SELECT (d + split_part(p, '-', 1)::time) AT TIME ZONE 'Asia/Shanghai',
           (d + split_part(p, '-', 2)::time) AT TIME ZONE 'Asia/Shanghai'
      FROM unnest(string_to_array((SELECT value FROM citygrid.store_setting WHERE key = 'work_periods'), ',')) p
     WHERE citygrid.is_workday(d)
     ORDER BY 1 $$;

-- start + amount in a unit: 'hours' (clock hours), 'work_hours' (only inside working periods),
-- 'work_days' (the end of the amount-th working day after the start's day).
CREATE FUNCTION citygrid.add_work_time(start timestamptz, amount numeric, unit text) RETURNS timestamptz
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    d date := (start AT TIME ZONE 'Asia/Shanghai')::date;
    left_s numeric := amount * 3600;
    p record;
    n integer := 0;
    guard integer := 0;
BEGIN
    IF amount IS NULL OR amount < 0 THEN
        RAISE EXCEPTION 'time limit must be a positive amount, got %', amount USING ERRCODE = 'check_violation';
    END IF;
    IF unit = 'hours' THEN
        RETURN start + make_interval(secs => amount * 3600);
    ELSIF unit = 'work_days' THEN
        WHILE n < amount LOOP
            d := d + 1;
            guard := guard + 1;
            IF guard > 3700 THEN RAISE EXCEPTION 'no working day within ten years of %', start; END IF;
            IF citygrid.is_workday(d) THEN n := n + 1; END IF;
        END LOOP;
        RETURN (SELECT max(p_end) FROM citygrid.work_periods(d));
    ELSIF unit = 'work_hours' THEN
        LOOP
            FOR p IN SELECT * FROM citygrid.work_periods(d) LOOP
                IF p.p_end > start THEN
                    IF extract(epoch FROM p.p_end - greatest(p.p_start, start)) >= left_s THEN
                        RETURN greatest(p.p_start, start) + make_interval(secs => left_s);
                    END IF;
                    left_s := left_s - extract(epoch FROM p.p_end - greatest(p.p_start, start));
                END IF;
            END LOOP;
            d := d + 1;
            guard := guard + 1;
            IF guard > 3700 THEN RAISE EXCEPTION 'no working time within ten years of %', start; END IF;
        END LOOP;
    END IF;
    RAISE EXCEPTION 'unknown time unit %; use hours, work_hours or work_days', unit USING ERRCODE = 'check_violation';
END $$;

CREATE TABLE citygrid.case_state (
    state     text PRIMARY KEY,
    ord       integer NOT NULL,
    name_zh   text NOT NULL,
    is_open   boolean NOT NULL
);
INSERT INTO citygrid.case_state VALUES
    ('reported', 1, '待受理', true), ('to_verify', 2, '待核实', true), ('accepted', 3, '待立案', true),
    ('registered', 4, '待派遣', true), ('dispatched', 5, '处置中', true), ('returned', 6, '退回待派遣', true),
    ('deferred', 7, '挂账', true), ('handled', 8, '待核查', true), ('checked', 9, '待结案', true),
    ('closed', 10, '已结案', false), ('cancelled', 11, '已作废', false);

CREATE TABLE citygrid.case_role (role text PRIMARY KEY, name_zh text NOT NULL);
INSERT INTO citygrid.case_role VALUES
    ('operator', '受理员'), ('supervisor', '监督员'), ('shift_leader', '值班长'), ('dispatcher', '派遣员'),
    ('department', '专业部门'), ('system', '系统');

-- The workflow as data. condition: NULL (always), 'public' (a source that needs verifying on
-- site), 'trusted' (the others). needs: inputs the action requires ({"department": true, …}).
-- stage: which time limit starts (NULL: the current deadline stays).
CREATE TABLE citygrid.case_transition (
    from_state  text NOT NULL REFERENCES citygrid.case_state,
    action      text NOT NULL,
    to_state    text NOT NULL REFERENCES citygrid.case_state,
    role        text NOT NULL REFERENCES citygrid.case_role,
    condition   text CHECK (condition IN ('public', 'trusted')),
    needs       jsonb NOT NULL DEFAULT '{}',
    stage       text,
    PRIMARY KEY (from_state, action, role, to_state)
);
INSERT INTO citygrid.case_transition (from_state, action, to_state, role, condition, needs, stage) VALUES
    ('reported',   'accept',   'to_verify',  'operator',     'public',  '{}', 'verify'),
    ('reported',   'accept',   'accepted',   'operator',     'trusted', '{}', 'register'),
    ('reported',   'cancel',   'cancelled',  'operator',     NULL, '{"note": true}', NULL),
    ('to_verify',  'verify',   'accepted',   'supervisor',   NULL, '{}', 'register'),
    ('to_verify',  'cancel',   'cancelled',  'supervisor',   NULL, '{"note": true}', NULL),
    ('accepted',   'register', 'registered', 'shift_leader', NULL, '{}', 'dispatch'),
    ('accepted',   'cancel',   'cancelled',  'shift_leader', NULL, '{"note": true}', NULL),
    ('registered', 'dispatch', 'dispatched', 'dispatcher',   NULL, '{"department": true}', 'handle'),
    ('returned',   'dispatch', 'dispatched', 'dispatcher',   NULL, '{"department": true}', 'handle'),
    ('dispatched', 'return',   'returned',   'department',   NULL, '{"note": true}', 'dispatch'),
    ('dispatched', 'feedback', 'handled',    'department',   NULL, '{}', 'check'),
    ('dispatched', 'request_extension', 'dispatched', 'department', NULL, '{"hours": true, "note": true}', NULL),
    ('dispatched', 'approve_extension', 'dispatched', 'shift_leader', NULL, '{}', NULL),
    ('dispatched', 'defer',    'deferred',   'shift_leader', NULL, '{"note": true}', NULL),
    ('deferred',   'release',  'dispatched', 'shift_leader', NULL, '{}', 'handle'),
    ('dispatched', 'urge',     'dispatched', 'shift_leader', NULL, '{}', NULL),
    ('dispatched', 'urge',     'dispatched', 'dispatcher',   NULL, '{}', NULL),
    ('handled',    'check_ok', 'checked',    'supervisor',   NULL, '{}', 'close'),
    ('handled',    'rework',   'dispatched', 'supervisor',   NULL, '{"note": true}', 'handle'),
    ('checked',    'close',    'closed',     'shift_leader', NULL, '{}', NULL),
    ('checked',    'rework',   'dispatched', 'shift_leader', NULL, '{"note": true}', 'handle');

-- Time limit of a stage: a class-specific row wins over the default (class_code NULL).
CREATE TABLE citygrid.case_time_limit (
    id          serial PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('event', 'component')),
    class_code  text,
    stage       text NOT NULL CHECK (stage IN ('verify', 'register', 'dispatch', 'handle', 'check', 'close')),
    amount      numeric NOT NULL CHECK (amount > 0),
    unit        text NOT NULL CHECK (unit IN ('hours', 'work_hours', 'work_days')),
    note        text,
    UNIQUE NULLS NOT DISTINCT (kind, class_code, stage)
);
INSERT INTO citygrid.case_time_limit (kind, class_code, stage, amount, unit, note) VALUES
    ('event', NULL, 'verify', 0.5, 'hours', '核实 30 分钟'), ('component', NULL, 'verify', 0.5, 'hours', '核实 30 分钟'),
    ('event', NULL, 'register', 1, 'work_hours', NULL), ('component', NULL, 'register', 1, 'work_hours', NULL),
    ('event', NULL, 'dispatch', 1, 'work_hours', NULL), ('component', NULL, 'dispatch', 1, 'work_hours', NULL),
    ('event', NULL, 'handle', 3, 'work_days', 'default'), ('component', NULL, 'handle', 3, 'work_days', 'default'),
    ('event', NULL, 'check', 0.5, 'hours', '核查 30 分钟'), ('component', NULL, 'check', 0.5, 'hours', '核查 30 分钟'),
    ('event', NULL, 'close', 2, 'work_hours', NULL), ('component', NULL, 'close', 2, 'work_hours', NULL),
    ('event', '0102', 'handle', 4, 'work_hours', '暴露垃圾 (under 5 t)'),
    ('event', '0104', 'handle', 5, 'work_hours', '道路不洁'),
    ('event', '0101', 'handle', 15, 'work_days', '私搭乱建 / 违法搭建'),
    ('component', '0101', 'handle', 6, 'hours', '井盖 repaired in 6 h'),
    ('component', '0102', 'handle', 6, 'hours', '井盖 repaired in 6 h'),
    ('component', '0103', 'handle', 6, 'hours', '井盖 repaired in 6 h');

-- Routing for events (先属地): by class and street; a NULL street is the district-wide rule.
CREATE TABLE citygrid.routing_rule (
    id              serial PRIMARY KEY,
    class_code      text NOT NULL,
    street_code     text,
    department_code text NOT NULL REFERENCES citygrid.department ON UPDATE CASCADE,
    UNIQUE NULLS NOT DISTINCT (class_code, street_code)
);

CREATE SEQUENCE citygrid.case_number;

-- Case numbers: report date + a store-wide serial of at least 8 digits (never truncated).
CREATE FUNCTION citygrid.case_serial() RETURNS text
    LANGUAGE sql AS $$
    SELECT lpad(n::text, greatest(8, length(n::text)), '0') FROM nextval('citygrid.case_number') n $$;

CREATE TABLE citygrid.work_case (
    id               bigserial PRIMARY KEY,
    case_no          text NOT NULL UNIQUE,
    source           text NOT NULL CHECK (source IN ('监督员上报', '公众举报', '12319热线', '领导批办', '媒体曝光',
                                                      '视频监控', '部门上报')),
    kind             text NOT NULL CHECK (kind IN ('event', 'component')),
    profile          text NOT NULL DEFAULT '2013',
    class_code       text NOT NULL,
    component_code   text REFERENCES citygrid.component (code) ON UPDATE CASCADE,
    description      text NOT NULL CHECK (btrim(description) <> ''),
    address          text,
    reporter         text,
    photo            text,
    geom             geometry(Point, {{srid}}) NOT NULL,
    grid_code        text NOT NULL,
    district_code    text NOT NULL,
    street_code      text NOT NULL,
    community_code   text NOT NULL,
    department_code  text REFERENCES citygrid.department ON UPDATE CASCADE,
    state            text NOT NULL DEFAULT 'reported' REFERENCES citygrid.case_state,
    stage            text,
    stage_deadline   timestamptz,
    handle_deadline  timestamptz,
    extension_hours  numeric NOT NULL DEFAULT 0,
    extension_pending numeric,
    rework_count     integer NOT NULL DEFAULT 0,
    urge_count       integer NOT NULL DEFAULT 0,
    close_category   text CHECK (close_category IN ('正常结案', '超时结案')),
    reported_at      timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       text NOT NULL DEFAULT current_user,
    version          integer NOT NULL DEFAULT 1
);
CREATE INDEX work_case_geom ON citygrid.work_case USING gist (geom);
CREATE INDEX work_case_state ON citygrid.work_case (state, stage_deadline);
CREATE INDEX work_case_department ON citygrid.work_case (department_code, state);
CREATE INDEX work_case_reported ON citygrid.work_case (reported_at);
COMMENT ON TABLE citygrid.work_case IS 'Cases (案件); change them only through citygrid.case_report and citygrid.case_act';

-- Append-only audit of every action.
CREATE TABLE citygrid.case_action (
    id          bigserial PRIMARY KEY,
    case_id     bigint NOT NULL REFERENCES citygrid.work_case,
    action      text NOT NULL,
    from_state  text,
    to_state    text NOT NULL,
    actor       text NOT NULL DEFAULT current_user,
    role        text NOT NULL,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    note        text,
    data        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX case_action_case ON citygrid.case_action (case_id, id);
CREATE INDEX case_action_at ON citygrid.case_action (at);

CREATE FUNCTION citygrid.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER case_action_append_only BEFORE UPDATE OR DELETE ON citygrid.case_action
    FOR EACH ROW EXECUTE FUNCTION citygrid.refuse_change();
CREATE TRIGGER case_action_no_truncate BEFORE TRUNCATE ON citygrid.case_action
    FOR EACH STATEMENT EXECUTE FUNCTION citygrid.refuse_change();

-- Cases change only through the functions below (they set citygrid.case_fn for their own writes).
CREATE FUNCTION citygrid.case_guard() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF COALESCE(current_setting('citygrid.case_fn', true), '') <> 'on' THEN
        RAISE EXCEPTION 'cases change only through citygrid.case_report() and citygrid.case_act()'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER work_case_guard BEFORE INSERT OR UPDATE OR DELETE ON citygrid.work_case
    FOR EACH ROW EXECUTE FUNCTION citygrid.case_guard();

CREATE FUNCTION citygrid.case_deadline(c citygrid.work_case, p_stage text, start timestamptz) RETURNS timestamptz
    LANGUAGE sql STABLE AS $$
    SELECT citygrid.add_work_time(start, l.amount, l.unit)
      FROM citygrid.case_time_limit l
     WHERE l.kind = c.kind AND l.stage = p_stage AND (l.class_code = c.class_code OR l.class_code IS NULL)
     ORDER BY l.class_code NULLS LAST LIMIT 1 $$;

-- The department to suggest when dispatching: a component's owner first (先属主), else the
-- routing rule of the class in the case's street, else the class's district-wide rule.
CREATE FUNCTION citygrid.suggest_department(p_case bigint) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE(
        (SELECT co.dept2_code FROM citygrid.work_case c JOIN citygrid.component co ON co.code = c.component_code
          WHERE c.id = p_case AND co.dept2_code IS NOT NULL),
        (SELECT co.dept1_code FROM citygrid.work_case c JOIN citygrid.component co ON co.code = c.component_code
          WHERE c.id = p_case),
        (SELECT r.department_code FROM citygrid.work_case c JOIN citygrid.routing_rule r
             ON r.class_code = c.class_code AND r.street_code = c.street_code WHERE c.id = p_case),
        (SELECT r.department_code FROM citygrid.work_case c JOIN citygrid.routing_rule r
             ON r.class_code = c.class_code AND r.street_code IS NULL WHERE c.id = p_case)) $$;

-- Report a case (上报): located in its grid, numbered, audited, announced.
CREATE FUNCTION citygrid.case_report(p_source text, p_kind text, p_class text, p_description text, p_geom geometry,
                                     p_address text DEFAULT NULL, p_reporter text DEFAULT NULL,
                                     p_component text DEFAULT NULL, p_photo text DEFAULT NULL,
                                     p_at timestamptz DEFAULT NULL)
    RETURNS citygrid.work_case
    LANGUAGE plpgsql AS $$
DECLARE
    g record;
    c citygrid.work_case;
    known boolean;
    at timestamptz := COALESCE(p_at, now());
BEGIN
    SELECT code INTO g FROM citygrid.grid WHERE retired_at IS NULL AND code IS NOT NULL
       AND ST_Intersects(geom, p_geom) LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'case at (%, %) lies outside every unit grid', round(ST_X(p_geom)::numeric, 1),
            round(ST_Y(p_geom)::numeric, 1) USING ERRCODE = 'check_violation';
    END IF;
    IF p_component IS NOT NULL AND (p_kind <> 'component' OR NOT EXISTS (
            SELECT 1 FROM citygrid.component WHERE code = p_component AND class_code = p_class AND retired_at IS NULL)) THEN
        RAISE EXCEPTION 'component % is not an active component of class % (a component case names its component and its class)',
            p_component, p_class USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF p_kind = 'event' THEN
        SELECT true INTO known FROM citygrid.event_class e JOIN citygrid.district d ON d.profile = e.profile
         WHERE d.code = left(g.code, 6) AND e.code = p_class;
    ELSE
        SELECT true INTO known FROM citygrid.component_class e JOIN citygrid.district d ON d.profile = e.profile
         WHERE d.code = left(g.code, 6) AND e.code = p_class;
    END IF;
    IF known IS NULL THEN
        RAISE EXCEPTION '% class % is not in the district''s code profile', p_kind, p_class
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    PERFORM set_config('citygrid.case_fn', 'on', true);
    INSERT INTO citygrid.work_case (case_no, source, kind, profile, class_code, component_code, description, address,
                                    reporter, photo, geom, grid_code, district_code, street_code, community_code,
                                    state, reported_at, updated_at)
    VALUES (to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || citygrid.case_serial(),
            p_source, p_kind, (SELECT profile FROM citygrid.district WHERE code = left(g.code, 6)), p_class,
            p_component, p_description, p_address, p_reporter, p_photo, ST_SetSRID(p_geom, citygrid.store_srid()),
            g.code, left(g.code, 6), substr(g.code, 7, 3), substr(g.code, 10, 3), 'reported', at, at)
    RETURNING * INTO c;
    INSERT INTO citygrid.case_action (case_id, action, from_state, to_state, role, at, data)
    VALUES (c.id, 'report', NULL, 'reported', 'system', at, jsonb_build_object('source', p_source));
    PERFORM set_config('citygrid.case_fn', 'off', true);
    PERFORM pg_notify('qgis', 'case:' || c.id);
    RETURN c;
END $$;

-- Act on a case. p_version is the version the client saw; p_data carries the inputs the
-- action needs (department, hours). p_at lets a generator replay history (NULL: now).
CREATE FUNCTION citygrid.case_act(p_case bigint, p_action text, p_role text, p_version integer,
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
BEGIN
    SELECT * INTO c FROM citygrid.work_case WHERE id = p_case FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'case % does not exist', p_case USING ERRCODE = 'no_data_found';
    END IF;
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
            p_data || jsonb_build_object('version', c.version)
                   || CASE WHEN dept IS NOT NULL THEN jsonb_build_object('department', dept) ELSE '{}' END);
    PERFORM set_config('citygrid.case_fn', 'off', true);
    PERFORM pg_notify('qgis', 'case:' || c.id);
    RETURN c;
END $$;

-- The queue as the docks read it: open cases with time left (negative: overdue).
CREATE VIEW citygrid.case_queue AS
    SELECT c.id, c.case_no, c.state, s.name_zh AS state_zh, c.source, c.kind, c.class_code, c.description,
           c.address, c.grid_code, c.street_code, c.community_code, c.department_code, c.stage, c.stage_deadline,
           extract(epoch FROM c.stage_deadline - now()) / 3600.0 AS hours_left,
           c.stage_deadline < now() AS overdue, c.version, c.geom, c.reported_at, c.urge_count, c.rework_count
      FROM citygrid.work_case c JOIN citygrid.case_state s ON s.state = c.state
     WHERE s.is_open;
