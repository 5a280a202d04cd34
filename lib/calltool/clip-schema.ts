import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../db/schema-auth";
import { plugins, soundClips } from "../pages/schema";

/** The clip slots of a call tool: the message, then the menu. */
export const CLIP_SLOTS = ["message", "menu"] as const;
export type ClipSlot = (typeof CLIP_SLOTS)[number];

/**
 * Every clip a call tool's slot has used: its versions. A clip is stored once
 * and never changes (lib/storage), so going back to a version attaches its
 * clip again. One row per (tool, slot, clip): going back adds no row.
 */
export const clipVersions = pgTable(
  "clip_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pluginId: uuid("plugin_id")
      .notNull()
      .references(() => plugins.id, { onDelete: "cascade" }),
    slot: text("slot").$type<ClipSlot>().notNull(),
    clipId: uuid("clip_id")
      .notNull()
      .references(() => soundClips.id, { onDelete: "cascade" }),
    attachedBy: uuid("attached_by").references(() => users.id, { onDelete: "set null" }),
    attachedAt: timestamp("attached_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("clip_versions_slot_clip_key").on(table.pluginId, table.slot, table.clipId), index("clip_versions_plugin_idx").on(table.pluginId, table.attachedAt)],
);

export type ClipVersion = typeof clipVersions.$inferSelect;
