import { describe, expect, it } from "vitest";
import { callToolConfigSchema } from "../calltool/config";
import { settingsFormSchema } from "./calltool-form";
import { fieldErrorsOf } from "./errors";

const form = {
  title: "Call your MP",
  selectionMode: "pick",
  targetByAttributes: "",
  messageText: "Hello",
  menuText: "Press 1",
  allowedCountries: "GB",
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
  targetsPerCall: "2",
  busyRedialEnabled: "on",
  busyRedialAttempts: "5",
  busyRedialDelaySeconds: "30",
};

describe("the call tool settings form: several targets and busy lines", () => {
  it("reads the number of targets per call and the busy-line redials", () => {
    expect(settingsFormSchema.parse(form)).toMatchObject({ targetsPerCall: 2, busyRedialEnabled: true, busyRedialAttempts: 5, busyRedialDelaySeconds: 30 });
    expect(settingsFormSchema.parse({ ...form, busyRedialEnabled: undefined })).toMatchObject({ busyRedialEnabled: false });
  });

  it("puts each bad value's message at its own field", () => {
    const result = settingsFormSchema.safeParse({ ...form, targetsPerCall: "9", busyRedialAttempts: "0", busyRedialDelaySeconds: "soon" });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ targetsPerCall: "At most 5 targets", busyRedialAttempts: "At least 1 redial", busyRedialDelaySeconds: "Enter a number of seconds" });
    expect(fieldErrorsOf(settingsFormSchema.safeParse({ ...form, targetsPerCall: "1.5", busyRedialDelaySeconds: "2" }).error!)).toEqual({
      targetsPerCall: "Enter a whole number",
      busyRedialDelaySeconds: "At least 5 seconds",
    });
  });

  it("defaults a stored config without the new settings to one target and no redials", () => {
    const stored = callToolConfigSchema.parse({ title: "Old", message: { clipId: null, text: "Hi" }, menu: { clipId: null, text: "1" } });
    expect(stored).toMatchObject({ targetsPerCall: 1, busyRedial: { enabled: false, attempts: 3, delaySeconds: 30 } });
  });
});
