"use client";
import { useEffect, useRef } from "react";
import { EMBED_MESSAGE } from "@/lib/pages/embed-message";

/**
 * Tells the partner's page (the frame /embed.js made) how tall the embedded
 * content is, whenever it changes, so the frame fits it. The height is all
 * it says and nothing secret, so any parent may hear it ("*"): the partner's
 * origin is not known here. The script on the partner's side checks that the
 * message comes from the app's origin and its own frame.
 */
export function EmbedHeight({ children }: { children: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element || window.parent === window) return;
    const report = () => window.parent.postMessage({ type: EMBED_MESSAGE, height: Math.ceil(element.getBoundingClientRect().height) }, "*");
    const observer = new ResizeObserver(report);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} data-embed-content="">
      {children}
    </div>
  );
}
