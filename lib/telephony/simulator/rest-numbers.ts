import { param, type TwilioParams } from "../webhook";
import { buyNumber, callerIdBySid, deleteCallerId, listCallerIds, listNumbers, numberBySid, releaseNumber, updateCallerId, updateNumber, type NumberSettings } from "./account";
import { E164 } from "./context";
import { incomingNumberResource, outgoingCallerIdResource, page, twilioError } from "./resources";
import type { RestRequest, Route } from "./rest";
import { isUrl } from "./rest-calls";

const METHODS = ["GET", "POST"];

/** The settings of an IncomingPhoneNumber a form changes, or the Twilio error for the first bad one. */
function numberSettings(form: TwilioParams): NumberSettings | Response {
  const settings: NumberSettings = {};
  for (const [field, key] of [["VoiceUrl", "voiceUrl"], ["VoiceFallbackUrl", "voiceFallbackUrl"], ["StatusCallback", "statusCallback"]] as const) {
    if (form[field] === undefined) continue;
    const value = param(form, field);
    if (value && !isUrl(value)) return twilioError(400, 21502, `${field} is not a valid URL: ${value}`);
    settings[key] = value || null;
  }
  for (const [field, key] of [["VoiceMethod", "voiceMethod"], ["VoiceFallbackMethod", "voiceFallbackMethod"], ["StatusCallbackMethod", "statusCallbackMethod"]] as const) {
    if (form[field] === undefined) continue;
    const value = param(form, field).toUpperCase();
    if (!METHODS.includes(value)) return twilioError(400, 20001, `${field} must be GET or POST`);
    settings[key] = value;
  }
  if (form.FriendlyName !== undefined) {
    const name = param(form, "FriendlyName");
    if (name.length > 64) return twilioError(400, 20001, "FriendlyName must be at most 64 characters");
    settings.friendlyName = name;
  }
  return settings;
}

/** IncomingPhoneNumbers: buy (by PhoneNumber only), list, fetch, configure, release. */
export function numberRoutes(numberSid: string): Route[] {
  return [
    [
      /^\/IncomingPhoneNumbers\.json$/,
      {
        GET: async ({ sim, query, uri }: RestRequest) => {
          const wanted = query.get("PhoneNumber");
          const numbers = (await listNumbers(sim)).filter((number) => !wanted || number.phoneNumber === wanted);
          return Response.json(page("incoming_phone_numbers", numbers.map((number) => incomingNumberResource(sim, number)), uri, 50));
        },
        POST: async ({ sim, form }: RestRequest) => {
          const phoneNumber = param(form, "PhoneNumber");
          if (!phoneNumber) return twilioError(400, 21452, "A PhoneNumber is required (the simulator does not search by AreaCode)");
          if (!E164.test(phoneNumber)) return twilioError(400, 21421, `PhoneNumber is invalid: ${phoneNumber}`);
          const settings = numberSettings(form);
          if (settings instanceof Response) return settings;
          const bought = await buyNumber(sim, phoneNumber, settings);
          if (!bought) return twilioError(400, 21422, `PhoneNumber ${phoneNumber} is not available`);
          return Response.json(incomingNumberResource(sim, bought), { status: 201 });
        },
      },
    ],
    [
      new RegExp(`^/IncomingPhoneNumbers/${numberSid}\\.json$`),
      {
        GET: async ({ sim, ids, notFound }: RestRequest) => {
          const number = await numberBySid(sim, ids[0]!);
          return number ? Response.json(incomingNumberResource(sim, number)) : notFound();
        },
        POST: async ({ sim, ids, form, notFound }: RestRequest) => {
          const settings = numberSettings(form);
          if (settings instanceof Response) return settings;
          const number = Object.keys(settings).length ? await updateNumber(sim, ids[0]!, settings) : await numberBySid(sim, ids[0]!);
          return number ? Response.json(incomingNumberResource(sim, number)) : notFound();
        },
        DELETE: async ({ sim, ids, notFound }: RestRequest) => ((await releaseNumber(sim, ids[0]!)) ? new Response(null, { status: 204 }) : notFound()),
      },
    ],
  ];
}

/** OutgoingCallerIds: list, fetch, rename, delete. Verifying one happens on the virtual phone. */
export function callerIdRoutes(callerIdSid: string): Route[] {
  return [
    [
      /^\/OutgoingCallerIds\.json$/,
      {
        GET: async ({ sim, query, uri }: RestRequest) => {
          const wanted = query.get("PhoneNumber");
          const callerIds = (await listCallerIds(sim)).filter((callerId) => !wanted || callerId.phoneNumber === wanted);
          return Response.json(page("outgoing_caller_ids", callerIds.map((callerId) => outgoingCallerIdResource(sim, callerId)), uri, 50));
        },
      },
    ],
    [
      new RegExp(`^/OutgoingCallerIds/${callerIdSid}\\.json$`),
      {
        GET: async ({ sim, ids, notFound }: RestRequest) => {
          const callerId = await callerIdBySid(sim, ids[0]!);
          return callerId ? Response.json(outgoingCallerIdResource(sim, callerId)) : notFound();
        },
        POST: async ({ sim, ids, form, notFound }: RestRequest) => {
          const name = param(form, "FriendlyName");
          if (name.length > 64) return twilioError(400, 20001, "FriendlyName must be at most 64 characters");
          const callerId = form.FriendlyName !== undefined ? await updateCallerId(sim, ids[0]!, name) : await callerIdBySid(sim, ids[0]!);
          return callerId ? Response.json(outgoingCallerIdResource(sim, callerId)) : notFound();
        },
        DELETE: async ({ sim, ids, notFound }: RestRequest) => ((await deleteCallerId(sim, ids[0]!)) ? new Response(null, { status: 204 }) : notFound()),
      },
    ],
  ];
}
