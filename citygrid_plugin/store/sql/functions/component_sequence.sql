-- The serial sequence of a district, profile and class (one each: nextval never collides between
-- concurrent surveyors and never goes back; a rolled-back insert leaves a gap, never a reused
-- code), created on the class's first component and listed in component_serial. The sequences
-- stop at 1,000,000, one past the last serial, so next_component_code can tell "all issued"
-- apart cheaply. The name is built only from codes checked here (the district exists, the
-- class is a component class of the profile) and quoted as an identifier all the same: no
-- caller text ever reaches a statement.
CREATE OR REPLACE FUNCTION citygrid.component_sequence(p_district text, p_profile text, p_class text) RETURNS regclass
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    name text;
    seq regclass;
BEGIN
    IF p_district IS NULL OR p_district !~ '^[0-9]{6}$'
       OR NOT EXISTS (SELECT 1 FROM citygrid.district WHERE code = p_district) THEN
        RAISE EXCEPTION 'district % is not a district of this store', COALESCE(quote_literal(p_district), 'NULL')
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF p_class IS NULL OR p_class !~ '^[0-9]{4,5}$' OR p_profile IS NULL OR p_profile !~ '^[0-9]{4}$'
       OR NOT EXISTS (SELECT 1 FROM citygrid.component_class WHERE profile = p_profile AND code = p_class) THEN
        RAISE EXCEPTION 'class % is not a component class of profile %', COALESCE(quote_literal(p_class), 'NULL'),
            COALESCE(quote_literal(p_profile), 'NULL') USING ERRCODE = 'foreign_key_violation';
    END IF;
    name := 'component_seq_' || p_district || '_' || p_profile || '_' || p_class;
    seq := to_regclass(format('citygrid.%I', name));
    IF seq IS NULL THEN
        BEGIN
            EXECUTE format('CREATE SEQUENCE citygrid.%I MINVALUE 1 MAXVALUE 1000000 NO CYCLE', name);
            INSERT INTO citygrid.component_serial (district_code, profile, class_code, sequence_name)
            VALUES (p_district, p_profile, p_class, 'citygrid.' || name) ON CONFLICT DO NOTHING;
        EXCEPTION WHEN duplicate_table OR unique_violation THEN
            NULL;  -- another session created it at the same moment
        END;
        seq := to_regclass(format('citygrid.%I', name));
    END IF;
    RETURN seq;
END $$;
