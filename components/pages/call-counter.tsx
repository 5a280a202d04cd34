"use client";
import { useEffect, useState } from "react";
import { counterText } from "@/lib/stats/counter-strings";

/**
 * "1,234 calls made" (or "1,234 of 5,000"), fetched after the page loads:
 * the member page is the same cached HTML for everyone, so the live figure
 * can't be in it. Its room is kept from the first paint (the page knows
 * whether there is a goal, so whether a bar comes): the text below doesn't
 * jump when the count arrives.
 */
export function CallCounter({ slug, language, hasGoal }: { slug: string; language: string; hasGoal: boolean }) {
  const [count, setCount] = useState<{ total: number; goal: number | null } | null>(null);
  useEffect(() => {
    let live = true;
    fetch(`/api/pages/${slug}/count`)
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => live && body && typeof body.total === "number" && setCount({ total: body.total, goal: typeof body.goal === "number" ? body.goal : null }))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [slug]);
  const room = hasGoal ? "min-h-10" : "min-h-7";
  if (!count) return <div className={room} />;
  const share = count.goal ? Math.min(100, Math.round((count.total / count.goal) * 100)) : null;
  return (
    <div className={`space-y-1 ${room}`} data-testid="call-counter">
      <p className="text-lg font-semibold text-slate-800">{counterText(language, count.total, count.goal)}</p>
      {share !== null && (
        <div className="h-2 w-full max-w-sm overflow-hidden rounded bg-slate-200" aria-hidden="true">
          <div className="h-full bg-brand-600" style={{ width: `${share}%` }} />
        </div>
      )}
    </div>
  );
}
