import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { pages, plugins } from "../pages/schema";
import type { CallToolRecall } from "./config";

export type ScriptTarget = { id: string; name: string; phone: string; extension: string; /** The target's own caller ID for its <Dial>, when it overrides the call's. */ callerId?: string };

/** What the phone says and dials, fixed when the call is created: an edit mid-call changes nothing for it. */
export type CallScript = {
  language: string;
  message: { url: string | null; text: string };
  menu: { url: string | null; text: string };
  /** The first target of the sequence (the only one on calls made before sequences existed). */
  target: ScriptTarget;
  /** Every target the call dials, in order: pinned-first ones, the member's own, pinned-last ones. Absent on older calls: [target]. */
  targets?: ScriptTarget[];
  /** Redial a busy target automatically, `attempts` times, `delaySeconds` apart, while the member waits on the line. Absent or null: don't. */
  busyRedial?: { attempts: number; delaySeconds: number } | null;
  callerId: string;
  followUpUrl: string | null;
  /** Seconds: the member's whole call (Twilio's TimeLimit) and each dial to the target (<Dial timeLimit>). Absent on calls made before they existed. */
  limits?: { memberSeconds: number; dialSeconds: number };
  /** The call tool's recall policy when the call was made (absent on calls made before recalls); `timeZones` overrides the zones guessed from the member's number. */
  recall?: { policy: CallToolRecall; timeZones?: string[] };
};

/**
 * A member's call. Its state is three machines (see lib/calltool/README.md):
 * `status` here (ours), the member leg's attempts (`call_attempts`, fed by
 * `call_events`), and the target leg's dials (`target_dials`).
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
    status: text("status").notNull().default("unstarted"), // CallStatus: failed | unstarted | started | connected
    /** outbound: the app rang the member (the web form); inbound: the member dialled the call tool's number. */
    direction: text("direction").notNull().default("outbound"),
    script: jsonb("script").$type<CallScript>().notNull(),
    /** The key the member's browser sent with the form: a resubmission finds this call instead of placing another. */
    idempotencyKey: text("idempotency_key"),
    /** Set once nothing more will happen on the call; while null the call is live, and a second request for the number gets this one. */
    endedAt: timestamp("ended_at", { withTimezone: true }),
    failureCode: integer("failure_code"),
    failureMessage: text("failure_message"),
    /** Menu rounds that ended without a valid choice (the most reached; three end the call). */
    menuRounds: integer("menu_rounds").notNull().default(0),
    /** The member asked not to be called again ("Stop calling me", or 9 during a recall): no attempt is placed after this. */
    recallsStoppedAt: timestamp("recalls_stopped_at", { withTimezone: true }),
    /**
     * How it went, written once the call has ended (lib/calllog/settle.ts) so
     * the call log filters and the CSV export read it without recomputing it:
     * the final OutcomeCode, both legs' last status, the talk time, the attempts.
     * Null while the call is live.
     */
    outcome: text("outcome"),
    memberStatus: text("member_status"),
    targetStatus: text("target_status"),
    talkSeconds: integer("talk_seconds"),
    attemptCount: integer("attempt_count"),
    /** The message finished (or a key skipped it) and the menu began: the funnel's "heard the message". */
    messageHeardAt: timestamp("message_heard_at", { withTimezone: true }),
    /** Counted into the statistics' rollups (lib/stats/rollup.ts); until then the statistics read the call itself. */
    rolledUpAt: timestamp("rolled_up_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (table) => [
    index("calls_created_idx").on(table.createdAt),
    index("calls_plugin_idx").on(table.pluginId, table.createdAt),
    // One live call per number and page, whatever the number of instances or concurrent requests.
    uniqueIndex("calls_one_live_per_number_key").on(table.pageId, table.memberPhone).where(sql`${table.endedAt} is null`),
    uniqueIndex("calls_idempotency_key").on(table.pageId, table.memberPhone, table.idempotencyKey),
    index("calls_live_idx").on(table.createdAt).where(sql`${table.endedAt} is null`),
    // The number's calls from a page in the last day: its daily limit.
    index("calls_number_idx").on(table.pageId, table.memberPhone, table.createdAt),
    // The call log's keyset (created_at, id), newest first, overall and per filter (lib/calllog/query.ts).
    index("calls_log_idx").on(table.createdAt, table.id),
    index("calls_log_page_idx").on(table.pageId, table.createdAt, table.id),
    index("calls_log_plugin_idx").on(table.pluginId, table.createdAt, table.id),
    index("calls_log_target_idx").on(table.targetId, table.createdAt, table.id),
    index("calls_log_outcome_idx").on(table.outcome, table.createdAt, table.id),
    index("calls_log_member_status_idx").on(table.memberStatus, table.createdAt, table.id),
    index("calls_log_target_status_idx").on(table.targetStatus, table.createdAt, table.id),
    // "Ends in 4321": the number reversed, so the search is a prefix an index can answer.
    index("calls_log_phone_tail_idx").using("btree", sql`reverse(${table.memberPhone}) text_pattern_ops`),
    // Ended calls not yet settled: the settle sweep's work list.
    index("calls_unsettled_idx").on(table.endedAt).where(sql`${table.outcome} is null and ${table.endedAt} is not null`),
    // The page's public counter (last 24 h) and the statistics' calls not yet rolled up.
    index("calls_page_created_idx").on(table.pageId, table.createdAt),
    index("calls_unrolled_idx").on(table.createdAt).where(sql`${table.rolledUpAt} is null`),
  ],
);

