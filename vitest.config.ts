import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const unitAndDb = ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.tsx"];

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "lib/testing/empty.ts"),
    },
  },
  test: {
    // Database tests run on PGlite always, and again on a real PostgreSQL when
    // TEST_DATABASE_URL is set (CI sets it; see .ci/run).
    projects: [
      { extends: true as const, test: { name: "pglite", include: unitAndDb, env: { TEST_DB: "pglite", LOG_LEVEL: "silent" } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ extends: true as const, test: { name: "postgres", include: ["**/*.db.test.ts"], exclude: ["node_modules/**"], env: { TEST_DB: "postgres", LOG_LEVEL: "silent" } } }]
        : []),
    ],
    // The call-flow tests spend most of their time waiting on simulated calls' real time,
    // not on the CPU: twice as many workers as cores halves the suite's time on 2 cores.
    maxWorkers: Math.max(4, os.availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
