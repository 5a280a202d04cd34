import type { Simulator } from "./context";
import { rfc2822 } from "./context";
import type { SimCall, SimQueue } from "./schema";

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
    phone_number_sid: null,
    status: call.status,
    start_time: rfc2822(call.startTime),
    end_time: rfc2822(call.endTime),
    duration: call.duration === null ? null : String(call.duration),
    price: null,
    price_unit: "USD",
    direction: call.direction,
    answered_by: null,
    api_version: "2010-04-01",
    forwarded_from: null,
    group_sid: null,
    caller_name: null,
    queue_time: "0",
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
