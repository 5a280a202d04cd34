import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A PostgreSQL server of a test's own (initdb + pg_ctl on a free port), so a
 * fault test can stop and start it without touching the shared server on
 * 5432. Uses the server binaries of the installed PostgreSQL; as root, runs
 * them as the `postgres` user, since PostgreSQL refuses to run as root.
 */
export type ScratchCluster = { url: string; port: number; stop(): void; start(): void; destroy(): void };

function binDir(): string {
  const fromPath = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  const candidates = [fromPath.status === 0 ? fromPath.stdout.trim() : "", ...listVersions()];
  const found = candidates.find((dir) => dir && fs.existsSync(path.join(dir, "initdb")));
  if (!found) throw new Error("PostgreSQL's server binaries (initdb, pg_ctl) were not found: install postgresql");
  return found;
}

function listVersions(): string[] {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return [];
  return fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)).map((version) => path.join(base, version, "bin"));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startScratchCluster(): Promise<ScratchCluster> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchthrough-pg-"));
  const data = path.join(dir, "data");
  const socketDir = path.join(dir, "sockets");
  fs.mkdirSync(socketDir);
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]] : [path.join(bin, command), args];
    execFileSync(file, argv as string[], { stdio: ["ignore", "ignore", "pipe"] });
  };
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  const start = () => run("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-o", `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    // Immediate: the way a crash or a failover looks to clients, connections cut mid-query.
    stop: () => run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]),
    destroy: () => {
      spawnSync(asRoot ? "runuser" : path.join(bin, "pg_ctl"), asRoot ? ["-u", "postgres", "--", path.join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop"] : ["-D", data, "-m", "immediate", "stop"]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
