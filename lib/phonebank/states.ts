/**
 * The phone bank's three machines, typed in one place (see README.md):
 * a volunteer's session, a lead, and one call to a lead.
 */

/**
 * A volunteer's session: `waiting` for them to dial in, `connected` while
 * their line is up, `disconnected` when it dropped (they may dial in again
 * with the same code), `ended` when they left. Only `ended` frees the code.
 */
export const SESSION_STATUSES = ["waiting", "connected", "disconnected", "ended"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * A lead: `waiting` to be called (new, or a recall once `next_attempt_at`
 * passes), `calling` while a session holds it, `answered` until the volunteer
 * records a disposition, then `done`. `unreachable`: the attempts ran out;
 * `invalid`: Twilio refused the number; `do-not-call`: never dialled again.
 */
export const LEAD_STATUSES = ["waiting", "calling", "answered", "done", "unreachable", "invalid", "do-not-call"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/**
 * One call to a lead, forward only:
 *
 *   placing ─► ringing ─► answered ─► connected ─► completed
 *      │          │          │            (queue bridge; Enqueue's QueueResult)
 *      └──────────┴──────────┴─► busy | no-answer | failed | machine | refused
 *                                | rejected (the "on another call" guard) | dropped (hung up in the queue)
 *                                | abandoned (the volunteer hung up first) | lost (never heard of again)
 */
export const LEAD_CALL_STATUSES = [
  "placing",
  "ringing",
  "answered",
  "connected",
  "completed",
  "busy",
  "no-answer",
  "failed",
  "machine",
  "refused",
  "rejected",
  "dropped",
  "abandoned",
  "lost",
] as const;
export type LeadCallStatus = (typeof LEAD_CALL_STATUSES)[number];

/** Progress ranks: a status moves only to a higher rank, so late or repeated callbacks never move a call back. */
export const LEAD_CALL_RANK: Record<LeadCallStatus, number> = {
  placing: 0,
  ringing: 1,
  answered: 2,
  connected: 3,
  completed: 4,
  busy: 4,
  "no-answer": 4,
  failed: 4,
  machine: 4,
  refused: 4,
  rejected: 4,
  dropped: 4,
  abandoned: 4,
  lost: 4,
};

export const isFinalLeadCall = (status: LeadCallStatus) => LEAD_CALL_RANK[status] === 4;

/** Statuses a call may move to `to` from. */
export function leadCallAdvancesFrom(to: LeadCallStatus): LeadCallStatus[] {
  return LEAD_CALL_STATUSES.filter((from) => LEAD_CALL_RANK[from] < LEAD_CALL_RANK[to]);
}

/** Twilio's terminal CallStatus values, as our call status when nothing more specific is known. */
export const TWILIO_FINAL: Record<string, LeadCallStatus> = {
  completed: "completed",
  busy: "busy",
  "no-answer": "no-answer",
  failed: "failed",
  canceled: "abandoned",
};

/** What the volunteer's page says, in order of a call's life. */
export const CONSOLE_STAGES = ["not-joined", "waiting-for-line", "ready", "calling", "ringing", "connected", "wrap-up", "disconnected", "ended"] as const;
export type ConsoleStage = (typeof CONSOLE_STAGES)[number];
