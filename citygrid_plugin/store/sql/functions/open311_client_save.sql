-- Add or change an Open311 client app (an administrator: `./citygrid open311 add-client`,
-- store/open311.save_client). p_key_hash: the SHA-256 (hex) of the app's new API key, computed by
-- the client (the key itself never reaches the server); NULL keeps the present key of an existing
-- app. p_rate: new reports per minute; p_enabled: false blocks the key at once. Who made the app and
-- when is the store's (created_by, created_at); every change is in the administrators' audit.
-- Returns the app's id.
CREATE OR REPLACE FUNCTION citygrid.open311_client_save(p_name text, p_key_hash text, p_rate integer,
        p_enabled boolean)
    RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = citygrid, public, pg_temp AS $$
DECLARE
    v_id integer;
BEGIN
    IF NOT citygrid.acts_as('admin') THEN
        RAISE EXCEPTION 'only an administrator may add or change Open311 client apps'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_name IS NULL OR p_name !~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$' THEN
        RAISE EXCEPTION 'Open311 client name % must be 1 to 60 letters, digits, ''.'', ''_'' or ''-''',
            quote_literal(left(COALESCE(p_name, ''), 80)) USING ERRCODE = 'check_violation';
    END IF;
    IF p_key_hash IS NOT NULL AND p_key_hash !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'an API key is stored as its SHA-256 (64 hexadecimal digits)' USING ERRCODE = 'check_violation';
    END IF;
    IF p_rate IS NULL OR p_rate NOT BETWEEN 1 AND 100000 THEN
        RAISE EXCEPTION 'the rate limit % is not usable: 1 to 100000 new reports per minute', COALESCE(p_rate::text, 'NULL')
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE citygrid.open311_client
       SET key_hash = COALESCE(p_key_hash, key_hash), rate_per_minute = p_rate, enabled = COALESCE(p_enabled, true)
     WHERE name = p_name RETURNING id INTO v_id;
    IF v_id IS NULL THEN
        IF p_key_hash IS NULL THEN
            RAISE EXCEPTION 'a new Open311 client app % needs an API key', p_name USING ERRCODE = 'not_null_violation';
        END IF;
        INSERT INTO citygrid.open311_client (name, key_hash, rate_per_minute, enabled, created_by, created_at)
        VALUES (p_name, p_key_hash, p_rate, COALESCE(p_enabled, true), citygrid.actor(), clock_timestamp())
        RETURNING id INTO v_id;
    END IF;
    RETURN v_id;
END $$;
