/**
 * The status page a no-JavaScript form on it (stop calling me, how did it
 * go?) returns to: a member page's or an embed's page for the same call.
 * Anything else sends the member home: a form can't be made to redirect
 * elsewhere.
 */
const STATUS_PAGE = /^\/(p\/[a-z0-9-]{1,80}|embed\/[0-9a-f-]{36})\/calls\/([0-9a-f-]{36})$/;

export function statusPageFor(callId: string, returnTo: string | null): string {
  const match = returnTo ? STATUS_PAGE.exec(returnTo) : null;
  return match && match[2] === callId ? returnTo! : "/";
}

/** A form post (the status page without JavaScript), not a script's JSON. */
export const isFormPost = (request: Request) => (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
