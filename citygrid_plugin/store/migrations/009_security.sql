-- 009 security: who may do what, enforced in the store for every client.
--
--   * citygrid.actor() is the logged-in user (session_user): every "who" column (created_by,
--     updated_by, retired_by, by_user, actor) records it, also when the write happens inside a
--     SECURITY DEFINER function (where current_user is the store owner).
--   * Internal mode (a function's own nested writes that the guard triggers let through: a
--     grid retired instead of deleted, codes issued, cases moved) used to be a plain setting any
--     client could set. It is now a secret token that only the store's own functions can read
--     (citygrid.internal_secret, readable by the owner only): set_internal() writes it into the
--     transaction's settings, internal_on() compares. A client that sets the setting by hand
--     gets nothing.
--   * The functions that write protected tables (history, codes, the case audit) run as the
--     store owner (SECURITY DEFINER, fixed search_path), so editors need no privilege on those
--     tables and cannot forge them.
--   * Cases: case_report needs a case role, case_act checks that the user is a member of the
--     role it acts in (citygrid_<role>) and, for a department, that the case is dispatched to
--     the user's department (citygrid.staff). Superusers act in any role (generators, tests).
--   * Keeping legacy codes on import (setting citygrid.import_codes) is for administrators only.
--   * Row-level security is enabled on cases and their audit; the policies that let each role
--     see its rows come with the roles (citygrid_plugin/store/roles.sql, applied by
--     citygrid:setuproles). Until then only the owner sees cases.
--   * Break glass: citygrid.break_glass_amend() lets an administrator amend an audit note
--     (e.g. to redact personal data), with a reason, itself audited in citygrid.audit_override.

CREATE FUNCTION citygrid.actor() RETURNS text LANGUAGE sql STABLE AS $$ SELECT session_user::text $$;

