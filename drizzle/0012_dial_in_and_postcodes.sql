CREATE TABLE "postcode_areas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plugin_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"keypad" text NOT NULL,
	"attributes" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "direction" text DEFAULT 'outbound' NOT NULL;--> statement-breakpoint
ALTER TABLE "postcode_areas" ADD CONSTRAINT "postcode_areas_plugin_id_plugins_id_fk" FOREIGN KEY ("plugin_id") REFERENCES "public"."plugins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "postcode_areas_plugin_prefix_key" ON "postcode_areas" USING btree ("plugin_id","prefix");--> statement-breakpoint
CREATE INDEX "postcode_areas_plugin_keypad_idx" ON "postcode_areas" USING btree ("plugin_id","keypad");