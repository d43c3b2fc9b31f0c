-- 016 the supervisor's handheld (城管通) and patrol (issue 17). Schema only; the functions' bodies
-- are in store/sql/functions (case_assignee, case_act_core, patrol_package_register,
-- patrol_track_add, patrol_coverage, …).
--
--   * Responsibility grids get validity dates; one supervisor answers for a grid on a day.
--   * Each grid has its roster (一格六员: 领导员, 城管员, 环卫员, 社区员, 巡查员, 志愿员), as data.
--   * Verify (核实) and check (核查) tasks go to the supervisor responsible for the case's grid
--     (work_case.assignee), else the fallback login (store setting task_fallback), else to every
--     supervisor; the shift leader reassigns (action reassign); a supervisor acts only on his own.
--   * Patrol packages (patrol_package) know the store they came from (store_id) and their
--     supervisor; tracks (patrol_track, LineStringM with the time as M) are stored per package,
--     with the time and distance they spent in each grid (patrol_track_grid).
--   * A report's position accuracy is kept (work_case.accuracy_m).

INSERT INTO citygrid.store_setting (key, value) VALUES
    ('store_id', md5(random()::text || clock_timestamp()::text || pg_backend_pid()::text)),
    ('task_fallback', ''),                  -- the login that gets tasks of grids nobody answers for
    ('patrol_visit_seconds', '120'),        -- a grid counts as visited after this long inside it …
    ('patrol_visit_metres', '50'),          -- … or this far walked inside it
    ('patrol_gap_seconds', '600')           -- a track silent this long has a gap
ON CONFLICT (key) DO NOTHING;

-- responsibility grids with validity --------------------------------------------------------------
ALTER TABLE citygrid.supervisor_grid
    ADD COLUMN valid_from date NOT NULL DEFAULT current_date,
    ADD COLUMN valid_to date,
    ADD CONSTRAINT supervisor_grid_valid CHECK (valid_to IS NULL OR valid_to >= valid_from);
ALTER TABLE citygrid.supervisor_grid DROP CONSTRAINT supervisor_grid_pkey;
ALTER TABLE citygrid.supervisor_grid ADD PRIMARY KEY (login, grid_code, valid_from);
COMMENT ON COLUMN citygrid.supervisor_grid.valid_to IS 'the last day the supervisor answers for the grid (NULL: open)';
CREATE INDEX supervisor_grid_day ON citygrid.supervisor_grid (grid_code, valid_from, valid_to);

-- the grid's roster (一格六员) ------------------------------------------------------------------------
CREATE TABLE citygrid.grid_roster (
    id          serial PRIMARY KEY,
    grid_code   text NOT NULL CHECK (grid_code ~ '^[0-9]{15}$'),
    duty        text NOT NULL CHECK (duty IN ('领导员', '城管员', '环卫员', '社区员', '巡查员', '志愿员')),
    name        text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 100),
    phone       text CHECK (phone ~ '^[0-9+() -]{3,40}$'),
    note        text CHECK (length(note) <= 500),
    created_at  timestamptz,
    created_by  text,
    updated_at  timestamptz,
    updated_by  text
);
COMMENT ON TABLE citygrid.grid_roster IS 'Who answers for a unit grid besides its supervisor (一格六员), with contacts';
CREATE INDEX grid_roster_grid ON citygrid.grid_roster (grid_code, duty);
CREATE TRIGGER grid_roster_stamp BEFORE INSERT OR UPDATE ON citygrid.grid_roster
    FOR EACH ROW EXECUTE FUNCTION citygrid.stamp_row();
CREATE TRIGGER grid_roster_audit AFTER INSERT OR UPDATE OR DELETE ON citygrid.grid_roster
    FOR EACH ROW EXECUTE FUNCTION citygrid.admin_audit_row('grid_code', 'duty', 'name');
ALTER TABLE citygrid.grid_roster ENABLE ROW LEVEL SECURITY;
CREATE POLICY cg_grid_roster_read ON citygrid.grid_roster FOR SELECT USING (true);

-- tasks: who verifies and checks ---------------------------------------------------------------------
ALTER TABLE citygrid.work_case
    ADD COLUMN assignee text,
    ADD COLUMN accuracy_m real CONSTRAINT work_case_accuracy CHECK (accuracy_m >= 0 AND accuracy_m <= 10000);
COMMENT ON COLUMN citygrid.work_case.assignee IS
    'the supervisor whose verify (核实) or check (核查) task the case is now (NULL: any supervisor)';
COMMENT ON COLUMN citygrid.work_case.accuracy_m IS 'the reported position''s horizontal accuracy (metres), from the handheld';
CREATE INDEX work_case_assignee ON citygrid.work_case (assignee, state) WHERE assignee IS NOT NULL;
CREATE INDEX case_action_field_id ON citygrid.case_action ((data ->> 'field_id')) WHERE data ? 'field_id';
INSERT INTO citygrid.case_transition (from_state, action, to_state, role, condition, needs, stage) VALUES
    ('to_verify', 'reassign', 'to_verify', 'shift_leader', NULL, '{"supervisor": true}', NULL),
    ('handled', 'reassign', 'handled', 'shift_leader', NULL, '{"supervisor": true}', NULL);

