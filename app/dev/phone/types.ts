export type LogEntry = { id: number; at: string; kind: string; message: string; code: number | null };

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
  createdAt: string;
  log: LogEntry[];
};

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
