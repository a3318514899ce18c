CREATE TABLE "monitor"."accounts" (
	"user_id" text PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"registered_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "monitor"."activity" (
	"user_id" text PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor"."catalog_searches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"counted_to" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor"."clubs" (
	"club_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"tags" integer[] NOT NULL,
	"app_required" boolean NOT NULL,
	"new_members" boolean NOT NULL,
	"visible" boolean NOT NULL,
	"confirmed" boolean NOT NULL,
	"reactivated" boolean NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"reactivated_last" timestamp with time zone,
	"has_logo" boolean NOT NULL,
	"has_banner" boolean NOT NULL,
	"social_links" text[] NOT NULL,
	"apply_deadline_start" timestamp with time zone,
	"apply_deadline_end" timestamp with time zone,
	"recruiting_start" timestamp with time zone,
	"recruiting_end" timestamp with time zone,
	"event_starts" timestamp with time zone[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor"."replays" (
	"replay_id" uuid PRIMARY KEY NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor"."rso_emails" (
	"email" text PRIMARY KEY NOT NULL,
	"listed" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor"."tags" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "accounts_role_idx" ON "monitor"."accounts" USING btree ("role","registered_at");--> statement-breakpoint
CREATE INDEX "activity_last_seen_idx" ON "monitor"."activity" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "catalog_searches_to_idx" ON "monitor"."catalog_searches" USING btree ("counted_to");--> statement-breakpoint
CREATE INDEX "clubs_confirmed_idx" ON "monitor"."clubs" USING btree ("confirmed");