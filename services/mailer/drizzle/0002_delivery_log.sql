CREATE TABLE "mailer"."deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"template" text NOT NULL,
	"subject" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"provider_message_id" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mailer"."suppressions" (
	"address" text NOT NULL,
	"scope" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppressions_address_scope_pk" PRIMARY KEY("address","scope")
);
--> statement-breakpoint
CREATE INDEX "deliveries_to_created_idx" ON "mailer"."deliveries" USING btree ("to","created_at");--> statement-breakpoint
CREATE INDEX "deliveries_status_idx" ON "mailer"."deliveries" USING btree ("status") WHERE status in ('queued', 'sending');