-- The department to suggest when dispatching case p_case (citygrid.case_route: owner first for
-- components, then the routing rules, the command manual, the territory).
CREATE OR REPLACE FUNCTION citygrid.suggest_department(p_case bigint) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT r.department_code FROM citygrid.work_case c,
           citygrid.case_route(c.kind, c.profile, c.class_code, c.district_code, c.street_code, c.community_code,
                               c.component_code, c.manual_version) r
     WHERE c.id = p_case $$;
