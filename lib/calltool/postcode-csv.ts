import { readHeader, readRecord, readSheet, type CsvError, type HeaderSpec } from "../csv/sheet";
import { keypadForm, normalisePrefix } from "./postcode";
import { toAttributeKey } from "./targets";

/**
 * A postcode lookup table from CSV: a `postcode` column (a whole postcode or
 * a prefix) and one column per target attribute it stands for, e.g.
 *
 *   postcode,constituency
 *   SW1A,Cities of London and Westminster
 *
 * All or nothing: any bad row and the answer is every error, each with its
 * spreadsheet row number, and no table.
 */
export type PostcodeRow = { prefix: string; keypad: string; attributes: Record<string, string> };

/** Enough for every UK postcode sector (about 12,000) many times over; whole-postcode tables belong in a real service. */
export const MAX_POSTCODE_ROWS = 50_000;

const HEADER: HeaderSpec<"postcode"> = { fields: { postcode: ["postcode", "postal_code", "post_code", "zip", "zip_code", "prefix"] }, required: ["postcode"], toKey: toAttributeKey };

export function parsePostcodeCsv(text: string, country: string): { ok: true; rows: PostcodeRow[]; attributes: string[] } | { ok: false; errors: CsvError[] } {
  const sheet = readSheet(text);
  const errors = [...sheet.errors];
  if (!sheet.header) return { ok: false, errors: [{ row: 1, message: "row 1: the file is empty; it needs a header row with postcode and an attribute column such as constituency" }] };
  const header = readHeader(sheet.header, HEADER);
  errors.push(...header.errors);
  const attributes = header.columns.flatMap((column) => (column.kind === "extra" ? [column.key] : []));
  if (header.errors.length === 0 && attributes.length === 0) {
    errors.push({ row: sheet.header.row, message: `row ${sheet.header.row}: add at least one column naming a target attribute, such as constituency` });
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  if (sheet.records.length > MAX_POSTCODE_ROWS) return { ok: false, errors: [{ row: 1, message: `the file has ${sheet.records.length} rows; a postcode table has at most ${MAX_POSTCODE_ROWS}` }] };

  const rows: PostcodeRow[] = [];
  const firstRow = new Map<string, number>();
  for (const record of sheet.records) {
    const read = readRecord(record, header.columns, []);
    errors.push(...read.errors);
    const normalised = normalisePrefix(country, read.values.postcode ?? "");
    if (!normalised.ok) {
      errors.push({ row: record.row, message: `row ${record.row}: ${normalised.message}` });
      continue;
    }
    const values = Object.fromEntries(Object.entries(read.extra).map(([key, value]) => [key, value.trim()]).filter(([, value]) => value !== ""));
    if (Object.keys(values).length === 0) {
      errors.push({ row: record.row, message: `row ${record.row}: ${normalised.prefix} has no ${attributes.join(" or ")}` });
      continue;
    }
    const earlier = firstRow.get(normalised.prefix);
    if (earlier !== undefined) {
      errors.push({ row: record.row, message: `row ${record.row}: ${normalised.prefix} is already on row ${earlier}` });
      continue;
    }
    firstRow.set(normalised.prefix, record.row);
    rows.push({ prefix: normalised.prefix, keypad: keypadForm(normalised.prefix), attributes: values });
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  if (rows.length === 0) return { ok: false, errors: [{ row: 2, message: "row 2: the file has no postcodes under its header" }] };
  return { ok: true, rows, attributes };
}
