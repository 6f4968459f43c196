// The MAC that chains audit records: HMAC-SHA256, keyed outside the database (audit-key.ts), over
// the previous record's hash, this record's number and its content in canonical JSON. Changing any
// field, renumbering, reordering or removing a record breaks every later link, and without the key
// nobody can compute the links again.
import { createHash, createHmac } from "node:crypto";

import { canonicalJson } from "@/lib/canonical-json";

import { auditKeys } from "./audit-key";

export const GENESIS_HASH = "0".repeat(64);

export type AuditContent = {
  at: Date;
  actorId: string | null;
  actorEmail: string;
  action: string;
  objectType: string;
  objectId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
};

function body(content: AuditContent): string {
  // Fields are picked one by one: a stored record carries more (hash, prevHash) that must not count.
  return canonicalJson({
    at: content.at,
    actorId: content.actorId,
    actorEmail: content.actorEmail,
    action: content.action,
    objectType: content.objectType,
    objectId: content.objectId,
    summary: content.summary,
    before: content.before ?? null,
    after: content.after ?? null,
  });
}

export function auditHash(prevHash: string, seq: bigint, content: AuditContent, key = auditKeys().chain): string {
  return createHmac("sha256", key).update(`${prevHash}\n${seq}\n`).update(body(content)).digest("hex");
}

/** The head's MAC: the head cannot be pointed back at an older record without the key. */
export function headMac(seq: bigint, hash: string, key = auditKeys().chain): string {
  return createHmac("sha256", key).update(`head\n${seq}\n${hash}`).digest("hex");
}

/** The chain as written before it was keyed (plain SHA-256, no record number): only to re-seal it once. */
export function legacyAuditHash(prevHash: string, content: AuditContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(body(content)).digest("hex");
}
