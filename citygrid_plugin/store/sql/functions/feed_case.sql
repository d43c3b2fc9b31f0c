-- A district's case into its feed (citygrid_feed.work_case, published to the city): the public
-- part only (no reporter, phone, photo; the description and address as the district keeps them).
CREATE OR REPLACE FUNCTION citygrid.feed_case() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    d text := citygrid.platform_feed_code();
BEGIN
    IF d IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO citygrid_feed.work_case AS f (district_code, id, case_no, source, kind, profile, class_code,
            component_code, description, address, geom, grid_code, street_code, community_code, department_code,
            state, stage, stage_deadline, handle_deadline, close_category, urgent, external_id, rework_count,
            urge_count, revisit_pending, reported_at, updated_at, version)
    VALUES (d, NEW.id, NEW.case_no, NEW.source, NEW.kind, NEW.profile, NEW.class_code, NEW.component_code,
            NEW.description, NEW.address, NEW.geom, NEW.grid_code, NEW.street_code, NEW.community_code,
            NEW.department_code, NEW.state, NEW.stage, NEW.stage_deadline, NEW.handle_deadline, NEW.close_category,
            NEW.urgent, NEW.external_id, NEW.rework_count, NEW.urge_count, NEW.revisit_pending, NEW.reported_at,
            NEW.updated_at, NEW.version)
    ON CONFLICT (district_code, id) DO UPDATE SET
            case_no = EXCLUDED.case_no, source = EXCLUDED.source, kind = EXCLUDED.kind, profile = EXCLUDED.profile,
            class_code = EXCLUDED.class_code, component_code = EXCLUDED.component_code,
            description = EXCLUDED.description, address = EXCLUDED.address, geom = EXCLUDED.geom,
            grid_code = EXCLUDED.grid_code, street_code = EXCLUDED.street_code,
            community_code = EXCLUDED.community_code, department_code = EXCLUDED.department_code,
            state = EXCLUDED.state, stage = EXCLUDED.stage, stage_deadline = EXCLUDED.stage_deadline,
            handle_deadline = EXCLUDED.handle_deadline, close_category = EXCLUDED.close_category,
            urgent = EXCLUDED.urgent, external_id = EXCLUDED.external_id, rework_count = EXCLUDED.rework_count,
            urge_count = EXCLUDED.urge_count, revisit_pending = EXCLUDED.revisit_pending,
            reported_at = EXCLUDED.reported_at, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version;
    RETURN NULL;
END $$;
