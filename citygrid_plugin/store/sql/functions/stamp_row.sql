-- Who and when on the tables clients write directly (departments, divisions, staff, base maps):
-- set by the store from session_user and the server's clock, whatever the client sent.
-- created_at/created_by/imported_at are set on insert and kept on update; updated_at/updated_by
-- are set on every write. Columns a table does not have are ignored (jsonb_populate_record).
CREATE OR REPLACE FUNCTION citygrid.stamp_row() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    stamp jsonb;
BEGIN
    IF TG_OP = 'INSERT' THEN
        stamp := jsonb_build_object('created_at', now(), 'created_by', citygrid.actor(), 'imported_at', now(),
                                    'updated_at', now(), 'updated_by', citygrid.actor());
    ELSE
        stamp := jsonb_build_object('created_at', to_jsonb(OLD) -> 'created_at', 'created_by', to_jsonb(OLD) -> 'created_by',
                                    'imported_at', to_jsonb(OLD) -> 'imported_at',
                                    'updated_at', now(), 'updated_by', citygrid.actor());
    END IF;
    NEW := jsonb_populate_record(NEW, stamp);
    RETURN NEW;
END $$;
