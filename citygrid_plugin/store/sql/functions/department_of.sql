-- The department of login p_user (citygrid.staff), or NULL.
CREATE OR REPLACE FUNCTION citygrid.department_of(p_user text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = citygrid, pg_temp AS $$
    SELECT department_code FROM citygrid.staff WHERE login = p_user $$;
