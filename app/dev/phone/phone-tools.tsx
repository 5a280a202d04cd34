"use client";
import { useState } from "react";
import { AccountPanel } from "./account-panel";
import { BehaviourForm, ScriptedNumbers } from "./scripted-numbers";
import { Field, Form } from "./form";
import { DEFAULT_MEMBER, DEFAULT_TARGET, phoneApi, problemOf, type Message } from "./types";


/** The side panel: a test call, how numbers behave, and the account's numbers. */
export function PhoneTools() {
  // Bumped after a change, so the lists below read the server again.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((current) => current + 1);
  return (
    <aside className="space-y-6">
      <TestCallForm />
      <BehaviourForm onSaved={changed} />
      <ScriptedNumbers version={version} onChange={changed} />
      <AccountPanel version={version} onChange={changed} />
    </aside>
  );
}

/** Places a test call through the app's Twilio seam. */
function TestCallForm() {
  const [to, setTo] = useState(DEFAULT_MEMBER);
  const [connect, setConnect] = useState(DEFAULT_TARGET);
  const [message, setMessage] = useState<Message>({});
  const submit = async () => {
    const result = await phoneApi("test-call", { method: "POST", body: { to, connect } });
    setMessage(result.ok ? { ok: `Calling ${to}…` } : { error: problemOf(result.data, "The call could not be placed") });
  };
  return (
    <Form title="Place a test call" submit={submit} button="Place test call" message={message} primary>
      <Field label="Call this number" value={to} onChange={setTo} name="to" />
      <Field label="Pressing 1 connects to" value={connect} onChange={setConnect} name="connect" />
    </Form>
  );
}
