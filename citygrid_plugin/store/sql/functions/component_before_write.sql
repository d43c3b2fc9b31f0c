-- The rules of a component for every client (migration 005): the grid (and so the district and
-- profile) from the location, the class's geometry type, its name and accuracy by default, the
-- code issued by the store (or a legacy code kept by an administrator's import), version and
-- change date. Who and when are the store's: created_* are set on insert and never change,
-- updated_* are set when something changed, retired_* only by the store (deleting retires).
-- It runs with the owner's rights (SECURITY DEFINER): it draws serials, which no client may do
-- directly, and an administrator's legacy-code import moves the sequence on.
CREATE OR REPLACE FUNCTION citygrid.component_before_write() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
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
        IF NEW.code IS NOT NULL AND citygrid.import_codes_on() THEN  -- the role check only when asked
            -- legacy codes kept on import; the sequence moves past them
            IF NEW.code !~ '^[0-9]{16,17}$' OR left(NEW.code, 6) <> NEW.district_code
               OR substr(NEW.code, 7, length(NEW.code) - 12) <> NEW.class_code THEN
                RAISE EXCEPTION 'legacy code % is not district % + class % + a 6-digit serial', NEW.code,
                    NEW.district_code, NEW.class_code USING ERRCODE = 'check_violation';
            END IF;
            PERFORM setval(citygrid.component_sequence(NEW.district_code, NEW.profile, NEW.class_code),
                           greatest(right(NEW.code, 6)::bigint,
                                    (SELECT last_value FROM pg_sequences
                                      WHERE schemaname = 'citygrid' AND sequencename = 'component_seq_' ||
                                            NEW.district_code || '_' || NEW.profile || '_' || NEW.class_code)));
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
    -- who and when are the store's: a client's values for them are ignored
    NEW.created_at := OLD.created_at;
    NEW.created_by := OLD.created_by;
    NEW.updated_at := OLD.updated_at;
    NEW.updated_by := OLD.updated_by;
    NEW.change_date := OLD.change_date;
    NEW.version := OLD.version;
    IF NOT citygrid.internal_on() THEN
        NEW.retired_by := OLD.retired_by;
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
