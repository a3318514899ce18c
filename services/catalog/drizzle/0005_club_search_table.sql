CREATE TABLE "catalog"."club_search" (
	"club_id" uuid PRIMARY KEY NOT NULL,
	"visible" boolean NOT NULL,
	"app_required" boolean NOT NULL,
	"new_members" boolean NOT NULL,
	"num_users" integer NOT NULL,
	"last_updated" timestamp with time zone NOT NULL,
	"apply_deadline_start" timestamp with time zone,
	"apply_deadline_end" timestamp with time zone,
	"recruiting_start" timestamp with time zone,
	"recruiting_end" timestamp with time zone,
	"tags" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"name_key" text NOT NULL,
	"search_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "catalog"."clubs_search_idx";--> statement-breakpoint
ALTER TABLE "catalog"."club_search" ADD CONSTRAINT "club_search_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "catalog"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "club_search_vector_idx" ON "catalog"."club_search" USING gin ("search_vector") WITH (fastupdate=false) WHERE "catalog"."club_search"."visible";--> statement-breakpoint
ALTER TABLE "catalog"."clubs" DROP COLUMN "search_vector";--> statement-breakpoint
-- Added by hand (drizzle-kit does not model functions or triggers): club_search is kept by a trigger
-- on clubs, in the same transaction as the change, whatever code path makes it.
CREATE FUNCTION "catalog"."club_search_vector"(name text, about_us text, get_involved text, events_text text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, coalesce(about_us, '')), 'B')
      || setweight(to_tsvector('english'::regconfig, coalesce(get_involved, '')), 'C')
      || setweight(to_tsvector('english'::regconfig, coalesce(events_text, '')), 'D')
      || setweight(to_tsvector('simple'::regconfig, coalesce(name, '')), 'A')
      || setweight(to_tsvector('simple'::regconfig, coalesce(about_us, '')), 'B')
      || setweight(to_tsvector('simple'::regconfig, coalesce(get_involved, '')), 'C')
      || setweight(to_tsvector('simple'::regconfig, coalesce(events_text, '')), 'D')
$$;--> statement-breakpoint
CREATE FUNCTION "catalog"."club_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.name, NEW.about_us, NEW.get_involved, NEW.events_text)
      IS NOT DISTINCT FROM (OLD.name, OLD.about_us, OLD.get_involved, OLD.events_text) THEN
    -- The text is unchanged (the recruiting scheduler, a confirmation, a tag edit): the vector stays.
    UPDATE "catalog"."club_search" SET
      visible = NEW.confirmed AND NEW.reactivated, app_required = NEW.app_required,
      new_members = NEW.new_members, num_users = NEW.num_users, last_updated = NEW.last_updated,
      apply_deadline_start = NEW.apply_deadline_start, apply_deadline_end = NEW.apply_deadline_end,
      recruiting_start = NEW.recruiting_start, recruiting_end = NEW.recruiting_end, tags = NEW.tags
    WHERE club_id = NEW.id;
    RETURN NULL;
  END IF;
  INSERT INTO "catalog"."club_search" (club_id, visible, app_required, new_members, num_users, last_updated,
      apply_deadline_start, apply_deadline_end, recruiting_start, recruiting_end, tags, name_key, search_vector)
    VALUES (NEW.id, NEW.confirmed AND NEW.reactivated, NEW.app_required, NEW.new_members, NEW.num_users,
      NEW.last_updated, NEW.apply_deadline_start, NEW.apply_deadline_end, NEW.recruiting_start,
      NEW.recruiting_end, NEW.tags, lower(NEW.name),
      "catalog"."club_search_vector"(NEW.name, NEW.about_us, NEW.get_involved, NEW.events_text))
    ON CONFLICT (club_id) DO UPDATE SET
      visible = EXCLUDED.visible, app_required = EXCLUDED.app_required, new_members = EXCLUDED.new_members,
      num_users = EXCLUDED.num_users, last_updated = EXCLUDED.last_updated,
      apply_deadline_start = EXCLUDED.apply_deadline_start, apply_deadline_end = EXCLUDED.apply_deadline_end,
      recruiting_start = EXCLUDED.recruiting_start, recruiting_end = EXCLUDED.recruiting_end,
      tags = EXCLUDED.tags, name_key = EXCLUDED.name_key, search_vector = EXCLUDED.search_vector;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "club_search_sync"
  AFTER INSERT OR UPDATE OF name, about_us, get_involved, events_text, confirmed, reactivated, app_required,
    new_members, num_users, last_updated, apply_deadline_start, apply_deadline_end, recruiting_start,
    recruiting_end, tags
  ON "catalog"."clubs" FOR EACH ROW EXECUTE FUNCTION "catalog"."club_search_sync"();--> statement-breakpoint
INSERT INTO "catalog"."club_search" (club_id, visible, app_required, new_members, num_users, last_updated,
    apply_deadline_start, apply_deadline_end, recruiting_start, recruiting_end, tags, name_key, search_vector)
  SELECT id, confirmed AND reactivated, app_required, new_members, num_users, last_updated,
    apply_deadline_start, apply_deadline_end, recruiting_start, recruiting_end, tags, lower(name),
    "catalog"."club_search_vector"(name, about_us, get_involved, events_text)
  FROM "catalog"."clubs";
