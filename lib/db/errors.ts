import { ConfigError } from "../env";

const NETWORK_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET", "CONNECT_TIMEOUT"]);

/** Turns a driver error met while connecting into one line a person can act on. */
export function describeConnectionError(error: unknown, databaseUrl: string): Error {
  const url = new URL(databaseUrl);
  const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  const code = (error as { code?: string }).code ?? "";
  if (NETWORK_CODES.has(code)) return new ConfigError(`Cannot reach the database at ${where} (${code}). Is PostgreSQL running, and is DATABASE_URL right?`);
  if (code === "28P01" || code === "28000") return new ConfigError(`The database at ${where} refused the user or password in DATABASE_URL.`);
  if (code === "3D000") return new ConfigError(`The database ${url.pathname.slice(1)} does not exist at ${url.hostname}:${url.port || 5432}. Create it first (createdb).`);
  return error instanceof Error ? error : new Error(String(error));
}

// postgres.js's own codes for a lost or unmade connection, and PostgreSQL's SQLSTATEs for a server going away or not ready.
const UNAVAILABLE_CODES = new Set([...NETWORK_CODES, "EPIPE", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "57P01", "57P02", "57P03"]);

/**
 * The database could not be reached or went away mid-query (a restart, a
 * failover): worth answering 503 so the caller retries, rather than taking it
 * as the request's fault. SQLSTATE class 08 is a connection exception.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
  }
  return false;
}
