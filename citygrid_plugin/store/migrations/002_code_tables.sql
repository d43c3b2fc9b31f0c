-- 002 code tables: code profiles, component classes (部件分类), event classes (事件/事项分类)
-- and departments (部门). The class tables are data: the standard rows are loaded by the
-- store loader (origin 'standard'); a city adds its own classes (origin 'local').

CREATE TABLE citygrid.code_profile (
    profile         text PRIMARY KEY,
    title           text    NOT NULL,
    major_digits    integer NOT NULL CHECK (major_digits BETWEEN 1 AND 4),
    minor_digits    integer NOT NULL CHECK (minor_digits BETWEEN 1 AND 4),
    serial_digits   integer NOT NULL CHECK (serial_digits BETWEEN 1 AND 9),
    verified        boolean NOT NULL,
    is_default      boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX code_profile_one_default ON citygrid.code_profile (is_default) WHERE is_default;
COMMENT ON TABLE citygrid.code_profile IS 'Code profiles: 2013 = GB/T 30428.2-2013 (16-digit component code), 2026 = GB/T 47678.5-2026 (17 digits, unverified)';

INSERT INTO citygrid.code_profile VALUES
    ('2013', 'GB/T 30428.2-2013 城市市政综合监管信息系统 管理部件和事件', 2, 2, 6, true,  true),
    ('2026', 'GB/T 47678.5-2026 城市运行管理服务平台 管理部件和事项（未核实）', 2, 3, 6, false, false);

-- Class codes must follow their profile's digit structure; checked from the profile row so
-- that the rule is data, with a message that says which part is wrong.
CREATE FUNCTION citygrid.check_class_code() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    p citygrid.code_profile;
BEGIN
    SELECT * INTO p FROM citygrid.code_profile WHERE profile = NEW.profile;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown code profile %', NEW.profile
            USING ERRCODE = 'foreign_key_violation', HINT = 'use 2013 or 2026';
    END IF;
    IF NEW.major_code !~ ('^[0-9]{' || p.major_digits || '}$') THEN
        RAISE EXCEPTION 'major class % must be % digits in profile %', quote_literal(NEW.major_code), p.major_digits, NEW.profile
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.minor_code !~ ('^[0-9]{' || p.minor_digits || '}$') THEN
        RAISE EXCEPTION 'minor class % must be % digits in profile %', quote_literal(NEW.minor_code), p.minor_digits, NEW.profile
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.code IS DISTINCT FROM NEW.major_code || NEW.minor_code THEN
        RAISE EXCEPTION 'class code % must be major % followed by minor %', quote_literal(NEW.code), NEW.major_code, NEW.minor_code
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TABLE citygrid.component_class (
    profile         text NOT NULL REFERENCES citygrid.code_profile,
    code            text NOT NULL,
    major_code      text NOT NULL,
    major_name      text NOT NULL CHECK (btrim(major_name) <> ''),
    minor_code      text NOT NULL,
    name            text NOT NULL CHECK (btrim(name) <> ''),
    alt_names       text[] NOT NULL DEFAULT '{}',
    geometry_type   text NOT NULL DEFAULT 'point' CHECK (geometry_type IN ('point', 'line', 'polygon')),
    accuracy_class  text CHECK (accuracy_class IN ('A', 'B', 'C')),
    extra_fields    text[] NOT NULL DEFAULT '{}',
    confidence      text,
    origin          text NOT NULL DEFAULT 'local' CHECK (origin IN ('standard', 'local')),
    active          boolean NOT NULL DEFAULT true,
    PRIMARY KEY (profile, code)
);
CREATE UNIQUE INDEX component_class_name ON citygrid.component_class (profile, name);
CREATE TRIGGER component_class_code BEFORE INSERT OR UPDATE ON citygrid.component_class
    FOR EACH ROW EXECUTE FUNCTION citygrid.check_class_code();
COMMENT ON TABLE citygrid.component_class IS 'Component classes (管理部件分类) per code profile';

CREATE TABLE citygrid.event_class (
    profile         text NOT NULL REFERENCES citygrid.code_profile,
    code            text NOT NULL,
    major_code      text NOT NULL,
    major_name      text NOT NULL CHECK (btrim(major_name) <> ''),
    minor_code      text NOT NULL,
    name            text NOT NULL CHECK (btrim(name) <> ''),
    alt_names       text[] NOT NULL DEFAULT '{}',
    confidence      text,
    origin          text NOT NULL DEFAULT 'local' CHECK (origin IN ('standard', 'local')),
    active          boolean NOT NULL DEFAULT true,
    PRIMARY KEY (profile, code)
);
CREATE UNIQUE INDEX event_class_name ON citygrid.event_class (profile, name);
CREATE TRIGGER event_class_code BEFORE INSERT OR UPDATE ON citygrid.event_class
    FOR EACH ROW EXECUTE FUNCTION citygrid.check_class_code();
COMMENT ON TABLE citygrid.event_class IS 'Event classes (事件分类; 事项 in the 2026 profile) per code profile';

CREATE TABLE citygrid.department (
    code        text PRIMARY KEY CHECK (code ~ '^[0-9A-Za-z_-]{1,32}$'),
    name        text NOT NULL UNIQUE CHECK (btrim(name) <> ''),
    kind        text NOT NULL DEFAULT 'agency' CHECK (kind IN ('agency', 'street', 'community', 'enterprise', 'other')),
    parent_code text REFERENCES citygrid.department ON UPDATE CASCADE,
    phone       text,
    active      boolean NOT NULL DEFAULT true,
    note        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_code IS DISTINCT FROM code)
);
CREATE TRIGGER department_touch BEFORE UPDATE ON citygrid.department
    FOR EACH ROW EXECUTE FUNCTION citygrid.touch_updated_at();
COMMENT ON TABLE citygrid.department IS 'Departments (专业部门, 街道, 社区, 企业) that own, maintain and handle';
