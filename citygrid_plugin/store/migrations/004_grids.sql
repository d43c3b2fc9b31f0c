-- 004 unit grids (万米单元网格): one table holding active and retired grids, with the coding
-- rules enforced here so that every client (the plugin's tools, QGIS's own split/merge/delete,
-- psql, qgis_process) obeys them:
--   * codes are issued by the store: 15 digits = community (12) + serial (3); a client cannot
--     set or change a code (import of legacy codes: SET citygrid.import_codes = 'on');
--   * serials run west→east, north→south in each community: bands of grid_band_m metres
--     (store setting, default 100 m) counted from the community's northern edge; a grid's band
--     is floor((community ymax - centroid y) / band); within a band by centroid x, west first;
--     new grids get the next serial after the highest ever issued in the community;
--   * a code is never reused: retired grids stay in the table with their code (UNIQUE);
--     deleting a coded grid retires it; changing a grid's shape beyond grid_keep_iou (store
--     setting, default 0.9: intersection over union of old and new shape) retires it and makes
--     the new shape a new grid with a new code; smaller reshapes keep the code;
--   * successors/predecessors link retired and new grids that overlap (>= 1 m²), until the
--     successors cover the retired grid;
--   * a grid lies inside its community (tolerance 5 cm) and is a single valid polygon;
--   * every change is recorded in grid_history (who, when, old and new values).

INSERT INTO citygrid.store_setting (key, value) VALUES
    ('grid_band_m', '100'),
    ('grid_keep_iou', '0.9'),
    ('grid_target_area', '10000');

CREATE FUNCTION citygrid.setting_float(k text, fallback double precision) RETURNS double precision
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE((SELECT value::double precision FROM citygrid.store_setting WHERE key = k), fallback) $$;

CREATE TABLE citygrid.grid (
    id              bigserial PRIMARY KEY,
    code            text UNIQUE
                    CONSTRAINT grid_code_format CHECK (code IS NULL OR code ~ '^[0-9]{15}$'),
    district_code   text NOT NULL,
    street_code     text NOT NULL,
    community_code  text NOT NULL,
    serial          integer CONSTRAINT grid_serial_range CHECK (serial BETWEEN 1 AND 999),
    name            text,
    land_use        text,
    note            text,
    geom            geometry(Polygon, {{srid}}) NOT NULL
                    CONSTRAINT grid_geom_valid CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
    area_m2         double precision GENERATED ALWAYS AS (ST_Area(geom)) STORED,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text NOT NULL DEFAULT current_user,
    retired_at      timestamptz,
    retired_by      text,
    retire_reason   text CONSTRAINT grid_retire_reason CHECK (retire_reason IN ('reshaped', 'deleted', 'replaced')),
    predecessors    text[] NOT NULL DEFAULT '{}',
    successors      text[] NOT NULL DEFAULT '{}',
    successor_cover double precision NOT NULL DEFAULT 0,
    FOREIGN KEY (district_code, street_code, community_code) REFERENCES citygrid.community ON UPDATE CASCADE,
    CONSTRAINT grid_code_is_community_and_serial CHECK (
        code IS NULL OR code = district_code || street_code || community_code || lpad(serial::text, 3, '0')),
    CONSTRAINT grid_retired_is_coded CHECK (retired_at IS NULL OR code IS NOT NULL)
);
CREATE INDEX grid_geom_gist ON citygrid.grid USING gist (geom);
CREATE INDEX grid_community_active ON citygrid.grid (district_code, street_code, community_code)
    WHERE retired_at IS NULL;
CREATE INDEX grid_uncoded ON citygrid.grid (district_code, street_code, community_code) WHERE code IS NULL;
COMMENT ON TABLE citygrid.grid IS 'Unit grids (万米单元网格): active (retired_at IS NULL) and retired, codes never reused';

CREATE TABLE citygrid.grid_history (
    id          bigserial PRIMARY KEY,
    grid_id     bigint NOT NULL,
    code        text,
    action      text NOT NULL CHECK (action IN ('created', 'coded', 'reshaped', 'retired', 'attributes', 'linked')),
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    by_user     text NOT NULL DEFAULT current_user,
    old_values  jsonb,
    new_values  jsonb
);
CREATE INDEX grid_history_grid ON citygrid.grid_history (grid_id);
COMMENT ON TABLE citygrid.grid_history IS 'Every change to a unit grid: who, when, old and new values';

