import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../db/schema-auth";
import type { RecallPolicy } from "../recall/policy";
import type { LeadCallStatus, LeadStatus, SessionStatus } from "./states";

/** A phone bank: who volunteers call (its leads), from which numbers, with what script. */
export const phoneBanks = pgTable("phone_banks", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** Markdown shown to volunteers during a call. */
  script: text("script").notNull().default(""),
  /** The number volunteers dial in on (E.164, from Phone numbers); "" until chosen. */
  inboundNumber: text("inbound_number").notNull().default(""),
  /** The caller ID leads see. */
  callerId: text("caller_id").notNull().default(""),
  dispositions: jsonb("dispositions").$type<string[]>().notNull(),
  /** Calling hours in the leads' own time, minutes after midnight, [start, end). */
  callingStart: integer("calling_start").notNull().default(9 * 60),
  callingEnd: integer("calling_end").notNull().default(21 * 60),
  recall: jsonb("recall").$type<RecallPolicy>().notNull(),
  machineDetection: boolean("machine_detection").notNull().default(false),
  /** Said to an answering machine after the beep; "" hangs up on machines. */
  voicemailMessage: text("voicemail_message").notNull().default(""),
  status: text("status").notNull().default("open"), // open | closed
  version: integer("version").notNull().default(1),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
});

/** A person to call. One row per phone number per phone bank: an import merges duplicates. */
export const leads = pgTable(
  "phone_bank_leads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phoneBankId: uuid("phone_bank_id")
      .notNull()
      .references(() => phoneBanks.id, { onDelete: "cascade" }),
    /** Import order: leads are called first in, first out. */
    position: integer("position").notNull(),
    name: text("name").notNull(),
    phone: text("phone").notNull(),
    /** The zones the number may be in (lib/recall/time-zone.ts); calling hours hold in all of them. */
    timeZones: jsonb("time_zones").$type<string[]>().notNull().default([]),
    /** The CSV's other columns, shown to the volunteer. */
    fields: jsonb("fields").$type<Record<string, string>>().notNull().default({}),
    status: text("status").$type<LeadStatus>().notNull().default("waiting"),
    attempts: integer("attempts").notNull().default(0),
    /** Not before this time (a recall); null means now. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    firstAttemptAt: timestamp("first_attempt_at", { withTimezone: true }),
    /** How the latest call ended (a lead call status). */
    lastOutcome: text("last_outcome"),
    disposition: text("disposition"),
    notes: text("notes").notNull().default(""),
    dispositionedBy: uuid("dispositioned_by").references(() => users.id, { onDelete: "set null" }),
    dispositionedAt: timestamp("dispositioned_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (table) => [
    uniqueIndex("phone_bank_leads_phone_key").on(table.phoneBankId, table.phone),
    // The claim's scan: a phone bank's waiting leads, due first, then in import order.
    index("phone_bank_leads_queue_idx").on(table.phoneBankId, table.status, table.nextAttemptAt, table.position),
  ],
);

/** A volunteer's stint on a phone bank, from joining to leaving. */
export const sessions = pgTable(
  "phone_bank_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phoneBankId: uuid("phone_bank_id")
      .notNull()
      .references(() => phoneBanks.id, { onDelete: "cascade" }),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessCode: text("access_code").notNull(),
    status: text("status").$type<SessionStatus>().notNull().default("waiting"),
    /** The volunteer's own call into the app (the queue's consumer). */
    consumerCallSid: text("consumer_call_sid"),
    /** The one lead call that may be bridged to this volunteer; set before Twilio is asked to dial. */
    activeLeadCallId: uuid("active_lead_call_id"),
    autoConnect: boolean("auto_connect").notNull().default(false),
    /** The volunteer's page was last open then (its live stream touches it). */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [
    // A code names one live session: unique among sessions not ended, free again once one ends.
    uniqueIndex("phone_bank_sessions_active_code_key").on(table.accessCode).where(sql`${table.endedAt} is null`),
    // One live session per volunteer per phone bank.
    uniqueIndex("phone_bank_sessions_active_volunteer_key").on(table.phoneBankId, table.volunteerId).where(sql`${table.endedAt} is null`),
    index("phone_bank_sessions_bank_idx").on(table.phoneBankId, table.endedAt),
  ],
);

/** One call to a lead. Its id travels in every callback URL, so no webhook depends on the CallSid being stored. */
export const leadCalls = pgTable(
  "phone_bank_lead_calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phoneBankId: uuid("phone_bank_id")
      .notNull()
      .references(() => phoneBanks.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    status: text("status").$type<LeadCallStatus>().notNull().default("placing"),
    twilioCallSid: text("twilio_call_sid"),
    /** Twilio's latest CallStatus and the SequenceNumber it came with: callbacks arrive out of order. */
    twilioStatus: text("twilio_status"),
    twilioSequence: integer("twilio_sequence").notNull().default(-1),
    answeredBy: text("answered_by"),
    queueSid: text("queue_sid"),
    queueTime: integer("queue_time"),
    /** The volunteer's CallSid that took this lead off the queue. */
    dequeuedBy: text("dequeued_by"),
    durationSeconds: integer("duration_seconds"),
    errorCode: integer("error_code"),
    errorMessage: text("error_message"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    connectedAt: timestamp("connected_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [
    index("phone_bank_lead_calls_bank_idx").on(table.phoneBankId, table.createdAt),
    index("phone_bank_lead_calls_lead_idx").on(table.leadId, table.attempt),
    index("phone_bank_lead_calls_sid_idx").on(table.twilioCallSid),
  ],
);

export type PhoneBank = typeof phoneBanks.$inferSelect;
export type Lead = typeof leads.$inferSelect;
export type PhoneBankSession = typeof sessions.$inferSelect;
export type LeadCall = typeof leadCalls.$inferSelect;
