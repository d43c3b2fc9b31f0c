-- Make this store a district platform or the city platform (`./citygrid platform init`): the
-- owner only, once (a platform's kind and code never change: the city keys every row by it).
-- A district must hold that one district and no other; its feed is filled from its tables now
-- (and kept by the feed triggers from then on). Setting the same kind and code again renames and
-- refills, nothing else. Returns the store's platform row.
CREATE OR REPLACE FUNCTION citygrid.platform_set(p_kind text, p_code text, p_name text)
    RETURNS citygrid.platform
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    p citygrid.platform;
    others text;
BEGIN
    IF NOT citygrid.is_store_owner() THEN
        RAISE EXCEPTION 'only the store''s owner makes it a district or city platform' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('district', 'city') THEN
        RAISE EXCEPTION 'a platform is a district or the city, got %', COALESCE(p_kind, 'nothing')
            USING ERRCODE = 'check_violation';
    END IF;
    IF p_code IS NULL OR p_code !~ '^[0-9]{6}$' THEN
        RAISE EXCEPTION 'division code % is not a 6-digit code (GB/T 2260)', COALESCE(quote_literal(p_code), 'NULL')
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT * INTO p FROM citygrid.platform;
    IF FOUND AND (p.kind <> p_kind OR p.code <> p_code) THEN
        RAISE EXCEPTION 'this store is already the % platform % (%); a platform''s kind and code do not change',
            CASE p.kind WHEN 'city' THEN 'city' ELSE 'district' END, p.code, p.name USING ERRCODE = 'check_violation',
            HINT = 'make a new store for another platform';
    END IF;
    IF p_kind = 'district' THEN
        SELECT string_agg(code, ', ' ORDER BY code) INTO others FROM citygrid.district WHERE code <> p_code;
        IF others IS NOT NULL THEN
            RAISE EXCEPTION 'this store holds districts % besides %: a district platform is one district', others, p_code
                USING ERRCODE = 'check_violation', HINT = 'one store per district, or make this store the city';
        END IF;
    END IF;
    INSERT INTO citygrid.platform (kind, code, name) VALUES (p_kind, p_code, btrim(p_name))
    ON CONFLICT (singleton) DO UPDATE SET name = EXCLUDED.name
    RETURNING * INTO p;
    IF p_kind = 'district' THEN
        -- refill the feed from the tables (no TRUNCATE: it is not published, and the rows go by code)
        DELETE FROM citygrid_feed.case_action WHERE district_code = p_code;
        DELETE FROM citygrid_feed.work_case WHERE district_code = p_code;
        DELETE FROM citygrid_feed.grid WHERE district_code = p_code;
        DELETE FROM citygrid_feed.department WHERE district_code = p_code;
        DELETE FROM citygrid_feed.division WHERE district_code = p_code;
        INSERT INTO citygrid_feed.division (district_code, level, code, name, boundary)
            SELECT p_code, 'district', code, name, boundary FROM citygrid.district
            UNION ALL SELECT p_code, 'street', full_code, name, boundary FROM citygrid.street
            UNION ALL SELECT p_code, 'community', full_code, name, boundary FROM citygrid.community;
        INSERT INTO citygrid_feed.department (district_code, code, name, kind, active)
            SELECT p_code, code, name, kind, active FROM citygrid.department;
        INSERT INTO citygrid_feed.grid (district_code, id, code, geom, retired_at)
            SELECT p_code, id, code, geom, retired_at FROM citygrid.grid;
        INSERT INTO citygrid_feed.work_case (district_code, id, case_no, source, kind, profile, class_code,
                component_code, description, address, geom, grid_code, street_code, community_code, department_code,
                state, stage, stage_deadline, handle_deadline, close_category, urgent, external_id, rework_count,
                urge_count, revisit_pending, reported_at, updated_at, version)
            SELECT p_code, id, case_no, source, kind, profile, class_code, component_code, description, address, geom,
                   grid_code, street_code, community_code, department_code, state, stage, stage_deadline,
                   handle_deadline, close_category, urgent, external_id, rework_count, urge_count, revisit_pending,
                   reported_at, updated_at, version
              FROM citygrid.work_case;
        INSERT INTO citygrid_feed.case_action (district_code, id, case_id, action, from_state, to_state, actor, role,
                                               at, data)
            SELECT p_code, id, case_id, action, from_state, to_state, actor, role, at,
                   data - 'note' - 'reporter' - 'phone'
              FROM citygrid.case_action;
    END IF;
    RETURN p;
END $$;
