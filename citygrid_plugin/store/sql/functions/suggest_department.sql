-- The department to suggest when dispatching: a component's owner first (先属主), else the
-- routing rule of the class in the case's street, else the class's district-wide rule.
CREATE OR REPLACE FUNCTION citygrid.suggest_department(p_case bigint) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE(
        (SELECT co.dept2_code FROM citygrid.work_case c JOIN citygrid.component co ON co.code = c.component_code
          WHERE c.id = p_case AND co.dept2_code IS NOT NULL),
        (SELECT co.dept1_code FROM citygrid.work_case c JOIN citygrid.component co ON co.code = c.component_code
          WHERE c.id = p_case),
        (SELECT r.department_code FROM citygrid.work_case c JOIN citygrid.routing_rule r
             ON r.class_code = c.class_code AND r.street_code = c.street_code WHERE c.id = p_case),
        (SELECT r.department_code FROM citygrid.work_case c JOIN citygrid.routing_rule r
             ON r.class_code = c.class_code AND r.street_code IS NULL WHERE c.id = p_case)) $$;
