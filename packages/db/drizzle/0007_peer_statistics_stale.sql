CREATE TABLE "peer_statistics_stale" (
	"quarter" text PRIMARY KEY NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "peer_statistics_stale_quarter_format" CHECK (quarter ~ '^[0-9]{4}Q[1-4]$')
);
