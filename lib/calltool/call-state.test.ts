import { describe, expect, it } from "vitest";
import { callOutcome, describeOutcome, outcomeRank, type AttemptFacts, type CallFacts, type DialFacts } from "./call-state";
import { memberProgress } from "./progress";

const now = new Date("2026-03-01T10:00:00Z");
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const attempt = (over: Partial<AttemptFacts> = {}): AttemptFacts => ({
  attempt: 1,
  placement: "placed",
  scheduledAt: at(-60),
  placedAt: at(-60),
  status: null,
  ringingAt: null,
  answeredAt: null,
  errorCode: null,
  ...over,
});
const dial = (over: Partial<DialFacts> = {}): DialFacts => ({ dial: 1, targetName: "Ada", dialCallStatus: null, answeredAt: null, duration: null, errorCode: null, ...over });
const facts = (over: Partial<CallFacts> = {}): CallFacts => ({ status: "unstarted", endedAt: null, failureCode: null, failureMessage: null, menuRounds: 0, attempt: attempt(), dials: [], ...over });
const code = (value: CallFacts) => callOutcome(value, now).code;
const ringing = { ringingAt: at(-50) };

describe("callOutcome", () => {
  it("keeps a missed attempt with calls left going until the call is settled: the page keeps following it into the recall", () => {
    const missed = attempt({ ...ringing, status: "no-answer" });
    expect(callOutcome(facts({ attempt: missed, maxAttempts: 3 }), now)).toMatchObject({ code: "calling", done: false, attempt: 1, of: 3 });
    expect(callOutcome(facts({ attempt: missed, maxAttempts: 3, endedAt: at(-1) }), now)).toMatchObject({ code: "member-no-answer", done: true });
    expect(callOutcome(facts({ attempt: attempt({ ...ringing, attempt: 3, status: "busy" }), maxAttempts: 3 }), now)).toMatchObject({ code: "member-busy", done: true });
    expect(callOutcome(facts({ attempt: missed }), now)).toMatchObject({ code: "member-no-answer", done: true });
    const recall = callOutcome(facts({ attempt: attempt({ attempt: 2, placement: "waiting", scheduledAt: at(105), placedAt: null }), maxAttempts: 3 }), now);
    expect(recall).toMatchObject({ code: "recall-waiting", seconds: 105, attempt: 2, of: 3, done: false });
    expect(outcomeRank(recall)).toBeGreaterThan(outcomeRank(callOutcome(facts({ attempt: missed, maxAttempts: 3 }), now)));
  });

  it("never calls a call unanswered while it waits, is being placed, or is still queued at Twilio", () => {
    expect(code(facts({ attempt: attempt({ placement: "waiting", scheduledAt: at(5), placedAt: null }) }))).toBe("waiting");
    expect(callOutcome(facts({ attempt: attempt({ placement: "waiting", scheduledAt: at(5), placedAt: null }) }), now).seconds).toBe(5);
    expect(code(facts({ attempt: attempt({ placement: "unknown" }) }))).toBe("placing");
    expect(code(facts({ attempt: attempt({ status: "queued" }) }))).toBe("placing");
    // Placed minutes ago with no word at all: still not "no answer" (reconciliation asks Twilio).
    expect(code(facts({ attempt: attempt({ placedAt: at(-600) }) }))).toBe("placing");
    expect(code(facts({ attempt: attempt({ status: "ringing", ...ringing }) }))).toBe("calling");
  });

  it("tells each way a call ends apart", () => {
    const over = { endedAt: at(0) };
    expect(code(facts({ ...over, attempt: attempt({ status: "no-answer", ...ringing }) }))).toBe("member-no-answer");
    expect(code(facts({ ...over, attempt: attempt({ status: "busy", ...ringing }) }))).toBe("member-busy");
    // Failed before it rang: it was never placed, not missed.
    expect(code(facts({ ...over, attempt: attempt({ status: "failed", errorCode: 32009 }) }))).toBe("failed");
    expect(code(facts({ ...over, status: "started", attempt: attempt({ status: "completed", answeredAt: at(-40) }) }))).toBe("hung-up-before-connected");
    expect(code(facts({ ...over, status: "started", menuRounds: 3, attempt: attempt({ status: "completed", answeredAt: at(-40) }) }))).toBe("no-valid-choice");
    const connected = { ...over, status: "connected", attempt: attempt({ status: "completed", answeredAt: at(-40) }) };
    expect(code(facts({ ...connected, dials: [dial({ dialCallStatus: "busy" })] }))).toBe("target-busy");
    expect(code(facts({ ...connected, dials: [dial({ dialCallStatus: "no-answer" })] }))).toBe("target-no-answer");
    expect(code(facts({ ...connected, dials: [dial({ dialCallStatus: "failed", errorCode: 13224 })] }))).toBe("target-failed");
    expect(code(facts({ ...connected, dials: [dial({ dialCallStatus: "canceled" })] }))).toBe("hung-up-before-connected");
    expect(callOutcome(facts({ ...connected, dials: [dial({ dialCallStatus: "completed", duration: 95, answeredAt: at(-100) })] }), now)).toMatchObject({ code: "connected", seconds: 95, done: true });
    expect(code(facts({ status: "failed", failureCode: 21211, endedAt: at(0), attempt: attempt({ placement: "refused" }) }))).toBe("failed");
  });

  it("puts the retried dial's result on the retried dial: talking, not busy", () => {
    const live = { status: "connected", attempt: attempt({ status: "in-progress", answeredAt: at(-40) }) };
    expect(code(facts({ ...live, dials: [dial({ dialCallStatus: "busy" })] }))).toBe("retry-offered");
    expect(code(facts({ ...live, dials: [dial({ dialCallStatus: "busy" }), dial({ dial: 2 })] }))).toBe("connecting");
    expect(code(facts({ ...live, dials: [dial({ dialCallStatus: "busy" }), dial({ dial: 2, answeredAt: at(-5) })] }))).toBe("talking");
    expect(callOutcome(facts({ ...live, endedAt: at(0), dials: [dial({ dialCallStatus: "busy" }), dial({ dial: 2, dialCallStatus: "completed", duration: 30 })] }), now)).toMatchObject({ code: "connected", seconds: 30 });
  });

  it("only moves forward along a call's life, whatever order the facts arrive in", () => {
    const steps: CallFacts[] = [
      facts({ attempt: attempt({ placement: "waiting", placedAt: null, scheduledAt: at(3) }) }),
      facts({ attempt: attempt({ placement: "unknown" }) }),
      facts({ attempt: attempt({ status: "ringing", ...ringing }) }),
      facts({ status: "started", attempt: attempt({ status: "in-progress", ...ringing, answeredAt: at(-30) }) }),
      facts({ status: "connected", attempt: attempt({ status: "in-progress", answeredAt: at(-30) }), dials: [dial()] }),
      facts({ status: "connected", attempt: attempt({ status: "in-progress", answeredAt: at(-30) }), dials: [dial({ dialCallStatus: "no-answer" })] }),
      facts({ status: "connected", attempt: attempt({ status: "in-progress", answeredAt: at(-30) }), dials: [dial({ dialCallStatus: "no-answer" }), dial({ dial: 2 })] }),
      facts({ status: "connected", attempt: attempt({ status: "in-progress", answeredAt: at(-30) }), dials: [dial({ dialCallStatus: "no-answer" }), dial({ dial: 2, answeredAt: at(-2) })] }),
      // The target hung up first: the member still hears the goodbye, but the outcome is final.
      facts({ status: "connected", attempt: attempt({ status: "in-progress", answeredAt: at(-30) }), dials: [dial({ dialCallStatus: "no-answer" }), dial({ dial: 2, answeredAt: at(-2), dialCallStatus: "completed", duration: 2 })] }),
    ];
    const ranks = steps.map((step) => outcomeRank(callOutcome(step, now)));
    for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeGreaterThan(ranks[i - 1]!);
  });
});

