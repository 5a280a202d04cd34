import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../db/client";
import { getEnv } from "../env";

/**
 * Outbound calls go out at the account's rate, TWILIO_CPS (Twilio accepts
 * about one new call per second on a new account and queues the rest). Every
 * instance reserves slots in the same row, one atomic statement each, so
 * together they keep to the rate. A slot is a time: the call may be placed
 * from then on.
 */
export type Slot = { at: Date; waitMs: number };

/** Reserves the next free slot for a call. `now` is the database's clock, so instances with skewed clocks agree. */
export async function reserveSlot(db: Db, account = "twilio"): Promise<Slot> {
  const spacingMs = Math.round(1000 / getEnv().TWILIO_CPS);
  const [row] = await selectRows<{ slot: string | Date; now: string | Date }>(
    db,
    sql`insert into call_pacing as pacing (account, next_slot)
        values (${account}, clock_timestamp() + make_interval(secs => ${spacingMs / 1000}))
        on conflict (account) do update
          set next_slot = greatest(pacing.next_slot, clock_timestamp()) + make_interval(secs => ${spacingMs / 1000})
        returning next_slot - make_interval(secs => ${spacingMs / 1000}) as slot, clock_timestamp() as now`,
  );
  const at = new Date(row!.slot);
  return { at, waitMs: Math.max(0, at.getTime() - new Date(row!.now).getTime()) };
}
