// A master secret kept outside the database: the environment variable when set, otherwise a file
// of 48 random bytes made once (mode 600). The audit key and the key of secrets at rest both come
// from here, each from its own variable and file.
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";

/** `fromEnv` when set; else the secret in `file`, made if missing. `what` names it in the error. */
export function masterSecretFrom(fromEnv: string | undefined, file: string, what: string): string {
  if (fromEnv) return fromEnv;
  const full = path.resolve(file);
  mkdirSync(path.dirname(full), { recursive: true });
  try {
    // "wx": exactly one process makes it; the web app and the worker may start at the same moment.
    const fd = openSync(full, "wx", 0o600);
    writeSync(fd, randomBytes(48).toString("base64url"));
    closeSync(fd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = readFileSync(full, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds fewer than 32 characters: ${what} is damaged`);
  return secret;
}
