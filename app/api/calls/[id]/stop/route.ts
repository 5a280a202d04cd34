import { loadCallFacts, UUID } from "@/lib/calltool/calls";
import { memberProgress } from "@/lib/calltool/progress";
import { stopRecalls } from "@/lib/calltool/recall";
import { isFormPost, statusPageFor } from "@/lib/calltool/status-page";
import { db } from "@/lib/db/client";
import { BodyTooLarge, readBody } from "@/lib/http/body";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/**
 * "Stop calling me": the member's page asks that no recall be placed. The
 * call id is random and only the member's page has it, as for the status.
 * JSON answers the call's progress; a form goes back to the status page.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) return Response.json({ error: "No such call" }, { status: 404 });
  let returnTo: string | null = null;
  try {
    const body = new TextDecoder().decode(await readBody(request, 2048));
    if (isFormPost(request)) returnTo = new URLSearchParams(body).get("return_to");
  } catch (error) {
    if (error instanceof BodyTooLarge) return Response.json({ error: "Too large" }, { status: 413 });
    throw error;
  }
  try {
    await stopRecalls(db(), id);
    const found = await loadCallFacts(db(), id);
    if (!found) return Response.json({ error: "No such call" }, { status: 404 });
    if (returnTo !== null) return new Response(null, { status: 303, headers: { Location: statusPageFor(id, returnTo) } });
    return Response.json(memberProgress(found.call, found.facts), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    log.error({ err: error, callId: id }, "could not stop a call's recalls");
    return Response.json({ error: "Try again in a moment" }, { status: 503, headers: { "Retry-After": "2" } });
  }
}
