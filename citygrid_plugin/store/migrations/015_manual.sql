-- 015 the command manual (指挥手册) and the city's rules as data its administrators maintain
-- (issue 16). Schema only; the functions' bodies are in store/sql/functions (manual_apply,
-- case_deadline, case_route, suggest_department, case_act_core, admin_audit_row, …).
--
--   * The manual, versioned: every change makes a new version (manual_version: who, when, why);
--     rows are never changed, only closed (to_version) and replaced, so any past version can be
--     read back. Per class and profile: 管理要点, 监管单位, 专业部门 (the default handler), 处置标准,
--     立案标准, 结案标准, topology (manual_class); named situations (情形, manual_variant) with their
--     own limits; time limits per stage, normal and urgent, class-specific or the kind's default
--     (manual_limit). The time limits of migrations 007/014 (case_time_limit) become version 1.
--   * A case records the version in force when it was reported (work_case.manual_version) and the
--     situation the shift leader chose when registering (work_case.variant): its deadlines come from
--     that version forever, so changing the manual never moves a running case.
--   * A new first stage, accept (受理): its limit runs from the report when the manual gives one.
--   * Departments gain a contact and territories (属地范围: streets or communities, one department
--     each); routing rules gain the kind and a community; supervisors their responsibility grids.
--   * Authorisations (缓办 defer, 延期 extension, 作废 cancel …) as data (case_authority): who may
--     approve which, on top of the workflow's transitions; the 数字城管办 (office) joins as a role.
--   * The working week is a setting (work_week), beside the working periods and the calendar.
--   * Evaluation weights in the store (evaluation_weight).
--   * Every administrative change is audited (admin_audit: who, when, old and new row), append-only.

-- the office (数字城管办): the authority for deferral, extension and cancellation --------------------
INSERT INTO citygrid.case_role (role, name_zh) VALUES ('office', '数字城管办') ON CONFLICT DO NOTHING;
INSERT INTO citygrid.case_transition (from_state, action, to_state, role, condition, needs, stage) VALUES
    ('dispatched', 'approve_extension', 'dispatched', 'office', NULL, '{}', NULL),
    ('dispatched', 'refuse_extension', 'dispatched', 'office', NULL, '{"note": true}', NULL),
    ('dispatched', 'defer', 'deferred', 'office', NULL, '{"note": true}', NULL),
    ('deferred', 'release', 'dispatched', 'office', NULL, '{}', 'handle'),
    ('reported', 'cancel', 'cancelled', 'office', NULL, '{"note": true}', NULL),
    ('to_verify', 'cancel', 'cancelled', 'office', NULL, '{"note": true}', NULL),
    ('accepted', 'cancel', 'cancelled', 'office', NULL, '{"note": true}', NULL),
    ('registered', 'cancel', 'cancelled', 'office', NULL, '{"note": true}', NULL);
-- the shift leader picks the situation (情形) when registering
UPDATE citygrid.case_transition SET needs = needs || '{"variant": "optional"}' WHERE action = 'register';

CREATE TABLE citygrid.case_authority (
    action     text NOT NULL CHECK (action IN ('defer', 'release', 'approve_extension', 'refuse_extension', 'cancel')),
    role       text NOT NULL REFERENCES citygrid.case_role,
    max_hours  numeric CHECK (max_hours > 0 AND max_hours <= 2160),   -- approve_extension: up to this many hours
    note       text CHECK (length(note) <= 500),
    updated_at timestamptz,
    updated_by text,
    PRIMARY KEY (action, role),
    CHECK (max_hours IS NULL OR action = 'approve_extension'),
    CHECK (role <> 'system')
);
COMMENT ON TABLE citygrid.case_authority IS
    'Who may approve deferral (缓办), release, extension (延期) and cancellation (作废): on top of the workflow''s transitions';
INSERT INTO citygrid.case_authority (action, role, max_hours, note) VALUES
    ('defer', 'shift_leader', NULL, NULL), ('defer', 'office', NULL, NULL),
    ('release', 'shift_leader', NULL, NULL), ('release', 'office', NULL, NULL),
    ('approve_extension', 'shift_leader', NULL, NULL), ('approve_extension', 'office', NULL, NULL),
    ('refuse_extension', 'shift_leader', NULL, NULL), ('refuse_extension', 'office', NULL, NULL),
    ('cancel', 'operator', NULL, NULL), ('cancel', 'supervisor', NULL, NULL),
    ('cancel', 'shift_leader', NULL, NULL), ('cancel', 'office', NULL, NULL);
