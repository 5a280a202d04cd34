import { describe, expect, it } from "vitest";
import { buildTimeline, type TimelineInput } from "./timeline";
import { startOfDay } from "./format";
import { talkTime, twilioErrorMeaning } from "./words";
import { filtersQuery, readFilters } from "./filters";

const at = (clock: string) => new Date(`2026-11-29T${clock}Z`);
const event = (seq: number, status: string, clock: string, extra: Partial<TimelineInput["events"][number]> = {}): TimelineInput["events"][number] => ({
  attempt: 1,
  callSid: "CA1",
  sequenceNumber: seq,
  callStatus: status,
  callDuration: null,
  answeredBy: null,
  errorCode: null,
  errorMessage: null,
  payload: { CallSid: "CA1", CallStatus: status, Timestamp: at(clock).toUTCString() },
  receivedAt: at(clock),
  ...extra,
});
const attempt = (n: number, clock: string, extra: Partial<TimelineInput["attempts"][number]> = {}): TimelineInput["attempts"][number] => ({
  attempt: n,
  placement: "placed",
  callSid: `CA${n}`,
  scheduledAt: at(clock),
  placedAt: at(clock),
  endedAt: null,
  updatedAt: at(clock),
  errorCode: null,
  errorMessage: null,
  ...extra,
});
const step = (extra: Partial<TimelineInput["steps"][number]>, clock: string): TimelineInput["steps"][number] => ({ attempt: 1, step: "menu", replay: 0, round: 0, wrong: 0, digits: "", result: "", at: at(clock), ...extra });
const dial = (extra: Partial<TimelineInput["dials"][number]>): TimelineInput["dials"][number] => ({
  attempt: 1,
  dial: 1,
  targetName: "Priya Shah",
  dialCallSid: "CAchild",
  dialCallStatus: null,
  duration: null,
  answeredAt: null,
  endedAt: null,
  errorCode: null,
  errorMessage: null,
  createdAt: at("14:02:32"),
  ...extra,
});
const texts = (input: Partial<TimelineInput>) => buildTimeline({ targetName: "Priya Shah", attempts: [], events: [], steps: [], dials: [], ...input }).map((entry) => entry.text);

