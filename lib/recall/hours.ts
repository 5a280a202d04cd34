/**
 * Time windows in the callee's local time: quiet hours for recalls, calling
 * hours for phone banks. Pure: every function takes the instant it reasons
 * about, so tests need no clock.
 *
 * A number may map to several time zones (a US toll-free number, a mobile
 * range spanning a country). Then a window is open only when it is open in
 * every one of them: nobody is called at 7 a.m. because one of their possible
 * zones says 9.
 */

/** Minutes after midnight: 08:00 is 480. */
export type Window = { start: number; end: number };

export const MINUTES_PER_DAY = 24 * 60;
/** No recall between 21:00 and 08:00: the window in which one may be placed. */
export const RECALL_HOURS: Window = { start: 8 * 60, end: 21 * 60 };
/** Used when a number tells nothing about its zone. */
export const FALLBACK_TIME_ZONE = "UTC";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, format);
  }
  return format;
}

export function isTimeZone(value: string): boolean {
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at `instant` in `timeZone`, in minutes after midnight. */
export function localMinutes(instant: Date, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(instant);
  const hour = Number(parts.find((part) => part.type === "hour")?.value);
  const minute = Number(parts.find((part) => part.type === "minute")?.value);
  return hour * 60 + minute;
}

/** "08:00" → 480. Answers null for anything that isn't a 24-hour time. */
export function parseClock(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 480 → "08:00"; the end of the day, 1440, is "24:00". */
export function formatClock(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const zonesOrFallback = (zones: readonly string[]) => (zones.length > 0 ? zones : [FALLBACK_TIME_ZONE]);

/** Whether `instant` falls inside `window` ([start, end)) in every one of `zones`. */
export function inWindow(instant: Date, zones: readonly string[], window: Window): boolean {
  return zonesOrFallback(zones).every((zone) => {
    const minutes = localMinutes(instant, zone);
    return window.start <= window.end ? minutes >= window.start && minutes < window.end : minutes >= window.start || minutes < window.end;
  });
}

// Every zone's offset is a whole number of quarter hours, so stepping by
// quarter hours from a quarter-hour boundary lands on every window's opening.
const STEP_MS = 15 * 60 * 1000;

/**
 * The earliest instant at or after `from` that is inside the window in every
 * zone, looking no further than `horizonHours`; null when there is none (the
 * zones' windows never overlap).
 */
export function nextInWindow(from: Date, zones: readonly string[], window: Window, horizonHours = 72): Date | null {
  if (inWindow(from, zones, window)) return from;
  const limit = from.getTime() + horizonHours * 3600 * 1000;
  for (let at = Math.ceil(from.getTime() / STEP_MS) * STEP_MS; at <= limit; at += STEP_MS) {
    const candidate = new Date(at);
    if (inWindow(candidate, zones, window)) return candidate;
  }
  return null;
}
