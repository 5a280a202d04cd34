import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as route from "@/app/api/calls/[id]/feedback/route";
import * as status from "@/app/api/calls/[id]/status/route";
import { setDatabaseForTests } from "../db/client";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { callStats } from "../stats/call-stats";
import { addCall, statsPage } from "../stats/testing";
import { feedbackToken } from "./service";

let database: TestDatabase;
let scope: { pageId: string; pluginId: string };
const ada = { id: randomUUID(), name: "Ada Lovelace" };

beforeAll(async () => {
  database = await createTestDatabase();
  setDatabaseForTests(database);
  scope = await statsPage(database.db, "feedback");
});
afterAll(() => database.dispose());

const post = (callId: string, body: unknown) =>
  route.POST(new Request(`http://app.test/api/calls/${callId}/feedback`, { method: "POST", headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }), {
    params: Promise.resolve({ id: callId }),
  });
const statusOf = async (callId: string) => (await status.GET(new Request(`http://app.test/api/calls/${callId}/status`), { params: Promise.resolve({ id: callId }) })).json();

describe(`"How did it go?" (${testDriver()})`, () => {
  it("is offered, with the call's own token, only once the call reached the target", async () => {
    const connected = await addCall(database.db, scope, { target: ada, member: "heard", dials: [{ status: "completed", seconds: 95 }] });
    const busy = await addCall(database.db, scope, { target: ada, member: "heard", dials: [{ status: "busy" }] });
    expect((await statusOf(connected)).feedbackToken).toBe(feedbackToken(connected));
    expect((await statusOf(busy)).feedbackToken).toBeUndefined();
    expect(feedbackToken(connected)).not.toBe(feedbackToken(busy));
  });

  it("stores one answer per call, with its note, and shows it to campaigners per target", async () => {
    const callId = await addCall(database.db, scope, { target: ada, member: "heard", dials: [{ status: "completed", seconds: 60 }] });
    const first = await post(callId, { token: feedbackToken(callId), answer: "voicemail", note: "  Straight to voicemail\u0000 again " });
    expect(first.status).toBe(201);
    const again = await post(callId, { token: feedbackToken(callId), answer: "spoke", note: "" });
    expect(again.status).toBe(409);
    const stats = await callStats(database.db, { pageId: scope.pageId });
    expect(stats.targets[0]!.feedback).toEqual({ spoke: 0, voicemail: 1, "no-answer": 0, notes: ["Straight to voicemail again"] });
  });

  it("refuses another call's token, a call that didn't connect, and bad input at its field", async () => {
    const callId = await addCall(database.db, scope, { target: ada, member: "heard", dials: [{ status: "completed", seconds: 60 }] });
    const other = await addCall(database.db, scope, { target: ada, member: "no-answer" });
    expect((await post(callId, { token: feedbackToken(other), answer: "spoke" })).status).toBe(403);
    expect((await post(other, { token: feedbackToken(other), answer: "spoke" })).status).toBe(409);
    const bad = await post(callId, { token: feedbackToken(callId), answer: "great", note: "x".repeat(500) });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).errors).sort()).toEqual(["answer", "note"]);
    expect((await post(callId, "{not json")).status).toBe(400);
    expect((await post(callId, { token: "x".repeat(5000), answer: "spoke" })).status).toBe(413);
    expect((await post("not-a-uuid", { token: "abc", answer: "spoke" })).status).toBe(404);
    // Nothing was stored by any of these: the real answer still goes in.
    expect((await post(callId, { token: feedbackToken(callId), answer: "spoke" })).status).toBe(201);
  });
});
