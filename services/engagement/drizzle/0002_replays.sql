CREATE TABLE "engagement"."replay_answers" (
	"replay_id" uuid NOT NULL,
	"service" text NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "replay_answers_replay_id_service_pk" PRIMARY KEY("replay_id","service")
);
--> statement-breakpoint
CREATE TABLE "engagement"."replays" (
	"replay_id" uuid PRIMARY KEY NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"asks" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "engagement"."replay_answers" ADD CONSTRAINT "replay_answers_replay_id_replays_replay_id_fk" FOREIGN KEY ("replay_id") REFERENCES "engagement"."replays"("replay_id") ON DELETE cascade ON UPDATE no action;