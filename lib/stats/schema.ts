import { bigint, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/**
 * Rollups of member calls, so the statistics read a few thousand rows rather
 * than a million calls. A call is counted here once, when it is over
 * (lib/stats/rollup.ts marks it `calls.rolled_up_at` in the same
 * transaction); calls not yet rolled up are read from `calls` itself, so the
 * figures are exact at every moment. A call whose page or call tool is gone
 * is kept under NO_ID, as `calls` keeps it with a null.
 */
export const NO_ID = "00000000-0000-0000-0000-000000000000";

/** Calls per day (UTC), for the charts and the public counter. */
export const callStatsDaily = pgTable(
  "call_stats_daily",
  {
    day: date("day", { mode: "string" }).notNull(),
    pageId: uuid("page_id").notNull(),
    pluginId: uuid("plugin_id").notNull(),
    calls: integer("calls").notNull().default(0),
    /** Calls where the target picked up. */
    reached: integer("reached").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.pageId, table.pluginId, table.day] }), index("call_stats_daily_plugin_idx").on(table.pluginId, table.day)],
);

/** Per target: the funnel, the outcomes the table shows, and the talk time. */
export const callStatsTargets = pgTable(
  "call_stats_targets",
  {
    pageId: uuid("page_id").notNull(),
    pluginId: uuid("plugin_id").notNull(),
    targetId: uuid("target_id").notNull(),
    targetName: text("target_name").notNull(),
    calls: integer("calls").notNull().default(0),
    memberAnswered: integer("member_answered").notNull().default(0),
    heardMessage: integer("heard_message").notNull().default(0),
    pressedOne: integer("pressed_one").notNull().default(0),
    targetAnswered: integer("target_answered").notNull().default(0),
    talkedOver30: integer("talked_over_30").notNull().default(0),
    connected: integer("connected").notNull().default(0),
    busy: integer("busy").notNull().default(0),
    noAnswer: integer("no_answer").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    talkSeconds: bigint("talk_seconds", { mode: "number" }).notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.pageId, table.pluginId, table.targetId] }), index("call_stats_targets_plugin_idx").on(table.pluginId)],
);

/** Calls per outcome, member-leg status and target-leg status (`dimension`: outcome | member | target). */
export const callStatsCounts = pgTable(
  "call_stats_counts",
  {
    pageId: uuid("page_id").notNull(),
    pluginId: uuid("plugin_id").notNull(),
    dimension: text("dimension").notNull(),
    value: text("value").notNull(),
    count: integer("count").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.pageId, table.pluginId, table.dimension, table.value] }), index("call_stats_counts_plugin_idx").on(table.pluginId)],
);

/** Connected calls per target and talk time in whole seconds: an exact median without reading every call. */
export const callStatsTalk = pgTable(
  "call_stats_talk",
  {
    pageId: uuid("page_id").notNull(),
    pluginId: uuid("plugin_id").notNull(),
    targetId: uuid("target_id").notNull(),
    seconds: integer("seconds").notNull(),
    count: integer("count").notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.pageId, table.pluginId, table.targetId, table.seconds] }),
    index("call_stats_talk_plugin_idx").on(table.pluginId),
    // The median reads a target's few talk times around the middle, found through the buckets below.
    index("call_stats_talk_target_idx").on(table.targetId, table.seconds),
  ],
);

/** Talk time a bucket holds, in seconds: the buckets find the middle, call_stats_talk gives its exact value. */
export const TALK_BUCKET_SECONDS = 32;

/** call_stats_talk summed per TALK_BUCKET_SECONDS: a few dozen rows per target to find where its median lies. */
export const callStatsTalkBuckets = pgTable(
  "call_stats_talk_buckets",
  {
    pageId: uuid("page_id").notNull(),
    pluginId: uuid("plugin_id").notNull(),
    targetId: uuid("target_id").notNull(),
    bucket: integer("bucket").notNull(),
    count: integer("count").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.pageId, table.pluginId, table.targetId, table.bucket] }), index("call_stats_talk_buckets_plugin_idx").on(table.pluginId)],
);
