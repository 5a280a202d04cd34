import { describe, expect, it } from "vitest";
import { assignIds, type Target } from "./targets";
import { parseTargetsCsv, targetsToCsv } from "./targets-csv";
import { changedFields, diffTargets } from "./targets-diff";

const target = (id: string, overrides: Partial<Target> = {}): Target => ({
  id,
  name: `Target ${id}`,
  title: "",
  phone: "+442079460018",
  extension: "",
  country: "GB",
  callerId: "",
  attributes: {},
  pinned: "",
  ...overrides,
});

const abbott = target("a", { name: "Diane Abbott", phone: "+442079460018", attributes: { party: "Labour" } });
const ali = target("b", { name: "Rushanara Ali", phone: "+442079460991", attributes: { party: "Labour" } });
const pelosi = target("c", { name: "Nancy Pelosi", phone: "+14155550123", country: "US", attributes: { state: "CA" } });

describe("diffTargets", () => {
  it("sees nothing between a list and itself", () => {
    expect(diffTargets([abbott, ali], [abbott, ali])).toEqual({ added: [], removed: [], changed: [], unchanged: 2, reordered: false });
  });

  it("matches by id and sorts targets into added, removed, changed and unchanged", () => {
    const newcomer = target("d", { name: "Chuck Schumer", phone: "+12125550199", country: "US" });
    const moved = { ...abbott, phone: "+441614960123" };
    expect(diffTargets([abbott, ali, pelosi], [newcomer, moved, pelosi])).toEqual({
      added: [newcomer],
      removed: [ali],
      changed: [{ before: abbott, after: moved, fields: ["phone"] }],
      unchanged: 1,
      reordered: false,
    });
  });

  it("doesn't take a new target with an old one's phone for the old one", () => {
    const lookalike = { ...abbott, id: "z" };
    expect(diffTargets([abbott], [lookalike])).toMatchObject({ added: [lookalike], removed: [abbott], unchanged: 0 });
  });

  it("names each changed field, then each changed attribute", () => {
    const after = { ...pelosi, title: "Speaker Emerita", callerId: "+12025550100", attributes: { state: "CA", party: "Democratic" } };
    expect(changedFields(pelosi, after)).toEqual(["title", "callerId", "attributes.party"]);
    expect(changedFields(abbott, { ...abbott, name: "Diane Abbott MP", attributes: {} })).toEqual(["name", "attributes.party"]);
    expect(changedFields(ali, { ...ali, extension: "12", country: "GB", attributes: { party: "Independent" } })).toEqual(["extension", "attributes.party"]);
  });

  it("counts an attribute set to empty as the same as an absent one", () => {
    expect(changedFields(pelosi, { ...pelosi, attributes: { state: "CA", party: "" } })).toEqual([]);
  });

  it("notices a new order even when no value changed", () => {
    expect(diffTargets([abbott, ali, pelosi], [pelosi, abbott, ali])).toMatchObject({ changed: [], unchanged: 3, reordered: true });
    // Additions and removals alone don't count as reordering.
    expect(diffTargets([abbott, ali, pelosi], [target("d", { phone: "+12025550100", country: "US" }), abbott, pelosi]).reordered).toBe(false);
  });

  it("previews a re-import: one phone changed, one row dropped, one added", () => {
    const lines = targetsToCsv([abbott, ali, pelosi]).trimEnd().split("\r\n");
    const edited = [lines[0], lines[1]!.replace("+442079460018", "020 7946 0991"), lines[3], ",Chuck Schumer,,212 555 0199,,US,,"];
    // Abbott takes Ali's old number, so only the id column keeps Abbott's row Abbott's.
    const parsed = parseTargetsCsv(edited.join("\r\n"));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const after = assignIds([abbott, ali, pelosi], parsed.drafts, () => "new-1");
    const diff = diffTargets([abbott, ali, pelosi], after);
    expect(diff.added.map((t) => [t.id, t.name])).toEqual([["new-1", "Chuck Schumer"]]);
    expect(diff.removed).toEqual([ali]);
    expect(diff.changed).toEqual([{ before: abbott, after: { ...abbott, phone: "+442079460991" }, fields: ["phone"] }]);
    expect(diff.unchanged).toBe(1);
  });
});
