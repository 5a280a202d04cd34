import { describe, expect, it } from "vitest";
import { formatClock, inWindow, localMinutes, nextInWindow, parseClock } from "./hours";

const nineToFive = { start: 9 * 60, end: 17 * 60 };

describe("windows in local time", () => {
  it("reads wall-clock time in a zone, across daylight saving", () => {
    expect(localMinutes(new Date("2026-01-14T12:30:00Z"), "America/New_York")).toBe(7 * 60 + 30);
    expect(localMinutes(new Date("2026-07-14T12:30:00Z"), "America/New_York")).toBe(8 * 60 + 30);
    expect(localMinutes(new Date("2026-01-14T12:30:00Z"), "Asia/Kathmandu")).toBe(18 * 60 + 15);
  });

  it("parses and formats 24-hour clock times", () => {
    expect(parseClock("08:00")).toBe(480);
    expect(parseClock("23:59")).toBe(1439);
    for (const bad of ["8:00", "24:00", "12:60", "noon", ""]) expect(parseClock(bad)).toBeNull();
    expect(formatClock(1260)).toBe("21:00");
    expect(formatClock(1440)).toBe("24:00");
  });

  it("is open only when open in every zone, the end excluded", () => {
    expect(inWindow(new Date("2026-01-14T16:59:00Z"), ["Europe/London"], nineToFive)).toBe(true);
    expect(inWindow(new Date("2026-01-14T17:00:00Z"), ["Europe/London"], nineToFive)).toBe(false);
    expect(inWindow(new Date("2026-01-14T14:00:00Z"), ["Europe/London", "America/New_York"], nineToFive)).toBe(true);
    expect(inWindow(new Date("2026-01-14T13:00:00Z"), ["Europe/London", "America/New_York"], nineToFive)).toBe(false);
  });

  it("finds the next opening, including half-hour and quarter-hour zones", () => {
    expect(nextInWindow(new Date("2026-01-14T18:00:00Z"), ["Europe/London"], nineToFive)).toEqual(new Date("2026-01-15T09:00:00Z"));
    // Kathmandu is UTC+5:45: 09:00 there is 03:15 UTC.
    expect(nextInWindow(new Date("2026-01-14T00:00:00Z"), ["Asia/Kathmandu"], nineToFive)).toEqual(new Date("2026-01-14T03:15:00Z"));
    // Zones whose windows never overlap have no opening.
    expect(nextInWindow(new Date("2026-01-14T00:00:00Z"), ["Europe/London", "Pacific/Auckland"], nineToFive)).toBeNull();
  });
});
