/** Only same-site paths are followed after sign-in, so a link cannot bounce a user to another site. */
export function safeCallbackPath(value: unknown, fallback = "/admin"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
