-- CityGrid roles and permissions (least privilege), applied by citygrid:setuproles
-- (citygrid_plugin/store/roles.py). Re-runnable: every run first takes away what the roles
-- hold in this store, then grants exactly what is listed here.
--
-- Roles are PostgreSQL group roles (NOLOGIN), shared by every store of the server; people
-- log in with their own login roles, made members of one or more groups by
-- "Add or change a store user" (citygrid:adduser). What each group may do:
--
--   citygrid_admin        configuration (departments, routing, time limits, calendar, code
--                         tables, settings, staff), the break-glass audit amendment; also
--                         GIS editor, surveyor and analyst
--   citygrid_gis_editor   divisions, unit grids, base maps (write); everything else read
--   citygrid_surveyor     components and the census progress flag (write); grids read-only
--   citygrid_operator     受理员: report, accept, cancel            ┐ cases only through
--   citygrid_shift_leader 值班长: register, close, defer, approve   │ citygrid.case_report /
--   citygrid_dispatcher   派遣员: dispatch, urge                    │ citygrid.case_act, which
--   citygrid_department   专业部门: only its department's cases     │ check the role and, for a
--   citygrid_supervisor   监督员: report, verify, check             ┘ department, the department
--   citygrid_office       数字城管办: the authority for 缓办 (defer), 延期 (extension) and 作废 (cancel),
--                         as the administrators set it (case_authority); sees every case
--   citygrid_analyst      read-only: everything, the audit included
--   citygrid_leader       领导: read-only, as the analyst (a member of it): the leaders' view
--   citygrid_bigscreen    read-only: the open cases (no reporter, no photo), the day's actions
--                         (no actor, no note), maps and code tables
--
-- A department also sees the cases it assists (协办). The caller's name and phone of a public
-- report (case_reporter, case_extra_report.reporter/phone) are read by the supervision centre
-- only: operator, shift leader, supervisor. Photos follow their case.
--
-- Nobody but the store owner may INSERT, UPDATE or DELETE cases, audit or history rows: the
-- store's own functions (SECURITY DEFINER, migration 009) write them.

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['citygrid_admin', 'citygrid_gis_editor', 'citygrid_surveyor', 'citygrid_operator',
                             'citygrid_shift_leader', 'citygrid_dispatcher', 'citygrid_department',
                             'citygrid_supervisor', 'citygrid_analyst', 'citygrid_bigscreen', 'citygrid_office',
                             'citygrid_leader'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
        -- start from nothing in this store
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA citygrid FROM %I', r);
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA citygrid FROM %I', r);
        EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA citygrid FROM %I', r);
        EXECUTE format('GRANT USAGE ON SCHEMA citygrid TO %I', r);
    END LOOP;
END $$;

REVOKE ALL ON SCHEMA citygrid FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA citygrid FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA citygrid FROM PUBLIC;

GRANT citygrid_gis_editor, citygrid_surveyor, citygrid_analyst TO citygrid_admin;
-- 领导 (issue 18): what an analyst reads, nothing more: no reporter's name or phone (case_reporter
-- and the reporter columns of case_extra_report are not the analyst's either), no writes
GRANT citygrid_analyst TO citygrid_leader;

-- Read access for every role but the big screen: the reference data, divisions, grids, census,
-- base maps and the workflow's configuration.
DO $$
DECLARE
    r text;
    t text;
BEGIN
    FOREACH r IN ARRAY ARRAY['citygrid_admin', 'citygrid_gis_editor', 'citygrid_surveyor', 'citygrid_operator',
                             'citygrid_shift_leader', 'citygrid_dispatcher', 'citygrid_department',
                             'citygrid_supervisor', 'citygrid_analyst', 'citygrid_office'] LOOP
        FOREACH t IN ARRAY ARRAY['store_setting', 'schema_migration', 'code_profile', 'component_class',
                                 'event_class', 'department', 'district', 'street', 'community', 'grid',
                                 'grid_active', 'grid_history', 'component', 'component_major',
                                 'component_history', 'component_serial', 'grid_census', 'grid_census_progress',
                                 'basemap_line', 'basemap_polygon', 'basemap_text', 'case_state', 'case_role',
                                 'case_transition', 'routing_rule', 'work_calendar', 'staff',
                                 'case_source', 'schema_function', 'case_class_rule', 'manual_version', 'manual_class',
                                 'manual_variant', 'manual_limit', 'case_authority', 'department_territory',
                                 'supervisor_grid', 'evaluation_weight', 'grid_roster'] LOOP
            EXECUTE format('GRANT SELECT ON citygrid.%I TO %I', t, r);
        END LOOP;
    END LOOP;
END $$;

-- Functions: an allow-list. The helpers that clients' own statements, row-level security policies
-- and the invoker-rights triggers call are open to every role; the workflow and coding functions to
-- their roles below. Everything else (internal mode, the bodies of the workflow functions, the
-- replays of history, the serial sequences) is the owner's alone: a function added to the store
-- is closed until it is listed here.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['citygrid_admin', 'citygrid_gis_editor', 'citygrid_surveyor', 'citygrid_operator',
                             'citygrid_shift_leader', 'citygrid_dispatcher', 'citygrid_department',
                             'citygrid_supervisor', 'citygrid_analyst', 'citygrid_bigscreen', 'citygrid_office'] LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION citygrid.actor(), citygrid.acts_as(text), '
                       'citygrid.acts_as_any(text[]), citygrid.user_acts_as(text, text), citygrid.is_superuser(), '
                       'citygrid.user_is_superuser(text), citygrid.my_department(), citygrid.internal_on(), '
                       'citygrid.import_codes_on(), citygrid.store_srid(), '
                       'citygrid.setting_float(text, double precision), citygrid.coord_text(double precision), '
                       'citygrid.component_anchor(geometry), citygrid.is_workday(date), citygrid.work_periods(date), '
                       'citygrid.add_work_time(timestamptz, numeric, text), '
                       'citygrid.case_deadline(citygrid.work_case, text, timestamptz), '
                       'citygrid.suggest_department(bigint), citygrid.grid_check_community(citygrid.grid), '
                       'citygrid.case_route(text, text, text, text, text, text, text, integer), '
                       'citygrid.case_state_since(citygrid.work_case) TO %I', r);
    END LOOP;
