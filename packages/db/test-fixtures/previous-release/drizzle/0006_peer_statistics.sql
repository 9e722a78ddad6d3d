CREATE TABLE "peer_statistics" (
	"mode" text NOT NULL,
	"indicator_code" text NOT NULL,
	"quarter" text NOT NULL,
	"zones" integer NOT NULL,
	"min" numeric,
	"p25" double precision,
	"median" double precision,
	"p75" double precision,
	"max" numeric,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "peer_statistics_mode_indicator_code_quarter_pk" PRIMARY KEY("mode","indicator_code","quarter"),
	CONSTRAINT "peer_statistics_mode" CHECK ("peer_statistics"."mode" in ('ytd', 'single')),
	CONSTRAINT "peer_statistics_quarter_format" CHECK (quarter ~ '^[0-9]{4}Q[1-4]$')
);
--> statement-breakpoint
ALTER TABLE "peer_statistics" ADD CONSTRAINT "peer_statistics_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE cascade ON UPDATE no action;