-- Public answers are cached in each replica's memory (src/read-cache/). Every write to a table they are
-- made of notifies `catalog_changed`; PostgreSQL delivers it to every listening replica when the
-- transaction commits (and dedupes identical notifications within one), whatever wrote: a route, a
-- handler, a job, or SQL run by hand. Student tables are left out: personal answers are never cached.
CREATE FUNCTION "catalog"."notify_catalog_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('catalog_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "clubs_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."clubs" FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "clubs_truncated" AFTER TRUNCATE ON "catalog"."clubs" FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "club_search_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."club_search" FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "club_search_truncated" AFTER TRUNCATE ON "catalog"."club_search" FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "club_events_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."club_events" FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "club_events_truncated" AFTER TRUNCATE ON "catalog"."club_events" FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "cancelled_club_events_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."cancelled_club_events" FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "cancelled_club_events_truncated" AFTER TRUNCATE ON "catalog"."cancelled_club_events" FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "club_faq_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."club_faq" FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "club_faq_truncated" AFTER TRUNCATE ON "catalog"."club_faq" FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "club_gallery_media_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."club_gallery_media" FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "club_gallery_media_truncated" AFTER TRUNCATE ON "catalog"."club_gallery_media" FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "club_resources_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."club_resources" FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "club_resources_truncated" AFTER TRUNCATE ON "catalog"."club_resources" FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "club_link_redirects_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."club_link_redirects" FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "club_link_redirects_truncated" AFTER TRUNCATE ON "catalog"."club_link_redirects" FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "tags_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."tags" FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "tags_truncated" AFTER TRUNCATE ON "catalog"."tags" FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "num_user_tags_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."num_user_tags" FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "num_user_tags_truncated" AFTER TRUNCATE ON "catalog"."num_user_tags" FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "majors_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."majors" FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "majors_truncated" AFTER TRUNCATE ON "catalog"."majors" FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "minors_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."minors" FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "minors_truncated" AFTER TRUNCATE ON "catalog"."minors" FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "years_changed" AFTER INSERT OR UPDATE OR DELETE ON "catalog"."years" FOR EACH ROW EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
--> statement-breakpoint
CREATE TRIGGER "years_truncated" AFTER TRUNCATE ON "catalog"."years" FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."notify_catalog_changed"();
