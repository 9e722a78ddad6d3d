CREATE TABLE "evaluation_results" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_results_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"year" smallint NOT NULL,
	"zone_code" text NOT NULL,
	"member_city_code" text,
	"source" text NOT NULL,
	"state" text NOT NULL,
	"dimension_scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"computed_score" numeric(5, 2),
	"missing_items" smallint DEFAULT 0 NOT NULL,
	"adjustment" numeric(5, 2),
	"adjustment_reason" text,
	"adjusted_by" text,
	"adjusted_at" timestamp with time zone,
	"final_score" numeric(5, 2),
	"rating" text NOT NULL,
	"computed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_results_source" CHECK (source in ('computed', 'published-history')),
	CONSTRAINT "evaluation_results_state" CHECK (state in ('computed', 'adjusted', 'published')),
	CONSTRAINT "evaluation_results_rating" CHECK (rating in ('excellent', 'good', 'pass', 'poor')),
	CONSTRAINT "evaluation_results_adjustment_reason" CHECK ("evaluation_results"."adjustment" is null or "evaluation_results"."adjustment_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "evaluation_rubrics" (
	"year" smallint PRIMARY KEY NOT NULL,
	"rubric" jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"computed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "evaluation_rubrics_state" CHECK (state in ('draft', 'published'))
);
--> statement-breakpoint
ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_zone_code_zones_code_fk" FOREIGN KEY ("zone_code") REFERENCES "public"."zones"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_member_city_code_member_cities_code_fk" FOREIGN KEY ("member_city_code") REFERENCES "public"."member_cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_adjusted_by_users_id_fk" FOREIGN KEY ("adjusted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rubrics" ADD CONSTRAINT "evaluation_rubrics_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rubrics" ADD CONSTRAINT "evaluation_rubrics_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_results_zone_year" ON "evaluation_results" USING btree ("year","zone_code") WHERE "evaluation_results"."member_city_code" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_results_city_year" ON "evaluation_results" USING btree ("year","member_city_code") WHERE "evaluation_results"."member_city_code" is not null;--> statement-breakpoint
CREATE INDEX "evaluation_results_zone_idx" ON "evaluation_results" USING btree ("zone_code","year");