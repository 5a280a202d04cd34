import path from "node:path";

/**
 * The floor: the smallest Next.js app on the same Next version as
 * Patchthrough, so `npm run bench` can say how close the app comes to the
 * framework's own speed on the same machine in the same run. Not shipped.
 */
const nextConfig = {
  poweredByHeader: false,
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
};

export default nextConfig;
