"use client";
import { useEffect, useRef, useState } from "react";
import { CallCard } from "./call-card";
import { phoneApi, type PhoneCall } from "./types";

const POLL_MS = 700;

/** Every simulated call, live. Plays <Play> audio of answered calls when sound is on. */
export function VirtualPhone() {
  const [calls, setCalls] = useState<PhoneCall[]>([]);
  const [sound, setSound] = useState(false);
  const played = useRef(new Set<number>());

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      const result = await phoneApi("calls").catch(() => null);
      if (!stopped && result?.ok) setCalls(result.data.calls as PhoneCall[]);
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    let timer = setTimeout(poll, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    for (const call of calls) {
      for (const entry of call.log) {
        if (entry.kind !== "play" || played.current.has(entry.id)) continue;
        played.current.add(entry.id);
        if (sound && call.status === "in-progress") void new Audio(entry.message).play().catch(() => undefined);
      }
    }
  }, [calls, sound]);

  const active = calls.filter((call) => ["queued", "ringing", "in-progress"].includes(call.status));
  const ended = calls.filter((call) => !active.includes(call));
  // Each simulated line is the phone at its `to` number, so the other party is the bridged call's `to`.
  const peerOf = (call: PhoneCall) => calls.find((candidate) => candidate.sid === call.bridgedWith)?.to;
  const errors = calls.flatMap((call) => call.log.filter((entry) => entry.kind === "error").map((entry) => ({ ...entry, sid: call.sid })));

  return (
    <div className="space-y-8">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={sound} onChange={(event) => setSound(event.target.checked)} />
        Play audio clips as calls hear them
      </label>
      <section aria-labelledby="active-calls">
        <h2 id="active-calls" className="mb-3 text-lg font-semibold">
          Ringing and live ({active.length})
        </h2>
        {active.length === 0 && <p className="text-sm text-slate-600">No call right now. Place a test call, or call from a campaign page.</p>}
        <div className="grid gap-4 lg:grid-cols-2">{active.map((call) => <CallCard key={call.sid} call={call} peer={peerOf(call)} />)}</div>
      </section>
      {errors.length > 0 && (
        <section aria-labelledby="debugger" className="rounded-xl bg-red-50 p-4 ring-1 ring-red-200">
          <h2 id="debugger" className="font-semibold text-red-900">Debugger</h2>
          <ul className="mt-2 space-y-1 text-sm text-red-800">
            {errors.map((error) => (
              <li key={error.id}>
                {error.code ? `${error.code}: ` : ""}
                {error.message} <span className="text-red-600">({error.sid})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="ended-calls">
        <h2 id="ended-calls" className="mb-3 text-lg font-semibold">Ended</h2>
        <div className="grid gap-4 lg:grid-cols-2">{ended.map((call) => <CallCard key={call.sid} call={call} />)}</div>
      </section>
    </div>
  );
}
