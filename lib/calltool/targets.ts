import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from "libphonenumber-js";
import { z } from "zod";

/**
 * The targets of a call-tool plugin: the people members are asked to phone.
 * Shared by the table editor (in the browser) and the server, so the same
 * rules hold wherever a target is typed, pasted or imported. Messages are
 * written for the person at the field.
 */

export type Target = {
  /** Stable and unique across the app; assigned by assignIds, never taken from input. */
  id: string;
  name: string;
  title: string;
  /** E.164. */
  phone: string;
  /** DTMF sent after the call connects: digits, *, # and w/W pauses; "" when none. */
  extension: string;
  /** ISO 3166-1 alpha-2, upper-case. */
  country: string;
  /** E.164 override of the campaign's caller ID; "" to use the campaign's. */
  callerId: string;
  /** Anything members can drill down by (state, party, postal_code…): lower_snake_case keys, no empty values. */
  attributes: Record<string, string>;
  /** "first" or "last": called in every call, before or after the member's own choice; "" when not pinned. */
  pinned: Pinned;
};

export const PINNED = ["", "first", "last"] as const;
export type Pinned = (typeof PINNED)[number];
export const PINNED_LABELS: Record<Pinned, string> = { "": "", first: "Call first", last: "Call last" };

/** A target as validated, before assignIds decides its id. */
export type NormalisedDraft = Omit<Target, "id"> & { id?: string };

export const NAME_MAX = 120;
export const TITLE_MAX = 160;
export const EXTENSION_MAX = 20;
export const ATTRIBUTE_NAME_MAX = 64;
export const ATTRIBUTE_VALUE_MAX = 500;

/**
 * The column names each field answers to. An attribute may not take one of
 * these names: exported, it would read back as the field.
 */
export const FIELD_COLUMNS = {
  id: ["id"],
  name: ["name"],
  title: ["title"],
  phone: ["phone", "phone_number", "number"],
  extension: ["extension", "ext"],
  country: ["country", "country_code"],
  callerId: ["caller_id", "callerid"],
  pinned: ["pinned", "pin"],
} as const satisfies Record<Exclude<keyof Target, "attributes">, readonly string[]>;

const FIELD_LABELS: Record<keyof typeof FIELD_COLUMNS, string> = {
  id: "id",
  name: "name",
  title: "title",
  phone: "phone number",
  extension: "extension",
  country: "country",
  callerId: "caller ID",
  pinned: "pinned",
};

/** Column name → the label of the field it is read as. */
const RESERVED_NAMES = new Map<string, string>(
  Object.entries(FIELD_COLUMNS).flatMap(([field, names]) => names.map((name) => [name, FIELD_LABELS[field as keyof typeof FIELD_COLUMNS]] as const)),
);

/**
 * "Postal Code", "postalCode" and " postal_code " all become "postal_code".
 * Letters outside ASCII are kept ("région"); NFC so the same word typed on a
 * Mac and on Windows is one key.
 */
export function toAttributeKey(raw: string): string {
  return raw
    .normalize("NFC")
    .trim()
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1_$2")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_+|_+$/g, "");
}

const COUNTRY_MESSAGE = "country must be a two-letter code like GB or US";

/** Why a country code (upper case) is not one we can call, or null: "uk" for the United Kingdom is the most common slip, so it gets its own answer. */
export function countryCodeProblem(country: string): "UK" | "unknown" | null {
  if (country === "UK") return "UK";
  return /^[A-Z]{2}$/.test(country) && isSupportedCountry(country) ? null : "unknown";
}

const countrySchema = z
  .string({ error: COUNTRY_MESSAGE })
  .trim()
  .toUpperCase()
  .superRefine((country, ctx) => {
    const problem = countryCodeProblem(country);
    if (problem) ctx.addIssue({ code: "custom", message: problem === "UK" ? "country for the United Kingdom is GB, not UK" : COUNTRY_MESSAGE });
  });

const PINNED_MESSAGE = "pinned must be empty, first or last";
/** "First", "call first" and " LAST " are read as first and last. */
const pinnedSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase().replace(/^call\s+/, "") : value),
  z.enum(PINNED, { error: PINNED_MESSAGE }),
).default("");

const EXTENSION_MESSAGE = "extension may only contain digits, *, #, w and W";
const CALLER_ID_MESSAGE = "caller ID must be a phone number in international form, like +14155550123";

