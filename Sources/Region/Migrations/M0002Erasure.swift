/// Migration 2: erasing a participant's records on request in the append-only store.
///
/// An erased line is replaced by its tombstone (`Journal.Tombstone`): the line's place and the two
/// hashes the chain needs, nothing of what it said. The `hash` column keeps the erased line's
/// hash, so the chain still checks and the stored head is unchanged; the event's id is replaced by
/// a new random one and its time, type and actor blanked, as the tombstone drops them (with the id
/// gone, the hash cannot be reversed by trying codes). The original line sent again by a laptop is
/// known by its place and hash (`iwotch.erased_lines`) and not stored again.
///
/// Only the owner and members of `iwotch_region` may update an event (the `line` column alone is
/// granted to the region), and then only inside an erasure (`iwotch.erasure` set to its row) and
/// only to the event's own tombstone: its place, `prev`, hash and site stay as they were. Each erasure is a
/// row of `iwotch.erasures` (who, when, why; no code), each line erased a row of
/// `iwotch.erased_lines`; both are append-only.
///
/// The chain check on arrival also takes a lock per delivery, so two syncs of one delivery at once
/// store each line once and neither reports a conflict.
enum M0002Erasure {
    static let version = 2
    static let name = "erasure on request: tombstones that keep the chain, and the record of each erasure"
    static let sql = #"""
    CREATE TABLE iwotch.erasures (
        erasure_id serial PRIMARY KEY,
        erased_at timestamptz NOT NULL DEFAULT now(),
        erased_by text NOT NULL DEFAULT current_user,
        reason text NOT NULL CHECK (length(reason) > 0),
        deliveries integer NOT NULL,
        lines integer NOT NULL
    );

    -- Which stored lines are tombstones, by which erasure (none: erased on the laptop before it was
    -- sent), and the hash each still holds: a laptop reads those of its own deliveries, so sync can
    -- say which lines the region erased and the laptop still holds, and the reverse. Its lines are
    -- recorded as they arrive, before their events row exists, so the reference waits for the commit.
    CREATE TABLE iwotch.erased_lines (
        delivery_id text NOT NULL,
        seq integer NOT NULL,
        hash text NOT NULL,
        erasure_id integer REFERENCES iwotch.erasures,
        PRIMARY KEY (delivery_id, seq),
        FOREIGN KEY (delivery_id, seq) REFERENCES iwotch.events (delivery_id, seq) DEFERRABLE INITIALLY DEFERRED
    );

    CREATE OR REPLACE FUNCTION iwotch.check_event() RETURNS trigger
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
           OR jsonb_typeof(doc->'type') <> 'string'
           OR (doc->>'type' IS DISTINCT FROM 'erased' AND (jsonb_typeof(doc->'id') <> 'string' OR jsonb_typeof(doc->'time') <> 'string')) THEN
            RAISE EXCEPTION 'iwotch: the line is not a journal event (seq, id, delivery, type and time are needed)' USING ERRCODE = 'IW001';
        END IF;
        IF doc->>'mode' IS DISTINCT FROM 'live' THEN
            RAISE EXCEPTION 'iwotch: only live deliveries are kept in the region database (mode %)', doc->>'mode' USING ERRCODE = 'IW001';
        END IF;
        -- A tombstone (a line erased on request on the laptop) stands for the line it replaced:
        -- the chain holds that line's hash, which the tombstone carries.
        IF doc->>'type' = 'erased' THEN
            IF doc->>'erased' IS NULL OR doc->>'erased' !~ '^sha256:[0-9a-f]{64}$' THEN
                RAISE EXCEPTION 'iwotch: an erased line must carry the hash of the line it replaced' USING ERRCODE = 'IW001';
            END IF;
            line_hash := doc->>'erased';
            doc := doc || jsonb_build_object('id', gen_random_uuid()::text, 'time', '-infinity', 'actor', '');
        ELSE
            line_hash := 'sha256:' || encode(sha256(NEW.line), 'hex');
        END IF;
        NEW.delivery_id := doc->>'delivery';
        -- One arrival at a time per delivery, held to the end of the transaction: a second sync of
        -- the same delivery (the same laptop run twice at once) waits here, then finds the lines
        -- the first stored and takes them for no change, rather than failing on the chain.
        PERFORM pg_advisory_xact_lock(hashtext('iwotch.delivery'), hashtext(NEW.delivery_id));
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
        -- A line erased here on request, sent again by a laptop that still holds it (or its tombstone):
        -- the same place and hash, so no change, and it is not brought back.
        IF EXISTS (SELECT FROM iwotch.erased_lines WHERE delivery_id = NEW.delivery_id AND seq = NEW.seq AND hash = line_hash) THEN
            RETURN NULL;
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
        -- A tombstone from a laptop that erased before sending: recorded as erased, by no erasure here.
        IF NEW.event_type = 'erased' THEN
            INSERT INTO iwotch.erased_lines (delivery_id, seq, hash, erasure_id) VALUES (NEW.delivery_id, NEW.seq, line_hash, NULL);
        END IF;
        RETURN NEW;
    END
    $$;

