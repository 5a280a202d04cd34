import type { InputHTMLAttributes, ReactNode } from "react";

type FieldProps = {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  children?: ReactNode;
} & InputHTMLAttributes<HTMLInputElement>;

/**
 * A labelled input with its error beside it. The error is tied to the input
 * with aria-describedby and aria-invalid, so screen readers announce it.
 */
export function Field({ label, name, error, hint, children, className = "", ...input }: FieldProps) {
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={input.id ?? name} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children ?? (
        <input
          id={input.id ?? name}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`mt-1 block w-full rounded-md border px-3 py-2 text-sm shadow-sm ${error ? "border-red-500" : "border-slate-300"}`}
          {...input}
        />
      )}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
