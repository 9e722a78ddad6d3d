CREATE TABLE "zone_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_code" text NOT NULL,
	"indicator_code" text NOT NULL,
	"target_year" smallint NOT NULL,
	"target_value" numeric NOT NULL,
	"comparison" text NOT NULL,
	"baseline_year" smallint NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "zone_targets_zone_indicator_year_key" UNIQUE("zone_code","indicator_code","target_year"),
	CONSTRAINT "zone_targets_comparison" CHECK ("zone_targets"."comparison" in ('at-least', 'at-most')),
	CONSTRAINT "zone_targets_years" CHECK ("zone_targets"."baseline_year" < "zone_targets"."target_year")
);
--> statement-breakpoint
ALTER TABLE "zone_targets" ADD CONSTRAINT "zone_targets_zone_code_zones_code_fk" FOREIGN KEY ("zone_code") REFERENCES "public"."zones"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_targets" ADD CONSTRAINT "zone_targets_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_targets" ADD CONSTRAINT "zone_targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_targets" ADD CONSTRAINT "zone_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "zone_targets_indicator_idx" ON "zone_targets" USING btree ("indicator_code","zone_code");