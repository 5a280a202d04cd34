import "server-only";
import { and, eq } from "drizzle-orm";
import { parsePhoneNumberFromString, type NumberType } from "libphonenumber-js/max";
import { checkBlocklist } from "../blocklist/service";
import type { Db } from "../db/client";
import { getEnv } from "../env";
import { log } from "../log";
import { callTargets, pages, phoneNumbers, plugins } from "../pages/schema";
import { clipUrls } from "../pages/public";
import { recordHit, secondsLeftInWindow, type RateWindow } from "../rate-limit";
import { placeCall } from "../telephony/calls";
import { telephonyConfig } from "../telephony/config";
import { TelephonyError } from "../telephony/errors";
import { TEST_CALLER_ID } from "../telephony/test-call";
import { calls, type CallScript } from "./call-schema";
import { readCallToolConfig } from "./config";
import { stepUrl } from "./flow";
import type { Language } from "./languages";
import { memberStrings, refusalReason } from "./member-strings";

/** Number types a call tool never rings: they cost the organisation money or reach no person. */
const REFUSED_TYPES: NumberType[] = ["PREMIUM_RATE", "SHARED_COST", "UAN", "PAGER", "VOICEMAIL", "PERSONAL_NUMBER"];

export type PlaceCallRequest = { targetId: string; memberPhone: string; memberCountry?: string; ip: string; canSeeDrafts: () => Promise<boolean> };

export type PlaceCallResult =
  | { ok: true; callId: string; statusUrl: string; pageSlug: string }
  | { ok: false; status: 403 | 404 | 422 | 429 | 503; error: string; field?: "member_phone_number" | "target_id"; retryAfter?: number; callId?: string; pageSlug?: string };

const countryName = (code: string, language: string) => new Intl.DisplayNames([language], { type: "region" }).of(code) ?? code;

/**
 * A member asks to be called and put through to a target. In order: find the
 * target, normalise the number, enforce the allowed countries, refuse
 * toll-fraud number types, check the blocklist, count the rate limits (in the
 * database, so they hold across instances), then create the call and ask
 * Twilio to ring the member.
 */
export async function placeMemberCall(db: Db, request: PlaceCallRequest): Promise<PlaceCallResult> {
  const [found] = await db
    .select({ target: callTargets, plugin: plugins, page: pages })
    .from(callTargets)
    .innerJoin(plugins, eq(plugins.id, callTargets.pluginId))
    .innerJoin(pages, eq(pages.id, plugins.pageId))
    .where(and(eq(callTargets.id, request.targetId), eq(plugins.active, true)));
  const visible = found && (found.page.status === "published" || (await request.canSeeDrafts()));
  if (!found || !visible) return { ok: false, status: 404, error: "This target isn't taking calls.", field: "target_id" };
  const { target, plugin, page } = found;
  const language = page.language as Language;
  const strings = memberStrings(language);
  const config = readCallToolConfig(plugin.config, language);
  const refuse = (status: 403 | 422 | 429 | 503, error: string, extra: Partial<PlaceCallResult> = {}): PlaceCallResult => ({ ok: false, status, error, pageSlug: page.slug, ...extra }) as PlaceCallResult;

  const defaultCountry = (request.memberCountry ?? target.country) as Parameters<typeof parsePhoneNumberFromString>[1];
  const number = parsePhoneNumberFromString(request.memberPhone, defaultCountry);
  if (!number?.isValid() || !number.country) {
    return refuse(422, strings.invalidNumber(countryName(request.memberCountry ?? target.country, language)), { field: "member_phone_number" });
  }
  const allowed = config.allowedCountries.length
    ? config.allowedCountries
    : (await db.selectDistinct({ country: callTargets.country }).from(callTargets).where(eq(callTargets.pluginId, plugin.id))).map((row) => row.country);
  if (!allowed.includes(number.country)) return refuse(403, strings.countryNotAllowed, { field: "member_phone_number" });
  const type = number.getType();
  if (type && REFUSED_TYPES.includes(type)) return refuse(422, strings.numberRefused, { field: "member_phone_number" });
  if (await checkBlocklist(db, { number: number.number, ip: request.ip })) return refuse(403, strings.blocked, { field: "member_phone_number" });

  const env = getEnv();
  const limits: [RateWindow, number][] = [
    [{ bucket: "calls-per-number-per-page", key: `${page.id}:${number.number}`, windowSeconds: 24 * 3600 }, config.callsPerNumberPerDay],
    [{ bucket: "calls-per-ip", key: request.ip, windowSeconds: 3600 }, env.CALL_LIMIT_PER_IP_PER_HOUR],
    [{ bucket: "calls-global", key: "all", windowSeconds: 60 }, env.CALL_LIMIT_PER_MINUTE],
  ];
  for (const [window, limit] of limits) {
    // Counted atomically first, then compared: concurrent requests cannot slip past together.
    if ((await recordHit(db, window)) > limit) {
      const retryAfter = secondsLeftInWindow(window.windowSeconds);
      return refuse(429, strings.limitReached(Math.ceil(retryAfter / 60)), { retryAfter });
    }
  }

  const callerId = target.callerId || config.callerId || (await firstPhoneNumber(db)) || (telephonyConfig().mode === "simulator" ? TEST_CALLER_ID : "");
  if (!callerId) return refuse(503, "This call tool has no caller ID yet. The campaign team needs to choose one.");
  const clips = await clipUrls(db, [config.message.clipId, config.menu.clipId]);
  const script: CallScript = {
    language,
    message: { url: config.message.clipId ? (clips.get(config.message.clipId) ?? null) : null, text: config.message.text },
    menu: { url: config.menu.clipId ? (clips.get(config.menu.clipId) ?? null) : null, text: config.menu.text },
    target: { id: target.id, name: target.name, phone: target.phone, extension: target.extension },
    callerId,
    followUpUrl: page.followUpUrl,
  };
  const [call] = await db
    .insert(calls)
    .values({ pageId: page.id, pluginId: plugin.id, targetId: target.id, memberPhone: number.number, memberCountry: number.country, memberIp: request.ip, script })
    .returning({ id: calls.id });
  const callId = call!.id;

  try {
    const placed = await placeCall({
      to: number.number,
      from: callerId,
      url: stepUrl(callId, "start"),
      statusCallback: stepUrl(callId, "events"),
      statusCallbackEvents: ["initiated", "ringing", "answered", "completed"],
      timeout: 30,
    });
    await db.update(calls).set({ twilioCallSid: placed.sid }).where(and(eq(calls.id, callId)));
  } catch (error) {
    if (!(error instanceof TelephonyError)) throw error;
    await db.update(calls).set({ status: "failed", failureCode: error.code, failureMessage: error.message }).where(eq(calls.id, callId));
    log.warn({ callId, code: error.code, member: number.number }, "Twilio refused the member's call");
    return refuse(422, strings.failed(refusalReason(strings, error.code, error.status)), { field: "member_phone_number", callId });
  }
  return { ok: true, callId, statusUrl: `/api/calls/${callId}/status`, pageSlug: page.slug };
}

async function firstPhoneNumber(db: Db): Promise<string | undefined> {
  const [row] = await db.select({ number: phoneNumbers.number }).from(phoneNumbers).limit(1);
  return row?.number;
}
