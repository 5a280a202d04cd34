import { callWithEvents } from "@/lib/calltool/calls";
import { memberProgress } from "@/lib/calltool/progress";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** The member's live view of their call. The call id is random; the answer holds nothing the member didn't enter. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const found = await callWithEvents(db(), (await params).id);
  if (!found) return Response.json({ error: "No such call" }, { status: 404 });
  return Response.json(memberProgress(found.call, found.events), { headers: { "Cache-Control": "no-store" } });
}