const callerIdSchema = z
  .string({ error: CALLER_ID_MESSAGE })
  .trim()
  .default("")
  .transform((callerId, ctx) => {
    if (callerId === "") return "";
    // No default country: a caller ID has no target country to lean on, so it must carry its own.
    const number = parsePhoneNumberFromString(callerId);
    if (!callerId.startsWith("+") || !number?.isValid() || number.ext) {
      ctx.addIssue({ code: "custom", message: CALLER_ID_MESSAGE });
      return z.NEVER;
    }
    return number.number;
  });

const attributesSchema = z
  .record(z.string(), z.string({ error: "attribute values must be text" }))
  .default({})
  .transform((raw, ctx) => {
    const attributes: Record<string, string> = {};
    for (const [rawKey, rawValue] of Object.entries(raw)) {
      const key = toAttributeKey(rawKey);
      const value = rawValue.trim();
      // An unnamed, empty attribute is a blank spreadsheet column, not a mistake.
      if (value === "") continue;
      const problem = !key
        ? `attribute "${rawKey.trim()}" needs a name with a letter or a digit`
        : key.length > ATTRIBUTE_NAME_MAX
          ? `attribute name "${key}" is at most ${ATTRIBUTE_NAME_MAX} characters`
          : RESERVED_NAMES.has(key)
            ? `"${key}" can't be an attribute name: a column called that is read as the ${RESERVED_NAMES.get(key)}`
            : key in attributes
              ? `attribute "${key}" is given twice`
              : value.length > ATTRIBUTE_VALUE_MAX
                ? `${key} is at most ${ATTRIBUTE_VALUE_MAX} characters`
                : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem, path: [key || rawKey] });
      else attributes[key] = value;
    }
    return attributes;
  });

/** The phone number, read in the target's country, or why it can't be called. */
function readPhone(phone: string, country: string): { number: PhoneNumber } | { problem: string } {
  const number = parsePhoneNumberFromString(phone, country as CountryCode);
  if (!number?.isValid()) return { problem: `phone number is not valid for ${country}` };
  // +1 and +44 are shared: a valid +1 number may be Canada's, a +44 one Jersey's.
  if (number.country !== country) {
    const theirs = number.country ? `; it looks like a ${number.country} number` : "";
    return { problem: `phone number is not valid for ${country}${theirs}` };
  }
  return { number };
}

type Fields = { phone: string; country: string; extension: string };

function phoneProblem({ phone, country, extension }: Fields): string | null {
  const read = readPhone(phone, country);
  if ("problem" in read) return read.problem;
  // "020 7946 0018 ext. 12" is common in spreadsheets; fine unless it disagrees with the extension field.
  const ext = read.number.ext ?? "";
  if (ext && extension && ext !== extension) return "phone number has an extension that differs from the extension field; keep one";
  return null;
}

const fieldsSchema = z.object(
  {
    id: z.string({ error: "id must be text" }).trim().max(100, "id is at most 100 characters").optional(),
    name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(NAME_MAX, `name is at most ${NAME_MAX} characters`),
    title: z.string({ error: "title must be text" }).trim().max(TITLE_MAX, `title is at most ${TITLE_MAX} characters`).default(""),
    phone: z.string({ error: "phone number is required" }).trim().min(1, "phone number is required"),
    extension: z
      .string({ error: EXTENSION_MESSAGE })
      .trim()
      .max(EXTENSION_MAX, `extension is at most ${EXTENSION_MAX} characters`)
      .regex(/^[0-9*#wW]*$/, EXTENSION_MESSAGE)
      .default(""),
    country: countrySchema,
    callerId: callerIdSchema,
    attributes: attributesSchema,
    pinned: pinnedSchema,
  },
  { error: "a target needs a name, a phone number and a country" },
);

const PHONE_INPUTS = new Set<PropertyKey>(["phone", "country", "extension"]);

export const targetDraftSchema = fieldsSchema
  .refine((draft) => phoneProblem(draft) === null, {
    path: ["phone"],
    error: (issue) => phoneProblem(issue.input as Fields) ?? "phone number is not valid",
    // Check the phone even when, say, the name is missing, so a row shows all its errors at once;
    // but only once the fields it reads are themselves sound.
    when: (payload) => !payload.issues.some((issue) => !issue.path?.length || PHONE_INPUTS.has(issue.path[0]!)),
  })
  .transform((draft, ctx): NormalisedDraft => {
    const read = readPhone(draft.phone, draft.country);
    // Never true after the refine above; kept so the types need no assertion.
    if ("problem" in read) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: read.problem });
      return z.NEVER;
    }
    return {
      ...(draft.id ? { id: draft.id } : {}),
      name: draft.name,
      title: draft.title,
      phone: read.number.number,
      extension: draft.extension || (read.number.ext ?? ""),
      country: draft.country,
      callerId: draft.callerId,
      attributes: draft.attributes,
      pinned: draft.pinned,
    };
  });

