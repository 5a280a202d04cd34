"use client";
import { useState } from "react";
import type { ActionState } from "@/lib/auth/action";

/**
 * Every save answers the edited thing's new version (a page, a call tool);
 * the next save must send it, or the server takes it for a stale editor.
 * This reports each new answer once, while rendering.
 */
export function useSavedVersion(state: ActionState, onSaved: (version: number) => void): void {
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.result?.version) onSaved(Number(state.result.version));
  }
}
