"use server";
import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { FormError } from "@/lib/errors";
import { callNextLead, type NextLead } from "@/lib/phonebank/dialer";
import { sessions } from "@/lib/phonebank/schema";
import { setAutoConnect } from "@/lib/phonebank/sessions";
import { consoleView } from "@/lib/phonebank/views";
import { endSession, hangUpOnLead, joinAndPrepare, recordDisposition } from "@/lib/phonebank/volunteer";

const everyone = ROLES;

/** The signed-in volunteer's own live session, or a clear refusal. */
async function ownSession(sessionId: string, volunteerId: string) {
  const [session] = await db()
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.volunteerId, volunteerId), isNull(sessions.endedAt)));
  if (!session) throw new FormError("This session has ended. Reload the page to join again.");
  return session;
}

const answer = async (sessionId: string, next: NextLead | null) => ({
  ...(next && !next.ok ? { formError: next.message } : {}),
  data: await consoleView(db(), sessionId),
});

export const joinAction = authorizedAction({ roles: everyone, schema: z.object({ phoneBankId: z.uuid() }) }, async ({ phoneBankId }, { user }) => {
  await joinAndPrepare(db(), phoneBankId, user.id);
  revalidatePath(`/phone-bank/${phoneBankId}`);
});

export const callNextAction = authorizedAction({ roles: everyone, schema: z.object({ sessionId: z.uuid() }) }, async ({ sessionId }, { user }) => {
  await ownSession(sessionId, user.id);
  return answer(sessionId, await callNextLead(db(), sessionId));
});

export const dispositionAction = authorizedAction(
  {
    roles: everyone,
    schema: z.object({
      sessionId: z.uuid(),
      leadCallId: z.uuid(),
      disposition: z.string({ error: "Choose an outcome" }).min(1, "Choose an outcome").max(60),
      notes: z.string().max(2_000, "Notes are at most 2,000 characters").default(""),
    }),
  },
  async (input, { user }) => {
    const next = await recordDisposition(db(), { ...input, volunteerId: user.id });
    return { message: "Outcome saved.", ...(await answer(input.sessionId, next)) };
  },
);

export const autoConnectAction = authorizedAction(
  { roles: everyone, schema: z.object({ sessionId: z.uuid(), autoConnect: z.literal("on").optional() }) },
  async ({ sessionId, autoConnect }, { user }) => {
    await setAutoConnect(db(), sessionId, user.id, autoConnect === "on");
    return answer(sessionId, null);
  },
);

export const leaveAction = authorizedAction({ roles: everyone, schema: z.object({ sessionId: z.uuid(), phoneBankId: z.uuid() }) }, async ({ sessionId, phoneBankId }, { user }) => {
  await endSession(db(), sessionId, user.id);
  revalidatePath(`/phone-bank/${phoneBankId}`);
});

export const hangUpAction = authorizedAction({ roles: everyone, schema: z.object({ sessionId: z.uuid() }) }, async ({ sessionId }, { user }) => {
  await hangUpOnLead(db(), sessionId, user.id);
  return { message: "Hanging up…" };
});