-- the queue shows whose task a case is (a new column at the end)
CREATE OR REPLACE VIEW citygrid.case_queue WITH (security_invoker = true) AS
    SELECT c.id, c.case_no, c.state, s.name_zh AS state_zh, c.source, c.kind, c.class_code, c.description,
           c.address, c.grid_code, c.street_code, c.community_code, c.department_code, c.stage, c.stage_deadline,
           extract(epoch FROM c.stage_deadline - now()) / 3600.0 AS hours_left,
           c.stage_deadline < now() AS overdue, c.version, c.geom, c.reported_at, c.urge_count, c.rework_count,
           c.urgent, c.variant, c.assignee
      FROM citygrid.work_case c JOIN citygrid.case_state s ON s.state = c.state
     WHERE s.is_open;

-- patrol packages and tracks -----------------------------------------------------------------------------
CREATE TABLE citygrid.patrol_package (
    id          uuid PRIMARY KEY,
    login       text NOT NULL,
    grids       text[] NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    created_by  text NOT NULL DEFAULT citygrid.actor(),
    synced_at   timestamptz,
    syncs       integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE citygrid.patrol_package IS 'Patrol packages built for supervisors (citygrid:patrolpackage); written by the store''s functions';
ALTER TABLE citygrid.patrol_package ENABLE ROW LEVEL SECURITY;

CREATE TABLE citygrid.patrol_track (
    id          bigserial PRIMARY KEY,
    package_id  uuid NOT NULL REFERENCES citygrid.patrol_package,
    track_uid   text NOT NULL CHECK (length(track_uid) BETWEEN 1 AND 100),
    login       text NOT NULL,
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz NOT NULL,
    points      integer NOT NULL CHECK (points >= 2),
    length_m    double precision NOT NULL,
    geom        geometry(LineStringM, {{srid}}) NOT NULL,
    synced_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (package_id, track_uid),
    CHECK (ended_at >= started_at)
);
COMMENT ON TABLE citygrid.patrol_track IS
    'Supervisors'' patrol tracks (QField position tracking; M = seconds since 1970 UTC), added by citygrid.patrol_track_add';
CREATE INDEX patrol_track_login_day ON citygrid.patrol_track (login, started_at);
CREATE INDEX patrol_track_geom ON citygrid.patrol_track USING gist (geom);
CREATE TRIGGER patrol_track_append_only BEFORE UPDATE OR DELETE ON citygrid.patrol_track
    FOR EACH ROW EXECUTE FUNCTION citygrid.refuse_change();
ALTER TABLE citygrid.patrol_track ENABLE ROW LEVEL SECURITY;

-- what each track spent in each grid, computed once when the track is stored (patrol_track_add,
-- segment by segment: a walk that retraces itself counts every pass), so a day's coverage is a sum
CREATE TABLE citygrid.patrol_track_grid (
    track_id   bigint NOT NULL REFERENCES citygrid.patrol_track,
    grid_code  text NOT NULL,
    seconds    double precision NOT NULL CHECK (seconds >= 0),
    metres     double precision NOT NULL CHECK (metres >= 0),
    PRIMARY KEY (track_id, grid_code)
);
COMMENT ON TABLE citygrid.patrol_track_grid IS 'Time and distance of each patrol track inside each unit grid';
CREATE TRIGGER patrol_track_grid_append_only BEFORE UPDATE OR DELETE ON citygrid.patrol_track_grid
    FOR EACH ROW EXECUTE FUNCTION citygrid.refuse_change();
ALTER TABLE citygrid.patrol_track_grid ENABLE ROW LEVEL SECURITY;

-- the silences of each track (a minute or more between two fixes), found once when it is stored;
-- the coverage reports those longer than the store setting patrol_gap_seconds
CREATE TABLE citygrid.patrol_track_gap (
    track_id   bigint NOT NULL REFERENCES citygrid.patrol_track,
    gap_start  timestamptz NOT NULL,
    gap_end    timestamptz NOT NULL,
    PRIMARY KEY (track_id, gap_start),
    CHECK (gap_end > gap_start)
);
COMMENT ON TABLE citygrid.patrol_track_gap IS 'Gaps of 60 s or more inside a patrol track (no position fix)';
CREATE TRIGGER patrol_track_gap_append_only BEFORE UPDATE OR DELETE ON citygrid.patrol_track_gap
    FOR EACH ROW EXECUTE FUNCTION citygrid.refuse_change();
ALTER TABLE citygrid.patrol_track_gap ENABLE ROW LEVEL SECURITY;

-- the new report input (position accuracy): the old signatures go (new bodies in sql/functions)
DROP FUNCTION IF EXISTS citygrid.case_report(text, text, text, text, geometry, text, text, text, text, timestamptz,
                                             text, boolean, text);
DROP FUNCTION IF EXISTS citygrid.case_replay_report(text, timestamptz, text, text, text, text, geometry, text, text,
                                                    text, text, timestamptz, text, boolean, text);
DROP FUNCTION IF EXISTS citygrid.case_report_core(text, timestamptz, boolean, text, text, text, text, geometry, text,
                                                  text, text, text, timestamptz, text, boolean, text);
