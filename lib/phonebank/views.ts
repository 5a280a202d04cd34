import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema-auth";
import { dispositionCounts, leadCounts, type LeadCounts } from "./leads";
import { leadCalls, leads, phoneBanks, sessions, type Lead, type LeadCall, type PhoneBankSession } from "./schema";
import { isFinalLeadCall, type ConsoleStage, type LeadCallStatus } from "./states";

/** What the volunteer's page shows, read fresh on every change. */
export type ConsoleView = {
  sessionId: string;
  stage: ConsoleStage;
  message: string;
  accessCode: string;
  inboundNumber: string;
  autoConnect: boolean;
  lead: { name: string; phone: string; fields: Record<string, string>; attempt: number } | null;
  leadCallId: string | null;
  /** The lead awaits a disposition from this volunteer. */
  needsDisposition: boolean;
  dispositions: string[];
  leadsDueNow: number;
};

const ENDED_MESSAGES: Partial<Record<LeadCallStatus, (name: string) => string>> = {
  busy: (name) => `${name}'s line was busy. They'll be called again later.`,
  "no-answer": (name) => `${name} didn't answer. They'll be called again later if the policy allows.`,
  failed: (name) => `The call to ${name} failed.`,
  machine: (name) => `${name}'s voicemail answered.`,
  refused: (name) => `${name}'s number can't be called.`,
  rejected: (name) => `${name} answered while you were unavailable; they'll be called again.`,
  dropped: (name) => `${name} hung up before being put through.`,
  abandoned: (name) => `The call to ${name} was stopped; they're back on the list.`,
  lost: (name) => `We lost track of the call to ${name}; they're back on the list.`,
};

/** The stage and sentence for a session and its latest lead call, in order of a call's life. */
export function describeConsole(session: Pick<PhoneBankSession, "status" | "activeLeadCallId">, call: Pick<LeadCall, "id" | "status"> | null, lead: Pick<Lead, "name" | "status"> | null): { stage: ConsoleStage; message: string } {
  if (session.status === "ended") return { stage: "ended", message: "You've left this phone bank." };
  const name = lead?.name ?? "the lead";
  const active = call && session.activeLeadCallId === call.id ? call : null;
  if (active && lead?.status === "answered") return { stage: "wrap-up", message: `Call ended: choose an outcome for ${name}.` };
  if (session.status === "waiting") return { stage: "waiting-for-line", message: "Waiting for your call: dial the number below and enter your code." };
  if (session.status === "disconnected") {
    return { stage: "disconnected", message: "Your phone line was disconnected. Dial in again with the same code to carry on." };
  }
  if (active && !isFinalLeadCall(active.status)) {
    if (active.status === "placing") return { stage: "calling", message: `Calling ${name}…` };
    if (active.status === "connected") return { stage: "connected", message: `Connected to ${name}.` };
    return { stage: "ringing", message: active.status === "answered" ? `${name} answered: putting them through…` : `Ringing ${name}…` };
  }
  const ended = call && isFinalLeadCall(call.status) ? ENDED_MESSAGES[call.status]?.(name) : undefined;
  return { stage: "ready", message: ended ? `${ended} You're connected: ready for the next lead.` : "You're connected: ready." };
}

export async function consoleView(db: Db, sessionId: string): Promise<ConsoleView | null> {
  const [row] = await db
    .select({ session: sessions, bank: phoneBanks })
    .from(sessions)
    .innerJoin(phoneBanks, eq(phoneBanks.id, sessions.phoneBankId))
    .where(eq(sessions.id, sessionId));
  if (!row) return null;
  const { session, bank } = row;
  // The active call, or else the latest, so a missed lead's outcome is still shown.
  const [latest] = await db
    .select({ call: leadCalls, lead: leads })
    .from(leadCalls)
    .innerJoin(leads, eq(leads.id, leadCalls.leadId))
    .where(session.activeLeadCallId ? eq(leadCalls.id, session.activeLeadCallId) : eq(leadCalls.sessionId, session.id))
    .orderBy(desc(leadCalls.createdAt))
    .limit(1);
  const { stage, message } = describeConsole(session, latest?.call ?? null, latest?.lead ?? null);
  const showLead = latest && session.activeLeadCallId === latest.call.id;
  const counts = await leadCounts(db, bank.id);
  return {
    sessionId: session.id,
    stage,
    message,
    accessCode: session.endedAt ? "" : session.accessCode,
    inboundNumber: bank.inboundNumber,
    autoConnect: session.autoConnect,
    lead: showLead ? { name: latest.lead.name, phone: latest.lead.phone, fields: latest.lead.fields, attempt: latest.call.attempt } : null,
    leadCallId: showLead ? latest.call.id : null,
    needsDisposition: stage === "wrap-up",
    dispositions: bank.dispositions,
    leadsDueNow: counts.dueNow,
  };
}

export type Dashboard = {
  volunteers: { sessionId: string; name: string; stage: ConsoleStage; message: string; since: string }[];
  callsInProgress: { id: string; leadName: string; volunteer: string; status: LeadCallStatus; startedAt: string }[];
  leads: LeadCounts;
  dispositions: { disposition: string; count: number }[];
};

/** The campaigner's live view of one phone bank. */
export async function dashboard(db: Db, phoneBankId: string): Promise<Dashboard> {
  const open = await db
    .select({ session: sessions, name: users.name, email: users.email })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.volunteerId))
    .where(and(eq(sessions.phoneBankId, phoneBankId), isNull(sessions.endedAt)))
    .orderBy(sessions.createdAt);
  const activeIds = open.map((row) => row.session.activeLeadCallId).filter((id): id is string => !!id);
  const active = activeIds.length
    ? await db.select({ call: leadCalls, lead: leads }).from(leadCalls).innerJoin(leads, eq(leads.id, leadCalls.leadId)).where(inArray(leadCalls.id, activeIds))
    : [];
  const inFlight = await db
    .select({ call: leadCalls, lead: leads, volunteer: users.name })
    .from(leadCalls)
    .innerJoin(leads, eq(leads.id, leadCalls.leadId))
    .innerJoin(sessions, eq(sessions.id, leadCalls.sessionId))
    .innerJoin(users, eq(users.id, sessions.volunteerId))
    .where(and(eq(leadCalls.phoneBankId, phoneBankId), sql`${leadCalls.status} in ('placing', 'ringing', 'answered', 'connected')`))
    .orderBy(leadCalls.createdAt);
  return {
    volunteers: open.map(({ session, name, email }) => {
      const current = active.find((entry) => entry.call.id === session.activeLeadCallId);
      return { sessionId: session.id, name: name || email, ...describeConsole(session, current?.call ?? null, current?.lead ?? null), since: session.createdAt.toISOString() };
    }),
    callsInProgress: inFlight.map(({ call, lead, volunteer }) => ({ id: call.id, leadName: lead.name, volunteer, status: call.status, startedAt: call.createdAt.toISOString() })),
    leads: await leadCounts(db, phoneBankId),
    dispositions: await dispositionCounts(db, phoneBankId),
  };
}