CREATE FUNCTION citygrid.is_superuser() RETURNS boolean LANGUAGE sql STABLE AS
    $$ SELECT COALESCE((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) $$;

CREATE TABLE citygrid.internal_secret (token text NOT NULL);
INSERT INTO citygrid.internal_secret VALUES (md5(random()::text || clock_timestamp()::text || pg_backend_pid()::text));
REVOKE ALL ON citygrid.internal_secret FROM PUBLIC;

CREATE OR REPLACE FUNCTION citygrid.internal_on() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = citygrid, pg_temp AS $$
    SELECT COALESCE(current_setting('citygrid.internal', true), '') = (SELECT token FROM citygrid.internal_secret) $$;

-- No SET search_path here: a function-level SET would undo the transaction-local setting when
-- the function returns. Every name is schema-qualified instead, so a caller's search_path
-- cannot substitute its own functions or operators.
CREATE FUNCTION citygrid.set_internal(p_on boolean) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER AS $$
    SELECT pg_catalog.set_config('citygrid.internal', CASE WHEN p_on THEN (SELECT s.token FROM citygrid.internal_secret s)
                                                           ELSE 'off' END, true) $$;
REVOKE ALL ON FUNCTION citygrid.set_internal(boolean) FROM PUBLIC;

-- Staff: the department of a department handler (专业部门) and a display name, per login.
CREATE TABLE citygrid.staff (
    login            text PRIMARY KEY,
    name             text NOT NULL CHECK (btrim(name) <> ''),
    department_code  text REFERENCES citygrid.department ON UPDATE CASCADE,
    note             text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       text NOT NULL DEFAULT session_user
);
COMMENT ON TABLE citygrid.staff IS 'Store users: display name and, for department handlers, their department';

CREATE FUNCTION citygrid.my_department() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = citygrid, pg_temp AS $$
    SELECT department_code FROM citygrid.staff WHERE login = session_user $$;

-- Is the logged-in user a member of citygrid_<role>? (false when that role does not exist yet)
-- (pg_has_role is true for superusers; to_regrole is a cache lookup, so this costs microseconds)
CREATE FUNCTION citygrid.acts_as(p_role text) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN to_regrole('citygrid_' || p_role) IS NULL THEN citygrid.is_superuser()
                ELSE pg_has_role(session_user, to_regrole('citygrid_' || p_role), 'MEMBER') END $$;

CREATE FUNCTION citygrid.acts_as_any(p_roles text[]) RETURNS boolean
    LANGUAGE sql STABLE AS $$ SELECT COALESCE(bool_or(citygrid.acts_as(r)), false) FROM unnest(p_roles) r $$;

CREATE FUNCTION citygrid.import_codes_on() RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE(current_setting('citygrid.import_codes', true), '') = 'on' AND citygrid.acts_as('admin') $$;

-- The "who" columns record the logged-in user.
ALTER TABLE citygrid.grid ALTER COLUMN created_by SET DEFAULT citygrid.actor();
ALTER TABLE citygrid.grid_history ALTER COLUMN by_user SET DEFAULT citygrid.actor();
ALTER TABLE citygrid.component ALTER COLUMN created_by SET DEFAULT citygrid.actor();
ALTER TABLE citygrid.component ALTER COLUMN updated_by SET DEFAULT citygrid.actor();
ALTER TABLE citygrid.component_history ALTER COLUMN by_user SET DEFAULT citygrid.actor();
ALTER TABLE citygrid.work_case ALTER COLUMN updated_by SET DEFAULT citygrid.actor();
ALTER TABLE citygrid.case_action ALTER COLUMN actor SET DEFAULT citygrid.actor();


CREATE OR REPLACE FUNCTION citygrid.grid_before_insert() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    IF NOT citygrid.internal_on() AND NOT citygrid.import_codes_on() THEN
        -- codes are issued by the store (at commit); copies made by split tools lose theirs
        NEW.code := NULL;
        NEW.serial := NULL;
        NEW.retired_at := NULL;
        NEW.retired_by := NULL;
        NEW.retire_reason := NULL;
        NEW.successors := '{}';
        NEW.successor_cover := 0;
        NEW.predecessors := '{}';
    END IF;
    IF NEW.district_code IS NULL OR NEW.street_code IS NULL OR NEW.community_code IS NULL THEN
        SELECT district_code, street_code, code INTO c FROM citygrid.community
         WHERE ST_Intersects(boundary, ST_PointOnSurface(NEW.geom)) LIMIT 1;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'grid at (%, %) lies in no community', round(ST_X(ST_PointOnSurface(NEW.geom))::numeric, 1),
                round(ST_Y(ST_PointOnSurface(NEW.geom))::numeric, 1) USING ERRCODE = 'check_violation';
        END IF;
        NEW.district_code := c.district_code;
        NEW.street_code := c.street_code;
        NEW.community_code := c.code;
    END IF;
    PERFORM citygrid.grid_check_community(NEW);
    NEW.created_at := now();
    NEW.created_by := citygrid.actor();
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION citygrid.grid_before_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    keep double precision := citygrid.setting_float('grid_keep_iou', 0.9);
    iou double precision;
    new_id bigint;
BEGIN
    IF citygrid.internal_on() THEN
        RETURN NEW;
    END IF;
    IF OLD.retired_at IS NOT NULL THEN
        RAISE EXCEPTION 'grid % is retired (%); history cannot be edited', OLD.code, OLD.retired_at
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.code IS DISTINCT FROM OLD.code OR NEW.serial IS DISTINCT FROM OLD.serial THEN
        RAISE EXCEPTION 'grid codes are issued by the store; grid % cannot be given code %', OLD.code, NEW.code
            USING ERRCODE = 'check_violation', HINT = 'edit the shape; the store re-codes changed grids on save';
    END IF;
    IF (NEW.retired_at, NEW.retired_by, NEW.retire_reason, NEW.predecessors, NEW.successors, NEW.successor_cover)
       IS DISTINCT FROM (OLD.retired_at, OLD.retired_by, OLD.retire_reason, OLD.predecessors, OLD.successors,
                         OLD.successor_cover) THEN
        RAISE EXCEPTION 'grid history fields are maintained by the store'
            USING ERRCODE = 'check_violation', HINT = 'delete a grid to retire it';
    END IF;
    IF (NEW.district_code, NEW.street_code, NEW.community_code) IS DISTINCT FROM
       (OLD.district_code, OLD.street_code, OLD.community_code) AND ST_Equals(NEW.geom, OLD.geom) THEN
        RAISE EXCEPTION 'grid % cannot move to another community without a new shape', OLD.code
            USING ERRCODE = 'check_violation';
    END IF;
    IF ST_Equals(NEW.geom, OLD.geom) THEN
        RETURN NEW;  -- attributes only (name, land use, note)
    END IF;
    IF OLD.code IS NULL THEN
        PERFORM citygrid.grid_check_community(NEW);
        RETURN NEW;  -- not coded yet: just a new shape
    END IF;
    iou := ST_Area(ST_Intersection(NEW.geom, OLD.geom)) / NULLIF(ST_Area(ST_Union(NEW.geom, OLD.geom)), 0);
    IF iou >= keep AND (NEW.district_code, NEW.street_code, NEW.community_code)
                       = (OLD.district_code, OLD.street_code, OLD.community_code) THEN
        PERFORM citygrid.grid_check_community(NEW);
        INSERT INTO citygrid.grid_history (grid_id, code, action, old_values, new_values)
        VALUES (OLD.id, OLD.code, 'reshaped', jsonb_build_object('area_m2', round(OLD.area_m2::numeric, 2), 'wkt', ST_AsText(OLD.geom)),
                jsonb_build_object('area_m2', round(ST_Area(NEW.geom)::numeric, 2), 'iou', round(iou::numeric, 4)));
        RETURN NEW;
    END IF;
    -- A new grid: the old row is retired with its code and shape; the new shape is inserted
    -- uncoded and receives the next serial at commit.
    INSERT INTO citygrid.grid (district_code, street_code, community_code, name, land_use, note, geom)
    VALUES (NEW.district_code, NEW.street_code, NEW.community_code, NEW.name, NEW.land_use, NEW.note, NEW.geom)
    RETURNING id INTO new_id;
    PERFORM citygrid.set_internal(true);
    UPDATE citygrid.grid SET retired_at = now(), retired_by = citygrid.actor(), retire_reason = 'reshaped'
     WHERE id = OLD.id;
    PERFORM citygrid.set_internal(false);
    RETURN NULL;  -- the row itself was retired above; skip the client's update
END $$;

CREATE OR REPLACE FUNCTION citygrid.grid_before_delete() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF citygrid.internal_on() OR OLD.code IS NULL THEN
        RETURN OLD;  -- uncoded grids were never published: really delete
    END IF;
    IF OLD.retired_at IS NOT NULL THEN
        RAISE EXCEPTION 'grid % is retired; history cannot be deleted', OLD.code USING ERRCODE = 'check_violation';
    END IF;
    PERFORM citygrid.set_internal(true);
    UPDATE citygrid.grid SET retired_at = now(), retired_by = citygrid.actor(), retire_reason = 'deleted'
     WHERE id = OLD.id;
    -- merged away: the active grids now covering it are its successors (QGIS commits the merged
    -- shape before the deletes, so the survivor already exists)
    PERFORM citygrid.link_to_active(OLD.id);
    PERFORM citygrid.set_internal(false);
    RETURN NULL;  -- retired instead of deleted: a code is never reused
END $$;

CREATE OR REPLACE FUNCTION citygrid.assign_grid_codes(p_district text, p_street text, p_community text) RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    band double precision := citygrid.setting_float('grid_band_m', 100);
    ymax double precision;
    next_serial integer;
    n integer := 0;
    g record;
    r record;
    shared double precision;
    full_code text := p_district || p_street || p_community;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('citygrid.grid.' || full_code));
    IF NOT EXISTS (SELECT 1 FROM citygrid.grid WHERE code IS NULL AND district_code = p_district
                   AND street_code = p_street AND community_code = p_community) THEN
        RETURN 0;
    END IF;
    SELECT ST_YMax(boundary) INTO ymax FROM citygrid.community
     WHERE district_code = p_district AND street_code = p_street AND code = p_community;
    SELECT COALESCE(max(serial), 0) + 1 INTO next_serial FROM citygrid.grid
     WHERE district_code = p_district AND street_code = p_street AND community_code = p_community;
    PERFORM citygrid.set_internal(true);
    FOR g IN
        SELECT id, geom FROM citygrid.grid
         WHERE code IS NULL AND district_code = p_district AND street_code = p_street AND community_code = p_community
         ORDER BY floor((ymax - ST_Y(ST_Centroid(geom))) / band), ST_X(ST_Centroid(geom)),
                  ST_Y(ST_Centroid(geom)) DESC, id
    LOOP
        IF next_serial > 999 THEN
            RAISE EXCEPTION 'community % has issued all 999 grid serials; codes are never reused', full_code
                USING ERRCODE = 'check_violation', HINT = 'split the community or renumber it as a new community';
        END IF;
        UPDATE citygrid.grid SET serial = next_serial, code = full_code || lpad(next_serial::text, 3, '0')
         WHERE id = g.id;
        -- link to retired grids of this community that this grid replaces (not yet fully succeeded)
        FOR r IN
            SELECT id, code, geom, area_m2, successor_cover FROM citygrid.grid
             WHERE retired_at IS NOT NULL AND district_code = p_district AND street_code = p_street
               AND community_code = p_community AND successor_cover < area_m2 - 1.0
               AND ST_Intersects(geom, g.geom)
        LOOP
            shared := ST_Area(ST_Intersection(r.geom, g.geom));
            IF shared >= 1.0 THEN
                UPDATE citygrid.grid SET successors = array_append(successors, full_code || lpad(next_serial::text, 3, '0')),
                                         successor_cover = successor_cover + shared
                 WHERE id = r.id;
                UPDATE citygrid.grid SET predecessors = array_append(predecessors, r.code) WHERE id = g.id;
            END IF;
        END LOOP;
        next_serial := next_serial + 1;
        n := n + 1;
    END LOOP;
    PERFORM citygrid.set_internal(false);
    RETURN n;
