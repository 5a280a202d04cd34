import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { callSteps } from "../calltool/call-schema";
import { callEventsOf, loadCallFacts } from "../calltool/calls";
import { buildTimeline } from "./timeline";

/** One call for its page: the call, its facts and its timeline. Three round trips. */
export async function loadCallDetail(db: Db, id: string) {
  const found = await loadCallFacts(db, id);
  if (!found) return null;
  const [events, steps] = await Promise.all([callEventsOf(db, id), db.select().from(callSteps).where(eq(callSteps.callId, id)).orderBy(asc(callSteps.id))]);
  const timeline = buildTimeline({ targetName: found.call.script.target.name, attempts: [...found.attempts].sort((a, b) => a.attempt - b.attempt), events, steps, dials: found.dials });
  return { ...found, events, steps, timeline };
}
