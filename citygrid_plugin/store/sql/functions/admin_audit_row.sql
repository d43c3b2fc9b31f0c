-- The administrators' audit: every insert, change and deletion of a table holding the city's rules
-- (departments, territories, staff, routing, calendar, settings, sources, classes, authorisations,
-- weights, manual versions) is recorded with the logged-in user, the server's clock, the row's key
-- (the columns named in the trigger's arguments) and the old and new row. An update that changes
-- nothing but the store's own who/when columns is not recorded. Runs as the store owner: nobody
-- else may write the audit, and nobody may change it (append-only).
CREATE OR REPLACE FUNCTION citygrid.admin_audit_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    o jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    n jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    r jsonb := COALESCE(n, o);
    k text;
    stamp text[] := ARRAY['created_at', 'created_by', 'updated_at', 'updated_by', 'imported_at'];
BEGIN
    IF TG_OP = 'UPDATE' AND (o - stamp) = (n - stamp) THEN
        RETURN NULL;
    END IF;
    SELECT string_agg(COALESCE(r ->> a, ''), ' / ' ORDER BY i) INTO k
      FROM unnest(TG_ARGV) WITH ORDINALITY AS x(a, i);
    -- geometries and large texts are not repeated in the audit
    INSERT INTO citygrid.admin_audit (table_name, op, row_key, old_row, new_row)
    VALUES (TG_TABLE_NAME, TG_OP, k, o - ARRAY['boundary', 'geom'], n - ARRAY['boundary', 'geom']);
    RETURN NULL;
END $$;
