DROP INDEX "users_email_unique";--> statement-breakpoint
DROP INDEX "users_dfe_sign_in_uid_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email")) WHERE "users"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_dfe_sign_in_uid_unique" ON "users" USING btree ("dfe_sign_in_uid") WHERE "users"."deleted_at" is null;