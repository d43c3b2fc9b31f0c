-- The department of the logged-in user (department handlers; citygrid.staff), for row-level security.
CREATE OR REPLACE FUNCTION citygrid.my_department() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = citygrid, pg_temp AS $$
    SELECT department_code FROM citygrid.staff WHERE login = session_user $$;
