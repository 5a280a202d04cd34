const BASE = "http://patchthrough.invalid";

/**
 * Where to go after sign-in: only a path on this site, judged after the URL
 * parser has normalised it (browsers drop tabs and newlines and read "\" as
 * "/", so "/\t/evil.example" is "//evil.example"). The answer is the parsed
 * path, query and fragment, percent-encoded, so it is always a valid
 * Location header. Anything else goes to `fallback`.
 */
export function safeCallbackPath(value: unknown, fallback = "/admin"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
