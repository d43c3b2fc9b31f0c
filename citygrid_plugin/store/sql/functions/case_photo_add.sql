-- Add a photo to case p_case for stage p_stage, as the logged-in user at the server's clock; returns
-- its id. Who may add a photo of which stage, and when:
--   report  the supervision centre (operator, shift leader, supervisor) while the case is open, or
--           the login that reported it (or attached a report to it) on the day it did so
--   verify  a supervisor while the case waits for verification (待核实)
--   handle  the case's department (or an assisting one) while it is dispatched (处置中)
--   check   a supervisor while the case waits for checking (待核查)
-- The content must be a JPEG or PNG (by its first bytes, whatever the name says), at most 10 MB
-- (store setting photo_max_bytes), at most 9 per case and stage (photo_max_count). taken_at,
-- p_lon/p_lat: the photo's EXIF time and GPS position (WGS84) when it has them: informational.
CREATE OR REPLACE FUNCTION citygrid.case_photo_add(p_case bigint, p_stage text, p_content bytea,
        p_name text DEFAULT NULL, p_taken_at timestamptz DEFAULT NULL, p_lon double precision DEFAULT NULL,
        p_lat double precision DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    me text := citygrid.actor();
    c citygrid.work_case;
    mine text;
    allowed boolean := false;
    mime text;
    n integer;
    max_bytes double precision := citygrid.setting_float('photo_max_bytes', 10485760);
    max_count double precision := citygrid.setting_float('photo_max_count', 9);
    new_id bigint;
BEGIN
    IF p_stage IS NULL OR p_stage NOT IN ('report', 'verify', 'handle', 'check') THEN
        RAISE EXCEPTION 'a photo belongs to stage report, verify, handle or check; got %', COALESCE(p_stage, 'nothing')
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT * INTO c FROM citygrid.work_case WHERE id = p_case;
    IF FOUND THEN
        mine := citygrid.department_of(me);
        allowed := citygrid.user_is_superuser(me) OR CASE p_stage
            WHEN 'report' THEN
                (c.state NOT IN ('closed', 'cancelled')
                 AND COALESCE(citygrid.user_acts_as(me, 'operator') OR citygrid.user_acts_as(me, 'shift_leader')
                              OR citygrid.user_acts_as(me, 'supervisor'), false))
                OR EXISTS (SELECT 1 FROM citygrid.case_action a WHERE a.case_id = c.id AND a.actor = me
                              AND a.action IN ('report', 'report_again') AND a.at > clock_timestamp() - interval '1 day')
            WHEN 'verify' THEN c.state = 'to_verify' AND COALESCE(citygrid.user_acts_as(me, 'supervisor'), false)
            WHEN 'check' THEN c.state = 'handled' AND COALESCE(citygrid.user_acts_as(me, 'supervisor'), false)
            WHEN 'handle' THEN c.state = 'dispatched' AND COALESCE(citygrid.user_acts_as(me, 'department'), false)
                AND (c.department_code = mine OR EXISTS (
                        SELECT 1 FROM citygrid.case_assist a WHERE a.case_id = c.id AND a.department_code = mine
                           AND a.done_at IS NULL))
            END;
    END IF;
    IF NOT COALESCE(allowed, false) THEN
        RAISE EXCEPTION 'user % may not add a % photo to case % now (it does not exist, is not yours, or is not at that stage)',
            me, p_stage, p_case USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_content IS NULL OR octet_length(p_content) = 0 THEN
        RAISE EXCEPTION 'the photo % is empty', COALESCE(p_name, '') USING ERRCODE = 'check_violation';
    END IF;
    IF octet_length(p_content) > max_bytes THEN
        RAISE EXCEPTION 'the photo % has % MB; at most % MB: send a smaller photo (the handheld''s medium size)',
            COALESCE(p_name, ''), round(octet_length(p_content) / 1048576.0, 1), round((max_bytes / 1048576.0)::numeric, 1)
            USING ERRCODE = 'check_violation';
    END IF;
    mime := CASE WHEN substr(p_content, 1, 3) = '\xffd8ff'::bytea THEN 'image/jpeg'
                 WHEN substr(p_content, 1, 8) = '\x89504e470d0a1a0a'::bytea THEN 'image/png' END;
    IF mime IS NULL THEN
        RAISE EXCEPTION 'the file % is not a JPEG or PNG photo', COALESCE(p_name, '') USING ERRCODE = 'check_violation';
    END IF;
    IF length(p_name) > 200 THEN
        p_name := left(p_name, 200);
    END IF;
    PERFORM 1 FROM citygrid.work_case WHERE id = p_case FOR UPDATE;   -- one count at a time per case
    SELECT count(*) INTO n FROM citygrid.case_photo WHERE case_id = p_case AND stage = p_stage;
    IF n >= max_count THEN
        RAISE EXCEPTION 'case % has % photos of stage % already; at most %', c.case_no, n, p_stage, max_count
            USING ERRCODE = 'check_violation';
    END IF;
    IF p_lon IS NOT NULL AND (p_lon NOT BETWEEN -180 AND 180 OR p_lat NOT BETWEEN -90 AND 90 OR p_lat IS NULL) THEN
        p_lon := NULL;   -- a broken EXIF position is dropped, not refused: the photo is the evidence
        p_lat := NULL;
    END IF;
    INSERT INTO citygrid.case_photo (case_id, stage, mime, size, name, content, taken_at, lon, lat, uploaded_by)
    VALUES (p_case, p_stage, mime, octet_length(p_content), p_name, p_content, p_taken_at, p_lon, p_lat, me)
    RETURNING id INTO new_id;
    PERFORM pg_notify('qgis', 'case:' || p_case);
    RETURN new_id;
END $$;
