import { z } from "zod";

/**
 * Every setting the app reads, parsed once. Nothing else reads process.env
 * (Next.js and Auth.js internals aside), so this file plus .env.example is the
 * whole configuration surface.
 */

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** A string that parses as a URL and passes `check`; anything else gets `message`. */
const url = (check: (url: URL) => boolean, message: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        return check(new URL(value));
      } catch {
        return false;
      }
    }, message);

const postgresUrl = url(
  (u) => (u.protocol === "postgres:" || u.protocol === "postgresql:") && u.hostname !== "",
  "must be a URL like postgres://user:password@host:5432/database",
);

const httpOrigin = url(
  (u) => (u.protocol === "http:" || u.protocol === "https:") && (u.pathname === "/" || u.pathname === ""),
  "must be an http(s) origin like https://calls.example.org, without a path",
).transform((value) => new URL(value).origin);

const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data")),
    AUTH_SECRET: z.preprocess(
      emptyAsUndefined,
      z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
    ),
    PUBLIC_URL: z.preprocess(emptyAsUndefined, httpOrigin.default("http://localhost:3000")),
    LOG_LEVEL: z.preprocess(
      emptyAsUndefined,
      z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
    ),
    TELEPHONY: z.preprocess(emptyAsUndefined, z.enum(["simulator", "twilio"], { error: "must be simulator or twilio" }).optional()),
    TWILIO_ACCOUNT_SID: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^AC[0-9a-fA-F]{32}$/, "must be AC followed by 32 hex characters, as shown in the Twilio console")
        .optional(),
    ),
    TWILIO_AUTH_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, "must be at least 16 characters").optional()),
    TWILIO_API_BASE_URL: z.preprocess(
      emptyAsUndefined,
      url((u) => u.protocol === "http:" || u.protocol === "https:", "must be an http(s) URL like https://api.twilio.com")
        .transform((value) => value.replace(/\/+$/, ""))
        .optional(),
    ),
    TWILIO_CPS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: "must be a number" }).positive("must be more than 0").max(100_000, "must be 100000 or less").default(1),
    ),
    SIMULATOR_SPEED: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: "must be a number" }).positive("must be more than 0").max(1000, "must be 1000 or less").default(1),
    ),
    SIMULATOR_DISORDER: z.preprocess(emptyAsUndefined, z.enum(["off", "on"], { error: "must be off or on" }).default("off")),
    SIMULATOR_SEED: z.preprocess(
      emptyAsUndefined,
      z.string().trim().regex(/^[\w.-]{1,64}$/, "must be 1 to 64 letters, digits, dots, dashes or underscores").optional(),
    ),
    SIMULATOR_CPS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: "must be a number" }).positive("must be more than 0").max(1000, "must be 1000 or less").default(1),
    ),
    UPLOADTHING_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(20, "must be the token from the uploadthing dashboard").optional()),
    UPLOADTHING_API_URL: z.preprocess(emptyAsUndefined, url((u) => u.protocol === "http:" || u.protocol === "https:", "must be an http(s) URL").optional()),
    UPLOADTHING_INGEST_URL: z.preprocess(emptyAsUndefined, url((u) => u.protocol === "http:" || u.protocol === "https:", "must be an http(s) URL").optional()),
    CALL_LIMIT_PER_IP_PER_HOUR: z.preprocess(emptyAsUndefined, z.coerce.number({ error: "must be a number" }).int().min(1, "must be at least 1").default(30)),
    CALL_LIMIT_PER_MINUTE: z.preprocess(emptyAsUndefined, z.coerce.number({ error: "must be a number" }).int().min(1, "must be at least 1").default(120)),
    JOBS_WORKER: z.preprocess(
      emptyAsUndefined,
      z.enum(["in-process", "off"], { error: "must be in-process or off" }).default("in-process"),
    ),
    JOBS_POLL_SECONDS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: "must be a number" }).min(0.5, "must be at least 0.5").max(60, "must be 60 or less").default(2),
    ),
    TRUSTED_PROXIES: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ error: "must be a whole number" })
        .int("must be a whole number")
        .min(0, "must be 0 or more")
        .max(10, "must be 10 or less")
        .default(0),
    ),
  })
  .superRefine((env, ctx) => {
    const telephony = env.TELEPHONY ?? (env.TWILIO_ACCOUNT_SID ? "twilio" : "simulator");
    if (telephony === "twilio") {
      for (const key of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required to use real Twilio (TELEPHONY=twilio)" });
      }
    }
    // A shared deployment needs one secret on every instance; only the
    // single-process embedded setup may generate its own (see lib/auth/secret.ts).
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in production with DATABASE_URL (generate one with: openssl rand -base64 32)",
      });
    }
  });

export type Env = z.infer<typeof schema>;

/** A configuration problem: its message is one line, fit to print and exit on. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
