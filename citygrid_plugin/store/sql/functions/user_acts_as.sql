-- Is login p_user a member of citygrid_<role>? Superusers act in every role (replays, tests);
-- without the group role (roles not set up yet) only a superuser does. NULL for an unknown login.
CREATE OR REPLACE FUNCTION citygrid.user_acts_as(p_user text, p_role text) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN to_regrole(quote_ident(p_user)) IS NULL THEN NULL
                WHEN to_regrole('citygrid_' || p_role) IS NULL THEN citygrid.user_is_superuser(p_user)
                ELSE pg_has_role(to_regrole(quote_ident(p_user)), to_regrole('citygrid_' || p_role), 'MEMBER') END $$;
