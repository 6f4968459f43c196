// The audit chain's key, kept outside the database: MERIDIAN_AUDIT_KEY, or `.data/audit-key`, made
// once (mode 600) by whichever process needs it first. Whoever holds only the database credentials
// cannot compute a record's MAC, so an edited record cannot be re-hashed into a chain that verifies,
// nor a checkpoint forged. Two keys are derived from it (HKDF), one per use: the chain's HMAC key and
// an Ed25519 key that signs checkpoints, whose public half anyone may hold to check them.
import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from "node:crypto";
import path from "node:path";

import { masterSecretFrom } from "@/server/domain/secrets/master-secret";
import { env } from "@/server/env";

export const AUDIT_KEY_FILE = path.join(".data", "audit-key");

export type AuditKeys = {
  /** HMAC-SHA256 key of the chain. */
  chain: Buffer;
  /** Names the key without revealing it: the first 16 hex digits of the SHA-256 of the public key. */
  keyId: string;
  signing: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
};

/** The master secret: the variable, or the file, made with 48 random bytes when it does not exist. */
function masterSecret(): string {
  return masterSecretFrom(env().MERIDIAN_AUDIT_KEY, AUDIT_KEY_FILE, "the audit key");
}

const derive = (secret: string, purpose: string) =>
  Buffer.from(hkdfSync("sha256", secret, "meridian", `meridian audit ${purpose} v1`, 32));

/** An Ed25519 private key from a 32-byte seed (PKCS#8 DER: a fixed prefix, then the seed). */
function ed25519FromSeed(seed: Buffer): KeyObject {
  const prefix = Buffer.from("302e020100300506032b657004220420", "hex");
  return createPrivateKey({ key: Buffer.concat([prefix, seed]), format: "der", type: "pkcs8" });
}

let cached: { secret: string; keys: AuditKeys } | undefined;

export function auditKeys(): AuditKeys {
  const secret = masterSecret();
  if (cached?.secret === secret) return cached.keys;
  const signing = ed25519FromSeed(derive(secret, "checkpoint"));
  const publicKey = createPublicKey(signing);
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const keyId = createHash("sha256").update(publicKeyPem).digest("hex").slice(0, 16);
  const keys = { chain: derive(secret, "chain"), keyId, signing, publicKey, publicKeyPem };
  cached = { secret, keys };
  return keys;
}

/**
 * A 32-byte key for another purpose (webhook secrets at rest), derived from the same master secret
 * so it too lives outside the database, and apart from the chain's key (its own HKDF info).
 */
export const derivedKey = (purpose: string): Buffer => derive(masterSecret(), purpose);
