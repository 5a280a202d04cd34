import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/60",
  secondary: "bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50",
  danger: "bg-white text-red-700 ring-1 ring-red-300 hover:bg-red-50",
} as const;

export function buttonClass(variant: keyof typeof variants = "primary") {
  return `inline-flex items-center justify-center rounded-md px-3.5 py-2 text-sm font-semibold shadow-sm disabled:cursor-not-allowed ${variants[variant]}`;
}

export function Button({ variant = "primary", className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return <button {...props} className={`${buttonClass(variant)} ${className}`} />;
}