ALTER TABLE citygrid.case_authority ENABLE ROW LEVEL SECURITY;
CREATE POLICY cg_case_authority_read ON citygrid.case_authority FOR SELECT USING (true);

-- the manual --------------------------------------------------------------------------------------
CREATE TABLE citygrid.manual_version (
    version     serial PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    created_by  text NOT NULL DEFAULT citygrid.actor(),
    note        text CHECK (length(note) <= 500),
    changes     integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE citygrid.manual_version IS
    'Versions of the command manual (指挥手册): written only by citygrid.manual_apply';
CREATE TRIGGER manual_version_append_only BEFORE UPDATE OR DELETE ON citygrid.manual_version
    FOR EACH ROW EXECUTE FUNCTION citygrid.refuse_change();

CREATE TABLE citygrid.manual_class (
    id            bigserial PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('event', 'component')),
    profile       text NOT NULL REFERENCES citygrid.code_profile,
    class_code    text NOT NULL,
    points        text CHECK (length(points) <= 4000),       -- 管理要点
    supervisor    text CHECK (length(supervisor) <= 32),     -- 监管单位: a department code or 属地
    department    text CHECK (length(department) <= 32),     -- 专业部门: a department code or 属地
    handling      text CHECK (length(handling) <= 4000),     -- 处置标准
    register      text CHECK (length(register) <= 4000),     -- 立案标准
    close         text CHECK (length(close) <= 4000),        -- 结案标准
    topology      text CHECK (topology IN ('point', 'line', 'polygon')),
    from_version  integer NOT NULL REFERENCES citygrid.manual_version,
    to_version    integer REFERENCES citygrid.manual_version,
    CHECK (to_version IS NULL OR to_version > from_version)
);
CREATE UNIQUE INDEX manual_class_current ON citygrid.manual_class (kind, profile, class_code) WHERE to_version IS NULL;
CREATE INDEX manual_class_key ON citygrid.manual_class (kind, profile, class_code, from_version);

CREATE TABLE citygrid.manual_variant (
    id            bigserial PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('event', 'component')),
    profile       text NOT NULL REFERENCES citygrid.code_profile,
    class_code    text NOT NULL,
    name          text NOT NULL CHECK (name ~ '^\S(.{0,38}\S)?$' AND name <> '紧急'),
    note          text CHECK (length(note) <= 500),
    ord           integer NOT NULL DEFAULT 0,
    from_version  integer NOT NULL REFERENCES citygrid.manual_version,
    to_version    integer REFERENCES citygrid.manual_version,
    CHECK (to_version IS NULL OR to_version > from_version)
);
CREATE UNIQUE INDEX manual_variant_current ON citygrid.manual_variant (kind, profile, class_code, name)
    WHERE to_version IS NULL;
CREATE INDEX manual_variant_key ON citygrid.manual_variant (kind, profile, class_code, from_version);

CREATE TABLE citygrid.manual_limit (
    id            bigserial PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('event', 'component')),
    profile       text NOT NULL REFERENCES citygrid.code_profile,
    class_code    text,                               -- NULL: the kind's default
    variant       text NOT NULL DEFAULT '',           -- '': no situation
    urgent        boolean NOT NULL DEFAULT false,
    stage         text NOT NULL CHECK (stage IN ('accept', 'verify', 'register', 'dispatch', 'handle', 'check', 'close')),
    amount        numeric NOT NULL CHECK (amount > 0 AND amount <= 8760 AND amount <> 'NaN'::numeric),
    unit          text NOT NULL CHECK (unit IN ('hours', 'work_hours', 'work_days')),
    from_version  integer NOT NULL REFERENCES citygrid.manual_version,
    to_version    integer REFERENCES citygrid.manual_version,
    CHECK (to_version IS NULL OR to_version > from_version),
    CHECK (variant = '' OR (class_code IS NOT NULL AND NOT urgent)),
    CHECK (unit <> 'work_days' OR amount <= 365)
);
CREATE UNIQUE INDEX manual_limit_current ON citygrid.manual_limit (kind, profile, class_code, variant, urgent, stage)
    NULLS NOT DISTINCT WHERE to_version IS NULL;
CREATE INDEX manual_limit_key ON citygrid.manual_limit (kind, profile, stage, class_code, from_version);

