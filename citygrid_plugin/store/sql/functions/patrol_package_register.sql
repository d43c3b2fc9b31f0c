-- Record a patrol package built for supervisor p_login (citygrid:patrolpackage) and return the
-- store's id, which the package carries so that a sync against another store is refused. An
-- administrator or a shift leader builds packages for any supervisor; a supervisor for himself.
-- Building the same package again (its id) only refreshes its grids.
CREATE OR REPLACE FUNCTION citygrid.patrol_package_register(p_id uuid, p_login text, p_grids text[])
    RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    me text := citygrid.actor();
    existing citygrid.patrol_package;
BEGIN
    IF NOT (citygrid.acts_as_any(ARRAY['admin', 'shift_leader'])
            OR (me = p_login AND citygrid.acts_as('supervisor'))) THEN
        RAISE EXCEPTION 'user % may not build a patrol package for %: administrators and shift leaders build them, a supervisor for himself',
            me, p_login USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT COALESCE(citygrid.user_acts_as(p_login, 'supervisor'), false) THEN
        RAISE EXCEPTION 'user % is not a supervisor; patrol packages are for supervisors (监督员)', p_login
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT * INTO existing FROM citygrid.patrol_package WHERE id = p_id;
    IF FOUND AND existing.login <> p_login THEN
        RAISE EXCEPTION 'patrol package % belongs to %, not %', p_id, existing.login, p_login
            USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO citygrid.patrol_package (id, login, grids) VALUES (p_id, p_login, COALESCE(p_grids, '{}'))
    ON CONFLICT (id) DO UPDATE SET grids = EXCLUDED.grids;
    RETURN (SELECT value FROM citygrid.store_setting WHERE key = 'store_id');
END $$;
