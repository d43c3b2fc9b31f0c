-- 011 a faster component insert (the census bulk import inserts 100,000 rows through these):
--   * next_component_code without its EXCEPTION block (each call opened a subtransaction) and
--     with a direct look-up of the sequence; the sequence is created (component_sequence) only
--     on a class's first component. The sequences now stop at 1,000,000, one past the last
--     serial, so a class that has issued all 999,999 serials is refused with the same message
--     as before by comparing the number drawn (no subtransaction needed);
--   * component_before_write checks the administrator role only when a client sends a code
--     (legacy codes on import), not for every insert;
--   * the foreign key on the profile alone goes: the one on (profile, class) implies it.
-- Otherwise as in 005/009.

-- The sequences go one past the last serial, so that drawing it can be told apart cheaply.
CREATE OR REPLACE FUNCTION citygrid.component_sequence(p_district text, p_profile text, p_class text) RETURNS regclass
    LANGUAGE plpgsql AS $$
DECLARE
    name text := format('citygrid.component_seq_%s_%s_%s', p_district, p_profile, p_class);
    seq regclass := to_regclass(name);
BEGIN
    IF seq IS NULL THEN
        BEGIN
            EXECUTE format('CREATE SEQUENCE %s MINVALUE 1 MAXVALUE 1000000 NO CYCLE', name);
            INSERT INTO citygrid.component_serial (district_code, profile, class_code, sequence_name)
            VALUES (p_district, p_profile, p_class, name) ON CONFLICT DO NOTHING;
        EXCEPTION WHEN duplicate_table OR unique_violation THEN
            NULL;  -- another session created it at the same moment
        END;
        seq := to_regclass(name);
    END IF;
    RETURN seq;
END $$;
ALTER FUNCTION citygrid.component_sequence(text, text, text)
    SECURITY DEFINER SET search_path = citygrid, public, pg_temp;

DO $$
DECLARE
    s record;
BEGIN
    FOR s IN SELECT sequence_name FROM citygrid.component_serial LOOP
        EXECUTE format('ALTER SEQUENCE %s MAXVALUE 1000000', s.sequence_name);
    END LOOP;
END $$;

CREATE OR REPLACE FUNCTION citygrid.next_component_code(p_district text, p_profile text, p_class text) RETURNS text
    LANGUAGE plpgsql AS $$
DECLARE
    seq regclass := to_regclass(format('citygrid.component_seq_%s_%s_%s', p_district, p_profile, p_class));
    serial bigint;
BEGIN
    IF seq IS NULL THEN
        seq := citygrid.component_sequence(p_district, p_profile, p_class);
    END IF;
    serial := nextval(seq);
    IF serial > 999999 THEN
        RAISE EXCEPTION 'district % has issued all 999999 serials of class %', p_district, p_class
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN p_district || p_class || lpad(serial::text, 6, '0');
END $$;
ALTER FUNCTION citygrid.next_component_code(text, text, text)
    SECURITY DEFINER SET search_path = citygrid, public, pg_temp;

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
        IF NEW.code IS NOT NULL AND citygrid.import_codes_on() THEN  -- the role check only when asked
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

-- The profile foreign key is implied by the (profile, class_code) one (a component class
-- belongs to a profile): one referential check per inserted row less.
ALTER TABLE citygrid.component DROP CONSTRAINT component_profile_fkey;
