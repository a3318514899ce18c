CREATE TABLE "monitor"."replay_answers" (
	"replay_id" uuid NOT NULL,
	"service" text NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "replay_answers_replay_id_service_pk" PRIMARY KEY("replay_id","service")
);
--> statement-breakpoint
ALTER TABLE "monitor"."replays" ADD COLUMN "last_asked_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "monitor"."replays" ADD COLUMN "asks" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "monitor"."replay_answers" ADD CONSTRAINT "replay_answers_replay_id_replays_replay_id_fk" FOREIGN KEY ("replay_id") REFERENCES "monitor"."replays"("replay_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Replays asked for before owners said when they were done: taken as answered, or the retry job would
-- ask every owner to restate everything again right after the upgrade.
INSERT INTO "monitor"."replay_answers" ("replay_id", "service")
SELECT "replay_id", "owner" FROM "monitor"."replays" CROSS JOIN (VALUES ('auth'), ('catalog'), ('media')) AS "owners" ("owner");
