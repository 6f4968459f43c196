// How a receiver knows a delivery is Meridian's and fresh: HMAC-SHA256 with the webhook's secret
// over "<timestamp>.<body>", sent as `X-Meridian-Signature: sha256=<hex>` beside
// `X-Meridian-Timestamp: <unix seconds>` (the scheme Stripe and Slack use). A receiver recomputes
// it over the raw body, compares in constant time and refuses old timestamps (replays).
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-meridian-signature";
export const TIMESTAMP_HEADER = "x-meridian-timestamp";
/** The same on every attempt of one delivery: the receiver's deduplication key. */
export const IDEMPOTENCY_HEADER = "idempotency-key";
/** Names one attempt: `<delivery id>:<attempt number>`. */
export const ATTEMPT_HEADER = "x-meridian-attempt";
export const EVENT_HEADER = "x-meridian-event";

export const signBody = (secret: string, timestampSeconds: number, body: string) =>
  `sha256=${createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex")}`;

/** Whether `signature` is what `secret` makes of this timestamp and body (constant-time). */
export function verifySignature(secret: string, timestampSeconds: number, body: string, signature: string): boolean {
  const expected = Buffer.from(signBody(secret, timestampSeconds, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
