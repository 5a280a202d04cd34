import Papa from "papaparse";
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
 * Targets to and from CSV, for people who keep their lists in a spreadsheet.
 * The rules are validateTargets', so a file is held to exactly what the table
 * editor would accept.
 *
 * Row numbers are the spreadsheet's: the header is row 1 and every record after
 * it is one row, blank ones included. They count records, not lines, so a value
 * with a line break in it (an address) doesn't shift the rows after it; that is
 * what the person sees in Excel or Sheets when they go looking for "row 7".
 */

export type CsvError = { row: number; message: string };

type Field = keyof typeof FIELD_COLUMNS;

const COLUMN_FIELDS = new Map<string, Field>(
  Object.entries(FIELD_COLUMNS).flatMap(([field, names]) => names.map((name) => [name, field as Field] as const)),
);

const REQUIRED: { field: Field; column: string }[] = [
  { field: "name", column: "name" },
  { field: "phone", column: "phone" },
  { field: "country", column: "country" },
];

/** Values a spreadsheet would run as a formula. */
const FORMULA_START = /^'*[=+\-@]/;

/** Spreadsheet column letters: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Excel in much of Europe saves "CSV" with semicolons. The header decides,
 * because its names never contain a delimiter, where a value might.
 */
function guessDelimiter(text: string): string {
  const header = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "") ?? "";
  let best = ",";
  for (const candidate of [";", "\t"]) {
    if (header.split(candidate).length > header.split(best).length) best = candidate;
  }
  return best;
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");

type Column = { kind: "field"; field: Field } | { kind: "attribute"; key: string } | { kind: "unnamed" };

function readHeader(cells: string[], row: number): { columns: Column[]; errors: CsvError[] } {
  const errors: CsvError[] = [];
  const columns: Column[] = [];
  const seen = new Map<string, string>();
  cells.forEach((cell, index) => {
    const heading = cell.trim();
    const key = toAttributeKey(heading);
    if (!key) {
      if (heading) errors.push({ row, message: `row ${row}: the heading "${heading}" in column ${columnLetter(index)} needs a letter or a digit` });
      columns.push({ kind: "unnamed" });
      return;
    }
    const field = COLUMN_FIELDS.get(key);
    const name = field ? FIELD_COLUMNS[field][0] : key;
    const earlier = seen.get(name);
    if (earlier !== undefined) errors.push({ row, message: `row ${row}: the header has two "${name}" columns ("${earlier}" and "${heading}"); keep one` });
    seen.set(name, heading);
    columns.push(field ? { kind: "field", field } : { kind: "attribute", key });
  });
  for (const { field, column } of REQUIRED) {
    if (!columns.some((c) => c.kind === "field" && c.field === field)) errors.push({ row, message: `row ${row}: the header has no "${column}" column` });
  }
  return { columns, errors };
}

/** Undoes targetsToCsv's guard against formulas; a leading ' is what a spreadsheet user means by "this is text". */
function unescapeText(cell: string): string {
  const value = cell.trim();
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : cell;
}

function readRecord(cells: string[], columns: Column[], row: number): { draft: TargetDraft; errors: CsvError[] } {
  const values: Partial<Record<Field, string>> = {};
  const attributes: Record<string, string> = {};
  const errors: CsvError[] = [];
  cells.forEach((cell, index) => {
    const column = columns[index] ?? { kind: "unnamed" };
    if (column.kind === "field") values[column.field] = column.field === "name" || column.field === "title" ? unescapeText(cell) : cell;
    else if (column.kind === "attribute") attributes[column.key] = unescapeText(cell);
    // A value under no heading would be silently lost; a blank one is just spreadsheet padding.
    else if (cell.trim() !== "") errors.push({ row, message: `row ${row}: column ${columnLetter(index)} has a value but no heading` });
  });
  const { id, name, title, phone, extension, country, callerId } = values;
  const draft: TargetDraft = {
    ...(id?.trim() ? { id } : {}),
    name: name ?? "",
    title,
    phone: phone ?? "",
    extension,
    country: country ?? "",
    callerId,
    attributes,
  };
  return { draft, errors };
}

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: "a quoted value has no closing quote",
  InvalidQuotes: "a quoted value has something after its closing quote",
};

/**
 * Reads a CSV of targets. All or nothing: if any row is wrong the answer is
 * every error and no targets, so a half-imported list never replaces a whole one.
 * The drafts come back normalised (E.164 phones, attribute keys in snake_case),
 * ready for assignIds; they are TargetDrafts too, so they can go back into an editor.
 */
export function parseTargetsCsv(text: string): { ok: true; drafts: NormalisedDraft[] } | { ok: false; errors: CsvError[] } {
  const body = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(body, { delimiter: guessDelimiter(body), skipEmptyLines: false });
  const errors: CsvError[] = [];
  const quoteRows = new Set<number>();
  for (const error of parsed.errors) {
    const problem = QUOTE_PROBLEMS[error.code];
    const row = (error.row ?? 0) + 1;
    if (!problem || quoteRows.has(row)) continue;
    quoteRows.add(row);
    errors.push({ row, message: `row ${row}: ${problem}` });
  }

  const headerIndex = parsed.data.findIndex((cells) => !isBlank(cells));
  if (headerIndex === -1) return { ok: false, errors: [{ row: 1, message: "row 1: the file is empty; it needs a header row with name, phone and country" }] };
  const header = readHeader(parsed.data[headerIndex]!, headerIndex + 1);
  if (header.errors.length) return { ok: false, errors: [...errors, ...header.errors].sort((a, b) => a.row - b.row) };

  const drafts: TargetDraft[] = [];
  const rows: number[] = [];
  parsed.data.forEach((cells, index) => {
    // A row with a broken quote has swallowed what follows it; its other errors would only mislead.
    if (index <= headerIndex || isBlank(cells) || quoteRows.has(index + 1)) return;
    const record = readRecord(cells, header.columns, index + 1);
    errors.push(...record.errors);
    drafts.push(record.draft);
    rows.push(index + 1);
  });

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

/** Keeps a spreadsheet from running a name like "=HYPERLINK(…)"; parseTargetsCsv takes the ' off again. */
const escapeText = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/**
 * Writes targets as CSV: id, name, title, phone, extension, country, caller_id,
 * then one column per attribute, sorted.
 *
 * It starts with a UTF-8 byte order mark and uses CRLF. Without the mark,
 * Excel on Windows (where most campaign staff will open it) reads the file as
 * Windows-1252 and "Zoë" comes out as "ZoÃ«"; Sheets, Numbers and
 * parseTargetsCsv all ignore it. Send it as is: don't add a second one.
 *
 * Phone numbers are written in E.164. Excel shows "+442079460018" as a number,
 * and if saved back untouched may write it in scientific notation; people who
 * edit in Excel should import the file with the phone columns typed as text.
 */
export function targetsToCsv(targets: Target[]): string {
  const attributes = attributeNames(targets);
  const fields = ["id", "name", "title", "phone", "extension", "country", "caller_id", ...attributes];
  const data = targets.map((target) => [
    target.id,
    escapeText(target.name),
    escapeText(target.title),
    target.phone,
    target.extension,
    target.country,
    target.callerId,
    ...attributes.map((key) => escapeText(target.attributes[key] ?? "")),
  ]);
  // Header and rows as one table: given no rows, unparse({ fields, data }) adds a line break of its own.
  return `\uFEFF${Papa.unparse([fields, ...data], { newline: "\r\n" })}\r\n`;
}
