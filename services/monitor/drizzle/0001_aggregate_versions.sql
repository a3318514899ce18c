CREATE TABLE "monitor"."aggregate_versions" (
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "aggregate_versions_aggregate_type_aggregate_id_pk" PRIMARY KEY("aggregate_type","aggregate_id")
);
--> statement-breakpoint
CREATE TABLE "monitor"."applied_versions" (
	"consumer" text NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"version" bigint NOT NULL,
	"ended" boolean DEFAULT false NOT NULL,
	CONSTRAINT "applied_versions_consumer_aggregate_type_aggregate_id_pk" PRIMARY KEY("consumer","aggregate_type","aggregate_id")
);
