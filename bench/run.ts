// npm run bench — how fast the app serves what a call-in day asks of it, side by side with
// the framework's own floor, on a production build. PostgreSQL when DATABASE_URL is set
// (in a scratch database of the bench's own), the embedded PGlite otherwise.
// Prints a table and writes the same figures to bench/results/latest.json. Asserts nothing.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { firstLoadJs, lighthouseMobile } from "./frontend";
import { load, SECONDS, warm, type LoadFigures } from "./load";
import { summariseProfile } from "./profile";
import { seedLoad } from "./load-seed";
import { scaleBench } from "./scale";
import { benchDatabase, checkStoredEvents, existingDatabase, seed } from "./seed";
import { build, FLOOR, freshDir, ROOT, startServer, type Server } from "./servers";
import { startTwilioStub } from "./twilio-stub";
import { webhookMix, type MixTally } from "./webhook-mix";

const ACCOUNT_SID = `AC${"be".repeat(16)}`;
const AUTH_TOKEN = "bench-auth-token-0123456789abcdef";
const AUTH_SECRET = "bench-auth-secret-0123456789abcdef0123456789";
const only = process.env.BENCH_ONLY?.split(",");
const wants = (scenario: string) => !only || only.includes(scenario);
// The floor app is what the load scenarios compare against; the scale bench times one campaigner's pages and needs none.
const needsFloor = ["page", "call", "mix", "frontend"].some(wants);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const NO_FIGURES: LoadFigures = { path: "", requests: 0, rps: 0, p50_ms: 0, p99_ms: 0, max_ms: 0, errors: 0, non2xx: 0 };

