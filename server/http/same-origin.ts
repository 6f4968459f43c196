// A request that changes something must come from the console's own pages: its Origin must be one
// of MERIDIAN_URL's (origins.ts). SameSite cookies and the JSON preflight already stop most
// cross-site writes; this stops the rest (a same-site page, a browser quirk) on the server.
import { trustedOrigins } from "./origins";

/** Null when `headers` carry a trusted Origin; otherwise the sentence to refuse with. */
export function originRefusal(headers: Headers): string | null {
  const origin = headers.get("origin");
  if (!origin) return "this request has no Origin header: changes are accepted only from Meridian's own pages";
  if (!trustedOrigins().includes(origin)) return `requests from ${origin} may not change anything in Meridian`;
  return null;
}
