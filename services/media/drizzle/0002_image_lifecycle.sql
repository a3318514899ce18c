CREATE TABLE "media"."clubs" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_user_id" text NOT NULL,
	"link_name" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media"."image_objects" (
	"image_id" uuid NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "image_objects_image_id_key_pk" PRIMARY KEY("image_id","key")
);
--> statement-breakpoint
CREATE TABLE "media"."images" (
	"id" uuid PRIMARY KEY NOT NULL,
	"club_id" text NOT NULL,
	"purpose" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"url" text NOT NULL,
	"main_key" text NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"position" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "media"."image_objects" ADD CONSTRAINT "image_objects_image_id_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "media"."images"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "image_objects_key_idx" ON "media"."image_objects" USING btree ("key");--> statement-breakpoint
CREATE INDEX "images_club_idx" ON "media"."images" USING btree ("club_id","purpose","state");--> statement-breakpoint
CREATE INDEX "images_state_idx" ON "media"."images" USING btree ("state");