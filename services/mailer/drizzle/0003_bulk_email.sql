CREATE TABLE "mailer"."bulk_emails" (
	"bulk_id" uuid PRIMARY KEY NOT NULL,
	"club_id" text NOT NULL,
	"club_name" text NOT NULL,
	"requested_by" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mailer"."bulk_recipients" (
	"bulk_id" uuid NOT NULL,
	"email" text NOT NULL,
	"user_id" text,
	"fields" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"delivery_id" uuid NOT NULL,
	"claim_token" uuid,
	"claimed_at" timestamp with time zone,
	"not_before" timestamp with time zone,
	"in_doubt" boolean DEFAULT false NOT NULL,
	"provider_message_id" text,
	"sent_at" timestamp with time zone,
	CONSTRAINT "bulk_recipients_bulk_id_email_pk" PRIMARY KEY("bulk_id","email")
);
--> statement-breakpoint
ALTER TABLE "mailer"."bulk_recipients" ADD CONSTRAINT "bulk_recipients_bulk_id_bulk_emails_bulk_id_fk" FOREIGN KEY ("bulk_id") REFERENCES "mailer"."bulk_emails"("bulk_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_recipients_open_idx" ON "mailer"."bulk_recipients" USING btree ("bulk_id","status") WHERE status in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "bulk_recipients_claimed_idx" ON "mailer"."bulk_recipients" USING btree ("claimed_at");