describe("a call's timeline", () => {
  it("reads a connected call as sentences, in order, whatever order the callbacks arrived in", () => {
    const input: TimelineInput = {
      targetName: "Priya Shah",
      // Placed a fraction of a second after the whole second Twilio's Timestamp will name for its first callbacks.
      attempts: [attempt(1, "14:02:09.600")],
      // Stored out of order, as Twilio may deliver them: the timeline goes by Twilio's own timestamps.
      events: [event(3, "completed", "14:05:03", { callDuration: 172, receivedAt: at("14:05:03") }), event(1, "ringing", "14:02:11"), event(0, "initiated", "14:02:09.900"), event(2, "in-progress", "14:02:19", { receivedAt: at("14:06:00") })],
      steps: [step({ step: "message" }, "14:02:19.500"), step({ round: 0, result: "menu" }, "14:02:25"), step({ round: 1, digits: "1", result: "connect" }, "14:02:31")],
      dials: [dial({ answeredAt: at("14:02:40"), endedAt: at("14:05:02"), dialCallStatus: "completed", duration: 142 })],
    };
    expect(buildTimeline(input).map((entry) => `${entry.at.toISOString().slice(11, 19)} ${entry.text}`)).toEqual([
      "14:02:09 Asked Twilio to call the member",
      "14:02:09 Dialling the member's phone",
      "14:02:11 Member's phone rang",
      "14:02:19 Member answered",
      "14:02:19 Message started playing",
      "14:02:25 Message finished: menu played",
      "14:02:31 Pressed 1",
      "14:02:32 Calling Priya Shah",
      "14:02:40 Priya Shah answered",
      "14:05:02 Talked with Priya Shah for 2 min 22 s",
      "14:05:03 Call ended after 2 min 22 s of talk",
    ]);
  });

  it("says what each menu round did: replays, wrong keys, silence, the goodbye", () => {
    expect(
      texts({
        steps: [
          step({ round: 0, digits: "5", result: "menu" }, "14:00:01"),
          step({ round: 1, digits: "2", result: "replay" }, "14:00:02"),
          step({ step: "message", replay: 1 }, "14:00:03"),
          step({ round: 1, replay: 3, digits: "2", result: "menu" }, "14:00:04"),
          step({ round: 2, digits: "7", result: "menu" }, "14:00:05"),
          step({ round: 2, wrong: 1, digits: "", result: "menu" }, "14:00:06"),
          step({ round: 3, wrong: 1, digits: "9", result: "goodbye" }, "14:00:07"),
        ],
      }),
    ).toEqual([
      "Pressed 5 during the message: skipped to the menu",
      "Pressed 2: hear the message again",
      "Message played again (1 of 3 replays)",
      "Pressed 2: no more replays, menu repeated",
      "Pressed 7, which isn't an option: menu repeated",
      "No key pressed: menu repeated",
      "Pressed 9, which isn't an option: no valid choice after 3 rounds, so the call said goodbye",
    ]);
  });

  it("gives each dial its result, a retry its own sentence, and Twilio's errors their meaning", () => {
    expect(
      texts({
        dials: [
          dial({ dialCallStatus: "busy", endedAt: at("14:02:50") }),
          dial({ dial: 2, createdAt: at("14:03:00"), dialCallStatus: "failed", endedAt: at("14:03:05"), errorCode: 13227 }),
        ],
      }),
    ).toEqual(["Calling Priya Shah", "Priya Shah's line was busy", "Calling Priya Shah again (try 2)", "The call to Priya Shah failed: calls to the target's country aren't enabled (Twilio error 13227)"]);
    expect(texts({ events: [event(0, "failed", "14:00:00", { errorCode: 31005 })] })).toEqual(["The call to the member failed: the connection to the phone network failed (Twilio error 31005)"]);
    expect(texts({ attempts: [attempt(1, "14:00:00", { placement: "refused", errorCode: 21211, endedAt: at("14:00:01") })] })).toEqual(["Asked Twilio to call the member", "Twilio refused the call: the member's number isn't valid (Twilio error 21211)"]);
  });

  it("shows every attempt as its own chapter: a recall after a missed call", () => {
    const entries = buildTimeline({
      targetName: "Priya Shah",
      attempts: [attempt(1, "14:00:00"), attempt(2, "14:30:00", { scheduledAt: at("14:20:00") })],
      events: [event(0, "ringing", "14:00:02"), event(1, "no-answer", "14:00:32"), event(0, "ringing", "14:30:02", { attempt: 2, callSid: "CA2" }), event(1, "busy", "14:30:03", { attempt: 2, callSid: "CA2" })],
      steps: [],
      dials: [],
    });
    expect(entries.map((entry) => `${entry.attempt} ${entry.text}`)).toEqual([
      "1 Asked Twilio to call the member",
      "1 Member's phone rang",
      "1 Member didn't answer",
      "2 Recall: attempt 2 scheduled",
      "2 Calling the member again (attempt 2)",
      "2 Member's phone rang",
      "2 Member's line was busy",
    ]);
  });

  it("keeps technical ids and the raw payload for the details toggle, out of the sentence", () => {
    const [entry] = buildTimeline({ targetName: "x", attempts: [], events: [event(4, "ringing", "14:00:00")], steps: [], dials: [] });
    expect(entry!.text).not.toMatch(/CA1|CallSid/);
    expect(entry!.details).toMatchObject({ "Member call id (CallSid)": "CA1", "Twilio's sequence number": "4" });
    expect(entry!.payload).toMatchObject({ CallStatus: "ringing" });
  });

  it("says when the member called in (a dial-in call)", () => {
    expect(texts({ events: [event(0, "ringing", "14:00:00", { payload: { Direction: "inbound" } })] })).toEqual(["Member's call came in"]);
  });
});

describe("the call log's words and filters", () => {
  it("words durations and Twilio codes", () => {
    expect([talkTime(0), talkTime(45), talkTime(142), talkTime(180), talkTime(3720)]).toEqual(["0 s", "45 s", "2 min 22 s", "3 min", "1 h 2 min"]);
    expect(twilioErrorMeaning(99999, "Something odd")).toBe("Something odd (Twilio error 99999)");
  });

  it("reads filters leniently and writes them back with the cursor", () => {
    const filters = readFilters(new URLSearchParams("outcome=connected&phone=%2B44%2009-01&from=2026-11-01&to=nonsense&page=not-a-uuid&after=1764424931000000_0b6f1a52-5b1e-4a6e-9d1e-3a4f0c1b2d3e"));
    expect(filters).toEqual({ outcome: "connected", phone: "440901", from: "2026-11-01", after: "1764424931000000_0b6f1a52-5b1e-4a6e-9d1e-3a4f0c1b2d3e" });
    expect(filtersQuery(filters, "1_x")).toBe("?outcome=connected&from=2026-11-01&phone=440901&after=1_x");
    expect(readFilters({ outcome: "made-up", member_leg: ["busy", "completed"], phone: "12" })).toEqual({ member_leg: "busy" });
  });

  it("starts a day at the campaigner's midnight, across a clock change", () => {
    expect(startOfDay("2026-11-29", "UTC").toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(startOfDay("2026-07-01", "Europe/London").toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(startOfDay("2026-03-29", "Europe/London").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(startOfDay("2026-11-29", "America/New_York").toISOString()).toBe("2026-11-29T05:00:00.000Z");
  });
});
