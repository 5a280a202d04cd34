import Link from "next/link";
import { signOutAction } from "@/app/admin/actions";
import { Button, buttonClass } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-6 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="mt-2 text-2xl font-bold">You don&apos;t have access to this area</h1>
      <p className="mt-3 text-slate-600">Your account&apos;s role doesn&apos;t include it. If you think it should, ask one of your organisation&apos;s admins.</p>
      <div className="mt-8 flex justify-center gap-3">
        <Link href="/" className={buttonClass("secondary")}>
          Home
        </Link>
        <form action={signOutAction}>
          <Button type="submit">Sign in as someone else</Button>
        </form>
      </div>
    </main>
  );
}
