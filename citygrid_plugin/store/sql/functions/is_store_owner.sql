-- Is the logged-in user the store's owner (the owner of schema citygrid, or a superuser)? Only
-- the owner may replay history with its own times (case_replay_report, case_replay_act).
CREATE OR REPLACE FUNCTION citygrid.is_store_owner() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT COALESCE((SELECT r.rolsuper OR r.oid = n.nspowner
                       FROM pg_roles r, pg_namespace n
                      WHERE r.rolname = session_user AND n.nspname = 'citygrid'), false) $$;
