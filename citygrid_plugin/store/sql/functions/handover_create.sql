-- The city hands a case to a district (市级转办): a row of citygrid_handover.handover, which the
-- district receives through its subscription and turns into a case with source 市级转办 (see
-- handover_receive). Checked here, before anything is written: this store is the city, the
-- district is linked, the position (in the store's CRS) lies in one of the district's active unit
-- grids as the city holds them (else the message names the district it lies in, if any), the
-- class is a class of the code tables. A reference (the 12345 work order; spaces around it do not
-- count) already handed to the same district adds nothing and returns the first hand-over's id, also
-- when two operators hand it at the same moment. Operators and shift leaders of
-- the city; who and when are the store's.
CREATE OR REPLACE FUNCTION citygrid.handover_create(p_district text, p_kind text, p_class text, p_description text,
        p_x double precision, p_y double precision, p_address text DEFAULT NULL, p_urgent boolean DEFAULT false,
        p_reference text DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    me citygrid.platform;
    pd citygrid.platform_district;
    pt geometry;
    inside text;
    found_id bigint;
    ref text;
BEGIN
    IF NOT COALESCE(citygrid.user_acts_as(citygrid.actor(), 'operator')
                    OR citygrid.user_acts_as(citygrid.actor(), 'shift_leader'), false) THEN
        RAISE EXCEPTION 'user % may not hand cases to a district (needs the role operator or shift leader at the city)',
            citygrid.actor() USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO me FROM citygrid.platform;
    IF NOT FOUND OR me.kind <> 'city' THEN
        RAISE EXCEPTION 'this store is not the city platform: only the city hands cases to districts'
            USING ERRCODE = 'check_violation', HINT = './citygrid platform init city CODE NAME on the city''s store';
    END IF;
    SELECT * INTO pd FROM citygrid.platform_district WHERE code = p_district;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'district % is not linked to the city (linked: %)', COALESCE(p_district, 'NULL'),
            COALESCE((SELECT string_agg(code || ' ' || name, ', ' ORDER BY code) FROM citygrid.platform_district), 'none')
            USING ERRCODE = 'foreign_key_violation', HINT = './citygrid platform link links a district';
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('event', 'component') THEN
        RAISE EXCEPTION 'a case is of kind event or component, got %', COALESCE(p_kind, 'nothing')
            USING ERRCODE = 'check_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM citygrid.event_class WHERE p_kind = 'event' AND code = p_class AND active
                   UNION ALL SELECT 1 FROM citygrid.component_class WHERE p_kind = 'component' AND code = p_class AND active) THEN
        RAISE EXCEPTION '% class % is not in the code tables', p_kind, COALESCE(p_class, 'NULL')
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF btrim(COALESCE(p_description, '')) = '' THEN
        RAISE EXCEPTION 'a hand-over needs a description' USING ERRCODE = 'check_violation';
    END IF;
    IF p_x IS NULL OR p_y IS NULL OR p_x <> p_x OR p_y <> p_y THEN
        RAISE EXCEPTION 'a hand-over needs a position (x, y in EPSG:%)', citygrid.store_srid()
            USING ERRCODE = 'check_violation';
    END IF;
    pt := ST_SetSRID(ST_MakePoint(p_x, p_y), citygrid.store_srid());
    IF NOT EXISTS (SELECT 1 FROM citygrid_feed.grid g WHERE g.district_code = p_district AND g.retired_at IS NULL
                      AND ST_Intersects(g.geom, pt)) THEN
        SELECT g.district_code || ' ' || COALESCE(d.name, '') INTO inside
          FROM citygrid_feed.grid g LEFT JOIN citygrid.platform_district d ON d.code = g.district_code
         WHERE g.retired_at IS NULL AND ST_Intersects(g.geom, pt) LIMIT 1;
        RAISE EXCEPTION 'hand-over at (%, %) lies outside district % (%)''s unit grids%', citygrid.coord_text(p_x),
            citygrid.coord_text(p_y), p_district, pd.name,
            CASE WHEN inside IS NOT NULL THEN '; it lies in district ' || inside ELSE '; it lies in no linked district' END
            USING ERRCODE = 'check_violation', HINT = 'check the position (EPSG:' || citygrid.store_srid()
                  || ') or hand it to the district it lies in';
    END IF;
    ref := NULLIF(btrim(p_reference), '');
    INSERT INTO citygrid_handover.handover (district_code, kind, class_code, description, address, geom, urgent, reference)
    VALUES (p_district, p_kind, p_class, p_description, NULLIF(btrim(p_address), ''), pt, COALESCE(p_urgent, false), ref)
    ON CONFLICT (district_code, reference) WHERE reference IS NOT NULL DO NOTHING
    RETURNING id INTO found_id;
    IF found_id IS NULL THEN    -- the work order was handed to this district already (also by someone at this moment)
        SELECT id INTO found_id FROM citygrid_handover.handover WHERE district_code = p_district AND reference = ref;
    END IF;
    RETURN found_id;
END $$;
