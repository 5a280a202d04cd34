import autocannon from "autocannon";

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

export type LoadFigures = {
  path: string;
  requests: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  /** Socket errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Answers by status code, when any was not 2xx. */
  statuses?: Record<string, number>;
};

/**
 * `connections` clients keeping one request each in flight for `seconds`,
 * from this process (the server is another process), as autocannon measures it.
 */
export async function load(path: string, options: autocannon.Options): Promise<LoadFigures> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, timeout: 20, ...options });
  return {
    path,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses: result.non2xx ? Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, (stats as { count: number }).count])) : undefined,
  };
}

/** A short unmeasured run, so the JIT and the server's caches are warm before figures are taken. */
export async function warm(options: autocannon.Options): Promise<void> {
  await autocannon({ connections: 10, duration: 2, ...options });
}
