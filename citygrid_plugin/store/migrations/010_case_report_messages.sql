-- 010 clearer refusals when reporting a case: a blank description is refused in words (it was
-- only the table's CHECK constraint, "violates check constraint work_case_description_check"),
-- a missing or non-point location says so, and a position far outside the district prints as
-- a number a person can read (1e+308, not three hundred digits). case_report is otherwise as
-- in 009.

-- A coordinate for a message: one decimal for plausible coordinates, the float's short form else.
CREATE FUNCTION citygrid.coord_text(v double precision) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL THEN 'NULL' WHEN abs(v) < 1e12 THEN round(v::numeric, 1)::text ELSE v::text END $$;

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
    IF btrim(COALESCE(p_description, '')) = '' THEN
        RAISE EXCEPTION 'a case needs a description (what is wrong, where)' USING ERRCODE = 'check_violation';
    END IF;
    IF p_geom IS NULL OR ST_IsEmpty(p_geom) OR GeometryType(p_geom) <> 'POINT' THEN
        RAISE EXCEPTION 'a case is located by one point, got %', COALESCE(GeometryType(p_geom), 'nothing')
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT code INTO g FROM citygrid.grid WHERE retired_at IS NULL AND code IS NOT NULL
       AND ST_Intersects(geom, p_geom) LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'case at (%, %) lies outside every unit grid', citygrid.coord_text(ST_X(p_geom)),
            citygrid.coord_text(ST_Y(p_geom)) USING ERRCODE = 'check_violation',
            HINT = 'check the position and its CRS: cases are reported inside the unit grids';
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

-- CREATE OR REPLACE resets a function's security to invoker: it writes the cases as the owner.
ALTER FUNCTION citygrid.case_report(text, text, text, text, geometry, text, text, text, text, timestamptz)
    SECURITY DEFINER SET search_path = citygrid, public, pg_temp;
