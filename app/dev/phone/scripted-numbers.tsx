"use client";
import { useEffect, useState } from "react";
import { Field, Form, inputClass } from "./form";
import { DEFAULT_MEMBER, phoneApi, problemOf, type Message } from "./types";

type Scripted = { number: string; sentence: string };

/** Sets how a number behaves when it rings, instead of answering by hand. */
export function BehaviourForm({ onSaved }: { onSaved: () => void }) {
  const [number, setNumber] = useState(DEFAULT_MEMBER);
  const [answer, setAnswer] = useState("manual");
  const [answerAfter, setAnswerAfter] = useState("2");
  const [digits, setDigits] = useState("");
  const [disorder, setDisorder] = useState(false);
  const [message, setMessage] = useState<Message>({});
  const picksUp = ["answer", "voicemail", "fax"].includes(answer);
  const submit = async () => {
    const behavior = { answer, answerAfter: Number(answerAfter), digits: digits && answer === "answer" ? [{ after: 2, digits, onPrompt: true }] : [], disorder };
    const result = await phoneApi(`numbers/${encodeURIComponent(number.trim())}`, { method: "PUT", body: behavior });
    setMessage(result.ok ? { ok: `Saved: ${String(result.data.sentence)}` } : { error: problemOf(result.data, "That behaviour could not be saved") });
    if (result.ok) onSaved();
  };
  return (
    <Form title="How a number behaves" submit={submit} button="Save behaviour" message={message}>
      <Field label="Number" value={number} onChange={setNumber} />
      <label className="block text-sm">
        When it rings
        <select className={inputClass} value={answer} onChange={(event) => setAnswer(event.target.value)}>
          <option value="manual">Wait for me to answer</option>
          <option value="answer">Answer by itself</option>
          <option value="voicemail">Answer as voicemail</option>
          <option value="fax">Answer as a fax machine</option>
          <option value="busy">Be busy</option>
          <option value="no-answer">Never answer</option>
          <option value="fail">Fail before ringing</option>
          <option value="refuse">Be refused by Twilio (21211)</option>
        </select>
      </label>
      {picksUp && <Field label="Answer after (seconds)" type="number" value={answerAfter} onChange={setAnswerAfter} />}
      {answer === "answer" && <Field label="Then press, 2 s into the first prompt" value={digits} onChange={setDigits} placeholder="e.g. 1" />}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={disorder} onChange={(event) => setDisorder(event.target.checked)} />
        Disorderly status callbacks for this number
      </label>
    </Form>
  );
}

/** Every scripted number, its behaviour in a sentence, and a way to reset it. */
export function ScriptedNumbers({ version, onChange }: { version: number; onChange: () => void }) {
  const [numbers, setNumbers] = useState<Scripted[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void phoneApi("numbers").then((result) => {
      if (current && result.ok) setNumbers(result.data.numbers as Scripted[]);
    });
    return () => {
      current = false;
    };
  }, [version]);
  const reset = async (number?: string) => {
    const result = await phoneApi(number ? `numbers/${encodeURIComponent(number)}` : "numbers", { method: "DELETE" });
    setProblem(result.ok ? null : problemOf(result.data, "That did not work"));
    onChange();
  };
  return (
    <section aria-labelledby="scripted-numbers" className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="scripted-numbers" className="font-semibold">Scripted numbers</h2>
      {numbers.length === 0 && <p className="text-sm text-slate-600">None: every number rings here and waits for you.</p>}
      <ul className="space-y-2 text-sm">
        {numbers.map((entry) => (
          <li key={entry.number} className="flex items-start justify-between gap-2">
            <span>{entry.sentence}</span>
            <button type="button" onClick={() => reset(entry.number)} aria-label={`Reset ${entry.number}`} className="shrink-0 rounded-md px-2 py-1 text-xs font-semibold ring-1 ring-slate-300 hover:bg-slate-50">
              Reset
            </button>
          </li>
        ))}
      </ul>
      {numbers.length > 1 && (
        <button type="button" onClick={() => reset()} className="text-xs font-semibold text-slate-700 underline">
          Reset every number
        </button>
      )}
      {problem && <p role="alert" className="text-sm text-red-700">{problem}</p>}
    </section>
  );
}
