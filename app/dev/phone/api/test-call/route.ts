import { z } from "zod";
import { appSimulator } from "@/lib/telephony/simulator";
import { TelephonyError } from "@/lib/telephony/errors";
import { placeTestCall } from "@/lib/telephony/test-call";
import { fieldErrorsOf } from "@/lib/zod/errors";
import { refuseUnlessStaff } from "../staff-only";

export const dynamic = "force-dynamic";

const e164 = z.string().trim().regex(/^\+[1-9]\d{6,14}$/, "Enter a number in international form, like +442079460555");
const body = z.object({ to: e164, connect: z.union([e164, z.literal("")]).optional() });

/** Places a test call through the same Twilio seam as every real call. */
export async function POST(request: Request) {
  if (!appSimulator()) return new Response("Not found", { status: 404 });
  const refused = await refuseUnlessStaff();
  if (refused) return refused;
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ errors: fieldErrorsOf(parsed.error) }, { status: 422 });
  try {
    const call = await placeTestCall(parsed.data.to, parsed.data.connect || undefined);
    return Response.json(call, { status: 201 });
  } catch (error) {
    if (error instanceof TelephonyError) return Response.json({ errors: { to: error.reason }, code: error.code }, { status: 422 });
    throw error;
  }
}
