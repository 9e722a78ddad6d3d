CREATE TABLE "bulletins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quarter" text NOT NULL,
	"language" text NOT NULL,
	"data_version" text NOT NULL,
	"storage_key" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"trigger" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulletins_quarter_format" CHECK ("bulletins"."quarter" ~ '^[0-9]{4}Q[1-4]$'),
	CONSTRAINT "bulletins_language" CHECK ("bulletins"."language" in ('zh-CN', 'en')),
	CONSTRAINT "bulletins_trigger" CHECK ("bulletins"."trigger" in ('manual', 'all-approved'))
);
--> statement-breakpoint
CREATE INDEX "bulletins_quarter_idx" ON "bulletins" USING btree ("quarter","language","created_at");