CREATE TABLE "call_stats_counts" (
	"page_id" uuid NOT NULL,
	"plugin_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "call_stats_counts_page_id_plugin_id_dimension_value_pk" PRIMARY KEY("page_id","plugin_id","dimension","value")
);
--> statement-breakpoint
CREATE TABLE "call_stats_daily" (
	"day" date NOT NULL,
	"page_id" uuid NOT NULL,
	"plugin_id" uuid NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"reached" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "call_stats_daily_page_id_plugin_id_day_pk" PRIMARY KEY("page_id","plugin_id","day")
);
--> statement-breakpoint
CREATE TABLE "call_stats_talk" (
	"page_id" uuid NOT NULL,
	"plugin_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"seconds" integer NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "call_stats_talk_page_id_plugin_id_target_id_seconds_pk" PRIMARY KEY("page_id","plugin_id","target_id","seconds")
);
--> statement-breakpoint
CREATE TABLE "call_stats_talk_buckets" (
	"page_id" uuid NOT NULL,
	"plugin_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"bucket" integer NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "call_stats_talk_buckets_page_id_plugin_id_target_id_bucket_pk" PRIMARY KEY("page_id","plugin_id","target_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "call_stats_targets" (
	"page_id" uuid NOT NULL,
	"plugin_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"target_name" text NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"member_answered" integer DEFAULT 0 NOT NULL,
	"heard_message" integer DEFAULT 0 NOT NULL,
	"pressed_one" integer DEFAULT 0 NOT NULL,
	"target_answered" integer DEFAULT 0 NOT NULL,
	"talked_over_30" integer DEFAULT 0 NOT NULL,
	"connected" integer DEFAULT 0 NOT NULL,
	"busy" integer DEFAULT 0 NOT NULL,
	"no_answer" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"talk_seconds" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "call_stats_targets_page_id_plugin_id_target_id_pk" PRIMARY KEY("page_id","plugin_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "call_feedback" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"answer" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pages" ADD COLUMN "call_goal" integer;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "message_heard_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "rolled_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "call_feedback" ADD CONSTRAINT "call_feedback_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_stats_counts_plugin_idx" ON "call_stats_counts" USING btree ("plugin_id");--> statement-breakpoint
CREATE INDEX "call_stats_daily_plugin_idx" ON "call_stats_daily" USING btree ("plugin_id","day");--> statement-breakpoint
CREATE INDEX "call_stats_talk_plugin_idx" ON "call_stats_talk" USING btree ("plugin_id");--> statement-breakpoint
CREATE INDEX "call_stats_talk_target_idx" ON "call_stats_talk" USING btree ("target_id","seconds");--> statement-breakpoint
CREATE INDEX "call_stats_talk_buckets_plugin_idx" ON "call_stats_talk_buckets" USING btree ("plugin_id");--> statement-breakpoint
CREATE INDEX "call_stats_targets_plugin_idx" ON "call_stats_targets" USING btree ("plugin_id");--> statement-breakpoint
CREATE INDEX "calls_page_created_idx" ON "calls" USING btree ("page_id","created_at");--> statement-breakpoint
CREATE INDEX "calls_unrolled_idx" ON "calls" USING btree ("created_at") WHERE "calls"."rolled_up_at" is null;