    -- An event changes only into its own tombstone, inside an erasure.
    -- As the owner (SECURITY DEFINER), so it records the erased line whoever erases.
    CREATE FUNCTION iwotch.erase_only() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, iwotch AS $$
    DECLARE
        doc jsonb;
        erasure text := current_setting('iwotch.erasure', true);
    BEGIN
        IF erasure IS NULL OR erasure = '' THEN
            RAISE EXCEPTION 'iwotch: events are append-only; % is refused', TG_OP USING ERRCODE = 'IW004';
        END IF;
        BEGIN
            doc := convert_from(NEW.line, 'UTF8')::jsonb;
        EXCEPTION WHEN others THEN
            doc := NULL;
        END;
        IF doc IS NULL OR jsonb_typeof(doc) <> 'object' OR doc->>'type' IS DISTINCT FROM 'erased'
           OR doc->>'erased' IS DISTINCT FROM OLD.hash OR doc->'seq' IS DISTINCT FROM to_jsonb(OLD.seq)
           OR doc->>'delivery' IS DISTINCT FROM OLD.delivery_id OR doc->>'prev' IS DISTINCT FROM OLD.prev
           OR (NEW.delivery_id, NEW.seq, NEW.prev, NEW.hash, NEW.site, NEW.received)
              IS DISTINCT FROM (OLD.delivery_id, OLD.seq, OLD.prev, OLD.hash, OLD.site, OLD.received) THEN
            RAISE EXCEPTION 'iwotch: delivery % line %: an event is only ever replaced by its own tombstone', OLD.delivery_id, OLD.seq
                USING ERRCODE = 'IW004';
        END IF;
        INSERT INTO iwotch.erased_lines (delivery_id, seq, hash, erasure_id) VALUES (OLD.delivery_id, OLD.seq, OLD.hash, erasure::integer);
        -- What the tombstone drops goes from the typed columns too: a new id, no time, type or actor.
        NEW.event_id := gen_random_uuid();
        NEW.event_type := 'erased';
        NEW.event_time := '-infinity';
        NEW.actor := '';
        RETURN NEW;
    END
    $$;

    DROP TRIGGER refuse_change ON iwotch.events;
    CREATE TRIGGER refuse_change BEFORE DELETE ON iwotch.events
        FOR EACH ROW EXECUTE FUNCTION iwotch.refuse_change();
    CREATE TRIGGER erase_only BEFORE UPDATE ON iwotch.events
        FOR EACH ROW EXECUTE FUNCTION iwotch.erase_only();
    CREATE TRIGGER refuse_change BEFORE UPDATE OR DELETE ON iwotch.erasures
        FOR EACH ROW EXECUTE FUNCTION iwotch.refuse_change();
    CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON iwotch.erasures
        FOR EACH STATEMENT EXECUTE FUNCTION iwotch.refuse_change();
    CREATE TRIGGER refuse_change BEFORE UPDATE OR DELETE ON iwotch.erased_lines
        FOR EACH ROW EXECUTE FUNCTION iwotch.refuse_change();
    CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON iwotch.erased_lines
        FOR EACH STATEMENT EXECUTE FUNCTION iwotch.refuse_change();

    ALTER TABLE iwotch.erasures ENABLE ROW LEVEL SECURITY;
    ALTER TABLE iwotch.erased_lines ENABLE ROW LEVEL SECURITY;
    -- Whoever may see a delivery's head (its laptops, its supervisors) sees which of its lines are erased.
    CREATE POLICY with_delivery ON iwotch.erased_lines FOR SELECT TO iwotch_facilitator, iwotch_supervisor, iwotch_region
        USING (delivery_id IN (SELECT delivery_id FROM iwotch.deliveries));
    CREATE POLICY region_reads ON iwotch.erasures FOR SELECT TO iwotch_region USING (true);

    REVOKE ALL ON iwotch.erasures, iwotch.erased_lines FROM PUBLIC;
    REVOKE ALL ON FUNCTION iwotch.erase_only() FROM PUBLIC;
    GRANT SELECT ON iwotch.erased_lines TO iwotch_facilitator, iwotch_supervisor, iwotch_region;
    GRANT SELECT ON iwotch.erasures TO iwotch_region;

    -- The region's data manager erases as a member of iwotch_region, without the owner's powers
    -- (which include dropping these triggers): the line column of events only, which the trigger
    -- above allows only into the event's own tombstone, and a record of the erasure in its own name.
    GRANT UPDATE (line) ON iwotch.events TO iwotch_region;
    CREATE POLICY region_erases ON iwotch.events FOR UPDATE TO iwotch_region USING (true) WITH CHECK (true);
    GRANT INSERT (reason, deliveries, lines) ON iwotch.erasures TO iwotch_region;
    GRANT USAGE ON SEQUENCE iwotch.erasures_erasure_id_seq TO iwotch_region;
    CREATE POLICY region_records ON iwotch.erasures FOR INSERT TO iwotch_region WITH CHECK (erased_by = current_user);
    """#
}
