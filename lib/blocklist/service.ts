import "server-only";
import { isIP, SocketAddress } from "node:net";
import { and, desc, eq, getTableColumns, gt, isNull, or, sql, type SQL } from "drizzle-orm";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { blocklist, type BlocklistEntry } from "../calltool/call-schema";
import type { Db } from "../db/client";
import { FieldError } from "../errors";

export type { BlocklistEntry };
export type BlockKind = "number" | "ip";
export type BlocklistListing = BlocklistEntry & { expired: boolean };

const MAX_EXPIRY_DAYS = 3650;

// Measured against the database's clock, like every hit, so the page and the call pipeline agree on what has expired.
const live = or(isNull(blocklist.expiresAt), gt(blocklist.expiresAt, sql`now()`))!;

/** Newest first; expired entries too, so staff see that they have lapsed. */
export function listBlocklist(db: Db): Promise<BlocklistListing[]> {
  return db
    .select({ ...getTableColumns(blocklist), expired: sql<boolean>`not ${live}` })
    .from(blocklist)
    .orderBy(desc(blocklist.createdAt), desc(blocklist.id));
}

function blockedNumber(input: string): string {
  const trimmed = input.trim();
  if (!trimmed.startsWith("+")) throw new FieldError("value", "Enter the number in international form, starting with + and the country code");
  const parsed = parsePhoneNumberFromString(trimmed);
  if (!parsed?.isValid()) throw new FieldError("value", "This isn't a valid phone number");
  return parsed.number;
}

/**
 * One spelling per address, so "2001:DB8:0::1" blocks a member seen as
 * "2001:db8::1", and an IPv4 client that a dual-stack socket reports as
 * "::ffff:203.0.113.7" is caught by an entry for "203.0.113.7".
 */
function canonicalIp(input: string): string | null {
  const address = input.trim();
  const family = isIP(address);
  if (family === 0) return null;
  const canonical = new SocketAddress({ address, family: family === 4 ? "ipv4" : "ipv6" }).address;
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(canonical)?.[1] ?? canonical;
}

/** Blocks a number or address; blocking it again replaces its reason and expiry, keeping its hits. */
export async function addToBlocklist(
  db: Db,
  input: { kind: BlockKind; value: string; reason: string; expiresInDays: number | null },
): Promise<{ entry: BlocklistEntry; updated: boolean }> {
  const value = input.kind === "number" ? blockedNumber(input.value) : canonicalIp(input.value);
  if (!value) throw new FieldError("value", "Enter an IPv4 address like 203.0.113.7 or an IPv6 address like 2001:db8::1");
  const days = input.expiresInDays;
  if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= MAX_EXPIRY_DAYS)) {
    throw new FieldError("expiresInDays", `Choose an expiry between 1 and ${MAX_EXPIRY_DAYS} days, or never`);
  }
  const expiresAt = days === null ? null : sql`now() + make_interval(days => ${days}::int)`;
  const reason = input.reason.trim().slice(0, 200);
  const [row] = await db
    .insert(blocklist)
    .values({ kind: input.kind, value, reason, expiresAt })
    .onConflictDoUpdate({ target: [blocklist.kind, blocklist.value], set: { reason, expiresAt } })
    // xmax is 0 only on a row this statement inserted: how Postgres tells an upsert's update from its insert.
    .returning({ ...getTableColumns(blocklist), inserted: sql<boolean>`(xmax = 0)` });
  const { inserted, ...entry } = row!;
  return { entry, updated: !inserted };
}

export async function removeFromBlocklist(db: Db, id: string): Promise<void> {
  await db.delete(blocklist).where(eq(blocklist.id, id));
}

/**
 * Whether a member may call: answers the entry that stops them, or null.
 * Counting the hit is the same statement as the check, so concurrent calls
 * each add one (the row lock serialises them) and an expired entry never counts.
 */
export async function checkBlocklist(db: Db, member: { number: string; ip: string }): Promise<BlocklistEntry | null> {
  const ip = canonicalIp(member.ip);
  const matches: SQL[] = [and(eq(blocklist.kind, "number"), eq(blocklist.value, member.number.trim()))!];
  if (ip) matches.push(and(eq(blocklist.kind, "ip"), eq(blocklist.value, ip))!);
  const hits = await db
    .update(blocklist)
    .set({ hitCount: sql`${blocklist.hitCount} + 1`, lastHitAt: sql`now()` })
    .where(and(or(...matches), live))
    .returning();
  // The number says more about who is calling than a shared address does.
  return hits.find((entry) => entry.kind === "number") ?? hits[0] ?? null;
}
