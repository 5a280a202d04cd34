import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { telephonyConfig } from "../telephony/config";
import { TEST_CALLER_ID } from "../telephony/test-call";
import { callTargets, phoneNumbers, type CallTargetRow, type Page } from "../pages/schema";
import { clipUrls } from "../pages/public";
import type { CallScript } from "./call-schema";
import type { CallToolConfig } from "./config";
import { buildSequence, type SequenceCandidate } from "./sequence";
import type { Pinned } from "./targets";

/** What the phone will say and dial for a call to `target` and the targets around it, fixed when the call is made (a query for the clips, one for the sequence). */
export async function buildCallScript(db: Db, page: Page, config: CallToolConfig, target: CallTargetRow, callerId: string, options: { recall?: boolean } = {}): Promise<CallScript> {
  const [clips, targets] = await Promise.all([clipUrls(db, [config.message.clipId, config.menu.clipId]), sequenceOf(db, target, config)]);
  return {
    language: page.language,
    message: { url: config.message.clipId ? (clips.get(config.message.clipId) ?? null) : null, text: config.message.text },
    menu: { url: config.menu.clipId ? (clips.get(config.menu.clipId) ?? null) : null, text: config.menu.text },
    target: targets[0]!,
    targets,
    busyRedial: config.busyRedial.enabled ? { attempts: config.busyRedial.attempts, delaySeconds: config.busyRedial.delaySeconds } : null,
    callerId,
    followUpUrl: page.followUpUrl,
    limits: { memberSeconds: config.memberTimeLimitMinutes * 60, dialSeconds: config.targetTimeLimitMinutes * 60 },
    // Fixed with the call, like the rest. The member's time zones (quiet hours) are guessed only if a recall comes to be decided.
    ...(options.recall === false ? {} : { recall: { policy: config.recall } }),
  };
}

/** The number the target's phone shows: the target's own, the call tool's, the organisation's first; "" when there is none. */
export async function callerIdFor(db: Db, target: Pick<CallTargetRow, "callerId">, config: Pick<CallToolConfig, "callerId">): Promise<string> {
  if (target.callerId || config.callerId) return target.callerId || config.callerId;
  const [row] = await db.select({ number: phoneNumbers.number }).from(phoneNumbers).limit(1);
  return row?.number || (telephonyConfig().mode === "simulator" ? TEST_CALLER_ID : "");
}

const candidate = (row: CallTargetRow): SequenceCandidate => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  extension: row.extension,
  callerId: row.callerId,
  pinned: row.pinned as Pinned,
  attributes: row.attributes,
});

/**
 * The targets the call dials in turn (sequence.ts): one query for the pinned
 * targets, and, when the tool connects to several, those that may go
 * alongside the member's choice.
 */
async function sequenceOf(db: Db, chosen: CallTargetRow, config: CallToolConfig) {
  const several = config.targetsPerCall > 1;
  const others = await db
    .select()
    .from(callTargets)
    .where(and(eq(callTargets.pluginId, chosen.pluginId), several ? sql`true` : ne(callTargets.pinned, "")))
    .orderBy(asc(callTargets.position));
  return buildSequence(candidate(chosen), others.map(candidate), { mode: config.selectionMode, perCall: config.targetsPerCall, drillDownBy: config.targetByAttributes });
}
