-- Does the logged-in user act in any of the roles p_roles (see acts_as)?
CREATE OR REPLACE FUNCTION citygrid.acts_as_any(p_roles text[]) RETURNS boolean
    LANGUAGE sql STABLE AS $$ SELECT COALESCE(bool_or(citygrid.acts_as(r)), false) FROM unnest(p_roles) r $$;
