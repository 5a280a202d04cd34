import http from "node:http";
import type { AddressInfo } from "node:net";

/** A call the app asked Twilio to place, as the stub saw it. */
export type CreatedCall = { sid: string; to: string; url: string; statusCallback: string };

/**
 * A Twilio REST stand-in that answers `calls.create` at once, as a healthy
 * Twilio would, and remembers what each call asked for, so the webhook mix can
 * replay those calls' webhooks at the URLs the app really handed out.
 */
export async function startTwilioStub(): Promise<{ url: string; calls: CreatedCall[]; close(): Promise<void> }> {
  const calls: CreatedCall[] = [];
  let next = 0;
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (request.method === "POST" && /\/Calls\.json$/.test(request.url ?? "")) {
        const form = new URLSearchParams(body);
        const sid = `CA${(next++).toString(16).padStart(32, "0")}`;
        calls.push({ sid, to: form.get("To") ?? "", url: form.get("Url") ?? "", statusCallback: form.get("StatusCallback") ?? "" });
        response.writeHead(201, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ sid, status: "queued", to: form.get("To"), from: form.get("From"), direction: "outbound-api" }));
        return;
      }
      response.writeHead(404, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ code: 20404, message: "Not found", status: 404 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
