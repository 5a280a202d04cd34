import "server-only";
import { count, eq } from "drizzle-orm";
import { loadCallTool, saveCallToolSettings, saveTargets } from "../calltool/service";
import type { Db } from "../db/client";
import { addPhoneNumber } from "../phone-numbers/service";
import { TEST_CALLER_ID } from "../telephony/test-call";
import { pages } from "./schema";
import { addPlugin, createPage, setPageStatus, updatePage } from "./service";

export const DEMO_SLUG = "demo";

const BODY = `Decision-makers count the calls they get. This demo page shows how Patchthrough turns a visit into one.

Enter your number below: with the built-in simulator, your "phone" is the [virtual phone](/dev/phone). Answer it, listen, press 1, and answer again as the person you called.`;

/** A published call tool page at /p/demo, so a new install can place a call within a minute. Only on an empty database. */
export async function ensureDemoPage(db: Db, userId: string): Promise<boolean> {
  const [{ pagesSoFar } = { pagesSoFar: 0 }] = await db.select({ pagesSoFar: count() }).from(pages);
  if (pagesSoFar > 0) return false;
  const page = await createPage(db, { title: "Tell your representative: protect the bees", slug: DEMO_SLUG, language: "en" }, userId);
  await updatePage(db, page.id, page.version, { title: page.title, slug: page.slug, body: BODY, language: "en", followUpUrl: "https://example.org/thank-you" });
  const plugin = await addPlugin(db, page.id, "call_tool");
  await addPhoneNumber(db, { number: TEST_CALLER_ID, label: "Simulator test number" }).catch(() => undefined);
  await saveTargets(db, plugin.id, plugin.version, [
    { name: "Alex Rivera", title: "MP for Northfield", phone: "+44 20 7946 0123", country: "GB", attributes: { party: "Independent" } },
    { name: "Sam Okafor", title: "Senator", phone: "+1 202 555 0143", country: "US", attributes: { party: "Independent" } },
    { name: "María López", title: "Member of the European Parliament", phone: "+34 912 345 678", country: "ES", attributes: { party: "Independent" } },
  ]);
  const tool = (await loadCallTool(db, plugin.id))!;
  await saveCallToolSettings(db, plugin.id, tool.plugin.version, {
    ...tool.config,
    title: "Call your representative",
    description: "- Say who you are and where you live.\n- Ask them to vote **for** the Pollinator Protection Act.\n- Thank them for their time.",
    callerId: TEST_CALLER_ID,
    allowedCountries: ["GB", "US", "ES", "FR", "DE"],
    // The demo is tried at any hour, on the virtual phone: its call backs ignore quiet hours (real call tools keep them by default).
    recall: { ...tool.config.recall, quietHours: false },
  });
  await setPageStatus(db, page.id, "published");
  return true;
}

export async function demoPageExists(db: Db): Promise<boolean> {
  return (await db.select({ id: pages.id }).from(pages).where(eq(pages.slug, DEMO_SLUG))).length > 0;
}
