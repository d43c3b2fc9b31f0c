-- 006 the 1:500 base map (1:500 地形图) imported from the survey office's CAD drawings (DXF).
-- The census and the grid editors read the city on it, so it lives in the store beside the
-- grids, in the store CRS, and every client (QGIS, qgis_process, a web map) sees the same map.
-- Three tables because QGIS layers hold one geometry type each:
--   basemap_line     polylines: road edges and centrelines, boundaries (境界), ditches …
--   basemap_polygon  closed outlines: buildings (居民地), water (水系), vegetation (植被) …
--   basemap_text     annotations (注记): text, height in map units, angle in degrees
--                    counter-clockwise from east (as CAD stores it).
-- `kind` is what the style draws (mapped from the CAD layer name by the importer, see
-- citygrid:importdxf); `source_layer` keeps the CAD layer name so a wrong mapping can be seen
-- and fixed; `source_file` is the drawing (map sheet) it came from: re-importing a revised sheet
-- replaces that sheet's rows only; `import_batch` ties together the rows of one import.

CREATE TABLE citygrid.basemap_line (
    id            bigserial PRIMARY KEY,
    kind          text NOT NULL CONSTRAINT basemap_line_kind CHECK (
                      kind IN ('road', 'building', 'water', 'vegetation', 'boundary', 'annotation', 'other')),
    source_layer  text,
    source_file   text NOT NULL,
    import_batch  uuid NOT NULL,
    imported_at   timestamptz NOT NULL DEFAULT now(),
    geom          geometry(MultiLineString, {{srid}}) NOT NULL
                  CONSTRAINT basemap_line_geom_not_empty CHECK (NOT ST_IsEmpty(geom))
);
CREATE INDEX basemap_line_geom_gist ON citygrid.basemap_line USING gist (geom);
CREATE INDEX basemap_line_source_file ON citygrid.basemap_line (source_file);
COMMENT ON TABLE citygrid.basemap_line IS '1:500 base map lines (地形图线), imported from CAD drawings';

-- Polygons must be valid: QGIS renders and PostGIS measures them, and a self-crossing building
-- outline from CAD is repaired (or reported) by the importer rather than stored broken.
CREATE TABLE citygrid.basemap_polygon (
    id            bigserial PRIMARY KEY,
    kind          text NOT NULL CONSTRAINT basemap_polygon_kind CHECK (
                      kind IN ('road', 'building', 'water', 'vegetation', 'boundary', 'annotation', 'other')),
    source_layer  text,
    source_file   text NOT NULL,
    import_batch  uuid NOT NULL,
    imported_at   timestamptz NOT NULL DEFAULT now(),
    geom          geometry(MultiPolygon, {{srid}}) NOT NULL
                  CONSTRAINT basemap_polygon_geom_valid CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom))
);
CREATE INDEX basemap_polygon_geom_gist ON citygrid.basemap_polygon USING gist (geom);
CREATE INDEX basemap_polygon_source_file ON citygrid.basemap_polygon (source_file);
COMMENT ON TABLE citygrid.basemap_polygon IS '1:500 base map areas (地形图面): buildings, water, vegetation';

CREATE TABLE citygrid.basemap_text (
    id            bigserial PRIMARY KEY,
    kind          text NOT NULL CONSTRAINT basemap_text_kind CHECK (
                      kind IN ('road', 'building', 'water', 'vegetation', 'boundary', 'annotation', 'other')),
    source_layer  text,
    source_file   text NOT NULL,
    import_batch  uuid NOT NULL,
    imported_at   timestamptz NOT NULL DEFAULT now(),
    text          text NOT NULL CONSTRAINT basemap_text_not_blank CHECK (btrim(text) <> ''),
    height        double precision CONSTRAINT basemap_text_height CHECK (height IS NULL OR height > 0),
    angle         double precision NOT NULL DEFAULT 0,
    geom          geometry(Point, {{srid}}) NOT NULL
);
CREATE INDEX basemap_text_geom_gist ON citygrid.basemap_text USING gist (geom);
CREATE INDEX basemap_text_source_file ON citygrid.basemap_text (source_file);
COMMENT ON TABLE citygrid.basemap_text IS '1:500 base map annotations (注记): height in map units, angle in degrees counter-clockwise';
