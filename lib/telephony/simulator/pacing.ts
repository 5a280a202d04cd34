import { sql } from "drizzle-orm";
import { selectRows } from "../../db/client";
import type { Simulator } from "./context";

/**
 * The account's calls-per-second limit, shared by every instance through
 * the database: each new call takes the next free slot, 1/CPS simulated
 * seconds after the one before, and waits `queued` until then. Answers
 * when the call may go out and how long it will have waited (Twilio's
 * queue_time, in simulated milliseconds).
 */
export async function takeDialSlot(sim: Simulator, createdAt: Date): Promise<{ dialAt: Date; queueTime: number }> {
  const spacingMs = 1000 / (sim.cps * sim.speed);
  const [row] = await selectRows<{ slot: Date | string }>(
    sim.db,
    sql`insert into sim_counters (name, value, at) values (${`pace:${sim.accountSid}`}, 1, clock_timestamp() + ${spacingMs} * interval '1 millisecond')
        on conflict (name) do update set value = sim_counters.value + 1,
          at = greatest(clock_timestamp(), sim_counters.at) + ${spacingMs} * interval '1 millisecond'
        returning at - ${spacingMs} * interval '1 millisecond' as slot`,
  );
  const dialAt = new Date(row!.slot);
  return { dialAt, queueTime: Math.max(0, Math.round((dialAt.getTime() - createdAt.getTime()) * sim.speed)) };
}
