CREATE TABLE "auth"."club_officers" (
	"club_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_by" uuid,
	CONSTRAINT "club_officers_club_id_account_id_pk" PRIMARY KEY("club_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "auth"."clubs" (
	"id" text PRIMARY KEY NOT NULL,
	"link_name" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth"."invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"club_id" text NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "auth"."accounts" ADD COLUMN "own_role" text;--> statement-breakpoint
ALTER TABLE "auth"."sessions" ADD COLUMN "club_id" text;--> statement-breakpoint
ALTER TABLE "auth"."club_officers" ADD CONSTRAINT "club_officers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "auth"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "club_officers_one_owner" ON "auth"."club_officers" USING btree ("club_id") WHERE "auth"."club_officers"."role" = 'owner';--> statement-breakpoint
CREATE INDEX "club_officers_account_idx" ON "auth"."club_officers" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_one_pending" ON "auth"."invitations" USING btree ("club_id","email") WHERE "auth"."invitations"."accepted_at" is null and "auth"."invitations"."revoked_at" is null;--> statement-breakpoint
-- Backfill: the account that registered a club (accounts.club_id, from ClubCreated) is its owner.
INSERT INTO "auth"."club_officers" ("club_id", "account_id", "role", "granted_at")
SELECT DISTINCT ON ("club_id") "club_id", "id", 'owner', "registered_at"
FROM "auth"."accounts" WHERE "club_id" IS NOT NULL
ORDER BY "club_id", "registered_at";
