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
