import "server-only";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { CsvError } from "../csv/sheet";
import { FormError } from "../errors";
import { keypadMatches, lookupKeys, postcodeOutcome, type PostcodeOutcome } from "./postcode";
import { parsePostcodeCsv } from "./postcode-csv";
import { postcodeAreas } from "./postcode-schema";
import { bumpVersion, loadCallTool } from "./service";
import { attributeNames } from "./targets";

const CHUNK = 1000;

/**
 * Replaces a call tool's postcode table with a CSV's rows, and records the
 * table's country in the settings (it decides how postcodes are read). All
 * or nothing: a bad row, an attribute no target has, or a second editor
 * having saved since `version`, and the table stays as it was.
 */
export async function importPostcodeTable(
  db: Db,
  pluginId: string,
  version: number,
  country: string,
  csv: string,
): Promise<{ ok: true; version: number; rows: number } | { ok: false; errors: CsvError[] }> {
  const parsed = parsePostcodeCsv(csv, country);
  if (!parsed.ok) return parsed;
  const current = await loadCallTool(db, pluginId);
  if (!current) throw new FormError("This call tool no longer exists.");
  const known = new Set(attributeNames(current.targets));
  const unknown = parsed.attributes.filter((name) => !known.has(name));
  if (unknown.length) {
    const have = known.size ? `Your targets have: ${[...known].join(", ")}.` : "Import targets with that column first.";
    return { ok: false, errors: unknown.map((name) => ({ row: 1, message: `row 1: no target has the attribute “${name}”, so no postcode could lead to one. ${have}` })) };
  }
  return db.transaction(async (tx) => {
    const saved = await bumpVersion(tx as unknown as Db, pluginId, version, { ...current.config, postcodeCountry: country });
    await tx.delete(postcodeAreas).where(eq(postcodeAreas.pluginId, pluginId));
    for (let start = 0; start < parsed.rows.length; start += CHUNK) {
      await tx.insert(postcodeAreas).values(parsed.rows.slice(start, start + CHUNK).map((row) => ({ ...row, pluginId })));
    }
    return { ok: true as const, version: saved, rows: parsed.rows.length };
  });
}

export async function countPostcodeAreas(db: Db, pluginId: string): Promise<number> {
  const [row] = await db.select({ rows: count() }).from(postcodeAreas).where(eq(postcodeAreas.pluginId, pluginId));
  return Number(row?.rows ?? 0);
}

export type AreaAnswer = Record<string, string> | "unknown" | "invalid";

/** The area of a typed postcode: the row with the longest prefix (one query), "unknown", or "invalid" when it can't be a postcode. */
export async function areaOfPostcode(db: Db, pluginId: string, country: string, postcode: string): Promise<AreaAnswer> {
  const keys = lookupKeys(country, postcode);
  if (!keys) return "invalid";
  const rows = await db
    .select({ prefix: postcodeAreas.prefix, attributes: postcodeAreas.attributes })
    .from(postcodeAreas)
    .where(and(eq(postcodeAreas.pluginId, pluginId), inArray(postcodeAreas.prefix, keys)));
  const best = keys.map((key) => rows.find((row) => row.prefix === key)).find(Boolean);
  return best?.attributes ?? "unknown";
}

/**
 * The area of a postcode keyed on a phone (one query). When postcodes that
 * share the keys lead to different areas, nobody can tell which was meant:
 * "unknown", so the caller hears the fallback rather than a wrong target.
 */
export async function areaOfKeyedPostcode(db: Db, pluginId: string, country: string, keyed: string): Promise<AreaAnswer> {
  const digits = keyed.replace(/\D/g, "");
  if (digits.length < 2) return "invalid";
  const rows = await db
    .select({ prefix: postcodeAreas.prefix, keypad: postcodeAreas.keypad, attributes: postcodeAreas.attributes })
    .from(postcodeAreas)
    .where(and(eq(postcodeAreas.pluginId, pluginId), sql`starts_with(${digits}, ${postcodeAreas.keypad})`));
  const matches = keypadMatches(country, digits, rows);
  if (matches.length === 0) return "unknown";
  const first = JSON.stringify(Object.entries(matches[0]!.attributes).sort());
  return matches.every((row) => JSON.stringify(Object.entries(row.attributes).sort()) === first) ? matches[0]!.attributes : "unknown";
}

/**
 * What the member page offers for a typed postcode (its dynamic twin renders
 * this; the cached page only has the form): the targets of its area, or the
 * campaigner's fallback. One query.
 */
export async function postcodeChoice<T extends { attributes: Record<string, string> }>(
  db: Db,
  tool: { id: string; config: { postcodeCountry: string; postcodeFallback: "random" | "pick" | "sorry" }; targets: T[] },
  postcode: string,
): Promise<PostcodeOutcome<T>> {
  const area = await areaOfPostcode(db, tool.id, tool.config.postcodeCountry, postcode);
  return postcodeOutcome(area, tool.targets, tool.config.postcodeFallback);
}
