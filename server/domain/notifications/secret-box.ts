// Webhook secrets at rest: AES-256-GCM under a key derived from the key kept outside the database
// (audit-key.ts), so a copy of the database alone does not yield a secret that signs deliveries.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

import { derivedKey } from "@/server/domain/audit/audit-key";

const key = () => derivedKey("webhook-secret");

export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(
    ":",
  );
}

export function openSecret(stored: string): string {
  const [version, iv, tag, sealed] = stored.split(":");
  if (version !== "v1" || !iv || !tag || !sealed) throw new Error("the stored webhook secret is not in a known format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}
