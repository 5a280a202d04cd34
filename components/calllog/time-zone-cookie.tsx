"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Tells the server the browser's time zone (a cookie), once, so the call
 * log's times are the campaigner's own. The page re-renders only when the
 * cookie changed, so a zone the server refuses can't loop.
 */
export function TimeZoneCookie({ current }: { current: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const cookie = `pt_tz=${encodeURIComponent(zone)}`;
    if (!zone || zone === current || document.cookie.split("; ").includes(cookie)) return;
    document.cookie = `${cookie}; path=/admin; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [current, router]);
  return null;
}
