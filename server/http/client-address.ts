// Who is on the other end of a request. Only the HTTP server sees the socket, so it resolves the
// address once (the peer, or, when the peer is a proxy listed in MERIDIAN_TRUSTED_PROXIES, the first
// address in X-Forwarded-For that is not one of those proxies) and passes it on in one header,
// replacing whatever a client sent under that name. better-auth's rate limit and the audit read it
// from there; an X-Forwarded-For a client makes up is never believed.
import { getIPFromHeader } from "@better-auth/core/utils/ip";

export const CLIENT_ADDRESS_HEADER = "x-meridian-client-address";

/** An IPv4 address that arrived as IPv6 (`::ffff:127.0.0.1`) reads as itself. */
const plain = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: string[],
): string | null {
  if (!peer) return null;
  const direct = plain(peer);
  const forwarded = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  if (trustedProxies.length === 0 || !forwarded) return direct;
  // The peer is the last hop: walk the chain from the right, skipping trusted proxies (better-auth's
  // own walk); an untrusted peer is the answer itself.
  const found = getIPFromHeader(`${forwarded},${direct}`, { trustedProxies, ipv6Subnet: 128 });
  return found ? plain(found) : direct;
}

/** Whether `peer` is one of the proxies whose forwarded headers are believed. */
export function isTrustedProxy(peer: string | undefined, trustedProxies: string[]): boolean {
  if (!peer || trustedProxies.length === 0) return false;
  // better-auth's walk skips trusted hops: a chain of one trusted hop leaves no client, so null.
  return getIPFromHeader(plain(peer), { trustedProxies, ipv6Subnet: 128 }) === null;
}

/** The address the HTTP server resolved, or null when the request did not come through it. */
export function clientAddressOf(headers: Headers | undefined | null): string | null {
  return headers?.get(CLIENT_ADDRESS_HEADER) ?? null;
}
