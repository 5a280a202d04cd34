import "server-only";
import pino from "pino";

/**
 * Structured JSON logs on stdout. Phone numbers are personal data and end up
 * everywhere in a call tool's logs (Twilio payloads, errors), so every string
 * that passes through is masked here, once, rather than at each call site.
 */

const E164_LIKE = /\+\d{8,15}\b/g;

/** "+447700900089" → "+4477******89": enough to tell numbers apart, not to dial one. */
export function maskPhoneNumber(number: string): string {
  const digits = number.replace(/^\+/, "");
  if (digits.length < 7) return number;
  return `+${digits.slice(0, 4)}${"*".repeat(digits.length - 6)}${digits.slice(-2)}`;
}

export function maskPhoneNumbers<T>(value: T, depth = 0): T {
  if (typeof value === "string") return value.replace(E164_LIKE, maskPhoneNumber) as T;
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    // Still an Error, so pino's serializer records its type and stack.
    const masked = new Error(maskPhoneNumbers(value.message));
    masked.name = value.name;
    masked.stack = value.stack && maskPhoneNumbers(value.stack);
    return masked as T;
  }
  if (Array.isArray(value)) return value.map((item) => maskPhoneNumbers(item, depth + 1)) as T;
  const masked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) masked[key] = maskPhoneNumbers(item, depth + 1);
  return masked as T;
}

export function createLogger(destination?: pino.DestinationStream, level = process.env.LOG_LEVEL || "info"): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
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
