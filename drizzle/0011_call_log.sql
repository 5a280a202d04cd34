CREATE TABLE "call_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"step" text NOT NULL,
	"replay" integer DEFAULT 0 NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"wrong" integer DEFAULT 0 NOT NULL,
	"digits" text DEFAULT '' NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "member_status" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "target_status" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "talk_seconds" integer;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "attempt_count" integer;--> statement-breakpoint
ALTER TABLE "call_steps" ADD CONSTRAINT "call_steps_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_steps_request_key" ON "call_steps" USING btree ("call_id","attempt","step","replay","round","wrong");--> statement-breakpoint
CREATE INDEX "calls_log_idx" ON "calls" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "calls_log_page_idx" ON "calls" USING btree ("page_id","created_at","id");--> statement-breakpoint
CREATE INDEX "calls_log_plugin_idx" ON "calls" USING btree ("plugin_id","created_at","id");--> statement-breakpoint
CREATE INDEX "calls_log_target_idx" ON "calls" USING btree ("target_id","created_at","id");--> statement-breakpoint
CREATE INDEX "calls_log_outcome_idx" ON "calls" USING btree ("outcome","created_at","id");--> statement-breakpoint
CREATE INDEX "calls_log_member_status_idx" ON "calls" USING btree ("member_status","created_at","id");--> statement-breakpoint
CREATE INDEX "calls_log_target_status_idx" ON "calls" USING btree ("target_status","created_at","id");--> statement-breakpoint
CREATE INDEX "calls_log_phone_tail_idx" ON "calls" USING btree (reverse("member_phone") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "calls_unsettled_idx" ON "calls" USING btree ("ended_at") WHERE "calls"."outcome" is null and "calls"."ended_at" is not null;