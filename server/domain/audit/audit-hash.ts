// The hash that chains audit records: SHA-256 over the previous record's hash and this record's
// content in canonical JSON. Changing any field, or removing a record, breaks every later link.
import { createHash } from "node:crypto";

import { canonicalJson } from "@/lib/canonical-json";

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

export function auditHash(prevHash: string, content: AuditContent): string {
  // Fields are picked one by one: a stored record carries more (seq, hash) that must not count.
  const body = canonicalJson({
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
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
