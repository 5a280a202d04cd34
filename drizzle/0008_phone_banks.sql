CREATE TABLE "phone_bank_lead_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone_bank_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"status" text DEFAULT 'placing' NOT NULL,
	"twilio_call_sid" text,
	"twilio_status" text,
	"twilio_sequence" integer DEFAULT -1 NOT NULL,
	"answered_by" text,
	"queue_sid" text,
	"queue_time" integer,
	"dequeued_by" text,
	"duration_seconds" integer,
	"error_code" integer,
	"error_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"connected_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "phone_bank_leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone_bank_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"time_zones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"first_attempt_at" timestamp with time zone,
	"last_outcome" text,
	"disposition" text,
	"notes" text DEFAULT '' NOT NULL,
	"dispositioned_by" uuid,
	"dispositioned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_banks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"script" text DEFAULT '' NOT NULL,
	"inbound_number" text DEFAULT '' NOT NULL,
	"caller_id" text DEFAULT '' NOT NULL,
	"dispositions" jsonb NOT NULL,
	"calling_start" integer DEFAULT 540 NOT NULL,
	"calling_end" integer DEFAULT 1260 NOT NULL,
	"recall" jsonb NOT NULL,
	"machine_detection" boolean DEFAULT false NOT NULL,
	"voicemail_message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_bank_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone_bank_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"access_code" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"consumer_call_sid" text,
	"active_lead_call_id" uuid,
	"auto_connect" boolean DEFAULT false NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "phone_bank_lead_calls" ADD CONSTRAINT "phone_bank_lead_calls_phone_bank_id_phone_banks_id_fk" FOREIGN KEY ("phone_bank_id") REFERENCES "public"."phone_banks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_bank_lead_calls" ADD CONSTRAINT "phone_bank_lead_calls_lead_id_phone_bank_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."phone_bank_leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_bank_lead_calls" ADD CONSTRAINT "phone_bank_lead_calls_session_id_phone_bank_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."phone_bank_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_bank_leads" ADD CONSTRAINT "phone_bank_leads_phone_bank_id_phone_banks_id_fk" FOREIGN KEY ("phone_bank_id") REFERENCES "public"."phone_banks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_bank_leads" ADD CONSTRAINT "phone_bank_leads_dispositioned_by_users_id_fk" FOREIGN KEY ("dispositioned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_banks" ADD CONSTRAINT "phone_banks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_bank_sessions" ADD CONSTRAINT "phone_bank_sessions_phone_bank_id_phone_banks_id_fk" FOREIGN KEY ("phone_bank_id") REFERENCES "public"."phone_banks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_bank_sessions" ADD CONSTRAINT "phone_bank_sessions_volunteer_id_users_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "phone_bank_lead_calls_bank_idx" ON "phone_bank_lead_calls" USING btree ("phone_bank_id","created_at");--> statement-breakpoint
CREATE INDEX "phone_bank_lead_calls_lead_idx" ON "phone_bank_lead_calls" USING btree ("lead_id","attempt");--> statement-breakpoint
CREATE INDEX "phone_bank_lead_calls_sid_idx" ON "phone_bank_lead_calls" USING btree ("twilio_call_sid");--> statement-breakpoint
CREATE UNIQUE INDEX "phone_bank_leads_phone_key" ON "phone_bank_leads" USING btree ("phone_bank_id","phone");--> statement-breakpoint
CREATE INDEX "phone_bank_leads_queue_idx" ON "phone_bank_leads" USING btree ("phone_bank_id","status","next_attempt_at","position");--> statement-breakpoint
CREATE UNIQUE INDEX "phone_bank_sessions_active_code_key" ON "phone_bank_sessions" USING btree ("access_code") WHERE "phone_bank_sessions"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "phone_bank_sessions_active_volunteer_key" ON "phone_bank_sessions" USING btree ("phone_bank_id","volunteer_id") WHERE "phone_bank_sessions"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "phone_bank_sessions_bank_idx" ON "phone_bank_sessions" USING btree ("phone_bank_id","ended_at");--> statement-breakpoint
-- Live updates (lib/phonebank/live.ts): every change to a phone bank's rows notifies channel
-- "phonebank" with the bank and, where there is one, the session, whichever instance made it.
-- Identical payloads in one transaction are delivered once, so a big import is one notification.
CREATE FUNCTION "phone_bank_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed record;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  IF TG_TABLE_NAME = 'phone_banks' THEN
    PERFORM pg_notify('phonebank', json_build_object('bank', changed.id)::text);
  ELSIF TG_TABLE_NAME = 'phone_bank_sessions' THEN
    PERFORM pg_notify('phonebank', json_build_object('bank', changed.phone_bank_id, 'session', changed.id)::text);
  ELSIF TG_TABLE_NAME = 'phone_bank_lead_calls' THEN
    PERFORM pg_notify('phonebank', json_build_object('bank', changed.phone_bank_id, 'session', changed.session_id)::text);
  ELSE
    PERFORM pg_notify('phonebank', json_build_object('bank', changed.phone_bank_id)::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "phone_banks_notify" AFTER INSERT OR UPDATE OR DELETE ON "phone_banks" FOR EACH ROW EXECUTE FUNCTION "phone_bank_notify"();--> statement-breakpoint
CREATE TRIGGER "phone_bank_leads_notify" AFTER INSERT OR UPDATE OR DELETE ON "phone_bank_leads" FOR EACH ROW EXECUTE FUNCTION "phone_bank_notify"();--> statement-breakpoint
CREATE TRIGGER "phone_bank_sessions_notify" AFTER INSERT OR UPDATE OR DELETE ON "phone_bank_sessions" FOR EACH ROW EXECUTE FUNCTION "phone_bank_notify"();--> statement-breakpoint
CREATE TRIGGER "phone_bank_lead_calls_notify" AFTER INSERT OR UPDATE OR DELETE ON "phone_bank_lead_calls" FOR EACH ROW EXECUTE FUNCTION "phone_bank_notify"();
