import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../db/client";
import { nextAttempt, type AttemptOutcome, type RecallPolicy } from "../recall/policy";
import { isUuid } from "./service";
import { LEAD_CALL_RANK, leadCallAdvancesFrom, type LeadCallStatus, type LeadStatus } from "./states";

/**
 * One call to a lead, one statement per step (two when it ends, because the
 * recall is decided in code). The id in the callback URLs finds the row, so a
 * webhook never waits for the CallSid to be stored.
 */

const list = (statuses: readonly string[]) => sql.join(statuses.map((status) => sql`${status}`), sql`, `);
const notFinal = list(Object.entries(LEAD_CALL_RANK).filter(([, rank]) => rank < 4).map(([status]) => status));

export type TwilioLegFields = { callSid?: string; callStatus?: string; sequence?: number; duration?: number; errorCode?: number; errorMessage?: string };

/** Twilio's latest word on the leg, kept only if it is newer than what we have (callbacks arrive out of order). */
function legFields(leg: TwilioLegFields) {
  const sequence = leg.sequence ?? null;
  return sql`
    twilio_call_sid = coalesce(lc.twilio_call_sid, ${leg.callSid || null}),
    twilio_status = case when ${sequence}::int is null or ${sequence}::int > lc.twilio_sequence then coalesce(${leg.callStatus ?? null}, lc.twilio_status) else lc.twilio_status end,
    twilio_sequence = greatest(lc.twilio_sequence, coalesce(${sequence}::int, lc.twilio_sequence)),
    duration_seconds = coalesce(${leg.duration ?? null}::int, lc.duration_seconds),
    error_code = coalesce(${leg.errorCode ?? null}::int, lc.error_code),
    error_message = coalesce(${leg.errorMessage ?? null}, lc.error_message)`;
}

/** Records a status callback that doesn't end the call: ringing moves it forward, anything else only updates the leg. */
export async function recordLeadCallProgress(db: Db, id: string, ringing: boolean, leg: TwilioLegFields) {
  if (!isUuid(id)) return null;
  const [row] = await selectRows<{ session_id: string; status: LeadCallStatus }>(
    db,
    sql`update phone_bank_lead_calls lc set
          status = case when ${ringing} and lc.status = 'placing' then 'ringing' else lc.status end,
          ${legFields(leg)}
        where lc.id = ${id}
        returning lc.session_id, lc.status`,
  );
  return row ?? null;
}

export type AnswerVerdict = { outcome: "answered" | "machine" | "rejected" | "gone"; accessCode: string; sessionId: string; voicemailMessage: string } | null;

/**
 * The lead picked up (/enqueue). In one statement, under the row's lock: a
 * machine is a machine; the call is put through only if it is still the one
 * its volunteer waits for and their line is up ("on another call" otherwise);
 * a repeated request gets the same answer. A machine or a refusal is then
 * ended with endLeadCall, which settles the lead.
 */
export async function answerLeadCall(db: Db, id: string, leg: TwilioLegFields, answeredBy: string): Promise<AnswerVerdict> {
  if (!isUuid(id)) return null;
  const machine = /^(machine|fax)/.test(answeredBy);
  const [row] = await selectRows<{ outcome: NonNullable<AnswerVerdict>["outcome"]; access_code: string; session_id: string; voicemail_message: string }>(
    db,
    sql`with target as (
          select lc.id, lc.status, s.status as session_status, s.active_lead_call_id, s.access_code, s.id as session_id, b.voicemail_message
          from phone_bank_lead_calls lc join phone_bank_sessions s on s.id = lc.session_id join phone_banks b on b.id = lc.phone_bank_id
          where lc.id = ${id} for update of lc
        ), verdict as (
          select target.*, case
            when status in ('answered', 'connected') then 'answered'
            when status not in (${notFinal}) then 'gone'
            when ${machine} then 'machine'
            when session_status <> 'connected' or active_lead_call_id is distinct from id then 'rejected'
            else 'answered' end as outcome
          from target
        )
        update phone_bank_lead_calls lc set
          status = case when verdict.outcome = 'answered' then 'answered' else lc.status end,
          answered_by = coalesce(nullif(${answeredBy}, ''), lc.answered_by),
          answered_at = coalesce(lc.answered_at, now()),
          ${legFields(leg)}
        from verdict where lc.id = verdict.id
        returning verdict.outcome, verdict.access_code, verdict.session_id, verdict.voicemail_message`,
  );
  return row ? { outcome: row.outcome, accessCode: row.access_code, sessionId: row.session_id, voicemailMessage: row.voicemail_message } : null;
}

type Settled = {
  id: string;
  session_id: string;
  lead_id: string;
  status: LeadCallStatus;
  old_status: LeadCallStatus;
  attempt: number;
  first_attempt_at: Date | string | null;
  time_zones: string[];
  recall: RecallPolicy;
  auto_connect: boolean;
  session_status: string;
};

