export type LogEntry = { id: number; at: string; kind: string; message: string; code: number | null; clip: string | null };

export type PhoneCall = {
  sid: string;
  parentCallSid: string | null;
  direction: string;
  from: string;
  to: string;
  status: string;
  activity: string;
  bridgedWith: string | null;
  duration: number | null;
  answeredBy: string | null;
  createdAt: string;
  log: LogEntry[];
};

export type Message = { error?: string; ok?: string };

/** Numbers the member form accepts (Ofcom's London range for drama), so a number tried here can also be tried from a campaign page. */
export const DEFAULT_MEMBER = "+442079460555";
export const DEFAULT_TARGET = "+442079460556";

export async function phoneApi(path: string, init?: { method?: string; body?: unknown }): Promise<{ ok: boolean; data: Record<string, unknown> }> {
  const response = await fetch(`/dev/phone/api/${path}`, {
    method: init?.method ?? "GET",
    headers: init?.body ? { "Content-Type": "application/json" } : undefined,
    body: init?.body ? JSON.stringify(init.body) : undefined,
    cache: "no-store",
  });
  const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
  return { ok: response.ok, data };
}

/** The field errors of a refused request, in one line, or its message. */
export function problemOf(data: Record<string, unknown>, fallback: string): string {
  const errors = data.errors as Record<string, string> | undefined;
  return Object.entries(errors ?? {}).map(([field, text]) => `${field}: ${text}`).join("; ") || String(data.error ?? fallback);
}

