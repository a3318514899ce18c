CREATE TABLE "catalog"."club_owner_grants" (
	"club_id" uuid NOT NULL,
	"account_id" text NOT NULL,
	"email" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "club_owner_grants_club_id_account_id_pk" PRIMARY KEY("club_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "catalog"."clubs" DROP CONSTRAINT "clubs_owner_user_id_unique";--> statement-breakpoint
ALTER TABLE "catalog"."club_owner_grants" ADD CONSTRAINT "club_owner_grants_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "catalog"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clubs_owner_user_idx" ON "catalog"."clubs" USING btree ("owner_user_id");--> statement-breakpoint
-- Every existing club's owner is its registrant until auth says otherwise.
INSERT INTO "catalog"."club_owner_grants" ("club_id", "account_id", "email") SELECT "id", "owner_user_id", "owner_email" FROM "catalog"."clubs" ON CONFLICT DO NOTHING;