END $$;

CREATE OR REPLACE FUNCTION citygrid.replace_community_grids(p_district text, p_street text, p_community text, shapes geometry[])
    RETURNS TABLE (idx integer, code text, status text)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    keep double precision := citygrid.setting_float('grid_keep_iou', 0.9);
    i integer;
    best record;
    matched bigint[] := '{}';
    ids bigint[] := '{}';
    states text[] := '{}';
    new_id bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('citygrid.grid.' || p_district || p_street || p_community));
    FOR i IN 1 .. COALESCE(array_length(shapes, 1), 0) LOOP
        SELECT g.id, g.geom,
               ST_Area(ST_Intersection(g.geom, shapes[i])) / NULLIF(ST_Area(ST_Union(g.geom, shapes[i])), 0) AS iou
          INTO best
          FROM citygrid.grid g
         WHERE g.retired_at IS NULL AND g.code IS NOT NULL AND g.district_code = p_district
           AND g.street_code = p_street AND g.community_code = p_community
           AND g.geom && shapes[i] AND ST_Intersects(g.geom, shapes[i]) AND NOT (g.id = ANY (matched))
         ORDER BY 3 DESC NULLS LAST LIMIT 1;
        IF FOUND AND best.iou >= keep THEN
            matched := matched || best.id;
            ids := ids || best.id;
            IF ST_Equals(best.geom, shapes[i]) THEN
                states := states || 'kept'::text;
            ELSE
                UPDATE citygrid.grid SET geom = shapes[i] WHERE id = best.id;
                states := states || 'reshaped'::text;
            END IF;
        ELSE
            ids := ids || NULL::bigint;
            states := states || 'new'::text;
        END IF;
    END LOOP;
    PERFORM citygrid.set_internal(true);
    UPDATE citygrid.grid SET retired_at = now(), retired_by = citygrid.actor(), retire_reason = 'replaced'
     WHERE retired_at IS NULL AND code IS NOT NULL AND district_code = p_district AND street_code = p_street
       AND community_code = p_community AND NOT (id = ANY (matched));
    DELETE FROM citygrid.grid WHERE code IS NULL AND district_code = p_district AND street_code = p_street
       AND community_code = p_community;
    PERFORM citygrid.set_internal(false);
    FOR i IN 1 .. COALESCE(array_length(shapes, 1), 0) LOOP
        IF ids[i] IS NULL THEN
            INSERT INTO citygrid.grid (district_code, street_code, community_code, geom)
            VALUES (p_district, p_street, p_community, shapes[i]) RETURNING id INTO new_id;
            ids[i] := new_id;
        END IF;
    END LOOP;
    PERFORM citygrid.assign_grid_codes(p_district, p_street, p_community);
    RETURN QUERY SELECT s.i, g.code, states[s.i]
                   FROM generate_subscripts(ids, 1) AS s(i) JOIN citygrid.grid g ON g.id = ids[s.i]
                  ORDER BY s.i;
