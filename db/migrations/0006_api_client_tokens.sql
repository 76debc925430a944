CREATE TABLE "api_client_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"token_hint" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stops_at" timestamp with time zone,
	CONSTRAINT "api_client_tokens_token_hint_length" CHECK (char_length("api_client_tokens"."token_hint") = 4)
);
--> statement-breakpoint
ALTER TABLE "api_clients" DROP CONSTRAINT "api_clients_token_hint_length";--> statement-breakpoint
ALTER TABLE "revisions" DROP CONSTRAINT "revisions_action";--> statement-breakpoint
DROP INDEX "api_clients_token_hash_unique";--> statement-breakpoint
ALTER TABLE "api_client_tokens" ADD CONSTRAINT "api_client_tokens_client_id_api_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_client_tokens" ADD CONSTRAINT "api_client_tokens_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_client_tokens_token_hash_unique" ON "api_client_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_client_tokens_client" ON "api_client_tokens" USING btree ("client_id","created_at");--> statement-breakpoint
-- Hand-written: every client's token moves over unchanged (same HMAC, same hint), so tokens issued before
-- this migration keep working. Its maker is the client's creator, made when the client was. A revoked or
-- deleted client's token stopped then (revoking and deleting end every token of a client from now on).
INSERT INTO "api_client_tokens" ("client_id", "token_hash", "token_hint", "created_by_id", "created_at", "stops_at")
SELECT "id", "token_hash", "token_hint", "created_by_id", "created_at", least("revoked_at", "deleted_at")
FROM "api_clients";--> statement-breakpoint
ALTER TABLE "api_clients" DROP COLUMN "token_hash";--> statement-breakpoint
ALTER TABLE "api_clients" DROP COLUMN "token_hint";--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_action" CHECK ("revisions"."action" in ('added', 'updated', 'regenerated', 'revoked', 'deleted', 'deactivated', 'reactivated'));