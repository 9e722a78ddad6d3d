ALTER TABLE "export_runs" ADD COLUMN "storage_key" text;--> statement-breakpoint
-- Files written before storage keys sit at <EXPORT_DIR>/<run id>/<file name>: that is their key.
UPDATE "export_runs" SET "storage_key" = "id"::text || '/' || "file_name" WHERE "file_path" IS NOT NULL AND "file_name" IS NOT NULL;
