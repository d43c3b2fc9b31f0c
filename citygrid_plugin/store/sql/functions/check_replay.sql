-- May this session replay history as p_actor at p_at? Only the store owner, a time that is not
-- in the future, and a login that exists.
CREATE OR REPLACE FUNCTION citygrid.check_replay(p_actor text, p_at timestamptz) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
BEGIN
    IF NOT citygrid.is_store_owner() THEN
        RAISE EXCEPTION 'only the store owner replays history with its own times; user % acts at the server''s time',
            citygrid.actor() USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_at IS NULL OR p_at > clock_timestamp() THEN
        RAISE EXCEPTION 'a replayed action needs the time it happened, not in the future (got %)', COALESCE(p_at::text, 'nothing')
            USING ERRCODE = 'check_violation';
    END IF;
    IF p_actor IS NOT NULL AND to_regrole(quote_ident(p_actor)) IS NULL THEN
        RAISE EXCEPTION 'login % does not exist: a replayed action names the login that acted', p_actor
            USING ERRCODE = 'undefined_object';
    END IF;
END $$;
