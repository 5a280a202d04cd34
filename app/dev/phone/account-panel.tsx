"use client";
import { useEffect, useState } from "react";
import { Field, Form, inputClass } from "./form";
import { DEFAULT_MEMBER, phoneApi, problemOf, type Message } from "./types";

type Account = { numbers: { sid: string; number: string; name: string; voiceUrl: string | null }[]; callerIds: { sid: string; number: string; name: string }[] };

/** The simulated account: its numbers (to call in to), its verified caller IDs, and ways to add to both. */
export function AccountPanel({ version, onChange }: { version: number; onChange: () => void }) {
  const [account, setAccount] = useState<Account>({ numbers: [], callerIds: [] });
  useEffect(() => {
    let current = true;
    void phoneApi("account").then((result) => {
      if (current && result.ok) setAccount(result.data as Account);
    });
    return () => {
      current = false;
    };
  }, [version]);
  return (
    <>
      <section aria-labelledby="account-numbers" className="space-y-2 rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
        <h2 id="account-numbers" className="font-semibold">The account&apos;s numbers</h2>
        <ul className="space-y-1">
          {account.numbers.map((number) => (
            <li key={number.sid}>
              {number.number} <span className="text-slate-600">({number.name}) {number.voiceUrl ? `answers with ${number.voiceUrl}` : "has no Voice URL yet"}</span>
            </li>
          ))}
        </ul>
        <h3 className="pt-2 font-semibold">Verified caller IDs</h3>
        {account.callerIds.length === 0 && <p className="text-slate-600">None yet.</p>}
        <ul className="space-y-1">
          {account.callerIds.map((callerId) => (
            <li key={callerId.sid}>{callerId.number}</li>
          ))}
        </ul>
      </section>
      <CallInForm numbers={account.numbers.map((number) => number.number)} />
      <VerifyCallerIdForm onVerified={onChange} />
    </>
  );
}

/** Calls in from a phone: to one of the account's numbers, or straight to a URL of the app. */
function CallInForm({ numbers }: { numbers: string[] }) {
  const [from, setFrom] = useState(DEFAULT_MEMBER);
  const [to, setTo] = useState("");
  const [url, setUrl] = useState("");
  const [message, setMessage] = useState<Message>({});
  const target = to || numbers[0] || "";
  const submit = async () => {
    const result = await phoneApi("inbound", { method: "POST", body: url.trim() ? { from, url: url.trim() } : { from, to: target } });
    setMessage(result.ok ? { ok: `Calling ${String(result.data.to)} from ${from}…` } : { error: problemOf(result.data, "The call could not be placed") });
  };
  return (
    <Form title="Call in" submit={submit} button="Call" message={message}>
      <Field label="From this phone" value={from} onChange={setFrom} />
      <label className="block text-sm">
        To the account&apos;s number
        <select className={inputClass} value={target} onChange={(event) => setTo(event.target.value)}>
          {numbers.map((number) => (
            <option key={number} value={number}>
              {number}
            </option>
          ))}
        </select>
      </label>
      <Field label="Or to this URL of the app" value={url} onChange={setUrl} placeholder="http://localhost:3000/twilio/…" />
    </Form>
  );
}

/** Verifies a number as a caller ID, as Twilio's verification call would once its code is entered. */
function VerifyCallerIdForm({ onVerified }: { onVerified: () => void }) {
  const [number, setNumber] = useState("");
  const [message, setMessage] = useState<Message>({});
  const submit = async () => {
    const result = await phoneApi("caller-ids", { method: "POST", body: { number } });
    setMessage(result.ok ? { ok: `${String(result.data.number)} is now a verified caller ID.` } : { error: problemOf(result.data, "That number could not be verified") });
    if (result.ok) onVerified();
  };
  return (
    <Form title="Verify a caller ID" submit={submit} button="Verify" message={message}>
      <Field label="Number to verify" value={number} onChange={setNumber} placeholder="+442079460777" />
    </Form>
  );
}
