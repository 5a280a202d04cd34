CREATE TABLE "sim_call_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"call_sid" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "sim_calls" (
	"sid" text PRIMARY KEY NOT NULL,
	"account_sid" text NOT NULL,
	"parent_call_sid" text,
	"direction" text NOT NULL,
	"from" text NOT NULL,
	"to" text NOT NULL,
	"status" text NOT NULL,
	"url" text,
	"method" text DEFAULT 'POST' NOT NULL,
	"fallback_url" text,
	"fallback_method" text DEFAULT 'POST' NOT NULL,
	"status_callback" text,
	"status_callback_method" text DEFAULT 'POST' NOT NULL,
	"status_callback_events" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"timeout" integer DEFAULT 60 NOT NULL,
	"sequence_number" integer DEFAULT 0 NOT NULL,
	"start_time" timestamp with time zone,
	"end_time" timestamp with time zone,
	"duration" integer,
	"answer_request" text,
	"pending_digits" text DEFAULT '' NOT NULL,
	"hangup_requested" boolean DEFAULT false NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"redirect_url" text,
	"redirect_method" text,
	"activity" text DEFAULT '' NOT NULL,
	"bridged_with" text,
	"bridge_ended_at" timestamp with time zone,
	"queue_sid" text,
	"enqueued_at" timestamp with time zone,
	"dequeued_by" text,
	"dequeue_url" text,
	"dequeue_method" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_phones" (
	"number" text PRIMARY KEY NOT NULL,
	"behavior" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_queues" (
	"sid" text PRIMARY KEY NOT NULL,
	"account_sid" text NOT NULL,
	"friendly_name" text NOT NULL,
	"max_size" integer DEFAULT 1000 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sim_call_log_call_idx" ON "sim_call_log" USING btree ("call_sid","id");--> statement-breakpoint
CREATE INDEX "sim_calls_queue_idx" ON "sim_calls" USING btree ("queue_sid","enqueued_at");--> statement-breakpoint
CREATE INDEX "sim_calls_created_idx" ON "sim_calls" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sim_queues_name_key" ON "sim_queues" USING btree ("account_sid","friendly_name");