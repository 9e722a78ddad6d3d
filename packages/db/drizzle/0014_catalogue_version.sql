-- Every change to the catalogue (zones, member cities, indicators) bumps `catalogue_version` in `settings`, in
-- the changing transaction, so an app instance that caches the catalogue sees the change at its next read.
CREATE FUNCTION catalogue_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO settings (key, value) VALUES ('catalogue_version', '1'::jsonb)
  ON CONFLICT (key) DO UPDATE SET value = to_jsonb((settings.value #>> '{}')::bigint + 1);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER zones_catalogue_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON zones
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump_version();
--> statement-breakpoint
CREATE TRIGGER member_cities_catalogue_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON member_cities
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump_version();
--> statement-breakpoint
CREATE TRIGGER indicators_catalogue_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicators
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump_version();
