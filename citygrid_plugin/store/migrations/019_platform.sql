-- 019 city and district platforms (issue 19: 市、县分别建设; 一级监督、两级指挥). Schema only; the
-- functions' bodies are in store/sql/functions (platform_*, feed_*, handover_*), the grants in
-- roles.sql, the subscriptions made by store/platform.py (`./citygrid platform …`).
--
--   * A store is a district platform or the city platform (citygrid.platform, one row, set by the
--     owner), or neither (a store on its own, as before: nothing below does anything then).
--   * District -> city: PostgreSQL logical replication. A district keeps the public part of its
--     record in schema citygrid_feed, written by triggers on its own tables (divisions, grids,
--     departments, cases, case actions with the return visits, hand-over receipts), every row
--     keyed by the district's code; publication citygrid_feed publishes that schema (inserts,
--     updates and deletes, never TRUNCATE, which would empty the other districts' rows at the
--     city). The city holds the same tables and subscribes to every district: one subscription
--     each. The feed has no reporter, phone, photo or note: no personal data leaves a district.
--   * City -> district: the city writes hand-overs (市级转办) into citygrid_handover.handover,
--     through handover_create only; publication citygrid_handover_<code> publishes the rows of
--     one district, which subscribes to it. A trigger (ENABLE ALWAYS: it fires in the replication
--     worker) turns each row into a case with source 市级转办 and the external id city:<id>/<uid>, once:
--     its receipt (by the hand-over's uid) and the external id make a second delivery a no-op. Its receipt (accepted with the case number,
--     or refused with the reason) goes back through the district's feed.
--   * Both schemas exist in every store, so a district and the city of one schema version have
--     identical tables: the subscription is checked against that version when it is made.

INSERT INTO citygrid.case_source (name, name_en, ord, trusted, reporter_role) VALUES
    ('市级转办', 'city hand-over', 8, false, 'system');
-- only the store reports under 市级转办 (from the city's hand-over), and under no other source
ALTER TABLE citygrid.case_source ADD CONSTRAINT case_source_system_is_the_city_handover
    CHECK ((reporter_role IS NOT DISTINCT FROM 'system') = (name = '市级转办'));
COMMENT ON COLUMN citygrid.case_source.reporter_role IS
    'only this role may report under the source (NULL: any case role; system: only the store itself, '
    'e.g. 市级转办 made from the city''s hand-over)';

-- what this store is ---------------------------------------------------------------------------------
CREATE TABLE citygrid.platform (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    kind       text NOT NULL CHECK (kind IN ('district', 'city')),
    code       text NOT NULL CONSTRAINT platform_code_format CHECK (code ~ '^[0-9]{6}$'),
    name       text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 60),
    store_uid  uuid NOT NULL DEFAULT gen_random_uuid(),
    set_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    set_by     text NOT NULL DEFAULT citygrid.actor()
);
COMMENT ON TABLE citygrid.platform IS
    'This store''s place in a city: a district platform (区级平台) or the city platform (市级平台), its '
    'division code, and a random id that tells two stores claiming one code apart';
ALTER TABLE citygrid.platform ENABLE ROW LEVEL SECURITY;
CREATE POLICY cg_platform_read ON citygrid.platform FOR SELECT USING (true);

-- the city's districts -----------------------------------------------------------------------------
CREATE TABLE citygrid.platform_district (
    code            text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
    name            text NOT NULL,
    store_uid       uuid NOT NULL UNIQUE,
    conninfo        text NOT NULL,          -- how the city reaches it, without the password
    subscription    text NOT NULL UNIQUE,
    publication     text NOT NULL UNIQUE,   -- the city's hand-over publication for it
    schema_version  integer NOT NULL,
    linked_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    linked_by       text NOT NULL DEFAULT citygrid.actor()
);
COMMENT ON TABLE citygrid.platform_district IS
    'The district platforms the city subscribes to (written by `./citygrid platform link`, the owner only)';
ALTER TABLE citygrid.platform_district ENABLE ROW LEVEL SECURITY;
CREATE POLICY cg_platform_district_read ON citygrid.platform_district FOR SELECT USING (true);

-- the feed: what a district publishes, what the city holds of every district ---------------------------
CREATE SCHEMA citygrid_feed;
COMMENT ON SCHEMA citygrid_feed IS
    'District -> city: the public record of the district platforms (logical replication), keyed by district';

