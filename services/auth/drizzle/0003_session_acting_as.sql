ALTER TABLE "auth"."sessions" ADD COLUMN "acting_as" text DEFAULT 'self' NOT NULL;--> statement-breakpoint
-- Live sessions of officers and admins, and of members running a club, go on acting as officers;
-- students' sessions act as students (their tokens had role student before too).
UPDATE "auth"."sessions" AS s SET "acting_as" = 'officer'
FROM "auth"."accounts" AS a
WHERE a."id" = s."account_id"
  AND (a."role" IN ('officer', 'admin')
    OR (a."role" = 'member' AND EXISTS (SELECT 1 FROM "auth"."club_officers" AS o WHERE o."account_id" = a."id")));
