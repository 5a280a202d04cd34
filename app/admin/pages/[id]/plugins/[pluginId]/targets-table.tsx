"use client";
import { useMemo, useState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { PINNED, PINNED_LABELS, type Target } from "@/lib/calltool/targets";
import { saveTargetsAction } from "./actions";

type Row = Omit<Target, "id"> & { id?: string; key: string };
const FIELDS = [
  ["name", "Name"],
  ["title", "Title"],
  ["phone", "Phone"],
  ["extension", "Ext."],
  ["country", "Country"],
  ["callerId", "Caller ID"],
  ["pinned", "Pinned"],
] as const;
type Field = (typeof FIELDS)[number][0];

let nextKey = 0;
const toRow = (target: Partial<Target>): Row => ({
  key: `row-${nextKey++}`,
  id: target.id,
  name: target.name ?? "",
  title: target.title ?? "",
  phone: target.phone ?? "",
  extension: target.extension ?? "",
  country: target.country ?? "",
  callerId: target.callerId ?? "",
  pinned: target.pinned ?? "",
  attributes: { ...(target.attributes ?? {}) },
});

/** What the server takes: the row without its React key, and without empty attributes. */
function toDraft(row: Row) {
  const draft: Partial<Row> = { ...row, attributes: Object.fromEntries(Object.entries(row.attributes).filter(([, value]) => value.trim())) };
  delete draft.key;
  return draft;
}

type Props = { pluginId: string; version: number; targets: Target[]; onSaved: (version: number, targets: Target[]) => void };

/**
 * The targets as an editable table. Sorting and search change only what is
 * shown; the saved order is the rows' own order, which members see.
 */
export function TargetsTable({ pluginId, version, targets, onSaved }: Props) {
  const [rows, setRows] = useState(() => targets.map(toRow));
  const [added, setAdded] = useState<string[]>([]);
  const [newColumn, setNewColumn] = useState("");
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<{ column: string; ascending: boolean } | null>(null);
  const [outcome, setOutcome] = useState<{ error?: string; message?: string; fieldErrors?: Record<string, string> }>({});
  const [saving, setSaving] = useState(false);

  const attributeColumns = useMemo(() => [...new Set([...rows.flatMap((row) => Object.keys(row.attributes)), ...added])].sort(), [rows, added]);
  const cell = (row: Row, column: string) => (column.startsWith("attributes.") ? (row.attributes[column.slice(11)] ?? "") : row[column as Field]);
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const indexed = rows.map((row, index) => ({ row, index }));
    const matching = needle ? indexed.filter(({ row }) => [...FIELDS.map(([f]) => row[f]), ...Object.values(row.attributes)].some((v) => v.toLowerCase().includes(needle))) : indexed;
    if (!sort) return matching;
    return [...matching].sort((a, b) => cell(a.row, sort.column).localeCompare(cell(b.row, sort.column), undefined, { numeric: true }) * (sort.ascending ? 1 : -1));
  }, [rows, query, sort]);

  const update = (index: number, column: string, value: string) =>
    setRows((current) =>
      current.map((row, i) => {
        if (i !== index) return row;
        if (!column.startsWith("attributes.")) return { ...row, [column]: value };
        return { ...row, attributes: { ...row.attributes, [column.slice(11)]: value } };
      }),
    );

  const save = async () => {
    setSaving(true);
    const form = new FormData();
    form.append("pluginId", pluginId);
    form.append("version", String(version));
    form.append("targets", JSON.stringify(rows.map(toDraft)));
    const result = await saveTargetsAction({}, form);
    setSaving(false);
    setOutcome({ error: result.formError, message: result.message, fieldErrors: result.fieldErrors });
    if (result.ok && Array.isArray(result.data)) {
      setRows((result.data as Target[]).map(toRow));
      setAdded([]);
      onSaved(Number(result.result?.version), result.data as Target[]);
    }
  };

  const header = (column: string, label: string) => {
    const active = sort?.column === column;
    return (
      <th key={column} scope="col" aria-sort={active ? (sort.ascending ? "ascending" : "descending") : "none"} className="px-2 py-2 font-medium">
        <button type="button" onClick={() => setSort({ column, ascending: active ? !sort.ascending : true })} className="hover:underline">
          {label}
          {active ? (sort.ascending ? " ▲" : " ▼") : ""}
        </button>
      </th>
    );
  };

  return (
    <div className="space-y-3">
      <FormMessage error={outcome.error} message={outcome.message} />
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          Search targets
          <input value={query} onChange={(event) => setQuery(event.target.value)} className="ml-2 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </label>
        <button type="button" onClick={() => setRows((current) => [...current, toRow({ country: current[0]?.country ?? "" })])} className="rounded-md px-3 py-1.5 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50">
          Add target
        </button>
        <label className="text-sm">
          New attribute column
          <input value={newColumn} onChange={(event) => setNewColumn(event.target.value)} placeholder="e.g. state" className="ml-2 w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </label>
        <button
          type="button"
          onClick={() => {
            const name = newColumn.trim().toLowerCase().replace(/\s+/g, "_");
            if (name) setAdded((current) => [...new Set([...current, name])]);
            setNewColumn("");
          }}
          className="rounded-md px-3 py-1.5 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
        >
          Add column
        </button>
      </div>
      <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              {FIELDS.map(([field, label]) => header(field, label))}
              {attributeColumns.map((name) => header(`attributes.${name}`, name))}
              <th scope="col" className="px-2 py-2"><span className="sr-only">Remove</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map(({ row, index }) => (
              <tr key={row.key} data-testid="target-row">
                {[...FIELDS.map(([field, label]) => [field, label] as const), ...attributeColumns.map((name) => [`attributes.${name}`, name] as const)].map(([column, label]) => {
                  const error = outcome.fieldErrors?.[`targets.${index}.${column}`];
                  return (
                    <td key={column} className="px-2 py-1.5 align-top">
                      {column === "pinned" ? (
                        // Pinned targets are called in every call, around the member's own choice.
                        <select
                          value={cell(row, column)}
                          onChange={(event) => update(index, column, event.target.value)}
                          aria-label={`${label} of target ${index + 1}`}
                          aria-invalid={error ? true : undefined}
                          className={`rounded border px-1 py-1 ${error ? "border-red-500" : "border-slate-300"}`}
                        >
                          {PINNED.map((value) => (
                            <option key={value} value={value}>
                              {PINNED_LABELS[value] || "No"}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <input
                          value={cell(row, column)}
                          onChange={(event) => update(index, column, event.target.value)}
                          aria-label={`${label} of target ${index + 1}`}
                          aria-invalid={error ? true : undefined}
                          className={`w-full min-w-20 rounded border px-2 py-1 ${error ? "border-red-500" : "border-slate-300"}`}
                        />
                      )}
                      {error && <p className="mt-0.5 text-xs text-red-700">{error}</p>}
                    </td>
                  );
                })}
                <td className="px-2 py-1.5 align-top">
                  <button type="button" onClick={() => setRows((current) => current.filter((_, i) => i !== index))} className="text-sm text-red-700 hover:underline" aria-label={`Remove target ${index + 1}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-4 text-sm text-slate-600">No targets yet. Add them one by one, or import a CSV file.</p>}
      </div>
      <button type="button" onClick={save} disabled={saving} className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {saving ? "Saving…" : "Save targets"}
      </button>
    </div>
  );
}
