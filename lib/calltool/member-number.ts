import "server-only";
import { eq } from "drizzle-orm";
import { parsePhoneNumberFromString, type CountryCode, type NumberType } from "libphonenumber-js/max";
import { checkBlocklist } from "../blocklist/service";
import type { Db } from "../db/client";
import { callTargets } from "../pages/schema";
import { telephonyConfig } from "../telephony/config";
import type { CallToolConfig } from "./config";

/** Number types a call tool never rings: they cost the organisation money or reach no person. */
const PREMIUM_TYPES: NumberType[] = ["PREMIUM_RATE", "SHARED_COST"];
const REFUSED_TYPES: NumberType[] = [...PREMIUM_TYPES, "UAN", "PAGER", "VOICEMAIL", "PERSONAL_NUMBER"];
/** Twilio's magic test numbers (+1 500 555 …): in simulator mode they reach the simulator's refusals, so those can be tried from a page. */
const MAGIC_TEST_NUMBER = /^\+1500555\d{4}$/;

export type MemberNumberRefusal = "invalid" | "country" | "premium" | "type" | "blocked";
export type MemberNumberCheck = { ok: true; number: string; country: string } | { ok: false; refusal: MemberNumberRefusal };

/**
 * Whether a member's number may take part in a call tool's call, whichever
 * way the call starts (the web form, or the member dialling in): a valid
 * number, from an allowed country (empty: the targets' countries), not a
 * premium-rate or similar type, not on the blocklist (nor the address, when
 * there is one).
 */
export async function checkMemberNumber(
  db: Db,
  member: { phone: string; defaultCountry?: string; ip: string },
  tool: { pluginId: string; config: Pick<CallToolConfig, "allowedCountries"> },
): Promise<MemberNumberCheck> {
  const number = parsePhoneNumberFromString(member.phone, member.defaultCountry as CountryCode | undefined);
  if (!number?.isValid() || !number.country) return { ok: false, refusal: "invalid" };
  const allowed = tool.config.allowedCountries.length
    ? tool.config.allowedCountries
    : (await db.selectDistinct({ country: callTargets.country }).from(callTargets).where(eq(callTargets.pluginId, tool.pluginId))).map((row) => row.country);
  if (!allowed.includes(number.country)) return { ok: false, refusal: "country" };
  const type = number.getType();
  const magic = telephonyConfig().mode === "simulator" && MAGIC_TEST_NUMBER.test(number.number);
  if (type && REFUSED_TYPES.includes(type) && !magic) return { ok: false, refusal: PREMIUM_TYPES.includes(type) ? "premium" : "type" };
  if (await checkBlocklist(db, { number: number.number, ip: member.ip })) return { ok: false, refusal: "blocked" };
  return { ok: true, number: number.number, country: number.country };
}