COMMENT ON TABLE citygrid.manual_class IS 'The command manual''s page of a class, per version (written by citygrid.manual_apply)';
COMMENT ON TABLE citygrid.manual_variant IS 'Situations (情形) of a class with their own time limits, per version';
COMMENT ON TABLE citygrid.manual_limit IS 'Time limits per stage (class NULL: the default), per version';

CREATE TRIGGER manual_class_no_delete BEFORE DELETE ON citygrid.manual_class
    FOR EACH ROW EXECUTE FUNCTION citygrid.refuse_change();
CREATE TRIGGER manual_variant_no_delete BEFORE DELETE ON citygrid.manual_variant
    FOR EACH ROW EXECUTE FUNCTION citygrid.refuse_change();
CREATE TRIGGER manual_limit_no_delete BEFORE DELETE ON citygrid.manual_limit
    FOR EACH ROW EXECUTE FUNCTION citygrid.refuse_change();
ALTER TABLE citygrid.manual_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE citygrid.manual_class ENABLE ROW LEVEL SECURITY;
ALTER TABLE citygrid.manual_variant ENABLE ROW LEVEL SECURITY;
ALTER TABLE citygrid.manual_limit ENABLE ROW LEVEL SECURITY;
CREATE POLICY cg_manual_version_read ON citygrid.manual_version FOR SELECT USING (true);
CREATE POLICY cg_manual_class_read ON citygrid.manual_class FOR SELECT USING (true);
CREATE POLICY cg_manual_variant_read ON citygrid.manual_variant FOR SELECT USING (true);
CREATE POLICY cg_manual_limit_read ON citygrid.manual_limit FOR SELECT USING (true);

-- version 1: the time limits the store had (case_time_limit, migrations 007 and 014), for every
-- profile's defaults and the standard profile's classes; their classes get (empty) manual pages
INSERT INTO citygrid.manual_version (version, note, changes) VALUES (1, '迁移：原有时限 (migration 015)', 0);
SELECT setval('citygrid.manual_version_version_seq', 1);
INSERT INTO citygrid.manual_limit (kind, profile, class_code, urgent, stage, amount, unit, from_version)
    SELECT l.kind, p.profile, NULL, l.urgent, l.stage, l.amount, l.unit, 1
      FROM citygrid.case_time_limit l CROSS JOIN citygrid.code_profile p WHERE l.class_code IS NULL;
INSERT INTO citygrid.manual_limit (kind, profile, class_code, urgent, stage, amount, unit, from_version)
    SELECT l.kind, '2013', l.class_code, l.urgent, l.stage, l.amount, l.unit, 1
      FROM citygrid.case_time_limit l WHERE l.class_code IS NOT NULL;
INSERT INTO citygrid.manual_class (kind, profile, class_code, from_version)
    SELECT DISTINCT kind, '2013', class_code, 1 FROM citygrid.case_time_limit WHERE class_code IS NOT NULL;
DROP TABLE citygrid.case_time_limit;

-- cases: the manual version in force and the situation ------------------------------------------
ALTER TABLE citygrid.work_case
    ADD COLUMN manual_version integer REFERENCES citygrid.manual_version,
    ADD COLUMN variant text NOT NULL DEFAULT '' CONSTRAINT work_case_variant_size CHECK (length(variant) <= 40);
