-- The logged-in user (session_user): every "who" column (created_by, updated_by, retired_by,
-- by_user, actor) records it, also when the write happens inside a SECURITY DEFINER function
-- (where current_user is the store owner).
CREATE OR REPLACE FUNCTION citygrid.actor() RETURNS text LANGUAGE sql STABLE AS $$ SELECT session_user::text $$;
