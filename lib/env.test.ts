import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs with nothing configured", () => {
    expect(parseEnv({})).toMatchObject({ DATA_DIR: ".data", PUBLIC_URL: "http://localhost:3000", LOG_LEVEL: "info", TRUSTED_PROXIES: 0 });
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", AUTH_SECRET: " " }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable and what it expects, in one line", () => {
    const attempt = () => parseEnv({ DATABASE_URL: "mysql://localhost/db" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^Invalid configuration: DATABASE_URL must be a URL like postgres:\/\//);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("lists every bad variable", () => {
    expect(() => parseEnv({ LOG_LEVEL: "loud", PUBLIC_URL: "localhost:3000/x", TRUSTED_PROXIES: "two" })).toThrow(
      /PUBLIC_URL must be an http\(s\) origin.*LOG_LEVEL must be one of.*TRUSTED_PROXIES must be a whole number/,
    );
  });

  it("requires AUTH_SECRET for a production deployment on PostgreSQL", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://app@db:5432/app" };
    expect(() => parseEnv(production)).toThrow(/AUTH_SECRET is required in production/);
    expect(parseEnv({ ...production, AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toHaveLength(32);
    // The embedded single-process setup generates and keeps its own.
    expect(() => parseEnv({ NODE_ENV: "production" })).not.toThrow();
  });

  it("normalises PUBLIC_URL to an origin", () => {
    expect(parseEnv({ PUBLIC_URL: "https://calls.example.org/" }).PUBLIC_URL).toBe("https://calls.example.org");
  });

  it("checks the Twilio settings", () => {
    expect(() => parseEnv({ TWILIO_ACCOUNT_SID: "AC123" })).toThrow(/TWILIO_ACCOUNT_SID must be AC followed by 32 hex characters/);
    expect(() => parseEnv({ TELEPHONY: "twilio" })).toThrow(
      /TWILIO_ACCOUNT_SID is required to use real Twilio.*TWILIO_AUTH_TOKEN is required to use real Twilio/,
    );
    expect(() => parseEnv({ TWILIO_ACCOUNT_SID: "AC" + "a".repeat(32) })).toThrow(/TWILIO_AUTH_TOKEN is required/);
    expect(() => parseEnv({ TELEPHONY: "phone" })).toThrow(/TELEPHONY must be simulator or twilio/);
    expect(() => parseEnv({ SIMULATOR_SPEED: "0" })).toThrow(/SIMULATOR_SPEED must be more than 0/);
    expect(parseEnv({ TWILIO_API_BASE_URL: "http://localhost:4010/" }).TWILIO_API_BASE_URL).toBe("http://localhost:4010");
  });
});
