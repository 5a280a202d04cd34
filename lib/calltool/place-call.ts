import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { parsePhoneNumberFromString, type NumberType } from "libphonenumber-js/max";
import { checkBlocklist } from "../blocklist/service";
import type { Db } from "../db/client";
import { getEnv } from "../env";
import { callTargets, pages, phoneNumbers, plugins } from "../pages/schema";
import { clipUrls } from "../pages/public";
import { recordHit, secondsLeftInWindow, type RateWindow } from "../rate-limit";
import { telephonyConfig } from "../telephony/config";
import { TEST_CALLER_ID } from "../telephony/test-call";
import type { CallScript } from "./call-schema";
import { readCallToolConfig } from "./config";
import type { Language } from "./languages";
import { memberStrings, refusalReason } from "./member-strings";
import { createCall, findExisting } from "./create-call";
import { scheduleAttempt } from "./placement";
import { buildSequence, type SequenceCandidate } from "./sequence";
import type { Pinned } from "./targets";

/** Number types a call tool never rings: they cost the organisation money or reach no person. */
const PREMIUM_TYPES: NumberType[] = ["PREMIUM_RATE", "SHARED_COST"];
const REFUSED_TYPES: NumberType[] = [...PREMIUM_TYPES, "UAN", "PAGER", "VOICEMAIL", "PERSONAL_NUMBER"];
/** Twilio's magic test numbers (+1 500 555 …): in simulator mode they reach the simulator's refusals, so those can be tried from a page. */
const MAGIC_TEST_NUMBER = /^\+1500555\d{4}$/;

export type PlaceCallRequest = {
  targetId: string;
  memberPhone: string;
  memberCountry?: string;
  idempotencyKey?: string;
  /** The language of the page the form was on, for errors before the target (and so the page) is known. */
  language?: string;
  ip: string;
  canSeeDrafts: () => Promise<boolean>;
};

export type PlaceCallResult =
  | { ok: true; status: 200 | 201; callId: string; statusUrl: string; pageSlug: string; pluginId: string }
  | { ok: false; status: 403 | 404 | 422 | 429 | 503; error: string; field?: "member_phone_number" | "target_id"; retryAfter?: number; callId?: string; pageSlug?: string; pluginId?: string };

const countryName = (code: string, language: string) => new Intl.DisplayNames([language], { type: "region" }).of(code) ?? code;

/**
 * A member asks to be called and put through to a target. In order: find the
 * target, normalise the number, enforce the allowed countries, refuse
 * toll-fraud number types, check the blocklist; hand back the call already
 * live for this number and page (or made with this form's idempotency key);
 * count the address and global limits; then create the call (in the same
 * statement as the number's daily limit, counted in calls made) and put it in
 * line to be placed at the account's pace.
 */
