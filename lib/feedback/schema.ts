import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { calls } from "../calltool/call-schema";

/** What the member said about a connected call ("How did it go?"): one answer per call, never changed. */
export const callFeedback = pgTable("call_feedback", {
  callId: uuid("call_id")
    .primaryKey()
    .references(() => calls.id, { onDelete: "cascade" }),
  answer: text("answer").notNull(), // FeedbackAnswer, see answers.ts
  note: text("note").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type CallFeedback = typeof callFeedback.$inferSelect;
