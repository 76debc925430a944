CREATE TABLE "api_client_usage" (
	"client_id" uuid NOT NULL,
	"day" date NOT NULL,
	"succeeded" bigint DEFAULT 0 NOT NULL,
	"rate_limited" bigint DEFAULT 0 NOT NULL,
	"refused" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "api_client_usage_client_id_day_pk" PRIMARY KEY("client_id","day"),
	CONSTRAINT "api_client_usage_counts" CHECK ("api_client_usage"."succeeded" >= 0 and "api_client_usage"."rate_limited" >= 0 and "api_client_usage"."refused" >= 0)
);
--> statement-breakpoint
ALTER TABLE "api_client_usage" ADD CONSTRAINT "api_client_usage_client_id_api_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_client_usage_day" ON "api_client_usage" USING btree ("day");