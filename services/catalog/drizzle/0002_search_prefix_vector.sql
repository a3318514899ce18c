ALTER TABLE "catalog"."clubs" ADD COLUMN "prefix_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce("catalog"."clubs"."name", '')), 'A')
          || setweight(to_tsvector('simple', coalesce("catalog"."clubs"."about_us", '')), 'B')
          || setweight(to_tsvector('simple', coalesce("catalog"."clubs"."get_involved", '')), 'C')
          || setweight(to_tsvector('simple', coalesce("catalog"."clubs"."events_text", '')), 'D')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "clubs_prefix_idx" ON "catalog"."clubs" USING gin ("prefix_vector");