END $$;

CREATE OR REPLACE FUNCTION citygrid.component_before_write() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    cls citygrid.component_class;
    grid text;
    anchor geometry;
    want text;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.retired_at IS NOT NULL THEN
        RAISE EXCEPTION 'component % is retired; history cannot be edited', OLD.code USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.code IS DISTINCT FROM OLD.code OR NEW.uid IS DISTINCT FROM OLD.uid
                             OR NEW.retired_at IS DISTINCT FROM OLD.retired_at)
       AND NOT citygrid.internal_on() THEN
        RAISE EXCEPTION 'component codes are issued by the store; % cannot become %', OLD.code, NEW.code
            USING ERRCODE = 'check_violation', HINT = 'change the class to get a new code; delete to retire';
    END IF;
    -- the grid (and so the district and profile) from the location
    IF TG_OP = 'INSERT' OR NOT ST_Equals(NEW.geom, OLD.geom) OR NEW.grid_code IS DISTINCT FROM OLD.grid_code THEN
        anchor := citygrid.component_anchor(NEW.geom);
        IF NEW.grid_code IS NOT NULL THEN  -- a client's guess (bulk import) is checked, not trusted
            SELECT g.code INTO grid FROM citygrid.grid g
             WHERE g.code = NEW.grid_code AND g.retired_at IS NULL AND ST_Intersects(g.geom, anchor);
        END IF;
        IF grid IS NULL THEN
            SELECT g.code INTO grid FROM citygrid.grid g
             WHERE g.retired_at IS NULL AND g.code IS NOT NULL AND ST_Intersects(g.geom, anchor)
             ORDER BY g.code LIMIT 1;
        END IF;
        IF grid IS NULL THEN
            RAISE EXCEPTION 'component at (%, %) lies outside every unit grid', round(ST_X(anchor)::numeric, 2),
                round(ST_Y(anchor)::numeric, 2) USING ERRCODE = 'check_violation',
                HINT = 'check the position and the layer CRS; components are recorded inside the unit grids';
        END IF;
        NEW.grid_code := grid;
        NEW.district_code := left(grid, 6);
    END IF;
    IF TG_OP = 'INSERT' OR NEW.profile IS NULL THEN
        SELECT profile INTO NEW.profile FROM citygrid.district WHERE code = NEW.district_code;
    END IF;
    SELECT * INTO cls FROM citygrid.component_class WHERE profile = NEW.profile AND code = NEW.class_code;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'class % is not a component class of profile %', NEW.class_code, NEW.profile
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    want := upper(cls.geometry_type);
    IF want = 'LINE' THEN want := 'LINESTRING'; END IF;
    IF GeometryType(NEW.geom) <> want THEN
        RAISE EXCEPTION 'class % % is recorded as a %, got %', cls.code, cls.name, cls.geometry_type,
            lower(GeometryType(NEW.geom)) USING ERRCODE = 'check_violation';
    END IF;
    NEW.major_code := cls.major_code;
    IF NEW.name IS NULL OR btrim(NEW.name) = '' THEN
        NEW.name := cls.name;
    END IF;
    IF NEW.accuracy IS NULL THEN
        NEW.accuracy := cls.accuracy_class;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF citygrid.import_codes_on() AND NEW.code IS NOT NULL THEN
            -- legacy codes kept on import; the sequence moves past them
            PERFORM setval(citygrid.component_sequence(NEW.district_code, NEW.profile, NEW.class_code),
                           greatest(right(NEW.code, 6)::bigint,
                                    (SELECT last_value FROM pg_sequences
                                      WHERE schemaname = 'citygrid' AND sequencename = format('component_seq_%s_%s_%s',
                                            NEW.district_code, NEW.profile, NEW.class_code))));
        ELSE
            NEW.code := citygrid.next_component_code(NEW.district_code, NEW.profile, NEW.class_code);
        END IF;
        NEW.uid := COALESCE(NEW.uid, gen_random_uuid());  -- clients that send NULL explicitly
        NEW.version := 1;
        NEW.change_date := NULL;
        NEW.retired_at := NULL;
        NEW.created_at := now();
        NEW.created_by := citygrid.actor();
        NEW.updated_at := now();
        NEW.updated_by := citygrid.actor();
        RETURN NEW;
    END IF;
    IF NEW.class_code IS DISTINCT FROM OLD.class_code OR NEW.district_code IS DISTINCT FROM OLD.district_code THEN
        NEW.code := citygrid.next_component_code(NEW.district_code, NEW.profile, NEW.class_code);
        IF NEW.name = OLD.name THEN
            NEW.name := cls.name;
        END IF;
        IF NEW.accuracy IS NOT DISTINCT FROM OLD.accuracy THEN
            NEW.accuracy := cls.accuracy_class;
        END IF;
    END IF;
    IF ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN
        NEW.version := OLD.version + 1;
        NEW.change_date := current_date;
        NEW.updated_at := now();
        NEW.updated_by := citygrid.actor();
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION citygrid.component_before_delete() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF citygrid.internal_on() THEN
        RETURN OLD;
    END IF;
    IF OLD.retired_at IS NOT NULL THEN
        RAISE EXCEPTION 'component % is retired; history cannot be deleted', OLD.code USING ERRCODE = 'check_violation';
    END IF;
    PERFORM citygrid.set_internal(true);
    UPDATE citygrid.component SET retired_at = now(), retired_by = citygrid.actor(), version = version + 1,
                                  change_date = current_date, updated_at = now(), updated_by = citygrid.actor()
     WHERE id = OLD.id;
    PERFORM citygrid.set_internal(false);
    RETURN NULL;  -- retired, not deleted: the code is never reused
