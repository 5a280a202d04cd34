import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { FieldError, FormError } from "../errors";
import { sendJob } from "../jobs";
import { webhookDeliveries, webhookEndpoints, type WebhookDelivery, type WebhookEndpoint } from "./schema";

export const EVENT_TYPES = ["call.ended", "test"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function listEndpoints(db: Db): Promise<WebhookEndpoint[]> {
  return db.select().from(webhookEndpoints).orderBy(webhookEndpoints.createdAt);
}

export async function getEndpoint(db: Db, id: string): Promise<WebhookEndpoint | null> {
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return endpoint ?? null;
}

export async function createEndpoint(db: Db, input: { url: string; description: string }): Promise<WebhookEndpoint> {
  const existing = await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.url, input.url));
  if (existing.length > 0) throw new FieldError("url", "This address already receives webhooks");
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({ url: input.url, description: input.description, secret: `whsec_${randomBytes(24).toString("base64url")}` })
    .returning();
  return endpoint!;
}

export async function setEndpointActive(db: Db, id: string, active: boolean): Promise<void> {
  await db.update(webhookEndpoints).set({ active }).where(eq(webhookEndpoints.id, id));
}

export async function removeEndpoint(db: Db, id: string): Promise<void> {
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
}

export function recentDeliveries(db: Db, endpointId: string, limit = 50): Promise<WebhookDelivery[]> {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(desc(webhookDeliveries.createdAt)).limit(limit);
}

/**
 * Tells every active endpoint about an event, once per endpoint and key: a
 * repeated publish (a retried status callback, two instances) adds nothing.
 * Answers how many deliveries were queued.
 */
export async function publishEvent(db: Db, event: { type: EventType; key: string; payload: Record<string, unknown> }, onlyEndpoint?: string): Promise<number> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(onlyEndpoint ? eq(webhookEndpoints.id, onlyEndpoint) : eq(webhookEndpoints.active, true));
  if (endpoints.length === 0) return 0;
  const created = await db
    .insert(webhookDeliveries)
    .values(endpoints.map((endpoint) => ({ endpointId: endpoint.id, eventType: event.type, eventKey: event.key, payload: event.payload })))
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  for (const delivery of created) await sendJob("integrations.deliver", { deliveryId: delivery.id });
  return created.length;
}

export async function sendTestEvent(db: Db, endpointId: string): Promise<void> {
  const sent = await publishEvent(db, { type: "test", key: `test:${randomBytes(8).toString("hex")}`, payload: { message: "A test delivery from Patchthrough: your endpoint is reachable." } }, endpointId);
  if (sent === 0) throw new FormError("That endpoint no longer exists.");
}

/** Delivers an event again, with the same event id, as a fresh series of attempts. */
export async function resendDelivery(db: Db, deliveryId: string): Promise<void> {
  const [delivery] = await db
    .update(webhookDeliveries)
    .set({ status: "pending", attempts: 0 })
    .where(and(eq(webhookDeliveries.id, deliveryId), inArray(webhookDeliveries.status, ["delivered", "failed"])))
    .returning({ id: webhookDeliveries.id });
  if (!delivery) throw new FormError("This delivery is already on its way.");
  await sendJob("integrations.deliver", { deliveryId });
}

/**
 * Queues deliveries that no job holds: created but never queued (the queue
 * was unreachable just then), or taken by a worker that died mid-send.
 */
export async function sweepDeliveries(db: Db, now = new Date()): Promise<number> {
  const stale = await db
    .update(webhookDeliveries)
    .set({ status: sql`case when ${webhookDeliveries.status} = 'sending' then 'retrying' else ${webhookDeliveries.status} end` })
    .where(
      or(
        and(eq(webhookDeliveries.status, "pending"), eq(webhookDeliveries.attempts, 0), lt(webhookDeliveries.createdAt, new Date(now.getTime() - 2 * 60_000))),
        and(eq(webhookDeliveries.status, "sending"), lt(webhookDeliveries.lastAttemptAt, new Date(now.getTime() - 5 * 60_000))),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  for (const delivery of stale) await sendJob("integrations.deliver", { deliveryId: delivery.id });
  return stale.length;
}
