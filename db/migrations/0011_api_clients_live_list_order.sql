-- The staff list reads a page's ids from this index alone (index-only, however deep the page), then only those rows (issue 16).
DROP INDEX "api_clients_list_order";--> statement-breakpoint
CREATE INDEX "api_clients_live_list_order" ON "api_clients" USING btree (lower("name"),"created_at","id") WHERE "api_clients"."deleted_at" is null;