CREATE TABLE "data_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_version_one_row" CHECK ("data_version"."id")
);
--> statement-breakpoint
CREATE TABLE "peer_percentiles" (
	"quarter" text NOT NULL,
	"indicator_code" text NOT NULL,
	"zone_code" text NOT NULL,
	"percentile" double precision NOT NULL,
	CONSTRAINT "peer_percentiles_quarter_indicator_code_zone_code_pk" PRIMARY KEY("quarter","indicator_code","zone_code"),
	CONSTRAINT "peer_percentiles_quarter_format" CHECK (quarter ~ '^[0-9]{4}Q[1-4]$')
);
--> statement-breakpoint
ALTER TABLE "peer_percentiles" ADD CONSTRAINT "peer_percentiles_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_percentiles" ADD CONSTRAINT "peer_percentiles_zone_code_zones_code_fk" FOREIGN KEY ("zone_code") REFERENCES "public"."zones"("code") ON DELETE cascade ON UPDATE no action;