/// Migration 1: the region's tables, the chain check on arrival, append-only events, and access
/// by borough. Everything lives in the schema `iwotch`. The owner (the role that runs
/// `iwotch db migrate`) owns every table and so is the only role row-level security lets past;
/// every other role gets exactly the grants below.
///
/// Why the database, not the client, does the checking: any role that can insert could be any
/// program, so the typed columns, the hash and the chain link are all worked out here from the
/// line's own bytes, and a line whose `prev` is not the stored head of its delivery is refused.
enum M0001Region {
    static let version = 1
    static let name = "region tables, chain check on arrival, roles and row-level security"
    static let sql = #"""
    CREATE SCHEMA iwotch;

    -- Group roles, shared by every database of the cluster, so created only when missing (and a
    -- migration of another database creating one at the same moment is no failure).
    DO $roles$
    DECLARE
        name text;
    BEGIN
        FOREACH name IN ARRAY ARRAY['iwotch_facilitator', 'iwotch_supervisor', 'iwotch_region'] LOOP
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = name) THEN
                BEGIN
                    EXECUTE format('CREATE ROLE %I NOLOGIN', name);
                EXCEPTION WHEN duplicate_object OR unique_violation THEN
                    NULL;
                END;
            END IF;
        END LOOP;
    END
    $roles$;

    CREATE TABLE iwotch.boroughs (
        borough text PRIMARY KEY
    );

    -- Codes are compared without case everywhere in iwotch, so a site is its lower-case code.
    CREATE TABLE iwotch.sites (
        site text PRIMARY KEY CHECK (site = lower(site)),
        borough text NOT NULL REFERENCES iwotch.boroughs
    );

    -- Which database roles may add events for which sites (facilitators' laptops).
    CREATE TABLE iwotch.facilitator_sites (
        role_name text NOT NULL,
        site text NOT NULL REFERENCES iwotch.sites,
        PRIMARY KEY (role_name, site)
    );

    -- Which database roles read which boroughs (borough supervisors).
    CREATE TABLE iwotch.supervisor_boroughs (
        role_name text NOT NULL,
        borough text NOT NULL REFERENCES iwotch.boroughs,
        PRIMARY KEY (role_name, borough)
    );

    -- One row per delivery: where it is and the head of its chain as stored. The file name is the
    -- one it had on the laptop: reports from the database name it live/FILE, so it is a plain name
    -- and no two deliveries share one.
    CREATE TABLE iwotch.deliveries (
        delivery_id text PRIMARY KEY,
        file_name text NOT NULL UNIQUE CHECK (file_name ~ '^[^/]+\.jsonl$'),
        site text NOT NULL,
        group_code text NOT NULL,
        head_seq integer NOT NULL,
        head_hash text NOT NULL,
        first_synced timestamptz NOT NULL DEFAULT now(),
        last_synced timestamptz NOT NULL DEFAULT now()
    );

    -- One row per journal line. `line` is the line's exact bytes (no newline); every other column
    -- is worked out from it on arrival by iwotch.check_event().
    CREATE TABLE iwotch.events (
        delivery_id text NOT NULL REFERENCES iwotch.deliveries,
        seq integer NOT NULL,
        event_id uuid NOT NULL UNIQUE,
        prev text,
        hash text NOT NULL,
        event_type text NOT NULL,
        event_time timestamptz NOT NULL,
        actor text NOT NULL,
        site text NOT NULL,
        line bytea NOT NULL,
        received timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (delivery_id, seq)
    );

    CREATE TABLE iwotch.schema_version (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied timestamptz NOT NULL DEFAULT now()
    );

    -- The sites the current role may add events for. An ordinary (invoker's) function: a role
    -- sees only its own rows of the mapping tables (policies below), so current_user is the
    -- querying role wherever this is called from a policy.
    CREATE FUNCTION iwotch.writable_sites() RETURNS SETOF text
    LANGUAGE sql STABLE SET search_path = pg_catalog, iwotch AS $$
        SELECT site FROM iwotch.facilitator_sites WHERE role_name = current_user
    $$;

    -- The sites the current role may read: all for the region's supervisors, its boroughs' for a
    -- borough supervisor, none for anyone else.
    CREATE FUNCTION iwotch.readable_sites() RETURNS SETOF text
    LANGUAGE sql STABLE SET search_path = pg_catalog, iwotch AS $$
        SELECT site FROM iwotch.sites WHERE pg_has_role(current_user, 'iwotch_region', 'MEMBER')
        UNION
        SELECT s.site FROM iwotch.sites s JOIN iwotch.supervisor_boroughs b ON b.borough = s.borough
        WHERE b.role_name = current_user
    $$;

    -- The chain check on arrival. Runs as the owner (SECURITY DEFINER), so it can read and move
    -- the delivery's head whoever inserts; the row-level policy on events then decides whether the
    -- inserting role may add to this site at all.
    CREATE FUNCTION iwotch.check_event() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, iwotch AS $$
    DECLARE
        doc jsonb;
        stored iwotch.deliveries%ROWTYPE;
        existing iwotch.events%ROWTYPE;
        line_hash text;
        site_code text;
    BEGIN
        BEGIN
            doc := convert_from(NEW.line, 'UTF8')::jsonb;
        EXCEPTION WHEN others THEN
            RAISE EXCEPTION 'iwotch: the line is not a JSON object in UTF-8'
                USING ERRCODE = 'IW001', DETAIL = SQLERRM;
        END;
        IF jsonb_typeof(doc) <> 'object' OR jsonb_typeof(doc->'seq') <> 'number' OR jsonb_typeof(doc->'delivery') <> 'string'
           OR jsonb_typeof(doc->'id') <> 'string' OR jsonb_typeof(doc->'type') <> 'string' OR jsonb_typeof(doc->'time') <> 'string' THEN
            RAISE EXCEPTION 'iwotch: the line is not a journal event (seq, id, delivery, type and time are needed)' USING ERRCODE = 'IW001';
        END IF;
        IF doc->>'mode' IS DISTINCT FROM 'live' THEN
            RAISE EXCEPTION 'iwotch: only live deliveries are kept in the region database (mode %)', doc->>'mode' USING ERRCODE = 'IW001';
        END IF;
        line_hash := 'sha256:' || encode(sha256(NEW.line), 'hex');
        NEW.delivery_id := doc->>'delivery';
        NEW.seq := (doc->>'seq')::integer;
        NEW.event_id := (doc->>'id')::uuid;
        NEW.prev := doc->>'prev';
        NEW.hash := line_hash;
        NEW.event_type := doc->>'type';
        NEW.event_time := (doc->>'time')::timestamptz;
        NEW.actor := coalesce(doc->>'actor', '');
        NEW.received := now();

        -- The same line sent again (a sync that was cut short, or run twice) is no change.
        SELECT * INTO existing FROM iwotch.events WHERE event_id = NEW.event_id;
        IF FOUND THEN
            IF existing.hash = line_hash AND existing.delivery_id = NEW.delivery_id AND existing.seq = NEW.seq THEN
                RETURN NULL;
            END IF;
            RAISE EXCEPTION 'iwotch: delivery % line %: event id % is already stored as delivery % line % with other bytes',
                NEW.delivery_id, NEW.seq, NEW.event_id, existing.delivery_id, existing.seq USING ERRCODE = 'IW002';
        END IF;

        SELECT * INTO stored FROM iwotch.deliveries WHERE delivery_id = NEW.delivery_id FOR UPDATE;
        IF NOT FOUND THEN
            IF NEW.seq <> 1 OR NEW.prev IS NOT NULL THEN
                RAISE EXCEPTION 'iwotch: delivery % line %: the database holds none of this delivery, so the first line must come first',
                    NEW.delivery_id, NEW.seq USING ERRCODE = 'IW002';
            END IF;
            IF NEW.event_type <> 'delivery-opened' OR jsonb_typeof(doc->'data'->'site') <> 'string' THEN
                RAISE EXCEPTION 'iwotch: delivery % line 1: a delivery starts with delivery-opened, naming its site', NEW.delivery_id
                    USING ERRCODE = 'IW001';
            END IF;
            site_code := lower(doc->'data'->>'site');
            IF NOT EXISTS (SELECT FROM iwotch.sites WHERE site = site_code) THEN
                RAISE EXCEPTION 'iwotch: delivery %: site % is not one of the region''s sites', NEW.delivery_id, doc->'data'->>'site'
                    USING ERRCODE = 'IW003', HINT = 'The region''s IT team adds sites to iwotch.sites (Manuals/region-guide.md).';
            END IF;
            INSERT INTO iwotch.deliveries (delivery_id, file_name, site, group_code, head_seq, head_hash)
            VALUES (NEW.delivery_id, coalesce(nullif(current_setting('iwotch.file_name', true), ''), NEW.delivery_id || '.jsonl'),
                    site_code, coalesce(doc->'data'->>'group', ''), 1, line_hash);
            NEW.site := site_code;
            RETURN NEW;
        END IF;

        -- The message names no stored line: a facilitator of another site learns nothing from it.
        IF NEW.seq <> stored.head_seq + 1 THEN
            RAISE EXCEPTION 'iwotch: delivery % line %: the database holds this delivery up to another line, or it is at a site this role may not add to',
                NEW.delivery_id, NEW.seq USING ERRCODE = 'IW002';
        END IF;
        IF NEW.prev IS DISTINCT FROM stored.head_hash THEN
            RAISE EXCEPTION 'iwotch: delivery % line %: its prev is not the hash of the stored line % (the database and this journal differ)',
                NEW.delivery_id, NEW.seq, stored.head_seq USING ERRCODE = 'IW002';
        END IF;
        UPDATE iwotch.deliveries SET head_seq = NEW.seq, head_hash = line_hash, last_synced = now()
        WHERE delivery_id = NEW.delivery_id;
        NEW.site := stored.site;
        RETURN NEW;
    END
    $$;

    CREATE TRIGGER check_event BEFORE INSERT ON iwotch.events
        FOR EACH ROW EXECUTE FUNCTION iwotch.check_event();

    -- Append-only: no role changes or removes an event. (The owner could drop this trigger; that
    -- is a change of schema, which the IG team audits as such.)
    CREATE FUNCTION iwotch.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'iwotch: events are append-only; % is refused', TG_OP USING ERRCODE = 'IW004';
    END
    $$;
    CREATE TRIGGER refuse_change BEFORE UPDATE OR DELETE ON iwotch.events
        FOR EACH ROW EXECUTE FUNCTION iwotch.refuse_change();
    CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON iwotch.events
        FOR EACH STATEMENT EXECUTE FUNCTION iwotch.refuse_change();

    ALTER TABLE iwotch.events ENABLE ROW LEVEL SECURITY;
    ALTER TABLE iwotch.deliveries ENABLE ROW LEVEL SECURITY;
    ALTER TABLE iwotch.facilitator_sites ENABLE ROW LEVEL SECURITY;
    ALTER TABLE iwotch.supervisor_boroughs ENABLE ROW LEVEL SECURITY;
    CREATE POLICY own_rows ON iwotch.facilitator_sites FOR SELECT USING (role_name = current_user);
    CREATE POLICY own_rows ON iwotch.supervisor_boroughs FOR SELECT USING (role_name = current_user);
    CREATE POLICY facilitators_add ON iwotch.events FOR INSERT TO iwotch_facilitator
        WITH CHECK (site IN (SELECT iwotch.writable_sites()));
    -- A laptop reads the stored heads of its own sites' deliveries (to know what to send), no events.
    CREATE POLICY facilitators_heads ON iwotch.deliveries FOR SELECT TO iwotch_facilitator
        USING (site IN (SELECT iwotch.writable_sites()));
    CREATE POLICY supervisors_read ON iwotch.events FOR SELECT TO iwotch_supervisor, iwotch_region
        USING (site IN (SELECT iwotch.readable_sites()));
    CREATE POLICY supervisors_read ON iwotch.deliveries FOR SELECT TO iwotch_supervisor, iwotch_region
        USING (site IN (SELECT iwotch.readable_sites()));

    REVOKE ALL ON SCHEMA iwotch FROM PUBLIC;
    REVOKE ALL ON ALL TABLES IN SCHEMA iwotch FROM PUBLIC;
    REVOKE ALL ON ALL FUNCTIONS IN SCHEMA iwotch FROM PUBLIC;
    GRANT USAGE ON SCHEMA iwotch TO iwotch_facilitator, iwotch_supervisor, iwotch_region;
    GRANT INSERT ON iwotch.events TO iwotch_facilitator;
    GRANT EXECUTE ON FUNCTION iwotch.writable_sites(), iwotch.readable_sites()
        TO iwotch_facilitator, iwotch_supervisor, iwotch_region;
    GRANT SELECT ON iwotch.schema_version TO iwotch_facilitator, iwotch_supervisor, iwotch_region;
    GRANT SELECT ON iwotch.deliveries, iwotch.facilitator_sites TO iwotch_facilitator;
    GRANT SELECT ON iwotch.events, iwotch.deliveries, iwotch.sites, iwotch.boroughs, iwotch.supervisor_boroughs
        TO iwotch_supervisor, iwotch_region;
    """#
}
