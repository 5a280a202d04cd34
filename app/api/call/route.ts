import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { placeMemberCall } from "@/lib/calltool/place-call";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";

export const dynamic = "force-dynamic";

const input = z.object({
  target_id: z.string({ error: "Choose who to call" }).trim().min(1, "Choose who to call").max(64),
  member_phone_number: z.string({ error: "Enter your phone number" }).trim().min(1, "Enter your phone number").max(40, "That is too long for a phone number"),
  member_country: z.string().trim().regex(/^[A-Z]{2}$/).optional().or(z.literal("").transform(() => undefined)),
});

/**
 * POST /api/call with target_id and member_phone_number, as JSON or a form.
 * JSON callers get 201 { call_id, status_url } or an error status with
 * { errors: { field: message } }. A plain form post (no JavaScript) is sent
 * on to the page's call status page, or back to the form with the error.
 */
export async function POST(request: Request) {
  const isForm = !(request.headers.get("content-type") ?? "").includes("application/json");
  const raw = isForm ? Object.fromEntries(await request.formData().catch(() => new FormData())) : await request.json().catch(() => null);
  const parsed = input.safeParse(raw ?? {});
  const back = isForm && typeof raw?.return_to === "string" && /^\/p\/[a-z0-9-]+$/.test(raw.return_to) ? raw.return_to : null;

  const answer = (status: number, errors: Record<string, string>, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) => {
    if (back) {
      const [field, message] = Object.entries(errors)[0]!;
      const url = new URL(back, request.url);
      url.searchParams.set("error", message);
      url.searchParams.set("field", field);
      if (typeof raw?.member_phone_number === "string") url.searchParams.set("phone", raw.member_phone_number.slice(0, 40));
      if (typeof raw?.target_id === "string") url.searchParams.set("target", raw.target_id.slice(0, 64));
      return new Response(null, { status: 303, headers: { Location: `${url.pathname}${url.search}#call-form` } });
    }
    return Response.json({ errors, ...extra }, { status, headers });
  };

  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return answer(422, errors);
  }
  const result = await placeMemberCall(db(), {
    targetId: parsed.data.target_id,
    memberPhone: parsed.data.member_phone_number,
    memberCountry: parsed.data.member_country,
    ip: clientIp(request.headers, getEnv().TRUSTED_PROXIES),
    canSeeDrafts: async () => {
      const user = await currentUser();
      return !!user && (STAFF_ROLES as readonly string[]).includes(user.role);
    },
  });
  if (!result.ok) {
    const headers: Record<string, string> = result.retryAfter ? { "Retry-After": String(result.retryAfter) } : {};
    return answer(result.status, { [result.field ?? "form"]: result.error }, headers, { message: result.error, ...(result.callId ? { call_id: result.callId } : {}) });
  }
  if (back) return new Response(null, { status: 303, headers: { Location: `/p/${result.pageSlug}/calls/${result.callId}` } });
  return Response.json({ call_id: result.callId, status_url: result.statusUrl }, { status: 201 });
}
