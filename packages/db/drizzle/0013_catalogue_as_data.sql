ALTER TABLE "indicators" ADD COLUMN "definition_zh" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "definition_en" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "source_zh" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "source_en" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "yoy_threshold" numeric;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "in_force_from" smallint;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "retired_after" smallint;--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "named_on" date;--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "reports_from" text;--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "retired_from" text;--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "city_type" text;--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "region" text;--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "programme" boolean DEFAULT true NOT NULL;