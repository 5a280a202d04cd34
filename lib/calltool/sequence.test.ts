import { describe, expect, it } from "vitest";
import { buildSequence, dialTry, scriptTargets, type SequenceCandidate } from "./sequence";

const target = (id: string, extra: Partial<SequenceCandidate> = {}): SequenceCandidate => ({ id, name: id.toUpperCase(), phone: "+442079460018", extension: "", pinned: "", attributes: {}, ...extra });
const ids = (sequence: { id: string }[]) => sequence.map((entry) => entry.id);

describe("buildSequence", () => {
  const list = [
    target("a", { attributes: { state: "CA" } }),
    target("first", { pinned: "first" }),
    target("b", { attributes: { state: "NY" } }),
    target("c", { attributes: { state: "CA" } }),
    target("last", { pinned: "last" }),
    target("d", { attributes: { state: "CA" } }),
  ];

  it("puts the pinned targets around the member's own choice", () => {
    expect(ids(buildSequence(list[2]!, list, { mode: "pick", perCall: 1, drillDownBy: [] }))).toEqual(["first", "b", "last"]);
  });

  it("dials a pinned target the member chose once, at its pinned place", () => {
    expect(ids(buildSequence(list[4]!, list, { mode: "pick", perCall: 3, drillDownBy: [] }))).toEqual(["first", "last"]);
  });

  it("adds the targets the drill-down left with the chosen one, up to the number per call", () => {
    expect(ids(buildSequence(list[3]!, list, { mode: "drilldown", perCall: 2, drillDownBy: ["state"] }))).toEqual(["first", "c", "a", "last"]);
    expect(ids(buildSequence(list[3]!, list, { mode: "drilldown", perCall: 5, drillDownBy: ["state"] }))).toEqual(["first", "c", "a", "d", "last"]);
  });

  it("adds others at random in random mode, never one twice and never a pinned one", () => {
    const sequence = ids(buildSequence(list[0]!, list, { mode: "random", perCall: 3, drillDownBy: [] }, () => 0.99));
    expect(sequence[0]).toBe("first");
    expect(sequence[1]).toBe("a");
    expect(sequence.at(-1)).toBe("last");
    expect(new Set(sequence).size).toBe(5);
    expect(sequence.slice(2, 4).every((id) => ["b", "c", "d"].includes(id))).toBe(true);
  });

  it("names each try at a target for the call log", () => {
    expect([dialTry({ redial: 0, again: 0 }), dialTry({ redial: 2, again: 0 }), dialTry({ redial: 3, again: 1 }), dialTry({})]).toEqual(["", "busy redial 2", "the member's retry", ""]);
  });

  it("keeps the target's own caller ID, and an older call's one target reads as a sequence of one", () => {
    expect(buildSequence(target("x", { callerId: "+15005550006" }), [], { mode: "pick", perCall: 1, drillDownBy: [] })).toEqual([{ id: "x", name: "X", phone: "+442079460018", extension: "", callerId: "+15005550006" }]);
    expect(scriptTargets({ target: { name: "Ada" } })).toEqual([{ name: "Ada" }]);
  });
});
