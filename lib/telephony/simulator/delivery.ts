import { twilioSignature } from "./signature";

/**
 * How Twilio makes one HTTP request to the app: signed, with its idempotency
 * token, under its connection rules. The URL's fragment may override them
 * (#ct=…&rt=…&tt=…&rc=…&rp=…); the fragment is never sent, nor signed (an
 * HTTP request carries no fragment, so the app could not check one).
 */
export type ConnectionRules = {
  /** Connect timeout, ms (ct: 100–10000, default 5000). */
  connectTimeout: number;
  /** Read timeout, ms (rt: 100–15000, default 15000). */
  readTimeout: number;
  /** Total time for every attempt, ms (tt: 100–15000, default 15000). */
  totalTime: number;
  /** Retries after the first attempt (rc: 0–5, default 1). */
  retries: number;
  /** What is retried (rp: ct, rt, 4xx, 5xx or all; default ct,rt). */
  retryOn: ReadonlySet<RetryReason>;
};
export type RetryReason = "ct" | "rt" | "4xx" | "5xx";

const DEFAULT_RULES: ConnectionRules = { connectTimeout: 5000, readTimeout: 15_000, totalTime: 15_000, retries: 1, retryOn: new Set(["ct", "rt"]) };

const clamp = (value: string | null, min: number, max: number, fallback: number) => {
  const parsed = Number.parseInt(value ?? "", 10);
  return Number.isFinite(parsed) ? Math.min(max, Math.max(min, parsed)) : fallback;
};

/** Splits a webhook URL into what is requested and the connection rules its fragment asks for. */
export function connectionRules(url: string): { url: string; rules: ConnectionRules } {
  const hash = url.indexOf("#");
  if (hash < 0) return { url, rules: DEFAULT_RULES };
  const overrides = new URLSearchParams(url.slice(hash + 1));
  const policy = overrides.get("rp");
  const retryOn = policy
    ? new Set(policy.split(",").flatMap((part): RetryReason[] => (part === "all" ? ["ct", "rt", "4xx", "5xx"] : ["ct", "rt", "4xx", "5xx"].includes(part) ? [part as RetryReason] : [])))
    : DEFAULT_RULES.retryOn;
  return {
    url: url.slice(0, hash),
    rules: {
      connectTimeout: clamp(overrides.get("ct"), 100, 10_000, DEFAULT_RULES.connectTimeout),
      readTimeout: clamp(overrides.get("rt"), 100, 15_000, DEFAULT_RULES.readTimeout),
      totalTime: clamp(overrides.get("tt"), 100, 15_000, DEFAULT_RULES.totalTime),
      retries: clamp(overrides.get("rc"), 0, 5, DEFAULT_RULES.retries),
      retryOn,
    },
  };
}

export type Delivery = { ok: true; status: number; body: string; attempts: number } | { ok: false; status: number; problem: string; attempts: number };

export type SignedRequest = {
  authToken: string;
  url: string;
  method: string;
  params: Record<string, string>;
  /** I-Twilio-Idempotency-Token: the same on every retry of one request. */
  token: string;
};

const CONNECT_ERRORS = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT/;

/**
 * Makes the request, retrying as the connection rules allow: a connection
 * failure or read timeout by default, a 4xx or 5xx only when rp asks for it,
 * all within the total time. A response is a failure unless it is 2xx.
 */
export async function deliver(request: SignedRequest): Promise<Delivery> {
  const { url, rules } = connectionRules(request.url);
  const get = request.method.toUpperCase() === "GET";
  let target = url;
  let body: string | undefined;
  if (get) {
    const withQuery = new URL(url);
    for (const [key, value] of Object.entries(request.params)) withQuery.searchParams.append(key, value);
    target = withQuery.toString();
  } else {
    body = new URLSearchParams(request.params).toString();
  }
  const signature = get ? twilioSignature(request.authToken, target) : twilioSignature(request.authToken, url, request.params);
  const deadline = Date.now() + rules.totalTime;
  let last: Delivery = { ok: false, status: 0, problem: `${url} was not requested`, attempts: 0 };
  for (let attempt = 1; attempt <= rules.retries + 1; attempt++) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    let reason: RetryReason;
    try {
      const response = await fetch(target, {
        method: get ? "GET" : "POST",
        body,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Twilio-Signature": signature,
          "I-Twilio-Idempotency-Token": request.token,
          "User-Agent": "TwilioProxy/1.1 (Patchthrough simulator)",
        },
        // fetch() cannot time the connection apart from the answer: a refused connection fails at once,
        // and one that hangs is cut by the read timeout.
        signal: AbortSignal.timeout(Math.min(rules.readTimeout, left)),
        redirect: "follow",
      });
      const text = await response.text();
      if (response.ok) return { ok: true, status: response.status, body: text, attempts: attempt };
      last = { ok: false, status: response.status, problem: `HTTP ${response.status} from ${url}`, attempts: attempt };
      reason = response.status >= 500 ? "5xx" : "4xx";
    } catch (error) {
      const cause = String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
      reason = CONNECT_ERRORS.test(cause) ? "ct" : "rt";
      last = { ok: false, status: 0, problem: `${url} ${reason === "ct" ? "could not be reached" : "did not answer in time"} (${cause})`, attempts: attempt };
    }
    if (!rules.retryOn.has(reason)) break;
  }
  return last;
}