CREATE TABLE citygrid_feed.division (
    district_code  text NOT NULL,
    level          text NOT NULL CHECK (level IN ('district', 'street', 'community')),
    code           text NOT NULL,           -- full code: 6, 9 or 12 digits
    name           text NOT NULL,
    boundary       geometry(MultiPolygon, {{srid}}),
    PRIMARY KEY (district_code, level, code)
);
CREATE TABLE citygrid_feed.grid (
    district_code  text NOT NULL,
    id             bigint NOT NULL,
    code           text,
    geom           geometry(Polygon, {{srid}}) NOT NULL,
    retired_at     timestamptz,
    PRIMARY KEY (district_code, id)
);
CREATE INDEX feed_grid_geom ON citygrid_feed.grid USING gist (geom) WHERE retired_at IS NULL;
CREATE TABLE citygrid_feed.department (
    district_code  text NOT NULL,
    code           text NOT NULL,
    name           text NOT NULL,
    kind           text NOT NULL,
    active         boolean NOT NULL,
    PRIMARY KEY (district_code, code)
);
CREATE TABLE citygrid_feed.work_case (
    district_code    text NOT NULL,
    id               bigint NOT NULL,
    case_no          text NOT NULL,
    source           text NOT NULL,
    kind             text NOT NULL,
    profile          text NOT NULL,
    class_code       text NOT NULL,
    component_code   text,
    description      text NOT NULL,
    address          text,
    geom             geometry(Point, {{srid}}) NOT NULL,
    grid_code        text NOT NULL,
    street_code      text NOT NULL,
    community_code   text NOT NULL,
    department_code  text,
    state            text NOT NULL,
    stage            text,
    stage_deadline   timestamptz,
    handle_deadline  timestamptz,
    close_category   text,
    urgent           boolean NOT NULL,
    external_id      text,
    rework_count     integer NOT NULL,
    urge_count       integer NOT NULL,
    revisit_pending  boolean NOT NULL,
    reported_at      timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    version          integer NOT NULL,
    PRIMARY KEY (district_code, id)
);
CREATE INDEX feed_case_open ON citygrid_feed.work_case (stage_deadline) WHERE state NOT IN ('closed', 'cancelled');
CREATE INDEX feed_case_open_district ON citygrid_feed.work_case (district_code, stage_deadline)
    WHERE state NOT IN ('closed', 'cancelled');
