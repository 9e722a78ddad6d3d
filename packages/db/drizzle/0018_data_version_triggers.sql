-- The data version: one row, incremented in the transaction of every change to what the dashboards show.
INSERT INTO data_version (id, version) VALUES (true, 1) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = now();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Observations show on a dashboard once their submission is submitted (reviewers) or approved: only a
-- statement touching such a row changes the version (a draft's save does not).
CREATE FUNCTION data_version_bump_new_observations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM changed_observations o
    JOIN submissions s ON s.zone_code = o.zone_code AND s.quarter = o.quarter
    WHERE s.status IN ('submitted', 'approved')
  ) THEN
    UPDATE data_version SET version = version + 1, changed_at = now();
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER observations_inserted_data_version
  AFTER INSERT ON observations REFERENCING NEW TABLE AS changed_observations
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_new_observations();
--> statement-breakpoint
CREATE TRIGGER observations_updated_data_version
  AFTER UPDATE ON observations REFERENCING NEW TABLE AS changed_observations
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_new_observations();
--> statement-breakpoint
CREATE TRIGGER observations_deleted_data_version
  AFTER DELETE ON observations REFERENCING OLD TABLE AS changed_observations
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_new_observations();
--> statement-breakpoint
-- New and deleted submissions (the open quarter's status counts), and a change of state (approvals,
-- reopenings, submits, returns) or revision count; a draft's save, which sets the same status again, is not one.
CREATE TRIGGER submissions_data_version
  AFTER INSERT OR DELETE OR TRUNCATE ON submissions
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER submissions_state_data_version
  AFTER UPDATE ON submissions
  FOR EACH ROW WHEN (
    OLD.status IS DISTINCT FROM NEW.status OR OLD.revision IS DISTINCT FROM NEW.revision
    OR OLD.zone_code IS DISTINCT FROM NEW.zone_code OR OLD.quarter IS DISTINCT FROM NEW.quarter
  ) EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- Row triggers on the small tables: a statement that changes no row (an edit refused for an unknown code, an
-- insert that found its key taken) leaves the version, so the dashboards' answers stay cached.
CREATE TRIGGER zones_data_version
  AFTER INSERT OR UPDATE OR DELETE ON zones
  FOR EACH ROW EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER zones_data_version_truncate
  AFTER TRUNCATE ON zones
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER indicators_data_version
  AFTER INSERT OR UPDATE OR DELETE ON indicators
  FOR EACH ROW EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER indicators_data_version_truncate
  AFTER TRUNCATE ON indicators
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER member_cities_data_version
  AFTER INSERT OR UPDATE OR DELETE ON member_cities
  FOR EACH ROW EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER member_cities_data_version_truncate
  AFTER TRUNCATE ON member_cities
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER reporting_periods_data_version
  AFTER INSERT OR UPDATE OR DELETE ON reporting_periods
  FOR EACH ROW EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER reporting_periods_data_version_truncate
  AFTER TRUNCATE ON reporting_periods
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER settings_data_version
  AFTER INSERT OR UPDATE OR DELETE ON settings
  FOR EACH ROW EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER settings_data_version_truncate
  AFTER TRUNCATE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- A recompute of the stored statistics (and percentiles, in the same transaction).
CREATE TRIGGER peer_statistics_data_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON peer_statistics
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- Stored percentiles follow an indicator's direction and the set of active zones: a change to either marks
-- the stored quarters stale, and the next dashboard read recomputes them (`ensurePeerStatistics`).
CREATE FUNCTION peer_statistics_mark_all_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO peer_statistics_stale (quarter)
    SELECT DISTINCT quarter FROM peer_statistics
    ON CONFLICT (quarter) DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER indicators_direction_peer_statistics
  AFTER UPDATE OF direction ON indicators
  FOR EACH ROW WHEN (OLD.direction IS DISTINCT FROM NEW.direction) EXECUTE FUNCTION peer_statistics_mark_all_stale();
--> statement-breakpoint
CREATE TRIGGER zones_active_peer_statistics
  AFTER UPDATE OF active ON zones
  FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active) EXECUTE FUNCTION peer_statistics_mark_all_stale();
--> statement-breakpoint
-- Percentiles of quarters computed before this table existed: the next read of each quarter computes them.
INSERT INTO peer_statistics_stale (quarter)
  SELECT DISTINCT quarter FROM peer_statistics
  ON CONFLICT (quarter) DO NOTHING;
