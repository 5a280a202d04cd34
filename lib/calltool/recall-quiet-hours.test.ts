import { describe, expect, it } from "vitest";
import type { Call, CallAttempt } from "./call-schema";
import { callToolRecallSchema } from "./config";
import { recallDecision } from "./recall";

// A member in London whose phone didn't answer at 22:00 (quiet hours), on a call tool recalling 2 minutes later.
const endedAt = new Date("2026-11-29T22:00:00Z");
const callWith = (quietHours: boolean) =>
  ({
    id: "c1",
    memberPhone: "+442079460901",
    createdAt: new Date("2026-11-29T21:59:00Z"),
    recallsStoppedAt: null,
    script: { recall: { policy: callToolRecallSchema.parse({ delayMinutes: 2, quietHours }), timeZones: ["Europe/London"] } },
  }) as unknown as Call;
const missed = { attempt: 1, placement: "placed", status: "no-answer", ringingAt: endedAt, answeredAt: null, answeredBy: null, endedAt } as unknown as CallAttempt;

describe("quiet hours on a call tool's call backs", () => {
  it("keeps a call back from the night by default: it waits for 08:00 in the member's zone", async () => {
    expect(await recallDecision(callWith(true), missed)).toMatchObject({ recall: true, at: new Date("2026-11-30T08:00:00Z") });
  });

  it("calls back at any hour when the campaigner switched quiet hours off", async () => {
    expect(await recallDecision(callWith(false), missed)).toMatchObject({ recall: true, at: new Date("2026-11-29T22:02:00Z") });
  });
});
