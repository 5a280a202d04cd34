import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./e2e/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

// A fresh embedded database for every run. Workers re-read this file but
// inherit the variable, so they all agree on the folder.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "patchthrough-e2e-"));
// Everything the server prints, for e2e/server-log.teardown.ts to check that no phone number appears unmasked.
process.env.E2E_SERVER_LOG ??= path.join(process.env.E2E_DATA_DIR, "server.log");

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? "list" : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: CHROMIUM_LAUNCH,
  },
  projects: [
    // The demo admin's first sign-in, which must choose a new password: every other test signs in after it.
    { name: "setup", testMatch: /\.setup\.ts$/, teardown: "server log" },
    { name: "chromium", testMatch: /\.spec\.ts$/, dependencies: ["setup"] },
    { name: "server log", testMatch: /\.teardown\.ts$/ },
  ],
  webServer: {
    // `npm start`, with its output kept (and still shown) for the log check.
    command: `node server.mjs -p ${port} 2>&1 | tee "${process.env.E2E_SERVER_LOG}"`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      DATA_DIR: process.env.E2E_DATA_DIR,
      DATABASE_URL: "",
      PUBLIC_URL: baseURL,
      LOG_LEVEL: "warn",
      // Simulated phones run four times faster than life, so ring timeouts don't stall the suite.
      SIMULATOR_SPEED: "4",
      // No test here is about pacing (lib/telephony/simulator/pacing.db.test.ts is): calls go out at once.
      SIMULATOR_CPS: "100",
      // CI runs the @call-flow tests again with SIMULATOR_DISORDER=on and a fixed SIMULATOR_SEED (scripts/test.sh).
      SIMULATOR_DISORDER: process.env.SIMULATOR_DISORDER ?? "off",
      SIMULATOR_SEED: process.env.SIMULATOR_SEED ?? "",
      // Background jobs (deliveries, recalls) are picked up within half a second.
      JOBS_POLL_SECONDS: "0.5",
      TELEPHONY: "simulator",
      TWILIO_ACCOUNT_SID: "",
      TWILIO_AUTH_TOKEN: "",
      TWILIO_API_BASE_URL: "",
    },
  },
});
