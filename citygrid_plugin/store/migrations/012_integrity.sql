-- 012 integrity: nobody can forge the record the evaluation stands on. Schema changes only; the
-- functions' current bodies live in store/sql/functions/<name>.sql (applied after the
-- migrations whenever their text changes, see migrate.py).
--
--   * Internal mode (the store functions' own nested writes that the guard triggers let through)
--     needed one standing secret token before: it leaked into backups, and whoever held it could
--     retire components and make codes by hand. Now every transaction that enters internal mode
--     gets a random token of its own (citygrid.internal_mode, one row per backend, readable by
--     nobody but the owner): it is worth nothing outside that transaction, so there is nothing
--     to learn, copy or replay.
--   * Times: the time of every action is the server's clock. Only the store owner may replay
--     history with its own times (citygrid.case_replay_report / case_replay_act: the demo
--     generator, a migration from a legacy system); such rows are marked `replayed`. A time
--     observed in the field is kept in work_case.observed_at and never decides a deadline.
--   * Sources are data (citygrid.case_source): which are trusted (no verification on site) and
--     which role alone may report under them. Trust is decided when the case is reported and
--     kept on the case: only a supervisor's own report (监督员上报) is trusted.
--   * Sizes and numbers: texts have limits that fit the job; time limits are finite and bounded.
--   * Who/when columns are set by the store on every table a client may write (stamp_row and
--     the grid, component and census triggers); clients cannot write them.
--   * Component serial sequences are named from checked codes only; a name that is not the
--     store's own (an injection attempt through the old next_component_code) stops the upgrade
--     before this migration (see migrate.py) and is refused by a constraint from now on.

-- internal mode without a standing secret --------------------------------------------------------
DROP TABLE citygrid.internal_secret;
CREATE TABLE citygrid.internal_mode (
    pid    integer PRIMARY KEY,      -- the backend
    xact   xid8 NOT NULL,            -- the transaction the token belongs to
    token  text NOT NULL             -- random, made anew for every transaction that enters internal mode
);
COMMENT ON TABLE citygrid.internal_mode IS
    'One-transaction tokens of internal mode (written only by citygrid.internal_token; nobody else may read or write it)';
REVOKE ALL ON citygrid.internal_mode FROM PUBLIC;
ALTER TABLE citygrid.internal_mode ENABLE ROW LEVEL SECURITY;   -- no policy: the owner alone

-- the record of the functions' current bodies --------------------------------------------------------
CREATE TABLE IF NOT EXISTS citygrid.schema_function (
    name        text PRIMARY KEY,
    checksum    text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    applied_by  text NOT NULL DEFAULT current_user
);
COMMENT ON TABLE citygrid.schema_function IS
    'The function files (store/sql/functions) applied to this store, with the SHA-256 of their text';
ALTER TABLE citygrid.schema_function ENABLE ROW LEVEL SECURITY;
CREATE POLICY cg_schema_function_read ON citygrid.schema_function FOR SELECT USING (true);

-- case sources as data ---------------------------------------------------------------------------
CREATE TABLE citygrid.case_source (
    name           text PRIMARY KEY CHECK (name ~ '^\S{1,20}$'),
    name_en        text NOT NULL,
    ord            integer NOT NULL DEFAULT 100,
    trusted        boolean NOT NULL DEFAULT false,   -- registered without verification on site
    reporter_role  text REFERENCES citygrid.case_role,  -- only this role may report under it (NULL: any case role)
    active         boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE citygrid.case_source IS
    'Case sources (问题来源): which are trusted and which role alone may report under them';
INSERT INTO citygrid.case_source (name, name_en, ord, trusted, reporter_role) VALUES
    ('监督员上报', 'supervisor report', 1, true, 'supervisor'),
    ('12319热线', '12319 hotline', 2, false, NULL),
    ('公众举报', 'public report', 3, false, NULL),
    ('领导批办', 'leader instruction', 4, false, NULL),
    ('媒体曝光', 'media', 5, false, NULL),
    ('视频监控', 'video surveillance', 6, false, NULL),
    ('部门上报', 'department report', 7, false, 'department');
ALTER TABLE citygrid.case_source ENABLE ROW LEVEL SECURITY;
CREATE POLICY cg_case_source_read ON citygrid.case_source FOR SELECT USING (true);
-- (the administrator's write policy comes with the roles: roles.sql)
DELETE FROM citygrid.store_setting WHERE key = 'trusted_sources';

-- cases: trust, replay, observed time, sizes --------------------------------------------------------
ALTER TABLE citygrid.work_case
    ADD COLUMN trusted boolean NOT NULL DEFAULT false,
    ADD COLUMN replayed boolean NOT NULL DEFAULT false,
    ADD COLUMN observed_at timestamptz;
-- cases reported before this migration keep the path they were on (监督员上报 and 视频监控 were trusted)
ALTER TABLE citygrid.work_case DISABLE TRIGGER work_case_guard;
UPDATE citygrid.work_case SET trusted = true WHERE source IN ('监督员上报', '视频监控');
ALTER TABLE citygrid.work_case ENABLE TRIGGER work_case_guard;
ALTER TABLE citygrid.work_case DROP CONSTRAINT work_case_source_check;
ALTER TABLE citygrid.work_case ADD CONSTRAINT work_case_source_fkey
    FOREIGN KEY (source) REFERENCES citygrid.case_source ON UPDATE CASCADE;
ALTER TABLE citygrid.work_case
    ADD CONSTRAINT work_case_description_size CHECK (length(description) <= 4000),
    ADD CONSTRAINT work_case_address_size CHECK (length(address) <= 500),
    ADD CONSTRAINT work_case_reporter_size CHECK (length(reporter) <= 200),
    ADD CONSTRAINT work_case_photo_size CHECK (length(photo) <= 2000),
    ADD CONSTRAINT work_case_extension_bounds CHECK (extension_hours >= 0 AND extension_hours <= 8760
                                                     AND extension_hours <> 'NaN'::numeric);
COMMENT ON COLUMN citygrid.work_case.replayed IS 'reported by the store owner replaying history with its own time';
COMMENT ON COLUMN citygrid.work_case.observed_at IS 'when the reporter saw the problem (field time; never decides a deadline)';
COMMENT ON COLUMN citygrid.work_case.trusted IS 'registered without verification on site (decided when reported)';

ALTER TABLE citygrid.case_action
    ADD COLUMN replayed boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT case_action_note_size CHECK (length(note) <= 4000);
COMMENT ON COLUMN citygrid.case_action.replayed IS 'recorded by the store owner replaying history with its own time and actor';

ALTER TABLE citygrid.case_time_limit ADD CONSTRAINT case_time_limit_amount_bounds
    CHECK (amount <> 'NaN'::numeric AND amount <= 8760);

-- the workflow functions lose their client-chosen time (new bodies in sql/functions)
DROP FUNCTION citygrid.case_report(text, text, text, text, geometry, text, text, text, text, timestamptz);
DROP FUNCTION citygrid.case_act(bigint, text, text, integer, text, jsonb, timestamptz);

-- who/when columns are the store's ----------------------------------------------------------------
-- (a trigger needs its function to exist: stamp_row and grid_census_stamp are created here as
-- stubs; their bodies are in sql/functions and replace the stubs in the same upgrade)
DROP TRIGGER department_touch ON citygrid.department;
DROP TRIGGER district_touch ON citygrid.district;
DROP TRIGGER street_touch ON citygrid.street;
DROP TRIGGER community_touch ON citygrid.community;
DROP FUNCTION citygrid.touch_updated_at();
CREATE FUNCTION citygrid.stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER department_stamp BEFORE INSERT OR UPDATE ON citygrid.department
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
CREATE TRIGGER district_stamp BEFORE INSERT OR UPDATE ON citygrid.district
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
CREATE TRIGGER street_stamp BEFORE INSERT OR UPDATE ON citygrid.street
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
CREATE TRIGGER community_stamp BEFORE INSERT OR UPDATE ON citygrid.community
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
CREATE TRIGGER staff_stamp BEFORE INSERT OR UPDATE ON citygrid.staff
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
CREATE TRIGGER basemap_line_stamp BEFORE INSERT OR UPDATE ON citygrid.basemap_line
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
CREATE TRIGGER basemap_polygon_stamp BEFORE INSERT OR UPDATE ON citygrid.basemap_polygon
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
CREATE TRIGGER basemap_text_stamp BEFORE INSERT OR UPDATE ON citygrid.basemap_text
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();

CREATE FUNCTION citygrid.grid_census_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER grid_census_stamp BEFORE INSERT OR UPDATE ON citygrid.grid_census
    FOR EACH ROW EXECUTE FUNCTION citygrid.grid_census_stamp();

-- component serial sequences: the store's own names only -----------------------------------------
ALTER TABLE citygrid.component_serial ADD CONSTRAINT component_serial_name CHECK (
    district_code ~ '^[0-9]{6}$' AND profile ~ '^[0-9]{4}$' AND class_code ~ '^[0-9]{4,5}$'
    AND sequence_name = 'citygrid.component_seq_' || district_code || '_' || profile || '_' || class_code);
