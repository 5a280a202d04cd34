import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { StaleEditError } from "../errors";
import { findMemberPage } from "../pages/public";
import { addPlugin, createPage } from "../pages/service";
import { createUser } from "../users/service";
import { areaOfKeyedPostcode, countPostcodeAreas, importPostcodeTable, postcodeChoice } from "./postcode-service";
import { loadCallTool, saveCallToolSettings, saveTargets } from "./service";

const TABLE = "postcode,constituency\nSW1A,Cities of London and Westminster\nSW1A 2,Westminster North\nE14,Poplar and Limehouse\nN1,Islington South\n";

describe(`postcode lookup tables (${testDriver()})`, () => {
  let database: TestDatabase;
  let pluginId: string;
  const version = async () => (await loadCallTool(database.db, pluginId))!.plugin.version;
  const tool = async () => (await findMemberPage(database.db, { pluginId }))!.callTools[0]!;
  beforeAll(async () => {
    database = await createTestDatabase();
    const user = await createUser(database.db, { email: "cam@example.org", password: "correct horse battery", role: "campaigner" });
    const page = await createPage(database.db, { title: "Bees", slug: "bees", language: "en" }, user.id);
    pluginId = (await addPlugin(database.db, page.id, "call_tool")).id;
    const saved = await saveTargets(database.db, pluginId, await version(), [
      { name: "Ada Lovelace", phone: "+442079460018", country: "GB", attributes: { constituency: "Cities of London and Westminster" } },
      { name: "Grace Hopper", phone: "+442079460019", country: "GB", attributes: { constituency: "Poplar and Limehouse" } },
      { name: "Mary Somerville", phone: "+442079460020", country: "GB", attributes: { constituency: "Westminster North" } },
    ]);
    expect(saved.ok).toBe(true);
  });
  afterAll(() => database.dispose());

  it("imports a table and records its country, replacing the one before", async () => {
    expect(await importPostcodeTable(database.db, pluginId, await version(), "GB", "postcode,constituency\nW1,Old\n")).toMatchObject({ ok: true, rows: 1 });
    expect(await importPostcodeTable(database.db, pluginId, await version(), "GB", TABLE)).toMatchObject({ ok: true, rows: 4 });
    expect(await countPostcodeAreas(database.db, pluginId)).toBe(4);
    expect((await loadCallTool(database.db, pluginId))!.config.postcodeCountry).toBe("GB");
  });

  it("keeps the table as it was when a row is wrong, an attribute is no target's, or another editor saved first", async () => {
    const before = await version();
    expect(await importPostcodeTable(database.db, pluginId, before, "GB", "postcode,constituency\nSW1A,X\nZZZZZZ,Y\n")).toEqual({
      ok: false,
      errors: [{ row: 3, message: expect.stringContaining("“ZZZZZZ” isn't a UK postcode") }],
    });
    expect(await importPostcodeTable(database.db, pluginId, before, "GB", "postcode,ward\nSW1A,St James's\n")).toEqual({
      ok: false,
      errors: [{ row: 1, message: expect.stringContaining("no target has the attribute “ward”") }],
    });
    await expect(importPostcodeTable(database.db, pluginId, before - 1, "GB", "postcode,constituency\nSW1A,X\n")).rejects.toBeInstanceOf(StaleEditError);
    expect(await version()).toBe(before);
    expect(await countPostcodeAreas(database.db, pluginId)).toBe(4);
  });

  it("finds a member's targets on the page by the longest matching prefix", async () => {
    const current = await tool();
    const found = await postcodeChoice(database.db, current, "sw1a 1aa");
    expect(found).toMatchObject({ found: true, targets: [expect.objectContaining({ name: "Ada Lovelace" })] });
    // The sector SW1A 2 is longer than the outward code SW1A.
    expect(await postcodeChoice(database.db, current, "SW1A 2AA")).toMatchObject({ found: true, targets: [expect.objectContaining({ name: "Mary Somerville" })] });
    expect(await postcodeChoice(database.db, current, "e14 5ab")).toMatchObject({ found: true, targets: [expect.objectContaining({ name: "Grace Hopper" })] });
  });

  it("gives an unknown or invalid postcode the campaigner's fallback", async () => {
    const current = await tool();
    // N1 is in the table, but no target stands for Islington South.
    expect(await postcodeChoice(database.db, current, "N1 9GU")).toMatchObject({ found: false, reason: "unknown", fallback: "pick", targets: current.targets });
    expect(await postcodeChoice(database.db, current, "M1 1AE")).toMatchObject({ found: false, reason: "unknown", fallback: "pick" });
    const config = (await loadCallTool(database.db, pluginId))!.config;
    await saveCallToolSettings(database.db, pluginId, await version(), { ...config, postcodeFallback: "sorry" });
    expect(await postcodeChoice(database.db, await tool(), "not a postcode")).toEqual({ found: false, reason: "invalid", fallback: "sorry", targets: [] });
    await saveCallToolSettings(database.db, pluginId, await version(), { ...config, postcodeFallback: "random" });
    expect(await postcodeChoice(database.db, await tool(), "M1 1AE")).toMatchObject({ found: false, fallback: "random", targets: [expect.objectContaining({ name: expect.any(String) })] });
  });

  it("finds the area of a postcode keyed on a phone", async () => {
    expect(await areaOfKeyedPostcode(database.db, pluginId, "GB", "7912122")).toEqual({ constituency: "Cities of London and Westminster" });
    expect(await areaOfKeyedPostcode(database.db, pluginId, "GB", "7912222")).toEqual({ constituency: "Westminster North" });
    expect(await areaOfKeyedPostcode(database.db, pluginId, "GB", "9999")).toBe("unknown");
    expect(await areaOfKeyedPostcode(database.db, pluginId, "GB", "")).toBe("invalid");
  });
});
