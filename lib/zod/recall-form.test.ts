import { describe, expect, it } from "vitest";
import { callToolRecallSchema, readCallToolConfig } from "../calltool/config";
import { settingsFormSchema } from "./calltool-form";
import { recallPolicyOf } from "./recall-form";

const form = (overrides: Record<string, string | undefined> = {}) => {
  const fields: Record<string, string | undefined> = {
    title: "Call them",
    selectionMode: "pick",
    targetByAttributes: "",
    messageText: "Hello",
    menuText: "Press 1",
    callerId: "",
    allowedCountries: "",
    callsPerNumberPerDay: "3",
    memberTimeLimitMinutes: "30",
    targetTimeLimitMinutes: "20",
    recallEnabled: "on",
    recallMaxAttempts: "3",
    recallDelayMinutes: "2",
    recallOnBusy: "on",
    recallOnNoAnswer: "on",
    recallOnFailed: "on",
    recallMaxAgeHours: "24",
    ringSeconds: "30",
    targetsPerCall: "1",
    busyRedialAttempts: "3",
    busyRedialDelaySeconds: "30",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
};
const errorsOf = (input: Record<string, unknown>) => {
  const parsed = settingsFormSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("the call tool's recall policy in the editor", () => {
  it("defaults to 3 calls, 2 minutes apart, 30 s of ringing, busy, no answer and failed recalled, no machine detection", () => {
    expect(callToolRecallSchema.parse({})).toEqual({ enabled: true, maxAttempts: 3, delayMinutes: 2, recallOn: ["busy", "no-answer", "failed"], maxAgeHours: 24, ringSeconds: 30, machineDetection: false, quietHours: true });
    // A call tool saved before recalls had their settings gets the defaults.
    const stored = readCallToolConfig({ title: "Old", message: { clipId: null, text: "m" }, menu: { clipId: null, text: "n" }, recall: { enabled: true, maxAttempts: 2, delayMinutes: 5 } }, "en");
    expect(stored.title).toBe("Old");
    expect(stored.recall).toMatchObject({ maxAttempts: 2, delayMinutes: 5, ringSeconds: 30, recallOn: ["busy", "no-answer", "failed"] });
  });

  it("reads the form into the policy: the outcomes ticked, detection, the age limit", () => {
    const parsed = settingsFormSchema.parse(form({ recallOnBusy: undefined, recallMaxAgeHours: "6", machineDetection: "on", ringSeconds: "45" }));
    expect(recallPolicyOf(parsed)).toEqual({ enabled: true, maxAttempts: 3, delayMinutes: 2, recallOn: ["no-answer", "failed"], maxAgeHours: 6 });
    expect(parsed).toMatchObject({ ringSeconds: 45, machineDetection: true });
  });

  it("puts each bad value's error at its field: never a fourth call, a ring under a minute", () => {
    // Quiet hours are a checkbox: unticked, call backs come at any hour.
    expect(settingsFormSchema.parse(form({ recallQuietHours: "on" })).recallQuietHours).toBe(true);
    expect(settingsFormSchema.parse(form()).recallQuietHours).toBe(false);
    expect(errorsOf(form({ recallMaxAttempts: "4" }))).toEqual({ recallMaxAttempts: "At most 3 calls" });
    expect(errorsOf(form({ ringSeconds: "60" }))).toEqual({ ringSeconds: "Under a minute: Twilio reroutes longer rings abroad, where they show as an anonymous number" });
    expect(errorsOf(form({ ringSeconds: "5" }))).toEqual({ ringSeconds: "At least 10 seconds" });
    expect(errorsOf(form({ recallDelayMinutes: "0" }))).toEqual({ recallDelayMinutes: "At least 1 minute" });
    expect(errorsOf(form({ recallMaxAgeHours: "abc" }))).toEqual({ recallMaxAgeHours: "Enter a number of hours" });
    // The stored config refuses the same, whoever writes it.
    expect(callToolRecallSchema.safeParse({ maxAttempts: 4 }).success).toBe(false);
    expect(callToolRecallSchema.safeParse({ ringSeconds: 60 }).success).toBe(false);
  });
});