CREATE INDEX feed_case_updated ON citygrid_feed.work_case (updated_at);
CREATE INDEX feed_case_reported ON citygrid_feed.work_case (reported_at);
CREATE INDEX feed_case_geom ON citygrid_feed.work_case USING gist (geom);
CREATE INDEX feed_case_external ON citygrid_feed.work_case (external_id) WHERE external_id IS NOT NULL;
CREATE TABLE citygrid_feed.case_action (
    district_code  text NOT NULL,
    id             bigint NOT NULL,
    case_id        bigint NOT NULL,
    action         text NOT NULL,
    from_state     text,
    to_state       text NOT NULL,
    actor          text NOT NULL,           -- the staff login (not a person's name or phone)
    role           text NOT NULL,
    at             timestamptz NOT NULL,
    data           jsonb NOT NULL,          -- without its free text (note)
    PRIMARY KEY (district_code, id)
);
CREATE INDEX feed_action_case ON citygrid_feed.case_action (district_code, case_id, id);
CREATE INDEX feed_action_at ON citygrid_feed.case_action (at);
CREATE TABLE citygrid_feed.handover_receipt (
    district_code  text NOT NULL,
    handover_uid   uuid NOT NULL,           -- the hand-over (its uid: an id may come again after the
    handover_id    bigint NOT NULL,         -- city's store is restored from a backup; a uid never)
    status         text NOT NULL CHECK (status IN ('accepted', 'refused')),
    case_id        bigint,
    case_no        text,
    message        text,
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (district_code, handover_uid)
);
COMMENT ON TABLE citygrid_feed.work_case IS
    'Cases of the district platforms without reporter, phone, photo or notes; read-only (written by the '
    'district''s triggers there, by replication at the city)';
COMMENT ON TABLE citygrid_feed.handover_receipt IS
    'What a district made of each city hand-over: accepted (its case) or refused (why)';
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['division', 'grid', 'department', 'work_case', 'case_action', 'handover_receipt'] LOOP
        EXECUTE format('ALTER TABLE citygrid_feed.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY cg_feed_read ON citygrid_feed.%I FOR SELECT USING (true)', t);
    END LOOP;
END $$;
REVOKE ALL ON SCHEMA citygrid_feed FROM PUBLIC;

-- hand-overs: city -> district ---------------------------------------------------------------------------
CREATE SCHEMA citygrid_handover;
COMMENT ON SCHEMA citygrid_handover IS 'City -> district: cases the city platform hands to a district (市级转办)';
CREATE TABLE citygrid_handover.handover (
    id             bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    uid            uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    district_code  text NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
    kind           text NOT NULL CHECK (kind IN ('event', 'component')),
    class_code     text NOT NULL CHECK (class_code ~ '^[0-9]{4,6}$'),
    description    text NOT NULL CHECK (btrim(description) <> '' AND length(description) <= 4000),
    address        text CHECK (length(address) <= 500),
    geom           geometry(Point, {{srid}}) NOT NULL,
    urgent         boolean NOT NULL DEFAULT false,
    reference      text CHECK (length(reference) BETWEEN 1 AND 100),   -- e.g. the 12345 work order
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    created_by     text NOT NULL DEFAULT citygrid.actor()
);
CREATE UNIQUE INDEX handover_reference ON citygrid_handover.handover (district_code, reference)
    WHERE reference IS NOT NULL;
COMMENT ON TABLE citygrid_handover.handover IS
    'Hand-overs from the city to a district (市级转办), written only through citygrid.handover_create';
ALTER TABLE citygrid_handover.handover ENABLE ROW LEVEL SECURITY;
CREATE POLICY cg_handover_read ON citygrid_handover.handover FOR SELECT USING (true);
REVOKE ALL ON SCHEMA citygrid_handover FROM PUBLIC;

-- the district's side: its record into the feed, hand-overs into cases ---------------------------------------
-- (stubs: the bodies are the function files, applied after the migrations)
CREATE FUNCTION citygrid.feed_case() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION citygrid.feed_action() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION citygrid.feed_grid() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION citygrid.feed_department() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION citygrid.feed_division() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION citygrid.handover_receive() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION citygrid.feed_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER work_case_feed AFTER INSERT OR UPDATE ON citygrid.work_case
    FOR EACH ROW EXECUTE FUNCTION citygrid.feed_case();
CREATE TRIGGER case_action_feed AFTER INSERT ON citygrid.case_action
    FOR EACH ROW EXECUTE FUNCTION citygrid.feed_action();
CREATE TRIGGER grid_feed AFTER INSERT OR UPDATE OR DELETE ON citygrid.grid
    FOR EACH ROW EXECUTE FUNCTION citygrid.feed_grid();
CREATE TRIGGER department_feed AFTER INSERT OR UPDATE OR DELETE ON citygrid.department
    FOR EACH ROW EXECUTE FUNCTION citygrid.feed_department();
CREATE TRIGGER district_feed AFTER INSERT OR UPDATE OR DELETE ON citygrid.district
    FOR EACH ROW EXECUTE FUNCTION citygrid.feed_division();
CREATE TRIGGER street_feed AFTER INSERT OR UPDATE OR DELETE ON citygrid.street
    FOR EACH ROW EXECUTE FUNCTION citygrid.feed_division();
CREATE TRIGGER community_feed AFTER INSERT OR UPDATE OR DELETE ON citygrid.community
    FOR EACH ROW EXECUTE FUNCTION citygrid.feed_division();
CREATE TRIGGER handover_receive AFTER INSERT ON citygrid_handover.handover
    FOR EACH ROW EXECUTE FUNCTION citygrid.handover_receive();
-- the hand-over arrives through the replication worker (session_replication_role = replica)
ALTER TABLE citygrid_handover.handover ENABLE ALWAYS TRIGGER handover_receive;
-- the city's screens hear of a district's change as a desk hears of its own (NOTIFY qgis)
CREATE TRIGGER work_case_notify AFTER INSERT OR UPDATE ON citygrid_feed.work_case
    FOR EACH ROW EXECUTE FUNCTION citygrid.feed_notify();
ALTER TABLE citygrid_feed.work_case ENABLE ALWAYS TRIGGER work_case_notify;

-- the city's views across districts (security_invoker: the caller's rights) -----------------------------------
CREATE VIEW citygrid.city_case WITH (security_invoker = true) AS
    SELECT c.district_code::bigint * 1000000000000 + c.id AS uid,   -- unique across districts (a layer's key)
           c.district_code, pd.name AS district_name, c.id, c.case_no, c.source, c.kind, c.class_code,
           c.description, c.address, c.geom, c.grid_code, c.district_code || c.street_code AS street_code,
           c.department_code, dp.name AS department_name, c.state, s.name_zh AS state_name, s.is_open,
           c.stage, c.stage_deadline, c.handle_deadline, c.urgent, c.external_id, c.reported_at, c.updated_at
      FROM citygrid_feed.work_case c
      JOIN citygrid.case_state s ON s.state = c.state
      LEFT JOIN citygrid.platform_district pd ON pd.code = c.district_code
      LEFT JOIN citygrid_feed.department dp ON dp.district_code = c.district_code AND dp.code = c.department_code;
COMMENT ON VIEW citygrid.city_case IS 'The city platform''s cases of every district (read-only, live by replication)';

CREATE VIEW citygrid.city_handover WITH (security_invoker = true) AS
    SELECT h.id, h.district_code, pd.name AS district_name, h.kind, h.class_code, h.description, h.address, h.geom,
           h.urgent, h.reference, h.created_at, h.created_by,
           COALESCE(r.status, 'sent') AS status, r.case_no, r.message, r.at AS answered_at, c.state AS case_state,
           c.updated_at AS case_updated_at
      FROM citygrid_handover.handover h
      LEFT JOIN citygrid.platform_district pd ON pd.code = h.district_code
      LEFT JOIN citygrid_feed.handover_receipt r ON r.district_code = h.district_code AND r.handover_uid = h.uid
      LEFT JOIN citygrid_feed.work_case c ON c.district_code = r.district_code AND c.id = r.case_id;
COMMENT ON VIEW citygrid.city_handover IS
    'Hand-overs with what became of them: sent (not yet answered), accepted (and the case''s state) or refused';
