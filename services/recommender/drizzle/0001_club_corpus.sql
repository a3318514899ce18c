CREATE TABLE "recommender"."clubs" (
	"club_id" text PRIMARY KEY NOT NULL,
	"link_name" text NOT NULL,
	"name" text NOT NULL,
	"tags" integer[] NOT NULL,
	"description" text NOT NULL,
	"visible" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clubs_link_name_unique" UNIQUE("link_name")
);
