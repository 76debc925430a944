CREATE TABLE "provider_changes" (
	"provider_id" uuid PRIMARY KEY NOT NULL,
	"change" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"seq" bigserial NOT NULL,
	CONSTRAINT "provider_changes_change" CHECK ("provider_changes"."change" in ('updated', 'removed'))
);
--> statement-breakpoint
CREATE INDEX "provider_changes_xid_seq" ON "provider_changes" USING btree ("xid","seq");--> statement-breakpoint

-- The change feed (docs/decisions/0014-provider-change-feed.md). Whatever changes what the register API
-- serves about a provider (its row, its accreditations, addresses or academic years) rewrites that provider's
-- one row here in the same transaction: xid is the writer's transaction id, seq a new number, so the row moves
-- to the end of the feed. Statement-level triggers with transition tables, so a bulk load costs one upsert
-- per statement, not one per row. The kind is read from the provider as the transaction leaves it.
CREATE FUNCTION upsert_provider_changes(changed uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO provider_changes (provider_id, change)
  SELECT ids.id, CASE WHEN p.id IS NOT NULL AND p.archived_at IS NULL AND p.deleted_at IS NULL THEN 'updated' ELSE 'removed' END
  FROM (SELECT DISTINCT unnest(changed) AS id) AS ids
  LEFT JOIN providers p ON p.id = ids.id
  WHERE ids.id IS NOT NULL
  ON CONFLICT (provider_id) DO UPDATE
    SET change = excluded.change, changed_at = excluded.changed_at, xid = excluded.xid, seq = excluded.seq;
$$;--> statement-breakpoint
-- plpgsql plans each statement when it first runs it, so a branch may name a transition table its trigger lacks.
CREATE FUNCTION record_provider_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM upsert_provider_changes(ARRAY(SELECT id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM upsert_provider_changes(ARRAY(SELECT id FROM new_rows UNION SELECT id FROM old_rows));
  ELSE
    PERFORM upsert_provider_changes(ARRAY(SELECT id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION record_child_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM upsert_provider_changes(ARRAY(SELECT provider_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM upsert_provider_changes(ARRAY(SELECT provider_id FROM new_rows UNION SELECT provider_id FROM old_rows));
  ELSE
    PERFORM upsert_provider_changes(ARRAY(SELECT provider_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- Every provider in a year whose start year changes is served differently.
CREATE FUNCTION record_academic_year_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM upsert_provider_changes(ARRAY(
    SELECT pay.provider_id FROM new_rows n
    JOIN old_rows o ON o.id = n.id AND o.start_year IS DISTINCT FROM n.start_year
    JOIN provider_academic_years pay ON pay.academic_year_id = n.id));
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER providers_record_inserts AFTER INSERT ON providers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_provider_changes();--> statement-breakpoint
CREATE TRIGGER providers_record_updates AFTER UPDATE ON providers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_provider_changes();--> statement-breakpoint
CREATE TRIGGER providers_record_deletes AFTER DELETE ON providers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_provider_changes();--> statement-breakpoint
CREATE TRIGGER accreditations_record_inserts AFTER INSERT ON accreditations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_child_changes();--> statement-breakpoint
CREATE TRIGGER accreditations_record_updates AFTER UPDATE ON accreditations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_child_changes();--> statement-breakpoint
CREATE TRIGGER accreditations_record_deletes AFTER DELETE ON accreditations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_child_changes();--> statement-breakpoint
CREATE TRIGGER addresses_record_inserts AFTER INSERT ON addresses REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_child_changes();--> statement-breakpoint
CREATE TRIGGER addresses_record_updates AFTER UPDATE ON addresses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_child_changes();--> statement-breakpoint
CREATE TRIGGER addresses_record_deletes AFTER DELETE ON addresses REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_child_changes();--> statement-breakpoint
CREATE TRIGGER provider_academic_years_record_inserts AFTER INSERT ON provider_academic_years REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_child_changes();--> statement-breakpoint
CREATE TRIGGER provider_academic_years_record_updates AFTER UPDATE ON provider_academic_years REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_child_changes();--> statement-breakpoint
CREATE TRIGGER provider_academic_years_record_deletes AFTER DELETE ON provider_academic_years REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_child_changes();--> statement-breakpoint
CREATE TRIGGER academic_years_record_updates AFTER UPDATE ON academic_years REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_academic_year_changes();--> statement-breakpoint

-- The providers already in the register, oldest change first.
INSERT INTO provider_changes (provider_id, change, changed_at)
SELECT id, CASE WHEN archived_at IS NULL AND deleted_at IS NULL THEN 'updated' ELSE 'removed' END, updated_at
FROM providers ORDER BY updated_at, id;
