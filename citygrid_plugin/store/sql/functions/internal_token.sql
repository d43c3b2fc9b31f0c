-- The token of internal mode for the current transaction: random (gen_random_uuid), made when the
-- transaction first enters internal mode and kept in citygrid.internal_mode (one row per backend,
-- so concurrent sessions never touch the same row and a long transaction writes it once). Owner's
-- rights; granted to nobody: the store's SECURITY DEFINER functions call it through set_internal.
CREATE OR REPLACE FUNCTION citygrid.internal_token() RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t text;
BEGIN
    SELECT token INTO t FROM citygrid.internal_mode WHERE pid = pg_backend_pid() AND xact = pg_current_xact_id();
    IF t IS NULL THEN
        t := gen_random_uuid()::text;
        INSERT INTO citygrid.internal_mode (pid, xact, token) VALUES (pg_backend_pid(), pg_current_xact_id(), t)
            ON CONFLICT (pid) DO UPDATE SET xact = EXCLUDED.xact, token = EXCLUDED.token;
    END IF;
    RETURN t;
END $$;