END $$;

-- GIS editor: divisions, unit grids, base maps.
GRANT INSERT, UPDATE, DELETE ON citygrid.district, citygrid.street, citygrid.community, citygrid.grid,
    citygrid.basemap_line, citygrid.basemap_polygon, citygrid.basemap_text TO citygrid_gis_editor;
GRANT USAGE ON SEQUENCE citygrid.grid_id_seq, citygrid.basemap_line_id_seq, citygrid.basemap_polygon_id_seq,
    citygrid.basemap_text_id_seq TO citygrid_gis_editor;
GRANT EXECUTE ON FUNCTION citygrid.assign_grid_codes(text, text, text),
    citygrid.replace_community_grids(text, text, text, geometry[]) TO citygrid_gis_editor;

-- Surveyor: components and the census progress flag.
GRANT INSERT, UPDATE, DELETE ON citygrid.component TO citygrid_surveyor;
GRANT INSERT, UPDATE ON citygrid.grid_census TO citygrid_surveyor;
GRANT USAGE ON SEQUENCE citygrid.component_id_seq TO citygrid_surveyor;

-- The case roles: read cases (row-level security below) and act through the workflow functions.
GRANT SELECT ON citygrid.work_case, citygrid.case_action, citygrid.case_action_public, citygrid.case_queue,
    citygrid.revisit_queue
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_department, citygrid_supervisor,
       citygrid_analyst, citygrid_admin, citygrid_office;
GRANT EXECUTE ON FUNCTION
    citygrid.case_report(text, text, text, text, geometry, text, text, text, text, timestamptz, text, boolean, text, real),
    citygrid.case_act(bigint, text, text, integer, text, jsonb), citygrid.case_allowed_actions(bigint),
    citygrid.case_photo_add(bigint, text, bytea, text, timestamptz, double precision, double precision)
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_department, citygrid_supervisor;
GRANT EXECUTE ON FUNCTION citygrid.case_act(bigint, text, text, integer, text, jsonb), citygrid.case_allowed_actions(bigint)
    TO citygrid_office;
GRANT EXECUTE ON FUNCTION citygrid.case_attach_report(bigint, text, text, geometry, text, text, text, timestamptz, text)
    TO citygrid_operator, citygrid_shift_leader, citygrid_supervisor;

