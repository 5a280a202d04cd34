"use client";
import { useState } from "react";
import { phoneApi, type PhoneCall } from "./types";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];
const STATUS_STYLE: Record<string, string> = {
  ringing: "bg-amber-100 text-amber-900",
  "in-progress": "bg-green-100 text-green-900",
  queued: "bg-slate-100 text-slate-700",
};

/** A clip's file name, from its URL, so the log says which clip played. */
function clipName(url: string): string {
  try {
    const last = new URL(url, "http://clip.invalid").pathname.split("/").filter(Boolean).at(-1) ?? url;
    return decodeURIComponent(last);
  } catch {
    return url;
  }
}

export function CallCard({ call, peer }: { call: PhoneCall; peer?: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (action: string, body?: unknown) => {
    const result = await phoneApi(`calls/${call.sid}/${action}`, { method: "POST", body });
    setProblem(result.ok ? null : String(result.data.error ?? "That did not work"));
  };
  const live = call.status === "in-progress";
  const inbound = call.direction === "inbound";
  const leg = call.direction === "outbound-dial" ? "Dialled by a call (target leg)" : inbound ? `Your call in from ${call.from}` : "Call from the app";

  return (
    <article aria-label={inbound ? `Call from ${call.from} to ${call.to}` : `Call to ${call.to}`} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-call-sid={call.sid}>
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-xs uppercase tracking-wide text-slate-500">{leg}</p>
          <h3 className="text-lg font-semibold">{call.to}</h3>
          <p className="text-sm text-slate-600">{inbound ? "the account's number" : `from ${call.from}`}</p>
          {call.answeredBy && <p className="text-sm text-slate-600">Detected as: {call.answeredBy}</p>}
        </div>
        <span className={`rounded-full px-2.5 py-1 text-xs font-semibold ${STATUS_STYLE[call.status] ?? "bg-slate-200 text-slate-700"}`} data-testid="call-status">
          {call.status}
        </span>
      </header>

      {call.activity && <p className="mt-2 text-sm font-medium text-slate-800" aria-live="polite">{call.activity}</p>}
      {call.bridgedWith && <p className="mt-1 text-sm text-green-800">Talking with {peer ?? "the other line"}</p>}
      {call.duration !== null && !live && call.status === "completed" && <p className="mt-1 text-sm text-slate-600">Lasted {call.duration} s</p>}

      <div className="mt-3 flex flex-wrap gap-2">
        {call.status === "ringing" && !inbound && (
          <>
            <button type="button" onClick={() => act("answer")} className="rounded-md bg-green-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-green-700">
              Answer
            </button>
            <button type="button" onClick={() => act("decline")} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-700">
              Decline
            </button>
          </>
        )}
        {live && (
          <button type="button" onClick={() => act("hangup")} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-700">
            Hang up
          </button>
        )}
      </div>

      {live && (
        <div role="group" aria-label="Keypad" className="mt-3 grid w-48 grid-cols-3 gap-1.5">
          {KEYS.map((key) => (
            <button
              key={key}
              type="button"
              aria-label={`Press ${key}`}
              onClick={() => act("digits", { digits: key })}
              className="rounded-md bg-slate-100 py-2 font-mono text-lg hover:bg-slate-200"
            >
              {key}
            </button>
          ))}
        </div>
      )}
      {problem && <p role="alert" className="mt-2 text-sm text-red-700">{problem}</p>}

      <ol className="mt-4 space-y-1 border-t border-slate-100 pt-3 text-sm" aria-label="What the line heard">
        {call.log.map((entry) => (
          <li key={entry.id} className={entry.kind === "error" ? "text-red-700" : entry.kind === "warning" ? "text-amber-800" : "text-slate-700"}>
            {entry.kind === "say" && (
              <span>
                <span className="font-medium">Said:</span> “{entry.message}”
              </span>
            )}
            {entry.kind === "play" && (
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-medium">Played: {entry.clip ?? clipName(entry.message)}</span>{" "}
                <audio controls preload="none" src={entry.message} className="h-8" aria-label={`Clip ${entry.clip ?? clipName(entry.message)}`} />
              </span>
            )}
            {!["say", "play"].includes(entry.kind) && (
              <span>
                {entry.code ? `Error ${entry.code}: ` : ""}
                {entry.message}
              </span>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}
