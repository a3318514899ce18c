DROP INDEX "catalog"."clubs_search_idx";--> statement-breakpoint
DROP INDEX "catalog"."clubs_prefix_idx";--> statement-breakpoint
DROP INDEX "catalog"."clubs_tags_idx";--> statement-breakpoint
CREATE INDEX "clubs_search_idx" ON "catalog"."clubs" USING gin ("search_vector") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "clubs_prefix_idx" ON "catalog"."clubs" USING gin ("prefix_vector") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "clubs_tags_idx" ON "catalog"."clubs" USING gin ("tags") WITH (fastupdate=false);