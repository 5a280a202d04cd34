// @ts-check

/**
 * The member's page (/p/<slug>) and the embedded call tool (/embed/<id>) are
 * served from a cache, the same bytes for every visitor. Two kinds of visit
 * need them rendered for themselves, and go to the page's `/view` twin (the
 * address in the browser does not change):
 * - an address carrying form state: a narrowed choice (`filter_…`, from the
 *   drill-down's GET form or a partner's link) or a form posted without
 *   JavaScript coming back with its error (`error`, `sig`, `field`, `phone`,
 *   `target`), or a postcode to look up (`postcode`, from the postcode form);
 * - a signed-in visitor (a session cookie), who may preview a draft.
 */
const MEMBER_PAGE = /^\/(?:p\/[a-z0-9-]+|embed\/[0-9a-fA-F-]+)$/;
const FORM_STATE = new Set(["error", "sig", "field", "phone", "target", "postcode"]);
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;

export const isMemberPage = (/** @type {string} */ path) => MEMBER_PAGE.test(path);

/**
 * The address to render instead, or null to serve the cached page.
 * @param {{ method?: string, url?: string, headers: { cookie?: string } }} req
 */
export function liveViewFor(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  const at = url.indexOf("?");
  const path = at === -1 ? url : url.slice(0, at);
  if (!isMemberPage(path)) return null;
  const query = at === -1 ? "" : url.slice(at + 1);
  const keys = [...new URLSearchParams(query).keys()];
  const stateful = keys.some((key) => FORM_STATE.has(key) || key.startsWith("filter_"));
  if (!stateful && !SESSION_COOKIE.test(req.headers.cookie ?? "")) return null;
  return `${path}/view${at === -1 ? "" : url.slice(at)}`;
}

/**
 * Browsers and any shared cache in front of the app must ask again on every
 * visit: the app's own cache is emptied the moment a campaigner saves, theirs
 * would not be (Next.js marks such pages cacheable for a year).
 */
export const MEMBER_PAGE_CACHE_CONTROL = "public, max-age=0, must-revalidate";
