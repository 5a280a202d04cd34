"use client";
import { useState } from "react";
import type { ActionState } from "@/lib/auth/action";

/**
 * Every save answers the call tool's new version; the editor's other forms
 * must send it next time, or the server takes them for a stale editor. This
 * reports each new answer once, while rendering.
 */
export function useSavedVersion(state: ActionState, onSaved: (version: number) => void): void {
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.result?.version) onSaved(Number(state.result.version));
  }
}
