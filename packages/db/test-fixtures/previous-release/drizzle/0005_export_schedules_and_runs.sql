ALTER TYPE "public"."export_run_status" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TABLE "export_schedules" ALTER COLUMN "cron" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "trigger" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "rerun_of" uuid;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "format" text DEFAULT 'csv' NOT NULL;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "rows_expected" bigint;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "rows_done" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "max_attempts" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "file_name" text;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "pruned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "cancel_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "export_schedules" ADD COLUMN "trigger" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "export_schedules" ADD COLUMN "format" text DEFAULT 'csv' NOT NULL;--> statement-breakpoint
ALTER TABLE "export_schedules" ADD COLUMN "stopped_reason" text;--> statement-breakpoint
ALTER TABLE "export_schedules" ADD COLUMN "due_from" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "export_runs_requested_by_idx" ON "export_runs" USING btree ("requested_by","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "export_runs_schedule_due_idx" ON "export_runs" USING btree ("schedule_id","due_at") WHERE "export_runs"."due_at" is not null;