CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"api_user" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"dfe_sign_in_uid" text,
	"last_signed_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "api_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_by_id" uuid NOT NULL,
	"expires_on" date NOT NULL,
	"token_hash" text NOT NULL,
	"token_hint" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_id" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by_id" uuid,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_clients_name_length" CHECK (char_length("api_clients"."name") between 1 and 200),
	CONSTRAINT "api_clients_token_hint_length" CHECK (char_length("api_clients"."token_hint") = 4)
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"revision_number" integer NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "revisions_entity_type" CHECK ("revisions"."entity_type" in ('api_client', 'user')),
	CONSTRAINT "revisions_action" CHECK ("revisions"."action" in ('added', 'updated', 'revoked', 'deleted', 'deactivated', 'reactivated')),
	CONSTRAINT "revisions_revision_number_positive" CHECK ("revisions"."revision_number" > 0)
);
--> statement-breakpoint
CREATE TABLE "academic_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"start_year" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academic_years_bounds" CHECK ("academic_years"."starts_on" = make_date("academic_years"."start_year", 8, 1) and "academic_years"."ends_on" = make_date("academic_years"."start_year" + 1, 7, 31))
);
--> statement-breakpoint
CREATE TABLE "accreditations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"number" varchar(4) NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accreditations_number_format" CHECK ("accreditations"."number" ~ '^[15][0-9]{3}$'),
	CONSTRAINT "accreditations_dates_in_order" CHECK ("accreditations"."end_date" is null or "accreditations"."end_date" >= "accreditations"."start_date")
);
--> statement-breakpoint
CREATE TABLE "addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"address_line_1" text NOT NULL,
	"address_line_2" text,
	"address_line_3" text,
	"town_or_city" text NOT NULL,
	"county" text,
	"postcode" text NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"telephone_number" text,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_academic_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"academic_year_id" uuid NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operating_name" text NOT NULL,
	"legal_name" text,
	"provider_type" text NOT NULL,
	"accreditation_status" text NOT NULL,
	"ukprn" varchar(8) NOT NULL,
	"urn" varchar(6),
	"code" varchar(3) NOT NULL,
	"archived_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "providers_provider_type" CHECK ("providers"."provider_type" in ('hei', 'scitt', 'school', 'other')),
	CONSTRAINT "providers_accreditation_status" CHECK ("providers"."accreditation_status" in ('accredited', 'unaccredited')),
	CONSTRAINT "providers_school_not_accredited" CHECK (not ("providers"."provider_type" = 'school' and "providers"."accreditation_status" = 'accredited')),
	CONSTRAINT "providers_ukprn_format" CHECK ("providers"."ukprn" ~ '^[0-9]{8}$'),
	CONSTRAINT "providers_urn_format" CHECK ("providers"."urn" is null or "providers"."urn" ~ '^[0-9]{5,6}$'),
	CONSTRAINT "providers_code_format" CHECK ("providers"."code" ~ '^[A-Z0-9]{3}$')
);
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_deleted_by_id_users_id_fk" FOREIGN KEY ("deleted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_revoked_by_id_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_deleted_by_id_users_id_fk" FOREIGN KEY ("deleted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditations" ADD CONSTRAINT "accreditations_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_academic_years" ADD CONSTRAINT "provider_academic_years_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_academic_years" ADD CONSTRAINT "provider_academic_years_academic_year_id_academic_years_id_fk" FOREIGN KEY ("academic_year_id") REFERENCES "public"."academic_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_dfe_sign_in_uid_unique" ON "users" USING btree ("dfe_sign_in_uid");--> statement-breakpoint
CREATE UNIQUE INDEX "api_clients_token_hash_unique" ON "api_clients" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "api_clients_creator_name_unique" ON "api_clients" USING btree ("created_by_id",lower("name")) WHERE "api_clients"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "api_clients_list_order" ON "api_clients" USING btree (lower("name"),"created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "revisions_entity_revision_unique" ON "revisions" USING btree ("entity_type","entity_id","revision_number");--> statement-breakpoint
CREATE INDEX "revisions_created_at" ON "revisions" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "academic_years_start_year_unique" ON "academic_years" USING btree ("start_year");--> statement-breakpoint
CREATE INDEX "accreditations_provider_id" ON "accreditations" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "addresses_provider_id" ON "addresses" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "contacts_provider_id" ON "contacts" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_academic_years_unique" ON "provider_academic_years" USING btree ("provider_id","academic_year_id");--> statement-breakpoint
CREATE INDEX "provider_academic_years_year" ON "provider_academic_years" USING btree ("academic_year_id","provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "providers_code_unique" ON "providers" USING btree (upper("code"));--> statement-breakpoint
CREATE INDEX "providers_ukprn" ON "providers" USING btree ("ukprn");--> statement-breakpoint
CREATE INDEX "providers_live_updated_at" ON "providers" USING btree ("updated_at","id") WHERE "providers"."archived_at" is null and "providers"."deleted_at" is null;