-- Is the logged-in user a member of citygrid_<role>? (false when that role does not exist yet)
-- (pg_has_role is true for superusers; to_regrole is a cache lookup, so this costs microseconds)
CREATE OR REPLACE FUNCTION citygrid.acts_as(p_role text) RETURNS boolean
    LANGUAGE sql STABLE AS $$ SELECT citygrid.user_acts_as(session_user, p_role) $$;
