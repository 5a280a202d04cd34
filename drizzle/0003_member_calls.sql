CREATE TABLE "blocklist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"expires_at" timestamp with time zone,
	"hit_count" integer DEFAULT 0 NOT NULL,
	"last_hit_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"call_sid" text NOT NULL,
	"sequence_number" integer NOT NULL,
	"call_status" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid,
	"plugin_id" uuid,
	"target_id" uuid,
	"member_phone" text NOT NULL,
	"member_country" text NOT NULL,
	"member_ip" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'unstarted' NOT NULL,
	"script" jsonb NOT NULL,
	"twilio_call_sid" text,
	"failure_code" integer,
	"failure_message" text,
	"menu_rounds" integer DEFAULT 0 NOT NULL,
	"target_retry_offered" integer DEFAULT 0 NOT NULL,
	"target_call_info" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_plugin_id_plugins_id_fk" FOREIGN KEY ("plugin_id") REFERENCES "public"."plugins"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "blocklist_kind_value_key" ON "blocklist" USING btree ("kind","value");--> statement-breakpoint
CREATE UNIQUE INDEX "call_events_dedupe_key" ON "call_events" USING btree ("call_id","call_sid","sequence_number","call_status");--> statement-breakpoint
CREATE INDEX "calls_created_idx" ON "calls" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "calls_plugin_idx" ON "calls" USING btree ("plugin_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_twilio_call_sid_key" ON "calls" USING btree ("twilio_call_sid");