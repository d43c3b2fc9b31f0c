-- 005 components (管理部件) and the census (部件普查).
-- One table for points, lines and polygons (the class table says which; QGIS opens it as three
-- layers filtered by geometry type). Rules held here for every client:
--   * codes are issued by the store on insert: county (6) + class (4 or 5 digits, by profile)
--     + serial (6), from a sequence per district and class that only grows, so concurrent
--     surveyors never collide and a code is never reused; a class change issues a new code;
--   * the grid is assigned by location (the active unit grid under the component's
--     representative point); a component outside every grid is refused with its position;
--   * the geometry type must be the class's; required fields are NOT NULL with checks;
--   * every change bumps `version`, sets the change date (CHDate) and appends the old row to
--     component_history (who, when, old values); deleting retires (the row stays, with its code).

INSERT INTO citygrid.store_setting (key, value) VALUES ('component_duplicate_m', '1.0');

CREATE TABLE citygrid.component_serial (
    district_code text NOT NULL,
    profile       text NOT NULL,
    class_code    text NOT NULL,
    sequence_name text NOT NULL,
    PRIMARY KEY (district_code, profile, class_code)
);
COMMENT ON TABLE citygrid.component_serial IS 'The serial sequences in use (one per district, profile and class; see next_component_code)';

CREATE TABLE citygrid.component (
    id              bigserial PRIMARY KEY,
    uid             uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    code            text UNIQUE CONSTRAINT component_code_format CHECK (code ~ '^[0-9]{16,17}$'),
    district_code   text NOT NULL REFERENCES citygrid.district ON UPDATE CASCADE,
    profile         text NOT NULL REFERENCES citygrid.code_profile,
    class_code      text NOT NULL,
    major_code      text,  -- kept equal to the class's major class by the trigger; drives the cascading form
    name            text NOT NULL CONSTRAINT component_name_not_blank CHECK (btrim(name) <> ''),
    dept1_code      text NOT NULL REFERENCES citygrid.department ON UPDATE CASCADE,  -- 主管部门
    dept2_code      text REFERENCES citygrid.department ON UPDATE CASCADE,           -- 权属单位
    dept3_code      text REFERENCES citygrid.department ON UPDATE CASCADE,           -- 养护单位
    grid_code       text,                                                            -- BGID
    state           text NOT NULL DEFAULT '完好'
                    CONSTRAINT component_state CHECK (state IN ('完好', '破损', '丢失', '占用')),
    census_date     date NOT NULL DEFAULT current_date,                               -- ORDate
    change_date     date,                                                            -- CHDate
    data_source     text NOT NULL DEFAULT '实测'
                    CONSTRAINT component_data_source CHECK (data_source IN ('实测', '地形图', '调绘', '其它')),
    accuracy        text CONSTRAINT component_accuracy CHECK (accuracy IN ('A', 'B', 'C')),
    material        text,
    site_name       text,
    stop_name       text,
    sculpture_name  text,
    equipment_count integer CHECK (equipment_count >= 0),
    spec            text,
    photo           text,
    note            text,
    geom            geometry(Geometry, {{srid}}) NOT NULL
                    CONSTRAINT component_geom_valid CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text NOT NULL DEFAULT current_user,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text NOT NULL DEFAULT current_user,
    retired_at      timestamptz,
    retired_by      text,
    FOREIGN KEY (profile, class_code) REFERENCES citygrid.component_class (profile, code) ON UPDATE CASCADE
);
CREATE INDEX component_geom_gist ON citygrid.component USING gist (geom);
CREATE INDEX component_grid ON citygrid.component (grid_code) WHERE retired_at IS NULL;
CREATE INDEX component_class_idx ON citygrid.component (class_code) WHERE retired_at IS NULL;
COMMENT ON TABLE citygrid.component IS 'Components (管理部件): codes issued by the store, history in component_history';

CREATE TABLE citygrid.component_history (
    id            bigserial PRIMARY KEY,
    component_id  bigint NOT NULL,
    code          text,
    action        text NOT NULL CHECK (action IN ('updated', 'recoded', 'retired')),
    at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    by_user       text NOT NULL DEFAULT current_user,
    old_values    jsonb NOT NULL
);
CREATE INDEX component_history_component ON citygrid.component_history (component_id);

-- Census progress per unit grid: the surveyed flag (counts come from the view below).
CREATE TABLE citygrid.grid_census (
    grid_code    text PRIMARY KEY,
    surveyed     boolean NOT NULL DEFAULT false,
    surveyed_at  timestamptz,
    surveyed_by  text,
    note         text
);

CREATE FUNCTION citygrid.component_anchor(g geometry) RETURNS geometry
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE GeometryType(g)
        WHEN 'LINESTRING' THEN ST_LineInterpolatePoint(g, 0.5)
        WHEN 'POINT' THEN g
        ELSE ST_PointOnSurface(g) END $$;

-- One sequence per district, profile and class: nextval never collides between concurrent
-- surveyors and never goes back (a rolled-back insert leaves a gap, never a reused code).
-- Sequences are created on first use; component_serial lists them.
CREATE FUNCTION citygrid.component_sequence(p_district text, p_profile text, p_class text) RETURNS regclass
    LANGUAGE plpgsql AS $$
