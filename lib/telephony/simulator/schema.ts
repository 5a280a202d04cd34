import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * The simulator's state. It lives in the database, like everything shared,
 * so the virtual phone page and the call's runner may sit in different
 * processes: the runner polls its call's row for what the phone (or the REST
 * API) asked for.
 */
export const simCalls = pgTable(
  "sim_calls",
  {
    sid: text("sid").primaryKey(),
    accountSid: text("account_sid").notNull(),
    parentCallSid: text("parent_call_sid"),
    direction: text("direction").notNull(), // outbound-api | outbound-dial | inbound
    from: text("from").notNull(),
    to: text("to").notNull(),
    status: text("status").notNull(), // queued | ringing | in-progress | completed | busy | failed | no-answer | canceled
    url: text("url"),
    method: text("method").notNull().default("POST"),
    fallbackUrl: text("fallback_url"),
    fallbackMethod: text("fallback_method").notNull().default("POST"),
    statusCallback: text("status_callback"),
    statusCallbackMethod: text("status_callback_method").notNull().default("POST"),
    statusCallbackEvents: jsonb("status_callback_events").$type<string[]>().notNull().default([]),
    timeout: integer("timeout").notNull().default(60),
    /** Seconds an answered call may last before Twilio ends it (TimeLimit; 4 hours by default). */
    timeLimit: integer("time_limit").notNull().default(14_400),
    /** For an inbound call: the IncomingPhoneNumber it reached. */
    phoneNumberSid: text("phone_number_sid"),
    /** Pacing: when the call may leave the queue, and how long it waited (simulated ms), as Twilio's queue_time. */
    dialAt: timestamp("dial_at", { withTimezone: true }),
    queueTime: integer("queue_time").notNull().default(0),
    /** Answering-machine detection as asked on create: Enable | DetectMessageEnd, sync or async. */
    machineDetection: text("machine_detection"),
    machineDetectionTimeout: integer("machine_detection_timeout").notNull().default(30),
    asyncAmd: boolean("async_amd").notNull().default(false),
    asyncAmdStatusCallback: text("async_amd_status_callback"),
    asyncAmdStatusCallbackMethod: text("async_amd_status_callback_method").notNull().default("POST"),
    answeredBy: text("answered_by"),
    /** Why a failed call or leg failed, as Twilio reports it. */
    errorCode: integer("error_code"),
    errorMessage: text("error_message"),
    /** The next SequenceNumber to send in a status callback. */
    sequenceNumber: integer("sequence_number").notNull().default(0),
    startTime: timestamp("start_time", { withTimezone: true }),
    endTime: timestamp("end_time", { withTimezone: true }),
    /** Simulated seconds between answer and end. */
    duration: integer("duration"),

    // What the phone or the REST API asked for; the runner consumes these.
    answerRequest: text("answer_request"), // answer | decline
    pendingDigits: text("pending_digits").notNull().default(""),
    /** A <Gather> is listening: only then do keys reach the call (Twilio drops the rest). */
    gathering: boolean("gathering").notNull().default(false),
    /** How many <Gather>s have listened so far, so a phone can wait for the next one. */
    gatherings: integer("gatherings").notNull().default(0),
    hangupRequested: boolean("hangup_requested").notNull().default(false),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    redirectUrl: text("redirect_url"),
    redirectMethod: text("redirect_method"),

    // What is happening on the line, for the virtual phone page.
    activity: text("activity").notNull().default(""),
    bridgedWith: text("bridged_with"),
    bridgeEndedAt: timestamp("bridge_ended_at", { withTimezone: true }),

    // Queue membership (Enqueue, Dial>Queue, Members REST).
    queueSid: text("queue_sid"),
    enqueuedAt: timestamp("enqueued_at", { withTimezone: true }),
    dequeuedBy: text("dequeued_by"),
    dequeueUrl: text("dequeue_url"),
    dequeueMethod: text("dequeue_method"),

    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (table) => [index("sim_calls_queue_idx").on(table.queueSid, table.enqueuedAt), index("sim_calls_created_idx").on(table.createdAt)],
);

/** What a developer would see in Twilio's call log and debugger: requests, speech, errors. */
export const simCallLog = pgTable(
  "sim_call_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    callSid: text("call_sid").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind").notNull(), // say | play | pause | request | status-callback | digits | dial | queue | error | warning | event
    message: text("message").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (table) => [index("sim_call_log_call_idx").on(table.callSid, table.id)],
);

/** How each simulated phone number behaves when it rings (see phone.ts). */
export const simPhones = pgTable("sim_phones", {
  number: text("number").primaryKey(),
  behavior: jsonb("behavior").$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const simQueues = pgTable(
  "sim_queues",
  {
    sid: text("sid").primaryKey(),
    accountSid: text("account_sid").notNull(),
    friendlyName: text("friendly_name").notNull(),
    maxSize: integer("max_size").notNull().default(1000),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (table) => [uniqueIndex("sim_queues_name_key").on(table.accountSid, table.friendlyName)],
);

/** The account's phone numbers (IncomingPhoneNumbers): caller IDs, and where inbound calls go. */
export const simNumbers = pgTable(
  "sim_numbers",
  {
    sid: text("sid").primaryKey(),
    accountSid: text("account_sid").notNull(),
    phoneNumber: text("phone_number").notNull(),
    friendlyName: text("friendly_name").notNull(),
    voiceUrl: text("voice_url"),
    voiceMethod: text("voice_method").notNull().default("POST"),
    voiceFallbackUrl: text("voice_fallback_url"),
    voiceFallbackMethod: text("voice_fallback_method").notNull().default("POST"),
    statusCallback: text("status_callback"),
    statusCallbackMethod: text("status_callback_method").notNull().default("POST"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (table) => [uniqueIndex("sim_numbers_number_key").on(table.accountSid, table.phoneNumber)],
);

/** Verified caller IDs (OutgoingCallerIds): numbers the account may show without owning them. */
export const simCallerIds = pgTable(
  "sim_caller_ids",
  {
    sid: text("sid").primaryKey(),
    accountSid: text("account_sid").notNull(),
    phoneNumber: text("phone_number").notNull(),
    friendlyName: text("friendly_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (table) => [uniqueIndex("sim_caller_ids_number_key").on(table.accountSid, table.phoneNumber)],
);

/**
 * Shared counters: the account's pacing slot (the next instant a queued call
 * may go out) and the sequences that make SIDs replayable under a seed.
 */
export const simCounters = pgTable("sim_counters", {
  name: text("name").primaryKey(),
  value: bigint("value", { mode: "number" }).notNull().default(0),
  at: timestamp("at", { withTimezone: true }),
});

export type SimCall = typeof simCalls.$inferSelect;
export type SimNumber = typeof simNumbers.$inferSelect;
export type SimCallerId = typeof simCallerIds.$inferSelect;
export type SimQueue = typeof simQueues.$inferSelect;
