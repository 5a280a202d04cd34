import { describe, expect, it } from "vitest";
import { DEFAULT_RECALL_POLICY, MAX_ATTEMPTS, nextAttempt, recallPolicySchema, type AttemptOutcome, type RecallInput } from "./policy";

// 10:00 in London on a winter weekday (UTC+0).
const MORNING = new Date("2026-01-14T10:00:00Z");
const london = ["Europe/London"];

const decide = (overrides: Partial<RecallInput>) =>
  nextAttempt({ policy: DEFAULT_RECALL_POLICY, attemptsSoFar: 1, outcome: "no-answer", firstAttemptAt: MORNING, endedAt: MORNING, timeZones: london, ...overrides });

describe("the recall policy", () => {
  it("recalls busy, no-answer and in-flight failures after the delay", () => {
    for (const outcome of ["busy", "no-answer", "failed"] as const) {
      expect(decide({ outcome })).toEqual({ recall: true, attempt: 2, at: new Date("2026-01-14T10:02:00Z"), postponed: false });
    }
  });

  it("counts an answering machine as no answer", () => {
    expect(decide({ outcome: "machine" })).toMatchObject({ recall: true, attempt: 2 });
    expect(decide({ outcome: "machine", policy: { ...DEFAULT_RECALL_POLICY, recallOn: ["busy"] } })).toEqual({ recall: false, reason: "not-recalled" });
  });

  it("never recalls someone who answered, a number refused at creation, or a call we cancelled", () => {
    expect(decide({ outcome: "answered" })).toEqual({ recall: false, reason: "answered" });
    expect(decide({ outcome: "refused" })).toEqual({ recall: false, reason: "refused" });
    expect(decide({ outcome: "canceled" })).toEqual({ recall: false, reason: "not-recalled" });
  });

  it("recalls only the outcomes the policy names", () => {
    const policy = { ...DEFAULT_RECALL_POLICY, recallOn: ["busy" as const] };
    expect(decide({ policy, outcome: "busy" })).toMatchObject({ recall: true });
    expect(decide({ policy, outcome: "no-answer" })).toEqual({ recall: false, reason: "not-recalled" });
    expect(decide({ policy: { ...DEFAULT_RECALL_POLICY, enabled: false } })).toEqual({ recall: false, reason: "disabled" });
  });

  it("makes the third call the last: no fourth, whatever the outcome or the settings", () => {
    expect(decide({ attemptsSoFar: 2 })).toMatchObject({ recall: true, attempt: 3 });
    expect(decide({ attemptsSoFar: 3 })).toEqual({ recall: false, reason: "last-attempt" });
    // A policy that slipped past validation still can't ask for a fourth.
    const greedy = { ...DEFAULT_RECALL_POLICY, maxAttempts: 10 };
    const outcomes: AttemptOutcome[] = ["busy", "no-answer", "failed", "machine", "refused", "answered", "canceled"];
    for (const outcome of outcomes) {
      for (let attemptsSoFar = 0; attemptsSoFar <= 6; attemptsSoFar++) {
        const decision = decide({ policy: greedy, attemptsSoFar, outcome });
        if (decision.recall) expect(decision.attempt).toBeLessThanOrEqual(MAX_ATTEMPTS);
        if (attemptsSoFar >= MAX_ATTEMPTS) expect(decision.recall).toBe(false);
      }
    }
    expect(decide({ policy: { ...DEFAULT_RECALL_POLICY, maxAttempts: 1 }, attemptsSoFar: 1 })).toEqual({ recall: false, reason: "last-attempt" });
    expect(recallPolicySchema.safeParse({ maxAttempts: 4 }).success).toBe(false);
  });

  it("waits for the morning in the callee's time zone during quiet hours", () => {
    // 20:59 in London: due at 21:01, inside quiet hours, so 08:00 the next day.
    const late = new Date("2026-01-14T20:59:00Z");
    expect(decide({ endedAt: late, firstAttemptAt: late })).toEqual({ recall: true, attempt: 2, at: new Date("2026-01-15T08:00:00Z"), postponed: true });
    // The same instant is 15:59 in New York: no wait there.
    expect(decide({ endedAt: late, firstAttemptAt: late, timeZones: ["America/New_York"] })).toMatchObject({ at: new Date("2026-01-14T21:01:00Z"), postponed: false });
    // Summer time: 08:00 in London is 07:00 UTC.
    const summer = new Date("2026-07-14T21:30:00Z");
    expect(decide({ endedAt: summer, firstAttemptAt: summer })).toMatchObject({ at: new Date("2026-07-15T07:00:00Z"), postponed: true });
  });

  it("waits until the window is open in every zone the number may be in", () => {
    // 13:00 UTC is 08:00 in New York but 05:00 in Los Angeles.
    const at = new Date("2026-01-14T12:58:00Z");
    const decision = decide({ endedAt: at, firstAttemptAt: at, timeZones: ["America/New_York", "America/Los_Angeles"] });
    expect(decision).toMatchObject({ recall: true, at: new Date("2026-01-14T16:00:00Z"), postponed: true });
  });

  it("gives up a postponed recall that would come too late", () => {
    const late = new Date("2026-01-14T20:59:00Z");
    const policy = { ...DEFAULT_RECALL_POLICY, maxAgeHours: 6 };
    expect(decide({ policy, endedAt: late, firstAttemptAt: late })).toEqual({ recall: false, reason: "too-late" });
  });

  it("treats an unknown time zone as UTC rather than never calling", () => {
    expect(decide({ timeZones: [] })).toMatchObject({ recall: true, at: new Date("2026-01-14T10:02:00Z") });
  });
});
