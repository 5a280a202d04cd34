import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { getEnv } from "../env";
import { callTargets, pages, plugins } from "../pages/schema";
import { recordHits, secondsLeftInWindow, type RateWindow } from "../rate-limit";
import { readCallToolConfig } from "./config";
import type { Language } from "./languages";
import { memberStrings, refusalReason, type MemberStrings } from "./member-strings";
import { checkMemberNumber, type MemberNumberRefusal } from "./member-number";
import { buildCallScript, callerIdFor } from "./script";
import { createCall, findExisting } from "./create-call";
import { scheduleAttempt } from "./placement";

/** A refused number, as the member reads it. */
export function numberRefusal(refusal: MemberNumberRefusal, strings: MemberStrings, country: string): [403 | 422, string] {
  switch (refusal) {
    case "invalid":
      return [422, strings.invalidNumber(country)];
    case "country":
      return [403, strings.countryNotAllowed];
    case "premium":
      return [422, strings.premiumRate];
    case "type":
      return [422, strings.numberTypeRefused];
    case "blocked":
      return [403, strings.blocked];
  }
}

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

  const checked = await checkMemberNumber(db, { phone: request.memberPhone, defaultCountry: request.memberCountry ?? target.country, ip: request.ip }, { pluginId: plugin.id, config });
  if (!checked.ok) {
    const [status, error] = numberRefusal(checked.refusal, strings, countryName(request.memberCountry ?? target.country, language));
    return refuse(status, error, { field: "member_phone_number" });
  }
  const number = checked;

  // A double click, a resubmitted form or a second tab gets the call already made: never a second ring.
  const live = await findExisting(db, page.id, number.number, request.idempotencyKey);
  if (live) return existing(live);

  const env = getEnv();
  const requestLimits: [RateWindow, number][] = [
    [{ bucket: "calls-per-ip", key: request.ip, windowSeconds: 3600 }, env.CALL_LIMIT_PER_IP_PER_HOUR],
    [{ bucket: "calls-global", key: "all", windowSeconds: 60 }, env.CALL_LIMIT_PER_MINUTE],
  ];
  // Counted atomically first, then compared: concurrent requests cannot slip past together.
  const counts = await recordHits(db, requestLimits.map(([window]) => window));
  const over = requestLimits.find(([, limit], index) => counts[index]! > limit);
  if (over) {
    const retryAfter = secondsLeftInWindow(over[0].windowSeconds);
    return refuse(429, strings.limitReached(Math.ceil(retryAfter / 60)), { retryAfter });
  }

  const callerId = await callerIdFor(db, target, config);
  if (!callerId) return refuse(503, strings.noCallerId);
  const script = await buildCallScript(db, page, config, target, callerId);
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
