/**
 * Postcodes, normalised per country, for the call tool's own lookup table
 * (no outside service). A table row is a postcode or a prefix of one; a
 * member's postcode matches the row with the longest prefix.
 *
 * - GB (and the Crown dependencies GG, JE, IM, which share the format): the
 *   table holds whole postcodes ("SW1A 1AA"), sectors ("SW1A 1", written with
 *   the space: without it "W11" could be the sector W1 1 or the district W11),
 *   outward codes ("SW1A", "SW1") and areas ("SW"). A member's postcode is
 *   matched only at those boundaries, so "S" (Sheffield) never catches "SW…".
 * - US: ZIP codes, 5 digits (ZIP+4 is cut to 5); a row may be a shorter
 *   prefix (a ZIP3 such as "100").
 * - Anywhere else: letters and digits, spaces and hyphens dropped, any prefix.
 *
 * On the keypad a letter is the key that shows it (2 ABC … 9 WXYZ), so a
 * keyed postcode is matched against each row's keypad form.
 */

const UK_LIKE = new Set(["GB", "GG", "JE", "IM"]);
const OUTWARD = "[A-Z]{1,2}[0-9][A-Z0-9]?";
const FULL_UK = new RegExp(`^(${OUTWARD}) ?([0-9][A-Z]{2})$`);
const SECTOR_UK = new RegExp(`^(${OUTWARD}) ([0-9])$`);
const OUTWARD_UK = new RegExp(`^${OUTWARD}$`);
const AREA_UK = /^[A-Z]{1,2}$/;

export type PostcodeCountry = "uk" | "us" | "other";
export const postcodeScheme = (country: string): PostcodeCountry => (UK_LIKE.has(country) ? "uk" : country === "US" ? "us" : "other");

const squash = (input: string) => input.normalize("NFKC").toUpperCase().trim().replace(/\s+/g, " ");

/** A table row's postcode in the form the table keeps, or a sentence saying why it can't be one. */
export function normalisePrefix(country: string, input: string): { ok: true; prefix: string } | { ok: false; message: string } {
  const text = squash(input);
  if (!text) return { ok: false, message: "the postcode is empty" };
  switch (postcodeScheme(country)) {
    case "uk": {
      const full = text.match(FULL_UK);
      if (full) return { ok: true, prefix: `${full[1]} ${full[2]}` };
      if (SECTOR_UK.test(text) || OUTWARD_UK.test(text) || AREA_UK.test(text)) return { ok: true, prefix: text };
      return { ok: false, message: `“${input.trim().slice(0, 20)}” isn't a UK postcode or part of one (like SW1A 1AA, SW1A 1, SW1A or SW)` };
    }
    case "us": {
      const digits = text.replace(/-\d{4}$/, "");
      if (/^\d{1,5}$/.test(digits)) return { ok: true, prefix: digits };
      return { ok: false, message: `“${input.trim().slice(0, 20)}” isn't a ZIP code or the start of one (1 to 5 digits)` };
    }
    default: {
      const compact = text.replace(/[\s-]/g, "");
      if (/^[A-Z0-9]{1,10}$/.test(compact)) return { ok: true, prefix: compact };
      return { ok: false, message: `“${input.trim().slice(0, 20)}” isn't a postcode: use letters and digits only` };
    }
  }
}

/**
 * The table forms a member's postcode may match, longest first, or null when
 * what they typed can't be a postcode of the country.
 */
export function lookupKeys(country: string, input: string): string[] | null {
  const text = squash(input);
  switch (postcodeScheme(country)) {
    case "uk": {
      const full = text.match(FULL_UK);
      const sector = full ? null : text.match(SECTOR_UK);
      const outward = full?.[1] ?? sector?.[1] ?? (OUTWARD_UK.test(text) ? text : null);
      if (!outward) return null;
      const keys: string[] = [];
      if (full) keys.push(`${full[1]} ${full[2]}`, `${full[1]} ${full[2]![0]}`);
      if (sector) keys.push(text);
      keys.push(outward);
      // A sub-district (SW1A, EC1A, W1A) belongs to its district (SW1, EC1, W1).
      if (/[A-Z]$/.test(outward)) keys.push(outward.slice(0, -1));
      keys.push(outward.match(/^[A-Z]+/)![0]);
      return keys;
    }
    case "us": {
      const zip = text.match(/^(\d{5})(?:-?\d{4})?$/)?.[1];
      return zip ? [5, 4, 3, 2, 1].map((length) => zip.slice(0, length)) : null;
    }
    default: {
      const compact = text.replace(/[\s-]/g, "");
      if (!/^[A-Z0-9]{2,10}$/.test(compact)) return null;
      return Array.from({ length: compact.length }, (_, index) => compact.slice(0, compact.length - index));
    }
  }
}

