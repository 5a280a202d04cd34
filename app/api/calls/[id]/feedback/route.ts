import { feedbackSchema } from "@/lib/feedback/input";
import { recordFeedback } from "@/lib/feedback/service";
import { db } from "@/lib/db/client";
import { BodyTooLarge, readBody } from "@/lib/http/body";

export const dynamic = "force-dynamic";

/** An answer and a one-line note: anything bigger is refused before it is read. */
const MAX_BODY_BYTES = 4 * 1024;

/**
 * POST /api/calls/<id>/feedback, JSON { token, answer, note }: the member's
 * "How did it go?" after a call that reached the target, once per call.
 * 201 when stored; 400 { errors: { field } } for bad input; 403 for a token
 * that isn't this call's; 409 when the call didn't connect or was answered for.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(await readBody(request, MAX_BODY_BYTES)));
  } catch (error) {
    if (error instanceof BodyTooLarge) return Response.json({ errors: { form: "This request is too large." } }, { status: 413 });
    return Response.json({ errors: { form: "Send the answer as JSON." } }, { status: 400 });
  }
  const parsed = feedbackSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? "form"), issue.message]));
    return Response.json({ errors }, { status: 400 });
  }
  const result = await recordFeedback(db(), id, parsed.data);
  if (!result.ok) return Response.json({ errors: { form: result.error } }, { status: result.status });
  return Response.json({ ok: true }, { status: 201, headers: { "Cache-Control": "no-store" } });
}
