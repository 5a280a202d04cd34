import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { escapeText, readHeader, readRecord, readSheet, writeSheet, type CsvError, type HeaderSpec } from "../csv/sheet";
import { toAttributeKey } from "../calltool/targets";
import type { Lead } from "./schema";

/**
 * Leads from a spreadsheet: name and phone, optionally country (for numbers
 * written the national way) and do_not_call; every other column is kept and
 * shown to the volunteer. All or nothing: any bad row and nothing is imported.
 * The same number twice is one lead (its columns merged), since calling a
 * person twice in one campaign because they were on two lists is worse than
 * useless.
 */

export type LeadDraft = { name: string; phone: string; fields: Record<string, string>; doNotCall: boolean; row: number };

const COLUMNS = {
  name: ["name", "full_name"],
  phone: ["phone", "phone_number", "number", "mobile"],
  country: ["country", "country_code"],
  doNotCall: ["do_not_call", "dnc"],
} as const;
type Field = keyof typeof COLUMNS;

const HEADER: HeaderSpec<Field> = { fields: COLUMNS, required: ["name", "phone"], toKey: toAttributeKey };
const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["", "no", "n", "false", "0"]);
export const MAX_LEADS = 20_000;
const MAX_FIELD = 500;

export function parseLeadsCsv(text: string): { ok: true; leads: LeadDraft[]; merged: number } | { ok: false; errors: CsvError[] } {
  const sheet = readSheet(text);
  const errors = [...sheet.errors];
  if (!sheet.header) return { ok: false, errors: [{ row: 1, message: "row 1: the file is empty; it needs a header row with name and phone" }] };
  const header = readHeader(sheet.header, HEADER);
  if (header.errors.length) return { ok: false, errors: [...errors, ...header.errors].sort((a, b) => a.row - b.row) };
  if (sheet.records.length > MAX_LEADS) return { ok: false, errors: [{ row: MAX_LEADS + 2, message: `a file holds at most ${MAX_LEADS.toLocaleString("en")} leads; split it in two` }] };

  const byPhone = new Map<string, LeadDraft>();
  let merged = 0;
  for (const record of sheet.records) {
    const { values, extra, errors: cellErrors } = readRecord(record, header.columns, ["name"]);
    errors.push(...cellErrors);
    const at = (message: string) => errors.push({ row: record.row, message: `row ${record.row}: ${message}` });
    const name = (values.name ?? "").trim();
    if (!name) at("the name is empty");
    else if (name.length > 200) at("the name is longer than 200 characters");

    const country = (values.country ?? "").trim().toUpperCase();
    const rawPhone = (values.phone ?? "").trim();
    if (country && !/^[A-Z]{2}$/.test(country)) at(`"${values.country}" isn't a two-letter country code like GB or US`);
    const phone = rawPhone ? parsePhoneNumberFromString(rawPhone, (country || undefined) as CountryCode | undefined) : undefined;
    if (!rawPhone) at("the phone number is empty");
    else if (!phone?.isValid()) at(`"${rawPhone}" isn't a valid phone number${rawPhone.startsWith("+") || country ? "" : "; start it with + and the country code, or add a country column"}`);

    const flag = (values.doNotCall ?? "").trim().toLowerCase();
    if (!YES.has(flag) && !NO.has(flag)) at(`do_not_call is "${values.doNotCall}"; use yes or leave it empty`);
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(extra)) if (value.trim() !== "") fields[key] = value.trim();
    const long = Object.entries(fields).find(([, value]) => value.length > MAX_FIELD);
    if (long) at(`the ${long[0]} column is longer than ${MAX_FIELD} characters`);
    if (!name || !phone?.isValid()) continue;

    const draft: LeadDraft = { name, phone: phone.number, fields, doNotCall: YES.has(flag), row: record.row };
    const earlier = byPhone.get(draft.phone);
    if (earlier) {
      merged++;
      byPhone.set(draft.phone, { ...earlier, fields: { ...earlier.fields, ...fields }, doNotCall: earlier.doNotCall || draft.doNotCall });
    } else {
      byPhone.set(draft.phone, draft);
    }
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  return { ok: true, leads: [...byPhone.values()], merged };
}

/** Every lead with how it went, for the campaign's own records. Free text is guarded against spreadsheet formulas. */
export function leadsToCsv(rows: Lead[]): string {
  const extra = [...new Set(rows.flatMap((lead) => Object.keys(lead.fields)))].sort();
  const header = ["name", "phone", "status", "attempts", "last_outcome", "disposition", "notes", "dispositioned_at", ...extra];
  const data = rows.map((lead) => [
    escapeText(lead.name),
    lead.phone,
    lead.status,
    String(lead.attempts),
    lead.lastOutcome ?? "",
    escapeText(lead.disposition ?? ""),
    escapeText(lead.notes),
    lead.dispositionedAt?.toISOString() ?? "",
    ...extra.map((key) => escapeText(lead.fields[key] ?? "")),
  ]);
  return writeSheet(header, data);
}
