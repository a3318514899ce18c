CREATE TABLE "monitor"."club_images" (
	"image_id" text PRIMARY KEY NOT NULL,
	"club_id" text NOT NULL,
	"purpose" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "club_images_club_idx" ON "monitor"."club_images" USING btree ("club_id","purpose");