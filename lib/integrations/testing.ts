import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A CRM's endpoint for tests: records what it receives and answers `answers.shift()` (200 once they run out). */
export function startReceiver(path = "/hooks") {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(answers.shift() ?? 200).end("ok");
    });
  });
  return new Promise<{ url: string; received: Received[]; answers: number[]; close(): void }>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, received, answers, close: () => server.close() })),
  );
}
