import type { TwilioParams } from "../telephony/webhook";
import { param } from "../telephony/webhook";
import type { MemberEvent } from "./calls";

const number = (value: string) => (/^-?\d+$/.test(value) ? Number(value) : null);

/** A member-leg status callback's parameters, as recordMemberEvent stores them. */
export function memberEventFrom(params: TwilioParams): MemberEvent {
  return {
    callSid: param(params, "CallSid"),
    sequenceNumber: number(param(params, "SequenceNumber")) ?? -1,
    callStatus: param(params, "CallStatus"),
    callDuration: number(param(params, "CallDuration")),
    answeredBy: param(params, "AnsweredBy") || null,
    errorCode: number(param(params, "ErrorCode")),
    errorMessage: param(params, "ErrorMessage") || null,
    payload: params,
  };
}