/**
 * The member leg, one row per `calls.create`: attempt 1 is the first
 * placement, recalls add 2..N. Every URL handed to Twilio for an attempt
 * carries its number, so a late callback of an older attempt lands on it.
 */
export const callAttempts = pgTable(
  "call_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    placement: text("placement").notNull().default("waiting"), // Placement, see call-state.ts
    callSid: text("call_sid"),
    /** When the pacing slot lets it be placed. */
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull().defaultNow(),
    /** When `calls.create` was sent. */
    placedAt: timestamp("placed_at", { withTimezone: true }),
    /** The member leg's latest CallStatus (the callback with the highest SequenceNumber); null before any. */
    status: text("status"),
    lastSequence: integer("last_sequence").notNull().default(-1),
    /** Twilio said initiated or ringing: only from here can the member be said not to have answered. */
    ringingAt: timestamp("ringing_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    duration: integer("duration"),
    answeredBy: text("answered_by"),
    errorCode: integer("error_code"),
    errorMessage: text("error_message"),
    /** Last time reconciliation asked Twilio about it. */
    checkedAt: timestamp("checked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (table) => [
    uniqueIndex("call_attempts_call_attempt_key").on(table.callId, table.attempt),
    uniqueIndex("call_attempts_call_sid_key").on(table.callSid),
    index("call_attempts_open_idx").on(table.placement, table.createdAt).where(sql`${table.endedAt} is null`),
    // Recalls waiting for their time: reconciliation places those whose job was lost.
    index("call_attempts_waiting_idx").on(table.scheduledAt).where(sql`${table.placement} = 'waiting'`),
  ],
);

/**
 * The target leg, one row per <Dial> to a target: the dial number is in the
 * Dial's action URL and its <Number url>, so a retried dial's result never
 * lands on the previous one and a repeated callback changes nothing.
 */
export const targetDials = pgTable(
  "target_dials",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    dial: integer("dial").notNull(),
    /** The member-leg attempt the dial was made from. */
    attempt: integer("attempt").notNull(),
    /** The target's place in the call's sequence, from 1. */
    position: integer("position").notNull().default(1),
    /** 0 for the first dial to this target; n for the nth automatic redial of a busy line. */
    redial: integer("redial").notNull().default(0),
    /** 1 when the member pressed 1 to try this target again. */
    again: integer("again").notNull().default(0),
    targetId: uuid("target_id"),
    targetName: text("target_name").notNull(),
    dialCallSid: text("dial_call_sid"),
    /** Twilio's DialCallStatus (completed, busy, no-answer, failed, canceled); null while it rings or talks. */
    dialCallStatus: text("dial_call_status"),
    duration: integer("duration"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    errorCode: integer("error_code"),
    errorMessage: text("error_message"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("target_dials_call_dial_key").on(table.callId, table.dial)],
);

/** Every status callback of the member leg, whole, once each. */
export const callEvents = pgTable(
  "call_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull().default(1),
    callSid: text("call_sid").notNull(),
    sequenceNumber: integer("sequence_number").notNull(),
    callStatus: text("call_status").notNull(),
    callDuration: integer("call_duration"),
    answeredBy: text("answered_by"),
    errorCode: integer("error_code"),
    errorMessage: text("error_message"),
    payload: jsonb("payload").$type<Record<string, string | string[]>>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // A retried callback (same CallSid, SequenceNumber and status) is stored once.
  (table) => [uniqueIndex("call_events_dedupe_key").on(table.callId, table.callSid, table.sequenceNumber, table.callStatus)],
);

/**
 * The steps of a member's call that only a TwiML request shows: the message
 * played (again), each menu round and the key pressed in it. One row per
 * request URL and key, so Twilio's retry of a request adds nothing.
 */
export const callSteps = pgTable(
  "call_steps",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    /** CallStepKind (lib/calllog/steps.ts): message | menu. */
    step: text("step").notNull(),
    replay: integer("replay").notNull().default(0),
    round: integer("round").notNull().default(0),
    wrong: integer("wrong").notNull().default(0),
    /** The keys pressed, "" for none. */
    digits: text("digits").notNull().default(""),
    /** What the menu did with them (MenuStep kind: connect, replay, menu, goodbye). */
    result: text("result").notNull().default(""),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("call_steps_request_key").on(table.callId, table.attempt, table.step, table.replay, table.round, table.wrong)],
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
export type CallAttempt = typeof callAttempts.$inferSelect;
export type TargetDial = typeof targetDials.$inferSelect;
export type CallEvent = typeof callEvents.$inferSelect;
export type CallStep = typeof callSteps.$inferSelect;
export type BlocklistEntry = typeof blocklist.$inferSelect;
