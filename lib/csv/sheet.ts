import Papa from "papaparse";

/**
 * Spreadsheet-shaped CSV, shared by every import and export (call tool
 * targets, phone bank leads): papaparse reads and writes; this file adds what
 * people who keep their lists in Excel or Sheets need.
 *
 * Row numbers are the spreadsheet's: the header is row 1 and every record
 * after it is one row, blank ones included. They count records, not lines, so
 * a value with a line break in it (an address) doesn't shift the rows after
 * it; that is what the person sees when they go looking for "row 7".
 */

export type CsvError = { row: number; message: string };

/** Values a spreadsheet would run as a formula. */
const FORMULA_START = /^'*[=+\-@]/;

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
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

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: "a quoted value has no closing quote",
  InvalidQuotes: "a quoted value has something after its closing quote",
};

export type SheetRow = { row: number; cells: string[] };

/**
 * Reads a CSV: byte order mark dropped, delimiter guessed, broken quotes
 * reported once per row. Answers the header (the first non-blank row) and the
 * non-blank records after it; a record with a broken quote has swallowed
 * what follows it, so it is left out rather than reported twice.
 */
export function readSheet(text: string): { header: SheetRow | null; records: SheetRow[]; errors: CsvError[] } {
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
  if (headerIndex === -1) return { header: null, records: [], errors };
  const records = parsed.data
    .map((cells, index) => ({ row: index + 1, cells }))
    .filter(({ row, cells }) => row > headerIndex + 1 && !isBlank(cells) && !quoteRows.has(row));
  return { header: { row: headerIndex + 1, cells: parsed.data[headerIndex]! }, records, errors };
}

export type Column<Field extends string> = { kind: "field"; field: Field } | { kind: "extra"; key: string } | { kind: "unnamed" };

export type HeaderSpec<Field extends string> = {
  /** Every accepted heading (as a key) for each field; the first is the canonical one. */
  fields: Record<Field, readonly string[]>;
  required: readonly Field[];
  /** Turns a heading into a key: "Postal Code" → "postal_code". */
  toKey: (heading: string) => string;
};

/** Maps each heading to a field or an extra column; a missing required column or a repeated one is an error. */
export function readHeader<Field extends string>(header: SheetRow, spec: HeaderSpec<Field>): { columns: Column<Field>[]; errors: CsvError[] } {
  const { row, cells } = header;
  const byKey = new Map<string, Field>(Object.entries<readonly string[]>(spec.fields).flatMap(([field, names]) => names.map((name) => [name, field as Field] as const)));
  const errors: CsvError[] = [];
  const columns: Column<Field>[] = [];
  const seen = new Map<string, string>();
  cells.forEach((cell, index) => {
    const heading = cell.trim();
    const key = spec.toKey(heading);
    if (!key) {
      if (heading) errors.push({ row, message: `row ${row}: the heading "${heading}" in column ${columnLetter(index)} needs a letter or a digit` });
      columns.push({ kind: "unnamed" });
      return;
    }
    const field = byKey.get(key);
    const name = field ? spec.fields[field][0]! : key;
    const earlier = seen.get(name);
    if (earlier !== undefined) errors.push({ row, message: `row ${row}: the header has two "${name}" columns ("${earlier}" and "${heading}"); keep one` });
    seen.set(name, heading);
    columns.push(field ? { kind: "field", field } : { kind: "extra", key });
  });
  for (const field of spec.required) {
    if (!columns.some((c) => c.kind === "field" && c.field === field)) errors.push({ row, message: `row ${row}: the header has no "${spec.fields[field][0]}" column` });
  }
  return { columns, errors };
}

/** Undoes escapeText; a leading ' is what a spreadsheet user means by "this is text". */
export function unescapeText(cell: string): string {
  const value = cell.trim();
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : cell;
}

/** Keeps a spreadsheet from running a name like "=HYPERLINK(…)"; unescapeText takes the ' off again. */
export const escapeText = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/**
 * Reads one record by its header. Fields named in `textFields` and every
 * extra column are unescaped (they are free text a person typed); a value
 * under no heading is an error, since it would be silently lost.
 */
export function readRecord<Field extends string>(
  record: SheetRow,
  columns: Column<Field>[],
  textFields: readonly Field[],
): { values: Partial<Record<Field, string>>; extra: Record<string, string>; errors: CsvError[] } {
  const values: Partial<Record<Field, string>> = {};
  const extra: Record<string, string> = {};
  const errors: CsvError[] = [];
  record.cells.forEach((cell, index) => {
    const column = columns[index] ?? { kind: "unnamed" };
    if (column.kind === "field") values[column.field] = textFields.includes(column.field) ? unescapeText(cell) : cell;
    else if (column.kind === "extra") extra[column.key] = unescapeText(cell);
    // A blank cell under no heading is just spreadsheet padding.
    else if (cell.trim() !== "") errors.push({ row: record.row, message: `row ${record.row}: column ${columnLetter(index)} has a value but no heading` });
  });
  return { values, extra, errors };
}

/**
 * Writes a table as CSV with a UTF-8 byte order mark and CRLF. Without the
 * mark, Excel on Windows (where most campaign staff will open it) reads the
 * file as Windows-1252 and "Zoë" comes out as "ZoÃ«"; Sheets, Numbers and
 * readSheet all ignore it. Send it as is: don't add a second one.
 */
export function writeSheet(header: string[], rows: string[][]): string {
  // Header and rows as one table: given no rows, unparse({ fields, data }) adds a line break of its own.
  return `\uFEFF${Papa.unparse([header, ...rows], { newline: "\r\n" })}\r\n`;
}
