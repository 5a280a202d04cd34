import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { log } from "../log";
import { webhookDeliveries, webhookEndpoints } from "./schema";
import { SIGNATURE_HEADER, signDelivery } from "./signature";

/** Attempts per delivery, with the queue's backoff between them (about 30 s, 1 min, 2 min… 1 h). */
export const MAX_ATTEMPTS = 8;
const TIMEOUT_MS = 10_000;

/** The receiver answered something other than 2xx, or nothing: the queue tries again later. */
export class DeliveryFailed extends Error {
  override name = "DeliveryFailed";
}

/**
 * One attempt at a delivery. The row is claimed first (pending or retrying →
 * sending), so two jobs for one delivery never both post it. A 2xx marks it
 * delivered; anything else is recorded and thrown for the queue to retry,
 * until MAX_ATTEMPTS, after which it is failed and left for a person to re-send.
 */
export async function deliverWebhook(db: Db, deliveryId: string): Promise<void> {
  const [claimed] = await db
    .update(webhookDeliveries)
    .set({ status: "sending", attempts: sql`${webhookDeliveries.attempts} + 1`, lastAttemptAt: new Date() })
    .where(and(eq(webhookDeliveries.id, deliveryId), inArray(webhookDeliveries.status, ["pending", "retrying"])))
    .returning();
  if (!claimed) return;
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, claimed.endpointId));
  if (!endpoint) return;

  const body = JSON.stringify({ id: claimed.id, type: claimed.eventType, created_at: claimed.createdAt.toISOString(), data: claimed.payload });
  let outcome: { statusCode: number | null; response: string | null; error: string | null };
  try {
    const response = await fetch(endpoint.url, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Patchthrough-Webhooks/1",
        "Patchthrough-Event": claimed.eventType,
        "Patchthrough-Delivery": claimed.id,
        [SIGNATURE_HEADER]: signDelivery(endpoint.secret, body, Math.floor(Date.now() / 1000)),
      },
    });
    outcome = { statusCode: response.status, response: (await response.text().catch(() => "")).slice(0, 500), error: null };
  } catch (error) {
    outcome = { statusCode: null, response: null, error: (error as Error).name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : (error as Error).message };
  }

  const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  const status = delivered ? "delivered" : claimed.attempts >= MAX_ATTEMPTS ? "failed" : "retrying";
  await db
    .update(webhookDeliveries)
    .set({ status, lastStatusCode: outcome.statusCode, lastResponse: outcome.response, lastError: outcome.error, deliveredAt: delivered ? new Date() : null })
    .where(eq(webhookDeliveries.id, deliveryId));
  if (status === "retrying") {
    log.warn({ deliveryId, statusCode: outcome.statusCode, attempt: claimed.attempts }, "webhook delivery failed; will retry");
    throw new DeliveryFailed(`attempt ${claimed.attempts} got ${outcome.statusCode ?? outcome.error}`);
  }
}
