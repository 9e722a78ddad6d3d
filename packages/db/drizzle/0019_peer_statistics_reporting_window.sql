-- A zone counts among peers only for the quarters it is expected to report (reports_from ≤ quarter <
-- retired_from): a change of either marks the stored statistics stale, as a change of `active` does, and the
-- next dashboard read recomputes them (`ensurePeerStatistics`).
CREATE TRIGGER zones_reporting_window_peer_statistics
  AFTER UPDATE OF reports_from, retired_from ON zones
  FOR EACH ROW WHEN (OLD.reports_from IS DISTINCT FROM NEW.reports_from OR OLD.retired_from IS DISTINCT FROM NEW.retired_from)
  EXECUTE FUNCTION peer_statistics_mark_all_stale();
--> statement-breakpoint
-- Statistics computed before the window counted: the next read of each quarter computes them again.
INSERT INTO peer_statistics_stale (quarter)
  SELECT DISTINCT quarter FROM peer_statistics
  ON CONFLICT (quarter) DO NOTHING;