END $$;

CREATE OR REPLACE FUNCTION citygrid.case_guard() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NOT citygrid.internal_on() THEN
        RAISE EXCEPTION 'cases change only through citygrid.case_report() and citygrid.case_act()'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN COALESCE(NEW, OLD);
END $$;

CREATE OR REPLACE FUNCTION citygrid.case_report(p_source text, p_kind text, p_class text, p_description text, p_geom geometry,
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
    IF NOT citygrid.acts_as_any(ARRAY['operator', 'supervisor', 'shift_leader', 'dispatcher', 'department']) THEN
        RAISE EXCEPTION 'user % may not report cases (needs a case role: operator, supervisor, shift leader, dispatcher or department)',
            citygrid.actor() USING ERRCODE = 'insufficient_privilege';
    END IF;
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
    PERFORM citygrid.set_internal(true);
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
    PERFORM citygrid.set_internal(false);
    PERFORM pg_notify('qgis', 'case:' || c.id);
    RETURN c;
END $$;

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
    IF NOT citygrid.acts_as(p_role) THEN
        RAISE EXCEPTION 'user % may not act as % (not a member of role citygrid_%)', citygrid.actor(), p_role, p_role
            USING ERRCODE = 'insufficient_privilege', HINT = 'an administrator grants roles with “Add or change a store user”';
    END IF;
    IF p_role = 'department' AND c.department_code IS DISTINCT FROM citygrid.my_department()
       AND NOT citygrid.is_superuser() THEN
        RAISE EXCEPTION 'case % is not dispatched to your department (%)', c.case_no,
            COALESCE(citygrid.my_department(), 'none: ask an administrator to set it')
            USING ERRCODE = 'insufficient_privilege';
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
    c.updated_by := citygrid.actor();
    PERFORM citygrid.set_internal(true);
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
    PERFORM citygrid.set_internal(false);
    PERFORM pg_notify('qgis', 'case:' || c.id);
    RETURN c;
END $$;

-- The append-only audit lets the break-glass procedure through (internal mode), nothing else.
CREATE OR REPLACE FUNCTION citygrid.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND citygrid.internal_on() THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TABLE citygrid.audit_override (
    id               bigserial PRIMARY KEY,
    at               timestamptz NOT NULL DEFAULT clock_timestamp(),
    by_user          text NOT NULL DEFAULT citygrid.actor(),
    reason           text NOT NULL CHECK (btrim(reason) <> ''),
    case_action_id   bigint NOT NULL REFERENCES citygrid.case_action,
    old_note         text,
    new_note         text
);
COMMENT ON TABLE citygrid.audit_override IS 'Break-glass amendments of the case audit: who, when, why, before and after';
CREATE TRIGGER audit_override_append_only BEFORE UPDATE OR DELETE ON citygrid.audit_override
    FOR EACH ROW EXECUTE FUNCTION citygrid.refuse_change();
CREATE TRIGGER audit_override_no_truncate BEFORE TRUNCATE ON citygrid.audit_override
    FOR EACH STATEMENT EXECUTE FUNCTION citygrid.refuse_change();

CREATE FUNCTION citygrid.break_glass_amend(p_action bigint, p_note text, p_reason text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    old text;
BEGIN
    IF NOT citygrid.acts_as('admin') THEN
        RAISE EXCEPTION 'only an administrator (citygrid_admin) may amend the audit' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF btrim(COALESCE(p_reason, '')) = '' THEN
        RAISE EXCEPTION 'amending the audit needs a reason' USING ERRCODE = 'not_null_violation';
    END IF;
    SELECT note INTO old FROM citygrid.case_action WHERE id = p_action FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'audit row % does not exist', p_action USING ERRCODE = 'no_data_found';
    END IF;
    INSERT INTO citygrid.audit_override (reason, case_action_id, old_note, new_note) VALUES (p_reason, p_action, old, p_note);
    PERFORM citygrid.set_internal(true);
    UPDATE citygrid.case_action SET note = p_note WHERE id = p_action;
    PERFORM citygrid.set_internal(false);
END $$;
REVOKE ALL ON FUNCTION citygrid.break_glass_amend(bigint, text, text) FROM PUBLIC;

-- Functions that write protected tables run as the store owner.
ALTER FUNCTION citygrid.grid_before_update() SECURITY DEFINER SET search_path = citygrid, public, pg_temp;
ALTER FUNCTION citygrid.grid_before_delete() SECURITY DEFINER SET search_path = citygrid, public, pg_temp;
ALTER FUNCTION citygrid.grid_after_change() SECURITY DEFINER SET search_path = citygrid, public, pg_temp;
ALTER FUNCTION citygrid.assign_grid_codes(text, text, text) SECURITY DEFINER SET search_path = citygrid, public, pg_temp;
ALTER FUNCTION citygrid.replace_community_grids(text, text, text, geometry[])
    SECURITY DEFINER SET search_path = citygrid, public, pg_temp;
ALTER FUNCTION citygrid.component_sequence(text, text, text) SECURITY DEFINER SET search_path = citygrid, public, pg_temp;
ALTER FUNCTION citygrid.next_component_code(text, text, text) SECURITY DEFINER SET search_path = citygrid, public, pg_temp;
ALTER FUNCTION citygrid.component_after_update() SECURITY DEFINER SET search_path = citygrid, public, pg_temp;
ALTER FUNCTION citygrid.component_before_delete() SECURITY DEFINER SET search_path = citygrid, public, pg_temp;
ALTER FUNCTION citygrid.case_report(text, text, text, text, geometry, text, text, text, text, timestamptz)
    SECURITY DEFINER SET search_path = citygrid, public, pg_temp;
ALTER FUNCTION citygrid.case_act(bigint, text, text, integer, text, jsonb, timestamptz)
    SECURITY DEFINER SET search_path = citygrid, public, pg_temp;

-- Cases and their audit: rows are visible by policy only (policies come with the roles).
ALTER TABLE citygrid.work_case ENABLE ROW LEVEL SECURITY;
ALTER TABLE citygrid.case_action ENABLE ROW LEVEL SECURITY;
ALTER VIEW citygrid.case_queue SET (security_invoker = true);

-- What the big screen may read about the day's actions: no actor, no note.
CREATE VIEW citygrid.case_action_public WITH (security_invoker = true) AS
    SELECT a.id, a.case_id, a.action, a.from_state, a.to_state, a.at FROM citygrid.case_action a;
