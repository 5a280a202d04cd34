CREATE TABLE "clip_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plugin_id" uuid NOT NULL,
	"slot" text NOT NULL,
	"clip_id" uuid NOT NULL,
	"attached_by" uuid,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clip_versions" ADD CONSTRAINT "clip_versions_plugin_id_plugins_id_fk" FOREIGN KEY ("plugin_id") REFERENCES "public"."plugins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clip_versions" ADD CONSTRAINT "clip_versions_clip_id_sound_clips_id_fk" FOREIGN KEY ("clip_id") REFERENCES "public"."sound_clips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clip_versions" ADD CONSTRAINT "clip_versions_attached_by_users_id_fk" FOREIGN KEY ("attached_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clip_versions_slot_clip_key" ON "clip_versions" USING btree ("plugin_id","slot","clip_id");--> statement-breakpoint
CREATE INDEX "clip_versions_plugin_idx" ON "clip_versions" USING btree ("plugin_id","attached_at");