-- updated_at is maintained by the database so that no code path can forget it. An UPDATE that sets
-- updated_at itself (the seed, data imports, tests of changed_since) keeps the value it set.
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at();--> statement-breakpoint
CREATE TRIGGER api_clients_set_updated_at BEFORE UPDATE ON api_clients FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.* AND OLD.last_used_at IS NOT DISTINCT FROM NEW.last_used_at) EXECUTE FUNCTION set_updated_at();--> statement-breakpoint
CREATE TRIGGER providers_set_updated_at BEFORE UPDATE ON providers FOR EACH ROW EXECUTE FUNCTION set_updated_at();--> statement-breakpoint
CREATE TRIGGER accreditations_set_updated_at BEFORE UPDATE ON accreditations FOR EACH ROW EXECUTE FUNCTION set_updated_at();--> statement-breakpoint
CREATE TRIGGER addresses_set_updated_at BEFORE UPDATE ON addresses FOR EACH ROW EXECUTE FUNCTION set_updated_at();--> statement-breakpoint
CREATE TRIGGER contacts_set_updated_at BEFORE UPDATE ON contacts FOR EACH ROW EXECUTE FUNCTION set_updated_at();--> statement-breakpoint
CREATE TRIGGER academic_years_set_updated_at BEFORE UPDATE ON academic_years FOR EACH ROW EXECUTE FUNCTION set_updated_at();--> statement-breakpoint
CREATE TRIGGER provider_academic_years_set_updated_at BEFORE UPDATE ON provider_academic_years FOR EACH ROW EXECUTE FUNCTION set_updated_at();--> statement-breakpoint

-- The register API's changed_since must see a provider as changed when anything it serves changes,
-- so a change to an accreditation, address or academic year touches the provider too.
CREATE FUNCTION touch_provider() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE providers SET updated_at = now() WHERE id = OLD.provider_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.provider_id IS DISTINCT FROM OLD.provider_id) THEN
    UPDATE providers SET updated_at = now() WHERE id = NEW.provider_id;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER accreditations_touch_provider AFTER INSERT OR UPDATE OR DELETE ON accreditations FOR EACH ROW EXECUTE FUNCTION touch_provider();--> statement-breakpoint
CREATE TRIGGER addresses_touch_provider AFTER INSERT OR UPDATE OR DELETE ON addresses FOR EACH ROW EXECUTE FUNCTION touch_provider();--> statement-breakpoint
CREATE TRIGGER provider_academic_years_touch_provider AFTER INSERT OR UPDATE OR DELETE ON provider_academic_years FOR EACH ROW EXECUTE FUNCTION touch_provider();--> statement-breakpoint

-- History is append-only: the service never rewrites or removes a revision.
CREATE FUNCTION refuse_revision_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'revisions are append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER revisions_append_only BEFORE UPDATE OR DELETE ON revisions FOR EACH ROW EXECUTE FUNCTION refuse_revision_change();