DECLARE
    name text := format('citygrid.component_seq_%s_%s_%s', p_district, p_profile, p_class);
    seq regclass := to_regclass(name);
BEGIN
    IF seq IS NULL THEN
        BEGIN
            EXECUTE format('CREATE SEQUENCE %s MINVALUE 1 MAXVALUE 999999 NO CYCLE', name);
            INSERT INTO citygrid.component_serial (district_code, profile, class_code, sequence_name)
            VALUES (p_district, p_profile, p_class, name) ON CONFLICT DO NOTHING;
        EXCEPTION WHEN duplicate_table OR unique_violation THEN
            NULL;  -- another session created it at the same moment
        END;
        seq := to_regclass(name);
    END IF;
    RETURN seq;
END $$;

CREATE FUNCTION citygrid.next_component_code(p_district text, p_profile text, p_class text) RETURNS text
    LANGUAGE plpgsql AS $$
BEGIN
    RETURN p_district || p_class || lpad(nextval(citygrid.component_sequence(p_district, p_profile, p_class))::text,
                                         6, '0');
EXCEPTION WHEN sequence_generator_limit_exceeded THEN
    RAISE EXCEPTION 'district % has issued all 999999 serials of class %', p_district, p_class
        USING ERRCODE = 'check_violation';
END $$;

CREATE FUNCTION citygrid.component_before_write() RETURNS trigger
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
       AND COALESCE(current_setting('citygrid.internal', true), '') <> 'on' THEN
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
        IF COALESCE(current_setting('citygrid.import_codes', true), '') = 'on' AND NEW.code IS NOT NULL THEN
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
        NEW.created_by := current_user;
        NEW.updated_at := now();
        NEW.updated_by := current_user;
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
        NEW.updated_by := current_user;
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION citygrid.component_after_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version <> OLD.version OR NEW.retired_at IS DISTINCT FROM OLD.retired_at THEN
        INSERT INTO citygrid.component_history (component_id, code, action, old_values)
        VALUES (OLD.id, OLD.code,
                CASE WHEN NEW.retired_at IS NOT NULL AND OLD.retired_at IS NULL THEN 'retired'
                     WHEN NEW.code IS DISTINCT FROM OLD.code THEN 'recoded' ELSE 'updated' END,
                to_jsonb(OLD) - 'geom' || jsonb_build_object('wkt', ST_AsText(OLD.geom)));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION citygrid.component_before_delete() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF COALESCE(current_setting('citygrid.internal', true), '') = 'on' THEN
        RETURN OLD;
    END IF;
    IF OLD.retired_at IS NOT NULL THEN
        RAISE EXCEPTION 'component % is retired; history cannot be deleted', OLD.code USING ERRCODE = 'check_violation';
    END IF;
    PERFORM set_config('citygrid.internal', 'on', true);
    UPDATE citygrid.component SET retired_at = now(), retired_by = current_user, version = version + 1,
                                  change_date = current_date, updated_at = now(), updated_by = current_user
     WHERE id = OLD.id;
    PERFORM set_config('citygrid.internal', 'off', true);
    RETURN NULL;  -- retired, not deleted: the code is never reused
END $$;

CREATE TRIGGER component_10_before_write BEFORE INSERT OR UPDATE ON citygrid.component
    FOR EACH ROW EXECUTE FUNCTION citygrid.component_before_write();
CREATE TRIGGER component_10_before_delete BEFORE DELETE ON citygrid.component
    FOR EACH ROW EXECUTE FUNCTION citygrid.component_before_delete();
CREATE TRIGGER component_20_history AFTER UPDATE ON citygrid.component
    FOR EACH ROW EXECUTE FUNCTION citygrid.component_after_update();

-- Major classes, for the cascading major → minor pickers of the editing forms.
CREATE VIEW citygrid.component_major AS
    SELECT DISTINCT profile, major_code, major_name FROM citygrid.component_class WHERE active;

-- Census progress: per active grid, components by class and the surveyed flag.
CREATE VIEW citygrid.grid_census_progress AS
    SELECT g.id, g.code AS grid_code, g.geom,
           COALESCE(c.total, 0) AS components,
           COALESCE(c.by_class, '{}'::jsonb) AS by_class,
           COALESCE(s.surveyed, false) AS surveyed, s.surveyed_at, s.surveyed_by
      FROM citygrid.grid g
      LEFT JOIN (SELECT grid_code, sum(n)::integer AS total, jsonb_object_agg(class_code, n) AS by_class
                   FROM (SELECT grid_code, class_code, count(*) AS n FROM citygrid.component
                          WHERE retired_at IS NULL GROUP BY 1, 2) k GROUP BY grid_code) c ON c.grid_code = g.code
      LEFT JOIN citygrid.grid_census s ON s.grid_code = g.code
     WHERE g.retired_at IS NULL;
COMMENT ON VIEW citygrid.grid_census_progress IS 'Census coverage per unit grid (部件普查进度)';
