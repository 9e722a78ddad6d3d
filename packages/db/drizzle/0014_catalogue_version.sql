-- Every change to the catalogue (zones, member cities, indicators) bumps `catalogue_version` in `settings`, in
-- the changing transaction, so an app instance that caches the catalogue sees the change at its next read.
-- Row triggers: a statement that changes nothing (an insert that found the code taken) leaves the version.
CREATE FUNCTION catalogue_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO settings (key, value) VALUES ('catalogue_version', '1'::jsonb)
  ON CONFLICT (key) DO UPDATE SET value = to_jsonb((settings.value #>> '{}')::bigint + 1);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER zones_catalogue_version
  AFTER INSERT OR UPDATE OR DELETE ON zones
  FOR EACH ROW EXECUTE FUNCTION catalogue_bump_version();
--> statement-breakpoint
CREATE TRIGGER zones_catalogue_version_truncate
  AFTER TRUNCATE ON zones
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump_version();
--> statement-breakpoint
CREATE TRIGGER member_cities_catalogue_version
  AFTER INSERT OR UPDATE OR DELETE ON member_cities
  FOR EACH ROW EXECUTE FUNCTION catalogue_bump_version();
--> statement-breakpoint
CREATE TRIGGER member_cities_catalogue_version_truncate
  AFTER TRUNCATE ON member_cities
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump_version();
--> statement-breakpoint
CREATE TRIGGER indicators_catalogue_version
  AFTER INSERT OR UPDATE OR DELETE ON indicators
  FOR EACH ROW EXECUTE FUNCTION catalogue_bump_version();
--> statement-breakpoint
CREATE TRIGGER indicators_catalogue_version_truncate
  AFTER TRUNCATE ON indicators
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump_version();
