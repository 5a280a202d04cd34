import http from "node:http";
import type { AddressInfo } from "node:net";

export type RestRequest = { method: string; path: string; params: URLSearchParams; at: number };
/**
 * What the proxy does to the next call creation: cut the connection after
 * passing it on (Twilio created the call, its answer was lost), cut it
 * before (Twilio never saw it), or answer with an error status instead.
 */
export type CreateFault =
  | { kind: "drop-after-create" }
  | { kind: "drop-before-create" }
  | { kind: "status"; status: number; code: number; message: string }
  /** Twilio answers, but only after `ms` (the call is created when the answer comes). */
  | { kind: "slow"; ms: number }
  /** Twilio takes the request and never answers. */
  | { kind: "silent" };

/**
 * A stand-in for the network between the app and Twilio's REST API: it
 * forwards every request to the simulator, records it (so tests can read the
 * parameters the app sent), and on demand breaks the next call creation the
 * way a network does.
 */
export async function startTwilioProxy(upstream: string) {
  const requests: RestRequest[] = [];
  const faults: CreateFault[] = [];
  const server = http.createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const path = incoming.url ?? "/";
    requests.push({ method: incoming.method ?? "GET", path, params: new URLSearchParams(incoming.method === "GET" ? (path.split("?")[1] ?? "") : body), at: Date.now() });
    const creates = incoming.method === "POST" && /\/Calls\.json$/.test(path.split("?")[0]!);
    const fault = creates ? faults.shift() : undefined;
    if (fault?.kind === "drop-before-create") {
      incoming.socket.destroy();
      return;
    }
    if (fault?.kind === "silent") return;
    if (fault?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === "status") {
      outgoing.writeHead(fault.status, { "Content-Type": "application/json" });
      outgoing.end(JSON.stringify({ code: fault.code, message: fault.message, more_info: `https://www.twilio.com/docs/errors/${fault.code}`, status: fault.status }));
      return;
    }
    const headers = Object.fromEntries(Object.entries(incoming.headers).filter(([key, value]) => typeof value === "string" && key !== "host" && key !== "content-length")) as Record<string, string>;
    const response = await fetch(`${upstream}${path}`, { method: incoming.method, headers, body: incoming.method === "GET" ? undefined : body });
    const answer = Buffer.from(await response.arrayBuffer());
    if (fault?.kind === "drop-after-create") {
      incoming.socket.destroy();
      return;
    }
    outgoing.writeHead(response.status, { "Content-Type": response.headers.get("content-type") ?? "application/json" });
    outgoing.end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Breaks the next call creation this way. */
    fail: (fault: CreateFault) => faults.push(fault),
    /** Every call creation so far. */
    creations: () => requests.filter((request) => request.method === "POST" && /\/Calls\.json$/.test(request.path)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
