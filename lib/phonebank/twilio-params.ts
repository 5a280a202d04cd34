import { z } from "zod";
import { param, type TwilioParams } from "../telephony/webhook";

/**
 * The parameter sets Twilio sends the phone bank's routes, as recorded in the
 * auto-connect notes and Twilio's documentation. Every field we act on is
 * checked; Twilio may add fields (ToCity, CallerZip, ApiVersion…), which are
 * accepted and ignored. A request missing what its kind requires is a 400,
 * never a guess.
 */

const callSid = z.string().regex(/^CA[0-9a-f]{32}$/, "is not a CallSid");
const queueSid = z.string().regex(/^QU[0-9a-f]{32}$/, "is not a QueueSid");
const seconds = z.coerce.number().int().min(0);
const CALL_STATUSES = ["queued", "initiated", "ringing", "in-progress", "completed", "busy", "failed", "no-answer", "canceled"] as const;

const common = {
  CallSid: callSid,
  AccountSid: z.string().regex(/^AC[0-9a-f]{32}$/i),
  From: z.string(),
  To: z.string(),
  CallStatus: z.enum(CALL_STATUSES),
  Direction: z.enum(["inbound", "outbound-api", "outbound-dial"]),
};

/** The volunteer's call (inbound), with Digits once they typed the code. */
export const consumeParams = z.object({
  ...common,
  Digits: z.string().regex(/^[0-9*#]{0,32}$/).optional(),
  FinishedOnKey: z.string().optional(),
});

/** The lead's answered call (outbound-api), with AnsweredBy when detection is on. */
export const enqueueParams = z.object({
  ...common,
  AnsweredBy: z.enum(["human", "machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other", "fax", "unknown"]).optional(),
});

/** A status callback on the lead's leg (CallbackSource=call-progress-events). */
export const statusCallbackParams = z.object({
  ...common,
  CallbackSource: z.literal("call-progress-events"),
  SequenceNumber: seconds,
  Timestamp: z.string(),
  CallDuration: seconds.optional(),
  ErrorCode: z.coerce.number().int().optional(),
  ErrorMessage: z.string().optional(),
});

/** <Queue url>: the lead is being taken off the queue by the volunteer's Dial. */
export const dequeueParams = z.object({ ...common, QueueSid: queueSid, QueueTime: seconds, DequeingCallSid: callSid });

/** <Enqueue action>: the lead left the queue. */
export const queueResultParams = z.object({
  ...common,
  QueueSid: queueSid,
  QueueTime: seconds,
  QueueResult: z.enum(["bridged", "bridging-in-process", "queue-full", "redirected", "redirected-from-bridged", "leave", "hangup", "error", "system-error"]),
});

/** The volunteer's <Dial> ended: they hung up (CallStatus completed), the lead left, or nobody came. */
export const dialResultParams = z.object({
  ...common,
  DialCallStatus: z.enum(["completed", "answered", "busy", "no-answer", "failed", "canceled"]),
  DialCallSid: callSid.optional(),
  DialCallDuration: seconds.optional(),
});

/** The dial-in number's status callback: the volunteer's line ended. */
export const lineStatusParams = z.object({ ...common, CallDuration: seconds.optional() });

/** The first value of each parameter, as zod wants it. */
export function flatten(params: TwilioParams): Record<string, string> {
  return Object.fromEntries(Object.keys(params).map((key) => [key, param(params, key)]));
}

export type CallStatusEvent =
  | { kind: "status"; params: z.infer<typeof statusCallbackParams> }
  | { kind: "dequeue"; params: z.infer<typeof dequeueParams> }
  | { kind: "queue-result"; params: z.infer<typeof queueResultParams> };

/** /call-status-event serves three kinds of request; which one this is follows from its parameters. */
export function readCallStatusEvent(params: TwilioParams): CallStatusEvent | null {
  const flat = flatten(params);
  const attempt = <Kind extends CallStatusEvent["kind"]>(kind: Kind, schema: z.ZodType) => {
    const parsed = schema.safeParse(flat);
    return parsed.success ? ({ kind, params: parsed.data } as CallStatusEvent) : null;
  };
  if (flat.QueueResult !== undefined) return attempt("queue-result", queueResultParams);
  if (flat.DequeingCallSid !== undefined) return attempt("dequeue", dequeueParams);
  if (flat.CallbackSource !== undefined) return attempt("status", statusCallbackParams);
  return null;
}

export function badRequest(what: string): Response {
  return new Response(`Unexpected parameters for ${what}`, { status: 400, headers: { "Content-Type": "text/plain" } });
}
