import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { liveHub } from "@/lib/phonebank/live";
import { currentSession, touchSession } from "@/lib/phonebank/sessions";
import { liveStream } from "@/lib/phonebank/stream";
import { consoleView } from "@/lib/phonebank/views";

export const dynamic = "force-dynamic";

/** The volunteer's own session, live, as Server-Sent Events. Its heartbeat marks the page as still open. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return new Response("Sign in first", { status: 401 });
  const session = await currentSession(db(), (await params).id, user.id);
  if (!session) return new Response("No session", { status: 404 });
  return liveStream({
    hub: liveHub(),
    wants: (event) => event.session === session.id,
    read: async () => consoleView(db(), session.id),
    onHeartbeat: () => touchSession(db(), session.id),
    signal: request.signal,
  });
}
