CREATE TABLE "engagement"."message_recipients" (
	"message_id" uuid NOT NULL,
	"email" text NOT NULL,
	"account_id" text NOT NULL,
	"name" text,
	"status" text NOT NULL,
	"error" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "message_recipients_message_id_email_pk" PRIMARY KEY("message_id","email")
);
--> statement-breakpoint
CREATE TABLE "engagement"."messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"club_id" text NOT NULL,
	"sent_by" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"filter" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "engagement"."message_recipients" ADD CONSTRAINT "message_recipients_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "engagement"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_recipients_account_idx" ON "engagement"."message_recipients" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "messages_club_created_idx" ON "engagement"."messages" USING btree ("club_id","created_at");