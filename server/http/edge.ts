// What the HTTP server does to each request before Next.js sees it: it says who the client is (one
// header, from the socket, see client-address.ts), drops forwarded headers it has no reason to
// believe, and refuses an API body that is too large before a byte of it is read (413), or one
// whose size it is not told (411): browsers and tRPC always send Content-Length.
import type { IncomingMessage, ServerResponse } from "node:http";

import { CLIENT_ADDRESS_HEADER, isTrustedProxy, resolveClientAddress } from "./client-address";

/** The largest API request body: far above any form's, far below what would tie up the server. */
export const MAX_BODY_BYTES = 1_000_000;

export type EdgeOptions = { trustedProxies: string[]; maxBodyBytes?: number };

const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];
const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);

function refuse(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ message }));
}

/** Prepares `req` in place; returns false when it has already answered. */
export function prepareRequest(req: IncomingMessage, res: ServerResponse, options: EdgeOptions): boolean {
  const address = resolveClientAddress(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    options.trustedProxies,
  );
  const peerTrusted = isTrustedProxy(req.socket.remoteAddress, options.trustedProxies);
  delete req.headers[CLIENT_ADDRESS_HEADER];
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  // Without a trusted proxy in front, forwarded headers are a client's own words.
  if (!peerTrusted) for (const name of FORWARDED) delete req.headers[name];

  const max = options.maxBodyBytes ?? MAX_BODY_BYTES;
  if (!BODYLESS.has(req.method ?? "GET") && req.url?.startsWith("/api/")) {
    const declared = req.headers["content-length"];
    if (declared === undefined) {
      if (req.headers["transfer-encoding"]) {
        refuse(res, 411, "send the body with a Content-Length");
        return false;
      }
    } else if (!/^\d+$/.test(declared) || Number(declared) > max) {
      refuse(res, 413, `the request body is larger than ${max.toLocaleString("en")} bytes`);
      return false;
    }
  }
  return true;
}
