ALTER TABLE "revisions" ADD COLUMN "origin" text;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_origin" CHECK ("revisions"."origin" in ('command-line'));--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_origin_only_for_system" CHECK ("revisions"."origin" is null or "revisions"."actor_id" is null);