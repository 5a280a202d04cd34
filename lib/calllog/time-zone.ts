import "server-only";
import { cookies } from "next/headers";
import { isTimeZone } from "../recall/hours";

/** The cookie the call log's pages set from the browser's own zone (components/calllog/time-zone-cookie.tsx). */
export const TIME_ZONE_COOKIE = "pt_tz";

/** The campaigner's time zone, as their browser reported it; UTC until it has. */
export async function campaignerTimeZone(): Promise<string> {
  const value = (await cookies()).get(TIME_ZONE_COOKIE)?.value ?? "";
  return value.length <= 64 && isTimeZone(value) ? value : "UTC";
}
