import { describe, expect, it } from "vitest";
import { drillDown, filtersFrom, offeredTargets, type TargetChoice } from "./choose-target";

const t = (id: string, attributes: Record<string, string>): TargetChoice => ({ id, name: id, title: "", country: "US", attributes });
const targets = [t("a", { state: "CA", chamber: "Senate" }), t("b", { state: "CA", chamber: "House" }), t("c", { state: "NY", chamber: "Senate" })];

describe("choosing a target", () => {
  it("narrows level by level, offering only values left by the levels above", () => {
    expect(drillDown(targets, ["state", "chamber"], {}).levels).toEqual([{ attribute: "state", options: ["CA", "NY"], selected: null }]);
    const ca = drillDown(targets, ["state", "chamber"], { state: "CA" });
    expect(ca.levels[1]).toEqual({ attribute: "chamber", options: ["House", "Senate"], selected: null });
    expect(ca.matching).toEqual([]);
    expect(drillDown(targets, ["state", "chamber"], { state: "NY", chamber: "Senate" }).matching.map((x) => x.id)).toEqual(["c"]);
    // A value not on offer at that level is ignored.
    expect(drillDown(targets, ["state", "chamber"], { state: "TX" }).levels[0]!.selected).toBeNull();
  });

  it("reads preset filters from the URL and offers per mode", () => {
    expect(filtersFrom({ filter_state: "CA", other: "x", filter_party: ["a", "b"] })).toEqual({ state: "CA" });
    expect(offeredTargets("pick", targets, [], {})).toHaveLength(3);
    expect(offeredTargets("random", targets, [], {}, () => 0.5).map((x) => x.id)).toEqual(["b"]);
    expect(offeredTargets("drilldown", targets, ["state"], { state: "CA" }).map((x) => x.id)).toEqual(["a", "b"]);
  });
});
