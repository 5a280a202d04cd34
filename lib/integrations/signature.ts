import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * How deliveries are signed, in the style receivers already know from
 * Stripe and others: the header `Patchthrough-Signature: t=<unix seconds>,v1=<hex>`
 * where v1 is HMAC-SHA256, keyed with the endpoint's secret, of
 * `<t>.<raw body>`. Signing the timestamp with the body lets a receiver
 * refuse a replayed delivery by its age.
 */
export const SIGNATURE_HEADER = "Patchthrough-Signature";

export function signDelivery(secret: string, body: string, timestamp: number): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/** What a receiver does (and what the tests do): check the MAC, then the age. */
export function verifyDelivery(secret: string, body: string, header: string, options: { now?: number; toleranceSeconds?: number } = {}): boolean {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signDelivery(secret, body, timestamp).split("v1=")[1]!, "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
