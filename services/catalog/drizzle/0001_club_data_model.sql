CREATE TABLE "catalog"."club_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "catalog"."club_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"club_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"link" text,
	"links" text[] DEFAULT '{}'::text[] NOT NULL,
	"virtual_link" text,
	"location" text DEFAULT '' NOT NULL,
	"tags" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"invite_only" boolean DEFAULT false NOT NULL,
	"event_start" timestamp with time zone NOT NULL,
	"event_end" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."club_faq" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "catalog"."club_faq_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"club_id" uuid NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."club_gallery_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "catalog"."club_gallery_media_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"club_id" uuid NOT NULL,
	"type" text DEFAULT 'picture' NOT NULL,
	"url" text NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"object_key" text
);
--> statement-breakpoint
CREATE TABLE "catalog"."club_link_redirects" (
	"link_name" text PRIMARY KEY NOT NULL,
	"club_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."club_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "catalog"."club_resources_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"club_id" uuid NOT NULL,
	"name" text NOT NULL,
	"link" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."clubs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" text NOT NULL,
	"owner_email" text NOT NULL,
	"name" text NOT NULL,
	"link_name" text NOT NULL,
	"tags" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"app_required" boolean DEFAULT false NOT NULL,
	"new_members" boolean DEFAULT false NOT NULL,
	"num_users" integer DEFAULT 0 NOT NULL,
	"logo_url" text,
	"banner_url" text,
	"about_us" text DEFAULT '' NOT NULL,
	"get_involved" text DEFAULT '' NOT NULL,
	"apply_link" text,
	"apply_deadline_start" timestamp with time zone,
	"apply_deadline_end" timestamp with time zone,
	"recruiting_start" timestamp with time zone,
	"recruiting_end" timestamp with time zone,
	"social_media_links" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"confirmed" boolean DEFAULT false NOT NULL,
	"reactivated" boolean DEFAULT true NOT NULL,
	"reactivated_last" timestamp with time zone,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated" timestamp with time zone DEFAULT now() NOT NULL,
	"events_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("catalog"."clubs"."name", '')), 'A')
          || setweight(to_tsvector('english', coalesce("catalog"."clubs"."about_us", '')), 'B')
          || setweight(to_tsvector('english', coalesce("catalog"."clubs"."get_involved", '')), 'C')
          || setweight(to_tsvector('english', coalesce("catalog"."clubs"."events_text", '')), 'D')) STORED NOT NULL,
	CONSTRAINT "clubs_owner_user_id_unique" UNIQUE("owner_user_id"),
	CONSTRAINT "clubs_link_name_unique" UNIQUE("link_name")
);
--> statement-breakpoint
CREATE TABLE "catalog"."majors" (
	"id" integer PRIMARY KEY NOT NULL,
	"major" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."minors" (
	"id" integer PRIMARY KEY NOT NULL,
	"minor" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."student_board_entries" (
	"student_id" text NOT NULL,
	"club_id" uuid NOT NULL,
	"board_column" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "student_board_entries_student_id_board_column_club_id_pk" PRIMARY KEY("student_id","board_column","club_id")
);
--> statement-breakpoint
CREATE TABLE "catalog"."student_favorite_clubs" (
	"student_id" text NOT NULL,
	"club_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "student_favorite_clubs_student_id_club_id_pk" PRIMARY KEY("student_id","club_id")
);
--> statement-breakpoint
CREATE TABLE "catalog"."student_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"full_name" text DEFAULT '' NOT NULL,
	"majors" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"minors" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"year" integer,
	"interests" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."student_visited_clubs" (
	"student_id" text NOT NULL,
	"club_id" uuid NOT NULL,
	"visited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"visits" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "student_visited_clubs_student_id_club_id_pk" PRIMARY KEY("student_id","club_id")
);
--> statement-breakpoint
CREATE TABLE "catalog"."years" (
	"id" integer PRIMARY KEY NOT NULL,
	"year" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog"."club_events" ADD CONSTRAINT "club_events_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "catalog"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."club_faq" ADD CONSTRAINT "club_faq_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "catalog"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."club_gallery_media" ADD CONSTRAINT "club_gallery_media_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "catalog"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."club_link_redirects" ADD CONSTRAINT "club_link_redirects_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "catalog"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."club_resources" ADD CONSTRAINT "club_resources_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "catalog"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."student_board_entries" ADD CONSTRAINT "student_board_entries_student_id_student_profiles_user_id_fk" FOREIGN KEY ("student_id") REFERENCES "catalog"."student_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."student_board_entries" ADD CONSTRAINT "student_board_entries_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "catalog"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."student_favorite_clubs" ADD CONSTRAINT "student_favorite_clubs_student_id_student_profiles_user_id_fk" FOREIGN KEY ("student_id") REFERENCES "catalog"."student_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."student_favorite_clubs" ADD CONSTRAINT "student_favorite_clubs_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "catalog"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."student_visited_clubs" ADD CONSTRAINT "student_visited_clubs_student_id_student_profiles_user_id_fk" FOREIGN KEY ("student_id") REFERENCES "catalog"."student_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."student_visited_clubs" ADD CONSTRAINT "student_visited_clubs_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "catalog"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "club_events_club_idx" ON "catalog"."club_events" USING btree ("club_id","kind","seq");--> statement-breakpoint
CREATE INDEX "club_events_start_idx" ON "catalog"."club_events" USING btree ("event_start");--> statement-breakpoint
CREATE INDEX "club_faq_club_idx" ON "catalog"."club_faq" USING btree ("club_id","seq");--> statement-breakpoint
CREATE INDEX "club_gallery_media_club_idx" ON "catalog"."club_gallery_media" USING btree ("club_id","seq");--> statement-breakpoint
CREATE INDEX "club_link_redirects_club_idx" ON "catalog"."club_link_redirects" USING btree ("club_id");--> statement-breakpoint
CREATE INDEX "club_resources_club_idx" ON "catalog"."club_resources" USING btree ("club_id","seq");--> statement-breakpoint
CREATE INDEX "clubs_search_idx" ON "catalog"."clubs" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "clubs_tags_idx" ON "catalog"."clubs" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "clubs_visible_name_idx" ON "catalog"."clubs" USING btree (lower("name"),"id") WHERE "catalog"."clubs"."confirmed" and "catalog"."clubs"."reactivated";--> statement-breakpoint
CREATE INDEX "clubs_visible_updated_idx" ON "catalog"."clubs" USING btree ("last_updated","id") WHERE "catalog"."clubs"."confirmed" and "catalog"."clubs"."reactivated";--> statement-breakpoint
CREATE INDEX "clubs_filters_idx" ON "catalog"."clubs" USING btree ("num_users","app_required","new_members") WHERE "catalog"."clubs"."confirmed" and "catalog"."clubs"."reactivated";--> statement-breakpoint
CREATE INDEX "clubs_owner_email_idx" ON "catalog"."clubs" USING btree ("owner_email");--> statement-breakpoint
CREATE INDEX "student_board_entries_club_idx" ON "catalog"."student_board_entries" USING btree ("club_id");--> statement-breakpoint
CREATE INDEX "student_favorite_clubs_club_idx" ON "catalog"."student_favorite_clubs" USING btree ("club_id");--> statement-breakpoint
CREATE INDEX "student_visited_clubs_recent_idx" ON "catalog"."student_visited_clubs" USING btree ("student_id","visited_at");--> statement-breakpoint
CREATE INDEX "student_visited_clubs_club_idx" ON "catalog"."student_visited_clubs" USING btree ("club_id");