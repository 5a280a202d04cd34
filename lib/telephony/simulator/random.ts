import { createHmac } from "node:crypto";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { Simulator } from "./context";

/**
 * The simulator's randomness. Every draw is a function of the seed, the call
 * and the event it decides (never of timing or of other calls), so a failing
 * run replays with the same SIMULATOR_SEED: the same callback is late, the
 * same one repeated.
 */
export type Draw = {
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** 32 hex characters, for SIDs and tokens. */
  hex32(): string;
};

export function draw(sim: Pick<Simulator, "seed">, ...key: (string | number)[]): Draw {
  const digest = createHmac("sha256", sim.seed).update(key.join("\u0000")).digest();
  const rng = xoroshiro128plus(digest.readInt32BE(0));
  return {
    int: (min, max) => uniformInt(rng, min, max),
    chance: (p) => uniformFloat64(rng) < p,
    hex32: () => Array.from({ length: 8 }, () => uniformInt(rng, 0, 0xffff).toString(16).padStart(4, "0")).join(""),
  };
}
