CREATE TABLE "catalog"."cancelled_club_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"club_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"url" text,
	"invite_only" boolean DEFAULT false NOT NULL,
	"event_start" timestamp with time zone NOT NULL,
	"event_end" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog"."cancelled_club_events" ADD CONSTRAINT "cancelled_club_events_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "catalog"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cancelled_club_events_club_idx" ON "catalog"."cancelled_club_events" USING btree ("club_id","cancelled_at");--> statement-breakpoint
CREATE INDEX "cancelled_club_events_at_idx" ON "catalog"."cancelled_club_events" USING btree ("cancelled_at");