import { describe, expect, it } from "vitest";
import { keypadForm, keypadMatches, lookupKeys, normalisePrefix, postcodeOutcome, targetsInArea } from "./postcode";
import { parsePostcodeCsv } from "./postcode-csv";

const row = (prefix: string) => ({ prefix, keypad: keypadForm(prefix) });

describe("postcodes normalised per country", () => {
  it("keeps UK table rows at the postcode's own boundaries, with the space that tells a sector from a district", () => {
    expect(normalisePrefix("GB", " sw1a1aa ")).toEqual({ ok: true, prefix: "SW1A 1AA" });
    expect(normalisePrefix("GB", "SW1A  1")).toEqual({ ok: true, prefix: "SW1A 1" });
    expect(normalisePrefix("GB", "sw1a")).toEqual({ ok: true, prefix: "SW1A" });
    expect(normalisePrefix("GB", "SW")).toEqual({ ok: true, prefix: "SW" });
    expect(normalisePrefix("GB", "SW1A1")).toMatchObject({ ok: false, message: expect.stringContaining("isn't a UK postcode") });
    expect(normalisePrefix("GB", "12345")).toMatchObject({ ok: false });
  });

  it("matches a typed UK postcode, longest first, only at its boundaries", () => {
    expect(lookupKeys("GB", "sw1a 1aa")).toEqual(["SW1A 1AA", "SW1A 1", "SW1A", "SW1", "SW"]);
    expect(lookupKeys("GB", "E14 5AB")).toEqual(["E14 5AB", "E14 5", "E14", "E"]);
    expect(lookupKeys("GB", "W1A")).toEqual(["W1A", "W1", "W"]);
    // "S" (Sheffield) is never a key of SW1A 1AA: only the area SW is.
    expect(lookupKeys("GB", "SW1A1AA")).not.toContain("S");
    expect(lookupKeys("GB", "hello")).toBeNull();
  });

  it("reads US ZIP codes to 5 digits and other countries as letters and digits", () => {
    expect(normalisePrefix("US", "10001-1234")).toEqual({ ok: true, prefix: "10001" });
    expect(normalisePrefix("US", "100")).toEqual({ ok: true, prefix: "100" });
    expect(normalisePrefix("US", "1000A")).toMatchObject({ ok: false });
    expect(lookupKeys("US", "10001-1234")).toEqual(["10001", "1000", "100", "10", "1"]);
    expect(lookupKeys("US", "1000")).toBeNull();
    expect(lookupKeys("NL", "1012 ab")).toEqual(["1012AB", "1012A", "1012", "101", "10", "1"]);
    expect(lookupKeys("CA", "K1A 0B1")?.[0]).toBe("K1A0B1");
  });

  it("turns letters into the keys that show them, and matches keyed postcodes at UK boundaries", () => {
    expect(keypadForm("SW1A 1AA")).toBe("7912122");
    const rows = [row("SW1A"), row("SW1"), row("S"), row("E14"), row("E1"), row("SW1A 1")];
    expect(keypadMatches("GB", "7912122", rows).map((r) => r.prefix)).toEqual(["SW1A 1"]);
    expect(keypadMatches("GB", "7912122", rows.filter((r) => r.prefix !== "SW1A 1")).map((r) => r.prefix)).toEqual(["SW1A"]);
    expect(keypadMatches("GB", "7912122", [row("SW1"), row("S")]).map((r) => r.prefix)).toEqual(["SW1"]);
    // E14 5AB keyed: the outward code is E14, so E1 (a shorter district) is not its district.
    expect(keypadMatches("GB", "314522", rows).map((r) => r.prefix)).toEqual(["E14"]);
    expect(keypadMatches("US", "100011234", [row("100"), row("10001"), row("2")]).map((r) => r.prefix)).toEqual(["10001"]);
    expect(keypadMatches("US", "99999", [row("100")])).toEqual([]);
  });
});

describe("what a member is offered for a postcode", () => {
  const targets = [
    { id: "a", attributes: { constituency: "Cities of London and Westminster" } },
    { id: "b", attributes: { constituency: "Poplar and Limehouse" } },
  ];
  it("offers the targets of the area, compared as people write values", () => {
    expect(targetsInArea(targets, { constituency: "cities of london and westminster " }).map((t) => t.id)).toEqual(["a"]);
    expect(postcodeOutcome({ constituency: "Poplar and Limehouse" }, targets, "sorry")).toEqual({ found: true, targets: [targets[1]] });
  });
  it("falls back as the campaigner chose when the postcode is unknown, invalid, or its area has no target", () => {
    expect(postcodeOutcome("unknown", targets, "pick")).toEqual({ found: false, reason: "unknown", fallback: "pick", targets });
    expect(postcodeOutcome("invalid", targets, "sorry")).toEqual({ found: false, reason: "invalid", fallback: "sorry", targets: [] });
    expect(postcodeOutcome({ constituency: "Nowhere" }, targets, "random", () => 0.9)).toEqual({ found: false, reason: "unknown", fallback: "random", targets: [targets[1]] });
  });
});

describe("a postcode table from CSV", () => {
  it("reads postcodes and prefixes with their attributes", () => {
    const parsed = parsePostcodeCsv("\uFEFFPostcode,Constituency\nsw1a,Cities of London and Westminster\nE14 5AB,Poplar and Limehouse\n", "GB");
    expect(parsed).toEqual({
      ok: true,
      attributes: ["constituency"],
      rows: [
        { prefix: "SW1A", keypad: "7912", attributes: { constituency: "Cities of London and Westminster" } },
        { prefix: "E14 5AB", keypad: "314522", attributes: { constituency: "Poplar and Limehouse" } },
      ],
    });
  });
  it("lists every bad row with its spreadsheet row number, and keeps nothing", () => {
    const parsed = parsePostcodeCsv("postcode,constituency\nSW1A,Westminster\n\nnot a code,Somewhere\nsw1a,Again\nE1,\n", "GB");
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { row: 4, message: "row 4: “not a code” isn't a UK postcode or part of one (like SW1A 1AA, SW1A 1, SW1A or SW)" },
        { row: 5, message: "row 5: SW1A is already on row 2" },
        { row: 6, message: "row 6: E1 has no constituency" },
      ],
    });
    expect(parsePostcodeCsv("postcode\nSW1A\n", "GB")).toMatchObject({ ok: false, errors: [{ row: 1, message: expect.stringContaining("at least one column naming a target attribute") }] });
    expect(parsePostcodeCsv("constituency\nWestminster\n", "GB")).toMatchObject({ ok: false, errors: [{ row: 1, message: 'row 1: the header has no "postcode" column' }] });
  });
});
