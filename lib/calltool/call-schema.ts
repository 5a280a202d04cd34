import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { pages, plugins } from "../pages/schema";

/** What the phone says and dials, fixed when the call is created: an edit mid-call changes nothing for it. */
export type CallScript = {
  language: string;
  message: { url: string | null; text: string };
  menu: { url: string | null; text: string };
  target: { id: string; name: string; phone: string; extension: string };
  callerId: string;
  followUpUrl: string | null;
};

/**
 * A member's call. Its state is three machines (see lib/calltool/README.md):
 * `status` here (ours), the member leg's events in `call_events`, and the
 * target leg's Dial result in `target_call_info`.
 */
export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pageId: uuid("page_id").references(() => pages.id, { onDelete: "set null" }),
    pluginId: uuid("plugin_id").references(() => plugins.id, { onDelete: "set null" }),
    /** The target's id when the call was made; the target itself may since be gone. */
    targetId: uuid("target_id"),
    memberPhone: text("member_phone").notNull(),
    memberCountry: text("member_country").notNull(),
    memberIp: text("member_ip").notNull().default(""),
    status: text("status").notNull().default("unstarted"), // failed | unstarted | started | connected
    script: jsonb("script").$type<CallScript>().notNull(),
    twilioCallSid: text("twilio_call_sid"),
    failureCode: integer("failure_code"),
    failureMessage: text("failure_message"),
    /** Menu rounds in a row without a valid choice. */
    menuRounds: integer("menu_rounds").notNull().default(0),
    targetRetryOffered: integer("target_retry_offered").notNull().default(0),
    targetCallInfo: jsonb("target_call_info").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (table) => [
    index("calls_created_idx").on(table.createdAt),
    index("calls_plugin_idx").on(table.pluginId, table.createdAt),
    uniqueIndex("calls_twilio_call_sid_key").on(table.twilioCallSid),
  ],
);

/** The member leg: every status callback Twilio sent, whole, once each. */
export const callEvents = pgTable(
  "call_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    callSid: text("call_sid").notNull(),
    sequenceNumber: integer("sequence_number").notNull(),
    callStatus: text("call_status").notNull(),
    payload: jsonb("payload").$type<Record<string, string | string[]>>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // A retried callback (same CallSid, SequenceNumber and status) is stored once.
  (table) => [uniqueIndex("call_events_dedupe_key").on(table.callId, table.callSid, table.sequenceNumber, table.callStatus)],
);

/** Numbers and addresses that may not place calls. */
export const blocklist = pgTable(
  "blocklist",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(), // number | ip
    value: text("value").notNull(),
    reason: text("reason").notNull().default(""),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    hitCount: integer("hit_count").notNull().default(0),
    lastHitAt: timestamp("last_hit_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("blocklist_kind_value_key").on(table.kind, table.value)],
);

export type Call = typeof calls.$inferSelect;
export type CallEvent = typeof callEvents.$inferSelect;
export type BlocklistEntry = typeof blocklist.$inferSelect;
