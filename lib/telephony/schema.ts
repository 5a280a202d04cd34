import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The account's next free slot for placing a call: every outbound call of
 * every instance reserves one here, so together they keep to TWILIO_CPS.
 */
export const callPacing = pgTable("call_pacing", {
  account: text("account").primaryKey(),
  nextSlot: timestamp("next_slot", { withTimezone: true }).notNull(),
});
