-- 003 administrative divisions: district (区县, 6-digit GB/T 2260), street (街道, 3 digits)
-- and community (社区, 3 digits), with boundaries in the store CRS. Codes are checked here so
-- every client obeys the same rules as the Python code library.

CREATE TABLE citygrid.district (
    code        text PRIMARY KEY
                CONSTRAINT district_code_format CHECK (code ~ '^[0-9]{6}$' AND right(code, 2) <> '00'),
    name        text NOT NULL CHECK (btrim(name) <> ''),
    srid        integer NOT NULL DEFAULT {{srid}}
                CONSTRAINT district_srid_is_store_srid CHECK (srid = {{srid}}),
    profile     text NOT NULL DEFAULT '2013' REFERENCES citygrid.code_profile,
    boundary    geometry(MultiPolygon, {{srid}})
                CONSTRAINT district_boundary_valid CHECK (boundary IS NULL OR ST_IsValid(boundary)),
    note        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE citygrid.district IS 'County-level districts (区县). One store spans one Gauss-Krüger zone: srid equals the store srid.';

CREATE TABLE citygrid.street (
    district_code text NOT NULL REFERENCES citygrid.district ON UPDATE CASCADE,
    code          text NOT NULL
                  CONSTRAINT street_code_format CHECK (code ~ '^[0-9]{3}$' AND code <> '000'),
    name          text NOT NULL CHECK (btrim(name) <> ''),
    full_code     text GENERATED ALWAYS AS (district_code || code) STORED,
    boundary      geometry(MultiPolygon, {{srid}})
                  CONSTRAINT street_boundary_valid CHECK (boundary IS NULL OR ST_IsValid(boundary)),
    note          text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (district_code, code),
    UNIQUE (full_code)
);
COMMENT ON TABLE citygrid.street IS 'Streets and towns (街道/乡镇), 3-digit code inside the district';

CREATE TABLE citygrid.community (
    district_code  text NOT NULL,
    street_code    text NOT NULL,
    code           text NOT NULL
                   CONSTRAINT community_code_format CHECK (code ~ '^[0-9]{3}$' AND code <> '000'),
    name           text NOT NULL CHECK (btrim(name) <> ''),
    full_code      text GENERATED ALWAYS AS (district_code || street_code || code) STORED,
    boundary       geometry(MultiPolygon, {{srid}})
                   CONSTRAINT community_boundary_valid CHECK (boundary IS NULL OR ST_IsValid(boundary)),
    note           text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (district_code, street_code, code),
    UNIQUE (full_code),
    FOREIGN KEY (district_code, street_code) REFERENCES citygrid.street ON UPDATE CASCADE
);
CREATE INDEX community_boundary_gist ON citygrid.community USING gist (boundary);
CREATE INDEX street_boundary_gist ON citygrid.street USING gist (boundary);
COMMENT ON TABLE citygrid.community IS 'Communities and villages (社区/村), 3-digit code inside the street';

CREATE TRIGGER district_touch BEFORE UPDATE ON citygrid.district
    FOR EACH ROW EXECUTE FUNCTION citygrid.touch_updated_at();
CREATE TRIGGER street_touch BEFORE UPDATE ON citygrid.street
    FOR EACH ROW EXECUTE FUNCTION citygrid.touch_updated_at();
CREATE TRIGGER community_touch BEFORE UPDATE ON citygrid.community
    FOR EACH ROW EXECUTE FUNCTION citygrid.touch_updated_at();
