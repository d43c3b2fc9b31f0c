-- The store's page of one class in manual version p_version, in citygrid.manual_norm_class's form
-- (NULL: the class has no page in that version).
CREATE OR REPLACE FUNCTION citygrid.manual_class_json(p_kind text, p_profile text, p_class text, p_version integer)
    RETURNS jsonb
    LANGUAGE sql STABLE AS $$
    SELECT jsonb_strip_nulls(jsonb_build_object(
        'points', mc.points, 'supervisor', mc.supervisor, 'department', mc.department, 'handling', mc.handling,
        'register', mc.register, 'close', mc.close, 'topology', mc.topology,
        'limits', (SELECT jsonb_object_agg(l.stage, jsonb_build_object('amount', l.amount, 'unit', l.unit))
                     FROM citygrid.manual_limit l
                    WHERE l.kind = p_kind AND l.profile = p_profile AND l.class_code = p_class AND l.variant = ''
                      AND NOT l.urgent AND l.from_version <= p_version
                      AND (l.to_version IS NULL OR l.to_version > p_version)),
        'urgent', (SELECT jsonb_object_agg(l.stage, jsonb_build_object('amount', l.amount, 'unit', l.unit))
                     FROM citygrid.manual_limit l
                    WHERE l.kind = p_kind AND l.profile = p_profile AND l.class_code = p_class AND l.urgent
                      AND l.from_version <= p_version AND (l.to_version IS NULL OR l.to_version > p_version)),
        'variants', (SELECT jsonb_object_agg(v.name, jsonb_build_object(
                              'ord', v.ord, 'note', v.note,
                              'limits', COALESCE((SELECT jsonb_object_agg(l.stage, jsonb_build_object('amount', l.amount,
                                                                                                       'unit', l.unit))
                                           FROM citygrid.manual_limit l
                                          WHERE l.kind = p_kind AND l.profile = p_profile AND l.class_code = p_class
                                            AND l.variant = v.name AND l.from_version <= p_version
                                            AND (l.to_version IS NULL OR l.to_version > p_version)), '{}')))
                       FROM citygrid.manual_variant v
                      WHERE v.kind = p_kind AND v.profile = p_profile AND v.class_code = p_class
                        AND v.from_version <= p_version AND (v.to_version IS NULL OR v.to_version > p_version))))
      FROM citygrid.manual_class mc
     WHERE mc.kind = p_kind AND mc.profile = p_profile AND mc.class_code = p_class
       AND mc.from_version <= p_version AND (mc.to_version IS NULL OR mc.to_version > p_version) $$;