export async function placeMemberCall(db: Db, request: PlaceCallRequest): Promise<PlaceCallResult> {
  const [found] = await db
    .select({ target: callTargets, plugin: plugins, page: pages })
    .from(callTargets)
    .innerJoin(plugins, eq(plugins.id, callTargets.pluginId))
    .innerJoin(pages, eq(pages.id, plugins.pageId))
    .where(and(eq(callTargets.id, request.targetId), eq(plugins.active, true)));
  const visible = found && (found.page.status === "published" || (await request.canSeeDrafts()));
  if (!found || !visible) return { ok: false, status: 404, error: memberStrings(request.language ?? "en").notTakingCalls, field: "target_id" };
  const { target, plugin, page } = found;
  const language = page.language as Language;
  const strings = memberStrings(language);
  const config = readCallToolConfig(plugin.config, language);
  const where = { pageSlug: page.slug, pluginId: plugin.id };
  const refuse = (status: 403 | 422 | 429 | 503, error: string, extra: Partial<PlaceCallResult> = {}): PlaceCallResult => ({ ok: false, status, error, ...where, ...extra }) as PlaceCallResult;
  const existing = (call: { id: string }): PlaceCallResult => ({ ok: true, status: 200, callId: call.id, statusUrl: `/api/calls/${call.id}/status`, ...where });

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
  const magic = telephonyConfig().mode === "simulator" && MAGIC_TEST_NUMBER.test(number.number);
  if (type && REFUSED_TYPES.includes(type) && !magic) {
    return refuse(422, PREMIUM_TYPES.includes(type) ? strings.premiumRate : strings.numberTypeRefused, { field: "member_phone_number" });
  }
  if (await checkBlocklist(db, { number: number.number, ip: request.ip })) return refuse(403, strings.blocked, { field: "member_phone_number" });

  // A double click, a resubmitted form or a second tab gets the call already made: never a second ring.
  const live = await findExisting(db, page.id, number.number, request.idempotencyKey);
  if (live) return existing(live);

  const env = getEnv();
  const requestLimits: [RateWindow, number][] = [
    [{ bucket: "calls-per-ip", key: request.ip, windowSeconds: 3600 }, env.CALL_LIMIT_PER_IP_PER_HOUR],
    [{ bucket: "calls-global", key: "all", windowSeconds: 60 }, env.CALL_LIMIT_PER_MINUTE],
  ];
  for (const [window, limit] of requestLimits) {
    // Counted atomically first, then compared: concurrent requests cannot slip past together.
    if ((await recordHit(db, window)) > limit) {
      const retryAfter = secondsLeftInWindow(window.windowSeconds);
      return refuse(429, strings.limitReached(Math.ceil(retryAfter / 60)), { retryAfter });
    }
  }

  const callerId = target.callerId || config.callerId || (await firstPhoneNumber(db)) || (telephonyConfig().mode === "simulator" ? TEST_CALLER_ID : "");
  if (!callerId) return refuse(503, strings.noCallerId);
  const clips = await clipUrls(db, [config.message.clipId, config.menu.clipId]);
  const targets = await sequenceOf(db, target, plugin.id, config);
  const script: CallScript = {
    language,
    message: { url: config.message.clipId ? (clips.get(config.message.clipId) ?? null) : null, text: config.message.text },
    menu: { url: config.menu.clipId ? (clips.get(config.menu.clipId) ?? null) : null, text: config.menu.text },
    target: targets[0]!,
    targets,
    busyRedial: config.busyRedial.enabled ? { attempts: config.busyRedial.attempts, delaySeconds: config.busyRedial.delaySeconds } : null,
    callerId,
    followUpUrl: page.followUpUrl,
    limits: { memberSeconds: config.memberTimeLimitMinutes * 60, dialSeconds: config.targetTimeLimitMinutes * 60 },
  };
  const made = await createCall(
    db,
    { pageId: page.id, pluginId: plugin.id, targetId: target.id, memberPhone: number.number, memberCountry: number.country, memberIp: request.ip, script, idempotencyKey: request.idempotencyKey },
    config.callsPerNumberPerDay,
  );
  if (made.kind === "existing") return existing(made);
  if (made.kind === "limit") return refuse(429, strings.limitReached(Math.ceil(made.retryAfter / 60)), { retryAfter: made.retryAfter });
  const call = made.call;

  const placed = await scheduleAttempt(db, call, 1);
  if (placed.kind === "refused") {
    if (placed.busy) return refuse(503, strings.veryBusy, { callId: call.id });
    const callerIdProblem = placed.code === 21210 || placed.code === 21212;
    return refuse(callerIdProblem ? 503 : 422, strings.failed(refusalReason(strings, placed.code)), { callId: call.id, ...(callerIdProblem ? {} : { field: "member_phone_number" }) });
  }
  return { ok: true, status: 201, callId: call.id, statusUrl: `/api/calls/${call.id}/status`, ...where };
}

const candidate = (row: typeof callTargets.$inferSelect): SequenceCandidate => ({
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
 * alongside the member's choice; none when neither applies.
 */
async function sequenceOf(db: Db, chosen: typeof callTargets.$inferSelect, pluginId: string, config: ReturnType<typeof readCallToolConfig>) {
  const several = config.targetsPerCall > 1;
  const others = await db
    .select()
    .from(callTargets)
    .where(and(eq(callTargets.pluginId, pluginId), several ? sql`true` : ne(callTargets.pinned, "")))
    .orderBy(asc(callTargets.position));
  return buildSequence(candidate(chosen), others.map(candidate), { mode: config.selectionMode, perCall: config.targetsPerCall, drillDownBy: config.targetByAttributes });
}

async function firstPhoneNumber(db: Db): Promise<string | undefined> {
  const [row] = await db.select({ number: phoneNumbers.number }).from(phoneNumbers).limit(1);
  return row?.number;
}
