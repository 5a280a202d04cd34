import { createTestDatabase, type TestDatabase } from "../../db/testing";
import type { Simulator } from "../simulator/context";
import { seedAccount } from "../simulator/account";
import { handleRest } from "../simulator/rest";
import { getCall, isTerminal } from "../simulator/store";
import { simCallLog, type SimCall } from "../simulator/schema";
import { eq, asc } from "drizzle-orm";
import { startHttpServer, type Handler } from "./http-server";

import { TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, applyTestTelephonyEnv } from "./env";

export { TEST_ACCOUNT_SID, TEST_AUTH_TOKEN };

export type SimulatorFixture = {
  sim: Simulator;
  database: TestDatabase;
  /** The origin of the test server; also PUBLIC_URL for the app code under test. */
  url: string;
  /** Routes the app would serve, by path (e.g. "/t/start"). */
  routes: Map<string, Handler>;
  /** Routes with parameters: the first pattern that matches the path serves it. */
  patterns: [RegExp, (request: Request, match: RegExpMatchArray) => Promise<Response>][];
  waitForEnd(sid: string, seconds?: number): Promise<SimCall>;
  callLog(sid: string): Promise<{ kind: string; message: string; detail: Record<string, unknown> | null }[]>;
  close(): Promise<void>;
};

/**
 * A simulator on a fresh database behind a real HTTP server, with the app's
 * configuration (PUBLIC_URL, credentials, TWILIO_API_BASE_URL) pointed at it,
 * so the telephony seam, the webhook wrapper and the simulator meet exactly
 * as in the running app. Call it before anything reads the configuration.
 */
export async function startSimulatorFixture(speed = 40, options: Partial<Pick<Simulator, "cps" | "disorder" | "seed">> = {}): Promise<SimulatorFixture> {
  const database = await createTestDatabase();
  const sim: Simulator = {
    db: database.db,
    accountSid: TEST_ACCOUNT_SID,
    authToken: TEST_AUTH_TOKEN,
    speed,
    // Tests not about pacing place calls as fast as they like; the pacing test sets cps itself.
    cps: 1000,
    // CI runs the call-flow suites a second time with SIMULATOR_DISORDER=on and a fixed SIMULATOR_SEED.
    disorder: process.env.SIMULATOR_DISORDER === "on",
    seed: process.env.SIMULATOR_SEED || "patchthrough-tests",
    appUrl: "",
    ...options,
  };
  const routes = new Map<string, Handler>();
  const patterns: SimulatorFixture["patterns"] = [];
  const server = await startHttpServer(async (request) => {
    const path = new URL(request.url).pathname;
    if (path.startsWith("/dev/twilio/")) return handleRest(sim, request, path.slice("/dev/twilio".length));
    const route = routes.get(path);
    if (route) return route(request);
    for (const [pattern, serve] of patterns) {
      const match = path.match(pattern);
      if (match) return serve(request, match);
    }
    return new Response("not found", { status: 404 });
  });
  applyTestTelephonyEnv(server.url, speed);
  sim.appUrl = server.url;
  await seedAccount(sim);
  const callLog = (sid: string) =>
    database.db
      .select({ kind: simCallLog.kind, message: simCallLog.message, detail: simCallLog.detail })
      .from(simCallLog)
      .where(eq(simCallLog.callSid, sid))
      .orderBy(asc(simCallLog.id));
  return {
    sim,
    database,
    callLog,
    url: server.url,
    routes,
    patterns,
    async waitForEnd(sid, seconds = 30) {
      const deadline = Date.now() + seconds * 1000;
      for (;;) {
        const call = await getCall(sim, sid);
        const log = await callLog(sid);
        if (call && isTerminal(call.status) && log.some((entry) => entry.message.startsWith("Call ended"))) return call;
        if (Date.now() > deadline) throw new Error(`call ${sid} still ${call?.status} after ${seconds}s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      await server.close();
      // Give detached call runners a moment to notice, then drop the database under them.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await database.dispose();
    },
  };
}
