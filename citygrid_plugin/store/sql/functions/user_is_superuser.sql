-- Is login p_user a superuser? (false for an unknown login)
CREATE OR REPLACE FUNCTION citygrid.user_is_superuser(p_user text) RETURNS boolean LANGUAGE sql STABLE AS
    $$ SELECT COALESCE((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = p_user), false) $$;
