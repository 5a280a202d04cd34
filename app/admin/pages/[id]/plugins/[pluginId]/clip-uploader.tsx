"use client";
import { useRef, useState } from "react";
import { restoreClipAction, setClipAction } from "./actions";
import { ClipRecorder } from "./clip-recorder";
import { ClipVersions, type ClipVersionInfo } from "./clip-versions";

export type ClipInfo = { id: string; fileName: string; url: string; durationSeconds: number | null };

type Props = {
  pluginId: string;
  slot: "message" | "menu";
  label: string;
  hint: string;
  clip: ClipInfo | null;
  versions: ClipVersionInfo[];
  version: number;
  onSaved: (version: number) => void;
};

const duration = (seconds: number | null) => (seconds === null ? "" : `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, "0")}`);

/** Uploads with XMLHttpRequest, the one browser API that reports upload progress, then attaches the clip. */
function upload(file: File, onProgress: (fraction: number) => void): Promise<{ clip?: ClipInfo; error?: string }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/clips");
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(request.responseText);
        } catch {
          return {};
        }
      })();
      resolve(request.status === 201 ? { clip: body.clip } : { error: body.errors?.file ?? "The upload failed. Try again." });
    };
    request.onerror = () => resolve({ error: "The upload was interrupted. Check your connection and try again." });
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  });
}

export function ClipUploader({ pluginId, slot, label, hint, clip: initial, versions: initialVersions, version, onSaved }: Props) {
  const [clip, setClip] = useState(initial);
  const [versions, setVersions] = useState(initialVersions);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = `${slot}-clip`;

  const slotForm = (clipId: string) => {
    const form = new FormData();
    form.append("pluginId", pluginId);
    form.append("version", String(version));
    form.append("slot", slot);
    form.append("clipId", clipId);
    return form;
  };
  const answer = (result: Awaited<ReturnType<typeof setClipAction>>) => {
    if (result.result?.version) onSaved(Number(result.result.version));
    return result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? null;
  };
  const attach = async (clipId: string) => answer(await setClipAction({}, slotForm(clipId)));

  /** An uploaded file or a recording: the same route, the same checks. Answers whether it was saved. */
  const send = async (file: File | undefined) => {
    if (!file) return false;
    setError(null);
    setProgress(0);
    const uploaded = await upload(file, setProgress);
    setProgress(null);
    if (!uploaded.clip) return setError(uploaded.error ?? "The upload failed."), false;
    const problem = await attach(uploaded.clip.id);
    if (problem) return setError(problem), false;
    const saved = uploaded.clip;
    setClip(saved);
    setVersions((list) => [{ ...saved, number: Math.max(0, ...list.map((entry) => entry.number)) + 1, attachedAt: new Date().toISOString() }, ...list]);
    return true;
  };

  const restore = async (chosen: ClipVersionInfo) => {
    setError(null);
    setBusy(true);
    const problem = answer(await restoreClipAction({}, slotForm(chosen.id)));
    setBusy(false);
    if (problem) return setError(problem);
    setClip(chosen);
  };

  const remove = async () => {
    const problem = await attach("");
    if (problem) return setError(problem);
    setClip(null);
  };

  return (
    <div className="space-y-3" data-testid={`${slot}-clip`}>
      <div>
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <p className="text-xs text-slate-500">{hint}</p>
      </div>
      {clip && (
        <div className="rounded-lg bg-slate-50 p-3">
          <p className="text-sm">
            <span className="font-medium" data-testid="current-clip">
              {clip.fileName}
            </span> {clip.durationSeconds !== null && <span className="text-slate-600">({duration(clip.durationSeconds)})</span>}
          </p>
          <audio controls preload="metadata" src={clip.url} className="mt-2 w-full" aria-label={`Preview of ${label.toLowerCase()}`} />
          <button type="button" onClick={remove} className="mt-2 text-sm font-semibold text-red-700 hover:underline">
            Remove clip
          </button>
        </div>
      )}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void send(event.dataTransfer.files[0]);
        }}
        className={`rounded-lg border-2 border-dashed p-4 text-center text-sm ${dragging ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}
      >
        <p>
          Drop an MP3 or WAV here, or{" "}
          <button type="button" onClick={() => inputRef.current?.click()} className="font-semibold text-brand-700 underline">
            choose a file
          </button>{" "}
          (at most 10 MB). {clip ? "It replaces the current clip." : ""}
        </p>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept="audio/mpeg,audio/wav,.mp3,.wav"
          className="sr-only"
          onChange={(event) => {
            void send(event.target.files?.[0]);
            event.target.value = "";
          }}
        />
      </div>
      <ClipRecorder label={label} onSave={send} />
      <ClipVersions label={label} versions={versions} currentId={clip?.id ?? null} busy={busy} onRestore={restore} />
      {progress !== null && <progress value={progress} max={1} className="w-full" aria-label={`Uploading ${label.toLowerCase()}`} />}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
