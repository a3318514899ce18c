CREATE TABLE "recommender"."model_versions" (
	"version" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted" boolean NOT NULL,
	"reason" text NOT NULL,
	"backend" text NOT NULL,
	"corpus_size" integer NOT NULL,
	"train_ms" integer NOT NULL,
	"params" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"terms" jsonb NOT NULL,
	"idf" "bytea" NOT NULL,
	"projection" "bytea" NOT NULL,
	"dims" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommender"."student_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"interests" integer[] NOT NULL,
	"majors" integer[] NOT NULL,
	"favorite_club_ids" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
