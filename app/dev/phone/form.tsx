"use client";
import type { ReactNode } from "react";
import type { Message } from "./types";

export const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

/** One of the panel's small forms: a title, its fields, a button, and what came of it. */
export function Form({ title, submit, button, message, primary, children }: { title: string; submit: () => Promise<void>; button: string; message: Message; primary?: boolean; children: ReactNode }) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 className="font-semibold">{title}</h2>
      {children}
      <button
        type="submit"
        className={primary ? "rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700" : "rounded-md bg-white px-3 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"}
      >
        {button}
      </button>
      {message.ok && <p role="status" className="text-sm text-green-800">{message.ok}</p>}
      {message.error && <p role="alert" className="text-sm text-red-700">{message.error}</p>}
    </form>
  );
}

export function Field({ label, value, onChange, name, type = "text", placeholder }: { label: string; value: string; onChange: (value: string) => void; name?: string; type?: string; placeholder?: string }) {
  return (
    <label className="block text-sm">
      {label}
      <input className={inputClass} type={type} value={value} onChange={(event) => onChange(event.target.value)} name={name} placeholder={placeholder} />
    </label>
  );
}
