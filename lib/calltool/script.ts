import "server-only";
import type { Db } from "../db/client";
import { telephonyConfig } from "../telephony/config";
import { TEST_CALLER_ID } from "../telephony/test-call";
import { phoneNumbers, type CallTargetRow, type Page } from "../pages/schema";
import { clipUrls } from "../pages/public";
import type { CallScript } from "./call-schema";
import type { CallToolConfig } from "./config";

/** What the phone will say and dial for a call to `target`, fixed when the call is made (one query, for the clips). */
export async function buildCallScript(db: Db, page: Page, config: CallToolConfig, target: CallTargetRow, callerId: string): Promise<CallScript> {
  const clips = await clipUrls(db, [config.message.clipId, config.menu.clipId]);
  return {
    language: page.language,
    message: { url: config.message.clipId ? (clips.get(config.message.clipId) ?? null) : null, text: config.message.text },
    menu: { url: config.menu.clipId ? (clips.get(config.menu.clipId) ?? null) : null, text: config.menu.text },
    target: { id: target.id, name: target.name, phone: target.phone, extension: target.extension },
    callerId,
    followUpUrl: page.followUpUrl,
    limits: { memberSeconds: config.memberTimeLimitMinutes * 60, dialSeconds: config.targetTimeLimitMinutes * 60 },
  };
}

/** The number the target's phone shows: the target's own, the call tool's, the organisation's first; "" when there is none. */
export async function callerIdFor(db: Db, target: Pick<CallTargetRow, "callerId">, config: Pick<CallToolConfig, "callerId">): Promise<string> {
  if (target.callerId || config.callerId) return target.callerId || config.callerId;
  const [row] = await db.select({ number: phoneNumbers.number }).from(phoneNumbers).limit(1);
  return row?.number || (telephonyConfig().mode === "simulator" ? TEST_CALLER_ID : "");
}
