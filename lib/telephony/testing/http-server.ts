import http from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (request: Request) => Promise<Response> | Response;

/**
 * Serves fetch-style handlers over real HTTP on 127.0.0.1, so tests can drive
 * the official Twilio SDK and the simulator's signed webhooks end to end,
 * exactly as they cross the network in the app.
 */
export async function startHttpServer(handler: Handler): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = `http://${incoming.headers.host}${incoming.url}`;
    const headers = new Headers();
    for (const [key, value] of Object.entries(incoming.headers)) {
      if (typeof value === "string") headers.set(key, value);
      else if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    }
    try {
      const response = await handler(new Request(url, { method: incoming.method, headers, body: body.length ? body : undefined }));
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      outgoing.writeHead(500, { "Content-Type": "text/plain" });
      outgoing.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
