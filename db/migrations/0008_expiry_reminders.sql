CREATE TABLE "expiry_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"api_client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"expires_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"recipient_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"notification_id" text,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expiry_reminders_kind" CHECK ("expiry_reminders"."kind" in ('30-days', '7-days', '1-day', 'expired')),
	CONSTRAINT "expiry_reminders_status" CHECK ("expiry_reminders"."status" in ('pending', 'sending', 'sent', 'no-recipient', 'cancelled', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "revisions" DROP CONSTRAINT "revisions_action";--> statement-breakpoint
ALTER TABLE "expiry_reminders" ADD CONSTRAINT "expiry_reminders_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expiry_reminders" ADD CONSTRAINT "expiry_reminders_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expiry_reminders_client_kind_expiry_unique" ON "expiry_reminders" USING btree ("api_client_id","kind","expires_on");--> statement-breakpoint
CREATE INDEX "expiry_reminders_unfinished" ON "expiry_reminders" USING btree ("status") WHERE "expiry_reminders"."status" in ('pending', 'sending');--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_action" CHECK ("revisions"."action" in ('added', 'updated', 'regenerated', 'revoked', 'deleted', 'deactivated', 'reactivated', 'reminded'));