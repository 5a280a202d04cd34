/**
 * The client's address, for rate limits. Next.js fills X-Forwarded-For with
 * the socket's address only when the header is absent, and each trusted proxy
 * appends the address it saw; so the client is TRUSTED_PROXIES entries from
 * the right (or the last entry with no proxy). Entries further left are
 * whatever the client claimed and are ignored.
 */
export function clientIp(headers: Headers, trustedProxies: number): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const index = chain.length - Math.max(trustedProxies, 1);
  return chain[Math.max(index, 0)] ?? "unknown";
}
