import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const FLOOR = path.join(ROOT, "bench/floor");
const NEXT = path.join(ROOT, "node_modules/.bin/next");

export function build(dir: string, label: string): void {
  console.log(`Building ${label}…`);
  const result = spawnSync(NEXT, ["build", dir], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`next build ${label} failed`);
}

export type Server = { url: string; process: ChildProcess; log: string[]; stop(): Promise<void> };

/**
 * Starts a production server for `dir` and waits until `ready` answers 2xx:
 * the app as `npm start` serves it (server.mjs, whose edge sets the client's
 * address, headers and CSP), the floor app with `next start`. With
 * `profileDir`, Node writes a CPU profile there on exit.
 */
export async function startServer(options: { dir: string; port: number; env: Record<string, string>; ready: string; profileDir?: string }): Promise<Server> {
  const nodeArgs = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  const command = path.resolve(ROOT, options.dir) === ROOT ? [path.join(ROOT, "server.mjs")] : [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", options.dir];
  const child = spawn(process.execPath, [...nodeArgs, ...command, "-p", String(options.port)], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server for ${options.dir} exited:\n${log.join("")}`);
    const ok = await fetch(`${url}${options.ready}`).then((response) => response.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server for ${options.dir} did not become ready:\n${log.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    process: child,
    log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        // SIGINT lets Node write the CPU profile on the way out.
        child.kill("SIGINT");
        setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
      }),
  };
}

export function freshDir(prefix: string): string {
  const dir = path.join(ROOT, "bench/results", `${prefix}-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
