-- Case numbers: report date + a store-wide serial of at least 8 digits (never truncated).
CREATE OR REPLACE FUNCTION citygrid.case_serial() RETURNS text
    LANGUAGE sql AS $$
    SELECT lpad(n::text, greatest(8, length(n::text)), '0') FROM nextval('citygrid.case_number') n $$;
