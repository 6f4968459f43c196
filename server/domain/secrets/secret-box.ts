// Secrets at rest (the passwords of servers a `postgres` deployment connects to): AES-256-GCM with
// node:crypto. The key is MERIDIAN_SECRET_KEY, or `.data/secret-key` made once (mode 600) by
// whichever process needs it first, as the audit key is; whoever holds only the database holds
// ciphertext. Each secret is bound to what it belongs to (the associated data, e.g. the replica's
// id), so a sealed value copied onto another row, or altered in any byte, fails to open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import path from "node:path";

import { env } from "@/server/env";

import { masterSecretFrom } from "./master-secret";

export const SECRET_KEY_FILE = path.join(".data", "secret-key");
const VERSION = "v1";

export class SecretTamperedError extends Error {
  constructor(what: string) {
    super(`the stored secret of ${what} does not verify: it was altered, moved, or sealed with another key`);
    this.name = "SecretTamperedError";
  }
}

function masterSecret(): string {
  return masterSecretFrom(env().MERIDIAN_SECRET_KEY, SECRET_KEY_FILE, "the secret key");
}

let cached: { secret: string; key: Buffer } | undefined;
function key(): Buffer {
  const secret = masterSecret();
  if (cached?.secret !== secret)
    cached = { secret, key: Buffer.from(hkdfSync("sha256", secret, "meridian", "meridian secrets at rest v1", 32)) };
  return cached.key;
}

/** Seals `plaintext` for `boundTo`: "v1.<iv>.<tag>.<ciphertext>" (base64url), a fresh 96-bit IV each time. */
export function sealSecret(plaintext: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** Opens what sealSecret made for the same `boundTo`; SecretTamperedError when anything differs. */
export function openSecret(sealed: string, boundTo: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new SecretTamperedError(boundTo);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(boundTo, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretTamperedError(boundTo);
  }
}
