import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { signError } from "@/lib/calltool/form-echo";
import { LANGUAGES } from "@/lib/calltool/languages";
import { memberStrings } from "@/lib/calltool/member-strings";
import { placeMemberCall, type PlaceCallResult } from "@/lib/calltool/place-call";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { BodyTooLarge, readBody } from "@/lib/http/body";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** A call request is a few short fields: anything bigger is refused before it is read. */
const MAX_BODY_BYTES = 16 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Where a form posted without JavaScript came from, and goes back to: a member page, or an embedded call tool. */
const RETURN_TO = /^\/p\/[a-z0-9-]{1,80}$|^\/embed\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

function inputSchema(language: string) {
  const strings = memberStrings(language);
  return z.object({
    target_id: z.string({ error: strings.noTargetChosen }).trim().regex(UUID, strings.noTargetChosen),
    member_phone_number: z
      .string({ error: strings.enterNumber })
      .trim()
      .min(1, strings.enterNumber)
      .max(40, strings.enterNumber)
      .refine((value) => !value.includes("\0"), strings.enterNumber),
    member_country: optional(z.string().trim().regex(/^[A-Z]{2}$/)),
    idempotency_key: optional(z.string().trim().regex(UUID)),
  });
}

async function readInput(request: Request): Promise<Record<string, unknown> | null> {
  const body = new TextDecoder().decode(await readBody(request, MAX_BODY_BYTES));
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      const parsed: unknown = JSON.parse(body);
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  const fields: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) fields[key] ??= value;
  return fields;
}

/**
 * POST /api/call with target_id and member_phone_number (and an
 * idempotency_key from the browser), as JSON or a form, at most 16 kB.
 * JSON callers get 201 { call_id, status_url } for a new call, 200 with the
 * same for the call already live for that number and page, or an error
 * status with { errors: { field: message } }. A plain form post (no
 * JavaScript) is sent on to the call's status page, or back to the form with
 * the error; from /embed/<id> both stay inside the frame.
 */
export async function POST(request: Request) {
  const isForm = !(request.headers.get("content-type") ?? "").includes("application/json");
  let raw: Record<string, unknown> | null;
  try {
    raw = await readInput(request);
  } catch (error) {
    if (error instanceof BodyTooLarge) return Response.json({ errors: { form: "This request is too large." } }, { status: 413 });
    throw error;
  }
  const field = (name: string) => (typeof raw?.[name] === "string" ? (raw[name] as string) : undefined);
  const language = (LANGUAGES as readonly string[]).includes(field("language") ?? "") ? field("language")! : "en";
  const strings = memberStrings(language);
  const back = isForm && RETURN_TO.test(field("return_to") ?? "") ? field("return_to")! : null;

  const answer = (status: number, errors: Record<string, string>, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) => {
    if (back) {
      const [name, message] = Object.entries(errors)[0]!;
      const url = new URL(back, "http://local");
      url.searchParams.set("error", message);
      url.searchParams.set("sig", signError(message));
      url.searchParams.set("field", name);
      if (field("member_phone_number")) url.searchParams.set("phone", field("member_phone_number")!.replaceAll("\0", "").slice(0, 40));
      if (UUID.test(field("target_id") ?? "")) url.searchParams.set("target", field("target_id")!);
      // A postcode page shows the form only for a postcode: it comes back with the one the member entered.
      if (/^[\p{L}\p{N} -]{1,20}$/u.test(field("postcode") ?? "")) url.searchParams.set("postcode", field("postcode")!);
      return new Response(null, { status: 303, headers: { Location: `${url.pathname}${url.search}#call-form` } });
    }
    return Response.json({ errors, ...extra }, { status, headers });
  };

  if (!raw) return answer(400, { form: strings.ourFault });
  const parsed = inputSchema(language).safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return answer(422, errors);
  }
  let result: PlaceCallResult;
  try {
    result = await placeMemberCall(db(), {
      targetId: parsed.data.target_id,
      memberPhone: parsed.data.member_phone_number,
      memberCountry: parsed.data.member_country,
      idempotencyKey: parsed.data.idempotency_key,
      language,
      ip: clientIp(request.headers, getEnv().TRUSTED_PROXIES),
      canSeeDrafts: async () => {
        const user = await currentUser();
        return !!user && (STAFF_ROLES as readonly string[]).includes(user.role);
      },
    });
  } catch (error) {
    // Logged through the masking logger: no phone number reaches the log, even inside a database error.
    log.error({ err: error }, "could not place a member's call");
    return answer(503, { form: strings.ourFault }, { "Retry-After": "60" });
  }
  if (!result.ok) {
    const headers: Record<string, string> = result.retryAfter ? { "Retry-After": String(result.retryAfter) } : {};
    return answer(result.status, { [result.field ?? "form"]: result.error }, headers, { message: result.error, ...(result.callId ? { call_id: result.callId } : {}) });
  }
  if (back) {
    const status = back.startsWith("/embed/") ? `/embed/${result.pluginId}/calls/${result.callId}` : `/p/${result.pageSlug}/calls/${result.callId}`;
    return new Response(null, { status: 303, headers: { Location: status } });
  }
  return Response.json({ call_id: result.callId, status_url: result.statusUrl }, { status: result.status });
}
