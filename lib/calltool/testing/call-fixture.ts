import { eq } from "drizzle-orm";
import * as connect from "@/app/twilio/calls/[id]/connect/route";
import * as events from "@/app/twilio/calls/[id]/events/route";
import * as menu from "@/app/twilio/calls/[id]/menu/route";
import * as start from "@/app/twilio/calls/[id]/start/route";
import * as targetAnswered from "@/app/twilio/calls/[id]/target-answered/route";
import * as targetStatus from "@/app/twilio/calls/[id]/target-status/route";
import { setDatabaseForTests } from "../../db/client";
import { addPlugin, createPage, setPageStatus } from "../../pages/service";
import { addPhoneNumber } from "../../phone-numbers/service";
import { phoneBehaviorSchema, setBehavior } from "../../telephony/simulator/phone";
import { startSimulatorFixture, type SimulatorFixture } from "../../telephony/testing/simulator-fixture";
import { createUser } from "../../users/service";
import { calls } from "../call-schema";
import type { CallToolConfig } from "../config";
import { placeMemberCall } from "../place-call";
import { loadCallTool, saveCallToolSettings, saveTargets } from "../service";

const ROUTES = { start, menu, connect, "target-answered": targetAnswered, "target-status": targetStatus, events } as const;

export const CALLER_ID = "+15005550006";
export const TARGET_PHONE = "+442079460018";

/**
 * The simulator with the app's own Twilio routes mounted, on a test database
 * that also holds a published page with a call tool and one target. Calls are
 * placed through placeMemberCall, exactly as POST /api/call does.
 */
export async function startCallFixture(settings: Partial<CallToolConfig> = {}) {
  const fixture: SimulatorFixture = await startSimulatorFixture(40);
  setDatabaseForTests(fixture.database);
  fixture.patterns.push([
    /^\/twilio\/calls\/([^/]+)\/([a-z-]+)$/,
    async (request, match) => {
      const route = ROUTES[match[2] as keyof typeof ROUTES];
      return route ? route.POST(request, { params: Promise.resolve({ id: match[1]! }) }) : new Response("not found", { status: 404 });
    },
  ]);
  const db = fixture.database.db;
  const user = await createUser(db, { email: "cam@example.org", password: "correct horse battery", role: "campaigner" });
  const page = await createPage(db, { title: "Bees", slug: "bees", language: "en" }, user.id);
  const plugin = await addPlugin(db, page.id, "call_tool");
  await addPhoneNumber(db, { number: CALLER_ID, label: "" });
  await saveTargets(db, plugin.id, plugin.version, [{ name: "Ada Lovelace", title: "MP", phone: TARGET_PHONE, country: "GB", extension: "12" }]);
  const tool = (await loadCallTool(db, plugin.id))!;
  await saveCallToolSettings(db, plugin.id, tool.plugin.version, { ...tool.config, callerId: CALLER_ID, callsPerNumberPerDay: 50, ...settings });
  await setPageStatus(db, page.id, "published");
  const targetId = (await loadCallTool(db, plugin.id))!.targets[0]!.id;

  return {
    fixture,
    db,
    pluginId: plugin.id,
    pageId: page.id,
    targetId,
    script: (number: string, behavior: Record<string, unknown>) => setBehavior(fixture.sim, number, phoneBehaviorSchema.parse(behavior)),
    place: (memberPhone: string, ip = "203.0.113.9") => placeMemberCall(db, { targetId, memberPhone, ip, canSeeDrafts: async () => false }),
    /** Waits for the member's call to end and every callback to be stored; answers the call's row. */
    async finish(callId: string) {
      const [row] = await db.select().from(calls).where(eq(calls.id, callId));
      await fixture.waitForEnd(row!.twilioCallSid!);
      // The completed callback is posted last; give its insert a moment to land.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [done] = await db.select().from(calls).where(eq(calls.id, callId));
      return done!;
    },
    async close() {
      // Let calls still ringing (at most a ring timeout of 30 simulated seconds) end before the database goes.
      await new Promise((resolve) => setTimeout(resolve, (30 / 40) * 1000 + 300));
      await fixture.close();
    },
  };
}
