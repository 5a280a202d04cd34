import fs from "node:fs";
import path from "node:path";

/**
 * What the production build serves, read from its manifests in .next/ (the
 * e2e suite runs on a fresh build): every page, route handler and server
 * action, so a new one is swept without anyone listing it.
 */
const NEXT = path.resolve(import.meta.dirname, "../../.next");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(NEXT, file), "utf8"));

export type BuiltRoute = { route: string; kind: "page" | "handler" };
export type BuiltAction = { id: string; name: string; file: string; routes: string[] };

/** "/admin/users/page" → "/admin/users", "/api/call/route" → "/api/call". */
function routeManifest(): Record<string, string> {
  return readJson("app-path-routes-manifest.json");
}

export function builtRoutes(): BuiltRoute[] {
  return Object.entries(routeManifest())
    .map(([entry, route]) => ({ route, kind: entry.endsWith("/route") ? ("handler" as const) : ("page" as const) }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** Every server action, with the routes of the pages that render it (its "workers"). */
export function builtActions(): BuiltAction[] {
  const routes = routeManifest();
  const manifest = readJson("server/server-reference-manifest.json") as { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };
  return Object.entries(manifest.node)
    .map(([id, entry]) => ({
      id,
      name: entry.exportedName,
      file: entry.filename,
      routes: Object.keys(entry.workers)
        .map((worker) => routes[`/${worker.replace(/^app\//, "")}`])
        .filter((route): route is string => !!route),
    }))
    .sort((a, b) => `${a.file}#${a.name}`.localeCompare(`${b.file}#${b.name}`));
}
