import { z } from "zod";
import { FINAL_OUTCOMES } from "./words";

/**
 * The call log's URL contract, shared by /admin/calls and
 * /admin/calls/export.csv (see README.md): every filter is a query
 * parameter, and `after` is the keyset cursor of the last row shown.
 * Anything malformed is dropped, never an error: a bad link shows more
 * calls, not a 500.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuid = z.string().regex(UUID).optional().catch(undefined);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
  .optional()
  .catch(undefined);

export const MEMBER_LEG_FILTERS = ["completed", "busy", "no-answer", "failed", "canceled", "not-placed", "unknown"] as const;
export const TARGET_LEG_FILTERS = ["none", "completed", "busy", "no-answer", "failed", "canceled"] as const;
export const OUTCOME_FILTERS = [...FINAL_OUTCOMES, "live"] as const;

export const callLogFiltersSchema = z.object({
  page: uuid,
  tool: uuid,
  target: uuid,
  outcome: z.enum(OUTCOME_FILTERS).optional().catch(undefined),
  member_leg: z.enum(MEMBER_LEG_FILTERS).optional().catch(undefined),
  target_leg: z.enum(TARGET_LEG_FILTERS).optional().catch(undefined),
  /** Days in the campaigner's time zone, both included. */
  from: day,
  to: day,
  /** The last digits of the member's number (3 to 15; spaces and signs ignored). */
  phone: z
    .string()
    .transform((value) => value.replace(/\D/g, ""))
    .pipe(z.string().min(3).max(15))
    .optional()
    .catch(undefined),
  after: z
    .string()
    .regex(/^\d{1,17}_[0-9a-f-]{36}$/)
    .refine((value) => UUID.test(value.split("_")[1]!))
    .optional()
    .catch(undefined),
});
export type CallLogFilters = z.infer<typeof callLogFiltersSchema>;
export const FILTER_NAMES = ["page", "tool", "target", "outcome", "member_leg", "target_leg", "from", "to", "phone"] as const;

/** The filters a request's query string names (the first value of each). */
export function readFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): CallLogFilters {
  const entries = params instanceof URLSearchParams ? [...params.keys()].map((key) => [key, params.get(key)] as const) : Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const);
  return callLogFiltersSchema.parse(Object.fromEntries(entries.filter(([key]) => key in callLogFiltersSchema.shape)));
}

/** The query string of `filters`, with `after` replaced (or dropped): links to the next page and to the export. */
export function filtersQuery(filters: CallLogFilters, after?: string): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (after) params.set("after", after);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A row's place in the keyset: its creation time in microseconds since 1970, and its id. */
export const cursorOf = (row: { micros: string; id: string }) => `${row.micros}_${row.id}`;
export function readCursor(after: string): { micros: string; id: string } {
  const [micros, id] = after.split("_");
  return { micros: micros!, id: id! };
}
