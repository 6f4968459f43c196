// The Content-Security-Policy of every page. Scripts run only from our origin or with this
// request's nonce (Next.js puts it on its own inline scripts; the root layout on the theme script);
// 'strict-dynamic' lets those load the chunks they need. Styles may be inline: React Flow and
// Recharts position every node, edge and bar with style attributes, and a style cannot run code.
// Workers only from our origin (the graph's layout runs in one; under 'strict-dynamic' a worker
// would otherwise be refused, as no nonce can vouch for it). Nothing may frame the console, and forms and fetches stay on our origin.
/** The request header proxy.ts hands the nonce to the root layout in. */
export const NONCE_HEADER = "x-nonce";

export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers every answer carries, pages and API alike (next.config.ts). */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  // Older browsers that ignore frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** API answers are data, never a document: nothing in them may load or run. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
