CREATE SCHEMA "engagement";
--> statement-breakpoint
CREATE TABLE "engagement"."aggregate_versions" (
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "aggregate_versions_aggregate_type_aggregate_id_pk" PRIMARY KEY("aggregate_type","aggregate_id")
);
--> statement-breakpoint
CREATE TABLE "engagement"."application_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"club_id" text NOT NULL,
	"position" integer NOT NULL,
	"prompt" text NOT NULL,
	"required" boolean NOT NULL,
	"choices" jsonb
);
--> statement-breakpoint
CREATE TABLE "engagement"."applied_versions" (
	"consumer" text NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"version" bigint NOT NULL,
	"ended" boolean DEFAULT false NOT NULL,
	CONSTRAINT "applied_versions_consumer_aggregate_type_aggregate_id_pk" PRIMARY KEY("consumer","aggregate_type","aggregate_id")
);
--> statement-breakpoint
CREATE TABLE "engagement"."clubs" (
	"id" text PRIMARY KEY NOT NULL,
	"link_name" text NOT NULL,
	"name" text NOT NULL,
	"accepting" boolean NOT NULL,
	"application_required" boolean NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement"."inbox" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "engagement"."membership_moves" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"membership_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"by" text NOT NULL,
	"actor_id" text,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement"."memberships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"club_id" text NOT NULL,
	"account_id" text NOT NULL,
	"status" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"has_resume" boolean DEFAULT false NOT NULL,
	"year" integer,
	"major" integer,
	"applied_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "memberships_club_account_unique" UNIQUE("club_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "engagement"."officers" (
	"club_id" text NOT NULL,
	"account_id" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "officers_club_id_account_id_pk" PRIMARY KEY("club_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "engagement"."outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"version" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text,
	CONSTRAINT "outbox_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "engagement"."people" (
	"account_id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text
);
--> statement-breakpoint
CREATE TABLE "engagement"."student_profiles" (
	"account_id" text PRIMARY KEY NOT NULL,
	"year" integer,
	"majors" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "engagement"."membership_moves" ADD CONSTRAINT "membership_moves_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "engagement"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_questions_club_idx" ON "engagement"."application_questions" USING btree ("club_id","position");--> statement-breakpoint
CREATE INDEX "clubs_link_name_idx" ON "engagement"."clubs" USING btree ("link_name");--> statement-breakpoint
CREATE INDEX "membership_moves_membership_idx" ON "engagement"."membership_moves" USING btree ("membership_id","id");--> statement-breakpoint
CREATE INDEX "memberships_club_status_idx" ON "engagement"."memberships" USING btree ("club_id","status");--> statement-breakpoint
CREATE INDEX "memberships_account_idx" ON "engagement"."memberships" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "officers_account_idx" ON "engagement"."officers" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "outbox_unsent_idx" ON "engagement"."outbox" USING btree ("id") WHERE "engagement"."outbox"."sent_at" is null and "engagement"."outbox"."error" is null;