const memberNumber = (n: number) => `+447400${String(100000 + (n % 900000))}`;

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    build(".", "the app");
    if (needsFloor) build(FLOOR, "the floor fixture");
  }
  const runDir = freshDir("run");
  // The scale bench may run on a database seeded beforehand (BENCH_SCALE_DATABASE_URL), kept afterwards.
  const seeded = wants("scale") ? process.env.BENCH_SCALE_DATABASE_URL : undefined;
  const database = seeded ? existingDatabase(seeded, path.join(runDir, "data")) : await benchDatabase(path.join(runDir, "data"));
  if (wants("scale") && !database.label.startsWith("PostgreSQL")) throw new Error("The scale bench runs on PostgreSQL: set DATABASE_URL (or BENCH_SCALE_DATABASE_URL to a database filled by npm run seed:load).");
  const seeding = database.open();
  const { targetId } = await seed(seeding);
  if (wants("scale") && !seeded) {
    const calls = Number(process.env.BENCH_SCALE_CALLS ?? 1_000_000);
    console.log(`Seeding ${calls.toLocaleString("en-GB")} calls (npm run seed:load)…`);
    await seedLoad(seeding, { calls, log: (line) => console.log(`  ${line}`) });
  }
  await seeding.close();

  const stub = await startTwilioStub();
  const profileDir = process.env.BENCH_PROFILE === "1" ? path.join(runDir, "profile") : undefined;
  const appPort = await freePort();
  const app = await startServer({
    dir: ".",
    port: appPort,
    ready: "/api/health",
    profileDir,
    env: {
      ...database.appEnv,
      PUBLIC_URL: `http://127.0.0.1:${appPort}`,
      AUTH_SECRET,
      TELEPHONY: "twilio",
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: stub.url,
      TWILIO_CPS: "100000",
      CALL_LIMIT_PER_IP_PER_HOUR: "10000000",
      CALL_LIMIT_PER_MINUTE: "10000000",
      LOG_LEVEL: "error",
    },
  });
  const floor = needsFloor ? await startServer({ dir: FLOOR, port: await freePort(), ready: "/static", env: {} }) : null;
  const servers: Server[] = floor ? [app, floor] : [app];
  const tally: MixTally = { events2xx: new Set(), flowErrors: 0, callsUsed: 0, poolEmpty: 0 };
  const rows: (LoadFigures & { name: string; floor?: string; ratio?: number })[] = [];
  const result: Record<string, unknown> = { database: database.label, machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`, node: process.version };

  try {
    const floorUrl = floor?.url ?? "";
    const twimlFloor = { url: `${floorUrl}/twiml`, method: "POST" as const, body: "CallSid=CA1&CallStatus=in-progress", headers: { "content-type": "application/x-www-form-urlencoded" } };
    const staticFloor = { url: `${floorUrl}/static` };
    const floorTwiml = { name: "floor: constant TwiML route", ...(floor ? (await warm(twimlFloor), await load("/twiml", twimlFloor)) : NO_FIGURES) };
    const floorStatic = { name: "floor: static page", ...(floor ? (await warm(staticFloor), await load("/static", staticFloor)) : NO_FIGURES) };
    if (floor) rows.push(floorTwiml, floorStatic);

    if (wants("page")) {
      const page = { url: `${app.url}/p/demo` };
      await warm(page);
      const figures = await load("/p/demo", page);
      rows.push({ name: "member page", ...figures, floor: floorStatic.name, ratio: figures.rps / floorStatic.rps });
    }

    let next = 0;
    let firstRefusal = "";
    const placeCall = {
      url: `${app.url}/api/call`,
      method: "POST" as const,
      headers: { "content-type": "application/json" },
      requests: [
        {
          setupRequest: (request: object) => ({ ...request, body: JSON.stringify({ target_id: targetId, member_phone_number: memberNumber(next++) }) }),
          onResponse: (status: number, body: string) => void (status >= 300 && !firstRefusal && (firstRefusal = `${status} ${body}`)),
        },
      ],
    };
    if (wants("call") || wants("mix")) {
      const figures = await load("POST /api/call", placeCall);
      rows.push({ name: "POST /api/call (Twilio answering at once)", ...figures });
      if (figures.non2xx > 0) console.warn(`POST /api/call answered ${JSON.stringify(figures.statuses)}, the first refusal: ${firstRefusal}`);
      // The mix replays calls the app really placed; make sure there are enough for its run.
      // Enough for the floor's pace (an upper bound on the app's) for the whole run, ten requests a call.
      const wanted = Number(process.env.BENCH_CALLS ?? Math.ceil((floorTwiml.rps * SECONDS * 1.2) / 10));
      if (stub.calls.length < wanted) await load("top-up", { ...placeCall, amount: wanted - stub.calls.length, duration: 600 });
    }

    if (wants("mix")) {
      const pool = [...stub.calls];
      const figures = await load("webhook mix", { url: app.url, requests: webhookMix(app.url, AUTH_TOKEN, pool, tally) });
      rows.push({ name: "webhook mix (10 per call, signed)", ...figures, floor: floorTwiml.name, ratio: figures.rps / floorTwiml.rps });
      result.mix = { calls_replayed: tally.callsUsed, events_answered_2xx: tally.events2xx.size, flow_errors: tally.flowErrors, pool_ran_dry: tally.poolEmpty };
    }

    if (wants("scale")) {
      const handle = database.open();
      try {
        result.scale = await scaleBench(app.url, handle, AUTH_SECRET);
      } finally {
        await handle.close();
      }
    }

    if (wants("frontend")) {
      result.first_load_js = await firstLoadJs(app.url, "/p/demo", path.join(ROOT, ".next"));
      result.lighthouse = { member_page: await lighthouseMobile(`${app.url}/p/demo`), floor_static_page: await lighthouseMobile(`${floorUrl}/static`) };
    }
  } finally {
    for (const server of servers) await server.stop();
    await stub.close();
  }

  if (wants("mix")) {
    const check = database.open();
    Object.assign(result.mix as object, await checkStoredEvents(check, tally.events2xx));
    await check.close();
  }
  await database.drop();

  result.load = rows.map((row) => ({ ...row, ratio: row.ratio === undefined ? undefined : Number(row.ratio.toFixed(2)) }));
  if (profileDir && fs.existsSync(profileDir)) {
    const profile = fs.readdirSync(profileDir).find((file) => file.endsWith(".cpuprofile"));
    if (profile) result.profile = summariseProfile(path.join(profileDir, profile));
  }

  console.log(`\nPatchthrough bench on ${result.database}: ${result.machine}, Node ${result.node}\n`);
  console.table(rows.map(({ name, rps, p50_ms, p99_ms, errors, non2xx, ratio, floor: against }) => ({ path: name, "req/s": rps, "p50 ms": p50_ms, "p99 ms": p99_ms, errors, non2xx, "× floor": ratio === undefined ? "" : `${ratio.toFixed(2)} of ${against}` })));
  for (const key of ["mix", "scale", "first_load_js", "lighthouse", "profile"]) if (result[key]) console.log(key, JSON.stringify(result[key], null, 1));
  fs.writeFileSync(path.join(ROOT, "bench/results/latest.json"), `${JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2)}\n`);
  console.log("\nWritten to bench/results/latest.json");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
