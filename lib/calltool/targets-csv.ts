import { escapeText, readHeader, readRecord, readSheet, writeSheet, type CsvError, type HeaderSpec, type SheetRow } from "../csv/sheet";
import {
  attributeNames,
  duplicateMessage,
  FIELD_COLUMNS,
  toAttributeKey,
  validateTargets,
  type NormalisedDraft,
  type Target,
  type TargetDraft,
} from "./targets";

/**
 * Targets to and from CSV, for people who keep their lists in a spreadsheet
 * (lib/csv/sheet.ts has the spreadsheet rules). The rules are validateTargets',
 * so a file is held to exactly what the table editor would accept.
 */

export type { CsvError };

type Field = keyof typeof FIELD_COLUMNS;

const HEADER: HeaderSpec<Field> = { fields: FIELD_COLUMNS, required: ["name", "phone", "country"], toKey: toAttributeKey };

function toDraft(record: SheetRow, columns: ReturnType<typeof readHeader<Field>>["columns"]): { draft: TargetDraft; errors: CsvError[] } {
  const { values, extra, errors } = readRecord(record, columns, ["name", "title"]);
  const { id, name, title, phone, extension, country, callerId, pinned } = values;
  const draft: TargetDraft = {
    ...(id?.trim() ? { id } : {}),
    name: name ?? "",
    title,
    phone: phone ?? "",
    extension,
    country: country ?? "",
    callerId,
    attributes: extra,
    pinned,
  };
  return { draft, errors };
}

/**
 * Reads a CSV of targets. All or nothing: if any row is wrong the answer is
 * every error and no targets, so a half-imported list never replaces a whole one.
 * The drafts come back normalised (E.164 phones, attribute keys in snake_case),
 * ready for assignIds; they are TargetDrafts too, so they can go back into an editor.
 */
export function parseTargetsCsv(text: string): { ok: true; drafts: NormalisedDraft[] } | { ok: false; errors: CsvError[] } {
  const sheet = readSheet(text);
  const errors = [...sheet.errors];
  if (!sheet.header) return { ok: false, errors: [{ row: 1, message: "row 1: the file is empty; it needs a header row with name, phone and country" }] };
  const header = readHeader(sheet.header, HEADER);
  if (header.errors.length) return { ok: false, errors: [...errors, ...header.errors].sort((a, b) => a.row - b.row) };

  const drafts: TargetDraft[] = [];
  const rows: number[] = [];
  for (const record of sheet.records) {
    const read = toDraft(record, header.columns);
    errors.push(...read.errors);
    drafts.push(read.draft);
    rows.push(record.row);
  }

  const result = validateTargets(drafts);
  if (!result.ok) {
    for (const error of result.errors) {
      const row = rows[error.index]!;
      const message = error.duplicateOf === undefined ? error.message : duplicateMessage(rows[error.duplicateOf]!);
      errors.push({ row, message: `row ${row}: ${message}` });
    }
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  return { ok: true, drafts: result.ok ? result.targets : [] };
}

/**
 * Writes targets as CSV: id, name, title, phone, extension, country, caller_id,
 * pinned (only when some target is), then one column per attribute, sorted.
 *
 * Phone numbers are written in E.164. Excel shows "+442079460018" as a number,
 * and if saved back untouched may write it in scientific notation; people who
 * edit in Excel should import the file with the phone columns typed as text.
 */
export function targetsToCsv(targets: Target[]): string {
  const attributes = attributeNames(targets);
  // The pinned column only when used, so files of tools without pinned targets read as they always did.
  const pinned = targets.some((target) => target.pinned);
  const fields = ["id", "name", "title", "phone", "extension", "country", "caller_id", ...(pinned ? ["pinned"] : []), ...attributes];
  const data = targets.map((target) => [
    target.id,
    escapeText(target.name),
    escapeText(target.title),
    target.phone,
    target.extension,
    target.country,
    target.callerId,
    ...(pinned ? [target.pinned] : []),
    ...attributes.map((key) => escapeText(target.attributes[key] ?? "")),
  ]);
  return writeSheet(fields, data);
}
