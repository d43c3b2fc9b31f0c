-- Is this transaction in internal mode (see set_internal)? The setting must hold the token this
-- transaction was given; a token of another transaction, or any other value, is not internal.
CREATE OR REPLACE FUNCTION citygrid.internal_on() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT COALESCE((SELECT m.token = current_setting('citygrid.internal', true) FROM citygrid.internal_mode m
                      WHERE m.pid = pg_backend_pid() AND m.xact = pg_current_xact_id_if_assigned()), false) $$;
