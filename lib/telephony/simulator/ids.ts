import { sql } from "drizzle-orm";
import { selectRows } from "../../db/client";
import type { Simulator } from "./context";
import { draw } from "./random";

/**
 * Takes the next value of a shared counter, atomically, so instances sharing
 * one database never hand out the same one.
 */
export async function nextCount(sim: Simulator, name: string): Promise<number> {
  const [row] = await selectRows<{ value: string | number }>(
    sim.db,
    sql`insert into sim_counters (name, value) values (${name}, 1)
        on conflict (name) do update set value = sim_counters.value + 1
        returning value`,
  );
  return Number(row!.value);
}

type SidPrefix = "CA" | "QU" | "PN";

/**
 * A new SID. It is drawn from the seed and the resource's place in its
 * sequence (the nth call of the account, the nth leg a call dialled), so a
 * run with the same SIMULATOR_SEED gets the same SIDs, and with them the
 * same disorder.
 */
export async function newSid(sim: Simulator, prefix: SidPrefix, scope = ""): Promise<string> {
  const counter = `sid:${prefix}:${scope}`;
  return `${prefix}${draw(sim, counter, await nextCount(sim, counter)).hex32()}`;
}
