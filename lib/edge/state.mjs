// @ts-check
/**
 * The edge (server.mjs) and the app meet through one object on globalThis:
 * Next.js bundles the app's copy of this module apart from the one the server
 * loaded, so a module-level variable would not be shared.
 */

/** @typedef {{ trustedProxies: number, publicUrl: string, dev: boolean }} EdgeConfig */
/** @typedef {{ config: EdgeConfig | null }} EdgeState */

const KEY = Symbol.for("patchthrough.edge");
const store = /** @type {Record<symbol, EdgeState | undefined>} */ (/** @type {unknown} */ (globalThis));

/** server.mjs calls this before Next.js starts: from then on this process serves every request through the edge. */
export function installEdge() {
  return (store[KEY] ??= { config: null });
}

/** Whether requests reach the app through server.mjs, which alone knows the client's real address. */
export function edgeInstalled() {
  return store[KEY] !== undefined;
}

/** The app hands the edge its validated settings (lib/env.ts) once, at start-up. */
export function configureEdge(/** @type {EdgeConfig} */ config) {
  const state = store[KEY];
  if (!state) throw new Error("configureEdge() called in a process not started by server.mjs");
  state.config = Object.freeze({ ...config });
}

/** @returns {EdgeConfig | null} */
export function edgeConfig() {
  return store[KEY]?.config ?? null;
}
