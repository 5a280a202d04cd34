import { beforeAll, describe, expect, it } from "vitest";
import { applyTestTelephonyEnv } from "../telephony/testing/env";
import { menuStep, readPlace } from "./flow";

beforeAll(() => applyTestTelephonyEnv());

const place = (round: number, extra: { replay?: number; wrong?: number } = {}) => ({ attempt: 1, dial: 1, replay: extra.replay ?? 0, round, wrong: extra.wrong ?? 0 });

describe("menuStep", () => {
  it("takes no choice from a key pressed during the message", () => {
    expect(menuStep(place(0), "1")).toEqual({ kind: "menu", round: 1, wrong: 0, notAnOption: false });
    expect(menuStep(place(0), "")).toEqual({ kind: "menu", round: 1, wrong: 0, notAnOption: false });
  });

  it("connects on 1 and replays on 2, three times at most", () => {
    expect(menuStep(place(1), "1")).toEqual({ kind: "connect" });
    expect(menuStep(place(2, { replay: 2 }), "2")).toEqual({ kind: "replay", replay: 3 });
    expect(menuStep(place(1, { replay: 3 }), "2")).toEqual({ kind: "menu", round: 2, wrong: 0, notAnOption: false });
  });

  it("answers a wrong key with “not an option”, and ends the third round with a goodbye that says why", () => {
    expect(menuStep(place(1), "7")).toEqual({ kind: "menu", round: 2, wrong: 1, notAnOption: true });
    expect(menuStep(place(3), "")).toEqual({ kind: "goodbye", wrongKeys: false });
    expect(menuStep(place(3, { wrong: 1 }), "")).toEqual({ kind: "goodbye", wrongKeys: true });
    expect(menuStep(place(3), "9")).toEqual({ kind: "goodbye", wrongKeys: true });
  });
});

describe("readPlace", () => {
  it("reads the place from the URL Twilio signed, falling back on anything odd", () => {
    expect(readPlace(new URL("https://x.test/twilio/calls/c/menu?attempt=2&replay=1&round=3&wrong=1&dial=2"))).toEqual({ attempt: 2, replay: 1, round: 3, wrong: 1, dial: 2, pos: 1, redial: 0, again: 0, met: 0 });
    expect(readPlace(new URL("https://x.test/twilio/calls/c/menu?attempt=abc&round=99"))).toEqual({ attempt: 1, replay: 0, round: 0, wrong: 0, dial: 1, pos: 1, redial: 0, again: 0, met: 0 });
    expect(readPlace(new URL("https://x.test/twilio/calls/c/connect?dial=7&pos=3&redial=2&again=1&met=2"))).toMatchObject({ dial: 7, pos: 3, redial: 2, again: 1, met: 2 });
    expect(readPlace(new URL("https://x.test/twilio/calls/c/connect?pos=0&redial=11&again=2&met=-1"))).toMatchObject({ pos: 1, redial: 0, again: 0, met: 0 });
  });
});
