import "server-only";
import { log } from "../log";
import type { LiveEvent, LiveHub } from "./live";

export type LiveStreamOptions<View> = {
  hub: LiveHub;
  /** Which notifications concern this stream. */
  wants: (event: LiveEvent) => boolean;
  /** The current view, read from the database. */
  read: () => Promise<View>;
  signal: AbortSignal;
  /** Runs on each heartbeat (the volunteer's page marks itself seen). */
  onHeartbeat?: () => Promise<void>;
  heartbeatMs?: number;
};

const encoder = new TextEncoder();
// Notifications that arrive together (a call ending touches three rows) become one read.
const COALESCE_MS = 120;

/**
 * A Server-Sent Events response that sends the view when it changes: on
 * connect, after each notification that concerns it, and on every heartbeat
 * (a safety net should a notification be lost while the LISTEN connection
 * reconnects). A view equal to the last one sent is not sent again.
 */
export function liveStream<View>(options: LiveStreamOptions<View>): Response {
  const heartbeatMs = options.heartbeatMs ?? 20_000;
  let unsubscribe: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let closed = false;
  let last = "";

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe?.();
        if (timer) clearTimeout(timer);
        if (heartbeat) clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const push = async () => {
        timer = null;
        try {
          const data = JSON.stringify(await options.read());
          if (data !== last) {
            last = data;
            send(`data: ${data}\n\n`);
          }
        } catch (error) {
          log.warn({ err: error }, "live view could not be read");
        }
      };
      const schedule = () => {
        timer ??= setTimeout(() => void push(), COALESCE_MS);
      };
      options.signal.addEventListener("abort", close);
      try {
        unsubscribe = await options.hub.subscribe(options.wants, schedule);
      } catch (error) {
        log.error({ err: error }, "could not subscribe to live updates");
      }
      send("retry: 2000\n\n");
      await push();
      heartbeat = setInterval(() => {
        send(": heartbeat\n\n");
        void options.onHeartbeat?.().catch(() => undefined);
        void push();
      }, heartbeatMs);
      if (options.signal.aborted) close();
    },
    cancel() {
      closed = true;
      unsubscribe?.();
      if (timer) clearTimeout(timer);
      if (heartbeat) clearInterval(heartbeat);
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
