/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files relative to its own module,
  // so it must be required from node_modules rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "proper-lockfile"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
  poweredByHeader: false,
};

export default nextConfig;
