/**
 * The client's address, for rate limits, the sign-in throttle and the
 * blocklist. server.mjs (lib/edge/request.mjs) rewrites X-Forwarded-For on
 * every request: with no trusted proxy it holds only the socket's address;
 * with N trusted proxies it is what they sent followed by the socket's
 * address, so the client is N entries left of the last. Entries further left
 * are whatever the client claimed and are never read.
 */
export function clientIp(headers: Headers, trustedProxies: number): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies means fewer proxies than configured: the leftmost is the farthest hop known.
  return chain[Math.max(chain.length - 1 - trustedProxies, 0)] ?? "unknown";
}
