"use client";
import type { ClipInfo } from "./clip-uploader";

export type ClipVersionInfo = ClipInfo & { number: number; attachedAt: string };

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Every clip the slot has used, newest first; any but the one in use can be brought back. */
export function ClipVersions({ label, versions, currentId, busy, onRestore }: { label: string; versions: ClipVersionInfo[]; currentId: string | null; busy: boolean; onRestore: (version: ClipVersionInfo) => void }) {
  if (versions.length === 0) return null;
  return (
    <details className="rounded-lg border border-slate-200 p-3" open={versions.length > 1}>
      <summary className="cursor-pointer text-sm font-semibold">Versions ({versions.length})</summary>
      <ol className="mt-2 space-y-3" aria-label={`Versions of ${label.toLowerCase()}`}>
        {versions.map((version) => (
          <li key={version.id} className="text-sm" data-testid="clip-version">
            <p>
              <span className="font-medium">Version {version.number}</span>: {version.fileName} <span className="text-slate-600">({when(version.attachedAt)})</span>
              {version.id === currentId && <span className="ml-2 rounded bg-green-100 px-1.5 py-0.5 text-xs font-semibold text-green-800">in use</span>}
            </p>
            <div className="mt-1 flex items-center gap-3">
              <audio controls preload="none" src={version.url} className="h-8 w-full" aria-label={`Version ${version.number} of ${label.toLowerCase()}`} />
              {version.id !== currentId && (
                <button type="button" disabled={busy} onClick={() => onRestore(version)} className="shrink-0 font-semibold text-brand-700 hover:underline disabled:opacity-60">
                  Go back to version {version.number}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </details>
  );
}
