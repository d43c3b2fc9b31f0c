-- Create or change a staff login as an administrator (the administration dialog, citygrid:saveuser):
-- exactly the CityGrid roles p_roles (short names: admin, operator, …), the display name, the
-- department (required for the department role), and — when given — the password as a SCRAM-SHA-256
-- verifier computed by the client (store/roles.scram_verifier: the password itself never reaches
-- the server). Runs as the store owner, who needs CREATEROLE (the private cluster's owner is a
-- superuser); an administrator's own login needs no CREATEROLE, so it cannot do anything with
-- roles but this. Refused: a caller who is not an administrator; a login name that is not lower-case
-- letters, digits and _; a role that exists but is not a CityGrid staff login (a superuser, a group,
-- any role the store did not make: an administrator cannot take over the server's other roles).
-- The change of the staff row is audited (admin_audit) like every administrative change.
CREATE OR REPLACE FUNCTION citygrid.staff_save(p_login text, p_roles text[], p_name text, p_department text,
        p_verifier text DEFAULT NULL)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    r record;
    g text;
    wanted text[];
    exists_ boolean;
    known text[] := ARRAY['admin', 'gis_editor', 'surveyor', 'operator', 'shift_leader', 'dispatcher', 'department',
                          'supervisor', 'analyst', 'bigscreen', 'office', 'leader'];
BEGIN
    IF NOT citygrid.acts_as('admin') THEN
        RAISE EXCEPTION 'only an administrator may add or change store users' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_login IS NULL OR p_login !~ '^[a-z_][a-z0-9_]{0,62}$' OR p_login LIKE 'pg\_%' OR p_login LIKE 'citygrid\_%' THEN
        RAISE EXCEPTION 'login % must be lower-case letters, digits and _ (at most 63, not starting with pg_ or citygrid_)',
            quote_literal(COALESCE(p_login, '')) USING ERRCODE = 'check_violation';
    END IF;
    IF cardinality(p_roles) IS NULL OR cardinality(p_roles) = 0 OR NOT (p_roles <@ known) THEN
        RAISE EXCEPTION 'roles % are not CityGrid roles (%)', p_roles, array_to_string(known, ', ')
            USING ERRCODE = 'check_violation';
    END IF;
    IF btrim(COALESCE(p_name, '')) = '' THEN
        RAISE EXCEPTION 'give the user a display name' USING ERRCODE = 'not_null_violation';
    END IF;
    IF 'department' = ANY (p_roles) AND p_department IS NULL THEN
        RAISE EXCEPTION 'a department handler needs a department (its code)' USING ERRCODE = 'not_null_violation';
    END IF;
    IF p_verifier IS NOT NULL AND p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'the password is given as a SCRAM-SHA-256 verifier, never in clear' USING ERRCODE = 'check_violation';
    END IF;
    SELECT rolsuper, rolcanlogin INTO r FROM pg_roles WHERE rolname = p_login;
    exists_ := FOUND;
    IF exists_ AND (r.rolsuper OR NOT r.rolcanlogin OR NOT EXISTS (SELECT 1 FROM citygrid.staff s WHERE s.login = p_login)) THEN
        RAISE EXCEPTION 'role % exists and is not a CityGrid staff login; CityGrid does not manage it', p_login
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    wanted := ARRAY(SELECT 'citygrid_' || x FROM unnest(p_roles) x);
    FOREACH g IN ARRAY wanted LOOP
        IF to_regrole(g) IS NULL THEN
            RAISE EXCEPTION 'the CityGrid roles are not set up in this server (missing %); run “Set up store roles” first', g
                USING ERRCODE = 'undefined_object';
        END IF;
    END LOOP;
    IF NOT exists_ THEN
        EXECUTE format('CREATE ROLE %I LOGIN', p_login);
    END IF;
    IF p_verifier IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
    END IF;
    FOREACH g IN ARRAY ARRAY(SELECT 'citygrid_' || x FROM unnest(known) x) LOOP
        CONTINUE WHEN to_regrole(g) IS NULL;
        IF g = ANY (wanted) THEN
            EXECUTE format('GRANT %I TO %I', g, p_login);
        ELSE
            EXECUTE format('REVOKE %I FROM %I', g, p_login);
        END IF;
    END LOOP;
    INSERT INTO citygrid.staff (login, name, department_code) VALUES (p_login, btrim(p_name), p_department)
    ON CONFLICT (login) DO UPDATE SET name = EXCLUDED.name, department_code = EXCLUDED.department_code;
END $$;
