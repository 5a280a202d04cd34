CREATE TABLE "call_stats_talk_buckets" (
	"page_id" uuid NOT NULL,
	"plugin_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"bucket" integer NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "call_stats_talk_buckets_page_id_plugin_id_target_id_bucket_pk" PRIMARY KEY("page_id","plugin_id","target_id","bucket")
);
--> statement-breakpoint
CREATE INDEX "call_stats_talk_buckets_plugin_idx" ON "call_stats_talk_buckets" USING btree ("plugin_id");--> statement-breakpoint
CREATE INDEX "call_stats_talk_target_idx" ON "call_stats_talk" USING btree ("target_id","seconds");--> statement-breakpoint
-- Talk times rolled up before the buckets existed.
INSERT INTO "call_stats_talk_buckets" ("page_id", "plugin_id", "target_id", "bucket", "count")
SELECT "page_id", "plugin_id", "target_id", "seconds" / 32, sum("count")::int FROM "call_stats_talk" GROUP BY 1, 2, 3, 4;
