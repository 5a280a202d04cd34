import { isFormPost, statusPageFor } from "@/lib/calltool/status-page";
import { feedbackSchema } from "@/lib/feedback/input";
import { recordFeedback } from "@/lib/feedback/service";
import type { FeedbackPageState } from "@/lib/feedback/answers";
import { db } from "@/lib/db/client";
import { BodyTooLarge, readBody } from "@/lib/http/body";

export const dynamic = "force-dynamic";

/** An answer and a one-line note: anything bigger is refused before it is read. */
const MAX_BODY_BYTES = 4 * 1024;

/**
 * POST /api/calls/<id>/feedback: the member's "How did it go?" after a call
 * that reached the target, once per call.
 *
 * JSON { token, answer, note } (the page's script): 201 when stored;
 * 400 { errors: { field } } for bad input; 403 for a token that isn't this
 * call's; 409 when the call didn't connect or was answered for.
 *
 * A form (the status page without JavaScript) with return_to: 303 back to
 * that status page, saying how it went (`?feedback=thanks`, `already`,
 * `answer` or `note` for the field at fault, `failed`).
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const form = isFormPost(request);
  let raw: unknown;
  let returnTo: string | null = null;
  try {
    const body = new TextDecoder().decode(await readBody(request, MAX_BODY_BYTES));
    if (form) {
      const fields = new URLSearchParams(body);
      returnTo = fields.get("return_to");
      raw = { token: fields.get("token") ?? "", answer: fields.get("answer") ?? undefined, note: fields.get("note") ?? "" };
    } else raw = JSON.parse(body);
  } catch (error) {
    if (error instanceof BodyTooLarge) return Response.json({ errors: { form: "This request is too large." } }, { status: 413 });
    return Response.json({ errors: { form: "Send the answer as JSON." } }, { status: 400 });
  }
  const back = (state: FeedbackPageState) => new Response(null, { status: 303, headers: { Location: `${statusPageFor(id, returnTo)}?feedback=${state}#feedback` } });

  const parsed = feedbackSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? "form"), issue.message]));
    if (form) return back(errors.answer ? "answer" : errors.note ? "note" : "failed");
    return Response.json({ errors }, { status: 400 });
  }
  const result = await recordFeedback(db(), id, parsed.data);
  if (form) return back(result.ok ? "thanks" : result.answeredAlready ? "already" : "failed");
  if (!result.ok) return Response.json({ errors: { form: result.error } }, { status: result.status });
  return Response.json({ ok: true }, { status: 201, headers: { "Cache-Control": "no-store" } });
}
