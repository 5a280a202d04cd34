ALTER TABLE "call_targets" ADD COLUMN "pinned" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "target_dials" ADD COLUMN "position" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "target_dials" ADD COLUMN "redial" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "target_dials" ADD COLUMN "again" integer DEFAULT 0 NOT NULL;