CREATE TABLE "sim_caller_ids" (
	"sid" text PRIMARY KEY NOT NULL,
	"account_sid" text NOT NULL,
	"phone_number" text NOT NULL,
	"friendly_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	"at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sim_numbers" (
	"sid" text PRIMARY KEY NOT NULL,
	"account_sid" text NOT NULL,
	"phone_number" text NOT NULL,
	"friendly_name" text NOT NULL,
	"voice_url" text,
	"voice_method" text DEFAULT 'POST' NOT NULL,
	"voice_fallback_url" text,
	"voice_fallback_method" text DEFAULT 'POST' NOT NULL,
	"status_callback" text,
	"status_callback_method" text DEFAULT 'POST' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "time_limit" integer DEFAULT 14400 NOT NULL;--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "phone_number_sid" text;--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "dial_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "queue_time" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "machine_detection" text;--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "machine_detection_timeout" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "async_amd" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "async_amd_status_callback" text;--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "async_amd_status_callback_method" text DEFAULT 'POST' NOT NULL;--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "answered_by" text;--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "error_code" integer;--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "error_message" text;--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "gathering" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sim_calls" ADD COLUMN "gatherings" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "sim_caller_ids_number_key" ON "sim_caller_ids" USING btree ("account_sid","phone_number");--> statement-breakpoint
CREATE UNIQUE INDEX "sim_numbers_number_key" ON "sim_numbers" USING btree ("account_sid","phone_number");