CREATE FUNCTION citygrid.internal_on() RETURNS boolean LANGUAGE sql STABLE AS
    $$ SELECT COALESCE(current_setting('citygrid.internal', true), '') = 'on' $$;

-- The community a grid lies in, checked against the community boundary (5 cm tolerance).
CREATE FUNCTION citygrid.grid_check_community(g citygrid.grid) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    boundary geometry;
    outside double precision;
BEGIN
    SELECT c.boundary INTO boundary FROM citygrid.community c
     WHERE c.district_code = g.district_code AND c.street_code = g.street_code AND c.code = g.community_code;
    IF boundary IS NULL THEN
        RAISE EXCEPTION 'community % has no boundary; import it before its grids',
            g.district_code || g.street_code || g.community_code USING ERRCODE = 'check_violation';
    END IF;
    IF NOT ST_CoveredBy(g.geom, ST_Buffer(boundary, 0.05)) THEN
        outside := ST_Area(ST_Difference(g.geom, boundary));
        IF outside > 0.5 THEN
            RAISE EXCEPTION 'grid % crosses the boundary of community %: % m² lie outside it',
                COALESCE(g.code, 'id ' || g.id), g.district_code || g.street_code || g.community_code,
                round(outside::numeric, 1)
                USING ERRCODE = 'check_violation',
                      HINT = 'a grid must lie inside one community; split it along the community boundary';
        END IF;
    END IF;
END $$;

CREATE FUNCTION citygrid.grid_before_insert() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    IF NOT citygrid.internal_on() AND COALESCE(current_setting('citygrid.import_codes', true), '') <> 'on' THEN
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
    NEW.created_by := current_user;
    RETURN NEW;
END $$;

CREATE FUNCTION citygrid.grid_before_update() RETURNS trigger
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
    PERFORM set_config('citygrid.internal', 'on', true);
    UPDATE citygrid.grid SET retired_at = now(), retired_by = current_user, retire_reason = 'reshaped'
     WHERE id = OLD.id;
    PERFORM set_config('citygrid.internal', 'off', true);
    RETURN NULL;  -- the row itself was retired above; skip the client's update
END $$;

-- Link a retired grid to the coded active grids overlapping it (>= 1 m²). Caller sets internal.
CREATE FUNCTION citygrid.link_to_active(retired_id bigint) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    r citygrid.grid;
    a record;
BEGIN
    SELECT * INTO r FROM citygrid.grid WHERE id = retired_id;
    FOR a IN
        SELECT g.id, g.code, ST_Area(ST_Intersection(g.geom, r.geom)) AS shared
          FROM citygrid.grid g
         WHERE g.retired_at IS NULL AND g.code IS NOT NULL AND g.id <> r.id
           AND g.geom && r.geom AND ST_Intersects(g.geom, r.geom)
    LOOP
        IF a.shared >= 1.0 AND NOT (a.code = ANY (r.successors)) THEN
            UPDATE citygrid.grid SET successors = array_append(successors, a.code),
                                     successor_cover = successor_cover + a.shared WHERE id = r.id;
            UPDATE citygrid.grid SET predecessors = array_append(predecessors, r.code) WHERE id = a.id;
            r.successors := array_append(r.successors, a.code);
        END IF;
    END LOOP;
END $$;

CREATE FUNCTION citygrid.grid_before_delete() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF citygrid.internal_on() OR OLD.code IS NULL THEN
        RETURN OLD;  -- uncoded grids were never published: really delete
    END IF;
    IF OLD.retired_at IS NOT NULL THEN
        RAISE EXCEPTION 'grid % is retired; history cannot be deleted', OLD.code USING ERRCODE = 'check_violation';
    END IF;
    PERFORM set_config('citygrid.internal', 'on', true);
    UPDATE citygrid.grid SET retired_at = now(), retired_by = current_user, retire_reason = 'deleted'
     WHERE id = OLD.id;
    -- merged away: the active grids now covering it are its successors (QGIS commits the merged
    -- shape before the deletes, so the survivor already exists)
    PERFORM citygrid.link_to_active(OLD.id);
    PERFORM set_config('citygrid.internal', 'off', true);
    RETURN NULL;  -- retired instead of deleted: a code is never reused
END $$;

