import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** A port nothing listens on now, so parallel runs on one machine don't collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built app (as `npm start` does; with `bareNextStart`, as a bare `next start`) on its own
 * port and data folder, with extra settings: for tests of other configurations.
 */
export function startApp(port: number, env: Record<string, string>, { bareNextStart = false } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "patchthrough-e2e-app-"));
  const [command, ...args] = bareNextStart ? ["npx", "next", "start", "-p", String(port)] : [process.execPath, "server.mjs", "-p", String(port)];
  const child: ChildProcess = spawn(command!, args, {
    env: { ...process.env, DATA_DIR: dataDir, AUTH_SECRET: "", DATABASE_URL: "", PUBLIC_URL: `http://localhost:${port}`, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const cleanUp = () => fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    url: `http://localhost:${port}`,
    dataDir,
    /** What the process wrote to stderr, less npm's own warnings. */
    stderr: () => stderr.replace(/^npm warn.*\n/gm, "").trim(),
    /** Resolves with the exit code; rejects if the process is still running after `seconds`. */
    async exit(seconds = 45): Promise<number | null> {
      const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running; it printed: ${stderr}`)), seconds * 1000));
      try {
        return await Promise.race([exited, timer]);
      } finally {
        child.kill("SIGKILL");
        cleanUp();
      }
    },
    async ready(seconds = 60): Promise<void> {
      const deadline = Date.now() + seconds * 1000;
      while (Date.now() < deadline) {
        const health = await fetch(`http://localhost:${port}/api/health`).catch(() => null);
        if (health?.ok) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`the app did not become healthy; it printed: ${stderr}`);
    },
    async stop(): Promise<void> {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      child.kill("SIGKILL");
      cleanUp();
    },
  };
}
