import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../db/client";
import { FEEDBACK_ANSWERS, type FeedbackAnswer } from "../feedback/answers";
import type { StatsScope } from "./call-stats";
import type { FeedbackCounts } from "./shape";

/** Notes shown per target: the latest few. */
const NOTES_PER_TARGET = 5;

/** The members' answers to "How did it go?" per target, with the latest notes. Answers are few next to calls, so they are read live. */
export async function feedbackByTarget(db: Db, scope: StatsScope): Promise<Map<string, FeedbackCounts>> {
  const where = scope.pluginId ? sql`c.plugin_id = ${scope.pluginId}` : scope.pageId ? sql`c.page_id = ${scope.pageId}` : sql`true`;
  const rows = await selectRows<{ target_id: string | null; answer: string; count: number; notes: string[] | null }>(
    db,
    sql`select c.target_id, f.answer, count(*)::int as count,
          (array_agg(f.note order by f.created_at desc) filter (where f.note <> ''))[1:${NOTES_PER_TARGET}] as notes
        from call_feedback f join calls c on c.id = f.call_id
        where ${where}
        group by c.target_id, f.answer`,
  );
  const byTarget = new Map<string, FeedbackCounts>();
  for (const row of rows) {
    const key = row.target_id ?? "00000000-0000-0000-0000-000000000000";
    const found = byTarget.get(key) ?? { ...(Object.fromEntries(FEEDBACK_ANSWERS.map((answer) => [answer, 0])) as Record<FeedbackAnswer, number>), notes: [] };
    if ((FEEDBACK_ANSWERS as readonly string[]).includes(row.answer)) found[row.answer as FeedbackAnswer] += row.count;
    found.notes = [...found.notes, ...(row.notes ?? [])].slice(0, NOTES_PER_TARGET);
    byTarget.set(key, found);
  }
  return byTarget;
}
