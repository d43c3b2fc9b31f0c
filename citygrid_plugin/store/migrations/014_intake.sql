-- 014 case intake and the case desk (issue 15): every channel puts a case into the store, with
-- its photos, and each post works it with evidence. Schema only; the functions' bodies are in
-- store/sql/functions (case_report_core, case_act_core, case_photo_add, case_attach_report, …).
--
--   * Sources stay data (case_source) and say whether a report needs its reporter's name and
--     phone (the public channels); two channels of the seeds join: 12345热线 and 110联动.
--   * The reporter's name and phone are personal data: they move out of work_case into
--     case_reporter, which only the supervision centre (operator, shift leader, supervisor) reads.
--   * Photos live in the store (case_photo: per case and stage, who, when, size, EXIF time and
--     position), under the row-level security of their case, in every backup.
--   * A report about a problem already reported is kept as an additional report of that case
--     (case_extra_report), never lost.
--   * Urgent cases (紧急) run on their own, shorter time limits (case_time_limit.urgent).
--   * Evidence: which classes need an "after" photo for 处置完成 (case_class_rule).
--   * Assisting departments (协办) of a case (case_assist): they see it and add notes.
--   * An external id per source (a 12345 platform's number) makes a re-import add nothing.

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;   -- the address/description search

-- sources ---------------------------------------------------------------------------------------
ALTER TABLE citygrid.case_source ADD COLUMN needs_reporter boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN citygrid.case_source.needs_reporter IS
    'a report through this channel needs the reporter''s name and phone (public channels)';
UPDATE citygrid.case_source SET needs_reporter = true WHERE name IN ('12319热线', '公众举报');
INSERT INTO citygrid.case_source (name, name_en, ord, trusted, reporter_role, needs_reporter) VALUES
    ('12345热线', '12345 hotline', 3, false, NULL, true),
    ('110联动', '110 police link', 8, false, NULL, false)
ON CONFLICT (name) DO NOTHING;

INSERT INTO citygrid.store_setting (key, value) VALUES
    ('duplicate_m', '50'),          -- possible duplicates: same class within this many metres …
    ('duplicate_days', '30')        -- … reported in this many days before
ON CONFLICT (key) DO NOTHING;

-- cases: urgency, external id, text search -------------------------------------------------------
ALTER TABLE citygrid.work_case
    ADD COLUMN urgent boolean NOT NULL DEFAULT false,
    ADD COLUMN external_id text CONSTRAINT work_case_external_id_size CHECK (length(external_id) BETWEEN 1 AND 100);
COMMENT ON COLUMN citygrid.work_case.urgent IS '紧急: runs on the urgent time limits';
COMMENT ON COLUMN citygrid.work_case.external_id IS
    'the number the case has in the system it came from (a 12345 platform); unique per source';
CREATE UNIQUE INDEX work_case_external ON citygrid.work_case (source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX work_case_text ON citygrid.work_case
    USING gin ((COALESCE(address, '') || ' ' || description) public.gin_trgm_ops);
CREATE INDEX work_case_number_tail ON citygrid.work_case (right(case_no, 8));
CREATE INDEX work_case_class ON citygrid.work_case (kind, class_code, reported_at);

-- the reporter's name and phone: the supervision centre's only ---------------------------------------
CREATE TABLE citygrid.case_reporter (
    case_id  bigint PRIMARY KEY REFERENCES citygrid.work_case ON DELETE CASCADE,
    name     text CONSTRAINT case_reporter_name_size CHECK (length(name) <= 200),
    phone    text CONSTRAINT case_reporter_phone_format CHECK (phone ~ '^[0-9+() -]{3,40}$')
);
COMMENT ON TABLE citygrid.case_reporter IS
    'Who reported a case through a public channel (personal data: read by the supervision centre only)';
ALTER TABLE citygrid.work_case DISABLE TRIGGER work_case_guard;
INSERT INTO citygrid.case_reporter (case_id, name)
    SELECT id, reporter FROM citygrid.work_case WHERE reporter IS NOT NULL;
ALTER TABLE citygrid.work_case ENABLE TRIGGER work_case_guard;
ALTER TABLE citygrid.work_case DROP COLUMN reporter;
ALTER TABLE citygrid.case_reporter ENABLE ROW LEVEL SECURITY;

-- photos -----------------------------------------------------------------------------------------
CREATE TABLE citygrid.case_photo (
    id           bigserial PRIMARY KEY,
    case_id      bigint NOT NULL REFERENCES citygrid.work_case,
    stage        text NOT NULL CHECK (stage IN ('report', 'verify', 'handle', 'check')),
    mime         text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
    size         integer NOT NULL CHECK (size > 0 AND size <= 10485760),
    name         text CONSTRAINT case_photo_name_size CHECK (length(name) <= 200),
    content      bytea NOT NULL,
    taken_at     timestamptz,          -- EXIF DateTimeOriginal (informational, never a deadline)
    lon          double precision CHECK (lon BETWEEN -180 AND 180),   -- EXIF GPS, WGS84
    lat          double precision CHECK (lat BETWEEN -90 AND 90),
    uploaded_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    uploaded_by  text NOT NULL DEFAULT citygrid.actor(),
    CHECK (octet_length(content) = size)
);
COMMENT ON TABLE citygrid.case_photo IS
    'Photos of cases by stage (report, verify, handle, check); added only through citygrid.case_photo_add';
CREATE INDEX case_photo_case ON citygrid.case_photo (case_id, stage, id);
ALTER TABLE citygrid.case_photo ALTER COLUMN content SET STORAGE EXTERNAL;  -- JPEG/PNG do not compress
CREATE TRIGGER case_photo_append_only BEFORE UPDATE OR DELETE ON citygrid.case_photo
    FOR EACH ROW EXECUTE FUNCTION citygrid.refuse_change();
ALTER TABLE citygrid.case_photo ENABLE ROW LEVEL SECURITY;

-- additional reports of a case -------------------------------------------------------------------
CREATE TABLE citygrid.case_extra_report (
    id           bigserial PRIMARY KEY,
    case_id      bigint NOT NULL REFERENCES citygrid.work_case,
    source       text NOT NULL REFERENCES citygrid.case_source ON UPDATE CASCADE,
    description  text NOT NULL CHECK (btrim(description) <> '' AND length(description) <= 4000),
    address      text CHECK (length(address) <= 500),
    reporter     text CHECK (length(reporter) <= 200),
    phone        text CHECK (phone ~ '^[0-9+() -]{3,40}$'),
    geom         geometry(Point, {{srid}}) NOT NULL,
    observed_at  timestamptz,
    external_id  text CHECK (length(external_id) BETWEEN 1 AND 100),
    actor        text NOT NULL DEFAULT citygrid.actor(),
    at           timestamptz NOT NULL DEFAULT clock_timestamp()
);
COMMENT ON TABLE citygrid.case_extra_report IS
    'Reports of a problem already reported, kept with the case they were attached to (并案)';
CREATE INDEX case_extra_report_case ON citygrid.case_extra_report (case_id, id);
CREATE UNIQUE INDEX case_extra_report_external ON citygrid.case_extra_report (source, external_id)
    WHERE external_id IS NOT NULL;
CREATE TRIGGER case_extra_report_append_only BEFORE UPDATE OR DELETE ON citygrid.case_extra_report
    FOR EACH ROW EXECUTE FUNCTION citygrid.refuse_change();
ALTER TABLE citygrid.case_extra_report ENABLE ROW LEVEL SECURITY;

-- assisting departments (协办) ------------------------------------------------------------------
CREATE TABLE citygrid.case_assist (
    case_id          bigint NOT NULL REFERENCES citygrid.work_case,
    department_code  text NOT NULL REFERENCES citygrid.department ON UPDATE CASCADE,
    lead_department  text NOT NULL REFERENCES citygrid.department ON UPDATE CASCADE,  -- who leads (主办)
    assigned_at      timestamptz NOT NULL,
    done_at          timestamptz,      -- the lead department's feedback closes their part
    PRIMARY KEY (case_id, department_code)
);
COMMENT ON TABLE citygrid.case_assist IS
    'Assisting departments (协办) named when dispatching; they see the case and add notes';
CREATE INDEX case_assist_department ON citygrid.case_assist (department_code, case_id);
ALTER TABLE citygrid.case_assist ENABLE ROW LEVEL SECURITY;

-- evidence rules per class -----------------------------------------------------------------------
CREATE TABLE citygrid.case_class_rule (
    kind         text NOT NULL CHECK (kind IN ('event', 'component')),
    class_code   text NOT NULL,
    after_photo  boolean NOT NULL DEFAULT false,   -- 处置完成 needs a photo of the result
    PRIMARY KEY (kind, class_code)
);
COMMENT ON TABLE citygrid.case_class_rule IS 'What the workflow asks for per class (处置完成 with an after photo)';
INSERT INTO citygrid.case_class_rule (kind, class_code, after_photo) VALUES
    ('event', '0102', true),                    -- 暴露垃圾: the cleared place
    ('component', '0101', true), ('component', '0102', true), ('component', '0103', true);  -- 井盖
ALTER TABLE citygrid.case_class_rule ENABLE ROW LEVEL SECURITY;
CREATE POLICY cg_case_class_rule_read ON citygrid.case_class_rule FOR SELECT USING (true);

-- urgent time limits -----------------------------------------------------------------------------
ALTER TABLE citygrid.case_time_limit ADD COLUMN urgent boolean NOT NULL DEFAULT false;
ALTER TABLE citygrid.case_time_limit DROP CONSTRAINT case_time_limit_kind_class_code_stage_key;
ALTER TABLE citygrid.case_time_limit ADD CONSTRAINT case_time_limit_key UNIQUE NULLS NOT DISTINCT
    (kind, class_code, stage, urgent);
INSERT INTO citygrid.case_time_limit (kind, class_code, stage, amount, unit, note, urgent)
    SELECT k, NULL, s, a, u, '紧急', true
      FROM unnest(ARRAY['event', 'component']) k,
           (VALUES ('verify', 0.25, 'hours'), ('register', 0.5, 'hours'), ('dispatch', 0.5, 'hours'),
                   ('handle', 2, 'hours'), ('check', 0.25, 'hours'), ('close', 1, 'hours')) v(s, a, u);

-- the workflow: evidence, refusal of an extension, cancelling a registered case, assisting notes -----
-- needs: "note" (a text), "photo": "<stage>" (a photo of that stage added since the stage began),
-- "assist": "optional" (dispatch may name assisting departments)
UPDATE citygrid.case_transition SET needs = '{"note": true, "photo": "verify"}'
 WHERE action = 'verify';
UPDATE citygrid.case_transition SET needs = '{"note": true, "photo": "check"}'
 WHERE action = 'check_ok' OR (action = 'rework' AND role = 'supervisor');
UPDATE citygrid.case_transition SET needs = '{"note": true}' WHERE action = 'feedback';
UPDATE citygrid.case_transition SET needs = '{"department": true, "assist": "optional"}' WHERE action = 'dispatch';
INSERT INTO citygrid.case_transition (from_state, action, to_state, role, condition, needs, stage) VALUES
    ('dispatched', 'refuse_extension', 'dispatched', 'shift_leader', NULL, '{"note": true}', NULL),
    ('dispatched', 'assist_note', 'dispatched', 'department', NULL, '{"note": true}', NULL),
    ('registered', 'cancel', 'cancelled', 'shift_leader', NULL, '{"note": true}', NULL);

-- the queue shows urgency (a new column at the end: the view's other columns stay as they were)
CREATE OR REPLACE VIEW citygrid.case_queue WITH (security_invoker = true) AS
    SELECT c.id, c.case_no, c.state, s.name_zh AS state_zh, c.source, c.kind, c.class_code, c.description,
           c.address, c.grid_code, c.street_code, c.community_code, c.department_code, c.stage, c.stage_deadline,
           extract(epoch FROM c.stage_deadline - now()) / 3600.0 AS hours_left,
           c.stage_deadline < now() AS overdue, c.version, c.geom, c.reported_at, c.urge_count, c.rework_count,
           c.urgent
      FROM citygrid.work_case c JOIN citygrid.case_state s ON s.state = c.state
     WHERE s.is_open;

-- the old signatures of the report functions (new inputs: phone, urgency, external id)
DROP FUNCTION IF EXISTS citygrid.case_report(text, text, text, text, geometry, text, text, text, text, timestamptz);
DROP FUNCTION IF EXISTS citygrid.case_replay_report(text, timestamptz, text, text, text, text, geometry, text, text, text,
                                          text, timestamptz);
DROP FUNCTION IF EXISTS citygrid.case_report_core(text, timestamptz, boolean, text, text, text, text, geometry, text, text,
                                        text, text, timestamptz);
-- the deadline of a stage now depends on the case's urgency: same signature, new body (sql/functions)
