import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { callAttempts, calls, targetDials } from "../calltool/call-schema";
import { pages, plugins } from "../pages/schema";

/** A page with one call tool, written straight to the tables: statistics tests build calls in any state without a phone. */
export async function statsPage(db: Db, slug: string) {
  const [page] = await db.insert(pages).values({ slug, title: slug, status: "published" }).returning();
  const [plugin] = await db.insert(plugins).values({ pageId: page!.id, type: "call_tool", position: 0 }).returning();
  return { pageId: page!.id, pluginId: plugin!.id };
}

export type CallShape = {
  target: { id: string; name: string };
  /** Minutes ago the call was requested. */
  ago?: number;
  member: "no-answer" | "busy" | "answered" | "heard" | "live";
  /** One entry per dial to the target (the member pressed 1). */
  dials?: { status: "completed" | "busy" | "no-answer" | "failed"; seconds?: number; target?: { id: string; name: string } }[];
};

/** One finished call (or a live one) in the shape the webhooks leave it. */
export async function addCall(db: Db, where: { pageId: string; pluginId: string }, shape: CallShape): Promise<string> {
  const id = randomUUID();
  const createdAt = new Date(Date.now() - (shape.ago ?? 60) * 60_000);
  const at = (seconds: number) => new Date(createdAt.getTime() + seconds * 1000);
  const live = shape.member === "live";
  const answered = shape.member === "answered" || shape.member === "heard";
  const dials = shape.dials ?? [];
  await db.insert(calls).values({
    id,
    pageId: where.pageId,
    pluginId: where.pluginId,
    targetId: shape.target.id,
    memberPhone: `+4477009${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`,
    memberCountry: "GB",
    status: dials.length ? "connected" : answered ? "started" : "unstarted",
    script: {
      language: "en",
      message: { url: null, text: "" },
      menu: { url: null, text: "" },
      target: { id: shape.target.id, name: shape.target.name, phone: "+442079460018", extension: "" },
      callerId: "+15005550006",
      followUpUrl: null,
    },
    messageHeardAt: shape.member === "heard" || dials.length ? at(20) : null,
    endedAt: live ? null : at(300),
    createdAt,
  });
  const memberStatus = live ? "ringing" : answered ? "completed" : shape.member;
  await db.insert(callAttempts).values({
    callId: id,
    attempt: 1,
    placement: "placed",
    callSid: `CA${id.replaceAll("-", "")}`,
    scheduledAt: createdAt,
    placedAt: createdAt,
    status: memberStatus,
    lastSequence: 3,
    ringingAt: at(1),
    answeredAt: answered ? at(5) : null,
    endedAt: live ? null : at(300),
  });
  for (const [index, dial] of dials.entries()) {
    await db.insert(targetDials).values({
      callId: id,
      dial: index + 1,
      attempt: 1,
      position: dial.target && dial.target.id !== shape.target.id ? 2 : 1,
      targetId: (dial.target ?? shape.target).id,
      targetName: (dial.target ?? shape.target).name,
      dialCallStatus: dial.status,
      duration: dial.seconds ?? 0,
      answeredAt: dial.status === "completed" ? at(40) : null,
      endedAt: at(200),
      errorCode: dial.status === "failed" ? 13224 : null,
    });
  }
  return id;
}
