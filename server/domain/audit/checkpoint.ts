// Signed checkpoints of the audit head, published outside the database: appended to a file (the
// worker, every few seconds while the head moves), shown on /api/metrics, and handed to whatever
// else publishes them (a webhook). Someone who can rewrite the database can drop the newest records
// and point the head back at an older one, and the chain before it would still verify; a checkpoint
// kept elsewhere says how far the chain had reached, and verification refuses a chain that falls short.
import { sign, verify } from "node:crypto";
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";

import type { Db } from "@/server/db";
import { env } from "@/server/env";

import { auditKeys } from "./audit-key";

export type AuditCheckpoint = {
  /** The newest record's number (a string: it is a bigint). */
  seq: string;
  hash: string;
  at: string;
  keyId: string;
  /** Ed25519 over `meridian audit checkpoint\nseq\nhash\nat`, base64. */
  sig: string;
};

const signedText = (cp: Pick<AuditCheckpoint, "seq" | "hash" | "at">) =>
  Buffer.from(`meridian audit checkpoint\n${cp.seq}\n${cp.hash}\n${cp.at}`);

export function signCheckpoint(head: { seq: bigint | string; hash: string }, at = new Date()): AuditCheckpoint {
  const keys = auditKeys();
  const unsigned = { seq: String(head.seq), hash: head.hash, at: at.toISOString() };
  return { ...unsigned, keyId: keys.keyId, sig: sign(null, signedText(unsigned), keys.signing).toString("base64") };
}

export function checkpointSignatureValid(cp: AuditCheckpoint): boolean {
  try {
    return verify(null, signedText(cp), auditKeys().publicKey, Buffer.from(cp.sig, "base64"));
  } catch {
    return false;
  }
}

/**
 * The audit head now, signed, or null while the chain is empty. This is what a publisher (the
 * metrics endpoint, a deployment's webhook) sends out.
 */
export async function signedCheckpoint(db: Db): Promise<AuditCheckpoint | null> {
  const head = await db.auditHead.findUnique({ where: { id: 1 } });
  return head ? signCheckpoint(head) : null;
}

export const checkpointFile = () => path.resolve(env().MERIDIAN_AUDIT_CHECKPOINTS);

/** The newest checkpoint in the file (its last line), or null. Reads only the end of the file. */
export function newestCheckpoint(file = checkpointFile()): AuditCheckpoint | null {
  if (!existsSync(file)) return null;
  const size = statSync(file).size;
  const length = Math.min(size, 8192);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, "r");
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  const lines = buffer.toString("utf8").split("\n").filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      const parsed = JSON.parse(lines[i]!) as AuditCheckpoint;
      if (parsed && typeof parsed.seq === "string" && typeof parsed.hash === "string") return parsed;
    } catch {
      // a torn last line (a crash mid-write): the one before it counts
    }
  }
  return null;
}

/** Appends a signed checkpoint of the head when it moved since the newest one; returns what was written. */
export async function publishCheckpoint(db: Db, file = checkpointFile()): Promise<AuditCheckpoint | null> {
  const head = await db.auditHead.findUnique({ where: { id: 1 } });
  if (!head) return null;
  const newest = newestCheckpoint(file);
  if (newest && newest.seq === String(head.seq) && newest.hash === head.hash) return null;
  const checkpoint = signCheckpoint(head);
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  return checkpoint;
}