COMMENT ON COLUMN citygrid.work_case.manual_version IS 'the command manual''s version in force when the case was reported';
COMMENT ON COLUMN citygrid.work_case.variant IS 'the situation (情形) chosen when registering ('''': none)';
ALTER TABLE citygrid.work_case DISABLE TRIGGER work_case_guard;
UPDATE citygrid.work_case SET manual_version = 1;
ALTER TABLE citygrid.work_case ENABLE TRIGGER work_case_guard;
ALTER TABLE citygrid.work_case ALTER COLUMN manual_version SET NOT NULL;

-- departments: contact and territories ------------------------------------------------------------
ALTER TABLE citygrid.department
    ADD COLUMN contact text CONSTRAINT department_contact_size CHECK (length(contact) <= 200),
    ADD COLUMN updated_by text;
CREATE TABLE citygrid.department_territory (
    area_code        text PRIMARY KEY CHECK (area_code ~ '^[0-9]{9}([0-9]{3})?$'),  -- district+street(+community)
    department_code  text NOT NULL REFERENCES citygrid.department ON UPDATE CASCADE ON DELETE CASCADE,
    created_at       timestamptz,
    created_by       text
);
COMMENT ON TABLE citygrid.department_territory IS
    'Territories (属地范围): the street or community a department answers for (one department per area)';
CREATE INDEX department_territory_department ON citygrid.department_territory (department_code);
CREATE TRIGGER department_territory_stamp BEFORE INSERT OR UPDATE ON citygrid.department_territory
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
ALTER TABLE citygrid.department_territory ENABLE ROW LEVEL SECURITY;
CREATE POLICY cg_department_territory_read ON citygrid.department_territory FOR SELECT USING (true);

-- routing rules: the kind and a community --------------------------------------------------------------
ALTER TABLE citygrid.routing_rule
    ADD COLUMN kind text NOT NULL DEFAULT 'event' CHECK (kind IN ('event', 'component')),
    ADD COLUMN community_code text CHECK (community_code ~ '^[0-9]{3}$'),
    ADD COLUMN updated_at timestamptz,
    ADD COLUMN updated_by text,
    ADD CONSTRAINT routing_rule_community_in_street CHECK (community_code IS NULL OR street_code IS NOT NULL),
    ADD CONSTRAINT routing_rule_street_code CHECK (street_code ~ '^[0-9]{3}$');
ALTER TABLE citygrid.routing_rule DROP CONSTRAINT routing_rule_class_code_street_code_key;
ALTER TABLE citygrid.routing_rule ADD CONSTRAINT routing_rule_area UNIQUE NULLS NOT DISTINCT
    (kind, class_code, street_code, community_code);
CREATE TRIGGER routing_rule_stamp BEFORE INSERT OR UPDATE ON citygrid.routing_rule
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();

-- supervisors' responsibility grids -------------------------------------------------------------------
CREATE TABLE citygrid.supervisor_grid (
    login       text NOT NULL REFERENCES citygrid.staff ON UPDATE CASCADE ON DELETE CASCADE,
    grid_code   text NOT NULL CHECK (grid_code ~ '^[0-9]{15}$'),
    created_at  timestamptz,
    created_by  text,
    PRIMARY KEY (login, grid_code)
);
COMMENT ON TABLE citygrid.supervisor_grid IS 'The unit grids a supervisor (监督员) patrols (责任网格)';
CREATE INDEX supervisor_grid_grid ON citygrid.supervisor_grid (grid_code);
CREATE TRIGGER supervisor_grid_stamp BEFORE INSERT OR UPDATE ON citygrid.supervisor_grid
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
ALTER TABLE citygrid.supervisor_grid ENABLE ROW LEVEL SECURITY;
CREATE POLICY cg_supervisor_grid_read ON citygrid.supervisor_grid FOR SELECT USING (true);

-- the calendar and the settings: who and when -------------------------------------------------------
ALTER TABLE citygrid.work_calendar ADD COLUMN updated_at timestamptz, ADD COLUMN updated_by text,
    ADD CONSTRAINT work_calendar_note_size CHECK (length(note) <= 200);
CREATE TRIGGER work_calendar_stamp BEFORE INSERT OR UPDATE ON citygrid.work_calendar
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
ALTER TABLE citygrid.store_setting ADD COLUMN updated_at timestamptz, ADD COLUMN updated_by text;
CREATE TRIGGER store_setting_stamp BEFORE INSERT OR UPDATE ON citygrid.store_setting
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
INSERT INTO citygrid.store_setting (key, value) VALUES ('work_week', '1,2,3,4,5') ON CONFLICT (key) DO NOTHING;
CREATE FUNCTION citygrid.store_setting_check() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER store_setting_check BEFORE INSERT OR UPDATE ON citygrid.store_setting
    FOR EACH ROW EXECUTE FUNCTION citygrid.store_setting_check();
CREATE FUNCTION citygrid.supervisor_grid_check() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER supervisor_grid_check BEFORE INSERT OR UPDATE ON citygrid.supervisor_grid
    FOR EACH ROW EXECUTE FUNCTION citygrid.supervisor_grid_check();
CREATE FUNCTION citygrid.department_territory_check() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER department_territory_check BEFORE INSERT OR UPDATE ON citygrid.department_territory
    FOR EACH ROW EXECUTE FUNCTION citygrid.department_territory_check();
ALTER TABLE citygrid.case_source ADD COLUMN updated_at timestamptz, ADD COLUMN updated_by text;
CREATE TRIGGER case_source_stamp BEFORE INSERT OR UPDATE ON citygrid.case_source
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
CREATE TRIGGER case_authority_stamp BEFORE INSERT OR UPDATE ON citygrid.case_authority
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();

-- evaluation weights --------------------------------------------------------------------------------
CREATE TABLE citygrid.evaluation_weight (
    term        text PRIMARY KEY CHECK (term IN ('handling_rate', 'on_time_handling_rate', 'rework_rate',
                                                 'overdue_rate', 'extension_rate')),
    points      numeric NOT NULL CHECK (points >= 0 AND points <= 1000 AND points <> 'NaN'::numeric),
    updated_at  timestamptz,
    updated_by  text
);
COMMENT ON TABLE citygrid.evaluation_weight IS 'Points of each term of the composite score (综合评价); local policy';
INSERT INTO citygrid.evaluation_weight (term, points) VALUES
    ('handling_rate', 30), ('on_time_handling_rate', 20), ('rework_rate', 20), ('overdue_rate', 20),
    ('extension_rate', 10);
CREATE TRIGGER evaluation_weight_stamp BEFORE INSERT OR UPDATE ON citygrid.evaluation_weight
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
ALTER TABLE citygrid.evaluation_weight ENABLE ROW LEVEL SECURITY;
CREATE POLICY cg_evaluation_weight_read ON citygrid.evaluation_weight FOR SELECT USING (true);

-- the administrators' audit ----------------------------------------------------------------------------
CREATE TABLE citygrid.admin_audit (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text NOT NULL DEFAULT citygrid.actor(),
    table_name  text NOT NULL,
    op          text NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
    row_key     text,
    old_row     jsonb,
    new_row     jsonb
);
COMMENT ON TABLE citygrid.admin_audit IS
    'Every change of the city''s rules (departments, staff, routing, calendar, sources, classes, authorisations, weights, manual versions): who, when, old and new';
CREATE INDEX admin_audit_at ON citygrid.admin_audit (at DESC);
CREATE INDEX admin_audit_table ON citygrid.admin_audit (table_name, at DESC);
CREATE TRIGGER admin_audit_append_only BEFORE UPDATE OR DELETE ON citygrid.admin_audit
    FOR EACH ROW EXECUTE FUNCTION citygrid.refuse_change();
CREATE TRIGGER admin_audit_no_truncate BEFORE TRUNCATE ON citygrid.admin_audit
    FOR EACH STATEMENT EXECUTE FUNCTION citygrid.refuse_change();
ALTER TABLE citygrid.admin_audit ENABLE ROW LEVEL SECURITY;   -- read: roles.sql (admin, analyst)

CREATE FUNCTION citygrid.admin_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER department_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.department
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('code');
CREATE TRIGGER department_territory_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.department_territory
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('area_code');
CREATE TRIGGER routing_rule_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.routing_rule
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('id');
CREATE TRIGGER work_calendar_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.work_calendar
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('day');
CREATE TRIGGER store_setting_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.store_setting
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('key');
CREATE TRIGGER case_source_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.case_source
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('name');
CREATE TRIGGER component_class_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.component_class
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('profile', 'code');
CREATE TRIGGER event_class_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.event_class
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('profile', 'code');
CREATE TRIGGER staff_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.staff
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('login');
CREATE TRIGGER supervisor_grid_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.supervisor_grid
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('login', 'grid_code');
CREATE TRIGGER case_authority_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.case_authority
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('action', 'role');
CREATE TRIGGER evaluation_weight_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.evaluation_weight
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('term');
CREATE TRIGGER case_class_rule_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.case_class_rule
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('kind', 'class_code');
CREATE TRIGGER manual_version_audit AFTER INSERT ON citygrid.manual_version
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('version');

-- the queue shows the situation (new column at the end)
CREATE OR REPLACE VIEW citygrid.case_queue WITH (security_invoker = true) AS
    SELECT c.id, c.case_no, c.state, s.name_zh AS state_zh, c.source, c.kind, c.class_code, c.description,
           c.address, c.grid_code, c.street_code, c.community_code, c.department_code, c.stage, c.stage_deadline,
           extract(epoch FROM c.stage_deadline - now()) / 3600.0 AS hours_left,
           c.stage_deadline < now() AS overdue, c.version, c.geom, c.reported_at, c.urge_count, c.rework_count,
           c.urgent, c.variant
      FROM citygrid.work_case c JOIN citygrid.case_state s ON s.state = c.state
     WHERE s.is_open;
