-- A component's representative point: a point itself, a line's midpoint, a polygon's point on surface.
CREATE OR REPLACE FUNCTION citygrid.component_anchor(g geometry) RETURNS geometry
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE GeometryType(g)
        WHEN 'LINESTRING' THEN ST_LineInterpolatePoint(g, 0.5)
        WHEN 'POINT' THEN g
        ELSE ST_PointOnSurface(g) END $$;
