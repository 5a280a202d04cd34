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
ALTER TABLE "call_attempts" ADD CONSTRAINT "call_attempts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_dials" ADD CONSTRAINT "target_dials_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_attempts_call_attempt_key" ON "call_attempts" USING btree ("call_id","attempt");--> statement-breakpoint
CREATE UNIQUE INDEX "call_attempts_call_sid_key" ON "call_attempts" USING btree ("call_sid");--> statement-breakpoint
CREATE INDEX "call_attempts_open_idx" ON "call_attempts" USING btree ("placement","created_at") WHERE "call_attempts"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "target_dials_call_dial_key" ON "target_dials" USING btree ("call_id","dial");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_one_live_per_number_key" ON "calls" USING btree ("page_id","member_phone") WHERE "calls"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "calls_idempotency_key" ON "calls" USING btree ("page_id","member_phone","idempotency_key");--> statement-breakpoint
CREATE INDEX "calls_live_idx" ON "calls" USING btree ("created_at") WHERE "calls"."ended_at" is null;--> statement-breakpoint
ALTER TABLE "calls" DROP COLUMN "twilio_call_sid";--> statement-breakpoint
ALTER TABLE "calls" DROP COLUMN "target_retry_offered";--> statement-breakpoint
ALTER TABLE "calls" DROP COLUMN "target_call_info";