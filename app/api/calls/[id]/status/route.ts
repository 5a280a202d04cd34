import { loadCallFacts, UUID } from "@/lib/calltool/calls";
import { memberProgress } from "@/lib/calltool/progress";
import { db } from "@/lib/db/client";
import { feedbackToken } from "@/lib/feedback/service";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** The member's live view of their call. The call id is random; the answer holds nothing the member didn't enter. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) return Response.json({ error: "No such call" }, { status: 404 });
  try {
    const found = await loadCallFacts(db(), id);
    if (!found) return Response.json({ error: "No such call" }, { status: 404 });
    const progress = memberProgress(found.call, found.facts);
    // Only a call that reached the target is asked "How did it go?"; the token lets this page, and only it, answer.
    const feedback = progress.done && progress.connected ? { feedbackToken: feedbackToken(id) } : {};
    return Response.json({ ...progress, ...feedback }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    log.error({ err: error, callId: id }, "could not read a call's status");
    return Response.json({ error: "Try again in a moment" }, { status: 503, headers: { "Retry-After": "2" } });
  }
}
