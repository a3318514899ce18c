CREATE TABLE "engagement"."calendar_feeds" (
	"account_id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	CONSTRAINT "calendar_feeds_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "engagement"."club_events" (
	"id" text PRIMARY KEY NOT NULL,
	"club_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"location" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"invite_only" boolean NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"capacity" integer,
	"waitlist" boolean DEFAULT true NOT NULL,
	"members_only" boolean DEFAULT false NOT NULL,
	"rsvp_deadline" timestamp with time zone,
	"no_shows_done" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement"."rsvps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"club_id" text NOT NULL,
	"account_id" text,
	"email" text NOT NULL,
	"name" text,
	"status" text NOT NULL,
	"queue_no" integer,
	"check_ins" integer DEFAULT 0 NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rsvps_event_account_unique" UNIQUE("event_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "engagement"."rsvps" ADD CONSTRAINT "rsvps_event_id_club_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "engagement"."club_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "club_events_club_idx" ON "engagement"."club_events" USING btree ("club_id");--> statement-breakpoint
CREATE INDEX "club_events_ends_idx" ON "engagement"."club_events" USING btree ("ends_at");--> statement-breakpoint
CREATE INDEX "rsvps_event_status_idx" ON "engagement"."rsvps" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "rsvps_account_idx" ON "engagement"."rsvps" USING btree ("account_id");