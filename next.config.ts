import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The end-to-end tests build into their own folder so that they never clobber a running app's build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  reactStrictMode: true,
  // The native SQLite driver is loaded by Node at run time, not bundled; so is Yjs, so that every route shares
  // one copy (bundled per route, it warned "Yjs was already imported", which breaks its instanceof checks).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "yjs"],
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
