-- Keeping legacy codes on import (SET citygrid.import_codes = 'on') is for administrators only.
CREATE OR REPLACE FUNCTION citygrid.import_codes_on() RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE(current_setting('citygrid.import_codes', true), '') = 'on' AND citygrid.acts_as('admin') $$;