-- Intake (issue 15): photos, additional reports and assisting departments follow their case's
-- row-level security (below); the reporter's name and phone are the supervision centre's only
-- (operator, shift leader, supervisor): no other role may read case_reporter or those columns of
-- case_extra_report.
GRANT SELECT ON citygrid.case_photo, citygrid.case_assist
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_department, citygrid_supervisor,
       citygrid_analyst, citygrid_admin, citygrid_office;
GRANT SELECT (id, case_id, source, description, address, geom, observed_at, external_id, actor, at)
    ON citygrid.case_extra_report
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_department, citygrid_supervisor,
       citygrid_analyst, citygrid_admin, citygrid_office;
GRANT SELECT ON citygrid.case_extra_report, citygrid.case_reporter
    TO citygrid_operator, citygrid_shift_leader, citygrid_supervisor, citygrid_office;

-- Analyst: everything read-only, the break-glass log included.
GRANT SELECT ON ALL TABLES IN SCHEMA citygrid TO citygrid_analyst;
REVOKE SELECT ON citygrid.internal_mode, citygrid.case_reporter, citygrid.case_extra_report FROM citygrid_analyst;
GRANT SELECT (id, case_id, source, description, address, geom, observed_at, external_id, actor, at)
    ON citygrid.case_extra_report TO citygrid_analyst;

-- Administrator: configuration and people.
GRANT INSERT, UPDATE, DELETE ON citygrid.department, citygrid.routing_rule,
    citygrid.work_calendar, citygrid.store_setting, citygrid.component_class, citygrid.event_class,
    citygrid.code_profile, citygrid.staff, citygrid.case_source, citygrid.case_class_rule,
    citygrid.department_territory, citygrid.supervisor_grid, citygrid.case_authority, citygrid.evaluation_weight,
    citygrid.grid_roster
    TO citygrid_admin;
GRANT USAGE ON SEQUENCE citygrid.grid_roster_id_seq TO citygrid_admin;
GRANT USAGE ON SEQUENCE citygrid.routing_rule_id_seq TO citygrid_admin;
GRANT SELECT ON citygrid.audit_override, citygrid.admin_audit TO citygrid_admin;
GRANT EXECUTE ON FUNCTION citygrid.break_glass_amend(bigint, text, text) TO citygrid_admin;
-- the command manual changes only through manual_apply (a new version each time; issue 16)
GRANT EXECUTE ON FUNCTION citygrid.manual_apply(jsonb, text, boolean) TO citygrid_admin;
-- people: an administrator adds and changes staff logins through staff_save (no CREATEROLE of its own)
GRANT EXECUTE ON FUNCTION citygrid.staff_save(text, text[], text, text, text) TO citygrid_admin;

-- Big screen: maps, code tables and the open cases without personal data.
GRANT SELECT ON citygrid.store_setting, citygrid.schema_migration, citygrid.code_profile, citygrid.component_class,
    citygrid.event_class, citygrid.department, citygrid.district, citygrid.street, citygrid.community, citygrid.grid,
    citygrid.grid_active, citygrid.basemap_line, citygrid.basemap_polygon, citygrid.basemap_text,
    citygrid.case_state, citygrid.case_source, citygrid.case_queue, citygrid.case_action_public TO citygrid_bigscreen;
GRANT SELECT (id, case_no, source, kind, profile, class_code, component_code, description, address, geom, grid_code,
              district_code, street_code, community_code, department_code, state, stage, stage_deadline,
              handle_deadline, extension_hours, rework_count, urge_count, close_category, reported_at, updated_at,
              version, urgent, variant, assignee)
    ON citygrid.work_case TO citygrid_bigscreen;
GRANT SELECT (id, case_id, action, from_state, to_state, at) ON citygrid.case_action TO citygrid_bigscreen;

-- Row-level security (enabled by migration 009): a department sees the cases dispatched to it
-- and their audit; the other case roles, analysts, administrators and the big screen see all.
DROP POLICY IF EXISTS cg_case_staff ON citygrid.work_case;
DROP POLICY IF EXISTS cg_case_department ON citygrid.work_case;
DROP POLICY IF EXISTS cg_audit_staff ON citygrid.case_action;
DROP POLICY IF EXISTS cg_audit_department ON citygrid.case_action;
DROP POLICY IF EXISTS cg_case_source_admin ON citygrid.case_source;
CREATE POLICY cg_case_source_admin ON citygrid.case_source FOR ALL TO citygrid_admin USING (true) WITH CHECK (true);
CREATE POLICY cg_case_staff ON citygrid.work_case FOR SELECT
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_supervisor, citygrid_analyst,
       citygrid_admin, citygrid_bigscreen, citygrid_office
    USING (true);
