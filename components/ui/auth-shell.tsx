import Link from "next/link";

/** The narrow, centred card for pages a person sees before they are signed in. */
export function AuthShell({ children, footer }: { children: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <Link href="/" className="mb-8 text-lg font-bold text-brand-700">
        Patchthrough
      </Link>
      <div className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">{children}</div>
      {footer && <p className="mt-6 text-sm text-slate-600">{footer}</p>}
    </main>
  );
}
