import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { createUser } from "../users/service";
import { slugSchema } from "../zod/page";
import { copySlug, createPage, duplicatePage } from "./service";

describe("copySlug", () => {
  it("cuts a long address short so the copy's stays valid and at most 80 characters", () => {
    const long = `${"a".repeat(70)}-${"b".repeat(9)}`; // 80 characters
    const taken = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const slug = copySlug(long, taken);
      expect(slug.length).toBeLessThanOrEqual(80);
      expect(slugSchema.safeParse(slug).success, slug).toBe(true);
      expect(taken.has(slug)).toBe(false);
      taken.add(slug);
    }
    // A cut that would end on a hyphen drops it: "…aaaa-copy", never "…aaaa--copy".
    expect(copySlug(`${"a".repeat(75)}-bbbb`, new Set())).toBe(`${"a".repeat(75)}-copy`);
  });
});

describe(`duplicatePage on ${testDriver()}`, () => {
  let database: TestDatabase;
  let userId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    userId = (await createUser(database.db, { email: "cam@example.org", password: "correct horse battery", role: "campaigner" })).id;
  });
  afterAll(() => database.dispose());

  it("gives every copy of a page with an 80-character address a valid, unique address", async () => {
    const page = await createPage(database.db, { title: "Long", slug: `${"save-the-bees-".repeat(5)}and-the-wasps-too`.slice(0, 80), language: "en" }, userId);
    expect(page.slug).toHaveLength(80);
    const slugs = new Set([page.slug]);
    for (let i = 0; i < 3; i++) {
      const copy = await duplicatePage(database.db, page.id, userId);
      expect(slugSchema.safeParse(copy.slug).success, copy.slug).toBe(true);
      expect(slugs.has(copy.slug)).toBe(false);
      slugs.add(copy.slug);
    }
  });
});