describe("memberProgress", () => {
  const call = { memberPhone: "+442079460999", script: { language: "fr", target: { name: "Ada" }, followUpUrl: "https://example.org/next" } };
  it("thanks and offers the follow-up only after a connected call", () => {
    const connected = memberProgress(call, facts({ status: "connected", endedAt: at(0), dials: [dial({ dialCallStatus: "completed", duration: 200 })] }), now);
    expect(connected).toMatchObject({ connected: true, done: true, message: "Vous avez parlé à Ada pendant 3 min. Merci d'avoir appelé !", followUpUrl: "https://example.org/next?target=Ada" });
    const busy = memberProgress(call, facts({ status: "connected", endedAt: at(0), dials: [dial({ dialCallStatus: "busy" })] }), now);
    expect(busy).toMatchObject({ connected: false, done: true, followUpUrl: null, message: "La ligne de Ada était occupée ; vous n'avez pas été mis en relation." });
    expect(busy.message).not.toMatch(/merci/i);
  });
});

describe("callOutcome with several targets and busy lines", () => {
  const live = { status: "connected", attempt: attempt({ status: "in-progress", ...ringing, answeredAt: at(-40) }) };
  const sequence = { total: 3, redials: 2 };

  it("goes on to the next target after a talk or a target not reached, and is connected once over if anyone talked", () => {
    const talked = dial({ dial: 1, position: 1, dialCallStatus: "completed", answeredAt: at(-30), duration: 20 });
    expect(callOutcome(facts({ ...live, sequence, dials: [talked] }), now)).toMatchObject({ code: "connecting", done: false, dial: 2, position: 2 });
    const second = dial({ dial: 2, position: 2, targetName: "Priya", dialCallStatus: "failed" });
    expect(callOutcome(facts({ ...live, sequence, dials: [talked, second] }), now)).toMatchObject({ code: "connecting", dial: 3, position: 3 });
    const third = dial({ dial: 3, position: 3, targetName: "Tom", dialCallStatus: "completed", answeredAt: at(-10), duration: 7 });
    expect(callOutcome(facts({ ...live, sequence, dials: [talked, second, third] }), now)).toMatchObject({ code: "connected", done: true, seconds: 27, targets: 2 });
    expect(describeOutcome(callOutcome(facts({ ...live, sequence, dials: [talked, second, third] }), now))).toBe("connected 27 s in all, to 2 targets");
    // The member hung up after the first talk, while the second rang: still connected.
    const ringingSecond = dial({ dial: 2, position: 2, targetName: "Priya" });
    expect(callOutcome(facts({ ...live, sequence, endedAt: at(0), dials: [talked, ringingSecond] }), now)).toMatchObject({ code: "connected", seconds: 20, targets: 1 });
  });

  it("waits out a busy line while redials are left, then offers the one “press 1” retry, then moves on", () => {
    const busy = (n: number, redial: number, again = 0) => dial({ dial: n, position: 1, redial, again, dialCallStatus: "busy" });
    expect(callOutcome(facts({ ...live, sequence, dials: [busy(1, 0)] }), now)).toMatchObject({ code: "busy-waiting", redial: 1 });
    expect(callOutcome(facts({ ...live, sequence, dials: [busy(1, 0), dial({ dial: 2, position: 1, redial: 1 })] }), now)).toMatchObject({ code: "busy-waiting", redial: 1, dial: 2 });
    expect(callOutcome(facts({ ...live, sequence, dials: [busy(1, 0), busy(2, 1), busy(3, 2)] }), now)).toMatchObject({ code: "retry-offered", dial: 3 });
    expect(callOutcome(facts({ ...live, sequence, dials: [busy(1, 0), busy(2, 1), busy(3, 2), busy(4, 2, 1)] }), now)).toMatchObject({ code: "connecting", position: 2 });
    // A single target, busy after the retry: over.
    expect(callOutcome(facts({ ...live, dials: [busy(1, 0), busy(2, 0, 1)] }), now)).toMatchObject({ code: "target-busy", done: true });
    // Each wait ranks after the dial before it and before the next dial's talk.
    const waiting = callOutcome(facts({ ...live, sequence, dials: [busy(1, 0)] }), now);
    const redialling = callOutcome(facts({ ...live, sequence, dials: [busy(1, 0), dial({ dial: 2, position: 1, redial: 1 })] }), now);
    expect(outcomeRank(waiting)).toBeLessThan(outcomeRank(redialling));
    expect(outcomeRank(redialling)).toBeLessThan(outcomeRank({ code: "talking", done: false, dial: 2 }));
  });

  it("says where the member is in the sequence and how far the redials got", () => {
    const call = {
      memberPhone: "+442079460999",
      script: { language: "en", target: { name: "Ada" }, targets: [{ name: "Ada" }, { name: "Tom Bell" }, { name: "Priya" }], followUpUrl: null, busyRedial: { attempts: 5, delaySeconds: 30 } },
    };
    const talked = dial({ dial: 1, position: 1, dialCallStatus: "completed", answeredAt: at(-30), duration: 20 });
    expect(memberProgress(call, facts({ ...live, dials: [talked] }), now).message).toBe("2 of 3: calling Tom Bell…");
    const busyTom = dial({ dial: 2, position: 2, targetName: "Tom Bell", dialCallStatus: "busy" });
    const redial = dial({ dial: 3, position: 2, targetName: "Tom Bell", redial: 1, dialCallStatus: "busy" });
    expect(memberProgress(call, facts({ ...live, dials: [talked, busyTom, redial] }), now).message).toMatch(/^Tom Bell's line is busy: trying again \(2 of 5\)/);
  });
});
