import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "../auth/secret";
import type { Db } from "../db/client";
import { callOutcome } from "../calltool/call-state";
import { loadCallFacts, UUID } from "../calltool/calls";
import { feedbackPageState, type FeedbackAnswer, type FeedbackPageState } from "./answers";
import { callFeedback } from "./schema";

/**
 * Member feedback on one call. The member's page learns the call's token
 * only from its own status answer, after the call reached the target; the
 * token is the app's signature of the call id, so nobody can answer for a
 * call that isn't theirs, and it is stored once per call.
 */
const sign = (callId: string) => createHmac("sha256", authSecret()).update(`call-feedback\0${callId}`).digest("base64url").slice(0, 32);

export function feedbackToken(callId: string): string {
  return sign(callId);
}

/** The status page's "How did it go?" once the call reached the target: its token, and what `?feedback=` says the last answer did. */
export function statusPageFeedback(callId: string, progress: { done: boolean; connected?: boolean }, state: unknown): { token: string; state: FeedbackPageState | null } | undefined {
  return progress.done && progress.connected ? { token: sign(callId), state: feedbackPageState(state) } : undefined;
}

function tokenMatches(callId: string, token: string): boolean {
  const expected = Buffer.from(sign(callId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type FeedbackResult = { ok: true } | { ok: false; status: 403 | 404 | 409; error: string; answeredAlready?: true };

export async function recordFeedback(db: Db, callId: string, input: { token: string; answer: FeedbackAnswer; note: string }): Promise<FeedbackResult> {
  if (!UUID.test(callId)) return { ok: false, status: 404, error: "No such call" };
  if (!tokenMatches(callId, input.token)) return { ok: false, status: 403, error: "This link can't answer for that call" };
  const found = await loadCallFacts(db, callId);
  if (!found) return { ok: false, status: 404, error: "No such call" };
  const outcome = callOutcome(found.facts);
  if (!outcome.done || outcome.code !== "connected") return { ok: false, status: 409, error: "Only a call that reached the target can be answered for" };
  const inserted = await db.insert(callFeedback).values({ callId, answer: input.answer, note: input.note }).onConflictDoNothing().returning({ callId: callFeedback.callId });
  return inserted.length ? { ok: true } : { ok: false, status: 409, error: "This call has been answered for already", answeredAlready: true };
}
