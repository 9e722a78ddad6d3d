CREATE TABLE "member_city_values" (
	"year" smallint NOT NULL,
	"member_city_code" text NOT NULL,
	"indicator_code" text NOT NULL,
	"value" numeric NOT NULL,
	"imported_by" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_city_values_pkey" PRIMARY KEY("year","member_city_code","indicator_code")
);
--> statement-breakpoint
ALTER TABLE "member_city_values" ADD CONSTRAINT "member_city_values_member_city_code_member_cities_code_fk" FOREIGN KEY ("member_city_code") REFERENCES "public"."member_cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_city_values" ADD CONSTRAINT "member_city_values_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_city_values" ADD CONSTRAINT "member_city_values_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;