export type TargetDraft = z.input<typeof targetDraftSchema>;

export type TargetError = {
  /** Position in the input, from 0; callers turn it into their own row numbers. */
  index: number;
  /** "name", "phone", "attributes.state"…; "target" when the whole entry is wrong. */
  field: string;
  message: string;
  /** For a duplicate: the index of the earlier target it repeats. */
  duplicateOf?: number;
};

/** Rows are numbered from 1 in the table editor; the CSV reader passes its own numbers. */
export function duplicateMessage(otherRow: number): string {
  return `the same phone number and extension as row ${otherRow}`;
}

const callKey = (target: { phone: string; extension: string }) => `${target.phone};${target.extension}`;

export function validateTargets(
  drafts: unknown[],
): { ok: true; targets: NormalisedDraft[] } | { ok: false; errors: TargetError[] } {
  const targets: NormalisedDraft[] = [];
  const errors: TargetError[] = [];
  const firstWithKey = new Map<string, number>();
  drafts.forEach((draft, index) => {
    const result = targetDraftSchema.safeParse(draft);
    if (!result.success) {
      const seen = new Set<string>();
      for (const issue of result.error.issues) {
        const field = issue.path.join(".") || "target";
        // One message per field, like fieldErrorsOf: the first is the one to fix first.
        if (!seen.has(field)) errors.push({ index, field, message: issue.message });
        seen.add(field);
      }
      return;
    }
    const key = callKey(result.data);
    const earlier = firstWithKey.get(key);
    if (earlier === undefined) firstWithKey.set(key, index);
    // The same person twice would be called twice by one member.
    else errors.push({ index, field: "phone", message: duplicateMessage(earlier + 1), duplicateOf: earlier });
    targets.push(result.data);
  });
  return errors.length ? { ok: false, errors } : { ok: true, targets };
}

/**
 * Gives each draft its id, keeping ids stable across edits and re-imports so
 * that call records keep pointing at the same person. An id from the input is
 * only ever used to find an existing target: ids are app-wide, and trusting one
 * from a file could claim another campaign's target. A draft whose id is
 * unknown is still matched by phone and extension, so a file exported from
 * another campaign lines up with this one's targets where it can.
 */
export function assignIds(existing: Target[], drafts: NormalisedDraft[], newId: () => string = () => crypto.randomUUID()): Target[] {
  const existingIds = new Set(existing.map((target) => target.id));
  const claimed = new Set<string>();
  const ids: (string | undefined)[] = drafts.map((draft) => {
    if (draft.id === undefined || !existingIds.has(draft.id) || claimed.has(draft.id)) return undefined;
    claimed.add(draft.id);
    return draft.id;
  });
  // Phones are matched only after every carried id is claimed, so a row that kept its id but
  // changed its phone can't lose that id to an earlier row that now has its old phone. Indexed,
  // because a national list (every state legislator) runs to thousands of rows.
  const byKey = new Map<string, string[]>();
  for (const target of existing.filter((target) => !claimed.has(target.id))) {
    const key = callKey(target);
    byKey.set(key, [...(byKey.get(key) ?? []), target.id]);
  }
  return drafts.map((draft, index) => {
    const id = ids[index] ?? byKey.get(callKey(draft))?.shift() ?? newId();
    const { name, title, phone, extension, country, callerId, attributes, pinned } = draft;
    return { id, name, title, phone, extension, country, callerId, attributes: { ...attributes }, pinned };
  });
}

/** Every attribute name any target has, sorted by code point so exports don't vary by locale. */
export function attributeNames(targets: Target[]): string[] {
  return [...new Set(targets.flatMap((target) => Object.keys(target.attributes)))].sort();
}

/** The drill-down attributes no target has a value for: members could never narrow by them. */
export function missingDrillDownAttributes(targets: Target[], wanted: string[]): string[] {
  const present = new Set(attributeNames(targets));
  return [...new Set(wanted)].filter((name) => !present.has(toAttributeKey(name)));
}
