import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv, type Env } from "../env";

export type TelephonyMode = "simulator" | "twilio";

export type TelephonyConfig = {
  mode: TelephonyMode;
  accountSid: string;
  authToken: string;
  /** Where the REST client sends requests: Twilio, or the simulator under /dev/twilio. */
  apiBaseUrl: string;
  /** The origin Twilio (or the simulator) uses to reach this app. */
  publicUrl: string;
  /** Simulated seconds per real second (tests speed up ring timeouts). */
  simulatorSpeed: number;
  /** The simulator's disorder, seed and calls per second (see simulator/README in lib/telephony/README.md). */
  simulatorDisorder: boolean;
  simulatorSeed: string;
  simulatorCps: number;
};

// One random seed per process when SIMULATOR_SEED is unset; start-up logs it so a run can be replayed.
const PROCESS_SEED = randomBytes(6).toString("hex");

/**
 * Real Twilio when TELEPHONY=twilio, or by default when an account SID is set;
 * the built-in simulator otherwise. The simulator uses TWILIO_ACCOUNT_SID and
 * TWILIO_AUTH_TOKEN when given (so tests can sign with a known token), else
 * credentials generated once and kept in DATA_DIR.
 */
export function resolveTelephony(env: Env): TelephonyConfig {
  const mode: TelephonyMode = env.TELEPHONY ?? (env.TWILIO_ACCOUNT_SID ? "twilio" : "simulator");
  const credentials =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
      ? { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN }
      : simulatorCredentials(env.DATA_DIR);
  return {
    mode,
    ...credentials,
    apiBaseUrl: env.TWILIO_API_BASE_URL ?? (mode === "twilio" ? "https://api.twilio.com" : `${env.PUBLIC_URL}/dev/twilio`),
    publicUrl: env.PUBLIC_URL,
    simulatorSpeed: env.SIMULATOR_SPEED,
    simulatorDisorder: env.SIMULATOR_DISORDER === "on",
    simulatorSeed: env.SIMULATOR_SEED ?? PROCESS_SEED,
    simulatorCps: env.SIMULATOR_CPS,
  };
}

function simulatorCredentials(dataDir: string): { accountSid: string; authToken: string } {
  const file = path.resolve(dataDir, "simulator-credentials.json");
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    const credentials = { accountSid: `AC${randomBytes(16).toString("hex")}`, authToken: randomBytes(16).toString("hex") };
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600, flag: "wx" });
      return credentials;
    } catch {
      return JSON.parse(fs.readFileSync(file, "utf8")); // written by another worker first
    }
  }
}

let cached: TelephonyConfig | undefined;
export function telephonyConfig(): TelephonyConfig {
  cached ??= resolveTelephony(getEnv());
  return cached;
}
