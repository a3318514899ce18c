CREATE TABLE "engagement"."feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"kind" text NOT NULL,
	"club_id" text,
	"event_id" uuid,
	"rating" integer NOT NULL,
	"comment" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement"."poll_votes" (
	"poll_id" uuid NOT NULL,
	"voter" text NOT NULL,
	"option_id" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "poll_votes_poll_id_voter_pk" PRIMARY KEY("poll_id","voter")
);
--> statement-breakpoint
CREATE TABLE "engagement"."polls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"club_id" text NOT NULL,
	"question" text NOT NULL,
	"options" jsonb NOT NULL,
	"anonymous" boolean NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement"."reminder_preferences" (
	"account_id" text PRIMARY KEY NOT NULL,
	"sms" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement"."reminders_sent" (
	"account_id" text NOT NULL,
	"event_id" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reminders_sent_account_id_event_id_pk" PRIMARY KEY("account_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "engagement"."verified_phones" (
	"account_id" text PRIMARY KEY NOT NULL,
	"phone" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "engagement"."poll_votes" ADD CONSTRAINT "poll_votes_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "engagement"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_account_created_idx" ON "engagement"."feedback" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "feedback_club_idx" ON "engagement"."feedback" USING btree ("club_id","created_at");--> statement-breakpoint
CREATE INDEX "feedback_kind_created_idx" ON "engagement"."feedback" USING btree ("kind","created_at");--> statement-breakpoint
CREATE INDEX "polls_club_created_idx" ON "engagement"."polls" USING btree ("club_id","created_at");