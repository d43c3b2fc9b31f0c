-- A manual's limits object {"<stage>": {"amount": n, "unit": u}, …} in the one form the store
-- compares and keeps (amounts as numbers, nothing else); NULL when empty. Stages, units and amounts
-- are checked by citygrid.manual_apply.
CREATE OR REPLACE FUNCTION citygrid.manual_norm_limits(p jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE AS $$
    SELECT NULLIF(COALESCE((SELECT jsonb_object_agg(e.key, jsonb_build_object(
                                'amount', CASE WHEN jsonb_typeof(e.value -> 'amount') = 'number'
                                               THEN e.value -> 'amount' ELSE to_jsonb(e.value ->> 'amount') END,
                                'unit', e.value ->> 'unit'))
                              FROM jsonb_each(CASE WHEN jsonb_typeof(p) = 'object' THEN p ELSE '{}' END) e), '{}'),
                  '{}') $$;