CREATE FUNCTION citygrid.grid_after_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO citygrid.grid_history (grid_id, code, action, new_values)
        VALUES (NEW.id, NEW.code, 'created', jsonb_build_object('community', NEW.district_code || NEW.street_code || NEW.community_code,
                'area_m2', round(NEW.area_m2::numeric, 2)));
    ELSIF TG_OP = 'DELETE' THEN
        RETURN OLD;
    ELSIF OLD.retired_at IS NULL AND NEW.retired_at IS NOT NULL THEN
        INSERT INTO citygrid.grid_history (grid_id, code, action, new_values)
        VALUES (NEW.id, NEW.code, 'retired', jsonb_build_object('reason', NEW.retire_reason));
    ELSIF OLD.code IS NULL AND NEW.code IS NOT NULL THEN
        INSERT INTO citygrid.grid_history (grid_id, code, action, new_values)
        VALUES (NEW.id, NEW.code, 'coded', jsonb_build_object('serial', NEW.serial));
    ELSIF (OLD.name, OLD.land_use, OLD.note) IS DISTINCT FROM (NEW.name, NEW.land_use, NEW.note) THEN
        INSERT INTO citygrid.grid_history (grid_id, code, action, old_values, new_values)
        VALUES (NEW.id, NEW.code, 'attributes',
                jsonb_build_object('name', OLD.name, 'land_use', OLD.land_use, 'note', OLD.note),
                jsonb_build_object('name', NEW.name, 'land_use', NEW.land_use, 'note', NEW.note));
    END IF;
    RETURN NEW;
END $$;

-- Codes for every uncoded active grid of one community, in band order; links new grids to the
-- retired grids they replace. Serialised per community by an advisory lock.
CREATE FUNCTION citygrid.assign_grid_codes(p_district text, p_street text, p_community text) RETURNS integer
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
    PERFORM set_config('citygrid.internal', 'on', true);
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
    PERFORM set_config('citygrid.internal', 'off', true);
    RETURN n;
END $$;

CREATE FUNCTION citygrid.grid_assign_at_commit() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM citygrid.grid WHERE id = NEW.id AND code IS NULL) THEN
        PERFORM citygrid.assign_grid_codes(NEW.district_code, NEW.street_code, NEW.community_code);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER grid_10_before_insert BEFORE INSERT ON citygrid.grid
    FOR EACH ROW EXECUTE FUNCTION citygrid.grid_before_insert();
CREATE TRIGGER grid_10_before_update BEFORE UPDATE ON citygrid.grid
    FOR EACH ROW EXECUTE FUNCTION citygrid.grid_before_update();
CREATE TRIGGER grid_10_before_delete BEFORE DELETE ON citygrid.grid
    FOR EACH ROW EXECUTE FUNCTION citygrid.grid_before_delete();
CREATE TRIGGER grid_20_history AFTER INSERT OR UPDATE ON citygrid.grid
    FOR EACH ROW EXECUTE FUNCTION citygrid.grid_after_change();
CREATE CONSTRAINT TRIGGER grid_30_assign_codes AFTER INSERT ON citygrid.grid
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION citygrid.grid_assign_at_commit();

-- Replace the grids of one community by a new set of shapes (batch coding after partitioning):
-- shapes matching an active grid (IoU >= grid_keep_iou) keep its code (reshaped if needed),
-- active grids matched by nothing are retired, the rest are inserted and coded. Returns one row
-- per input shape: its index (1-based), code and status ('kept', 'reshaped', 'new').
CREATE FUNCTION citygrid.replace_community_grids(p_district text, p_street text, p_community text, shapes geometry[])
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
    PERFORM set_config('citygrid.internal', 'on', true);
    UPDATE citygrid.grid SET retired_at = now(), retired_by = current_user, retire_reason = 'replaced'
     WHERE retired_at IS NULL AND code IS NOT NULL AND district_code = p_district AND street_code = p_street
       AND community_code = p_community AND NOT (id = ANY (matched));
    DELETE FROM citygrid.grid WHERE code IS NULL AND district_code = p_district AND street_code = p_street
       AND community_code = p_community;
    PERFORM set_config('citygrid.internal', 'off', true);
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

CREATE VIEW citygrid.grid_active AS
    SELECT id, code, district_code, street_code, community_code, serial, name, land_use, note, geom, area_m2,
           created_at, predecessors
      FROM citygrid.grid WHERE retired_at IS NULL;
COMMENT ON VIEW citygrid.grid_active IS 'Active unit grids (read-only view; edit citygrid.grid)';