CREATE POLICY cg_case_department ON citygrid.work_case FOR SELECT TO citygrid_department
    USING (department_code = citygrid.my_department()
           OR EXISTS (SELECT 1 FROM citygrid.case_assist a
                       WHERE a.case_id = work_case.id AND a.department_code = citygrid.my_department()));
CREATE POLICY cg_audit_staff ON citygrid.case_action FOR SELECT
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_supervisor, citygrid_analyst,
       citygrid_admin, citygrid_bigscreen, citygrid_office
    USING (true);
CREATE POLICY cg_audit_department ON citygrid.case_action FOR SELECT TO citygrid_department
    USING (EXISTS (SELECT 1 FROM citygrid.work_case c WHERE c.id = case_id));

-- Photos and additional reports: visible exactly when their case is (the case's policies above).
DROP POLICY IF EXISTS cg_case_photo ON citygrid.case_photo;
DROP POLICY IF EXISTS cg_case_extra_report ON citygrid.case_extra_report;
DROP POLICY IF EXISTS cg_case_reporter ON citygrid.case_reporter;
DROP POLICY IF EXISTS cg_case_assist_staff ON citygrid.case_assist;
DROP POLICY IF EXISTS cg_case_assist_department ON citygrid.case_assist;
DROP POLICY IF EXISTS cg_case_class_rule_admin ON citygrid.case_class_rule;
CREATE POLICY cg_case_photo ON citygrid.case_photo FOR SELECT
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_department, citygrid_supervisor,
       citygrid_analyst, citygrid_admin, citygrid_office
    USING (EXISTS (SELECT 1 FROM citygrid.work_case c WHERE c.id = case_id));
CREATE POLICY cg_case_extra_report ON citygrid.case_extra_report FOR SELECT
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_department, citygrid_supervisor,
       citygrid_analyst, citygrid_admin, citygrid_office
    USING (EXISTS (SELECT 1 FROM citygrid.work_case c WHERE c.id = case_id));
CREATE POLICY cg_case_reporter ON citygrid.case_reporter FOR SELECT
    TO citygrid_operator, citygrid_shift_leader, citygrid_supervisor, citygrid_office USING (true);
-- (a department sees the rows where it assists or leads; the cases' policy reads case_assist, so this
-- one must not read the cases back: the lead is kept on the row)
CREATE POLICY cg_case_assist_staff ON citygrid.case_assist FOR SELECT
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_supervisor, citygrid_analyst,
       citygrid_admin, citygrid_office
    USING (true);
CREATE POLICY cg_case_assist_department ON citygrid.case_assist FOR SELECT TO citygrid_department
    USING (department_code = citygrid.my_department() OR lead_department = citygrid.my_department());
CREATE POLICY cg_case_class_rule_admin ON citygrid.case_class_rule FOR ALL TO citygrid_admin
    USING (true) WITH CHECK (true);

-- The city's rules (issue 16): administrators write territories, responsibility grids,
-- authorisations and weights (everyone reads them: the policies of migration 015); the
-- administrators' audit is read by administrators and analysts, written by nobody but the store.
DROP POLICY IF EXISTS cg_department_territory_admin ON citygrid.department_territory;
DROP POLICY IF EXISTS cg_supervisor_grid_admin ON citygrid.supervisor_grid;
DROP POLICY IF EXISTS cg_case_authority_admin ON citygrid.case_authority;
DROP POLICY IF EXISTS cg_evaluation_weight_admin ON citygrid.evaluation_weight;
DROP POLICY IF EXISTS cg_admin_audit_read ON citygrid.admin_audit;
CREATE POLICY cg_department_territory_admin ON citygrid.department_territory FOR ALL TO citygrid_admin
    USING (true) WITH CHECK (true);
CREATE POLICY cg_supervisor_grid_admin ON citygrid.supervisor_grid FOR ALL TO citygrid_admin
    USING (true) WITH CHECK (true);
CREATE POLICY cg_case_authority_admin ON citygrid.case_authority FOR ALL TO citygrid_admin
    USING (true) WITH CHECK (true);
CREATE POLICY cg_evaluation_weight_admin ON citygrid.evaluation_weight FOR ALL TO citygrid_admin
    USING (true) WITH CHECK (true);
CREATE POLICY cg_admin_audit_read ON citygrid.admin_audit FOR SELECT TO citygrid_admin, citygrid_analyst
    USING (true);

-- Patrol (issue 17): a supervisor reads his own packages and tracks, the supervision and command
-- centres, analysts and administrators all of them; nobody writes them but the store's functions
-- (patrol_package_register, patrol_track_add). The grid roster (一格六员) is read by everyone and
-- written by administrators.
GRANT SELECT ON citygrid.patrol_package, citygrid.patrol_track, citygrid.patrol_track_grid, citygrid.patrol_track_gap
    TO citygrid_supervisor, citygrid_shift_leader, citygrid_office, citygrid_dispatcher, citygrid_operator,
       citygrid_analyst, citygrid_admin;
GRANT EXECUTE ON FUNCTION citygrid.patrol_package_register(uuid, text, text[])
    TO citygrid_admin, citygrid_shift_leader, citygrid_supervisor;
GRANT EXECUTE ON FUNCTION citygrid.patrol_track_add(uuid, text, geometry) TO citygrid_supervisor;
GRANT EXECUTE ON FUNCTION citygrid.patrol_coverage(date), citygrid.case_assignee(text, date)
    TO citygrid_supervisor, citygrid_shift_leader, citygrid_office, citygrid_dispatcher, citygrid_operator,
       citygrid_analyst, citygrid_admin;
DROP POLICY IF EXISTS cg_patrol_package_own ON citygrid.patrol_package;
DROP POLICY IF EXISTS cg_patrol_package_staff ON citygrid.patrol_package;
DROP POLICY IF EXISTS cg_patrol_track_own ON citygrid.patrol_track;
DROP POLICY IF EXISTS cg_patrol_track_staff ON citygrid.patrol_track;
DROP POLICY IF EXISTS cg_grid_roster_admin ON citygrid.grid_roster;
CREATE POLICY cg_patrol_package_own ON citygrid.patrol_package FOR SELECT TO citygrid_supervisor
    USING (login = citygrid.actor());
CREATE POLICY cg_patrol_package_staff ON citygrid.patrol_package FOR SELECT
    TO citygrid_shift_leader, citygrid_office, citygrid_dispatcher, citygrid_operator, citygrid_analyst, citygrid_admin
    USING (true);
CREATE POLICY cg_patrol_track_own ON citygrid.patrol_track FOR SELECT TO citygrid_supervisor
    USING (login = citygrid.actor());
CREATE POLICY cg_patrol_track_staff ON citygrid.patrol_track FOR SELECT
    TO citygrid_shift_leader, citygrid_office, citygrid_dispatcher, citygrid_operator, citygrid_analyst, citygrid_admin
    USING (true);
CREATE POLICY cg_grid_roster_admin ON citygrid.grid_roster FOR ALL TO citygrid_admin USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS cg_patrol_track_grid ON citygrid.patrol_track_grid;
DROP POLICY IF EXISTS cg_patrol_track_gap ON citygrid.patrol_track_gap;
CREATE POLICY cg_patrol_track_gap ON citygrid.patrol_track_gap FOR SELECT
    TO citygrid_supervisor, citygrid_shift_leader, citygrid_office, citygrid_dispatcher, citygrid_operator,
       citygrid_analyst, citygrid_admin
    USING (EXISTS (SELECT 1 FROM citygrid.patrol_track t WHERE t.id = track_id));
CREATE POLICY cg_patrol_track_grid ON citygrid.patrol_track_grid FOR SELECT
    TO citygrid_supervisor, citygrid_shift_leader, citygrid_office, citygrid_dispatcher, citygrid_operator,
       citygrid_analyst, citygrid_admin
    USING (EXISTS (SELECT 1 FROM citygrid.patrol_track t WHERE t.id = track_id));

-- Open311 (issue 19): the HTTP service (`./citygrid serve open311`) logs in as a member of
-- citygrid_open311. It reads the public fields of cases through open311_request_public and the
-- services through open311_service (security_invoker views over the column grants below: no
-- reporter, phone, photo, staff or audit) and writes only through open311_report (API key, rate
-- limit, case_report with source 公众举报). The client apps (their key hashes, limits) are the
-- administrators', changed through open311_client_save; the service reads none of it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'citygrid_open311') THEN
        CREATE ROLE citygrid_open311 NOLOGIN;
    END IF;
END $$;
REVOKE ALL ON ALL TABLES IN SCHEMA citygrid FROM citygrid_open311;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA citygrid FROM citygrid_open311;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA citygrid FROM citygrid_open311;
GRANT USAGE ON SCHEMA citygrid TO citygrid_open311;
GRANT SELECT ON citygrid.open311_request_public, citygrid.open311_service, citygrid.case_state,
    citygrid.event_class, citygrid.component_class, citygrid.schema_migration
    TO citygrid_open311;
GRANT SELECT (code, profile) ON citygrid.district TO citygrid_open311;
GRANT SELECT (code, name) ON citygrid.department TO citygrid_open311;
GRANT SELECT (id, case_no, state, kind, profile, class_code, description, address, geom, department_code,
              district_code, stage_deadline, handle_deadline, reported_at, updated_at)
    ON citygrid.work_case TO citygrid_open311;
GRANT EXECUTE ON FUNCTION citygrid.actor(),
    citygrid.open311_report(text, text, double precision, double precision, text, text, text, text, text)
    TO citygrid_open311;
GRANT SELECT ON citygrid.open311_client, citygrid.open311_case TO citygrid_admin;
REVOKE SELECT ON citygrid.open311_client, citygrid.open311_rate FROM citygrid_analyst;
GRANT EXECUTE ON FUNCTION citygrid.open311_client_save(text, text, integer, boolean) TO citygrid_admin;
DROP POLICY IF EXISTS cg_case_open311 ON citygrid.work_case;
DROP POLICY IF EXISTS cg_open311_client_admin ON citygrid.open311_client;
DROP POLICY IF EXISTS cg_open311_case_read ON citygrid.open311_case;
CREATE POLICY cg_case_open311 ON citygrid.work_case FOR SELECT TO citygrid_open311 USING (true);
CREATE POLICY cg_open311_client_admin ON citygrid.open311_client FOR SELECT TO citygrid_admin USING (true);
CREATE POLICY cg_open311_case_read ON citygrid.open311_case FOR SELECT TO citygrid_admin, citygrid_analyst
    USING (true);

-- City and district platforms (issue 19, migration 019). At the city, citygrid_feed holds every
-- district's public record (no reporter, phone, photo or note), read-only for everybody: only
-- replication writes it (at a district, only the store's feed triggers). The city's staff read it
-- and the views across districts; operators and shift leaders hand cases to districts through
-- handover_create only. The replication logins (citygrid_repl_*) are made and granted by
-- store/platform.py at each link, with SELECT on the feed (district) or on the hand-overs (city).
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['citygrid_admin', 'citygrid_gis_editor', 'citygrid_surveyor', 'citygrid_operator',
                             'citygrid_shift_leader', 'citygrid_dispatcher', 'citygrid_department',
                             'citygrid_supervisor', 'citygrid_analyst', 'citygrid_bigscreen', 'citygrid_office',
                             'citygrid_leader', 'citygrid_open311'] LOOP
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA citygrid_feed, citygrid_handover FROM %I', r);
        EXECUTE format('REVOKE ALL ON SCHEMA citygrid_feed, citygrid_handover FROM %I', r);
    END LOOP;
END $$;
GRANT USAGE ON SCHEMA citygrid_feed, citygrid_handover
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_supervisor, citygrid_analyst,
       citygrid_admin, citygrid_bigscreen, citygrid_office;
GRANT SELECT ON ALL TABLES IN SCHEMA citygrid_feed
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_supervisor, citygrid_analyst,
       citygrid_admin, citygrid_bigscreen, citygrid_office;
GRANT SELECT ON citygrid_handover.handover
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_supervisor, citygrid_analyst,
       citygrid_admin, citygrid_office;
GRANT SELECT ON citygrid.platform, citygrid.platform_district
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_supervisor, citygrid_analyst,
       citygrid_admin, citygrid_bigscreen, citygrid_office, citygrid_department, citygrid_gis_editor,
       citygrid_surveyor;
GRANT SELECT ON citygrid.city_case
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_supervisor, citygrid_analyst,
       citygrid_admin, citygrid_bigscreen, citygrid_office;
GRANT SELECT ON citygrid.city_handover
    TO citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_supervisor, citygrid_analyst,
       citygrid_admin, citygrid_office;
GRANT EXECUTE ON FUNCTION citygrid.actor(),
    citygrid.handover_create(text, text, text, text, double precision, double precision, text, boolean, text)
    TO citygrid_operator, citygrid_shift_leader;