const KEYS = ["", "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ"];
const keyOf = (character: string) => {
  const key = KEYS.findIndex((letters) => letters.includes(character));
  return key === -1 ? character : String(key);
};

/** A table form as it is typed on a phone's keypad: "SW1A 1AA" → "7912122". */
export function keypadForm(prefix: string): string {
  return [...prefix.replace(/ /g, "")].map(keyOf).join("");
}

export type KeypadRow = { prefix: string; keypad: string };

/**
 * The rows a keyed postcode may match, best first: the rows of the longest
 * match (several when different postcodes share the keys). For the UK the
 * last three keys are the inward code, so rows match at its boundaries only,
 * as they do for a typed postcode.
 */
export function keypadMatches<Row extends KeypadRow>(country: string, keyed: string, rows: Row[]): Row[] {
  const digits = keyed.replace(/\D/g, "");
  if (!digits) return [];
  const scheme = postcodeScheme(country);
  const wanted = scheme === "us" ? digits.slice(0, 5) : digits;
  let allowed: (row: Row) => number;
  if (scheme === "uk") {
    // A whole postcode keyed is 5 to 7 keys; anything else is an outward code alone.
    const whole = wanted.length >= 5 && wanted.length <= 7;
    const outward = whole ? wanted.slice(0, -3) : wanted;
    const sector = whole ? wanted.slice(0, -2) : null;
    allowed = (row) => {
      if (whole && FULL_UK.test(row.prefix)) return row.keypad === wanted ? 5 : 0;
      if (SECTOR_UK.test(row.prefix)) return row.keypad === sector ? 4 : 0;
      if (AREA_UK.test(row.prefix)) return outward.startsWith(row.keypad) && row.keypad.length < outward.length ? 1 : 0;
      if (OUTWARD_UK.test(row.prefix)) return row.keypad === outward ? 3 : /[A-Z]$/.test(row.prefix) || row.keypad.length !== outward.length - 1 || !outward.startsWith(row.keypad) ? 0 : 2;
      return 0;
    };
  } else {
    allowed = (row) => (wanted.startsWith(row.keypad) ? row.keypad.length : 0);
  }
  const scored = rows.map((row) => ({ row, score: allowed(row) })).filter((entry) => entry.score > 0);
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  return scored.filter((entry) => entry.score === best).map((entry) => entry.row);
}

/** Attribute values compare as people write them: case and spacing aside. */
const same = (a: string | undefined, b: string) => (a ?? "").normalize("NFC").trim().toLocaleLowerCase() === b.normalize("NFC").trim().toLocaleLowerCase();

/** The targets an area stands for: those with every one of its attribute values. */
export function targetsInArea<T extends { attributes: Record<string, string> }>(targets: T[], area: Record<string, string>): T[] {
  const wanted = Object.entries(area);
  return targets.filter((target) => wanted.every(([key, value]) => same(target.attributes[key], value)));
}

export type PostcodeFallbackMode = "random" | "pick" | "sorry";

/**
 * What a member who entered a postcode is offered. `area` is the table's
 * answer: its attributes, "unknown" (no row), or "invalid" (not a postcode).
 * A postcode whose area has no target is as unknown as one not in the table.
 */
export type PostcodeOutcome<T> = { found: true; targets: T[] } | { found: false; reason: "invalid" | "unknown"; fallback: PostcodeFallbackMode; targets: T[] };

export function postcodeOutcome<T extends { attributes: Record<string, string> }>(
  area: Record<string, string> | "unknown" | "invalid",
  targets: T[],
  fallback: PostcodeFallbackMode,
  random = Math.random,
): PostcodeOutcome<T> {
  const matching = typeof area === "string" ? [] : targetsInArea(targets, area);
  if (matching.length) return { found: true, targets: matching };
  const offered = fallback === "pick" ? targets : fallback === "random" && targets.length ? [targets[Math.floor(random() * targets.length)]!] : [];
  return { found: false, reason: area === "invalid" ? "invalid" : "unknown", fallback, targets: offered };
}
