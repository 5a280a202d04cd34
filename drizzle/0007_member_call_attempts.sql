CREATE TABLE "call_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"placement" text DEFAULT 'waiting' NOT NULL,
	"call_sid" text,
	"scheduled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"placed_at" timestamp with time zone,
	"status" text,
	"last_sequence" integer DEFAULT -1 NOT NULL,
	"ringing_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"duration" integer,
	"answered_by" text,
	"error_code" integer,
	"error_message" text,
	"checked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_dials" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"dial" integer NOT NULL,
	"attempt" integer NOT NULL,
	"target_id" uuid,
	"target_name" text NOT NULL,
	"dial_call_sid" text,
	"dial_call_status" text,
	"duration" integer,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"error_code" integer,
	"error_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_pacing" (
	"account" text PRIMARY KEY NOT NULL,
	"next_slot" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "calls_twilio_call_sid_key";--> statement-breakpoint
ALTER TABLE "call_events" ADD COLUMN "attempt" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "call_events" ADD COLUMN "call_duration" integer;--> statement-breakpoint
ALTER TABLE "call_events" ADD COLUMN "answered_by" text;--> statement-breakpoint
ALTER TABLE "call_events" ADD COLUMN "error_code" integer;--> statement-breakpoint
ALTER TABLE "call_events" ADD COLUMN "error_message" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
-- Calls made before this migration are over: they don't hold the one-live-call-per-number slot.
UPDATE "calls" SET "ended_at" = "updated_at";--> statement-breakpoint
-- Each earlier call was one attempt; its member-leg status is its latest callback's.
INSERT INTO "call_attempts" ("call_id", "attempt", "placement", "call_sid", "scheduled_at", "placed_at", "status", "last_sequence", "ringing_at", "answered_at", "ended_at", "error_code", "error_message", "created_at", "updated_at")
SELECT c."id", 1,
  CASE WHEN c."twilio_call_sid" IS NOT NULL THEN 'placed' WHEN c."status" = 'failed' THEN 'refused' ELSE 'unknown' END,
  c."twilio_call_sid", c."created_at", c."created_at", e."call_status", coalesce(e."sequence_number", -1),
  CASE WHEN e."call_status" IS NOT NULL AND e."call_status" <> 'failed' THEN c."created_at" END,
  CASE WHEN c."status" IN ('started', 'connected') THEN c."created_at" END,
  c."updated_at", c."failure_code", c."failure_message", c."created_at", c."updated_at"
FROM "calls" c
LEFT JOIN LATERAL (SELECT "call_status", "sequence_number" FROM "call_events" WHERE "call_id" = c."id" ORDER BY "sequence_number" DESC LIMIT 1) e ON true;--> statement-breakpoint
-- Each earlier Dial result was kept in target_call_info.attempts: one dial each, in order.
INSERT INTO "target_dials" ("call_id", "dial", "attempt", "target_id", "target_name", "dial_call_sid", "dial_call_status", "duration", "answered_at", "ended_at", "created_at")
SELECT c."id", d.n, 1, c."target_id", coalesce(c."script"->'target'->>'name', ''), d.v->>'DialCallSid', d.v->>'DialCallStatus',
  CASE WHEN d.v->>'DialCallDuration' ~ '^[0-9]+$' THEN (d.v->>'DialCallDuration')::integer END,
  CASE WHEN d.v->>'DialCallStatus' = 'completed' AND c."target_call_info"->>'answeredAt' IS NOT NULL THEN (c."target_call_info"->>'answeredAt')::timestamptz END,
  c."updated_at", c."created_at"
FROM "calls" c, jsonb_array_elements(CASE WHEN jsonb_typeof(c."target_call_info"->'attempts') = 'array' THEN c."target_call_info"->'attempts' ELSE '[]'::jsonb END) WITH ORDINALITY AS d(v, n);--> statement-breakpoint
ALTER TABLE "call_attempts" ADD CONSTRAINT "call_attempts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_dials" ADD CONSTRAINT "target_dials_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_attempts_call_attempt_key" ON "call_attempts" USING btree ("call_id","attempt");--> statement-breakpoint
CREATE UNIQUE INDEX "call_attempts_call_sid_key" ON "call_attempts" USING btree ("call_sid");--> statement-breakpoint
CREATE INDEX "call_attempts_open_idx" ON "call_attempts" USING btree ("placement","created_at") WHERE "call_attempts"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "target_dials_call_dial_key" ON "target_dials" USING btree ("call_id","dial");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_one_live_per_number_key" ON "calls" USING btree ("page_id","member_phone") WHERE "calls"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "calls_idempotency_key" ON "calls" USING btree ("page_id","member_phone","idempotency_key");--> statement-breakpoint
CREATE INDEX "calls_live_idx" ON "calls" USING btree ("created_at") WHERE "calls"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "calls_number_idx" ON "calls" USING btree ("page_id","member_phone","created_at");--> statement-breakpoint
ALTER TABLE "calls" DROP COLUMN "twilio_call_sid";--> statement-breakpoint
ALTER TABLE "calls" DROP COLUMN "target_retry_offered";--> statement-breakpoint
ALTER TABLE "calls" DROP COLUMN "target_call_info";