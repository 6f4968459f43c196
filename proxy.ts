// Runs before every page: a fresh nonce per request, and the Content-Security-Policy built on it,
// set on the request (Next.js reads it there to put the nonce on its own scripts) and on the
// answer. API routes and static files are left out: they carry fixed headers (next.config.ts).
import { NextResponse, type NextRequest } from "next/server";

import { contentSecurityPolicy, NONCE_HEADER } from "@/server/http/content-security-policy";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.svg).*)",
      // Prefetches do not render a page, so they need no nonce.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
