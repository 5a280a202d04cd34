import fs from "node:fs";
import path from "node:path";

type Node = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/** Where a file's time goes, by package or app folder: "next", "react-dom", "drizzle-orm", "app: lib/calltool"… */
function place(url: string): string {
  if (!url) return "(native, GC, idle)";
  const modules = url.split("node_modules/");
  if (modules.length > 1) {
    const rest = modules.at(-1)!;
    return rest.startsWith("@") ? rest.split("/").slice(0, 2).join("/") : rest.split("/")[0]!;
  }
  const chunk = url.match(/\.next\/server\/(chunks\/[^/]+|app)/);
  if (chunk) return `app bundle (${chunk[1]!.startsWith("chunks") ? "shared chunks" : "routes"})`;
  return url.startsWith("node:") ? "node core" : path.basename(url);
}

/**
 * Sums a V8 CPU profile's self time by where the code lives, so the bench can
 * say where a path spends its time without opening a flame graph.
 */
export function summariseProfile(file: string, top = 12): { where: string; self_ms: number; share: string }[] {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const totals = new Map<string, number>();
  let all = 0;
  for (const [id, micros] of self) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === "(idle)") continue;
    const where = node.callFrame.functionName === "(garbage collector)" ? "(garbage collector)" : place(node.callFrame.url);
    totals.set(where, (totals.get(where) ?? 0) + micros);
    all += micros;
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, micros]) => ({ where, self_ms: Math.round(micros / 1000), share: `${((micros / all) * 100).toFixed(1)}%` }));
}
