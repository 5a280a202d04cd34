import "server-only";
import { formatWithOptions } from "node:util";
import pino from "pino";

/**
 * Structured JSON logs on stdout. Phone numbers are personal data and end up
 * everywhere in a call tool's logs (Twilio payloads, errors), so every string
 * that passes through is masked here, once, rather than at each call site.
 */

// "+" or its URL encoding (numbers travel in paths and query strings), then the digits.
const E164_LIKE = /(?:\+|%2B)\d{8,15}\b/gi;

/** "+447700900089" → "+4477******89": enough to tell numbers apart, not to dial one. */
export function maskPhoneNumber(number: string): string {
  const plus = number.match(/^(?:\+|%2B)/i)?.[0] ?? "";
  const digits = number.slice(plus.length);
  if (digits.length < 7) return number;
  return `${plus}${digits.slice(0, 4)}${"*".repeat(digits.length - 6)}${digits.slice(-2)}`;
}

export function maskPhoneNumbers<T>(value: T, depth = 0): T {
  if (typeof value === "string") return value.replace(E164_LIKE, maskPhoneNumber) as T;
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    // Still an Error, so pino's serializer records its type and stack; its cause
    // (a driver error under a query error, with PostgreSQL's code and detail)
    // and its own fields (the query's parameters) are kept, masked too.
    const cause = "cause" in value ? { cause: maskPhoneNumbers(value.cause, depth + 1) } : undefined;
    const masked = new Error(maskPhoneNumbers(value.message), cause);
    masked.name = value.name;
    masked.stack = value.stack && maskPhoneNumbers(value.stack);
    for (const [key, item] of Object.entries(value)) {
      if (!(key in masked)) (masked as unknown as Record<string, unknown>)[key] = maskPhoneNumbers(item, depth + 1);
    }
    return masked as T;
  }
  if (Array.isArray(value)) return value.map((item) => maskPhoneNumbers(item, depth + 1)) as T;
  const masked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) masked[key] = maskPhoneNumbers(item, depth + 1);
  return masked as T;
}

/** pino's error serializer, with the cause as a structured object rather than folded into the message. */
function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const serialized: Record<string, unknown> = pino.stdSerializers.err(error);
  if (error.cause !== undefined && depth < 4) serialized.cause = serializeError(error.cause, depth + 1);
  return serialized;
}

export function createLogger(destination?: pino.DestinationStream, level = process.env.LOG_LEVEL || "info"): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    serializers: { err: serializeError },
    base: { service: "patchthrough" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => maskPhoneNumbers(object),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === "string" ? maskPhoneNumbers(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

// One logger per process, even when Next.js loads this module into several bundles.
const globalForLog = globalThis as unknown as { patchthroughLog?: pino.Logger };
export const log: pino.Logger = (globalForLog.patchthroughLog ??= createLogger());

const MASKED = Symbol.for("patchthrough.console-masked");

/**
 * Masks what the framework and libraries print to the console too (Next.js
 * prints a failed query with its parameters): every console line is
 * formatted as Node would, then masked. Called once, at start-up.
 */
export function maskConsole(target: Pick<Console, "log" | "info" | "warn" | "error" | "debug" | "trace"> = console): void {
  const marked = target as typeof target & { [MASKED]?: true };
  if (marked[MASKED]) return;
  marked[MASKED] = true;
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => original(maskPhoneNumbers(formatWithOptions({ colors: false }, ...args)));
  }
}
