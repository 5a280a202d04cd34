import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../db/schema-auth";

/**
 * Campaign pages and what sits on them. A page holds an ordered list of
 * plugins; a plugin's `type` says how to read its `config` (see
 * lib/pages/plugins.ts), so new plugin types need no new tables.
 */
export const pages = pgTable(
  "pages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    language: text("language").notNull().default("en"),
    followUpUrl: text("follow_up_url"),
    /** The calls the campaign hopes for, shown beside the page's public counter ("1,234 of 5,000"). */
    callGoal: integer("call_goal"),
    status: text("status").notNull().default("draft"), // draft | published
    /** Bumped on every save, so a stale editor is told rather than overwriting. */
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (table) => [uniqueIndex("pages_slug_key").on(table.slug)],
);

export const plugins = pgTable(
  "plugins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pageId: uuid("page_id")
      .notNull()
      .references(() => pages.id, { onDelete: "cascade" }),
    type: text("type").notNull(), // call_tool (petition, phone_bank… later)
    position: integer("position").notNull(),
    active: boolean("active").notNull().default(true),
    config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (table) => [index("plugins_page_idx").on(table.pageId, table.position)],
);

/** A call tool's targets, in order. Ids are app-wide: POST /api/call names a target by id alone. */
export const callTargets = pgTable(
  "call_targets",
  {
    id: uuid("id").primaryKey(),
    pluginId: uuid("plugin_id")
      .notNull()
      .references(() => plugins.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    phone: text("phone").notNull(),
    extension: text("extension").notNull().default(""),
    country: text("country").notNull(),
    callerId: text("caller_id").notNull().default(""),
    attributes: jsonb("attributes").$type<Record<string, string>>().notNull().default({}),
    /** "first" or "last": dialled before or after the member's own choice in every call; "" when not pinned. */
    pinned: text("pinned").notNull().default(""),
  },
  (table) => [index("call_targets_plugin_idx").on(table.pluginId, table.position)],
);

export const soundClips = pgTable("sound_clips", {
  id: uuid("id").primaryKey().defaultRandom(),
  storage: text("storage").notNull(), // local | uploadthing
  storageKey: text("storage_key").notNull(),
  url: text("url").notNull(),
  fileName: text("file_name").notNull(),
  contentType: text("content_type").notNull(),
  size: integer("size").notNull(),
  durationSeconds: real("duration_seconds"),
  uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The numbers the organisation may show as caller ID. */
export const phoneNumbers = pgTable(
  "phone_numbers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull(),
    label: text("label").notNull().default(""),
    source: text("source").notNull().default("manual"), // manual | twilio
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("phone_numbers_number_key").on(table.number)],
);

export type Page = typeof pages.$inferSelect;
export type Plugin = typeof plugins.$inferSelect;
export type CallTargetRow = typeof callTargets.$inferSelect;
export type SoundClip = typeof soundClips.$inferSelect;
export type PhoneNumber = typeof phoneNumbers.$inferSelect;
