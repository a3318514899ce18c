DROP INDEX "catalog"."clubs_visible_name_idx";--> statement-breakpoint
DROP INDEX "catalog"."clubs_visible_updated_idx";--> statement-breakpoint
DROP INDEX "catalog"."clubs_filters_idx";--> statement-breakpoint
ALTER TABLE "catalog"."clubs" ADD COLUMN "hidden" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "clubs_visible_name_idx" ON "catalog"."clubs" USING btree (lower("name"),"id") WHERE "catalog"."clubs"."confirmed" and "catalog"."clubs"."reactivated" and not "catalog"."clubs"."hidden";--> statement-breakpoint
CREATE INDEX "clubs_visible_updated_idx" ON "catalog"."clubs" USING btree ("last_updated","id") WHERE "catalog"."clubs"."confirmed" and "catalog"."clubs"."reactivated" and not "catalog"."clubs"."hidden";--> statement-breakpoint
CREATE INDEX "clubs_filters_idx" ON "catalog"."clubs" USING btree ("num_users","app_required","new_members") WHERE "catalog"."clubs"."confirmed" and "catalog"."clubs"."reactivated" and not "catalog"."clubs"."hidden";--> statement-breakpoint
-- Added by hand (drizzle-kit does not model functions or triggers): club_search's `visible` now also
-- requires that no admin hid the club, and a change of `hidden` alone fires the trigger. Every existing
-- club has hidden = false, so no club_search row changes.
CREATE OR REPLACE FUNCTION "catalog"."club_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.name, NEW.about_us, NEW.get_involved, NEW.events_text)
      IS NOT DISTINCT FROM (OLD.name, OLD.about_us, OLD.get_involved, OLD.events_text) THEN
    -- The text is unchanged (the recruiting scheduler, a confirmation, a tag edit, hiding): the vector stays.
    UPDATE "catalog"."club_search" SET
      visible = NEW.confirmed AND NEW.reactivated AND NOT NEW.hidden, app_required = NEW.app_required,
      new_members = NEW.new_members, num_users = NEW.num_users, last_updated = NEW.last_updated,
      apply_deadline_start = NEW.apply_deadline_start, apply_deadline_end = NEW.apply_deadline_end,
      recruiting_start = NEW.recruiting_start, recruiting_end = NEW.recruiting_end, tags = NEW.tags
    WHERE club_id = NEW.id;
    RETURN NULL;
  END IF;
  INSERT INTO "catalog"."club_search" (club_id, visible, app_required, new_members, num_users, last_updated,
      apply_deadline_start, apply_deadline_end, recruiting_start, recruiting_end, tags, name_key, search_vector)
    VALUES (NEW.id, NEW.confirmed AND NEW.reactivated AND NOT NEW.hidden, NEW.app_required, NEW.new_members,
      NEW.num_users, NEW.last_updated, NEW.apply_deadline_start, NEW.apply_deadline_end, NEW.recruiting_start,
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
DROP TRIGGER "club_search_sync" ON "catalog"."clubs";--> statement-breakpoint
CREATE TRIGGER "club_search_sync"
  AFTER INSERT OR UPDATE OF name, about_us, get_involved, events_text, confirmed, reactivated, hidden,
    app_required, new_members, num_users, last_updated, apply_deadline_start, apply_deadline_end,
    recruiting_start, recruiting_end, tags
  ON "catalog"."clubs" FOR EACH ROW EXECUTE FUNCTION "catalog"."club_search_sync"();
