/** @type {import('next').NextConfig} */

// Headers for every response; the Content-Security-Policy with its per-request nonce is set in
// proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  // Only meaningful over https; browsers ignore it on http://localhost.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  // linkedom (lib/page-source.ts) requires an optional `canvas` it does not need; left unbundled too.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@node-rs/argon2", "linkedom", "@mozilla/readability"],
  poweredByHeader: false,
  experimental: {
    // proxy.ts refuses any body over 1 MiB with a 413 (lib/request-limits.ts); Next's own limit
    // sits above it so that it never answers first (it answers with a 500).
    serverActions: { bodySizeLimit: "2mb" },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};
module.exports = nextConfig;
