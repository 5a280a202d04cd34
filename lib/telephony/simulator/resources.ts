import type { Simulator } from "./context";
import { rfc2822 } from "./context";
import type { SimCall, SimCallerId, SimNumber, SimQueue } from "./schema";

/**
 * JSON shapes of the REST resources, as in Twilio's OpenAPI description
 * (api.v2010.account.call, .queue, .queue.member) and its error body.
 */

const base = (sim: Simulator) => `/2010-04-01/Accounts/${sim.accountSid}`;

export function callResource(sim: Simulator, call: SimCall) {
  const uri = `${base(sim)}/Calls/${call.sid}.json`;
  return {
    sid: call.sid,
    date_created: rfc2822(call.createdAt),
    date_updated: rfc2822(call.updatedAt),
    parent_call_sid: call.parentCallSid,
    account_sid: sim.accountSid,
    to: call.to,
    to_formatted: call.to,
    from: call.from,
    from_formatted: call.from,
    phone_number_sid: call.phoneNumberSid,
    status: call.status,
    start_time: rfc2822(call.startTime),
    end_time: rfc2822(call.endTime),
    duration: call.duration === null ? null : String(call.duration),
    price: null,
    price_unit: "USD",
    direction: call.direction,
    answered_by: call.answeredBy,
    api_version: "2010-04-01",
    forwarded_from: null,
    group_sid: null,
    caller_name: null,
    queue_time: String(call.queueTime),
    trunk_sid: null,
    uri,
    subresource_uris: {
      notifications: uri.replace(".json", "/Notifications.json"),
      recordings: uri.replace(".json", "/Recordings.json"),
      events: uri.replace(".json", "/Events.json"),
    },
  };
}

export function queueResource(sim: Simulator, queue: SimQueue, currentSize: number, averageWaitTime: number) {
  return {
    sid: queue.sid,
    account_sid: sim.accountSid,
    friendly_name: queue.friendlyName,
    current_size: currentSize,
    max_size: queue.maxSize,
    average_wait_time: averageWaitTime,
    date_created: rfc2822(queue.createdAt),
    date_updated: rfc2822(queue.updatedAt),
    uri: `${base(sim)}/Queues/${queue.sid}.json`,
  };
}

export function memberResource(sim: Simulator, queueSid: string, call: SimCall, position: number, speed: number) {
  const waited = call.enqueuedAt ? Math.round(((Date.now() - call.enqueuedAt.getTime()) / 1000) * speed) : 0;
  return {
    call_sid: call.sid,
    queue_sid: queueSid,
    date_enqueued: rfc2822(call.enqueuedAt),
    position,
    wait_time: waited,
    uri: `${base(sim)}/Queues/${queueSid}/Members/${call.sid}.json`,
  };
}

/** A list page as Twilio wraps one; the SDK reads records from the one non-paging key. */
export function page<T>(key: string, records: T[], uri: string, pageSize: number) {
  const path = `${uri}?PageSize=${pageSize}&Page=0`;
  return {
    [key]: records.slice(0, pageSize),
    first_page_uri: path,
    next_page_uri: null,
    previous_page_uri: null,
    page: 0,
    page_size: pageSize,
    start: 0,
    end: Math.max(0, Math.min(records.length, pageSize) - 1),
    uri: path,
  };
}

/** Twilio's error body: { code, message, more_info, status }. */
export function twilioError(status: number, code: number, message: string): Response {
  return Response.json({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, { status });
}

export function incomingNumberResource(sim: Simulator, number: SimNumber) {
  return {
    sid: number.sid,
    account_sid: sim.accountSid,
    friendly_name: number.friendlyName,
    phone_number: number.phoneNumber,
    origin: "twilio",
    status: "in-use",
    type: "local",
    api_version: "2010-04-01",
    beta: false,
    capabilities: { voice: true, sms: false, mms: false, fax: false },
    date_created: rfc2822(number.createdAt),
    date_updated: rfc2822(number.updatedAt),
    address_requirements: "none",
    address_sid: null,
    bundle_sid: null,
    emergency_address_sid: null,
    emergency_address_status: "unregistered",
    emergency_status: "Inactive",
    identity_sid: null,
    sms_application_sid: null,
    sms_fallback_method: "POST",
    sms_fallback_url: null,
    sms_method: "POST",
    sms_url: null,
    status_callback: number.statusCallback,
    status_callback_method: number.statusCallbackMethod,
    trunk_sid: null,
    uri: `${base(sim)}/IncomingPhoneNumbers/${number.sid}.json`,
    voice_application_sid: null,
    voice_caller_id_lookup: false,
    voice_fallback_method: number.voiceFallbackMethod,
    voice_fallback_url: number.voiceFallbackUrl,
    voice_method: number.voiceMethod,
    voice_receive_mode: "voice",
    voice_url: number.voiceUrl,
  };
}

export function outgoingCallerIdResource(sim: Simulator, callerId: SimCallerId) {
  return {
    sid: callerId.sid,
    date_created: rfc2822(callerId.createdAt),
    date_updated: rfc2822(callerId.updatedAt),
    friendly_name: callerId.friendlyName,
    account_sid: sim.accountSid,
    phone_number: callerId.phoneNumber,
    uri: `${base(sim)}/OutgoingCallerIds/${callerId.sid}.json`,
  };
}
