import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { FieldError, StaleEditError } from "../errors";
import { addPlugin, createPage, duplicatePage } from "../pages/service";
import { addPhoneNumber } from "../phone-numbers/service";
import { createUser } from "../users/service";
import { applyImport, loadCallTool, previewImport, saveCallToolSettings, saveTargets } from "./service";
import { targetsToCsv } from "./targets-csv";

const ADA = { name: "Ada Lovelace", title: "MP for Marylebone", phone: "+44 20 7946 0018", country: "GB", attributes: { party: "Analytical" } };
const BOB = { name: "Bob Hope", title: "Senator", phone: "(415) 555-0123", country: "US", attributes: { state: "CA" } };
const CLEM = { name: "Clémence Poésy", phone: "020 7946 0991", extension: "12", country: "GB", attributes: { party: "Green" } };

describe(`call tool editing (${testDriver()})`, () => {
  let database: TestDatabase;
  let userId: string;
  let pageId: string;
  let pluginId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    userId = (await createUser(database.db, { email: "cam@example.org", password: "correct horse battery", role: "campaigner" })).id;
    pageId = (await createPage(database.db, { title: "Save the bees", slug: "save-the-bees", language: "en" }, userId)).id;
    pluginId = (await addPlugin(database.db, pageId, "call_tool")).id;
  });
  afterAll(() => database.dispose());
  const version = async () => (await loadCallTool(database.db, pluginId))!.plugin.version;

  it("saves normalised targets, all or nothing", async () => {
    const bad = await saveTargets(database.db, pluginId, await version(), [ADA, { ...BOB, country: "GB" }]);
    expect(bad).toEqual({ ok: false, errors: [expect.objectContaining({ index: 1, field: "phone", message: expect.stringMatching(/^phone number is not valid for GB/) })] });
    expect((await loadCallTool(database.db, pluginId))!.targets).toEqual([]);

    const saved = await saveTargets(database.db, pluginId, await version(), [ADA, BOB]);
    expect(saved.ok).toBe(true);
    const { targets } = (await loadCallTool(database.db, pluginId))!;
    expect(targets.map((t) => [t.name, t.phone, t.country])).toEqual([
      ["Ada Lovelace", "+442079460018", "GB"],
      ["Bob Hope", "+14155550123", "US"],
    ]);
  });

  it("keeps target ids across edits and re-imports, and gives new rows new ids", async () => {
    const before = (await loadCallTool(database.db, pluginId))!.targets;
    // Reordered, Ada's title edited, a new target added.
    const saved = await saveTargets(database.db, pluginId, await version(), [BOB, { ...ADA, title: "Minister" }, CLEM]);
    expect(saved.ok).toBe(true);
    const after = (await loadCallTool(database.db, pluginId))!.targets;
    expect(after[0]!.id).toBe(before[1]!.id);
    expect(after[1]).toMatchObject({ id: before[0]!.id, title: "Minister" });
    expect(before.map((t) => t.id)).not.toContain(after[2]!.id);

    // Export, re-import: nothing changes, ids included.
    const csv = targetsToCsv(after);
    const preview = await previewImport(database.db, pluginId, csv);
    expect(preview.ok && preview.diff).toMatchObject({ added: [], removed: [], changed: [], unchanged: 3 });
    const imported = await applyImport(database.db, pluginId, await version(), csv);
    expect(imported.ok).toBe(true);
    expect((await loadCallTool(database.db, pluginId))!.targets).toEqual(after);
  });

  it("previews an import's changes and refuses a file with a bad row, saving nothing", async () => {
    const csv = "name,phone,country,party\nAda Lovelace,+44 20 7946 0018,GB,Analytical\nNew Person,+1 212 555 0199,US,\nBroken,12345,GB,\n";
    const refused = await previewImport(database.db, pluginId, csv);
    expect(refused).toEqual({ ok: false, errors: [{ row: 4, message: expect.stringMatching(/^row 4: phone number is not valid for GB/) }] });
    const fixed = csv.replace("Broken,12345,GB,\n", "");
    const preview = await previewImport(database.db, pluginId, fixed);
    expect(preview.ok && { added: preview.diff.added.length, removed: preview.diff.removed.length }).toEqual({ added: 1, removed: 2 });
    expect((await loadCallTool(database.db, pluginId))!.targets).toHaveLength(3);
  });

  it("tells a second editor that the call tool changed since they opened it", async () => {
    const opened = await version();
    await saveTargets(database.db, pluginId, opened, [ADA, BOB]);
    await expect(saveTargets(database.db, pluginId, opened, [ADA])).rejects.toThrow(StaleEditError);
    const config = (await loadCallTool(database.db, pluginId))!.config;
    await expect(saveCallToolSettings(database.db, pluginId, opened, config)).rejects.toThrow(StaleEditError);
    expect((await loadCallTool(database.db, pluginId))!.targets).toHaveLength(2);
  });

  it("accepts only caller IDs from the Phone numbers list, for the campaign and for a target", async () => {
    const { config } = (await loadCallTool(database.db, pluginId))!;
    await expect(saveCallToolSettings(database.db, pluginId, await version(), { ...config, callerId: "+15005550006" })).rejects.toThrow(FieldError);
    const refused = await saveTargets(database.db, pluginId, await version(), [{ ...ADA, callerId: "+15005550006" }]);
    expect(refused).toEqual({ ok: false, errors: [{ index: 0, field: "callerId", message: "caller ID +15005550006 is not on the Phone numbers page" }] });

    await addPhoneNumber(database.db, { number: "+1 500 555 0006", label: "Main line" });
    await saveCallToolSettings(database.db, pluginId, await version(), { ...config, callerId: "+15005550006" });
    expect((await loadCallTool(database.db, pluginId))!.config.callerId).toBe("+15005550006");
  });

  it("refuses a drill-down by an attribute no target has", async () => {
    const { config } = (await loadCallTool(database.db, pluginId))!;
    const drilldown = { ...config, selectionMode: "drilldown" as const, targetByAttributes: ["constituency"] };
    await expect(saveCallToolSettings(database.db, pluginId, await version(), drilldown)).rejects.toThrow(/No target has the attribute “constituency”/);
    await saveCallToolSettings(database.db, pluginId, await version(), { ...drilldown, targetByAttributes: ["state"] });
    // Removing the last target with that attribute is refused while the drill-down needs it.
    await expect(saveTargets(database.db, pluginId, await version(), [ADA])).rejects.toThrow(/No target has the attribute “state”/);
  });

  it("gives a duplicated page's targets new ids", async () => {
    const copy = await duplicatePage(database.db, pageId, userId);
    expect(copy).toMatchObject({ slug: "save-the-bees-copy", status: "draft" });
    const original = (await loadCallTool(database.db, pluginId))!.targets;
    const { findMemberPage } = await import("../pages/public");
    const copied = (await findMemberPage(database.db, { slug: "save-the-bees-copy" }))!.callTools[0]!.targets;
    expect(copied.map((t) => t.name)).toEqual(original.map((t) => t.name));
    expect(copied.map((t) => t.id).filter((id) => original.some((t) => t.id === id))).toEqual([]);
    expect((await duplicatePage(database.db, pageId, userId)).slug).toBe("save-the-bees-copy-2");
  });
});
