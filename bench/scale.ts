// BENCH_ONLY=scale npm run bench — what a campaigner waits for with a million calls on
// PostgreSQL: the statistics page, the call log's first and 500th page (following its
// `after` cursor), and the CSV export's rows per second. One campaigner at a time, as
// they use it: requests one after another, figures from 30+ timings each. Asserts nothing.
import { encode } from "next-auth/jwt";
import { eq, sql } from "drizzle-orm";
import { selectRows, type DatabaseHandle } from "../lib/db/client";
import { users } from "../lib/db/schema";
import { createUser } from "../lib/users/service";

/** Where the figures are taken; the log and export addresses follow the call log's contract (`?after=<cursor>`). */
export const SCALE_PATHS = {
  stats: process.env.BENCH_STATS_PATH ?? "/admin/stats",
  log: process.env.BENCH_LOG_PATH ?? "/admin/calls",
  export: process.env.BENCH_EXPORT_PATH ?? "/admin/calls/export.csv",
};
const SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 40);
const LOG_PAGE = Number(process.env.BENCH_LOG_PAGE ?? 500);

export type Timings = { path: string; samples: number; p50_ms: number; p95_ms: number; max_ms: number; status: number };
export type ScaleFigures = {
  calls: number;
  stats_overall?: Timings;
  stats_one_page?: Timings;
  log_page_1?: Timings;
  log_page_n?: Timings & { page: number };
  export?: { path: string; rows: number; seconds: number; rows_per_s: number; status: number };
  notes: string[];
};

const EMAIL = "bench-campaigner@example.org";

/** A session cookie for a campaigner, minted as Auth.js would after sign-in (the bench knows AUTH_SECRET). */
export async function campaignerCookie(handle: DatabaseHandle, secret: string): Promise<string> {
  let [user] = await handle.db.select().from(users).where(eq(users.email, EMAIL));
  user ??= await createUser(handle.db, { email: EMAIL, password: "bench-password-0123456789", role: "campaigner" });
  const salt = "authjs.session-token";
  const token = await encode({ token: { sub: user.id, role: user.role, sessionVersion: user.sessionVersion }, secret, salt, maxAge: 3600 });
  return `${salt}=${token}`;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function time(url: string, cookie: string, samples = SAMPLES): Promise<Timings & { body: string }> {
  const durations: number[] = [];
  let body = "";
  let status = 0;
  for (let i = 0; i < samples + 3; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    body = await response.text();
    status = response.status;
    // The first three warm the server's code paths and PostgreSQL's buffers.
    if (i >= 3) durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { path: new URL(url).pathname + new URL(url).search.slice(0, 60), samples, p50_ms: round(percentile(durations, 50)), p95_ms: round(percentile(durations, 95)), max_ms: round(durations.at(-1)!), status, body };
}

/** The next page's address in a call log page: the link carrying `after=`. */
export function nextPageHref(html: string): string | null {
  const match = /href="([^"]*[?&](?:amp;)?after=[^"]+)"/.exec(html);
  return match ? match[1]!.replaceAll("&amp;", "&") : null;
}

export async function scaleBench(appUrl: string, handle: DatabaseHandle, secret: string): Promise<ScaleFigures> {
  const cookie = await campaignerCookie(handle, secret);
  const [counted] = await selectRows<{ calls: number }>(handle.db, sql`select count(*)::int as calls from calls`);
  const figures: ScaleFigures = { calls: Number(counted?.calls ?? 0), notes: [] };
  const strip = (timings: Timings & { body: string }): Timings => {
    const { path, samples, p50_ms, p95_ms, max_ms, status } = timings;
    return { path, samples, p50_ms, p95_ms, max_ms, status };
  };

  figures.stats_overall = strip(await time(`${appUrl}${SCALE_PATHS.stats}`, cookie));
  const firstPage = await selectRows<{ id: string }>(handle.db, sql`select id from pages where slug like 'load-%' order by slug limit 1`);
  if (firstPage[0]) figures.stats_one_page = strip(await time(`${appUrl}${SCALE_PATHS.stats}?page=${firstPage[0].id}`, cookie));

  const first = await time(`${appUrl}${SCALE_PATHS.log}`, cookie);
  figures.log_page_1 = strip(first);
  let href = nextPageHref(first.body);
  let page = 1;
  while (href && page < LOG_PAGE - 1) {
    const response = await fetch(new URL(href, appUrl), { headers: { cookie } });
    href = nextPageHref(await response.text());
    page++;
  }
  if (href && page === LOG_PAGE - 1) figures.log_page_n = { ...strip(await time(new URL(href, appUrl).toString(), cookie)), page: LOG_PAGE };
  else figures.notes.push(`call log: ${page === 1 ? "page 1 has no link with after=<cursor>" : `the cursor ran out at page ${page}`}, so page ${LOG_PAGE} was not measured`);

  const started = performance.now();
  const response = await fetch(`${appUrl}${SCALE_PATHS.export}`, { headers: { cookie } });
  let rows = 0;
  if (response.ok && response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const byte of value) if (byte === 10) rows++;
    }
    rows = Math.max(0, rows - 1); // the header line
    const seconds = (performance.now() - started) / 1000;
    figures.export = { path: SCALE_PATHS.export, rows, seconds: Math.round(seconds * 10) / 10, rows_per_s: Math.round(rows / seconds), status: response.status };
  } else {
    await response.body?.cancel();
    figures.notes.push(`export: ${SCALE_PATHS.export} answered ${response.status}, not measured`);
  }
  return figures;
}