/** The end `to` becomes, given where the call was: "completed" means talked only after the bridge. */
const endSql = (to: LeadCallStatus | "completed-or-dropped") =>
  to === "completed-or-dropped" ? sql`case when old.old_status = 'connected' then 'completed' else 'dropped' end` : sql`${to}`;

/**
 * Ends a call (first end wins; a repeated or late one changes nothing), then
 * settles its lead: talked → waiting for a disposition; missed → recalled per
 * the policy or given up; refused → invalid; not the lead's doing (our guard,
 * the volunteer gone) → back to the list, the attempt not counted.
 * Answers what changed, or null when nothing did.
 */
export async function endLeadCall(db: Db, id: string, to: LeadCallStatus | "completed-or-dropped", leg: TwilioLegFields = {}, now = new Date()) {
  if (!isUuid(id)) return null;
  // One transaction, so nobody (a live view, a "call next lead") sees the call ended but its lead not yet settled.
  return db.transaction(async (tx) => {
    const [ended] = await selectRows<Settled>(
      tx as unknown as Db,
      sql`update phone_bank_lead_calls lc set status = ${endSql(to)}, ended_at = coalesce(lc.ended_at, now()), ${legFields(leg)}
          from (select id, status as old_status from phone_bank_lead_calls where id = ${id} for update) old,
               phone_bank_leads l, phone_banks b, phone_bank_sessions s
          where lc.id = old.id and l.id = lc.lead_id and b.id = lc.phone_bank_id and s.id = lc.session_id
            and old.old_status in (${notFinal})
          returning lc.id, lc.session_id, lc.lead_id, lc.status, old.old_status, lc.attempt, l.first_attempt_at, l.time_zones, b.recall,
                    s.auto_connect, s.status as session_status`,
    );
    if (!ended) return null;
    return { ...ended, lead: await settleLead(tx as unknown as Db, ended, now) };
  });
}

const OUTCOME: Partial<Record<LeadCallStatus, AttemptOutcome>> = {
  busy: "busy",
  "no-answer": "no-answer",
  failed: "failed",
  machine: "machine",
  // Picked up, then hung up on the hold music before a volunteer was there: nobody talked to them.
  dropped: "no-answer",
  refused: "refused",
  completed: "answered",
};

async function settleLead(db: Db, call: Settled, now: Date): Promise<{ status: LeadStatus; nextAttemptAt: Date | null }> {
  const outcome = OUTCOME[call.status];
  let status: LeadStatus = "waiting";
  let nextAttemptAt: Date | null = null;
  let refund = 0;
  if (!outcome) {
    refund = 1; // rejected, abandoned, lost: not the lead's doing
  } else if (outcome === "answered") {
    status = "answered";
  } else if (outcome === "refused") {
    status = "invalid";
  } else {
    const decision = nextAttempt({
      policy: call.recall,
      attemptsSoFar: call.attempt,
      outcome,
      firstAttemptAt: call.first_attempt_at ? new Date(call.first_attempt_at) : now,
      endedAt: now,
      timeZones: call.time_zones,
    });
    if (decision.recall) nextAttemptAt = decision.at;
    else status = "unreachable";
  }
  // The session lets go of the call unless its volunteer still owes a disposition.
  await db.execute(sql`
    with lead as (
      update phone_bank_leads set
        status = case when status = 'do-not-call' then status else ${status} end,
        attempts = greatest(0, attempts - ${refund}),
        next_attempt_at = ${nextAttemptAt?.toISOString() ?? null}::timestamptz,
        last_outcome = ${call.status}
      where id = ${call.lead_id} and status in ('calling', 'do-not-call')
      returning id
    )
    update phone_bank_sessions set active_lead_call_id = null
    where id = ${call.session_id} and active_lead_call_id = ${call.id} and ${status !== "answered"}`);
  return { status, nextAttemptAt };
}

/** <Queue url>: the volunteer's Dial is taking this lead off the queue. Found by CallSid within the session, one statement. */
export async function bridgeLeadCall(db: Db, sessionId: string, callSid: string, queue: { queueSid: string; queueTime: number; dequeuedBy: string }) {
  if (!isUuid(sessionId)) return null;
  const [row] = await selectRows<{ id: string }>(
    db,
    sql`update phone_bank_lead_calls lc set
          status = case when lc.status in (${list(leadCallAdvancesFrom("connected"))}) then 'connected' else lc.status end,
          connected_at = coalesce(lc.connected_at, now()), queue_sid = ${queue.queueSid}, queue_time = ${queue.queueTime}, dequeued_by = ${queue.dequeuedBy}
        where lc.session_id = ${sessionId} and lc.twilio_call_sid = ${callSid} and lc.status in ('answered', 'connected')
        returning lc.id`,
  );
  return row ?? null;
}
