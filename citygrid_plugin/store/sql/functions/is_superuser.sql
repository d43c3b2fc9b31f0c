-- Is the logged-in user a superuser?
CREATE OR REPLACE FUNCTION citygrid.is_superuser() RETURNS boolean LANGUAGE sql STABLE AS
    $$ SELECT citygrid.user_is_superuser(session_user) $$;
