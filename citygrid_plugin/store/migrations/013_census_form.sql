-- 013 the census form can save a new component. QGIS enforces a column's NOT NULL as a hard
-- constraint of the form; district_code, profile and name are NOT NULL in 005 but filled by the
-- store's trigger on insert (from the grid under the component and from its class), so a
-- surveyor could not press OK. They are now nullable for the client and required by a CHECK
-- that the trigger's values satisfy, so the rule still holds for every client.
ALTER TABLE citygrid.component
    ALTER COLUMN district_code DROP NOT NULL,
    ALTER COLUMN profile DROP NOT NULL,
    ALTER COLUMN name DROP NOT NULL,
    ADD CONSTRAINT component_filled_by_store CHECK (district_code IS NOT NULL AND profile IS NOT NULL
                                                    AND name IS NOT NULL);
