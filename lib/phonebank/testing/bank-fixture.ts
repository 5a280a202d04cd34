import { eq } from "drizzle-orm";
import * as callStatusEvent from "@/app/twilio-webhook/call-status-event/route";
import * as consume from "@/app/twilio-webhook/consume/route";
import * as enqueue from "@/app/twilio-webhook/enqueue/route";
import * as stopConsuming from "@/app/twilio-webhook/stop-consuming/route";
import { setDatabaseForTests } from "../../db/client";
import { addPhoneNumber } from "../../phone-numbers/service";
import { connectNumber } from "../../phone-numbers/routing";
import { STARTER_NUMBER } from "../../telephony/simulator/account";
import { placeInboundCall } from "../../telephony/simulator/inbound";
import { phoneBehaviorSchema, setBehavior } from "../../telephony/simulator/phone";
import { startSimulatorFixture, type SimulatorFixture } from "../../telephony/testing/simulator-fixture";
import { createUser } from "../../users/service";
import { importLeads } from "../leads";
import { leadCalls, leads, phoneBanks, sessions } from "../schema";
import { createPhoneBank } from "../service";
import { joinAndPrepare } from "../volunteer";

export const CALLER_ID = "+15005550006";
/** The simulated account's starter number, connected to the phone bank below as a campaigner would. */
export const INBOUND = STARTER_NUMBER.phoneNumber;

const ROUTES = { consume, enqueue, "call-status-event": callStatusEvent, "stop-consuming": stopConsuming } as const;

/**
 * The simulator with the phone bank's Twilio routes mounted, on a test
 * database holding a phone bank (calling hours all day) with the given leads
 * and two volunteers. Leads are dialled exactly as the app does.
 */
export async function startBankFixture(leadRows: string[], options: { speed?: number; beforeTelephony?: (fixture: SimulatorFixture) => Promise<void> } = {}) {
  const fixture: SimulatorFixture = await startSimulatorFixture(options.speed ?? 40);
  // Before anything reads the telephony configuration: a test may point the REST client elsewhere.
  await options.beforeTelephony?.(fixture);
  setDatabaseForTests(fixture.database);
  fixture.patterns.push([
    /^\/twilio-webhook\/([a-z-]+)$/,
    async (request, match) => {
      const route = ROUTES[match[1] as keyof typeof ROUTES];
      return route ? route.POST(request) : new Response("not found", { status: 404 });
    },
  ]);
  const db = fixture.database.db;
  const campaigner = await createUser(db, { email: "cam@example.org", password: "correct horse battery", role: "campaigner" });
  const volunteers = [
    await createUser(db, { email: "val@example.org", password: "correct horse battery", role: "volunteer" }),
    await createUser(db, { email: "vic@example.org", password: "correct horse battery", role: "volunteer" }),
  ];
  await addPhoneNumber(db, { number: CALLER_ID, label: "" });
  await addPhoneNumber(db, { number: INBOUND, label: "" });
  await connectNumber(INBOUND, "phone-bank");
  const bank = await createPhoneBank(db, "Bees", campaigner.id);
  await db.update(phoneBanks).set({ inboundNumber: INBOUND, callerId: CALLER_ID, callingStart: 0, callingEnd: 24 * 60 }).where(eq(phoneBanks.id, bank.id));
  const imported = await importLeads(db, bank.id, ["name,phone,ward", ...leadRows].join("\n"));
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));

  const script = (number: string, behavior: Record<string, unknown>) => setBehavior(fixture.sim, number, phoneBehaviorSchema.parse(behavior));
  return {
    fixture,
    db,
    bank,
    volunteers,
    script,
    join: (volunteer = 0) => joinAndPrepare(db, bank.id, volunteers[volunteer]!.id),
    /** The volunteer's phone dials the phone bank's number and types each of `codes` when asked. */
    async dialIn(phone: string, codes: string[], behavior: Record<string, unknown> = {}) {
      await script(phone, { digits: codes.map((keys) => ({ after: 1, digits: keys, onPrompt: true })), ...behavior });
      const placed = await placeInboundCall(fixture.sim, { from: phone, to: INBOUND });
      if (!placed.ok) throw new Error(placed.error);
      return placed.call;
    },
    /** A volunteer joined and on the line, dialling in from `phone` unless they already are. */
    async connected(volunteer: number, phone: string) {
      const session = await joinAndPrepare(db, bank.id, volunteers[volunteer]!.id);
      if (session.status !== "connected") await this.dialIn(phone, [session.accessCode]);
      await this.until("the volunteer's line", async () => (await this.session(session.id)).status === "connected");
      return this.session(session.id);
    },
    session: async (id: string) => (await db.select().from(sessions).where(eq(sessions.id, id)))[0]!,
    lead: async (phone: string) => (await db.select().from(leads).where(eq(leads.phone, phone)))[0]!,
    leadCall: async (id: string) => (await db.select().from(leadCalls).where(eq(leadCalls.id, id)))[0]!,
    async until<T>(what: string, check: () => Promise<T | false | null | undefined>, seconds = 20): Promise<T> {
      const deadline = Date.now() + seconds * 1000;
      for (;;) {
        const value = await check();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await fixture.close();
    },
  };
}
