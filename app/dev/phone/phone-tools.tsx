"use client";
import { useState } from "react";
import { phoneApi } from "./types";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

/** Places a test call through the app's Twilio seam. */
export function TestCallForm() {
  const [to, setTo] = useState("+447700900123");
  const [connect, setConnect] = useState("+447700900456");
  const [message, setMessage] = useState<{ error?: string; ok?: string }>({});
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await phoneApi("test-call", { method: "POST", body: { to, connect } });
    const errors = result.data.errors as Record<string, string> | undefined;
    setMessage(result.ok ? { ok: `Calling ${to}…` } : { error: Object.entries(errors ?? {}).map(([field, text]) => `${field}: ${text}`).join("; ") || "The call could not be placed" });
  };
  return (
    <form onSubmit={submit} className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 className="font-semibold">Place a test call</h2>
      <label className="block text-sm">
        Call this number
        <input className={input} value={to} onChange={(event) => setTo(event.target.value)} name="to" />
      </label>
      <label className="block text-sm">
        Pressing 1 connects to
        <input className={input} value={connect} onChange={(event) => setConnect(event.target.value)} name="connect" />
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700">
        Place test call
      </button>
      {message.ok && <p role="status" className="text-sm text-green-800">{message.ok}</p>}
      {message.error && <p role="alert" className="text-sm text-red-700">{message.error}</p>}
    </form>
  );
}

/** Sets how a number behaves when it rings, instead of answering by hand. */
export function BehaviourForm() {
  const [number, setNumber] = useState("+447700900123");
  const [answer, setAnswer] = useState("manual");
  const [answerAfter, setAnswerAfter] = useState("2");
  const [digits, setDigits] = useState("");
  const [message, setMessage] = useState<{ error?: string; ok?: string }>({});
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const behavior = { answer, answerAfter: Number(answerAfter), digits: digits ? [{ after: 2, digits }] : [] };
    const result = await phoneApi(`numbers/${encodeURIComponent(number)}`, { method: "PUT", body: behavior });
    setMessage(result.ok ? { ok: `Saved: ${number} will ${answer === "manual" ? "wait for you" : answer}.` } : { error: String(result.data.error) });
  };
  return (
    <form onSubmit={submit} className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 className="font-semibold">How a number behaves</h2>
      <label className="block text-sm">
        Number
        <input className={input} value={number} onChange={(event) => setNumber(event.target.value)} />
      </label>
      <label className="block text-sm">
        When it rings
        <select className={input} value={answer} onChange={(event) => setAnswer(event.target.value)}>
          <option value="manual">Wait for me to answer</option>
          <option value="answer">Answer by itself</option>
          <option value="busy">Be busy</option>
          <option value="no-answer">Never answer</option>
          <option value="fail">Fail</option>
          <option value="refuse">Be refused by Twilio (21211)</option>
        </select>
      </label>
      {answer === "answer" && (
        <>
          <label className="block text-sm">
            Answer after (seconds)
            <input className={input} type="number" min="0" value={answerAfter} onChange={(event) => setAnswerAfter(event.target.value)} />
          </label>
          <label className="block text-sm">
            Then press (2 s after answering)
            <input className={input} value={digits} onChange={(event) => setDigits(event.target.value)} placeholder="e.g. 1" />
          </label>
        </>
      )}
      <button type="submit" className="rounded-md bg-white px-3 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50">
        Save behaviour
      </button>
      {message.ok && <p role="status" className="text-sm text-green-800">{message.ok}</p>}
      {message.error && <p role="alert" className="text-sm text-red-700">{message.error}</p>}
    </form>
  );
}
