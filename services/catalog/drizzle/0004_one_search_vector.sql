DROP INDEX "catalog"."clubs_prefix_idx";--> statement-breakpoint
ALTER TABLE "catalog"."clubs" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "catalog"."clubs" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("catalog"."clubs"."name", '')), 'A')
          || setweight(to_tsvector('english', coalesce("catalog"."clubs"."about_us", '')), 'B')
          || setweight(to_tsvector('english', coalesce("catalog"."clubs"."get_involved", '')), 'C')
          || setweight(to_tsvector('english', coalesce("catalog"."clubs"."events_text", '')), 'D')
          || setweight(to_tsvector('simple', coalesce("catalog"."clubs"."name", '')), 'A')
          || setweight(to_tsvector('simple', coalesce("catalog"."clubs"."about_us", '')), 'B')
          || setweight(to_tsvector('simple', coalesce("catalog"."clubs"."get_involved", '')), 'C')
          || setweight(to_tsvector('simple', coalesce("catalog"."clubs"."events_text", '')), 'D')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."clubs" DROP COLUMN "prefix_vector";--> statement-breakpoint
-- Added by hand: dropping the column dropped its index, which drizzle-kit does not see.
CREATE INDEX "clubs_search_idx" ON "catalog"."clubs" USING gin ("search_vector") WITH (fastupdate=false);