import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDatabaseForTests } from "../db/client";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { stopJobQueue } from "../jobs";
import { runDueJobs } from "../jobs/testing";
import { MAX_ATTEMPTS } from "./deliver";
import { webhookDeliveries } from "./schema";
import { createEndpoint, publishEvent, recentDeliveries, resendDelivery, sweepDeliveries } from "./service";
import { signDelivery, verifyDelivery } from "./signature";
import { startReceiver } from "./testing";

describe(`webhooks to the organisation's CRM (${testDriver()})`, () => {
  let database: TestDatabase;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    setDatabaseForTests(database);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await stopJobQueue();
    receiver.close();
    await database.dispose();
  });
  beforeEach(async () => {
    receiver.received.length = 0;
    receiver.answers.length = 0;
    await database.db.delete(webhookDeliveries);
  });

  let endpointCount = 0;
  const endpoint = () => createEndpoint(database.db, { url: `${receiver.url}?n=${endpointCount++}`, description: "CRM" });

  it("posts the event as signed JSON that the receiver can verify", async () => {
    const crm = await endpoint();
    expect(await publishEvent(database.db, { type: "call.ended", key: "call.ended:1", payload: { call: { id: "1", outcome: "connected" } } })).toBeGreaterThanOrEqual(1);
    await runDueJobs("integrations.deliver");
    const delivery = receiver.received.find((request) => request.headers["patchthrough-event"] === "call.ended" && request.body.includes('"id":"1"'))!;
    expect(delivery.headers["content-type"]).toBe("application/json");
    expect(verifyDelivery(crm.secret, delivery.body, delivery.headers["patchthrough-signature"] as string)).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({ type: "call.ended", id: delivery.headers["patchthrough-delivery"], data: { call: { id: "1", outcome: "connected" } } });
    const [row] = (await recentDeliveries(database.db, crm.id)).filter((entry) => entry.eventKey === "call.ended:1");
    expect(row).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200 });
  });

  it("retries after the receiver fails once, with the same event id, and records both answers", async () => {
    const crm = await endpoint();
    receiver.answers.push(503);
    await publishEvent(database.db, { type: "call.ended", key: "call.ended:2", payload: {} }, crm.id);
    await runDueJobs("integrations.deliver");
    let [row] = await recentDeliveries(database.db, crm.id);
    expect(row).toMatchObject({ status: "retrying", attempts: 1, lastStatusCode: 503 });
    // The retry waits in the queue's backoff; let that time pass.
    expect(await runDueJobs("integrations.deliver")).toBe(0);
    await runDueJobs("integrations.deliver", { ignoreStartAfter: true });
    [row] = await recentDeliveries(database.db, crm.id);
    expect(row).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200 });
    expect(receiver.received).toHaveLength(2);
    expect(new Set(receiver.received.map((request) => JSON.parse(request.body).id))).toEqual(new Set([row!.id]));
  });

  it("tells an endpoint about an event once, however often it is published", async () => {
    const crm = await endpoint();
    for (let i = 0; i < 3; i++) await publishEvent(database.db, { type: "call.ended", key: "call.ended:3", payload: {} }, crm.id);
    await runDueJobs("integrations.deliver");
    expect(receiver.received).toHaveLength(1);
  });

  it("gives up after its attempts, and a person can re-send it", async () => {
    const crm = await endpoint();
    receiver.answers.push(...Array(MAX_ATTEMPTS).fill(500));
    await publishEvent(database.db, { type: "call.ended", key: "call.ended:4", payload: {} }, crm.id);
    for (let round = 0; round < MAX_ATTEMPTS + 2; round++) await runDueJobs("integrations.deliver", { ignoreStartAfter: true });
    let [row] = await recentDeliveries(database.db, crm.id);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastStatusCode: 500 });
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
    await resendDelivery(database.db, row!.id);
    await runDueJobs("integrations.deliver");
    [row] = await recentDeliveries(database.db, crm.id);
    expect(row).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200 });
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS + 1);
  });

  it("queues a delivery that never reached the queue", async () => {
    const crm = await endpoint();
    await database.db.insert(webhookDeliveries).values({ endpointId: crm.id, eventType: "call.ended", eventKey: "call.ended:5", payload: {}, createdAt: new Date(Date.now() - 3 * 60_000) });
    expect(await sweepDeliveries(database.db)).toBe(1);
    await runDueJobs("integrations.deliver");
    const [row] = await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventKey, "call.ended:5"));
    expect(row!.status).toBe("delivered");
  });
});

describe("the delivery signature", () => {
  const body = JSON.stringify({ id: "d1", type: "call.ended" });
  const now = 1_800_000_000;
  it("verifies what it signed, and nothing tampered with or replayed later", () => {
    const header = signDelivery("whsec_test", body, now);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyDelivery("whsec_test", body, header, { now })).toBe(true);
    expect(verifyDelivery("whsec_test", body.replace("d1", "d2"), header, { now })).toBe(false);
    expect(verifyDelivery("whsec_other", body, header, { now })).toBe(false);
    expect(verifyDelivery("whsec_test", body, header, { now: now + 301 })).toBe(false);
    expect(verifyDelivery("whsec_test", body, "t=x,v1=zz", { now })).toBe(false);
  });
});
