-- One class of a manual (as citygrid.manual_apply receives it) in the one form the store compares:
-- texts trimmed (empty: absent), limits normalised, situations by name. citygrid.manual_class_json
-- gives the same form from the store's rows, so "unchanged" is plain equality.
CREATE OR REPLACE FUNCTION citygrid.manual_norm_class(c jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_strip_nulls(jsonb_build_object(
        'points', NULLIF(btrim(c ->> 'points'), ''), 'supervisor', NULLIF(btrim(c ->> 'supervisor'), ''),
        'department', NULLIF(btrim(c ->> 'department'), ''), 'handling', NULLIF(btrim(c ->> 'handling'), ''),
        'register', NULLIF(btrim(c ->> 'register'), ''), 'close', NULLIF(btrim(c ->> 'close'), ''),
        'topology', NULLIF(btrim(c ->> 'topology'), ''),
        'limits', citygrid.manual_norm_limits(c -> 'limits'),
        'urgent', citygrid.manual_norm_limits(c -> 'urgent'),
        'variants', (SELECT jsonb_object_agg(btrim(v ->> 'name'), jsonb_build_object(
                                 'ord', o, 'note', NULLIF(btrim(v ->> 'note'), ''),
                                 'limits', COALESCE(citygrid.manual_norm_limits(v -> 'limits'), '{}')))
                       FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c -> 'variants') = 'array'
                                                      THEN c -> 'variants' ELSE '[]' END) WITH ORDINALITY AS x(v, o)))) $$;
