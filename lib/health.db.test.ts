import { describe, expect, it } from "vitest";
import { createTestDatabase, testDriver } from "./db/testing";
import { checkHealth } from "./health";

describe(`health on ${testDriver()}`, () => {
  it("is 200 while the database answers and 503 once it does not", async () => {
    const database = await createTestDatabase({ migrate: false });
    expect(await checkHealth(() => database.db)).toEqual({ status: 200, body: { status: "ok", database: "up" } });
    await database.dispose();
    expect(await checkHealth(() => database.db)).toEqual({ status: 503, body: { status: "unavailable", database: "down" } });
  });

  it("is 503 when the database cannot even be opened", async () => {
    const failing = () => {
      throw new Error("Cannot reach the database");
    };
    expect((await checkHealth(failing)).status).toBe(503);
  });
});
