import { asc, eq } from "drizzle-orm";
import * as dialInChoose from "@/app/twilio/dial-in/choose/route";
import * as dialInPostcode from "@/app/twilio/dial-in/postcode/route";
import * as dialIn from "@/app/twilio/dial-in/route";
import * as dialInStatus from "@/app/twilio/dial-in/status/route";
import { addPhoneNumber } from "../../phone-numbers/service";
import { connectNumber } from "../../phone-numbers/routing";
import { STARTER_NUMBER } from "../../telephony/simulator/account";
import { placeInboundCall } from "../../telephony/simulator/inbound";
import { simCalls } from "../../telephony/simulator/schema";
import { pressDigits } from "../../telephony/simulator/store";
import { calls } from "../call-schema";
import type { CallToolConfig } from "../config";
import { loadCallTool, saveCallToolSettings, saveTargets } from "../service";
import { startCallFixture } from "./call-fixture";

export const DIAL_IN = STARTER_NUMBER.phoneNumber;
export const TARGETS = [
  { name: "Ada Lovelace", title: "MP", phone: "+442079460018", country: "GB", extension: "12", attributes: { constituency: "Cities of London and Westminster" } },
  { name: "Grace Hopper", title: "MP", phone: "+442079460019", country: "GB", extension: "", attributes: { constituency: "Poplar and Limehouse" } },
];

const DIAL_IN_ROUTES = { "": dialIn, "/choose": dialInChoose, "/postcode": dialInPostcode, "/status": dialInStatus } as const;

/**
 * The call fixture with two targets and the simulator's starter number as the
 * call tool's dial-in number, connected as a campaigner connects it. Every
 * TwiML document the app answers is kept, for the schema check.
 */
export async function startDialInFixture(options: { speed?: number } = {}) {
  const f = await startCallFixture({}, options);
  const documents: { path: string; xml: string }[] = [];
  f.fixture.patterns.push([
    /^\/twilio\/dial-in(\/[a-z]+)?$/,
    (request, match) => {
      const route = DIAL_IN_ROUTES[(match[1] ?? "") as keyof typeof DIAL_IN_ROUTES];
      return route ? route.POST(request) : Promise.resolve(new Response("not found", { status: 404 }));
    },
  ]);
  // Every route the fixture serves (replaced in place: the server reads this very array): keep what it answers.
  const patterns = f.fixture.patterns;
  patterns.splice(0, patterns.length, ...patterns.map(([pattern, serve]): (typeof patterns)[number] => [
    pattern,
    async (request, match) => {
      const response = await serve(request, match);
      if ((response.headers.get("content-type") ?? "").includes("xml")) documents.push({ path: new URL(request.url).pathname, xml: await response.clone().text() });
      return response;
    },
  ]));
  await addPhoneNumber(f.db, { number: DIAL_IN, label: "Dial-in" });
  await connectNumber(DIAL_IN, "call-tool");
  const tool = (await loadCallTool(f.db, f.pluginId))!;
  const saved = await saveTargets(f.db, f.pluginId, tool.plugin.version, TARGETS);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));

  const self = {
    ...f,
    documents,
    async settings(settings: Partial<CallToolConfig>) {
      const current = (await loadCallTool(f.db, f.pluginId))!;
      await saveCallToolSettings(f.db, f.pluginId, current.plugin.version, { ...current.config, dialInNumber: DIAL_IN, ...settings });
    },
    /** A member's phone dials the call tool's number. */
    async dialIn(from: string) {
      const placed = await placeInboundCall(f.fixture.sim, { from, to: DIAL_IN });
      if (!placed.ok) throw new Error(placed.error);
      return placed.call.sid;
    },
    /** Everything said on a line. */
    saidOn: async (sid: string) => (await f.fixture.callLog(sid)).filter((entry) => entry.kind === "say").map((entry) => entry.message),
    /** Presses keys as a person does: once the line has heard a prompt containing `prompt`. */
    async pressOnHearing(sid: string, prompt: string, digits: string, nth = 1) {
      await f.until(() => self.saidOn(sid), (spoken) => spoken.filter((text) => text.includes(prompt)).length >= nth);
      await pressDigits(f.fixture.sim, sid, digits);
    },
    /** The caller hangs up. */
    async hangUpLine(sid: string) {
      await f.fixture.sim.db.update(simCalls).set({ hangupRequested: true }).where(eq(simCalls.sid, sid));
    },
    /** The calls made from a member's number, oldest first. */
    callsFrom: (phone: string) => f.db.select().from(calls).where(eq(calls.memberPhone, phone)).orderBy(asc(calls.createdAt)),
  };
  return self;
}
