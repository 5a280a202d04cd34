import { describe, expect, it } from "vitest";
import { leadsToCsv, parseLeadsCsv } from "./leads-csv";
import type { Lead } from "./schema";

const parse = (text: string) => {
  const result = parseLeadsCsv(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
};
const errors = (text: string) => {
  const result = parseLeadsCsv(text);
  if (result.ok) throw new Error("expected errors");
  return result.errors.map((error) => error.message);
};

describe("leads from CSV", () => {
  it("normalises numbers, keeps extra columns, reads a BOM and semicolons", () => {
    const { leads, merged } = parse("\uFEFFName;Phone;Country;Ward;Do Not Call\nZoë Ang;020 7946 0018;GB;North;\nSam;+1 (202) 555-0143;;South;yes\n");
    expect(merged).toBe(0);
    expect(leads).toEqual([
      { name: "Zoë Ang", phone: "+442079460018", fields: { ward: "North" }, doNotCall: false, row: 2 },
      { name: "Sam", phone: "+12025550143", fields: { ward: "South" }, doNotCall: true, row: 3 },
    ]);
  });

  it("merges the same number twice into one lead, do-not-call winning", () => {
    const { leads, merged } = parse("name,phone,ward,notes,do_not_call\nAda,+442079460018,North,,\nAda L,+44 20 7946 0018,,Met at stall,yes\n");
    expect(merged).toBe(1);
    expect(leads).toEqual([{ name: "Ada", phone: "+442079460018", fields: { ward: "North", notes: "Met at stall" }, doNotCall: true, row: 2 }]);
  });

  it("reports every bad row with its spreadsheet row number, and imports nothing", () => {
    expect(errors("name,phone\nAda,+442079460018\n,+442079460019\n\nBo,12345\nCy,020 7946 0018\n")).toEqual([
      "row 3: the name is empty",
      "row 5: \"12345\" isn't a valid phone number; start it with + and the country code, or add a country column",
      "row 6: \"020 7946 0018\" isn't a valid phone number; start it with + and the country code, or add a country column",
    ]);
    expect(errors("name\nAda\n")).toEqual(['row 1: the header has no "phone" column']);
    expect(errors("name,phone,do_not_call\nAda,+442079460018,maybe\n")).toEqual(['row 2: do_not_call is "maybe"; use yes or leave it empty']);
    expect(errors("")).toEqual(["row 1: the file is empty; it needs a header row with name and phone"]);
  });

  it("exports outcomes with formulas defused", () => {
    const lead = { name: "=HYPERLINK(\"x\")", phone: "+442079460018", status: "done", attempts: 2, lastOutcome: "completed", disposition: "Supportive", notes: "@boss", dispositionedAt: new Date("2026-01-14T10:00:00Z"), fields: { ward: "North" } } as unknown as Lead;
    const csv = leadsToCsv([lead]);
    expect(csv.startsWith("\uFEFFname,phone,status,attempts,last_outcome,disposition,notes,dispositioned_at,ward\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",+442079460018,done,2,completed,Supportive,'@boss,2026-01-14T10:00:00.000Z,North`);
  });
});
