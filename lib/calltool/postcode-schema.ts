import { bigserial, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { plugins } from "../pages/schema";

/**
 * A call tool's postcode lookup table, imported from a CSV: one row per
 * postcode or prefix, in the form lib/calltool/postcode.ts keeps, with the
 * target attributes it stands for (constituency=…). `keypad` is the prefix as
 * typed on a phone's keys, for callers on the dial-in number.
 */
export const postcodeAreas = pgTable(
  "postcode_areas",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    pluginId: uuid("plugin_id")
      .notNull()
      .references(() => plugins.id, { onDelete: "cascade" }),
    prefix: text("prefix").notNull(),
    keypad: text("keypad").notNull(),
    attributes: jsonb("attributes").$type<Record<string, string>>().notNull(),
  },
  (table) => [uniqueIndex("postcode_areas_plugin_prefix_key").on(table.pluginId, table.prefix), index("postcode_areas_plugin_keypad_idx").on(table.pluginId, table.keypad)],
);

export type PostcodeArea = typeof postcodeAreas.$inferSelect;
