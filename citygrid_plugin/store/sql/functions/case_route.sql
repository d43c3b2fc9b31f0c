-- Where a case of this class at this place goes (the dispatcher's suggestion, and the routing
-- preview of the administration dialog): one row (department_code, reason, detail), or no row.
-- In this order:
--   owner      a component case with its component: the component's owner (权属单位), else its
--              managing department (主管部门) — 先属主 for components;
--   rule       the routing rule of the kind and class for the case's community, else its street,
--              else the district-wide rule (detail: the rule's id and area);
--   manual     the command manual's 专业部门 of the class (the case's manual version);
--   territory  the manual says 属地, or (events: 先属地) it names nobody: the department whose
--              territory holds the case's community, else its street.
-- Inactive departments are skipped.
CREATE OR REPLACE FUNCTION citygrid.case_route(p_kind text, p_profile text, p_class text, p_district text,
        p_street text, p_community text, p_component text, p_version integer)
    RETURNS TABLE (department_code text, reason text, detail text)
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    d text;
    r record;
    m text;
BEGIN
    IF p_component IS NOT NULL THEN
        SELECT COALESCE(co.dept2_code, co.dept1_code) INTO d FROM citygrid.component co
         WHERE co.code = p_component
           AND EXISTS (SELECT 1 FROM citygrid.department x WHERE x.code = COALESCE(co.dept2_code, co.dept1_code) AND x.active);
        IF d IS NOT NULL THEN
            RETURN QUERY SELECT d, 'owner'::text, p_component;
            RETURN;
        END IF;
    END IF;
    SELECT rr.id, rr.department_code, rr.street_code, rr.community_code INTO r
      FROM citygrid.routing_rule rr JOIN citygrid.department x ON x.code = rr.department_code AND x.active
     WHERE rr.kind = p_kind AND rr.class_code = p_class
       AND (rr.street_code IS NULL OR rr.street_code = p_street)
       AND (rr.community_code IS NULL OR rr.community_code = p_community)
     ORDER BY (rr.community_code IS NOT NULL) DESC, (rr.street_code IS NOT NULL) DESC LIMIT 1;
    IF FOUND THEN
        RETURN QUERY SELECT r.department_code, 'rule'::text,
            '#' || r.id || ' ' || COALESCE(r.street_code || COALESCE('/' || r.community_code, ''), '*');
        RETURN;
    END IF;
    SELECT mc.department INTO m FROM citygrid.manual_class mc
     WHERE mc.kind = p_kind AND mc.profile = p_profile AND mc.class_code = p_class
       AND mc.from_version <= p_version AND (mc.to_version IS NULL OR mc.to_version > p_version);
    IF m IS NOT NULL AND m <> '属地' AND EXISTS (SELECT 1 FROM citygrid.department x WHERE x.code = m AND x.active) THEN
        RETURN QUERY SELECT m, 'manual'::text, 'v' || p_version;
        RETURN;
    END IF;
    IF m = '属地' OR (m IS NULL AND p_kind = 'event') THEN
        SELECT t.department_code, t.area_code INTO r FROM citygrid.department_territory t
          JOIN citygrid.department x ON x.code = t.department_code AND x.active
         WHERE t.area_code IN (p_district || p_street || p_community, p_district || p_street)
         ORDER BY length(t.area_code) DESC LIMIT 1;
        IF FOUND THEN
            RETURN QUERY SELECT r.department_code, 'territory'::text, r.area_code::text;
        END IF;
    END IF;
END $$;
