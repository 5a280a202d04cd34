"use client";

const textarea = "w-full rounded-md border border-slate-300 p-2 font-mono text-xs";

/** The two ways a partner puts the call tool on their site: the script, which fits the frame to its content, or a plain fixed-height iframe. */
export function EmbedSnippets({ iframe, script }: { iframe: string; script: string }) {
  return (
    <>
      <p className="mb-2 text-sm text-slate-600">Paste this where the call tool should appear. It shows the published call tool alone, and its height follows the content.</p>
      <textarea readOnly value={script} rows={3} aria-label="Script embed code" className={textarea} onFocus={(event) => event.target.select()} />
      <p className="mb-2 mt-4 text-sm text-slate-600">Or, where scripts can’t be pasted, this frame of fixed height:</p>
      <textarea readOnly value={iframe} rows={3} aria-label="Embed code" className={textarea} onFocus={(event) => event.target.select()} />
    </>
  );
}
