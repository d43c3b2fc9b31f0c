-- Internal mode: the store functions' own nested writes that the guard triggers let through (a
-- grid retired instead of deleted, codes issued, cases moved, the audit amended by break glass).
-- On: the transaction-local setting citygrid.internal holds this transaction's token
-- (internal_token); off: 'off'. A token is worth nothing outside its transaction, and no client
-- can read one, so setting citygrid.internal by hand achieves nothing; there is no standing
-- secret a backup could leak. Not SECURITY DEFINER on purpose: a function-level SET clause
-- would undo the transaction-local setting when the function returns. Granted to nobody: the
-- store's SECURITY DEFINER functions call it (and every name is schema-qualified).
CREATE OR REPLACE FUNCTION citygrid.set_internal(p_on boolean) RETURNS void
    LANGUAGE sql VOLATILE AS $$
    SELECT pg_catalog.set_config('citygrid.internal',
                                 CASE WHEN p_on THEN citygrid.internal_token() ELSE 'off' END, true) $$;
